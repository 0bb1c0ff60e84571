#include "scene/pose.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>
#include <optional>

namespace atlas {

const std::vector<std::pair<std::string, std::string>> &cervicalSegments() {
  static const std::vector<std::pair<std::string, std::string>> segments = {
      {"c1", "c2"}, {"c2", "c3"}, {"c3", "c4"}, {"c4", "c5"}, {"c5", "c6"}, {"c6", "c7"}, {"c7", "t1"}};
  return segments;
}

glm::mat4 Pose::of(const std::string &id) const {
  const auto found = transforms.find(id);
  return found == transforms.end() ? glm::mat4(1.0f) : found->second;
}

float Pose::largestShift(float radius) const {
  float largest = 0.0f;
  for (const auto &[id, m] : transforms)
    for (const glm::vec3 corner : {glm::vec3(radius, 0, 0), glm::vec3(0, radius, 0), glm::vec3(0, 0, radius),
                                   glm::vec3(-radius, -radius, -radius), glm::vec3(0.0f)})
      largest = std::max(largest, glm::length(glm::vec3(m * glm::vec4(corner, 1.0f)) - corner));
  return largest;
}

namespace {

const Landmark *landmarkOf(const Structure &s, const std::string &suffix) {
  for (const Landmark &l : s.landmarks)
    if (l.id == s.id + "." + suffix)
      return &l;
  return nullptr;
}

std::vector<glm::vec3> verticesOf(const Structure &s) {
  std::vector<glm::vec3> all;
  for (const MeshData &m : s.meshes)
    all.insert(all.end(), m.positions.begin(), m.positions.end());
  return all;
}

// The segment's centre of rotation: in the posterior part of the lower vertebral body, a third of
// the way down it. The lower cervical segments turn about axes that lie in the lower body (Amevo,
// Worth & Bogduk 1991, Clin Biomech 6:111; not in REFERENCE.md, placement [E]); a body is 12.5-14.5 mm
// tall (REFERENCE.md §2.1), so a third is ~5 mm below its upper endplate. The endplate is read off
// the disc above the body, which covers it.
glm::vec3 segmentCentre(const Scene &scene, const std::string &upper, const std::string &lower) {
  if (const Structure *disc = scene.find("disc_" + upper + "_" + lower)) {
    const Bounds b = disc->bounds();
    return {0.0f, b.min.y - 0.005f, b.min.z + 0.35f * (b.max.z - b.min.z)};
  }
  const Structure *bone = scene.find(lower);
  // C1 turns on C2 about the dens (REFERENCE.md §2.5): its base, 1 cm below the tip [E].
  if (bone)
    if (const Landmark *dens = landmarkOf(*bone, "dens"))
      return {0.0f, dens->position.y - 0.010f, dens->position.z};
  const Bounds b = bone ? bone->bounds() : Bounds{};
  return b.empty() ? glm::vec3(0.0f) : glm::vec3(0.0f, b.max.y - 0.005f, b.center().z);
}

glm::mat4 about(const glm::vec3 &centre, const glm::mat4 &rotation) {
  return glm::translate(glm::mat4(1.0f), centre) * rotation * glm::translate(glm::mat4(1.0f), -centre);
}

// The rib's front end: the most anterior of its vertices.
glm::vec3 frontEnd(const Structure &rib) {
  glm::vec3 best(0.0f, 0.0f, -1e9f);
  for (const glm::vec3 &p : verticesOf(rib))
    if (p.z > best.z)
      best = p;
  return best;
}

// The rib's head: the mean of its vertices nearest the midline (the head meets the vertebral bodies).
glm::vec3 headFromGeometry(const Structure &rib) {
  std::vector<glm::vec3> v = verticesOf(rib);
  if (v.empty())
    return glm::vec3(0.0f);
  const std::size_t n = std::max<std::size_t>(1, v.size() / 50);
  std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n), v.end(),
                    [](const glm::vec3 &a, const glm::vec3 &b) { return std::abs(a.x) < std::abs(b.x); });
  glm::vec3 sum(0.0f);
  for (std::size_t i = 0; i < n; ++i)
    sum += v[i];
  return sum / static_cast<float>(n);
}

