// Pose: where the bones of the model go when it moves (issue 14). Joints are placed from the model's
// own geometry and landmarks; a pose is a set of joint angles, solved into one rigid 4x4 per moved
// bone, composed down the cervical chain from T1 (fixed) up to C1. No GL, no ImGui.
#pragma once

#include "scene/scene.h"

#include <glm/glm.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace atlas {

// One joint: a bone turning about a centre relative to the bone that carries it.
struct Joint {
  std::string structure;  // the moved bone ("c6", "rib2_left", "manubrium")
  std::string parent;     // the bone it rides on ("c7"); "" when carried by the fixed trunk
  glm::vec3 centre{0.0f}; // rest, model space (metres)
  // Ribs: the neck axis (unit), oriented so that a positive turn lifts the front end.
  glm::vec3 axis{0.0f, 0.0f, 1.0f};
  glm::vec3 frontEnd{0.0f};    // ribs: the most anterior point at rest (what elevation lifts)
  float uncinateOffset = 0.0f; // neck: how far off the midline a side-bend pivots (metres)
};

// Joint angles in degrees. Sides are the patient's: + lateral flexion bends the neck toward the
// right shoulder, + axial rotation turns the face to the right.
struct JointAngles {
  float lateralFlexion = 0.0f;
  float axialRotation = 0.0f;
  float elevation = 0.0f;      // ribs: about the neck axis, + lifts the front end
  glm::vec3 translation{0.0f}; // the manubrium: metres
};
using PoseAngles = std::map<std::string, JointAngles>; // joint (structure id) -> angles

// Each moved structure's rigid transform in model space; structures absent from it stay at rest.
struct Pose {
  std::map<std::string, glm::mat4> transforms;
  glm::mat4 of(const std::string &id) const;
  // The largest distance any point within `radius` (metres) of the origin moves: 0 at rest.
  float largestShift(float radius = 0.1f) const;
};

class JointModel {
public:
  // The joints of the bundled anatomy, found in `scene` by id; parts the scene lacks are left out.
  static JointModel fromScene(const Scene &scene);

  const std::vector<Joint> &joints() const { return joints_; } // parents before children
  const Joint *find(const std::string &structure) const;
  bool empty() const { return joints_.empty(); }

  Pose solve(const PoseAngles &angles) const;

private:
  std::vector<Joint> joints_;
};

// The cervical segments from top to bottom as (upper, lower) bone ids: c1/c2 .. c7/t1.
const std::vector<std::pair<std::string, std::string>> &cervicalSegments();

} // namespace atlas
