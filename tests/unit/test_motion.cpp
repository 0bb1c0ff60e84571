// Issue 14: the key functions as motions on the bundled model: rest at T = 0, the REFERENCE.md §7
// amounts at the peak, the scalenes measured between their posed attachments, soft tissues that follow
// and bones that stay apart.
#include "model_test_support.h"
#include "scene/motion.h"
#include "scene/pose_skin.h"

#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#endif

#include <algorithm>
#include <cstdio>

using namespace atlas;

namespace {

const JointModel &joints() {
  static const JointModel model = JointModel::fromScene(test::committedModel());
  return model;
}

const PoseSkin &skin() {
  static const PoseSkin built = PoseSkin::build(test::committedModel(), joints());
  return built;
}

float frontalLean(const glm::mat4 &m) {
  const glm::vec3 up = glm::mat3(m) * glm::vec3(0, 1, 0);
  return glm::degrees(std::atan2(-up.x, up.y));
}

float lengthAt(const FunctionMotion &motion, const std::string &muscle, float t, bool article = false) {
  return muscleLengthMm(test::committedModel(), muscle, poseAt(motion, joints(), t), article);
}

} // namespace

TEST_CASE("motion: every key function starts and ends at rest, and those that move do at the peak",
          "[motion]") {
  for (const std::string &id : motionFunctionIds())
    for (const bool article : {false, true}) {
      INFO(id << (article ? " (article)" : " (references)"));
      const FunctionMotion motion = functionMotion(id, MotionSide::Right, article, joints());
      CHECK(!motion.note.empty());
      CHECK(!motion.active.empty());
      CHECK(poseAt(motion, joints(), 0.0f).largestShift() < 1e-6f);
      CHECK(poseAt(motion, joints(), 1.0f).largestShift() < 1e-6f);
      if (motion.moves)
        CHECK(poseAt(motion, joints(), 0.5f).largestShift() > 0.005f);
      else
        CHECK(poseAt(motion, joints(), 0.5f).largestShift() < 1e-6f);
    }
  CHECK_FALSE(functionMotion("functions.cervical_stabilization", MotionSide::Right, false, joints()).moves);
  CHECK(loopWeight(0.5f) == Approx(1.0f));
  CHECK(loopWeight(0.25f) == Approx(0.5f));
}

TEST_CASE("motion: right lateral flexion bends C2 on T1 by the REFERENCE total and works the right "
          "scalenes",
          "[motion]") {
  const FunctionMotion motion = functionMotion("lateral_neck_flexion", MotionSide::Right, false, joints());
  // REFERENCE.md §7.2 targets C2-3 8, C3-4 9, C4-5 9, C5-6 7, C6-7 5, C7-T1 1: 39° for C2 on T1.
  const Pose peak = poseAt(motion, joints(), 0.5f);
  CHECK(frontalLean(peak.of("c2")) == Approx(39.0f).margin(3.0f));
  CHECK(motion.peakDegrees == Approx(39.0f));
  // Half way up, about half the lean (the loop is sin^2).
  CHECK(frontalLean(poseAt(motion, joints(), 0.25f).of("c2")) == Approx(19.5f).margin(2.0f));
  // The left-side motion mirrors it.
  const FunctionMotion left = functionMotion("lateral_neck_flexion", MotionSide::Left, false, joints());
  CHECK(frontalLean(poseAt(left, joints(), 0.5f).of("c2")) == Approx(-39.0f).margin(3.0f));

  for (const char *name : {"scalenus_anterior", "scalenus_medius", "scalenus_posterior"}) {
    const std::string right = std::string(name) + "_right", leftId = std::string(name) + "_left";
    const float restRight = lengthAt(motion, right, 0.0f), peakRight = lengthAt(motion, right, 0.5f);
    const float restLeft = lengthAt(motion, leftId, 0.0f), peakLeft = lengthAt(motion, leftId, 0.5f);
    INFO(name << ": right " << restRight << " -> " << peakRight << " mm, left " << restLeft << " -> "
              << peakLeft << " mm");
    CHECK(restRight > 20.0f);
    CHECK(restRight == Approx(restLeft).epsilon(0.02)); // the model is symmetric
    CHECK(peakRight < restRight * 0.95f);
    CHECK(peakLeft > restLeft * 1.03f);
  }
}

TEST_CASE("motion: the article's rotation turns the neck to the other side and says the references "
          "differ",
          "[motion]") {
  const FunctionMotion motion = functionMotion("neck_rotation", MotionSide::Right, true, joints());
  CHECK(motion.action.find("left") != std::string::npos);
  CHECK(motion.note.find("scalenus anterior") != std::string::npos);
  // The face turns to the patient's left (+X): C2's forward axis gains +X, by the §7.2 C2-T1 sum (30°).
  const glm::vec3 forward = glm::mat3(poseAt(motion, joints(), 0.5f).of("c2")) * glm::vec3(0, 0, 1);
  CHECK(glm::degrees(std::atan2(forward.x, forward.z)) == Approx(30.0f).margin(6.0f));
}

