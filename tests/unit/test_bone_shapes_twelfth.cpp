// Lecturer review of the bones, eleventh pass: the articular pillars of the typical vertebrae read as
// tilted drums carrying coins (round columns under round, proud facets). Measured on the model under
// test (the committed model, or the draft ATLAS_ROUTES_GLB names), at C5 where the superior facet is a
// named landmark: the pillar's section halfway down is a block behind (its posterolateral corner filled
// out, REFERENCE.md §2.3: about 12 x 11 mm in section). And the sternal angle (the eleventh pass had no
// body of the sternum below the manubrium, so it could not be shown). Millimetres, frame of REFERENCE.md §1
// (+X left, +Y up, +Z forward).
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen_test_support.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace atlas;
using modelgen::SurfaceIndex;

namespace {

// The named landmark of a structure in the model under test, in mm.
Landmark landmarkOf(const std::string &structure, const std::string &id) {
  const Structure *s = test::modelUnderTest().find(structure);
  REQUIRE(s != nullptr);
  for (const Landmark &l : s->landmarks)
    if (l.id == id)
      return {l.id, l.name, l.position * 1000.0f, l.normal};
  FAIL("no landmark " << id << " on " << structure);
  return {};
}

// Distance from `from` (inside the bone) to where the ray along `dir` first leaves it.
float exitAlong(const SurfaceIndex &bone, const glm::vec3 &from, const glm::vec3 &dir) {
  const std::vector<float> t = bone.rayCrossings(from, glm::normalize(dir));
  return t.empty() ? 0.0f : t.front();
}

// The long axis, pointing down, of a bone's vertices seen from the side (the principal axis of their
// Y-Z coordinates), and their centre.
std::pair<glm::vec2, glm::vec2> sideAxisDown(const SurfaceIndex &bone) {
  glm::vec2 mean(0.0f);
  for (const glm::vec3 &v : bone.vertices())
    mean += glm::vec2(v.y, v.z);
  mean /= static_cast<float>(bone.vertices().size());
  float yy = 0.0f, yz = 0.0f, zz = 0.0f;
  for (const glm::vec3 &v : bone.vertices()) {
    const glm::vec2 d = glm::vec2(v.y, v.z) - mean;
    yy += d.x * d.x;
    yz += d.x * d.y;
    zz += d.y * d.y;
  }
  const float angle = 0.5f * std::atan2(2.0f * yz, yy - zz); // of the major axis from +Y
  glm::vec2 axis(std::cos(angle), std::sin(angle));
  if (axis.x > 0.0f)
    axis = -axis;
  return {axis, mean};
}

} // namespace

TEST_CASE("twelfth pass: the body of the sternum meets the manubrium at the sternal angle",
          "[model][bones][slow]") {
  // Gray's Anatomy 41st ed.: the manubriosternal joint, angled about 160 degrees, open behind; the
  // second costal cartilages join the sternum there. Seen from the side the two bones' long axes meet
  // at 150-170 degrees with the joint forward of the line through them; a joint line 0.5-2 mm wide;
  // each second cartilage's end within 1.5 mm of both bones.
  const SurfaceIndex &manubrium = test::surfaceOf("manubrium");
  const SurfaceIndex &body = test::surfaceOf("sternal_body");
  const auto [upper, upperCentre] = sideAxisDown(manubrium);
  const auto [lower, lowerCentre] = sideAxisDown(body);
  const float between = glm::degrees(std::acos(std::clamp(glm::dot(upper, lower), -1.0f, 1.0f)));
  // Open behind: going down, the body turns back (-Z) from the manubrium's direction.
  const float turn = upper.x * lower.y - upper.y * lower.x;
  INFO("manubrium's axis (Y, Z) " << upper.x << ", " << upper.y << "; the body's " << lower.x << ", "
                                  << lower.y << ": a sternal angle of " << 180.0f - between
                                  << " degrees, turn " << turn);
  CHECK(180.0f - between >= 150.0f);
  CHECK(180.0f - between <= 170.0f);
  CHECK(turn > 0.0f); // (Y, Z) down-and-forward rotated towards down-and-back: counter-clockwise
  float gap = 1e9f;
  for (const glm::vec3 &v : body.vertices())
    gap = std::min(gap, manubrium.distance(v));
  INFO("the joint line: " << gap << " mm");
  CHECK(gap >= 0.5f);
  CHECK(gap <= 2.0f);
  for (const std::string side : {"left", "right"}) {
    const SurfaceIndex &cartilage = test::surfaceOf("costal_cartilage2_" + side);
    float toManubrium = 1e9f, toBody = 1e9f;
    for (const glm::vec3 &v : cartilage.vertices()) {
      toManubrium = std::min(toManubrium, manubrium.distance(v));
      toBody = std::min(toBody, body.distance(v));
    }
    INFO(side << " second cartilage: " << toManubrium << " mm from the manubrium, " << toBody
              << " mm from the body");
    CHECK(toManubrium <= 1.5f);
    CHECK(toBody <= 1.5f);
  }
}

TEST_CASE("twelfth pass: C5's articular pillars are blocks behind, not drums", "[model][bones][slow]") {
  // From a point on the pillar's axis 5 mm under its superior facet (the landmark), the pillar is left
  // laterally, backwards and along the posterolateral diagonal. A round column (the eleventh pass) leaves
  // the diagonal at 0.75 of the distance to the corner of the box those two set; a block's corner,
  // rounded, at 0.85: at least 0.8.
  const SurfaceIndex &c5 = test::surfaceOf("c5");
  for (const std::string side : {"left", "right"}) {
    const Landmark facet = landmarkOf("c5", "c5.superior_facet_" + side);
    const float out = facet.position.x > 0.0f ? 1.0f : -1.0f;
    const glm::vec3 axis = facet.position - glm::vec3(0.0f, 5.0f, 0.0f);
    REQUIRE(c5.inside(axis));
    const float lateral = exitAlong(c5, axis, {out, 0.0f, 0.0f});
    const float back = exitAlong(c5, axis, {0.0f, 0.0f, -1.0f});
    const float diagonal = exitAlong(c5, axis, {out * lateral, 0.0f, -back});
    const float corner = std::sqrt(lateral * lateral + back * back);
    INFO(side << " pillar from (" << axis.x << ", " << axis.y << ", " << axis.z << "): lateral " << lateral
              << ", back " << back << ", diagonal " << diagonal << " mm, " << diagonal / corner
              << " of the way to the corner");
    CHECK(lateral >= 3.0f);
    CHECK(back >= 3.0f);
    CHECK(diagonal >= 0.8f * corner);
  }
}

#endif