// Ribs turn about their neck line, head to tubercle (Jordanoglou 1969, Thorax 24:407, REFERENCE.md
// §7.3). Rib 1 carries both landmarks; rib 2 has no tubercle landmark, so its line runs from the
// head (found on the geometry) toward its angle, which lies on from the tubercle along the same
// line seen from above [E].
std::optional<Joint> ribJoint(const Structure &rib) {
  const Landmark *head = landmarkOf(rib, "head");
  const Landmark *toward = landmarkOf(rib, "tubercle");
  if (!toward)
    toward = landmarkOf(rib, "angle");
  if (!toward)
    return std::nullopt;
  Joint joint;
  joint.structure = rib.id;
  joint.centre = head ? head->position : headFromGeometry(rib);
  joint.axis = glm::normalize(toward->position - joint.centre);
  // Orient the axis so that a positive turn lifts the front end.
  const glm::vec3 front = frontEnd(rib);
  const glm::mat4 turn = about(joint.centre, glm::rotate(glm::mat4(1.0f), glm::radians(5.0f), joint.axis));
  if ((turn * glm::vec4(front, 1.0f)).y < front.y)
    joint.axis = -joint.axis;
  joint.frontEnd = front;
  return joint;
}

} // namespace

JointModel JointModel::fromScene(const Scene &scene) {
  JointModel model;
  // The neck from the bottom up, so that every parent comes before its child.
  const auto &segments = cervicalSegments();
  for (auto it = segments.rbegin(); it != segments.rend(); ++it) {
    if (!scene.find(it->first) || !scene.find(it->second))
      continue;
    Joint joint;
    joint.structure = it->first;
    joint.parent = it->second == "t1" ? "" : it->second;
    joint.centre = segmentCentre(scene, it->first, it->second);
    // The uncinate processes of the lower bone, where a side-bend pivots (REFERENCE.md §2.3 has them
    // on C3-C7; the model marks C5's): their distance from the midline.
    if (const Structure *c5 = scene.find("c5"))
      if (const Landmark *uncinate = landmarkOf(*c5, "uncinate_process_left"))
        joint.uncinateOffset = std::abs(uncinate->position.x);
    model.joints_.push_back(joint);
  }
  for (const char *rib : {"rib1_left", "rib1_right", "rib2_left", "rib2_right"})
    if (const Structure *s = scene.find(rib))
      if (std::optional<Joint> joint = ribJoint(*s))
        model.joints_.push_back(*joint);
  if (const Structure *manubrium = scene.find("manubrium")) {
    Joint joint;
    joint.structure = manubrium->id;
    joint.centre = manubrium->bounds().center();
    model.joints_.push_back(joint);
  }
  return model;
}

const Joint *JointModel::find(const std::string &structure) const {
  for (const Joint &j : joints_)
    if (j.structure == structure)
      return &j;
  return nullptr;
}

Pose JointModel::solve(const PoseAngles &angles) const {
  Pose pose;
  for (const Joint &joint : joints_) {
    const auto found = angles.find(joint.structure);
    const JointAngles a = found == angles.end() ? JointAngles{} : found->second;
    const glm::mat4 carried = joint.parent.empty() ? glm::mat4(1.0f) : pose.of(joint.parent);
    glm::mat4 local(1.0f);
    if (joint.structure.rfind("rib", 0) == 0) {
      local = about(joint.centre, glm::rotate(glm::mat4(1.0f), glm::radians(a.elevation), joint.axis));
    } else {
      // + lateral flexion tips the top toward -X (the patient's right) about +Z; + rotation turns
      // the face (+Z) toward -X, i.e. a negative turn about +Y.
      const glm::mat4 bend = glm::rotate(glm::mat4(1.0f), glm::radians(a.lateralFlexion), {0, 0, 1});
      const glm::mat4 turn = glm::rotate(glm::mat4(1.0f), glm::radians(-a.axialRotation), {0, 1, 0});
      // Side-bending rocks the upper body on the uncovertebral joint of the side it bends to, so the
      // tilt pivots there rather than on the midline [E]; this keeps the transverse processes and
      // articular pillars of that side from closing onto each other.
      const float toward = a.lateralFlexion > 0.0f ? -1.0f : 1.0f;
      const glm::vec3 pivot = joint.centre + glm::vec3(toward * joint.uncinateOffset, 0.0f, 0.0f);
      local = about(pivot, bend) * about(joint.centre, turn);
    }
    local = glm::translate(glm::mat4(1.0f), a.translation) * local;
    pose.transforms[joint.structure] = carried * local;
  }
  return pose;
}

} // namespace atlas