TEST_CASE("motion: in a deep breath the body of the sternum rides up with the manubrium", "[motion][skin]") {
  // The manubriosternal joint barely moves (Gray's Anatomy 41st ed.): the stub of the sternal body, which
  // has no joint of its own in the model, moves with the manubrium, so the joint line stays where it
  // is. Each of its vertices moves as the manubrium's centre does, to within a hundredth of a mm.
  const Scene &rest = test::committedModel();
  const int body = rest.indexOf("sternal_body"), manubrium = rest.indexOf("manubrium");
  REQUIRE(body >= 0);
  REQUIRE(manubrium >= 0);
  const FunctionMotion breath = functionMotion("respiration", MotionSide::Right, false, joints());
  const Scene posed = skin().posed(rest, poseAt(breath, joints(), 0.5f));
  const auto centre = [](const Scene &scene, int index) {
    return scene.structures()[static_cast<std::size_t>(index)].bounds().center();
  };
  const glm::vec3 lift = 1000.0f * (centre(posed, manubrium) - centre(rest, manubrium));
  INFO("the manubrium moves " << lift.x << ", " << lift.y << ", " << lift.z << " mm");
  REQUIRE(lift.y > 3.0f);
  const std::vector<glm::vec3> &from =
      rest.structures()[static_cast<std::size_t>(body)].meshes.front().positions;
  const std::vector<glm::vec3> &to =
      posed.structures()[static_cast<std::size_t>(body)].meshes.front().positions;
  REQUIRE(from.size() == to.size());
  float worst = 0.0f;
  for (std::size_t v = 0; v < from.size(); ++v)
    worst = std::max(worst, glm::distance(1000.0f * (to[v] - from[v]), lift));
  INFO("its vertices move within " << worst << " mm of that");
  CHECK(worst < 0.01f);
}

TEST_CASE("motion: a deep breath lifts rib 2's front end by the §7.3 amount with rib 1 and the manubrium, "
          "and the sources differ on which muscle does it",
          "[motion]") {
  const FunctionMotion reference = functionMotion("respiration", MotionSide::Right, false, joints());
  const FunctionMotion article = functionMotion("respiration", MotionSide::Right, true, joints());
  for (const char *rib : {"rib2_left", "rib2_right"}) {
    const Joint *joint = joints().find(rib);
    REQUIRE(joint);
    const glm::vec3 front = joint->frontEnd;
    const glm::vec3 moved = glm::vec3(poseAt(reference, joints(), 0.5f).of(rib) * glm::vec4(front, 1.0f));
    const glm::vec3 shift = 1000.0f * (moved - front);
    INFO(rib << " front end moves " << shift.x << ", " << shift.y << ", " << shift.z << " mm");
    // REFERENCE.md §7.3: rib 2's front end up and forward by about 15-25 mm.
    CHECK(shift.y > 0.0f);
    CHECK(shift.z > -2.0f);
    CHECK(glm::length(glm::vec2(shift.y, shift.z)) > 15.0f);
    CHECK(glm::length(glm::vec2(shift.y, shift.z)) < 25.0f);
  }
  // The chest rises as one in either account: rib 2's cartilage meets a manubrium that rides up and
  // forward with the first ribs (§7.3: about 10-15 mm), so it is not torn from it.
  for (const FunctionMotion *m : {&reference, &article}) {
    CHECK(poseAt(*m, joints(), 0.5f).of("rib1_right") != glm::mat4(1.0f));
    const glm::vec3 lift = 1000.0f * glm::vec3(poseAt(*m, joints(), 0.5f).of("manubrium")[3]);
    INFO("manubrium moves " << lift.x << ", " << lift.y << ", " << lift.z << " mm");
    CHECK(lift.y > 3.0f);
    CHECK(glm::length(lift) < 20.0f);
  }
  // Who lifts what: the references give rib 1 to scalenus anterior and medius, which work beside
  // scalenus posterior; the article gives scalenus posterior rib 1, and it works alone.
  const auto works = [](const FunctionMotion &m, const std::string &id) {
    return std::find(m.active.begin(), m.active.end(), id) != m.active.end();
  };
  CHECK(works(reference, "scalenus_anterior_right"));
  CHECK_FALSE(works(article, "scalenus_anterior_right"));
  CHECK(works(article, "scalenus_posterior_right"));
  CHECK(reference.action != article.action);
  CHECK(reference.note != article.note);
  // Scalenus posterior shortens as it lifts rib 2.
  CHECK(lengthAt(reference, "scalenus_posterior_right", 0.5f) <
        lengthAt(reference, "scalenus_posterior_right", 0.0f) - 2.0f);
}

TEST_CASE("motion: the length readout says which way and by how much", "[motion]") {
  CHECK(
      lengthReadout("scalenus posterior (right)", 82.0f, 71.0f, 20.0f, "lateral flexion to the right") ==
      "scalenus posterior (right) shortens from 82 mm to 71 mm (-13 %) at 20° lateral flexion to the right");
  CHECK(lengthReadout("m", 50.0f, 55.0f, 10.0f, "x").find("lengthens from 50 mm to 55 mm (+10 %)") !=
        std::string::npos);
  CHECK(lengthReadout("m", 50.0f, 50.2f, 0.0f, "x").find("stays at 50 mm") != std::string::npos);
}

