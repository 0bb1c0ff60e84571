// Twelfth pass: what the lecturer's review of the eleventh-pass model still found in the nerves and
// veins (report items 5, 9 and 4): a phrenic nerve with a sharp S-jog above the tendon of scalenus
// anterior and a pointed upper end, a long thoracic nerve stopping in empty space between ribs 1 and
// 2, trunks ending as stubs short of the subclavian artery's end, and an internal jugular vein whose
// inferior bulb does not read. Every measure is taken on the meshes of the committed model or the
// draft named by ATLAS_ROUTES_GLB, so each fails on the eleventh-pass model.
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen_test_support.h"

using namespace atlas;

namespace {

// The centre line of a nearly vertical tube read off its mesh: the mean of its vertices in bands
// `step` mm high, from its top down (the spec's control points say what was meant; this is what was
// built).
std::vector<glm::vec3> verticalCentreLine(const std::string &id, float step) {
  const modelgen::SurfaceIndex &tube = test::surfaceOf(id);
  std::vector<glm::vec3> line;
  for (float y = tube.hi().y - 0.75f * step; y > tube.lo().y + 0.75f * step; y -= step) {
    glm::vec3 sum(0.0f);
    int count = 0;
    for (const glm::vec3 &v : tube.vertices())
      if (std::abs(v.y - y) < 0.5f * step) {
        sum += v;
        ++count;
      }
    if (count > 0)
      line.push_back(sum / static_cast<float>(count));
  }
  return line;
}

float degreesBetween(const glm::vec3 &a, const glm::vec3 &b) {
  return glm::degrees(std::acos(std::clamp(glm::dot(glm::normalize(a), glm::normalize(b)), -1.0f, 1.0f)));
}

// The vertex of `id` furthest out from the midline (the lateral end of a tube running outwards).
glm::vec3 lateralEnd(const std::string &id) {
  glm::vec3 end(0.0f);
  for (const glm::vec3 &v : test::verticesOf(id))
    if (std::abs(v.x) > std::abs(end.x))
      end = v;
  return end;
}

} // namespace

TEST_CASE("twelfth pass: the phrenic nerve runs down scalenus anterior in one smooth line from where "
          "C4 joins it",
          "[modelgen][routes][vessels12][twelfth]") {
  // Gray's Anatomy 41st ed.: formed at the lateral border of scalenus anterior, mainly from C4, it
  // descends almost vertically, obliquely across the muscle's front to its medial border, and enters
  // the thorax between the subclavian artery and vein. The eleventh pass jogged 2.4 mm out and 5 mm
  // forward and back over 20 mm just above the tendon (a turn of about 11 degrees a mm on the mesh).
  for (const char *side : {"left", "right"}) {
    const std::string id = std::string("phrenic_nerve_") + side;
    const std::vector<glm::vec3> line = verticalCentreLine(id, 2.0f);
    REQUIRE(line.size() > 20);
    // Directions over 4 mm either side of each point; the turn between them per mm walked.
    float worst = 0.0f;
    glm::vec3 where(0.0f);
    for (std::size_t k = 2; k + 2 < line.size(); ++k) {
      const glm::vec3 before = line[k] - line[k - 2], after = line[k + 2] - line[k];
      const float perMm = degreesBetween(before, after) / (0.5f * (glm::length(before) + glm::length(after)));
      if (perMm > worst) {
        worst = perMm;
        where = line[k];
      }
    }
    INFO(id << ": sharpest turn " << worst << " degrees a mm at " << test::mmText(where));
    CHECK(worst <= 5.0f);
    // Its upper end is where the C4 ramus runs into it, not standing above it: its highest point
    // within 1.5 mm of the ramus's lateral end, and its first 6 mm going on in the ramus's direction
    // (within 35 degrees) before it turns down, so the junction reads as one nerve bending.
    const std::string ramus = std::string("c4_ventral_ramus_") + side;
    const glm::vec3 ramusEnd = lateralEnd(ramus);
    glm::vec3 ramusBack(0.0f);
    int count = 0;
    for (const glm::vec3 &v : test::verticesOf(ramus))
      if (glm::length(v - ramusEnd) > 4.0f && glm::length(v - ramusEnd) < 7.0f) {
        ramusBack += v;
        ++count;
      }
    REQUIRE(count > 0);
    ramusBack /= static_cast<float>(count);
    float top = -1e9f;
    for (const glm::vec3 &v : test::verticesOf(id))
      top = std::max(top, v.y);
    glm::vec3 startSum(0.0f), nextSum(0.0f);
    int startCount = 0, nextCount = 0;
    for (const glm::vec3 &v : test::verticesOf(id)) {
      if (v.y > top - 2.5f) {
        startSum += v;
        ++startCount;
      } else if (v.y > top - 8.0f && v.y < top - 5.0f) {
        nextSum += v;
        ++nextCount;
      }
    }
    REQUIRE(startCount > 0);
    REQUIRE(nextCount > 0);
    const glm::vec3 startDir =
        nextSum / static_cast<float>(nextCount) - startSum / static_cast<float>(startCount);
    const glm::vec3 ramusDir = ramusEnd - ramusBack;
    INFO("top Y " << top << "; the C4 ramus's lateral end " << test::mmText(ramusEnd) << "; start turns "
                  << degreesBetween(ramusDir, startDir) << " degrees from the ramus");
    CHECK(top <= ramusEnd.y + 1.5f);
    CHECK(degreesBetween(ramusDir, startDir) <= 35.0f);
  }
}

