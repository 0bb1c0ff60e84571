// Issue 12, fourth pass: the defects of the lecturer's latest review (muscles 5/10, nerves and
// vessels 5/10) that can be measured. Slip tendons that read as planks (their section is a flat
// ellipse now, REFERENCE.md §4.3), scalenus anterior too thin (about 15 x 8 mm mid-belly, §4.3), the
// T1 ramus that hooked over rib 1 (it rises from its foramen into the lower trunk, §5), small
// arteries that crossed behind the phrenic nerve or were drawn as wires (§6) and the step at the
// brachiocephalic fork. (The suprapleural membrane, still a lump with a hole, is an open defect of
// issue 12 with no test yet.) Curves come from assets/model through the generator's landmarks;
// meshes from the committed model or the draft named by ATLAS_ROUTES_GLB. Every failure names the
// structure and the millimetres.
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/muscle_sections.h"
#include "modelgen_test_support.h" // the generator, its measures and the std headers they use

using namespace atlas;
using modelgen::SurfaceIndex;

namespace {

using test::centreLine;
using test::landmarkMm;
using test::sharpestTurn;
using test::tubeSpec;

float distanceToCurve(const glm::vec3 &p, const std::vector<glm::vec3> &curve, glm::vec3 *nearest = nullptr) {
  float best = 1e30f;
  for (std::size_t i = 0; i + 1 < curve.size(); ++i) {
    const glm::vec3 ab = curve[i + 1] - curve[i];
    const float t = std::clamp(glm::dot(p - curve[i], ab) / std::max(glm::dot(ab, ab), 1e-12f), 0.0f, 1.0f);
    const glm::vec3 c = curve[i] + ab * t;
    if (glm::length(p - c) < best) {
      best = glm::length(p - c);
      if (nearest)
        *nearest = c;
    }
  }
  return best;
}

const SurfaceIndex &leftSurface(const std::string &id) {
  return test::surfaceOf(id + "_left");
}

// Area of the section through `centre` across `tangent` (mm^2), from the outline where rays leave
// the mesh, and the section's calipers.
struct SectionArea {
  float area = 0.0f;
  modelgen::MuscleSection calipers;
};
SectionArea sectionArea(const SurfaceIndex &muscle, const glm::vec3 &centre, const glm::vec3 &tangent) {
  SectionArea out;
  out.calipers = modelgen::measureSection(muscle, centre, tangent);
  const glm::vec3 t = glm::normalize(tangent);
  const glm::vec3 u =
      glm::normalize(glm::cross(t, std::abs(t.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0)));
  const glm::vec3 v = glm::cross(t, u);
  constexpr int kRays = 180;
  for (int i = 0; i < kRays; ++i) {
    const float a = 2.0f * 3.14159265f * static_cast<float>(i) / kRays;
    const std::vector<float> hits = muscle.rayCrossings(centre, u * std::cos(a) + v * std::sin(a));
    float r = 0.0f;
    for (float h : hits)
      if (h > 0.0f && (r == 0.0f || h < r))
        r = h;
    out.area += 0.5f * r * r * (2.0f * 3.14159265f / kRays);
  }
  return out;
}

} // namespace

TEST_CASE("fourth pass: each scalene slip tendon has a flat elliptical section, not a plank",
          "[model][muscle][sections][slow]") {
  // An ellipse fills pi/4 of its calipers' box; a plank (a rounded rectangle) 5 x 2 mm fills 0.9 or
  // more. REFERENCE.md §4.3: tendons about 5-6 mm wide; issue 12: 1.5-2 mm thick, elliptical.
  const std::map<std::string, int> slips = {
      {"scalenus_anterior", 4}, {"scalenus_medius", 6}, {"scalenus_posterior", 3}};
  const auto &marks = test::specMetrics().landmarks;
  for (const auto &[muscle, count] : slips)
    for (int i = 0; i < count; ++i) {
      const std::string name = muscle + ".slip" + std::to_string(i) + "_tendon";
      const glm::vec3 at = marks.at(name), next = marks.at(name + "_next");
      const SectionArea s = sectionArea(leftSurface(muscle), at, next - at);
      REQUIRE(s.calipers.found);
      const float fill = s.area / (s.calipers.width * s.calipers.thickness);
      INFO(name << ": " << s.calipers.width << " x " << s.calipers.thickness << " mm, area " << s.area
                << " mm^2, fills " << fill << " of its box (ellipse 0.785, plank >= 0.85)");
      CHECK(fill <= 0.84f);
      CHECK(s.calipers.width >= 4.5f);
      CHECK(s.calipers.width <= 6.5f);
      CHECK(s.calipers.thickness >= 1.4f);
      CHECK(s.calipers.thickness <= 2.4f);
    }
}

TEST_CASE("fourth pass: scalenus anterior's mid-belly is about 15 x 8 mm",
          "[model][muscle][sections][slow]") {
  // REFERENCE.md §4.3: about 15 x 8 mm; the third pass measured thinner (the lecturer: "too thin").
  const modelgen::MuscleSection s = modelgen::measureSectionAt(
      leftSurface("scalenus_anterior"), test::specMetrics().landmarks, "scalenus_anterior.belly_mid");
  INFO("scalenus anterior mid-belly: " << s.width << " x " << s.thickness << " mm, expected 14-17 x 7.5-9.5");
  REQUIRE(s.found);
  CHECK(s.width >= 14.0f);
  CHECK(s.width <= 17.0f);
  CHECK(s.thickness >= 7.5f);
  CHECK(s.thickness <= 9.5f);
}

