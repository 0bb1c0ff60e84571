// Session: one open model and everything the user has done with it — selection, highlights,
// visibility, camera and its animation. No GL and no ImGui, so the whole interaction logic is
// unit-tested without a context; the window app and the headless runner both drive it.
#pragma once

#include "content/knowledge_base.h"
#include "content/lesson.h"
#include "content/quiz_set.h"
#include "core/result.h"
#include "scene/camera.h"
#include "scene/picking.h"
#include "scene/scene.h"
#include "scene/view_state.h"
#include "session/animation.h"
#include "session/commands.h"
#include "session/highlights.h"
#include "session/landmarks.h"
#include "session/quiz_memory.h"
#include "session/quiz_run.h"

#include "content/article_view.h"
#include "content/teaching.h"

#include <future>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace atlas {

class Session {
public:
  // Loads a model; on failure the session keeps the model it had and returns the error.
  Result<void> open(const std::string &path);
  // Takes an already loaded scene (tests, generated scenes).
  void setScene(Scene scene);

  // The knowledge base behind highlights and the info panel (content/structures).
  void setKnowledge(content::KnowledgeBase knowledge);
  const content::KnowledgeBase &knowledge() const { return knowledge_; }
  SourceMode sourceMode() const { return sourceMode_; }

  const Scene &scene() const { return scene_; }
  const ViewState &view() const { return view_; }
  const Camera &camera() const { return camera_; }
  Camera &camera() { return camera_; }
  // The ray-cast index over every triangle: built on first use, or on a worker after
  // preparePicking(), in which case the first use waits only for what is left of that build.
  const PickingIndex &pickingIndex() const;
  // Starts building the picking index on a worker thread (the window calls it once the first frame
  // is on screen, so a first click finds it ready); a screenshot never needs it and never calls this.
  void preparePicking();
  std::uint64_t sceneGeneration() const { return generation_; } // changes when the model changes

  void setViewport(int width, int height);
  int viewportWidth() const { return width_; }
  int viewportHeight() const { return height_; }

  // The part of the image the 3D view occupies (between the panels when the UI is shown); the whole
  // image until set. Pixel coordinates, top-left origin.
  struct ViewArea {
    int x = 0, y = 0, width = 0, height = 0;
  };
  void setViewArea(const ViewArea &area);
  ViewArea viewArea() const;
  // Where a model point lands in the whole image, in pixels; nullopt when behind the camera.
  std::optional<glm::vec2> projectToImage(const glm::vec3 &point) const;
  // A whole-image pixel where a click picks `structure` (it is in front there), or none in sight.
  std::optional<glm::vec2> pixelShowing(int structure) const;

  // Applies a command; returns an error for an unknown id and changes nothing then.
  Result<void> apply(const Command &command);

  // Selection exactly as a click: the front-most visible structure under pixel (x, y), or none.
  std::optional<int> structureAt(float x, float y) const;
  std::optional<PickHit> hitAt(float x, float y) const;
  // A click at pixel (x, y); Ctrl/Shift clicks gather several parts (SelectMode).
  void clickAt(float x, float y, SelectMode mode = SelectMode::Replace);
  void select(int structure, SelectMode mode = SelectMode::Replace);
  const std::vector<int> &selection() const { return view_.selection; }
  int selected() const { return view_.selected; }
  // Landmarks (session/landmarks.h): shown or not, and the one a click or PickLandmarkCommand named
  // (kept while its bone stays the selection).
  bool landmarksShown() const { return landmarksShown_; }
  std::optional<LandmarkRef> pickedLandmark() const { return pickedLandmark_; }
  // A point on the structure's surface for its label's leader line (the vertex nearest the
  // centre of its bounds, so it lies on curved tubes too).
  glm::vec3 labelAnchor(int structure) const;