TEST_CASE("twelfth pass: the long thoracic nerve runs on down over rib 1 onto the outer surface of "
          "rib 2",
          "[modelgen][routes][vessels12][twelfth]") {
  // Gray's Anatomy 41st ed.: from C5-C7 it pierces scalenus medius, descends behind the plexus and the
  // axillary vessels over the outer border of rib 1 and on down the outer surface of serratus anterior,
  // which arises from rib 2 and below. The eleventh pass stopped it at Y -49, between ribs 1 and 2,
  // some 25 mm from either.
  for (const char *side : {"left", "right"}) {
    const std::string id = std::string("long_thoracic_nerve_") + side;
    const modelgen::SurfaceIndex &rib2 = test::surfaceOf(std::string("rib2_") + side);
    glm::vec3 lowest(0.0f, 1e9f, 0.0f);
    for (const glm::vec3 &v : test::verticesOf(id))
      if (v.y < lowest.y)
        lowest = v;
    // Rib 2's upper border where the nerve ends: its highest vertex within 4 mm of the end's X and
    // 8 mm of its Z.
    float ribTop = -1e9f;
    for (const glm::vec3 &v : rib2.vertices())
      if (std::abs(v.x - lowest.x) < 4.0f && std::abs(v.z - lowest.z) < 8.0f)
        ribTop = std::max(ribTop, v.y);
    const float gap = rib2.distance(lowest);
    INFO(id << " ends at " << test::mmText(lowest) << ", " << gap << " mm from rib 2, whose upper border "
            << "there is at Y " << ribTop);
    CHECK(lowest.y < ribTop);
    CHECK(gap <= 3.0f);
    // On its outer surface: outside the rib and further from the midline than the rib at that level.
    CHECK(!rib2.inside(lowest));
    float ribOuter = 0.0f;
    for (const glm::vec3 &v : rib2.vertices())
      if (std::abs(v.y - lowest.y) < 3.0f && std::abs(v.z - lowest.z) < 8.0f)
        ribOuter = std::max(ribOuter, std::abs(v.x));
    INFO("rib 2 reaches |X| " << ribOuter << " at that level");
    CHECK(std::abs(lowest.x) > ribOuter);
    // It passes rib 1 lateral to its outer border and lies on rib 2, into neither by more than the
    // 0.5 mm the model allows between touching structures (issue 12).
    const modelgen::SurfaceIndex &rib1 = test::surfaceOf(std::string("rib1_") + side);
    float deepest = 0.0f;
    glm::vec3 where(0.0f);
    for (const glm::vec3 &v : test::verticesOf(id))
      for (const modelgen::SurfaceIndex *rib : {&rib1, &rib2})
        if (rib->inside(v) && rib->distance(v) > deepest) {
          deepest = rib->distance(v);
          where = v;
        }
    INFO("deepest into a rib " << deepest << " mm at " << test::mmText(where));
    CHECK(deepest <= 0.5f);
  }
}

TEST_CASE("twelfth pass: the trunks of the plexus run on to the model's lateral bound with the "
          "subclavian artery",
          "[modelgen][routes][vessels12][twelfth]") {
  // The model ends laterally where the subclavian artery, past the outer border of rib 1, is cut as the
  // axillary stump; the trunks, which lie above and behind it there (Gray's Anatomy 41st ed.), are cut
  // at the same bound. The eleventh pass ended the upper and middle trunks 14-15 mm short of it.
  for (const char *side : {"left", "right"}) {
    const float bound = std::abs(lateralEnd(std::string("subclavian_artery_") + side).x);
    for (const char *trunk : {"upper_trunk_", "middle_trunk_", "lower_trunk_"}) {
      const std::string id = trunk + std::string(side);
      const glm::vec3 end = lateralEnd(id);
      INFO(id << " ends at " << test::mmText(end) << "; the artery at |X| " << bound);
      CHECK(std::abs(end.x) >= bound - 4.0f);
    }
  }
}

