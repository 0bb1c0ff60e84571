// Command: what the UI panels and the input handlers ask the Session to do. Panels never change the
// session directly; they return commands, so every action also works from the command line and tests.
#pragma once

#include "scene/camera.h"
#include "scene/view_state.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace atlas {

// How a click changes the selection: a plain click replaces it, Ctrl+click toggles one part in or
// out of it, Shift+click adds (a range in the list, one part in the 3D view).
enum class SelectMode { Replace, Toggle, Add };

struct SelectCommand {
  std::string id; // empty clears the selection
  bool frame = false;
  SelectMode mode = SelectMode::Replace;
};
struct SetViewCommand {
  StandardView view = StandardView::Default;
};
struct FrameSelectionCommand {};
struct SetVisibilityCommand {
  std::string id;
  Visibility visibility = Visibility::Visible;
};
struct SetSystemVisibilityCommand {
  System system = System::Other;
  Visibility visibility = Visibility::Visible;
};
struct IsolateCommand {
  std::string id;
};
// Shows every structure of one system (all the muscles, all the nerves...) and hides the rest.
struct IsolateSystemCommand {
  System system = System::Muscle;
};
struct ShowAllCommand {};
// Hide, x-ray or show every selected structure at once (H, G with several selected).
struct SetSelectionVisibilityCommand {
  Visibility visibility = Visibility::Hidden;
};
// Shows the selected structures alone (I).
struct IsolateSelectionCommand {};
struct SetFocusCommand {
  bool focus = true;
};
struct OpenFileCommand {
  std::string path;
};
// Selects a structure and lights up other parts with it, e.g. a muscle and the parts it moves
// (the functions panel); ids the model lacks are skipped.
struct ShowPartsCommand {
  std::string select;
  std::vector<std::string> parts;
  bool frame = true;
  // A function's own view: everything solid and in sight, framed from where the muscle shows; the
  // user's camera and visibility come back when the selection changes.
  bool cleanView = false;
};
// Which source's attachments and supply light up: the standard references or the article.
struct SetSourceCommand {
  bool article = false;
};
struct SetLabelsCommand {
  bool shown = true;
};
// Markers and labels for the named bony landmarks of the bones on show (--landmarks, View menu).
struct SetLandmarksShownCommand {
  bool shown = true;
};
// Names a landmark by id, as a click on its marker does: its bone becomes the selection. Empty clears.
struct PickLandmarkCommand {
  std::string id;
};
struct SetAttachmentsShownCommand {
  bool shown = false; // draw every attachment footprint, not only the highlighted ones
};
// Opens the Sources panel scrolled to one work of the bibliography (content/bibliography), which it
// highlights; an empty id opens it at the top. `open = false` closes it.
struct ShowSourceCommand {
  std::string workId;
  bool open = true;
};

// Opens the Teaching panel (ui/teaching_panel.cpp) at one teaching entry (content/teaching); an
// empty id keeps the entry shown (the first when none is). `open = false` closes it.
struct ShowTeachingCommand {
  std::string entryId;
  bool open = true;
};

// The self-test (session/quiz_run.h): draws `questions` questions of a deck ("all", a kind, a system,
// "landmarks", "scalenus_posterior") with a seed; mode "practice" (feedback after each answer, the
// answer shown on the model) or "exam" (no feedback until the end).
struct StartQuizCommand {
  std::string deck = "all";
  std::uint32_t seed = 1;
  int questions = 10;
  std::string mode = "practice";
  bool stop = false; // true ends the quiz and closes the Quiz panel
};
// Answers the current question (a name, an id, an option's label or number, "c4, c5" for several
// clicks); an empty answer on a several-click question gives the clicks gathered so far.
struct AnswerQuizCommand {
  std::string answer;
};
// A click on the model routed to the quiz (Session::quizTakesClicks()): answers a one-click question,
// or adds (or takes back) a part of a several-click one.
struct QuizPickCommand {
  std::string id;
};
struct NextQuestionCommand {};
// The Progress panel (ui/quiz_progress_panel.cpp): opens or closes it (reading the progress file if
// no quiz has yet).
struct ShowQuizProgressCommand {
  bool open = true;
};
// Export progress to `path`, or import it from there (merged card by card, session/quiz_progress.h);
// what happened is the quiz memory's message.
struct TransferQuizProgressCommand {
  std::string path;
  bool import = false;
};

using Command =
    std::variant<SelectCommand, SetViewCommand, FrameSelectionCommand, SetVisibilityCommand,
                 SetSystemVisibilityCommand, IsolateCommand, IsolateSystemCommand, ShowAllCommand,
                 SetFocusCommand, OpenFileCommand, SetSourceCommand, SetAttachmentsShownCommand,
                 SetLabelsCommand, ShowPartsCommand, SetSelectionVisibilityCommand, IsolateSelectionCommand,
                 SetLandmarksShownCommand, PickLandmarkCommand, ShowSourceCommand, ShowTeachingCommand,
                 StartQuizCommand, AnswerQuizCommand, QuizPickCommand, NextQuestionCommand,
                 ShowQuizProgressCommand, TransferQuizProgressCommand>;

} // namespace atlas
