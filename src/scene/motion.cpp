#include "scene/motion.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <glm/gtc/constants.hpp>

namespace atlas {

namespace {

const char *sideName(MotionSide side) {
  return side == MotionSide::Right ? "right" : "left";
}
MotionSide otherSide(MotionSide side) {
  return side == MotionSide::Right ? MotionSide::Left : MotionSide::Right;
}
float sign(MotionSide side) {
  return side == MotionSide::Right ? 1.0f : -1.0f;
}

// Lateral flexion per side and segment, degrees: the suggested animation targets of REFERENCE.md §7.2
// (the White & Panjabi and Lan 2014 tables of §7.1, rounded [E]). The key is the upper bone of the
// segment. C0-C1 (4°) is left out: the model has no skull.
const std::vector<std::pair<std::string, float>> kLateralFlexion = {
    {"c1", 2.0f}, {"c2", 8.0f}, {"c3", 9.0f}, {"c4", 9.0f}, {"c5", 7.0f}, {"c6", 5.0f}, {"c7", 1.0f}};
// Axial rotation per side and segment, degrees, the same §7.2 targets for C2-T1 (the levels the
// scalenes span; the 38° at C1-C2 belongs to the suboccipital and other neck muscles).
const std::vector<std::pair<std::string, float>> kAxialRotation = {{"c2", 4.0f}, {"c3", 6.0f}, {"c4", 6.0f},
                                                                   {"c5", 6.0f}, {"c6", 5.0f}, {"c7", 3.0f}};
// Coupling in the lower cervical spine: rotation and lateral flexion go to the same side, animated at
// 40-60 % of the primary motion (REFERENCE.md §7.2, Salem 2013, Ishii 2004; the fraction is [E]).
constexpr float kCoupling = 0.5f;
bool lowerCervical(const std::string &upper) {
  return upper != "c1";
}

// Rib elevation about the neck axis in forced inspiration: rib 2 ~10-15°, rib 1 ~8-15° (REFERENCE.md
// §7.3 [E], Wilson 1987 rib-3 values as a guide); quiet breathing ~2-3° (§7.3 [E]).
constexpr float kDeepBreathRib2 = 12.0f;
constexpr float kDeepBreathRib1 = 11.0f;
constexpr float kQuietBreath = 3.0f;

std::vector<std::string> scalenes(MotionSide side, bool posteriorOnly) {
  const std::string s = sideName(side);
  if (posteriorOnly)
    return {"scalenus_posterior_" + s};
  return {"scalenus_anterior_" + s, "scalenus_medius_" + s, "scalenus_posterior_" + s};
}

// Ribs lifted by `degrees` on both sides; the manubrium rides up with the front ends of the first
// ribs (REFERENCE.md §7.3: it moves up and forward with the rib-1 cartilages).
void liftRibs(FunctionMotion &m, const JointModel &joints, float rib1, float rib2) {
  glm::vec3 manubriumShift(0.0f);
  int firstRibs = 0;
  for (const char *side : {"left", "right"}) {
    m.peak[std::string("rib2_") + side].elevation = rib2;
    if (rib1 <= 0.0f)
      continue;
    const std::string id = std::string("rib1_") + side;
    m.peak[id].elevation = rib1;
    if (const Joint *j = joints.find(id)) {
      const Pose lifted = joints.solve({{id, m.peak[id]}});
      manubriumShift += glm::vec3(lifted.of(id) * glm::vec4(j->frontEnd, 1.0f)) - j->frontEnd;
      ++firstRibs;
    }
  }
  if (firstRibs > 0)
    m.peak["manubrium"].translation = manubriumShift / static_cast<float>(firstRibs);
}

} // namespace

const std::vector<std::string> &motionFunctionIds() {
  static const std::vector<std::string> ids = {"functions.respiration",   "functions.lateral_neck_flexion",
                                               "functions.neck_rotation", "functions.cervical_stabilization",
                                               "functions.posture",       "functions.rib_movement"};
  return ids;
}

float loopWeight(float t) {
  const float s = std::sin(glm::pi<float>() * std::clamp(t, 0.0f, 1.0f));
  return s * s;
}

std::string functionId(std::string_view function) {
  constexpr std::string_view prefix = "functions.";
  return function.substr(0, prefix.size()) == prefix ? std::string(function)
                                                     : std::string(prefix) + std::string(function);
}

FunctionMotion functionMotion(const std::string &function, MotionSide side, bool article,
                              const JointModel &joints) {
  FunctionMotion m;
  m.function = functionId(function);
  m.side = side;
  const std::string s = sideName(side);
  if (m.function == "functions.lateral_neck_flexion") {
    m.action = std::string("lateral flexion to the ") + s;
    m.source = "REFERENCE.md §7.2 per-segment targets (C2-T1 39°), coupled same-side rotation at 50 %";
    m.note = "The scalenes of one side bend the neck toward that shoulder; those of the other side "
             "lengthen. The lower neck turns a little to the same side as it bends.";
    for (const auto &[upper, degrees] : kLateralFlexion) {
      m.peak[upper].lateralFlexion = sign(side) * degrees;
      if (lowerCervical(upper))
        m.peak[upper].axialRotation = sign(side) * kCoupling * degrees;
      if (upper != "c1")
        m.peakDegrees += degrees;
    }
    m.active = scalenes(side, false);
  } else if (m.function == "functions.neck_rotation") {
    // The article's claim: turning the head toward the opposite side.
    const MotionSide toward = otherSide(side);
    m.action = std::string("rotation to the ") + sideName(toward);
    m.source = "The article's claim; angles from REFERENCE.md §7.2 targets for C2-T1, coupled "
               "same-side bend at 50 %";
    m.note = "Shown as the article claims it. The standard references give turning the head to the "
             "other side to scalenus anterior, not to scalenus posterior (REFERENCE.md §7.3).";
    for (const auto &[upper, degrees] : kAxialRotation) {
      m.peak[upper].axialRotation = sign(toward) * degrees;
      m.peak[upper].lateralFlexion = sign(toward) * kCoupling * degrees;
      m.peakDegrees += degrees;
    }
    m.active = {"scalenus_posterior_" + s, "scalenus_anterior_" + s};
  } else if (m.function == "functions.respiration") {
    // A deep breath lifts the upper chest as one: rib 1 with the manubrium (its cartilage joins it
    // without a joint that moves) and rib 2, whose cartilage meets the manubrium at the sternal angle.
    // Lifting rib 2 alone would tear its cartilage from a manubrium that stays put. The sources differ
    // on who does it, not on how the chest moves: the references have scalenus posterior lift rib 2
    // while anterior and medius lift rib 1; the article gives scalenus posterior rib 1 as well.
    liftRibs(m, joints, kDeepBreathRib1, kDeepBreathRib2);
    if (article) {
      m.action = "rib 1 elevation (deep breath)";
      m.note = "The article has scalenus posterior raise the first rib. The references give it the "
               "second rib, and give rib 1 to scalenus anterior and medius.";
      m.active = {"scalenus_posterior_left", "scalenus_posterior_right"};
    } else {
      m.action = "rib 2 elevation (deep breath)";
      m.note = "The references have scalenus posterior lift the second rib in a deep breath, while "
               "scalenus anterior and medius lift the first rib and the manubrium rises with it "
               "(Gray's 41st, REFERENCE.md §7.3).";
      m.active = {"scalenus_posterior_left", "scalenus_posterior_right", "scalenus_anterior_left",
                  "scalenus_anterior_right", "scalenus_medius_left",     "scalenus_medius_right"};
    }
    m.source = "REFERENCE.md §7.3: rib 2 ~10-15°, rib 1 ~8-15° about the neck axis, manubrium up and "
               "forward with the rib-1 cartilages [E]";
    m.peakDegrees = article ? kDeepBreathRib1 : kDeepBreathRib2;
  } else if (m.function == "functions.rib_movement") {
    m.action = "ribs 1 and 2 in quiet breathing";
    m.source = "REFERENCE.md §7.3: quiet breathing ~2-3° for ribs 1-2 [E]";
    m.note = "In quiet breathing the upper ribs move only a few degrees; the scalenes keep them "
             "from being pulled down as the chest below works.";
    liftRibs(m, joints, kQuietBreath, kQuietBreath);
    m.peakDegrees = kQuietBreath;
    m.active = {"scalenus_posterior_left", "scalenus_posterior_right"};
  } else if (m.function == "functions.cervical_stabilization" || m.function == "functions.posture") {
    m.action = m.function == "functions.posture" ? "holding the head balanced" : "holding the neck steady";
    m.moves = false;
    m.source = "Co-contraction: both sides pull equally, so their bending effects cancel";
    m.note = "Both sides work lightly at once and nothing moves: the pulls balance and the neck is "
             "held still.";
    m.active = scalenes(MotionSide::Left, false);
    const std::vector<std::string> right = scalenes(MotionSide::Right, false);
    m.active.insert(m.active.end(), right.begin(), right.end());
  } else {
    m.moves = false;
    m.note = "No motion for this function.";
  }
  return m;
}

PoseAngles anglesAt(const FunctionMotion &motion, float t) {
  const float w = loopWeight(t);
  PoseAngles angles;
  for (const auto &[id, peak] : motion.peak) {
    JointAngles a;
    a.lateralFlexion = peak.lateralFlexion * w;
    a.axialRotation = peak.axialRotation * w;
    a.elevation = peak.elevation * w;
    a.translation = peak.translation * w;
    angles[id] = a;
  }
  return angles;
}

Pose poseAt(const FunctionMotion &motion, const JointModel &joints, float t) {
  return joints.solve(anglesAt(motion, t));
}

std::vector<std::string> scaleneIds(const Scene &scene) {
  std::vector<std::string> ids;
  for (const Structure &s : scene.structures())
    if (s.system == System::Muscle && s.id.rfind("scalenus_", 0) == 0)
      ids.push_back(s.id);
  return ids;
}

float muscleLengthMm(const Scene &scene, const std::string &muscle, const Pose &pose, bool article) {
  // Each end from the footprints of the chosen source; an end that source does not describe (the
  // article says nothing of scalenus anterior) falls back to the other source's footprints.
  glm::vec3 ends[2][2] = {}; // [origin, insertion][chosen, other]
  int counts[2][2] = {};
  for (const Structure &s : scene.structures()) {
    if (!s.attachment || s.attachment->muscle != muscle)
      continue;
    const int which = s.attachment->namedBy(article) ? 0 : 1;
    const std::optional<glm::vec3> rest = s.vertexCentroid();
    if (!rest)
      continue;
    const glm::vec3 centroid = glm::vec3(pose.of(s.attachment->bone) * glm::vec4(*rest, 1.0f));
    const int end = s.attachment->role == AttachmentRole::Origin ? 0 : 1;
    ends[end][which] += centroid;
    ++counts[end][which];
  }
  glm::vec3 at[2];
  for (int end = 0; end < 2; ++end) {
    const int which = counts[end][0] > 0 ? 0 : 1;
    if (counts[end][which] == 0)
      return 0.0f;
    at[end] = ends[end][which] / float(counts[end][which]);
  }
  return 1000.0f * glm::length(at[1] - at[0]);
}

std::string lengthReadout(const std::string &muscleName, float restMm, float nowMm, float degrees,
                          const std::string &action) {
  const float change = restMm > 0.0f ? 100.0f * (nowMm - restMm) / restMm : 0.0f;
  const char *verb = std::abs(nowMm - restMm) < 0.5f ? "stays at"
                     : nowMm < restMm                ? "shortens from"
                                                     : "lengthens from";
  char text[256];
  if (std::abs(nowMm - restMm) < 0.5f)
    std::snprintf(text, sizeof text, "%s %s %.0f mm at %.0f° %s", muscleName.c_str(), verb, restMm, degrees,
                  action.c_str());
  else
    std::snprintf(text, sizeof text, "%s %s %.0f mm to %.0f mm (%+.0f %%) at %.0f° %s", muscleName.c_str(),
                  verb, restMm, nowMm, change, degrees, action.c_str());
  return text;
}

} // namespace atlas
