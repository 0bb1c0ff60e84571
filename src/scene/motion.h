// Motion: each key function of the scalenus posterior (content/article/03_functions.yaml) as a loop
// rest -> action -> rest over a parameter T in [0, 1], with the joint angles from REFERENCE.md §7, and
// the scalene lengths measured on the posed model. No GL, no ImGui.
#pragma once

#include "scene/paired_ids.h"
#include "scene/pose.h"
#include "scene/scene.h"

#include <string>
#include <string_view>
#include <vector>

namespace atlas {

enum class MotionSide { Right, Left };

struct FunctionMotion {
  std::string function; // "functions.lateral_neck_flexion"
  std::string action;   // what moves, e.g. "lateral flexion to the right"
  std::string note;     // shown with it: what the sources say, or that nothing moves
  std::string source;   // where its numbers come from
  MotionSide side = MotionSide::Right;
  bool moves = true;
  PoseAngles peak;                 // the pose at T = 0.5
  float peakDegrees = 0.0f;        // the headline angle at the peak (e.g. C2 on T1)
  std::vector<std::string> active; // the muscles that work (they glow)
};

// A key function's id as the article names it: "functions.x" for "x" or "functions.x", so the
// Functions panel, the command line and the motions agree on one spelling.
std::string functionId(std::string_view function);

// The function ids with a motion, in the article's order.
const std::vector<std::string> &motionFunctionIds();

// The side a function plays on for the part `id` names: Left for "..._left" ids, else Right.
inline MotionSide motionSideOf(const std::string &id) {
  return isLeftId(id) ? MotionSide::Left : MotionSide::Right;
}

// The motion of a key function ("functions.x" or "x"); `article`: the article's account where it
// differs from the references. An unknown id gives a motion that does not move.

FunctionMotion functionMotion(const std::string &function, MotionSide side, bool article,
                              const JointModel &joints);

// 0 at T = 0 and 1, 1 at T = 0.5, smooth at both ends (sin^2).
float loopWeight(float t);
PoseAngles anglesAt(const FunctionMotion &motion, float t);
Pose poseAt(const FunctionMotion &motion, const JointModel &joints, float t);

// The headline angle at T (degrees).
inline float degreesAt(const FunctionMotion &motion, float t) {
  return motion.peakDegrees * loopWeight(t);
}

// A scalene's length between its posed attachments: the centroid of its origin footprints to that of
// its insertion footprints (footprints of the chosen source: `article` takes "article" and "both",
// else "reference" and "both"; an end the chosen source does not describe takes the other's), in mm.
// 0 when the muscle has no footprints.
float muscleLengthMm(const Scene &scene, const std::string &muscle, const Pose &pose, bool article);

// The scalenes of the model (muscles with footprints), in scene order.
std::vector<std::string> scaleneIds(const Scene &scene);

// "scalenus posterior (right) shortens from 82 mm to 71 mm (-13 %) at 20° lateral flexion to the right"
std::string lengthReadout(const std::string &muscleName, float restMm, float nowMm, float degrees,
                          const std::string &action);

} // namespace atlas
