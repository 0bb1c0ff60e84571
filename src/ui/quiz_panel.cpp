// The Quiz panel (issue 15): the self-test's current question with its options as buttons, a text box
// for typed names, the clicks gathered for several-click questions, and, in practice mode, the
// feedback with its explanation and source; at the end the score and a review. The Quiz menu starts a
// deck. It reads the Session's quiz and emits commands (StartQuizCommand, AnswerQuizCommand...).
#include "ui/panels.h"

#include "session/quiz_questions.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

namespace atlas::ui {
namespace {

// The decks of the open model, worked out once per model (generating every question is not free).
const std::vector<std::string> &decksOf(const Session &session) {
  static std::uint64_t generation = 0;
  static std::vector<std::string> decks;
  if (generation != session.sceneGeneration() || decks.empty()) {
    generation = session.sceneGeneration();
    decks = quiz::deckNames(quiz::allQuestions(session.scene(), session.knowledge(), 1), session.scene());
  }
  return decks;
}

// A fresh seed for each quiz started from the window (the command line gives its own for repeatable runs).
std::uint32_t freshSeed() {
  static std::random_device device;
  return device();
}

// Greyed help text, wrapped to the panel (plain TextDisabled ran past its edge at 1280x720).
void hintText(const char *text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

// An option as a full-width button whose label wraps onto more lines: "Middle trunk of the brachial
// plexus (right)" ran past the panel's edge at 1280x720.
bool optionButton(const std::string &label) {
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  const float width = ImGui::GetContentRegionAvail().x;
  const float wrap = width - pad.x * 2.0f;
  const ImVec2 text = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::Button(("##" + label).c_str(), ImVec2(width, text.y + pad.y * 2.0f));
  ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                      ImVec2(at.x + pad.x, at.y + pad.y), ImGui::GetColorU32(ImGuiCol_Text),
                                      label.c_str(), nullptr, wrap);
  return pressed;
}

// The text box: a fixed buffer, as the other panels do without imgui_stdlib; cleared per question.
std::string &typedAnswer(std::size_t index) {
  static std::string text;
  static std::size_t shownFor = static_cast<std::size_t>(-1);
  if (shownFor != index) {
    text.clear();
    shownFor = index;
  }
  return text;
}

void drawAskedQuestion(FrameContext &ctx, const quiz::QuizRun &run, const quiz::QuizQuestion &q) {
  const quiz::GivenAnswer &given = *run.currentAnswer();
  if (q.form == quiz::AnswerForm::Choice) {
    for (std::size_t i = 0; i < q.options.size(); ++i) {
      const std::string label = std::to_string(i + 1) + ". " + q.options[i];
      if (optionButton(label))
        ctx.commands.push_back(AnswerQuizCommand{q.options[i]});
      markItem(ctx, ("quiz.option." + std::to_string(i)).c_str());
    }
    hintText("or type the name (English or Latin):");
  } else if (q.form == quiz::AnswerForm::Clicks) {
    hintText("Click each part on the model (a second click takes it back), then Submit. Drag to turn "
             "the model, scroll to zoom.");
    std::string gathered;
    for (const std::string &id : run.pendingClicks()) {
      const Structure *s = ctx.session.scene().find(id);
      gathered += (gathered.empty() ? "" : ", ") + (s ? s->displayName() : id);
    }
    ImGui::TextWrapped("Clicked: %s", gathered.empty() ? "nothing yet" : gathered.c_str());
    if (ImGui::Button("Submit clicks"))
      ctx.commands.push_back(AnswerQuizCommand{""});
    markItem(ctx, "quiz.submit_clicks");
    hintText("or type the names, separated by commas:");
  } else if (q.kind == quiz::QuizKind::Find) {
    // The prompt names the part: typing the name back would score without finding anything.
    hintText("Click it on the model. Drag to turn the model, scroll to zoom, or use the Structures "
             "panel's hide and x-ray to see what lies behind.");
    return;
  } else {
    hintText("Click it on the model, or type its name:");
  }
  std::string &text = typedAnswer(run.index());
  char buffer[256] = {};
  text.copy(buffer, sizeof(buffer) - 1);
  ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Submit").x - ImGui::GetStyle().FramePadding.x * 4.0f);
  const bool entered =
      ImGui::InputText("##quiz-answer", buffer, sizeof(buffer), ImGuiInputTextFlags_EnterReturnsTrue);
  text = buffer;
  markItem(ctx, "quiz.answer");
  ImGui::SameLine();
  if ((ImGui::Button("Submit") || entered) && !text.empty())
    ctx.commands.push_back(AnswerQuizCommand{text});
  markItem(ctx, "quiz.submit");
  (void)given;
}

void drawFeedback(FrameContext &ctx, const quiz::QuizQuestion &q, const quiz::GivenAnswer &given) {
  const ImVec4 colour = given.correct        ? ImVec4(0.35f, 0.8f, 0.4f, 1.0f)
                        : given.credit > 0.0 ? ImVec4(0.95f, 0.75f, 0.3f, 1.0f)
                                             : ImVec4(0.95f, 0.4f, 0.35f, 1.0f);
  char verdict[96];
  if (given.correct)
    std::snprintf(verdict, sizeof(verdict), "Right.");
  else if (given.credit > 0.0)
    std::snprintf(verdict, sizeof(verdict), "Partly right: %.0f %% of the parts.", given.credit * 100.0);
  else
    std::snprintf(verdict, sizeof(verdict), "Not right.");
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextColored(colour, "%s", verdict);
  ImGui::PopFont();
  std::string answer;
  for (const std::string &id : q.expected) {
    const Structure *s = ctx.session.scene().find(id);
    answer += (answer.empty() ? "" : ", ") + (s ? s->displayName()
                                              : q.correctOption >= 0
                                                  ? q.options[static_cast<std::size_t>(q.correctOption)]
                                                  : id);
  }
  ImGui::TextWrapped("Answer: %s (shown on the model)", answer.c_str());
  // What the student gave, when it was one part or option: "Not right." alone did not say.
  if (!given.correct && q.form != quiz::AnswerForm::Clicks) {
    std::string gave = given.text;
    if (given.chosenOption >= 0 && static_cast<std::size_t>(given.chosenOption) < q.options.size())
      gave = q.options[static_cast<std::size_t>(given.chosenOption)];
    else if (given.clicks.size() == 1)
      if (const Structure *s = ctx.session.scene().find(given.clicks.front()))
        gave = s->displayName();
    ImGui::TextWrapped("You gave: %s", gave.c_str());
  }
  if (q.form == quiz::AnswerForm::Clicks && !given.correct) {
    // Which parts were missed and which were not part of it, so partial credit says what to revise.
    auto names = [&](const std::vector<std::string> &from, const std::vector<std::string> &notIn) {
      std::string list;
      for (const std::string &id : from)
        if (std::find(notIn.begin(), notIn.end(), id) == notIn.end()) {
          const Structure *s = ctx.session.scene().find(id);
          list += (list.empty() ? "" : ", ") + (s ? s->displayName() : id);
        }
      return list;
    };
    if (const std::string missed = names(q.expected, given.clicks); !missed.empty())
      ImGui::TextWrapped("Missed: %s", missed.c_str());
    if (const std::string extra = names(given.clicks, q.expected); !extra.empty())
      ImGui::TextWrapped("Not part of it: %s", extra.c_str());
  }
  if (!q.explanation.empty())
    ImGui::TextWrapped("%s", q.explanation.c_str());
  if (!q.cite.empty())
    hintText(("Source: " + q.cite).c_str());
}

void drawReview(FrameContext &ctx, const quiz::QuizRun &run) {
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::Text("Score %.1f of %zu", run.score(), run.questions().size());
  ImGui::PopFont();
  const double seconds = ctx.session.quizElapsedSeconds();
  ImGui::TextDisabled("Time taken: %d min %02d s", static_cast<int>(seconds) / 60,
                      static_cast<int>(seconds) % 60);
  ImGui::BeginChild("quiz-review");
  for (std::size_t i = 0; i < run.questions().size(); ++i) {
    const quiz::QuizQuestion &q = run.questions()[i];
    const quiz::GivenAnswer &g = run.given()[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TextColored(g.correct ? ImVec4(0.35f, 0.8f, 0.4f, 1.0f) : ImVec4(0.95f, 0.4f, 0.35f, 1.0f), "%s",
                       g.correct        ? "right"
                       : g.credit > 0.0 ? "partly"
                                        : "wrong");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", q.prompt.c_str());
    hintText(("  you: " + (g.answered ? g.text : std::string("(no answer)"))).c_str());
    if (!q.explanation.empty())
      ImGui::TextWrapped("  %s", q.explanation.c_str());
    if (!q.expected.empty() && ImGui::SmallButton("Show on model")) {
      if (ctx.session.scene().find(q.expected.front()))
        ctx.commands.push_back(ShowPartsCommand{q.expected.front(), q.expected, true, false});
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

} // namespace

void drawQuizMenu(FrameContext &ctx) {
  if (!ImGui::BeginMenu("Quiz")) {
    markItem(ctx, "menu.quiz");
    return;
  }
  for (const quiz::QuizMode mode : {quiz::QuizMode::Practice, quiz::QuizMode::Exam}) {
    if (ImGui::BeginMenu(mode == quiz::QuizMode::Practice ? "Practice (feedback after each answer)"
                                                          : "Exam (10 questions, score at the end)")) {
      for (const std::string &deck : decksOf(ctx.session))
        if (ImGui::MenuItem(deck.c_str()))
          ctx.commands.push_back(StartQuizCommand{deck, freshSeed(), 10, mode});
      if (ctx.session.quizSets && !ctx.session.quizSets->sets.empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("Teacher sets");
        for (const content::QuizSet &set : ctx.session.quizSets->sets)
          if (ImGui::MenuItem(set.title.empty() ? set.id.c_str() : set.title.c_str()))
            ctx.commands.push_back(StartQuizCommand{set.id, freshSeed(), 0, mode});
      }
      ImGui::EndMenu();
    }
  }
  ImGui::Separator();
  if (ImGui::MenuItem("Progress...", nullptr, ctx.session.quizView.progressOpen))
    ctx.commands.push_back(ShowQuizProgressCommand{!ctx.session.quizView.progressOpen});
  markItem(ctx, "menu.quiz.progress");
  if (ctx.session.quiz() && ImGui::MenuItem("Stop the quiz"))
    ctx.commands.push_back(StartQuizCommand{"", 0, 0, quiz::QuizMode::Practice, true});
  ImGui::EndMenu();
}

bool drawQuizPanel(FrameContext &ctx) {
  const Session &session = ctx.session;
  if (!session.quizView.open || !session.quiz())
    return false;
  const quiz::QuizRun &run = *session.quiz();
  placeRightPanel(ctx, 28.0f, 0.38f);
  bool open = true;
  const bool shown = ImGui::Begin("Quiz", &open, kRightPanelFlags);
  if (!open)
    ctx.commands.push_back(StartQuizCommand{"", 0, 0, quiz::QuizMode::Practice, true});
  if (!shown) {
    ImGui::End();
    return true;
  }
  const bool practice = run.mode() == quiz::QuizMode::Practice;
  // Wrapped: a teacher set's long deck name ran past the panel's edge at 1280x720. An exam keeps its
  // score to itself until the end.
  char status[256];
  std::snprintf(status, sizeof(status), "Deck %s, %s, question %zu of %zu", run.deck().c_str(),
                quiz::quizModeName(run.mode()), std::min(run.index() + 1, run.questions().size()),
                run.questions().size());
  std::string line = status;
  if (practice) {
    std::snprintf(status, sizeof(status), "%.1f", run.score());
    std::string score = status;
    if (score.size() > 2 && score.compare(score.size() - 2, 2, ".0") == 0)
      score.resize(score.size() - 2); // "score 3", "score 2.3" (partial credit)
    line += ", score " + score;
  }
  hintText(line.c_str());
  markItem(ctx, "quiz.status");
  if (!session.quizMemory.message().empty()) // e.g. a corrupt progress file kept aside
    ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.3f, 1.0f), "%s", session.quizMemory.message().c_str());
  if (!practice && session.quizClockRunning()) {
    const double left = session.questionSecondsLeft();
    ImGui::TextColored(left < 10.0 ? ImVec4(0.95f, 0.4f, 0.35f, 1.0f) : ImVec4(0.8f, 0.8f, 0.8f, 1.0f),
                       "Time left for this question: %.0f s", std::ceil(left));
    markItem(ctx, "quiz.time_left");
  }
  const quiz::QuizQuestion *q = run.current();
  const quiz::GivenAnswer *given = run.currentAnswer();
  if (!q) { // an exam is over: the score and the review
    drawReview(ctx, run);
    ImGui::End();
    return true;
  }
  ImGui::Separator();
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextWrapped("%s", q->prompt.c_str());
  ImGui::PopFont();
  markItem(ctx, "quiz.prompt");
  const bool last = run.index() + 1 >= run.questions().size();
  if (!given->answered) {
    drawAskedQuestion(ctx, run, *q);
  } else if (practice) {
    // Next comes before the explanation: a long one pushed it below the panel's edge at 1280x720.
    if (!last && ImGui::Button("Next question"))
      ctx.commands.push_back(NextQuestionCommand{});
    if (!last)
      markItem(ctx, "quiz.next");
    drawFeedback(ctx, *q, *given);
  }
  if (!session.quizView.error.empty())
    ImGui::TextColored(ImVec4(0.95f, 0.4f, 0.35f, 1.0f), "%s", session.quizView.error.c_str());
  ImGui::Spacing();
  if (given->answered && last) {
    drawReview(ctx, run);
  } else if (!given->answered || !practice) {
    if (ImGui::Button(given->answered ? "Next question" : "Skip"))
      ctx.commands.push_back(NextQuestionCommand{});
    markItem(ctx, "quiz.next");
  }
  ImGui::End();
  return true;
}

} // namespace atlas::ui