TEST_CASE("twelfth pass: the internal jugular vein's inferior bulb is half as wide again as the vein "
          "in mid-neck",
          "[modelgen][routes][vessels12][twelfth]") {
  // Gray's Anatomy 41st ed.: above its junction with the subclavian vein, behind the sternal end of the
  // clavicle, the IJV dilates into its inferior bulb. The eleventh pass swelled it to 1.3 times over
  // 16 mm, about 1.27 times on the mesh seen from the front: it did not read (lecturer review).
  for (const char *side : {"left", "right"}) {
    const std::string id = std::string("internal_jugular_vein_") + side;
    const std::vector<glm::vec3> line = test::centreLine("internal_jugular_vein", side);
    const modelgen::SurfaceIndex &vein = test::surfaceOf(id);
    // Width side to side (what a front view shows) at mid-neck, about the C6 level (Y 15).
    const std::size_t m = test::nearestToHeight(line, 15.0f);
    const float midWidth = test::spanThrough(vein, line[m], 0);
    // The widest 6-18 mm above the junction (the centre line's end): its last 5 mm lie inside the
    // subclavian and brachiocephalic veins.
    float bulbWidth = 0.0f;
    glm::vec3 widest(0.0f);
    float walked = 0.0f;
    for (std::size_t k = line.size() - 1; k > 0; --k) {
      walked += glm::length(line[k] - line[k - 1]);
      if (walked >= 6.0f && walked <= 18.0f && test::spanThrough(vein, line[k - 1], 0) > bulbWidth) {
        bulbWidth = test::spanThrough(vein, line[k - 1], 0);
        widest = line[k - 1];
      }
    }
    INFO(id << ": mid-neck width " << midWidth << " mm at " << test::mmText(line[m]) << "; the bulb "
            << bulbWidth << " mm at " << test::mmText(widest));
    CHECK(bulbWidth >= 1.4f * midWidth);
  }
}

TEST_CASE("twelfth pass: a bulb can swell side to side more than front to back",
          "[modelgen][tube][twelfth]") {
  // A straight vertical line 60 mm long, sampled every mm; a 24 mm bulb 1.5 times as wide and as
  // deep as the vein (a flattened oval of 1.15) at its middle, 12 mm before the end.
  std::vector<glm::vec3> line;
  for (int i = 0; i <= 60; ++i)
    line.emplace_back(0.0f, -static_cast<float>(i), 0.0f);
  const modelgen::TubeSections sections = modelgen::bulbSections(line, 5.0f, 1.15f, 24.0f, 1.5f, 1.0f);
  REQUIRE(sections.radii.size() == line.size());
  REQUIRE(sections.ovals.size() == line.size());
  CHECK(sections.radii[20] == Approx(5.0f)); // above the bulb: the vein itself
  CHECK(sections.ovals[20] == Approx(1.15f));
  const MeshData tube = modelgen::sweepTube(line, sections.radii, 24, sections.ovals);
  auto extents = [&](float y) {
    glm::vec2 half(0.0f);
    for (const glm::vec3 &p : tube.positions)
      if (std::abs(p.y - y) < 0.01f)
        half = glm::max(half, glm::vec2(std::abs(p.x), std::abs(p.z)));
    return half;
  };
  const glm::vec2 vein = extents(-20.0f), bulb = extents(-48.0f);
  CHECK(vein.x == Approx(5.0f * std::sqrt(1.15f)).epsilon(0.01));
  CHECK(bulb.x == Approx(1.5f * vein.x).epsilon(0.01)); // wider by half
  CHECK(bulb.y == Approx(vein.y).epsilon(0.01));        // as deep as the vein
  // With the depth swelling as much as the width it is bulbRadii's bulb, its flattening kept.
  const modelgen::TubeSections even = modelgen::bulbSections(line, 5.0f, 1.15f, 24.0f, 1.5f, 1.5f);
  const std::vector<float> radii = modelgen::bulbRadii(line, 5.0f, 24.0f, 1.5f);
  for (std::size_t i = 0; i < line.size(); ++i) {
    CHECK(even.radii[i] == Approx(radii[i]));
    CHECK(even.ovals[i] == Approx(1.15f));
  }
}

#endif
