// FunctionAnimation: the key function being played on the model (issue 14) — which one, where in its
// loop (T in [0, 1]), playing or paused, speed and loop — and the posed model it gives: bones moved,
// soft tissues following, the scalenes' lengths. Owned by the Session, advanced by Session::advance.
// No GL.
#pragma once

#include "core/result.h"
#include "scene/motion.h"
#include "scene/pose_skin.h"

#include <cstdint>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace atlas {

class FunctionAnimation {
public:
  static constexpr float kLoopSeconds = 4.0f;     // one rest -> action -> rest loop at speed 1
  static constexpr float kFramesPerLoop = 120.0f; // what one frame step moves (30 frames a second)

  // Poses the model for a key function at T (paused); an unknown function is an error.
  Result<void> show(const Scene &scene, std::uint64_t sceneGeneration, const std::string &function,
                    MotionSide side, bool article, float t);
  void stop(); // back to rest
  // The model is about to be replaced: waits for a skin being built from it, and forgets it.
  void forgetModel();
  bool active() const { return motion_.has_value(); }
  const FunctionMotion *motion() const { return motion_ ? &*motion_ : nullptr; }

  bool playing() const { return playing_; }
  void setPlaying(bool playing) { playing_ = playing && active(); }
  float time() const { return t_; }
  void setTime(float t); // scrubbing; wraps (loop) or clamps
  void step(int frames); // pauses; one frame is 1 / kFramesPerLoop of the loop
  float speed = 1.0f;
  bool loop = true;
  // The source switch changed: the same function in the other account.
  void setArticle(const Scene &scene, std::uint64_t sceneGeneration, bool article);

  // Moves T on while playing; true when the pose changed.
  bool advance(const Scene &scene, std::uint64_t sceneGeneration, float seconds);

  const Pose &pose() const { return pose_; }
  // The posed model, or null when the model is at rest (nothing shown or T at rest). Posed on the CPU
  // only when asked for (picking, --state, tests): the GPU poses what it draws from skinnedDraw().
  const Scene *posedScene() const;
  // One structure of the posed model (`rest`'s own at rest), posed alone: the labels ask for the lit
  // parts on every frame while a function plays. `structure` must be an index into `rest`.
  const Structure &posedStructure(const Scene &rest, std::size_t structure) const;
  std::uint64_t poseGeneration() const { return poseGeneration_; } // changes when the pose does

  // For the GPU: the skin's per-vertex blends (built on the first pose that moves anything; null
  // before) and this pose's bone slots (null at rest).
  const PoseSkin *skin() const { return skin_ ? &*skin_ : nullptr; }
  std::uint64_t skinGeneration() const { return skinGeneration_; } // changes when a new skin is built
  const SkinnedDraw *skinnedDraw() const { return posedValid_ ? &skinnedDraw_ : nullptr; }

  // Length of a scalene now and at rest, mm (0 when it has no footprints of the current source).
  struct Length {
    float restMm = 0.0f, nowMm = 0.0f;
  };
  Length muscleLength(const Scene &scene, const std::string &muscle) const;

  // {"function", "time", "playing", "speed", "loop", "action", "degrees", "note"} or null;
  // "pose": moved structure id -> 16 numbers (column-major, metres); "muscles": scalene id ->
  // {"length_mm", "rest_length_mm"}.
  nlohmann::json stateJson(const Scene &scene) const;

private:
  void ensureJoints(const Scene &scene, std::uint64_t sceneGeneration);
  void repose(const Scene &scene);

  std::optional<FunctionMotion> motion_;
  bool article_ = false;
  float t_ = 0.0f;
  bool playing_ = false;
  bool dirty_ = false; // T was set and the pose not yet made for it
  std::uint64_t jointsGeneration_ = 0;
  bool jointsBuilt_ = false;
  JointModel joints_;
  std::optional<PoseSkin> skin_; // built on the first pose that moves anything
  // Started when a function is shown, so pressing Play does not wait for it (about 0.3 s, seconds
  // under the sanitizers); it reads the Session's model, which forgetModel() keeps alive until it ends.
  std::future<PoseSkin> skinBuild_;
  std::uint64_t skinGeneration_ = 0;
  Pose pose_;
  SkinnedDraw skinnedDraw_;
  const Scene *rest_ = nullptr; // the Session's model, which the pose applies to
  bool posedValid_ = false;
  std::uint64_t poseGeneration_ = 0;
  // The CPU's posed model, filled in structure by structure for the pose each was posed for.
  mutable Scene posed_;
  mutable std::vector<std::uint64_t> posedFor_;
  // The lengths measured for the pose they were measured on.
  struct LengthKey {
    std::uint64_t pose = ~0ull, joints = 0;
    bool article = false, posed = false;
    bool operator==(const LengthKey &o) const {
      return pose == o.pose && joints == o.joints && article == o.article && posed == o.posed;
    }
  };
  mutable LengthKey lengthKey_;
  mutable std::map<std::string, Length> lengths_;
};

} // namespace atlas
