// The Progress panel (issue 15): what the spaced-repetition scheduler knows of the student - cards due
// today, learned and new, and the weak spots (lowest E-Factor, most lapses; session/quiz_schedule.h)
// each with a button that shows the structure on the model; export and import of the progress file.
// It reads the Session's quiz memory and emits commands.
#include "ui/panels.h"

#include "session/quiz_questions.h"
#include "session/quiz_words.h"

#include <map>

namespace atlas::ui {
namespace {

// Every card the open model can ask, by key, worked out once per model (as the Quiz menu's decks).
const std::map<std::string, quiz::QuizQuestion> &cardsOf(const Session &session) {
  static std::uint64_t generation = 0;
  static std::map<std::string, quiz::QuizQuestion> cards;
  if (generation != session.sceneGeneration() || cards.empty()) {
    generation = session.sceneGeneration();
    cards.clear();
    for (quiz::QuizQuestion &q : quiz::allQuestions(session.scene(), session.knowledge(), 1))
      cards.emplace(quiz::cardKey(q), std::move(q));
  }
  return cards;
}

// A path typed for export or import; a fixed buffer as the other panels use.
std::string &transferPath() {
  static std::string path = "scalene-atlas-progress.json";
  return path;
}

void drawWeakSpots(FrameContext &ctx, const quiz::ProgressSummary &summary) {
  const auto &cards = cardsOf(ctx.session);
  if (summary.weakSpots.empty()) {
    ImGui::TextDisabled("No weak spots yet: nothing forgotten, nothing found hard.");
    return;
  }
  for (std::size_t i = 0; i < summary.weakSpots.size(); ++i) {
    const quiz::WeakSpot &spot = summary.weakSpots[i];
    ImGui::PushID(static_cast<int>(i));
    const auto card = cards.find(spot.key);
    ImGui::TextWrapped("%s", card != cards.end() ? card->second.prompt.c_str() : spot.key.c_str());
    const std::string forgotten =
        spot.lapses > 0 ? ", forgotten " + quiz::countOf(spot.lapses, "time", "times") : "";
    ImGui::TextDisabled("  easiness %.2f%s", spot.easiness, forgotten.c_str());
    if (card != cards.end() && !card->second.show.empty()) {
      // Beside the line when it fits, else below it (the panel is narrow at 1280x720).
      const float button = ImGui::CalcTextSize("Show on model").x + ImGui::GetStyle().FramePadding.x * 2.0f;
      const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
      if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + button <= right)
        ImGui::SameLine();
      if (ImGui::SmallButton("Show on model"))
        ctx.commands.push_back(ShowPartsCommand{card->second.show.front(), card->second.show, true, false});
      markItem(ctx, ("progress.show." + std::to_string(i)).c_str());
    }
    ImGui::PopID();
  }
}

} // namespace

bool drawQuizProgressPanel(FrameContext &ctx) {
  const Session &session = ctx.session;
  if (!session.quizView.progressOpen)
    return false;
  placeRightPanel(ctx, 28.0f, 0.38f);
  bool open = true;
  const bool shown = ImGui::Begin("Progress", &open, kRightPanelFlags);
  if (!open)
    ctx.commands.push_back(ShowQuizProgressCommand{false});
  if (!shown) {
    ImGui::End();
    return true;
  }
  // Only the cards this model and content can still ask are counted (older keys stay in the file).
  std::vector<std::string> known;
  for (const auto &entry : cardsOf(session))
    known.push_back(entry.first);
  const quiz::ProgressSummary summary =
      quiz::summarize(session.quizMemory.progress().cards, session.quizMemory.today, known);
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::Text("Self-test progress");
  ImGui::PopFont();
  ImGui::TextWrapped("Due today: %d", summary.due);
  ImGui::TextWrapped("Learned: %d (remembered twice in a row)", summary.learned);
  const int fresh = static_cast<int>(known.size()) - summary.cards;
  ImGui::TextWrapped("New: %d of %s never answered", fresh,
                     quiz::countOf(static_cast<long long>(known.size()), "card", "cards").c_str());
  if (summary.due > 0 && ImGui::Button("Practise the due cards"))
    ctx.commands.push_back(StartQuizCommand{"all", 1, summary.due, quiz::QuizMode::Practice});
  markItem(ctx, "progress.practise");
  ImGui::Separator();
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::Text("Weak spots");
  ImGui::PopFont();
  drawWeakSpots(ctx, summary);
  ImGui::Separator();
  const std::string kept =
      "Kept in " + (session.quizMemory.file.empty() ? std::string("memory only (no file)")
                                                    : session.quizMemory.file.string());
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", kept.c_str()); // a long path wraps instead of running off the panel
  ImGui::PopStyleColor();
  std::string &path = transferPath();
  char buffer[512] = {};
  path.copy(buffer, sizeof(buffer) - 1);
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputText("##progress-path", buffer, sizeof(buffer));
  path = buffer;
  markItem(ctx, "progress.path");
  if (ImGui::Button("Export progress..."))
    ctx.commands.push_back(TransferQuizProgressCommand{path, false});
  markItem(ctx, "progress.export");
  ImGui::SameLine();
  if (ImGui::Button("Import progress..."))
    ctx.commands.push_back(TransferQuizProgressCommand{path, true});
  markItem(ctx, "progress.import");
  if (!session.quizMemory.message().empty())
    ImGui::TextWrapped("%s", session.quizMemory.message().c_str());
  ImGui::End();
  return true;
}

} // namespace atlas::ui
