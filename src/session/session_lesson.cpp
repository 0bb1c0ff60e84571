// The Session's lesson commands (issue 16): opening a lesson, going through its steps, editing it from
// the current view, saving it and presenting it. A step is applied through the same commands a click
// sends (visibility, selection, source, labels, camera), so a lesson shows exactly what a user could.
#include "session/session.h"

#include "content/article.h"
#include "io/atomic_file.h"

#include <algorithm>
#include <filesystem>
#include <glm/gtc/quaternion.hpp>

namespace atlas {
namespace {

std::string stepWord(int step, std::size_t count) {
  return "step " + std::to_string(step + 1) + " of " + std::to_string(count);
}

} // namespace

const content::LessonStep *Session::currentLessonStep() const {
  if (!lesson_ || lessonStep_ < 0 || static_cast<std::size_t>(lessonStep_) >= lesson_->steps.size())
    return nullptr;
  return &lesson_->steps[static_cast<std::size_t>(lessonStep_)];
}

content::LessonIds Session::lessonIds() const {
  content::LessonIds ids;
  if (scene_.isBundledAnatomy())
    for (const Structure &s : scene_.structures()) {
      ids.structures.insert(s.id);
      for (const Landmark &mark : s.landmarks)
        ids.landmarks.insert(mark.id);
    }
  for (const content::Work &work : knowledge_.bibliography().works)
    ids.works.insert(work.id);
  if (article)
    for (const content::ArticleSection &section : article->sections) {
      ids.sections.insert(section.id);
      if (section.id == "functions")
        for (const content::ArticleItem &item : section.items)
          ids.functions.insert(item.id);
    }
  return ids;
}

content::LessonStep Session::stepFromView() const {
  content::LessonStep step;
  const Camera &camera = animation_ ? animation_->to : camera_;
  content::LessonCamera::Exact exact;
  exact.target = {camera.target.x, camera.target.y, camera.target.z};
  exact.distance = camera.distance;
  exact.orientation = {camera.orientation.w, camera.orientation.x, camera.orientation.y,
                       camera.orientation.z};
  step.camera.exact = exact;
  for (int member : view_.selection)
    step.select.push_back(scene_.structures()[static_cast<std::size_t>(member)].id);
  // Visibility as the shorter description: what is shown alone, or what is hidden.
  std::vector<std::string> shown, hidden;
  for (std::size_t i = 0; i < scene_.structures().size(); ++i) {
    const Visibility v = view_.visibility(static_cast<int>(i));
    const std::string &id = scene_.structures()[i].id;
    if (v == Visibility::Hidden)
      hidden.push_back(id);
    else
      shown.push_back(id);
    if (v == Visibility::Ghosted)
      step.ghost.push_back(id);
  }
  if (!hidden.empty() && shown.size() < hidden.size())
    step.isolate = shown;
  else
    step.hide = hidden;
  step.source = sourceMode_;
  step.labels = view_.labels;
  if (articleView.panel == content::ReadingPanel::Article)
    step.section = articleView.section;
  return step;
}

Camera Session::lessonCamera(const content::LessonStep &step) const {
  Camera camera = animation_ ? animation_->to : camera_;
  const content::LessonCamera &saved = step.camera;
  if (saved.exact) {
    camera.target = glm::vec3(saved.exact->target[0], saved.exact->target[1], saved.exact->target[2]);
    camera.distance = saved.exact->distance;
    const auto &q = saved.exact->orientation;
    camera.orientation = glm::normalize(glm::quat(q[0], q[1], q[2], q[3]));
    return camera;
  }
  if (saved.view)
    camera.orientation = standardViewOrientation(*saved.view);
  // Fit the named parts; without any, the selection; without one, the whole model.
  std::vector<int> parts;
  for (const std::string &id : saved.frame.empty() ? step.select : saved.frame)
    if (const int index = scene_.indexOf(id); index >= 0)
      parts.push_back(index);
  framePoints(camera, viewPoints(parts), aspect());
  return camera;
}

std::vector<Session::LessonPinOnModel> Session::lessonPins() const {
  std::vector<LessonPinOnModel> pins;
  const content::LessonStep *step = currentLessonStep();
  if (!step)
    return pins;
  for (const content::LessonPin &pin : step->pins) {
    LessonPinOnModel on;
    on.note = pin.note;
    if (!pin.landmark.empty()) {
      const std::optional<LandmarkRef> ref = findLandmark(scene_, pin.landmark);
      const Landmark *mark = ref ? landmarkOf(scene_, *ref) : nullptr;
      if (!mark)
        continue; // a model without it (the lesson was checked against the bundled one)
      on.structure = ref->structure;
      on.point = mark->position;
    } else {
      on.structure = scene_.indexOf(pin.structure);
      on.point = glm::vec3(pin.point[0], pin.point[1], pin.point[2]);
    }
    if (on.structure >= 0)
      pins.push_back(std::move(on));
  }
  return pins;
}

bool Session::lessonShowsLabel(const std::string &id) const {
  const content::LessonStep *step = currentLessonStep();
  if (!step || step->labelIds.empty())
    return true;
  // Only while the step's selection is on screen: once the user picks something else, every label.
  std::vector<std::string> selected;
  for (int member : view_.selection)
    selected.push_back(scene_.structures()[static_cast<std::size_t>(member)].id);
  if (selected != step->select)
    return true;
  for (const std::string &shown : step->labelIds)
    if (id == shown ||
        (id.size() > shown.size() && id.compare(0, shown.size(), shown) == 0 && id[shown.size()] == '.'))
      return true; // the part, or one of its attachment sites ("scalenus_posterior_right.origin.c5")
  return false;
}

nlohmann::json Session::lessonStateJson() const {
  using nlohmann::json;
  if (!lesson_)
    return json();
  json steps = json::array();
  for (const content::LessonStep &step : lesson_->steps)
    steps.push_back(step.title);
  json pins = json::array();
  for (const LessonPinOnModel &pin : lessonPins()) {
    const std::optional<glm::vec2> pixel = projectToImage(pin.point);
    pins.push_back({{"structure", scene_.structures()[static_cast<std::size_t>(pin.structure)].id},
                    {"note", pin.note},
                    {"pixel", pixel ? json::array({pixel->x, pixel->y}) : json()}});
  }
  return {{"title", lesson_->title},
          {"audience", lesson_->audience},
          {"file", lesson_->file},
          {"step", lessonStep_ + 1},
          {"steps", steps},
          {"presenting", presenting()},
          {"changed", lessonChanged_},
          {"pins", pins},
          {"message", lessonView.message}};
}

Result<void> Session::run(const OpenLessonCommand &open) {
  content::LessonLoad load = content::loadLessonFile(open.path, lessonIds());
  std::string problems;
  for (const std::string &problem : load.problems)
    problems += (problems.empty() ? "" : "\n") + problem;
  if (!load.lesson)
    return Error{problems.empty() ? open.path + ": not a lesson" : problems}; // the open lesson stays
  lesson_ = std::move(*load.lesson);
  lessonChanged_ = false;
  lessonView.message = problems.empty() ? "Opened " + lesson_->title
                                        : "Opened " + lesson_->title + " with problems:\n" + problems;
  lessonStep_ = -1;
  lessonView.panelOpen = true;
  return run(GoToLessonStepCommand{0, false});
}

Result<void> Session::run(const NewLessonCommand &create) {
  content::Lesson lesson;
  lesson.title = create.title.empty() ? "New lesson" : create.title;
  lesson.audience = create.audience == "patient" ? "patient" : "class";
  lesson_ = std::move(lesson);
  lessonStep_ = -1;
  lessonChanged_ = true;
  lessonView.panelOpen = true;
  lessonView.message = "A new lesson: add its steps from the view";
  return {};
}

Result<void> Session::run(const CloseLessonCommand &) {
  lesson_.reset();
  lessonStep_ = -1;
  presenting_ = false;
  lessonChanged_ = false;
  lessonView = LessonView{};
  return {};
}

Result<void> Session::run(const ShowLessonPanelCommand &show) {
  if (show.open && !lesson_)
    return Error{"no lesson is open"};
  lessonView.panelOpen = show.open;
  return {};
}

Result<void> Session::run(const GoToLessonStepCommand &go) {
  if (!lesson_)
    return Error{"no lesson is open"};
  if (go.step < 0 || static_cast<std::size_t>(go.step) >= lesson_->steps.size())
    return Error{"the lesson has no step " + std::to_string(go.step + 1) + " (it has " +
                 std::to_string(lesson_->steps.size()) + ")"};
  lessonStep_ = go.step;
  const content::LessonStep &step = lesson_->steps[static_cast<std::size_t>(go.step)];
  // From a clean slate, so a step shows the same whichever step came before it.
  run(ShowAllCommand{});
  if (!step.isolate.empty())
    for (const Structure &s : scene_.structures())
      if (std::find(step.isolate.begin(), step.isolate.end(), s.id) == step.isolate.end() &&
          std::find(step.select.begin(), step.select.end(), s.id) == step.select.end())
        run(SetVisibilityCommand{s.id, Visibility::Hidden});
  for (const std::string &id : step.hide)
    run(SetVisibilityCommand{id, Visibility::Hidden});
  for (const std::string &id : step.ghost)
    run(SetVisibilityCommand{id, Visibility::Ghosted});
  run(SetSourceCommand{step.source == SourceMode::Article});
  select(-1);
  for (const std::string &id : step.select)
    if (const int index = scene_.indexOf(id); index >= 0)
      select(index, view_.selection.empty() ? SelectMode::Replace : SelectMode::Add);
  run(SetLabelsCommand{step.labels});
  if (article && !step.section.empty() && content::goToSection(articleView, *article, step.section) &&
      !presenting_)
    articleView.panel = content::ReadingPanel::Article;
  animateTo(lessonCamera(step), go.animate);
  lessonView.message = stepWord(go.step, lesson_->steps.size()) + ": " + step.title;
  // The step's motion plays in a loop from rest (issue 14); a step without one shows the model at rest.
  functionAnimation_.stop();
  if (!step.animation.empty()) {
    const std::string &described = step.select.empty() ? std::string() : step.select.back();
    if (functionAnimation_.show(scene_, generation_, step.animation, motionSideOf(described),
                                sourceMode_ == SourceMode::Article, 0.0f)) {
      functionAnimation_.loop = true;
      functionAnimation_.setPlaying(true);
    }
  }
  showWorkingMuscles();
  return {};
}

Result<void> Session::run(const StepLessonCommand &step) {
  if (!lesson_ || lesson_->steps.empty())
    return Error{"no lesson is open"};
  const int last = static_cast<int>(lesson_->steps.size()) - 1;
  const int target = std::clamp(lessonStep_ + step.delta, 0, last);
  if (target == lessonStep_)
    return {}; // at an end: nothing moves (a clicker pressed once too often)
  return run(GoToLessonStepCommand{target, true});
}

Result<void> Session::run(const AddLessonStepCommand &add) {
  if (!lesson_)
    run(NewLessonCommand{});
  content::LessonStep step = stepFromView();
  const std::size_t at = lessonStep_ < 0 ? lesson_->steps.size() : static_cast<std::size_t>(lessonStep_) + 1;
  step.title = add.title.empty() ? "Step " + std::to_string(at + 1) : add.title;
  step.text = add.text;
  lesson_->steps.insert(lesson_->steps.begin() + static_cast<std::ptrdiff_t>(at), std::move(step));
  lessonStep_ = static_cast<int>(at);
  lessonChanged_ = true;
  lessonView.message = "Added " + stepWord(lessonStep_, lesson_->steps.size()) + " from the view";
  return {};
}

Result<void> Session::run(const EditLessonStepCommand &edit) {
  if (!lesson_ || edit.step < 0 || static_cast<std::size_t>(edit.step) >= lesson_->steps.size())
    return Error{"no such lesson step: " + std::to_string(edit.step + 1)};
  content::LessonStep &step = lesson_->steps[static_cast<std::size_t>(edit.step)];
  if (edit.title.empty())
    return Error{"a step needs a title"};
  step.title = edit.title;
  step.text = edit.text;
  step.patient = edit.patient;
  lessonChanged_ = true;
  return {};
}

Result<void> Session::run(const MoveLessonStepCommand &move) {
  if (!lesson_ || move.step < 0 || static_cast<std::size_t>(move.step) >= lesson_->steps.size())
    return Error{"no such lesson step: " + std::to_string(move.step + 1)};
  const int to = move.step + move.delta;
  if (to < 0 || static_cast<std::size_t>(to) >= lesson_->steps.size())
    return {}; // already first or last
  std::swap(lesson_->steps[static_cast<std::size_t>(move.step)],
            lesson_->steps[static_cast<std::size_t>(to)]);
  if (lessonStep_ == move.step)
    lessonStep_ = to;
  else if (lessonStep_ == to)
    lessonStep_ = move.step;
  lessonChanged_ = true;
  return {};
}

Result<void> Session::run(const DeleteLessonStepCommand &remove) {
  if (!lesson_ || remove.step < 0 || static_cast<std::size_t>(remove.step) >= lesson_->steps.size())
    return Error{"no such lesson step: " + std::to_string(remove.step + 1)};
  lesson_->steps.erase(lesson_->steps.begin() + remove.step);
  if (lessonStep_ >= static_cast<int>(lesson_->steps.size()))
    lessonStep_ = static_cast<int>(lesson_->steps.size()) - 1;
  lessonChanged_ = true;
  if (lesson_->steps.empty())
    presenting_ = false;
  return {};
}

Result<void> Session::run(const AddLessonPinCommand &pin) {
  if (!lesson_ || lessonStep_ < 0)
    return Error{"a pin belongs to a lesson step: add a step first"};
  if (scene_.indexOf(pin.structure) < 0)
    return Error{"no structure with id '" + pin.structure + "'"};
  if (pin.note.empty())
    return Error{"a pin needs a note"};
  content::LessonPin added;
  added.structure = pin.structure;
  added.point = {pin.point.x, pin.point.y, pin.point.z};
  added.note = pin.note;
  lesson_->steps[static_cast<std::size_t>(lessonStep_)].pins.push_back(std::move(added));
  lessonChanged_ = true;
  return {};
}

Result<void> Session::run(const SaveLessonCommand &save) {
  if (!lesson_)
    return Error{"no lesson is open"};
  if (lesson_->steps.empty())
    return Error{"the lesson has no step yet: add one from the view"};
  const std::string path = save.path.empty() ? lesson_->file : save.path;
  if (path.empty())
    return Error{"the lesson has no file yet: use Save as"};
  // Another file is never written over unless it is a lesson itself: a teacher's notes or an
  // unreadable lesson stay as they are (the message says so).
  std::error_code ec;
  if (path != lesson_->file && std::filesystem::exists(path, ec)) {
    const content::LessonLoad existing = content::loadLessonFile(path, {});
    if (!existing.lesson)
      return Error{path + " exists and is not a lesson this app can read, so it is left as it is; choose "
                          "another name"};
  }
  if (Result<void> written = writeFileAtomically(path, content::lessonToYaml(*lesson_)); !written)
    return written;
  lesson_->file = path;
  lessonChanged_ = false;
  lessonView.message = "Saved " + path;
  return {};
}

Result<void> Session::run(const PresentCommand &present) {
  if (present.on && (!lesson_ || lesson_->steps.empty()))
    return Error{"open a lesson to present it"};
  presenting_ = present.on;
  if (presenting_ && lessonStep_ < 0)
    return run(GoToLessonStepCommand{0, false});
  return {};
}

Result<void> Session::run(const SetCameraCommand &set) {
  animateTo(set.camera, set.animate);
  return {};
}

} // namespace atlas