TEST_CASE("fourth pass: the T1 ramus rises from its foramen into the lower trunk with no hook",
          "[modelgen][routes][shapes]") {
  // REFERENCE.md §5: T1 leaves the T1-T2 foramen under the neck of rib 1 and rises across the front of
  // the neck to join C8 in the lower trunk. It may not dip on its way up (the old route fell 2 mm and
  // rose again over rib 1), nor turn sharply, and it ends inside the lower trunk.
  // Up to where it enters the trunk, it may not fall; beyond, it runs on inside the trunk, with it.
  const std::vector<glm::vec3> t1 = centreLine("t1_ventral_ramus");
  const std::vector<glm::vec3> trunk = centreLine("lower_trunk");
  const float trunkRadius = 0.5f * tubeSpec("lower_trunk").diameter;
  float highest = t1.front().y, dip = 0.0f;
  for (const glm::vec3 &p : t1) {
    if (distanceToCurve(p, trunk) < trunkRadius)
      break;
    highest = std::max(highest, p.y);
    dip = std::max(dip, highest - p.y);
  }
  const float turn = sharpestTurn(t1, 5.0f);
  const float outside = distanceToCurve(t1.back(), trunk) - trunkRadius;
  INFO("T1 ramus: falls " << dip << " mm on its way up, turns " << turn << " deg over 5 mm, ends " << outside
                          << " mm outside the lower trunk's wall");
  CHECK(dip <= 0.5f);
  CHECK(turn <= 45.0f);
  CHECK(outside <= -0.5f);
  // In front of the neck of rib 1 where it crosses it: forward of the line from the head to the tubercle.
  const glm::vec3 head = landmarkMm("rib1.head"), tubercle = landmarkMm("rib1.tubercle");
  glm::vec3 onNeck;
  const float gap = distanceToCurve(0.5f * (head + tubercle), t1, &onNeck);
  INFO("T1 passes the middle of the neck " << gap << " mm away, at z " << onNeck.z << " (neck at z "
                                           << 0.5f * (head.z + tubercle.z) << ")");
  CHECK(onNeck.z > 0.5f * (head.z + tubercle.z));
}

TEST_CASE(
    "fourth pass: the suprascapular and transverse cervical arteries cross in front of the phrenic nerve",
    "[modelgen][routes][shapes]") {
  // REFERENCE.md §6: both pass laterally in front of scalenus anterior and the phrenic nerve. Past
  // their origin (the thyrocervical trunk, medial to the nerve and a little behind its plane), where
  // each comes nearest to the nerve, the artery lies in front (larger z) of it.
  const std::vector<glm::vec3> phrenic = centreLine("phrenic_nerve");
  for (const char *id : {"suprascapular_artery", "transverse_cervical_artery"}) {
    const std::vector<glm::vec3> artery = centreLine(id);
    float best = 1e30f;
    glm::vec3 onArtery{0.0f}, onNerve{0.0f};
    for (const glm::vec3 &p : artery) {
      if (glm::length(p - artery.front()) < 4.0f)
        continue;
      glm::vec3 c;
      const float d = distanceToCurve(p, phrenic, &c);
      if (d < best) {
        best = d;
        onArtery = p;
        onNerve = c;
      }
    }
    INFO(id << " comes within " << best << " mm of the phrenic nerve, at z " << onArtery.z
            << " against the nerve's " << onNerve.z);
    CHECK(onArtery.z > onNerve.z);
  }
}

TEST_CASE("fourth pass: the small arteries are 2-3 mm vessels with gentle curves",
          "[modelgen][routes][shapes]") {
  // REFERENCE.md §6: transverse cervical 2.2-2.65, suprascapular 2-3, deep cervical 1.3-2.1 (drawn at
  // the top of that range); the lecturer saw 1.8-1.9 mm tubes as needles. No kink: under 60 degrees
  // over 5 mm, the bound the plexus and the subclavian artery meet (test_soft_tissue_shapes).
  for (const char *id : {"transverse_cervical_artery", "superficial_cervical_artery", "suprascapular_artery",
                         "deep_cervical_artery"}) {
    const modelgen::TubeSpec &t = tubeSpec(id);
    const float turn = sharpestTurn(centreLine(id), 5.0f);
    INFO(id << ": " << t.diameter << " mm, turns " << turn << " deg over 5 mm");
    CHECK(t.diameter >= 2.0f);
    CHECK(t.diameter <= 3.0f);
    CHECK(turn <= 60.0f);
  }
}

TEST_CASE("fourth pass: the brachiocephalic fork blends its branches without a step", "[modelgen][tube]") {
  // The right subclavian and common carotid leave the brachiocephalic trunk at (nearly) its full width
  // and narrow at under 0.45 mm per mm (a cone of at most 24 degrees); the third pass started them
  // 1-1.7 mm narrower (a step).
  const float trunk = 0.5f * tubeSpec("brachiocephalic_trunk", "right").diameter;
  for (const char *id : {"subclavian_artery", "common_carotid_artery"}) {
    const modelgen::TubeSpec &t = tubeSpec(id, "right");
    const std::vector<glm::vec3> curve = centreLine(id, "right");
    const std::vector<float> radii = modelgen::branchRadii(curve, 0.5f * t.diameter, trunk);
    float steepest = 0.0f;
    for (std::size_t i = 1; i < curve.size(); ++i)
      steepest = std::max(steepest, std::abs(radii[i] - radii[i - 1]) / glm::length(curve[i] - curve[i - 1]));
    INFO(id << " (right) starts at radius " << radii.front() << " mm from a " << trunk
            << " mm trunk, narrows " << steepest << " mm per mm at most");
    CHECK(radii.front() >= 0.95f * trunk);
    CHECK(steepest <= 0.45f);
    CHECK(radii.back() == Approx(0.5f * t.diameter));
  }
}

#endif