  void setStandardView(StandardView view, bool animate);
  // What the standard views frame: the whole model but the parts it opens ghosted or hidden.
  Bounds viewBounds() const;
  // The vertices of those parts (or of `structures`, when given), borrowed from the scene: the
  // standard views, the selection and lessons frame these, so an oblique view is filled by the model and not
  // by the empty corners of a box round it.
  PointSets viewPoints(const std::vector<int> &structures = {}) const;
  void frameSelection(bool animate);
  // Frames the selection from the direction, among the current one and the standard views, from
  // which most of it is in sight (the list and links: the part may lie behind the spine).
  void frameSelectionInView(bool animate);
  // A camera framing `bounds` that looks along the direction from which most sample points of
  // `structure` are hit first by a ray (the current direction wins ties).
  Camera visibleViewCamera(int structure, const Bounds &bounds) const;
  // The model point under pixel (x, y) of the whole image (as structureAt), or none.
  std::optional<glm::vec3> pointAt(float x, float y) const;
  bool inFunctionView() const { return beforeFunction_.has_value(); }
  StandardView lastStandardView() const { return lastView_; }

  // Camera animation: advance() returns true while the camera is still moving.
  bool animating() const { return animation_.has_value(); }
  bool advance(float seconds);

  // The key function playing on the model (issue 14): the panel and the command line drive it
  // directly, as view state; advance() moves it on and keeps returning true while it plays.
  FunctionAnimation &functionAnimation() { return functionAnimation_; }
  const FunctionAnimation &functionAnimation() const { return functionAnimation_; }
  // What is drawn: the posed model while a function is shown away from rest, else the model. The GPU
  // poses what it draws; this CPU copy is posed when first asked for after each change of pose.
  const Scene &drawnScene() const {
    const Scene *posed = functionAnimation_.posedScene();
    return posed && posed->structures().size() == scene_.structures().size() ? *posed : scene_;
  }
  // One structure as drawn, posed alone (for the labels while a function plays).
  const Structure &drawnStructure(int structure) const {
    return functionAnimation_.posedStructure(scene_, static_cast<std::size_t>(structure));
  }

  std::string shownPanel; // title of the panel the UI shows on the right ("Structures" or "Info")

  // The Sources panel (ui/sources_panel.cpp), in place of the panels on the right while open. Set by
  // ShowSourceCommand; the panel edits `search` and clears `scrollToFocus` directly (view state).
  struct SourcesView {
    bool open = false;
    std::string focused; // the work id scrolled to and highlighted ("" = none)
    std::string search;  // filters the list; "" shows every work
    bool scrollToFocus = false;
  };
  SourcesView sourcesView;

  // The Teaching panel (ui/teaching_panel.cpp): the teaching entries (content/teaching; null until
  // loaded), and which one is shown. Set by ShowTeachingCommand; the Sources panel, opened from one
  // of its cites, lies over it and gives it back when closed.
  struct TeachingView {
    bool open = false;
    std::string entry; // the id of the entry shown ("" = the first)
  };
  TeachingView teachingView;
  std::shared_ptr<const content::Teaching> teaching;

  // The self-test being taken (StartQuizCommand; null when none) and whether its panel is open. In
  // practice mode an answered question's expected parts become the selection; a name question lights
  // its part without labels.
  const std::optional<quiz::QuizRun> &quiz() const { return quiz_; }
  bool quizTakesClicks() const { return quiz_ && quiz_->takesClicks(); }
  // True while a quiz question waits for its answer: the names the pointer would show on the model
  // (hover) would give find-it and name-it answers away.
  bool quizHidesNames() const { return quiz_ && quiz_->currentAnswer() && !quiz_->currentAnswer()->answered; }
  // True while the current question asks for this landmark's name: its marker shows, its label not.
  bool quizHidesLandmarkName(const LandmarkRef &ref) const;
  struct QuizView {
    bool open = false;
    std::string error;         // the last quiz command's error, shown in the panel
    bool progressOpen = false; // the Progress panel (ShowQuizProgressCommand)
  };
  QuizView quizView;
  // Which cards come first when a quiz is drawn (the spaced-repetition scheduler's "due first"; higher
  // is sooner); none draws at random.
  quiz::QuizPriority quizPriority;
  // The progress file and "today" (set by the app): read when the first quiz starts, its scheduler
  // orders the draw when no quizPriority is set, and every answer reviews its card and saves.
  quiz::QuizMemory quizMemory;
  // Teacher-made question sets (content/quizzes and files the user opened): each set id is a deck.
  std::shared_ptr<const content::QuizSets> quizSets;
  // The problems of the question set opened last (OpenQuizSetCommand), "file:line: message".
  std::vector<std::string> quizSetProblems;
  // Exam time: each question has kExamSecondsPerQuestion, counted by advance(); when it runs out the
  // question is skipped (graded as no answer). Practice is not timed, but its time is kept too.
  static constexpr double kExamSecondsPerQuestion = 60.0;
  bool quizClockRunning() const; // a quiz with a current question (the window keeps drawing)
  double quizElapsedSeconds() const { return quizElapsed_; }
  double questionSecondsLeft() const; // exam only; the full time otherwise

