// Issue 14: joints placed from the bundled model's own geometry, and poses solved down the neck.
#include "model_test_support.h"
#include "scene/pose.h"

#include <glm/gtc/matrix_transform.hpp>

using namespace atlas;

namespace {

const JointModel &bundledJoints() {
  static const JointModel joints = JointModel::fromScene(test::committedModel());
  return joints;
}

// How far the bone's up axis leans in the frontal plane (degrees, + toward the patient's right).
float frontalLean(const glm::mat4 &m) {
  const glm::vec3 up = glm::mat3(m) * glm::vec3(0, 1, 0);
  return glm::degrees(std::atan2(-up.x, up.y));
}

} // namespace

TEST_CASE("pose: the bundled model has a joint per cervical segment, per rib and the manubrium", "[pose]") {
  const JointModel &joints = bundledJoints();
  for (const char *id : {"c1", "c2", "c3", "c4", "c5", "c6", "c7", "rib1_left", "rib1_right", "rib2_left",
                         "rib2_right", "manubrium"})
    CHECK(joints.find(id) != nullptr);
  CHECK(joints.find("t1") == nullptr); // the trunk is fixed
  REQUIRE(joints.find("c7"));
  CHECK(joints.find("c7")->parent.empty());
  CHECK(joints.find("c4")->parent == "c5");
}

TEST_CASE("pose: each segment turns about a point in the posterior part of the lower body", "[pose]") {
  const Scene &scene = test::committedModel();
  for (const auto &[upper, lower] : cervicalSegments()) {
    if (upper == "c1")
      continue;
    const Joint *joint = bundledJoints().find(upper);
    REQUIRE(joint);
    INFO(upper << " on " << lower);
    const Bounds disc = scene.find("disc_" + upper + "_" + lower)->bounds();
    // Below the disc (inside the lower body), behind the middle of the endplate, on the midline.
    CHECK(joint->centre.y < disc.min.y);
    CHECK(joint->centre.y > disc.min.y - 0.010f);
    CHECK(joint->centre.z < disc.center().z);
    CHECK(joint->centre.z > disc.min.z);
    CHECK(std::abs(joint->centre.x) < 1e-4f);
  }
}

TEST_CASE("pose: no angles is the rest pose", "[pose]") {
  const Pose rest = bundledJoints().solve({});
  CHECK(rest.transforms.size() == bundledJoints().joints().size());
  CHECK(rest.largestShift() < 1e-6f);
}

TEST_CASE("pose: segment angles add up the chain, and the joint centre stays put", "[pose]") {
  PoseAngles angles;
  angles["c7"].lateralFlexion = 5.0f;
  angles["c6"].lateralFlexion = 7.0f;
  const Pose pose = bundledJoints().solve(angles);
  CHECK(frontalLean(pose.of("c7")) == Approx(5.0f).margin(1e-3));
  CHECK(frontalLean(pose.of("c6")) == Approx(12.0f).margin(1e-3));
  CHECK(frontalLean(pose.of("c2")) == Approx(12.0f).margin(1e-3)); // carried, not bent further
  CHECK(frontalLean(pose.of("t1")) == Approx(0.0f).margin(1e-6));
  // C7 rocks on the right uncovertebral joint of T1 (the side it bends to): that pivot stays put.
  const Joint *c7 = bundledJoints().find("c7");
  CHECK(c7->uncinateOffset > 0.005f);
  const glm::vec3 c = c7->centre - glm::vec3(c7->uncinateOffset, 0.0f, 0.0f);
  CHECK(glm::distance(glm::vec3(pose.of("c7") * glm::vec4(c, 1.0f)), c) < 1e-6f);
  // The top of C2 moves toward the patient's right (-X).
  const glm::vec3 dens = test::committedModel().find("c2")->bounds().max;
  CHECK((pose.of("c2") * glm::vec4(0.0f, dens.y, 0.0f, 1.0f)).x < -0.005f);
}

TEST_CASE("pose: rib elevation turns about the neck axis and lifts the front end", "[pose]") {
  for (const char *rib : {"rib1_left", "rib1_right", "rib2_left", "rib2_right"}) {
    const Joint *joint = bundledJoints().find(rib);
    REQUIRE(joint);
    INFO(rib);
    // The neck axis runs outward and back from the head (ribs 1-2: head near the midline).
    CHECK(std::abs(joint->axis.x) > 0.5f);
    CHECK(glm::length(joint->axis) == Approx(1.0f).margin(1e-4));
    PoseAngles angles;
    angles[rib].elevation = 10.0f;
    const Pose pose = bundledJoints().solve(angles);
    const glm::vec3 front = glm::vec3(pose.of(rib) * glm::vec4(joint->frontEnd, 1.0f));
    CHECK(front.y > joint->frontEnd.y + 0.005f);
    // Points on the axis stay.
    const glm::vec3 onAxis = joint->centre + 0.02f * joint->axis;
    CHECK(glm::distance(glm::vec3(pose.of(rib) * glm::vec4(onAxis, 1.0f)), onAxis) < 1e-6f);
  }
}
