#include "session/session.h"
#include "session/quiz_set_questions.h"

#include "content/content_load.h"

#include "io/model_loader.h"

#include <algorithm>
#include <limits>

namespace atlas {
namespace {

// RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF.
bool isValidUtf8(const std::string &text) {
  const auto *p = reinterpret_cast<const unsigned char *>(text.data());
  const auto *end = p + text.size();
  while (p < end) {
    const unsigned char c = *p;
    int follow = 0;
    unsigned char low = 0x80, high = 0xBF; // the allowed range of the first continuation byte
    if (c < 0x80)
      follow = 0;
    else if (c >= 0xC2 && c <= 0xDF)
      follow = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
      follow = 2;
      low = c == 0xE0 ? 0xA0 : 0x80;
      high = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
      follow = 3;
      low = c == 0xF0 ? 0x90 : 0x80;
      high = c == 0xF4 ? 0x8F : 0xBF;
    } else
      return false;
    if (end - p <= follow)
      return false;
    for (int i = 1; i <= follow; ++i) {
      const unsigned char b = p[i];
      if (b < (i == 1 ? low : 0x80) || b > (i == 1 ? high : 0xBF))
        return false;
    }
    p += follow + 1;
  }
  return true;
}

// Names, ids and paths come from model files and the command line and may hold any bytes, but JSON
// text must be UTF-8 (nlohmann's dump() throws otherwise): invalid sequences become U+FFFD, so that
// --state and --list always print.
void replaceInvalidUtf8(nlohmann::json &json) {
  if (json.is_string()) {
    std::string &text = json.get_ref<std::string &>();
    if (!isValidUtf8(text))
      text = nlohmann::json::parse(
                 nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
                 .get<std::string>();
  } else if (json.is_structured()) {
    for (nlohmann::json &item : json)
      replaceInvalidUtf8(item);
  }
}

} // namespace

Result<void> Session::open(const std::string &path) {
  Result<Scene> loaded = loadModel(path);
  if (!loaded)
    return Error{loaded.error()};
  setScene(std::move(*loaded));
  return {};
}

const PickingIndex &Session::pickingIndex() const {
  // A posed model (issue 14): clicks hit what is drawn. Its index is built on the first pick after
  // each change of pose. While a function plays the pose changes every frame and the hover test picks
  // every frame: rebuilding (about 0.3 s, far more under the sanitizers) would stall the window, so
  // until it pauses the last posed index serves, or the rest pose's.
  if (const Scene *posed = &drawnScene(); posed != &scene_) {
    const bool stale = !posedPicking_ || posedPickingPose_ != functionAnimation_.poseGeneration();
    if (stale && functionAnimation_.playing() && !posedPicking_) {
      finishPickingBuild();
      if (!picking_)
        picking_.emplace(scene_);
      return *picking_;
    }
    if (stale && !functionAnimation_.playing()) {
      posedPicking_.emplace(*posed);
      posedPickingPose_ = functionAnimation_.poseGeneration();
    }
    return *posedPicking_;
  }
  finishPickingBuild();
  if (!picking_)
    picking_.emplace(scene_);
  return *picking_;
}

void Session::preparePicking() {
  if (picking_ || pickingBuild_.valid())
    return;
  // The worker reads scene_ only; the scene is not replaced before finishPickingBuild() has joined it.
  pickingBuild_ = std::async(std::launch::async, [this] { return PickingIndex(scene_); });
}

void Session::finishPickingBuild() const {
  if (pickingBuild_.valid())
    picking_.emplace(pickingBuild_.get());
}

void Session::setScene(Scene scene) {
  finishPickingBuild();             // the workers must not read a scene being replaced:
  functionAnimation_.forgetModel(); // the picking index's and the function's skin
  scene_ = std::move(scene);
  functionAnimation_.stop(); // a function shown on the old model means nothing on this one
  posedPicking_.reset();
  view_ = ViewState(scene_.structures().size());
  for (std::size_t i = 0; i < scene_.structures().size(); ++i)
    if (scene_.structures()[i].system == System::Attachment)
      view_.markAttachment(static_cast<int>(i));
  // The model may ask for parts to open ghosted or hidden (glTF extras "initially"), e.g. the clavicles,
  // which would otherwise hide the scalenes in the opening view.
  for (std::size_t i = 0; i < scene_.structures().size(); ++i) {
    const auto &extras = scene_.structures()[i].extras;
    const auto initially = extras.find("initially");
    if (initially != extras.end() && (initially->second == "ghosted" || initially->second == "hidden"))
      view_.setVisibility(static_cast<int>(i),
                          initially->second == "ghosted" ? Visibility::Ghosted : Visibility::Hidden);
  }
  picking_.reset(); // built on the first pick: a screenshot never needs it
  pickedLandmark_.reset();
  labelAnchors_.clear();
  for (const Structure &s : scene_.structures()) {
    const glm::vec3 centre = s.bounds().center();
    LabelAnchor best{centre, 0, 0};
    float bestDistance = std::numeric_limits<float>::max();
    for (std::size_t m = 0; m < s.meshes.size(); ++m)
      for (std::size_t v = 0; v < s.meshes[m].positions.size(); ++v)
        if (const glm::vec3 &p = s.meshes[m].positions[v]; glm::dot(p - centre, p - centre) < bestDistance) {
          bestDistance = glm::dot(p - centre, p - centre);
          best = {p, m, v};
        }
    labelAnchors_.push_back(best);
  }
  ++generation_;
  animation_.reset();
  beforeFunction_.reset();
  quiz_.reset(); // its questions name the old model's parts
  labelsBeforeQuiz_.reset();
  quizView.open = false;
  shownPanel = "Structures";
  setStandardView(StandardView::Default, false);
}

void Session::setKnowledge(content::KnowledgeBase knowledge) {
  knowledge_ = std::move(knowledge);
  rebuildHighlights();
}

glm::vec3 Session::labelAnchor(int structure) const {
  if (structure < 0 || static_cast<std::size_t>(structure) >= labelAnchors_.size())
    return glm::vec3(0.0f);
  const LabelAnchor &anchor = labelAnchors_[static_cast<std::size_t>(structure)];
  // A posed model (issue 14): the same vertex where the pose has moved it.
  const Structure &drawn = drawnStructure(structure);
  if (anchor.mesh < drawn.meshes.size() && anchor.vertex < drawn.meshes[anchor.mesh].positions.size())
    return drawn.meshes[anchor.mesh].positions[anchor.vertex];
  return anchor.rest;
}

void Session::setViewport(int width, int height) {
  width_ = std::max(width, 1);
  height_ = std::max(height, 1);
}

void Session::setViewArea(const ViewArea &area) {
  area_ = area;
}

Session::ViewArea Session::viewArea() const {
  const bool inside = area_.width > 0 && area_.height > 0 && area_.x >= 0 && area_.y >= 0 &&
                      area_.x + area_.width <= width_ && area_.y + area_.height <= height_;
  return inside ? area_ : ViewArea{0, 0, width_, height_};
}

std::optional<glm::vec2> Session::projectToImage(const glm::vec3 &point) const {
  const ViewArea a = viewArea();
  auto p = camera_.project(point, a.width, a.height);
  if (!p)
    return std::nullopt;
  return *p + glm::vec2(static_cast<float>(a.x), static_cast<float>(a.y));
}

std::optional<PickHit> Session::hitAt(float x, float y) const {
  const ViewArea a = viewArea();
  x -= static_cast<float>(a.x);
  y -= static_cast<float>(a.y);
  if (x < 0 || y < 0 || x >= static_cast<float>(a.width) || y >= static_cast<float>(a.height))
    return std::nullopt;
  return view_.pick(pickingIndex(), camera_.rayThroughPixel(x, y, a.width, a.height));
}

std::optional<int> Session::structureAt(float x, float y) const {
  auto hit = hitAt(x, y);
  if (!hit)
    return std::nullopt;
  return hit->structure;
}

std::optional<glm::vec3> Session::pointAt(float x, float y) const {
  auto hit = hitAt(x, y);
  if (!hit)
    return std::nullopt;
  return hit->point;
}

void Session::clickAt(float x, float y, SelectMode mode) {
  const std::optional<int> hit = structureAt(x, y);
  if (!hit && mode != SelectMode::Replace)
    return; // a Ctrl/Shift click beside the model keeps what was gathered
  leaveFunctionView();
  select(hit.value_or(-1), mode);
  // With landmarks on show, a click on or beside a marker names that landmark of the bone it hit.
  if (landmarksShown_ && hit && mode == SelectMode::Replace)
    if (const std::optional<PickHit> where = hitAt(x, y))
      pickedLandmark_ = landmarkNearHit(*this, *where, glm::vec2(x, y));
}

void Session::select(int structure, SelectMode mode) {
  if (structure >= static_cast<int>(scene_.structures().size()))
    structure = -1;
  std::vector<int> &selection = view_.selection;
  const auto member = std::find(selection.begin(), selection.end(), structure);
  if (structure < 0 || mode == SelectMode::Replace) {
    selection.clear();
    if (structure >= 0)
      selection.push_back(structure);
  } else if (mode == SelectMode::Toggle && member != selection.end()) {
    selection.erase(member); // the last one left (if any) becomes the part the panels describe
    structure = selection.empty() ? -1 : selection.back();
  } else if (member == selection.end()) {
    selection.push_back(structure);
  }
  view_.selected = structure;
  if (pickedLandmark_ && pickedLandmark_->structure != structure)
    pickedLandmark_.reset(); // a landmark is named only while its bone is the one described
  rebuildHighlights();
  shownPanel = structure >= 0 ? "Info" : "Structures";
}

void Session::rebuildHighlights() {
  view_.highlights = computeHighlights(scene_, knowledge_, view_.selected, sourceMode_);
  // The other selected parts show as selected; the origins and supply are those of the last one.
  for (int other : view_.selection)
    if (other != view_.selected)
      view_.highlights.push_back({other, HighlightRole::Selected, std::nullopt});
}

void Session::animateTo(const Camera &target, bool animate) {
  if (!animate) {
    camera_ = target;
    animation_.reset();
    return;
  }
  animation_ = Animation{camera_, target};
}

std::optional<glm::vec2> Session::pixelShowing(int structure) const {
  // The label anchor first, then a spread of the part's vertices: the first whose pixel picks it.
  std::vector<glm::vec3> points{labelAnchor(structure)};
  for (const MeshData &mesh : scene_.structures()[static_cast<std::size_t>(structure)].meshes)
    for (std::size_t i = 0; i < mesh.positions.size();
         i += std::max<std::size_t>(1, mesh.positions.size() / 48))
      points.push_back(mesh.positions[i]);
  for (const glm::vec3 &point : points)
    if (const std::optional<glm::vec2> pixel = projectToImage(point))
      if (structureAt(std::round(pixel->x), std::round(pixel->y)) == structure)
        return glm::vec2(std::round(pixel->x), std::round(pixel->y));
  return std::nullopt;
}

bool Session::quizClockRunning() const {
  return quiz_ && quiz_->current() && !quiz_->finished();
}

double Session::questionSecondsLeft() const {
  return std::max(0.0, kExamSecondsPerQuestion - questionElapsed_);
}

void Session::advanceQuizClock(double seconds) {
  if (!quizClockRunning())
    return;
  if (timedQuestion_ != quiz_->index()) { // a new question starts its own time
    timedQuestion_ = quiz_->index();
    questionElapsed_ = 0.0;
  }
  quizElapsed_ += seconds;
  questionElapsed_ += seconds;
  if (quiz_->mode() != quiz::QuizMode::Exam || questionElapsed_ < kExamSecondsPerQuestion)
    return;
  // Time is up: the question counts as skipped (SM-2 grade 0) and the exam goes on.
  quizMemory.recordSkip(*quiz_->current());
  quiz_->next();
  timedQuestion_ = quiz_->index();
  questionElapsed_ = 0.0;
  showQuizQuestion();
}

bool Session::advance(float seconds) {
  advanceQuizClock(seconds);
  if (functionAnimation_.advance(scene_, generation_, seconds)) // the glow follows the pose, not the clock
    showWorkingMuscles();
  if (!animation_)
    return functionAnimation_.playing();
  animation_->elapsed += seconds;
  const float t = animation_->elapsed / animation_->duration;
  camera_ = interpolate(animation_->from, animation_->to, t);
  if (t >= 1.0f)
    animation_.reset();
  return animation_.has_value() || functionAnimation_.playing();
}

Bounds Session::viewBounds() const {
  // Parts the model opens ghosted or hidden ("initially", e.g. the long clavicles) are context: the
  // standard views frame the rest, so the spine and the scalenes fill the picture.
  Bounds b;
  for (const Structure &s : scene_.structures())
    if (!s.extras.count("initially"))
      b.extend(s.bounds());
  return b.empty() ? scene_.bounds() : b;
}

PointSets Session::viewPoints(const std::vector<int> &structures) const {
  PointSets points;
  auto add = [&](const Structure &s) {
    for (const MeshData &m : s.meshes)
      points.sets.push_back(&m.positions);
  };
  if (structures.empty()) {
    for (const Structure &s : scene_.structures())
      if (!s.extras.count("initially"))
        add(s);
    if (points.sets.empty()) // a model whose every part opens hidden: frame it all the same
      for (const Structure &s : scene_.structures())
        add(s);
  }
  for (int index : structures)
    if (index >= 0 && static_cast<std::size_t>(index) < scene_.structures().size())
      add(scene_.structures()[static_cast<std::size_t>(index)]);
  return points;
}

void Session::setStandardView(StandardView view, bool animate) {
  lastView_ = view;
  // Standard views frame the whole model, whatever is hidden, so views are comparable.
  Camera camera = standardViewCamera(view, viewPoints(), aspect());
  camera.sceneRadius = std::max(camera.sceneRadius, scene_.bounds().radius());
  animateTo(camera, animate);
}

void Session::frameSelection(bool animate) {
  Camera target = animation_ ? animation_->to : camera_;
  framePoints(target, viewPoints(view_.selection), aspect()); // every selected part in the picture
  animateTo(target, animate);
}

Camera Session::visibleViewCamera(int structure, const Bounds &bounds) const {
  const Camera current = animation_ ? animation_->to : camera_;
  std::vector<glm::quat> candidates{current.orientation};
  for (StandardView v :
       {StandardView::Anterior, StandardView::Posterior, StandardView::Left, StandardView::Right,
        StandardView::Default, StandardView::Superior, StandardView::Inferior})
    candidates.push_back(standardViewOrientation(v));
  // Sample points: centres of triangles spread over the structure (a ray aimed at a vertex may slip
  // between the triangles that share it).
  std::vector<glm::vec3> samples;
  if (structure >= 0 && static_cast<std::size_t>(structure) < scene_.structures().size()) {
    std::size_t total = 0;
    for (const MeshData &m : scene_.structures()[static_cast<std::size_t>(structure)].meshes)
      total += m.indices.size() / 3;
    const std::size_t step = std::max<std::size_t>(total / 64, 1);
    std::size_t n = 0;
    for (const MeshData &m : scene_.structures()[static_cast<std::size_t>(structure)].meshes)
      for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
        if (n++ % step == 0)
          samples.push_back(
              (m.positions[m.indices[t]] + m.positions[m.indices[t + 1]] + m.positions[m.indices[t + 2]]) /
              3.0f);
  }
  // X-rayed parts do not hide anything; the structure itself counts even when ghosted.
  auto accept = [&](int s) {
    return s == structure || (view_.isDrawn(s) && view_.visibility(s) == Visibility::Visible);
  };
  auto hitsStructure = [&](const glm::vec3 &from, const glm::vec3 &to) {
    const glm::vec3 toward = to - from;
    if (glm::dot(toward, toward) < 1e-12f)
      return false;
    const auto hit = pickingIndex().pick({from, glm::normalize(toward)}, accept);
    return hit && hit->structure == structure;
  };
  struct Candidate {
    Camera camera;
    std::vector<glm::vec3> seen; // the samples in sight from there
  };
  std::vector<Candidate> scored;
  for (const glm::quat &q : candidates) {
    Candidate c{current, {}};
    c.camera.orientation = q;
    frameBounds(c.camera, bounds, aspect());
    for (const glm::vec3 &p : samples)
      if (hitsStructure(c.camera.eye(), p))
        c.seen.push_back(p);
    scored.push_back(std::move(c));
  }
  // The current direction stays unless another shows clearly more (a turn the user did not ask for
  // costs orientation).
  std::size_t best = 0;
  for (std::size_t i = 1; i < scored.size(); ++i)
    if (scored[i].seen.size() > scored[best].seen.size())
      best = i;
  if (scored[0].seen.size() * 5 >= scored[best].seen.size() * 4)
    best = 0;
  Candidate &chosen = scored[best];
  if (chosen.seen.empty() || hitsStructure(chosen.camera.eye(), chosen.camera.target))
    return chosen.camera;
  // The centre of its box is not on it (a curved muscle) or lies behind something: centre the view
  // on a point of it in sight instead, the one nearest that centre, still fitting the whole box.
  std::sort(chosen.seen.begin(), chosen.seen.end(), [&](const glm::vec3 &a, const glm::vec3 &b) {
    return glm::distance(a, bounds.center()) < glm::distance(b, bounds.center());
  });
  for (std::size_t i = 0; i < chosen.seen.size() && i < 16; ++i) {
    const glm::vec3 p = chosen.seen[i];
    Bounds around = bounds; // the box mirrored about p: centred on p and holding the whole structure
    around.extend(2.0f * p - bounds.min);
    around.extend(2.0f * p - bounds.max);
    Camera c = chosen.camera;
    frameBounds(c, around, aspect());
    if (hitsStructure(c.eye(), c.target))
      return c;
  }
  return chosen.camera;
}

void Session::frameSelectionInView(bool animate) {
  if (view_.selected < 0) {
    frameSelection(animate);
    return;
  }
  const Bounds b = scene_.structures()[static_cast<std::size_t>(view_.selected)].bounds();
  animateTo(visibleViewCamera(view_.selected, b), animate);
}

void Session::leaveFunctionView() {
  if (!beforeFunction_)
    return;
  SavedView saved = std::move(*beforeFunction_);
  beforeFunction_.reset();
  for (std::size_t i = 0; i < saved.visibility.size() && i < view_.structureCount(); ++i)
    view_.setVisibility(static_cast<int>(i), saved.visibility[i]);
  animateTo(saved.camera, true);
}

Result<int> Session::indexOfId(const std::string &id) const {
  const int index = scene_.indexOf(id);
  if (index < 0)
    return Error{"no structure with id '" + id + "' in " +
                 (scene_.sourcePath.empty() ? std::string("the model") : scene_.sourcePath)};
  return index;
}

// One handler per command type: a command added to the variant without its run() does not compile,
// so no command can be silently ignored.
Result<void> Session::apply(const Command &command) {
  return std::visit([this](const auto &c) { return run(c); }, command);
}

Result<void> Session::run(const SelectCommand &c) {
  if (c.id.empty()) {
    leaveFunctionView();
    select(-1);
    return {};
  }
  Result<int> index = indexOfId(c.id);
  if (!index)
    return Error{index.error()};
  if (*index != view_.selected)
    leaveFunctionView();
  select(*index, c.mode);
  if (c.frame)
    frameSelectionInView(true);
  return {};
}

Result<void> Session::run(const SetViewCommand &v) {
  setStandardView(v.view, true);
  return {};
}

Result<void> Session::run(const FrameSelectionCommand &) {
  frameSelection(true);
  return {};
}

Result<void> Session::run(const SetVisibilityCommand &vis) {
  Result<int> index = indexOfId(vis.id);
  if (!index)
    return Error{index.error()};
  view_.setVisibility(*index, vis.visibility);
  return {};
}

Result<void> Session::run(const SetSystemVisibilityCommand &sys) {
  const auto &structures = scene_.structures();
  for (std::size_t i = 0; i < structures.size(); ++i)
    if (structures[i].system == sys.system)
      view_.setVisibility(static_cast<int>(i), sys.visibility);
  return {};
}

Result<void> Session::run(const IsolateCommand &iso) {
  Result<int> index = indexOfId(iso.id);
  if (!index)
    return Error{index.error()};
  view_.isolate({*index});
  return {};
}

Result<void> Session::run(const IsolateSystemCommand &isoSys) {
  std::vector<int> members;
  for (std::size_t i = 0; i < scene_.structures().size(); ++i)
    if (scene_.structures()[i].system == isoSys.system)
      members.push_back(static_cast<int>(i));
  view_.isolate(members);
  return {};
}

Result<void> Session::run(const SetSelectionVisibilityCommand &selVis) {
  for (int member : view_.selection)
    view_.setVisibility(member, selVis.visibility);
  return {};
}

Result<void> Session::run(const IsolateSelectionCommand &) {
  if (!view_.selection.empty())
    view_.isolate(view_.selection);
  return {};
}

Result<void> Session::run(const ShowAllCommand &) {
  view_.showAll();
  return {};
}

Result<void> Session::run(const SetFocusCommand &f) {
  view_.focus = f.focus;
  return {};
}

Result<void> Session::run(const ShowPartsCommand &show) {
  Result<int> index = indexOfId(show.select);
  if (!index)
    return Error{index.error()};
  if (show.cleanView && !beforeFunction_) {
    SavedView saved{animation_ ? animation_->to : camera_, {}};
    for (std::size_t i = 0; i < view_.structureCount(); ++i)
      saved.visibility.push_back(view_.visibility(static_cast<int>(i)));
    beforeFunction_ = std::move(saved);
  }
  if (show.cleanView)
    view_.showAll();
  select(*index);
  // The parts light up beside the selection's own highlights; parts the model lacks are
  // skipped.
  for (const std::string &id : show.parts) {
    const int part = scene_.indexOf(id);
    if (part >= 0 && part != *index)
      view_.highlights.push_back({part, HighlightRole::Related, SourceMode::Article});
  }
  if (show.cleanView) {
    // Framed on the muscle and what it moves, from where the muscle is in sight.
    Bounds b = scene_.structures()[static_cast<std::size_t>(*index)].bounds();
    for (const Highlight &h : view_.highlights)
      if (h.role == HighlightRole::Related)
        b.extend(scene_.structures()[static_cast<std::size_t>(h.structure)].bounds());
    animateTo(visibleViewCamera(*index, b), show.frame);
  } else if (show.frame)
    frameSelection(true);
  return {};
}

Result<void> Session::run(const OpenFileCommand &o) {
  return open(o.path);
}

Result<void> Session::run(const SetSourceCommand &src) {
  sourceMode_ = src.article ? SourceMode::Article : SourceMode::Reference;
  rebuildHighlights();
  functionAnimation_.setArticle(scene_, generation_, src.article);
  showWorkingMuscles();
  return {};
}

Result<void> Session::run(const SetLabelsCommand &labels) {
  view_.labels = labels.shown;
  return {};
}

Result<void> Session::run(const SetLandmarksShownCommand &marks) {
  landmarksShown_ = marks.shown;
  if (!landmarksShown_)
    pickedLandmark_.reset();
  return {};
}

Result<void> Session::run(const PickLandmarkCommand &pickMark) {
  if (pickMark.id.empty()) {
    pickedLandmark_.reset();
    return {};
  }
  const std::optional<LandmarkRef> ref = findLandmark(scene_, pickMark.id);
  if (!ref)
    return Error{"no landmark with id '" + pickMark.id + "' in " +
                 (scene_.sourcePath.empty() ? std::string("the model") : scene_.sourcePath)};
  if (ref->structure != view_.selected)
    leaveFunctionView();
  select(ref->structure);
  pickedLandmark_ = ref;
  return {};
}

Result<void> Session::run(const SetAttachmentsShownCommand &att) {
  view_.showAllAttachments = att.shown;
  return {};
}

Result<void> Session::run(const ShowSourceCommand &source) {
  if (!source.open) {
    sourcesView.open = false;
    return {};
  }
  if (!source.workId.empty() && !knowledge_.bibliography().find(source.workId))
    return Error{"no work with id '" + source.workId + "' in content/bibliography"};
  sourcesView.open = true;
  sourcesView.focused = source.workId;
  sourcesView.scrollToFocus = !source.workId.empty();
  if (!source.workId.empty())
    sourcesView.search.clear(); // the work must be in the list to be shown
  return {};
}

Result<void> Session::run(const ShowTeachingCommand &teach) {
  if (!teach.open) {
    teachingView.open = false;
    return {};
  }
  if (!teach.entryId.empty() && (!teaching || !teaching->find(teach.entryId)))
    return Error{"no teaching entry with id '" + teach.entryId + "' in content/teaching"};
  teachingView.open = true;
  if (!teach.entryId.empty())
    teachingView.entry = teach.entryId;
  sourcesView.open = false; // the Sources panel would hide it
  return {};
}

Result<void> Session::run(const StartQuizCommand &start) {
  if (start.stop) {
    quiz_.reset();
    quizView = QuizView{};
    showQuizQuestion();
    return {};
  }
  quizMemory.load();
  const quiz::QuizPriority priority = quizPriority ? quizPriority : quizMemory.priority();
  const content::QuizSet *set = quizSets ? quizSets->find(start.deck) : nullptr;
  Result<quiz::QuizRun> started =
      set ? quiz::QuizRun::fromQuestions(
                start.deck, start.seed, start.mode,
                quiz::drawSetQuiz(*set, scene_, knowledge_, start.seed, start.questions, priority))
          : quiz::QuizRun::start(scene_, knowledge_, start.deck, start.seed, start.questions, start.mode,
                                 priority);
  if (!started)
    return Error{started.error()};
  quiz_ = std::move(*started);
  quizView = QuizView{true, "", false}; // the question, not the Progress panel, is shown
  quizElapsed_ = questionElapsed_ = 0.0;
  timedQuestion_ = 0;
  sourcesView.open = false; // the Sources panel would hide it
  teachingView.open = false;
  showQuizQuestion();
  return {};
}

Result<void> Session::run(const AnswerQuizCommand &answer) {
  if (!quiz_)
    return Error{"no quiz is running: start one first (--quiz DECK)"};
  const quiz::QuizQuestion *current = quiz_->current();
  const std::vector<bool> answeredBefore = quiz::QuizMemory::answeredFlags(*quiz_);
  Result<void> given = answer.answer.empty() && current && current->form == quiz::AnswerForm::Clicks
                           ? quiz_->submitClicks(scene_, knowledge_)
                           : quiz_->answer(answer.answer, scene_, knowledge_);
  quizView.error = given ? std::string() : given.error();
  quizMemory.record(*quiz_, answeredBefore);
  showQuizQuestion();
  return given;
}

Result<void> Session::run(const QuizPickCommand &quizPick) {
  if (!quiz_)
    return Error{"no quiz is running: start one first (--quiz DECK)"};
  const std::vector<bool> answeredBefore = quiz::QuizMemory::answeredFlags(*quiz_);
  Result<void> taken = quiz_->pick(quizPick.id, scene_, knowledge_);
  quizMemory.record(*quiz_, answeredBefore);
  showQuizQuestion();
  return taken;
}

Result<void> Session::run(const NextQuestionCommand &) {
  if (!quiz_)
    return Error{"no quiz is running: start one first (--quiz DECK)"};
  quiz_->next();
  quizView.error.clear();
  showQuizQuestion();
  return {};
}

Result<void> Session::run(const ShowQuizProgressCommand &show) {
  quizMemory.load();
  quizView.progressOpen = show.open;
  if (show.open) {
    sourcesView.open = false; // the Sources and Teaching panels would hide it
    teachingView.open = false;
  }
  return {};
}

Result<void> Session::run(const TransferQuizProgressCommand &transfer) {
  if (transfer.path.empty())
    return Error{"no file named for the progress " + std::string(transfer.import ? "import" : "export")};
  const bool done =
      transfer.import ? quizMemory.importFrom(transfer.path) : quizMemory.exportTo(transfer.path);
  if (!done)
    return Error{quizMemory.message()};
  return {};
}

Result<void> Session::run(const OpenQuizSetCommand &open) {
  // Checked against this model's knowledge base as the bundled sets are; the loader reads the one file
  // and refuses a link out of its folder (content/yaml_file.h).
  content::QuizSets opened = content::loadQuizSetFile(open.path, content::quizSetIds(knowledge_));
  quizSetProblems = opened.problems;
  // A set whose every question was refused is no deck.
  opened.sets.erase(std::remove_if(opened.sets.begin(), opened.sets.end(),
                                   [](const content::QuizSet &set) { return set.questions.empty(); }),
                    opened.sets.end());
  if (opened.sets.empty())
    return Error{open.path + ": no question set could be read" +
                 (opened.problems.empty() ? std::string() : " (" + opened.problems.front() + ")")};
  auto merged = std::make_shared<content::QuizSets>(quizSets ? *quizSets : content::QuizSets{});
  for (content::QuizSet &set : opened.sets) {
    auto same = std::find_if(merged->sets.begin(), merged->sets.end(),
                             [&](const content::QuizSet &s) { return s.id == set.id; });
    if (same != merged->sets.end())
      *same = std::move(set); // a teacher's newer copy of a set replaces the one loaded before
    else
      merged->sets.push_back(std::move(set));
  }
  quizSets = std::move(merged);
  if (!quizSetProblems.empty()) // loaded, less the questions it had to skip: say so
    return Error{open.path + ": opened with " + std::to_string(quizSetProblems.size()) +
                 (quizSetProblems.size() == 1 ? " problem" : " problems") +
                 ", the first: " + quizSetProblems.front()};
  return {};
}

void Session::showQuizQuestion() {
  if (labelsBeforeQuiz_) {
    view_.labels = *labelsBeforeQuiz_;
    labelsBeforeQuiz_.reset();
  }
  const quiz::QuizQuestion *q = quiz_ ? quiz_->current() : nullptr;
  const quiz::GivenAnswer *given = quiz_ ? quiz_->currentAnswer() : nullptr;
  if (!q || !given)
    return;
  leaveFunctionView();
  select(-1);
  // What to select: the answer once given (practice), else the clicks gathered so far.
  const std::vector<std::string> &ids = given->answered ? q->expected : quiz_->pendingClicks();
  for (const std::string &id : ids) {
    if (const int index = scene_.indexOf(id); index >= 0)
      select(index, view_.selection.empty() ? SelectMode::Replace : SelectMode::Add);
    else if (const std::optional<LandmarkRef> mark = findLandmark(scene_, id)) {
      select(mark->structure, view_.selection.empty() ? SelectMode::Replace : SelectMode::Add);
      pickedLandmark_ = mark; // a landmark's answer names it on its bone
    }
  }
  // Parts clicked for a several-click question are selected without labels and without their
  // attachments and supply lit: a clicked ramus lit the muscles it supplies, which gave answers away.
  if (!given->answered && q->form == quiz::AnswerForm::Clicks) {
    if (!labelsBeforeQuiz_) {
      labelsBeforeQuiz_ = view_.labels;
      view_.labels = false;
    }
    view_.highlights.erase(
        std::remove_if(view_.highlights.begin(), view_.highlights.end(),
                       [](const Highlight &h) { return h.role != HighlightRole::Selected; }),
        view_.highlights.end());
  }
  // A landmark to name is marked on its lit bone (quizHidesLandmarkName keeps its label off).
  if (!given->answered && q->expected.size() == 1 && scene_.indexOf(q->expected.front()) < 0)
    if (const std::optional<LandmarkRef> mark = findLandmark(scene_, q->expected.front()))
      pickedLandmark_ = mark;
  if (!given->answered && !q->lit.empty())
    if (const int lit = scene_.indexOf(q->lit); lit >= 0) {
      // The part to name is lit without its label, which would give the answer away.
      if (!labelsBeforeQuiz_)
        labelsBeforeQuiz_ = view_.labels;
      view_.labels = false;
      view_.setVisibility(lit, Visibility::Visible);
      view_.highlights.push_back({lit, HighlightRole::Related, std::nullopt});
      // Turned to where it is in sight (a lit nerve behind the vessels was not seen at all), framed
      // with 3 cm of its surroundings around it so that where it lies still says something.
      Bounds around = scene_.structures()[static_cast<std::size_t>(lit)].bounds();
      const glm::vec3 centre = around.center();
      around.extend(centre - glm::vec3(0.03f));
      around.extend(centre + glm::vec3(0.03f));
      animateTo(visibleViewCamera(lit, around), false);
    }
}

bool Session::quizHidesLandmarkName(const LandmarkRef &ref) const {
  const quiz::QuizQuestion *q = quiz_ ? quiz_->current() : nullptr;
  const quiz::GivenAnswer *given = quiz_ ? quiz_->currentAnswer() : nullptr;
  if (!q || !given || given->answered || q->expected.size() != 1)
    return false;
  const std::optional<LandmarkRef> asked = findLandmark(scene_, q->expected.front());
  return asked && *asked == ref;
}

nlohmann::json Session::stateJson() const {
  using nlohmann::json;
  auto vec = [](const glm::vec3 &v) { return json::array({v.x, v.y, v.z}); };
  const auto &structures = scene_.structures();
  json state;
  state["model"] = scene_.sourcePath;
  state["selected"] =
      view_.selected >= 0 ? json(structures[static_cast<std::size_t>(view_.selected)].id) : json();
  json selection = json::array();
  for (int member : view_.selection)
    selection.push_back(structures[static_cast<std::size_t>(member)].id);
  state["selection"] = selection;
  json highlighted = json::array();
  for (const Highlight &h : view_.highlights) {
    const Structure &hs = structures[static_cast<std::size_t>(h.structure)];
    json entry{{"id", hs.id}, {"role", highlightRoleName(h.role)}};
    if (hs.attachment)
      entry["bone"] = hs.attachment->bone; // footprints: the bone the site lies on
    if (h.source)
      entry["source"] = sourceModeName(*h.source);
    highlighted.push_back(entry);
  }
  state["highlighted"] = highlighted;
  // The labels' words (plain ones in patient reading), for the parts that are drawn.
  json labels = json::array();
  if (view_.labels) {
    std::vector<Highlight> drawn;
    for (const Highlight &h : view_.highlights)
      if (view_.isDrawn(h.structure))
        drawn.push_back(h);
    for (const auto &[index, text] : highlightLabels(scene_, drawn, articleView.patientMode))
      labels.push_back({{"id", structures[static_cast<std::size_t>(index)].id}, {"text", text}});
  }
  state["label_texts"] = labels;
  json hidden = json::array(), ghosted = json::array();
  for (std::size_t i = 0; i < structures.size(); ++i) {
    const Visibility v = view_.visibility(static_cast<int>(i));
    if (v == Visibility::Hidden)
      hidden.push_back(structures[i].id);
    else if (v == Visibility::Ghosted)
      ghosted.push_back(structures[i].id);
  }
  state["visibility"] = {{"hidden", hidden}, {"ghosted", ghosted}};
  state["focus"] = view_.focus;
  state["source"] = sourceModeName(sourceMode_);
  state["labels"] = view_.labels;
  state["landmarks"] = landmarksStateJson(*this);
  state["camera"] = {{"view", standardViewName(lastView_)}, {"eye", vec(camera_.eye())},
                     {"target", vec(camera_.target)},       {"up", vec(camera_.up())},
                     {"distance", camera_.distance},        {"fov_y_degrees", glm::degrees(camera_.fovY)}};
  state["viewport"] = {width_, height_};
  const ViewArea a = viewArea();
  state["view_area"] = {a.x, a.y, a.width, a.height};
  const std::string reading = content::readingPanelTitle(articleView.panel);
  state["panel"] = sourcesView.open        ? std::string("Sources")
                   : teachingView.open     ? std::string("Teaching")
                   : quizView.progressOpen ? std::string("Progress")
                   : quizView.open         ? std::string("Quiz")
                   : reading.empty()       ? shownPanel
                                           : reading;
  state["sources"] = {{"open", sourcesView.open},
                      {"focused", sourcesView.focused},
                      {"search", sourcesView.search},
                      {"works", knowledge_.bibliography().works.size()}};
  {
    // The entry the panel shows: the chosen one, else the first (as ui/teaching_panel.cpp draws it).
    const content::TeachingEntry *shown = teaching ? teaching->findOrFirst(teachingView.entry) : nullptr;
    state["teaching"] = {{"open", teachingView.open},
                         {"entry", shown ? json(shown->id) : json()},
                         {"entries", teaching ? teaching->entries.size() : 0},
                         {"patient_version", shown && articleView.patientMode && shown->hasPatientVersion()}};
  }
  state["quiz"] = quiz_ ? quiz_->stateJson(scene_) : json();
  // The teacher sets that are decks now, and the problems of the one opened last (--quiz-file).
  json sets = json::array();
  if (quizSets)
    for (const content::QuizSet &set : quizSets->sets)
      sets.push_back({{"id", set.id}, {"title", set.title}, {"questions", set.questions.size()}});
  state["quiz_sets"] = sets;
  state["quiz_set_problems"] = quizSetProblems;
  if (quiz_) {
    state["quiz"]["elapsed_s"] = quizElapsed_;
    // For automation (window tests click it): a pixel where a click picks the current click
    // question's first expected part, or null when none is in sight.
    json target;
    const quiz::QuizQuestion *q = quiz_->current();
    if (q && quiz_->takesClicks() && !q->expected.empty())
      if (const int index = scene_.indexOf(q->expected.front()); index >= 0)
        if (const std::optional<glm::vec2> pixel = pixelShowing(index))
          target = json::array({pixel->x, pixel->y});
    state["quiz"]["target_pixel"] = target;
    // One pixel per expected part (null where it is out of sight), for several-click questions.
    json targets = json::array();
    if (q && quiz_->takesClicks())
      for (const std::string &id : q->expected) {
        const int index = scene_.indexOf(id);
        const std::optional<glm::vec2> pixel = index >= 0 ? pixelShowing(index) : std::nullopt;
        targets.push_back(pixel ? json::array({pixel->x, pixel->y}) : json());
      }
    state["quiz"]["target_pixels"] = targets;
    state["quiz"]["question_seconds_left"] =
        quiz_->mode() == quiz::QuizMode::Exam && quizClockRunning() ? json(questionSecondsLeft()) : json();
  }
  {
    const quiz::ProgressSummary summary = quiz::summarize(quizMemory.progress().cards, quizMemory.today);
    json weak = json::array();
    for (const quiz::WeakSpot &spot : summary.weakSpots)
      weak.push_back(spot.key);
    state["quiz_progress"] = {{"open", quizView.progressOpen},
                              {"file", quizMemory.file.string()},
                              {"today", quizMemory.today},
                              {"cards", summary.cards},
                              {"due", summary.due},
                              {"learned", summary.learned},
                              {"weak", weak},
                              {"message", quizMemory.message()}};
  }
  state["article"] = content::articleStateJson(articleView, article.get());
  state["lesson"] = lessonStateJson();
  // Issue 14: the function shown in motion, and the posed bones and scalene lengths at its T.
  if (json animation = functionAnimation_.stateJson(scene_); !animation.is_null()) {
    state["pose"] = animation["pose"];
    state["muscles"] = animation["muscles"];
    animation.erase("pose");
    animation.erase("muscles");
    // What glows on the model: the working muscles found in the scene, and how hard they work now.
    json working = json::array();
    for (const int index : view_.working)
      working.push_back(scene_.structures()[static_cast<std::size_t>(index)].id);
    animation["working"] = working;
    animation["contraction"] = view_.contraction;
    state["animation"] = animation;
  }
  replaceInvalidUtf8(state);
  return state;
}

nlohmann::json Session::structureListJson() const {
  nlohmann::json list = nlohmann::json::array();
  for (const Structure &s : scene_.structures()) {
    nlohmann::json entry{{"id", s.id},
                         {"name", s.displayName()},
                         {"system", systemName(s.system)},
                         {"triangles", s.triangleCount()}};
    entry["fma"] = s.fma.empty() ? nlohmann::json() : nlohmann::json(s.fma);
    if (!s.side.empty())
      entry["side"] = s.side;
    list.push_back(entry);
  }
  replaceInvalidUtf8(list);
  return list;
}

} // namespace atlas