  // The lesson open (content/lesson.h; session_lesson.cpp): its steps, the one shown, and whether the
  // app presents it (full screen, panels away, the step's text in large type beside the model).
  const std::optional<content::Lesson> &lesson() const { return lesson_; }
  int lessonStep() const { return lessonStep_; } // 0-based; -1 when no lesson is open
  const content::LessonStep *currentLessonStep() const;
  bool presenting() const { return presenting_ && lesson_.has_value(); }
  bool lessonChanged() const { return lessonChanged_; } // edited since opened or saved
  struct LessonView {
    bool panelOpen = false; // the Lesson panel (ui/lesson_panel.cpp): steps, text, add, save
    std::string message;    // what the last lesson command did or why it was refused
  };
  LessonView lessonView;
  // The ids a lesson is checked against: the model's structures (the bundled anatomy only), the
  // article's sections and key functions.
  content::LessonIds lessonIds() const;
  // A step holding the view as it is now (what "Add step from current view" adds).
  content::LessonStep stepFromView() const;
  nlohmann::json lessonStateJson() const; // --state's "lesson"; null when none is open
  // The current step's pins placed on the model (landmarks resolved); pins the model lacks are left out.
  struct LessonPinOnModel {
    int structure = -1;
    glm::vec3 point{0.0f};
    std::string note;
  };
  std::vector<LessonPinOnModel> lessonPins() const;
  // Whether the label of `id` (a structure or an attachment site) shows: a step may name the parts
  // whose labels show (labels: [ids]), so a class reads only what the step is about.
  bool lessonShowsLabel(const std::string &id) const;

  // The article beside the model (content/article; null until loaded) and what the reader looks at
  // in it. The reading panels edit `articleView` directly: it is view state, like the UI settings.
  std::shared_ptr<const content::Article> article;
  content::ArticleView articleView;

