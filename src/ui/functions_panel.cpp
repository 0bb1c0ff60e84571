// The functions panel: the six key functions of scalenus posterior from the article, each with its
// description and a button that shows it on the model — the muscle selected, the parts it moves and
// the muscles that work lit up beside it — and plays it as a loop (issue 14): play/pause, a scrub
// bar, speed, loop, frame steps with the , and . keys, and the lengths measured on the posed model.
#include "ui/panels.h"

#include "content/article.h"
#include "content/article_view.h"
#include "scene/paired_ids.h"
#include "ui/text_flow.h"

#include <algorithm>
#include <cmath>
#include <imgui.h>

namespace atlas::ui {
namespace {

std::string nameOf(const Session &session, const std::string &id) {
  const Structure *s = session.scene().find(id);
  return s ? s->displayName() : id;
}

// "scalenus posterior (right)" from "scalenus_posterior_right".
std::string plainMuscleName(const std::string &id) {
  std::string name = id;
  std::replace(name.begin(), name.end(), '_', ' ');
  for (const char *side : {"left", "right"}) {
    const std::string tail = std::string(" ") + side;
    if (name.size() > tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0)
      return name.substr(0, name.size() - tail.size()) + " (" + side + ")";
  }
  return name;
}

// The player of the function being shown: controls (each a Command, like the , . and space keys), what
// moves, the lengths measured on the posed model.
void drawPlayer(FrameContext &ctx, const FunctionAnimation &animation) {
  const Session &session = ctx.session;
  const FunctionMotion *motion = animation.motion();
  if (!motion)
    return;
  if (ImGui::Button(animation.playing() ? "Pause" : "Play"))
    ctx.commands.push_back(PlayFunctionCommand{!animation.playing()});
  markItem(ctx, "functions.play");
  ImGui::SameLine();
  if (ImGui::Button("<"))
    ctx.commands.push_back(StepFunctionCommand{-1});
  markItem(ctx, "functions.step_back");
  ImGui::SameLine();
  if (ImGui::Button(">"))
    ctx.commands.push_back(StepFunctionCommand{1});
  markItem(ctx, "functions.step_forward");
  ImGui::SameLine();
  bool loop = animation.loop;
  if (ImGui::Checkbox("Loop", &loop))
    ctx.commands.push_back(SetFunctionPlaybackCommand{animation.speed, loop});
  markItem(ctx, "functions.loop");
  ImGui::SameLine();
  if (ImGui::Button("Rest"))
    ctx.commands.push_back(RestFunctionCommand{});
  markItem(ctx, "functions.rest");
  float t = animation.time();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
  if (ImGui::SliderFloat("Time", &t, 0.0f, 1.0f, "%.2f"))
    ctx.commands.push_back(SeekFunctionCommand{t});
  markItem(ctx, "functions.time");
  float speed = animation.speed;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
  if (ImGui::SliderFloat("Speed", &speed, 0.25f, 2.0f, "%.2fx"))
    ctx.commands.push_back(SetFunctionPlaybackCommand{speed, animation.loop});
  markItem(ctx, "functions.speed");
  const float degrees = degreesAt(*motion, animation.time());
  ImGui::PushTextWrapPos(0.0f);
  if (motion->moves)
    ImGui::Text("Now: %.0f° of %s (peak %.0f°)", degrees, motion->action.c_str(), motion->peakDegrees);
  else
    ImGui::Text("Now: %s", motion->action.c_str());
  // The working muscles, and those of the other side (stretched when the neck bends away from them).
  std::vector<std::string> shown = motion->active;
  if (motion->moves)
    for (const std::string &id : motion->active) {
      const std::string other = otherSideId(id);
      if (!other.empty() && std::find(shown.begin(), shown.end(), other) == shown.end())
        shown.push_back(other);
    }
  for (const std::string &id : shown) {
    const FunctionAnimation::Length length = animation.muscleLength(session.scene(), id);
    if (length.restMm <= 0.0f)
      continue;
    const bool working = std::find(motion->active.begin(), motion->active.end(), id) != motion->active.end();
    const std::string line =
        lengthReadout(plainMuscleName(id), length.restMm, length.nowMm, degrees, motion->action);
    if (working)
      ImGui::TextColored(ImVec4(0.35f, 0.85f, 0.75f, 1.0f), "%s", line.c_str());
    else
      ImGui::TextDisabled("%s", line.c_str());
  }
  ImGui::TextDisabled("%s", motion->note.c_str());
  ImGui::TextDisabled("Numbers: %s. Space plays or pauses; , and . step one frame.", motion->source.c_str());
  ImGui::PopTextWrapPos();
}

} // namespace

bool drawFunctionsPanel(FrameContext &ctx) {
  if (!ctx.reading || ctx.reading->panel != content::ReadingPanel::Functions)
    return false;
  content::ArticleView &view = *ctx.reading;
  const Session &session = ctx.session;
  const content::ArticleSection *section =
      session.article ? session.article->findSection("functions") : nullptr;

  placeRightPanel(ctx, 30.0f, 0.4f);
  bool open = true;
  if (!ImGui::Begin("Functions", &open, kRightPanelFlags)) {
    ImGui::End();
    return true;
  }
  if (!open)
    view.panel = content::ReadingPanel::None;
  if (!section) {
    ImGui::TextWrapped("The article's functions section is not loaded (content/article/03_functions.yaml).");
    ImGui::End();
    return true;
  }
  const bool patient = view.patientMode;
  flowParagraph(section->introFor(patient), 0.0f,
                ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x, session);
  ImGui::Checkbox("Reading for patients", &view.patientMode);

  const std::string selectedId =
      session.selected() >= 0 ? session.scene().structures()[static_cast<std::size_t>(session.selected())].id
                              : "";
  const std::string muscle = content::functionOnModel(content::ArticleItem{}, selectedId).muscle;
  const bool haveMuscle = session.scene().indexOf(muscle) >= 0;
  ImGui::Separator();

  ImGui::BeginChild("functions");
  int number = 0;
  for (const content::ArticleItem &item : section->items) {
    ++number;
    ImGui::PushID(item.id.c_str());
    const bool shown = view.shownFunction == item.id && selectedId == muscle;
    // A function shown from elsewhere (the command line, a lesson) scrolls into view once, so its
    // player is on screen and not below the fold.
    if (shown && view.scrolledFunction != item.id) {
      ImGui::SetScrollHereY(0.0f);
      view.scrolledFunction = item.id;
    }
    ImGui::PushFont(ctx.fonts.heading);
    if (shown)
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.35f, 0.85f, 0.75f, 1.0f));
    ImGui::Text("%d. %s", number, content::plainText(item.term).c_str());
    if (shown)
      ImGui::PopStyleColor();
    ImGui::PopFont();
    const float right = ImGui::GetCursorScreenPos().x +
                        std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 30.0f);
    const std::string clicked = flowParagraph(patient ? item.patient : item.text, 0.0f, right, session);
    for (const content::SourceNote &note : item.notes) {
      const ImU32 color = IM_COL32(240, 200, 130, 255);
      std::vector<Word> words;
      appendWords(words, patient ? "Where books differ:" : "Where the sources differ:", "", ctx.fonts.bold,
                  color, "");
      appendWords(words, " " + note.text, "", ctx.fonts.body, color, "");
      flowWords(words, ImGui::GetFontSize(), right, session);
    }
    if (!clicked.empty())
      ctx.commands.push_back(SelectCommand{clicked, /*frame=*/true});

    const std::vector<std::string> parts = content::functionOnModel(item, selectedId).parts;
    if (!haveMuscle)
      ImGui::BeginDisabled();
    // The muscles that work light up with the parts moved; the function starts playing.
    if (ImGui::Button(shown ? "Shown on the model" : "Show on model"))
      ctx.commands.push_back(ShowFunctionCommand{item.id});
    if (!haveMuscle) {
      ImGui::EndDisabled();
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("The loaded model has no %s", muscle.c_str());
    }
    if (shown) {
      // The static depiction: what lights up, named, with what the model lacks said plainly.
      std::string lit = nameOf(session, muscle) + " (selected)";
      for (const std::string &id : parts)
        lit += ", " + (session.scene().indexOf(id) >= 0 ? nameOf(session, id) : id + " (not in this model)");
      const FunctionAnimation &animation = session.functionAnimation();
      // The muscles at work glow on the model (ViewState::working): named here too, so the text says
      // what the glow means for this function.
      std::string working;
      if (animation.motion() && animation.motion()->function == item.id)
        for (const int index : session.view().working)
          working += (working.empty() ? "" : ", ") +
                     nameOf(session, session.scene().structures()[static_cast<std::size_t>(index)].id);
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextDisabled("On the model: %s.", lit.c_str());
      if (!working.empty())
        ImGui::TextDisabled("%s %s.",
                            patient ? "Working (they glow):" : "At work (glowing):", working.c_str());
      ImGui::PopTextWrapPos();
      if (animation.motion() && animation.motion()->function == item.id)
        drawPlayer(ctx, animation);
    }
    ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.6f));
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::End();
  return true;
}

} // namespace atlas::ui