TEST_CASE("motion: soft tissues follow the bones and keep their attachments", "[motion][skin]") {
  const Scene &rest = test::committedModel();
  const FunctionMotion motion = functionMotion("lateral_neck_flexion", MotionSide::Right, false, joints());
  const Pose pose = poseAt(motion, joints(), 0.5f);
  const Scene posed = skin().posed(rest, pose);
  // At rest the skin changes nothing.
  const Scene still = skin().posed(rest, Pose{});
  float largest = 0.0f;
  for (std::size_t i = 0; i < rest.structures().size(); ++i)
    for (std::size_t m = 0; m < rest.structures()[i].meshes.size(); ++m) {
      const std::vector<glm::vec3> &a = still.structures()[i].meshes[m].positions;
      const std::vector<glm::vec3> &b = rest.structures()[i].meshes[m].positions;
      REQUIRE(a.size() == b.size());
      for (std::size_t v = 0; v < a.size(); ++v)
        largest = std::max(largest, glm::distance(a[v], b[v]));
    }
  CHECK(largest < 1e-6f); // metres: a micrometre
  // A bone moves rigidly with its pose.
  const glm::vec3 p = rest.find("c3")->meshes[0].positions[0];
  CHECK(glm::distance(posed.find("c3")->meshes[0].positions[0],
                      glm::vec3(pose.of("c3") * glm::vec4(p, 1.0f))) < 1e-6f);
  // The scalenes of both sides move toward the right with the neck; those on the right (the side it
  // bends to) do not rise.
  for (const char *muscle : {"scalenus_posterior_right", "scalenus_medius_right", "scalenus_medius_left"}) {
    INFO(muscle);
    const Bounds before = rest.find(muscle)->bounds(), after = posed.find(muscle)->bounds();
    if (std::string(muscle).find("right") != std::string::npos)
      CHECK(after.max.y < before.max.y + 0.002f);
    CHECK(after.center().x < before.center().x);
  }
  // The footprints ride on their bones and the muscle follows them: each stays as near the posed muscle
  // as it was at rest.
  for (const char *muscle : {"scalenus_posterior_right", "scalenus_anterior_left"})
    for (const Structure &s : posed.structures())
      if (s.attachment && s.attachment->muscle == muscle) {
        const glm::vec3 c = s.bounds().center();
        const float before =
            test::distanceToStructure(rest.find(s.id)->bounds().center(), *rest.find(muscle));
        INFO(s.id << ": " << 1000.0f * before << " mm from the muscle at rest");
        CHECK(test::distanceToStructure(c, *posed.find(muscle)) < before + 0.003f);
      }
}

#ifdef ATLAS_HAVE_MODELGEN
TEST_CASE("motion: no bone runs into another at any sampled moment of any function", "[motion][contacts]") {
  const Scene &rest = test::committedModel();
  // What the rest pose already has (the generator's own contacts) is not the animation's doing.
  const std::size_t atRest = modelgen::penetrations(rest, 0.5f).size();
  for (const char *id :
       {"functions.lateral_neck_flexion", "functions.neck_rotation", "functions.respiration"})
    for (const float t : {0.25f, 0.5f}) {
      const FunctionMotion motion = functionMotion(id, MotionSide::Right, true, joints());
      const Scene posed = skin().posed(rest, poseAt(motion, joints(), t));
      const std::vector<modelgen::Penetration> found = modelgen::penetrations(posed, 0.5f);
      INFO(id << " at T = " << t);
      for (const modelgen::Penetration &p : found)
        UNSCOPED_INFO(modelgen::describe(p));
      CHECK(found.size() <= atRest);
    }
}
#endif

TEST_CASE("motion: nerves and vessels bend with the bones without tearing", "[motion][skin]") {
  const Scene &rest = test::committedModel();
  const FunctionMotion motion = functionMotion("lateral_neck_flexion", MotionSide::Right, false, joints());
  const Scene posed = skin().posed(rest, poseAt(motion, joints(), 0.5f));
  // The longest edge of each tube, posed against rest: blending between neighbouring bones stretches
  // a tube a little where it crosses a moving joint, never many times over.
  for (std::size_t i = 0; i < rest.structures().size(); ++i) {
    const Structure &s = rest.structures()[i];
    if (s.system != System::Nerve && s.system != System::Artery && s.system != System::Vein)
      continue;
    float worst = 1.0f;
    for (std::size_t m = 0; m < s.meshes.size(); ++m) {
      const MeshData &a = s.meshes[m], &b = posed.structures()[i].meshes[m];
      for (std::size_t t = 0; t + 2 < a.indices.size(); t += 3)
        for (int e = 0; e < 3; ++e) {
          const std::uint32_t u = a.indices[t + e], v = a.indices[t + (e + 1) % 3];
          const float before = glm::distance(a.positions[u], a.positions[v]);
          if (before > 1e-4f)
            worst = std::max(worst, glm::distance(b.positions[u], b.positions[v]) / before);
        }
    }
    INFO(s.id << ": an edge stretches " << worst << " times");
    CHECK(worst < 3.0f);
  }
}