  nlohmann::json stateJson() const;
  nlohmann::json structureListJson() const;

private:
  // The handlers of apply(), one per command type (session.cpp, in the order of the variant).
  Result<void> run(const SelectCommand &c);
  Result<void> run(const SetViewCommand &v);
  Result<void> run(const FrameSelectionCommand &);
  Result<void> run(const SetVisibilityCommand &vis);
  Result<void> run(const SetSystemVisibilityCommand &sys);
  Result<void> run(const IsolateCommand &iso);
  Result<void> run(const IsolateSystemCommand &isoSys);
  Result<void> run(const SetSelectionVisibilityCommand &selVis);
  Result<void> run(const IsolateSelectionCommand &);
  Result<void> run(const ShowAllCommand &);
  Result<void> run(const SetFocusCommand &f);
  Result<void> run(const ShowPartsCommand &show);
  Result<void> run(const OpenFileCommand &o);
  Result<void> run(const SetSourceCommand &src);
  Result<void> run(const SetLabelsCommand &labels);
  Result<void> run(const SetLandmarksShownCommand &marks);
  Result<void> run(const PickLandmarkCommand &pickMark);
  Result<void> run(const SetAttachmentsShownCommand &att);
  Result<void> run(const ShowSourceCommand &source);
  Result<void> run(const ShowTeachingCommand &teach);
  Result<void> run(const StartQuizCommand &start);
  Result<void> run(const AnswerQuizCommand &answer);
  Result<void> run(const QuizPickCommand &quizPick);
  Result<void> run(const NextQuestionCommand &);
  Result<void> run(const ShowQuizProgressCommand &show);
  Result<void> run(const TransferQuizProgressCommand &transfer);
  Result<void> run(const OpenQuizSetCommand &open);
  Result<void> run(const OpenLessonCommand &open);
  Result<void> run(const NewLessonCommand &create);
  Result<void> run(const CloseLessonCommand &);
  Result<void> run(const ShowLessonPanelCommand &show);
  Result<void> run(const GoToLessonStepCommand &go);
  Result<void> run(const StepLessonCommand &step);
  Result<void> run(const AddLessonStepCommand &add);
  Result<void> run(const EditLessonStepCommand &edit);
  Result<void> run(const MoveLessonStepCommand &move);
  Result<void> run(const DeleteLessonStepCommand &remove);
  Result<void> run(const AddLessonPinCommand &pin);
  Result<void> run(const SaveLessonCommand &save);
  Result<void> run(const PresentCommand &present);
  Result<void> run(const SetCameraCommand &set);
  Result<void> run(const ShowFunctionCommand &show); // session_function.cpp
  Result<void> run(const PlayFunctionCommand &play);
  Result<void> run(const SeekFunctionCommand &seek);
  Result<void> run(const StepFunctionCommand &step);
  Result<void> run(const SetFunctionPlaybackCommand &playback);
  Result<void> run(const RestFunctionCommand &);
  // The view's working muscles and their contraction from the function played (they glow).
  void showWorkingMuscles();
  Camera lessonCamera(const content::LessonStep &step) const; // where a step puts the camera
  void showQuizQuestion(); // lights the current question's part, or shows the answer once given
  Result<int> indexOfId(const std::string &id) const; // "no structure with id ..." when unknown
  void animateTo(const Camera &target, bool animate);
  void rebuildHighlights();
  float aspect() const {
    const ViewArea a = viewArea();
    return static_cast<float>(a.width) / static_cast<float>(a.height > 0 ? a.height : 1);
  }

  Scene scene_;
  content::KnowledgeBase knowledge_;
  SourceMode sourceMode_ = SourceMode::Reference;
  ViewState view_;
  Camera camera_;
  mutable std::optional<PickingIndex> picking_;
  // Valid while the worker's build is pending. Declared after scene_: destroyed first, and a future
  // from std::async waits for its thread, so the worker never outlives the scene it reads.
  mutable std::future<PickingIndex> pickingBuild_;
  void finishPickingBuild() const; // waits for a pending build (before the scene changes)
  struct LabelAnchor {
    glm::vec3 rest{0.0f};
    std::size_t mesh = 0, vertex = 0; // the vertex it is, so a posed model moves it along
  };
  std::vector<LabelAnchor> labelAnchors_;
  std::uint64_t generation_ = 0;
  bool landmarksShown_ = false;
  std::optional<LandmarkRef> pickedLandmark_;
  std::optional<quiz::QuizRun> quiz_;
  std::optional<bool> labelsBeforeQuiz_; // labels are off while a part is lit to be named
  double quizElapsed_ = 0.0;             // seconds since the quiz started (advance())
  double questionElapsed_ = 0.0;         // seconds on the current question
  std::size_t timedQuestion_ = 0;
  void advanceQuizClock(double seconds);
  std::optional<content::Lesson> lesson_;
  int lessonStep_ = -1;
  bool presenting_ = false;
  bool lessonChanged_ = false;
  int width_ = 1280, height_ = 720;
  ViewArea area_;
  StandardView lastView_ = StandardView::Default;

  struct Animation {
    Camera from, to;
    float elapsed = 0.0f, duration = 0.6f;
  };
  std::optional<Animation> animation_;
  FunctionAnimation functionAnimation_;
  mutable std::optional<PickingIndex> posedPicking_; // over the posed model, for its pose
  mutable std::uint64_t posedPickingPose_ = 0;

  // The user's camera and visibility before a function's clean view (ShowPartsCommand::cleanView).
  struct SavedView {
    Camera camera;
    std::vector<Visibility> visibility;
  };
  std::optional<SavedView> beforeFunction_;
  void leaveFunctionView();
};

} // namespace atlas
