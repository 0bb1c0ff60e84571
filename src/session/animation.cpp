#include "session/animation.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace atlas {

void FunctionAnimation::ensureJoints(const Scene &scene, std::uint64_t sceneGeneration) {
  if (jointsBuilt_ && jointsGeneration_ == sceneGeneration)
    return;
  forgetModel();
  joints_ = JointModel::fromScene(scene);
  posedValid_ = false;
  jointsGeneration_ = sceneGeneration;
  jointsBuilt_ = true;
}

Result<void> FunctionAnimation::show(const Scene &scene, std::uint64_t sceneGeneration,
                                     const std::string &function, MotionSide side, bool article, float t) {
  const std::string id = functionId(function);
  bool known = false;
  for (const std::string &f : motionFunctionIds())
    known = known || f == id;
  if (!known)
    return Error{"no animation for the function " + function};
  ensureJoints(scene, sceneGeneration);
  if (joints_.empty())
    return Error{"this model has no joints to move (the animations need the bundled anatomy)"};
  motion_ = functionMotion(id, side, article, joints_);
  if (!skin_ && !skinBuild_.valid())
    skinBuild_ =
        std::async(std::launch::async, [&scene, joints = joints_] { return PoseSkin::build(scene, joints); });
  article_ = article;
  playing_ = false;
  t_ = std::clamp(t, 0.0f, 1.0f);
  repose(scene);
  return {};
}

void FunctionAnimation::stop() {
  motion_.reset();
  playing_ = false;
  t_ = 0.0f;
  pose_ = Pose{};
  if (posedValid_) {
    posedValid_ = false;
    ++poseGeneration_;
  }
}

void FunctionAnimation::forgetModel() {
  if (skinBuild_.valid())
    skinBuild_.wait();
  skinBuild_ = {};
  skin_.reset();
  posed_ = Scene{};
  posedFor_.clear();
  rest_ = nullptr;
}

void FunctionAnimation::setTime(float t) {
  t_ = loop ? t - std::floor(t) : std::clamp(t, 0.0f, 1.0f); // T = 1 is T = 0: both at rest
  dirty_ = true;                                             // the next advance() poses the model there
}

void FunctionAnimation::step(int frames) {
  if (frames == 0 || !motion_)
    return;
  playing_ = false; // stepping is for looking at one moment
  setTime(t_ + static_cast<float>(frames) / kFramesPerLoop);
}

void FunctionAnimation::setArticle(const Scene &scene, std::uint64_t sceneGeneration, bool article) {
  if (!motion_ || article == article_)
    return;
  const bool wasPlaying = playing_;
  if (show(scene, sceneGeneration, motion_->function, motion_->side, article, t_))
    playing_ = wasPlaying;
}

bool FunctionAnimation::advance(const Scene &scene, std::uint64_t sceneGeneration, float seconds) {
  if (!motion_)
    return false;
  if (jointsGeneration_ != sceneGeneration) { // a new model: the old motion means nothing on it
    stop();
    return true;
  }
  const float before = t_;
  if (playing_) {
    const float next = t_ + seconds * speed / kLoopSeconds;
    if (!loop && next >= 1.0f) {
      t_ = 1.0f;
      playing_ = false;
    } else {
      setTime(next);
    }
  }
  if (t_ == before && !dirty_)
    return false;
  dirty_ = false;
  repose(scene);
  return true;
}

void FunctionAnimation::repose(const Scene &scene) {
  dirty_ = false;
  pose_ = motion_ ? poseAt(*motion_, joints_, t_) : Pose{};
  const bool moved = pose_.largestShift() > 1e-7f;
  if (moved && !skin_) {
    // While it plays, the rest pose stays on screen until the skin is ready (a few frames) rather
    // than the window stalling; paused, stepped or headless, the pose is made now.
    if (skinBuild_.valid() && playing_ &&
        skinBuild_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
      dirty_ = true;
      return;
    }
    skin_ = skinBuild_.valid() ? skinBuild_.get() : PoseSkin::build(scene, joints_);
    ++skinGeneration_;
  }
  if (moved) {
    skinnedDraw_ = skin_->skinnedDraw(pose_);
    rest_ = &scene;
  }
  if (moved || posedValid_)
    ++poseGeneration_;
  posedValid_ = moved;
}

const Structure &FunctionAnimation::posedStructure(const Scene &rest, std::size_t structure) const {
  if (!posedValid_ || rest_ != &rest || !skin_)
    return rest.structures()[structure];
  if (posed_.structures().size() != rest_->structures().size()) {
    posed_ = *rest_;
    posedFor_.assign(rest_->structures().size(), ~std::uint64_t{0});
  }
  if (posedFor_[structure] != poseGeneration_) {
    skin_->applyTo(*rest_, pose_, posed_, structure);
    posedFor_[structure] = poseGeneration_;
  }
  return posed_.structures()[structure];
}

const Scene *FunctionAnimation::posedScene() const {
  if (!posedValid_ || !rest_)
    return nullptr;
  for (std::size_t i = 0; i < rest_->structures().size(); ++i)
    posedStructure(*rest_, i);
  return &posed_;
}

FunctionAnimation::Length FunctionAnimation::muscleLength(const Scene &scene,
                                                          const std::string &muscle) const {
  // Measured once a pose: the panel asks for every scalene on every frame it draws.
  const LengthKey key{poseGeneration_, jointsGeneration_, article_, posedValid_};
  if (!(key == lengthKey_)) {
    lengths_.clear();
    lengthKey_ = key;
  }
  const auto known = lengths_.find(muscle);
  if (known != lengths_.end())
    return known->second;
  const Length length{muscleLengthMm(scene, muscle, Pose{}, article_),
                      muscleLengthMm(scene, muscle, pose_, article_)};
  lengths_.emplace(muscle, length);
  return length;
}

nlohmann::json FunctionAnimation::stateJson(const Scene &scene) const {
  if (!motion_)
    return nullptr;
  nlohmann::json state = {{"function", motion_->function},
                          {"time", t_},
                          {"playing", playing_},
                          {"speed", speed},
                          {"loop", loop},
                          {"source", article_ ? "article" : "reference"},
                          {"action", motion_->action},
                          {"degrees", degreesAt(*motion_, t_)},
                          {"note", motion_->note},
                          {"active", motion_->active}};
  nlohmann::json pose = nlohmann::json::object();
  for (const auto &[id, m] : pose_.transforms) {
    nlohmann::json columns = nlohmann::json::array();
    for (int c = 0; c < 4; ++c)
      for (int r = 0; r < 4; ++r)
        columns.push_back(m[c][r]);
    pose[id] = columns;
  }
  nlohmann::json muscles = nlohmann::json::object();
  for (const std::string &id : scaleneIds(scene)) {
    const Length l = muscleLength(scene, id);
    muscles[id] = {{"length_mm", l.nowMm}, {"rest_length_mm", l.restMm}};
  }
  state["pose"] = pose;
  state["muscles"] = muscles;
  return state;
}

} // namespace atlas
