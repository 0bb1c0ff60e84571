// Command: what the UI panels and the input handlers ask the Session to do. Panels never change the
// session directly; they return commands, so every action also works from the command line and tests.
#pragma once

#include "scene/camera.h"
#include "scene/view_state.h"
#include "session/quiz_mode.h"

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
  quiz::QuizMode mode = quiz::QuizMode::Practice;
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
// A teacher's question set opened by the user (--quiz-file, File > Open question set...): checked like
// the bundled ones; a good set becomes a deck (replacing a set of the same id), problems are kept as
// "file:line: message" in Session::quizSetProblems.
struct OpenQuizSetCommand {
  std::string path;
};

// Lessons (issue 16; session_lesson.cpp): a lesson file opened, its steps gone through, edited from
// the current view and saved. Steps are numbered from 0 here and from 1 on screen and command line.
struct OpenLessonCommand {
  std::string path; // a lesson file; the lesson is shown at its first step
};
struct NewLessonCommand {
  std::string title = "New lesson";
  std::string audience = "class"; // class | patient
};
struct CloseLessonCommand {};
struct ShowLessonPanelCommand {
  bool open = true;
};
struct GoToLessonStepCommand {
  int step = 0;
  bool animate = true; // the camera glides to the step's view (no jump cut)
};
struct StepLessonCommand {
  int delta = 1; // +1 next, -1 previous; stops at the ends
};
// A new step after the current one holding the view as it is: camera, visibility, selection, source,
// labels and the article section open.
struct AddLessonStepCommand {
  std::string title;
  std::string text;
};
struct EditLessonStepCommand {
  int step = 0;
  std::string title, text, patient;
};
struct MoveLessonStepCommand {
  int step = 0;
  int delta = 1; // -1 earlier, +1 later
};
struct DeleteLessonStepCommand {
  int step = 0;
};
// A pin on the current step: a point of a structure with a short note (drawn with a leader line).
struct AddLessonPinCommand {
  std::string structure;
  glm::vec3 point{0.0f};
  std::string note;
};
// Writes the lesson atomically to `path` ("" = the file it came from).
struct SaveLessonCommand {
  std::string path;
};
// Presentation mode: panels away, the step's text in large type beside the model.
struct PresentCommand {
  bool on = true;
};
// A key function of scalenus posterior shown on the model (issue 14): what the Functions panel's
// "Show on model" and --show-function do. The muscle of the selected side is selected, the parts it
// moves and the muscles that work light up, the Functions panel opens at it, and its motion is posed
// at `time` (T in [0, 1] through the loop), playing when `play`.
struct ShowFunctionCommand {
  std::string function; // "functions.lateral_neck_flexion" or "lateral_neck_flexion"
  float time = 0.0f;
  bool play = true;
  bool frame = true;
  bool cleanView = true; // see ShowPartsCommand
};
// The player of the function shown: play or pause, scrub (pauses), step frames (pauses), speed and
// loop, back to rest.
struct PlayFunctionCommand {
  bool play = true;
};
struct SeekFunctionCommand {
  float time = 0.0f;
};
struct StepFunctionCommand {
  int frames = 1;
};
struct SetFunctionPlaybackCommand {
  float speed = 1.0f;
  bool loop = true;
};
struct RestFunctionCommand {};
// Moves the camera to `camera` (animated or not); what a saved step's exact view does.
struct SetCameraCommand {
  Camera camera;
  bool animate = true;
};

using Command =
    std::variant<SelectCommand, SetViewCommand, FrameSelectionCommand, SetVisibilityCommand,
                 SetSystemVisibilityCommand, IsolateCommand, IsolateSystemCommand, ShowAllCommand,
                 SetFocusCommand, OpenFileCommand, SetSourceCommand, SetAttachmentsShownCommand,
                 SetLabelsCommand, ShowPartsCommand, SetSelectionVisibilityCommand, IsolateSelectionCommand,
                 SetLandmarksShownCommand, PickLandmarkCommand, ShowSourceCommand, ShowTeachingCommand,
                 StartQuizCommand, AnswerQuizCommand, QuizPickCommand, NextQuestionCommand,
                 ShowQuizProgressCommand, TransferQuizProgressCommand, OpenQuizSetCommand, OpenLessonCommand,
                 NewLessonCommand, CloseLessonCommand, ShowLessonPanelCommand, GoToLessonStepCommand,
                 StepLessonCommand, AddLessonStepCommand, EditLessonStepCommand, MoveLessonStepCommand,
                 DeleteLessonStepCommand, AddLessonPinCommand, SaveLessonCommand, PresentCommand,
                 SetCameraCommand, ShowFunctionCommand, PlayFunctionCommand, SeekFunctionCommand,
                 StepFunctionCommand, SetFunctionPlaybackCommand, RestFunctionCommand>;

} // namespace atlas
