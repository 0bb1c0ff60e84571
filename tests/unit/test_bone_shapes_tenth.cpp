// Lecturer review of the bones, tenth pass, measured on the model under test (the committed model, or the
// draft ATLAS_ROUTES_GLB names): C2's transverse process is one blunt process, not two knobs; the front of
// C2's body has a median ridge between two hollows and the lower edge of its lip is smooth; C1's anterior
// tubercle stands forward of its arch.
// Millimetres, frame of REFERENCE.md §1 (+X left, +Y up, +Z forward). Each failure names the numbers.
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen/spec.h"
#include "modelgen_test_support.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace atlas;
using modelgen::SurfaceIndex;

using test::bottomAt;
using test::frontAt;

TEST_CASE("model: C2's transverse process is one blunt process pointing down and out, not two knobs",
          "[model][bones][bones-tenth]") {
  // Gray's Anatomy 41st ed. (the axis): the transverse processes are small, each ending in a single
  // tubercle directed downwards; the foramen transversarium in it turns laterally (REFERENCE §2.5). Tenth
  // pass (lecturer): from the front two-lobed knobs, a bow tie (a crest beside the outlet above, the tip
  // below, a waist between). The outline seen from the front: for each height from 9 mm below to 4.5 mm
  // above the foramen's centre, the bone's reach from the midline within 8 mm behind and 6 mm in front of
  // the foramen. Over the process (the heights round the farthest reach where the outline stands more
  // than 5 mm lateral to the foramen's centre; the lateral mass above stands less) it has one extremity:
  // from the farthest reach the outline draws in both upwards and downwards, never widening again by more
  // than 0.25 mm (the ninth pass's waist: 0.6 mm); and that extremity lies below the foramen's centre
  // (the process points down and out).
  const glm::vec3 ft = test::specMetrics().landmarks.at("c2.ft");
  const SurfaceIndex &bone = test::surfaceOf("c2");
  for (const float side : {1.0f, -1.0f}) {
    std::vector<float> heights, reaches;
    for (float y = ft.y - 9.0f; y <= ft.y + 4.5f + 1e-3f; y += 0.25f) {
      float reach = 0.0f;
      for (float z = ft.z - 8.0f; z <= ft.z + 6.0f + 1e-3f; z += 0.25f)
        for (const float x : bone.axisCrossings({0.0f, y, z}, 0))
          reach = std::max(reach, side * x);
      heights.push_back(y);
      reaches.push_back(reach);
    }
    const std::size_t peak =
        static_cast<std::size_t>(std::max_element(reaches.begin(), reaches.end()) - reaches.begin());
    const float processReach = ft.x + 5.0f;
    float widenUp = 0.0f, widenDown = 0.0f; // the largest widening after narrowing, away from the peak
    for (std::size_t i = peak, low = peak; i < reaches.size() && reaches[i] > processReach; ++i) {
      low = reaches[i] < reaches[low] ? i : low;
      widenUp = std::max(widenUp, reaches[i] - reaches[low]);
    }
    for (std::size_t i = peak + 1, low = peak; i-- > 0 && reaches[i] > processReach;) {
      low = reaches[i] < reaches[low] ? i : low;
      widenDown = std::max(widenDown, reaches[i] - reaches[low]);
    }
    INFO((side > 0 ? "left" : "right")
         << " C2 transverse process: farthest reach " << reaches[peak] << " mm from the midline, "
         << heights[peak] - ft.y << " mm above the foramen's centre; above it the outline widens again by "
         << widenUp << " mm, below it by " << widenDown << " mm");
    CHECK(reaches[peak] >= ft.x + 6.0f);
    CHECK(widenUp <= 0.25f);
    CHECK(widenDown <= 0.25f);
    CHECK(heights[peak] < ft.y);
  }
}

TEST_CASE("model: C2's body has a median ridge in front between hollows for longus colli",
          "[model][bones][bones-tenth]") {
  // Gray's Anatomy 41st ed. (the axis): the anterior surface of the body is hollowed out on each side of a
  // median ridge for longus colli. Tenth pass (lecturer): a flat (evenly convex) front. At three heights
  // through the body, the front profile from side to side: the ridge (the front-most point within 1 mm of
  // the midline) stands at least 1 mm forward of the floor of the hollow either side (the hindmost point
  // 2-5.5 mm from the midline), and that floor lies at least 0.4 mm behind the straight line from the
  // ridge to the front 6.5 mm from the midline: a hollow, not the fall of a convex front.
  const modelgen::VertebraSpec &c2 = test::vertebraSpec("c2");
  const SurfaceIndex &bone = test::surfaceOf("c2");
  for (const float above : {5.0f, 8.0f, 11.0f}) {
    const float y = c2.infCentre.x + above;
    float ridge = -1e9f;
    for (float x = -1.0f; x <= 1.0f + 1e-3f; x += 0.25f)
      ridge = std::max(ridge, frontAt(bone, x, y));
    for (const float side : {1.0f, -1.0f}) {
      float hollow = 1e9f, hollowX = 0.0f;
      for (float x = 2.0f; x <= 5.5f + 1e-3f; x += 0.25f)
        if (const float z = frontAt(bone, side * x, y); z < hollow) {
          hollow = z;
          hollowX = x;
        }
      const float rim = frontAt(bone, side * 6.5f, y);
      const float chord = ridge + (rim - ridge) * hollowX / 6.5f;
      INFO("C2 body front " << above << " mm above the inferior endplate, " << (side > 0 ? "left" : "right")
                            << ": the ridge " << ridge - hollow << " mm forward of the hollow " << hollowX
                            << " mm out, which lies " << chord - hollow
                            << " mm behind the line from the ridge to the front 6.5 mm out");
      REQUIRE(ridge > -1e8f);
      REQUIRE(rim > -1e8f);
      CHECK(ridge - hollow >= 1.0f);
      CHECK(chord - hollow >= 0.4f);
    }
  }
}

TEST_CASE("model: the lower edge of C2's anterior lip is smooth, not toothed",
          "[model][bones][bones-tenth]") {
  // Tenth pass (lecturer): the lip's lower edge meshed serrated (small teeth): an edge rounded over less
  // than about two grid steps (0.38 mm) aliases on the marching-tetrahedra grid. The lip's lower outline
  // seen from the front: from 5 mm left to 5 mm right of the midline every 0.1 mm, the lowest point of
  // the bone within 3 mm behind the lip's front (the front measured 1 mm below the endplate's centre, on
  // the lip). Its second differences stay small: on the ninth pass's edge, rounded over about 0.4 mm and
  // ending in a thin wedge, they reached 0.072 mm and averaged 0.0078 mm; rounded over 1.3 mm with a
  // blunter lip, about 0.010 and 0.0013.
  const modelgen::VertebraSpec &c2 = test::vertebraSpec("c2");
  const SurfaceIndex &bone = test::surfaceOf("c2");
  const float yLip = c2.infCentre.x - 1.0f, floor = c2.infCentre.x - 10.0f;
  std::vector<float> edge;
  for (float x = -5.0f; x <= 5.0f + 1e-3f; x += 0.1f) {
    const float front = frontAt(bone, x, yLip);
    REQUIRE(front > -1e8f);
    float lowest = 1e9f;
    for (float z = front - 3.0f; z <= front + 1e-3f; z += 0.1f)
      lowest = std::min(lowest, bottomAt(bone, x, z, floor));
    REQUIRE(lowest < 1e8f);
    edge.push_back(lowest);
  }
  float worst = 0.0f, sum = 0.0f;
  for (std::size_t i = 1; i + 1 < edge.size(); ++i) {
    const float d2 = std::abs(edge[i - 1] - 2.0f * edge[i] + edge[i + 1]);
    worst = std::max(worst, d2);
    sum += d2;
  }
  const float mean = sum / static_cast<float>(edge.size() - 2);
  INFO("C2's lip: lower edge second difference at most " << worst << " mm, on average " << mean << " mm");
  CHECK(worst <= 0.03f);
  CHECK(mean <= 0.004f);
}

TEST_CASE("model: C1's anterior tubercle stands forward of its arch", "[model][bones][bones-tenth]") {
  // Gray's Anatomy 41st ed. (the atlas): the anterior arch carries in the midline in front a tubercle for
  // longus colli and the anterior longitudinal ligament. Tenth pass (lecturer): from above it does not
  // show. The front-most point of C1 within 1 mm of the midline (near the anterior tubercle's height,
  // skeleton.json supCentre) stands at least 2 mm forward of the arch's front 5.5 mm to either side (the
  // front-most point there within 2.5 mm of the tubercle's height).
  const modelgen::VertebraSpec &c1 = test::vertebraSpec("c1");
  const SurfaceIndex &bone = test::surfaceOf("c1");
  float tubercle = -1e9f, yTubercle = 0.0f;
  for (float y = c1.supCentre.x - 5.0f; y <= c1.supCentre.x + 4.0f + 1e-3f; y += 0.25f)
    for (float x = -1.0f; x <= 1.0f + 1e-3f; x += 0.25f)
      if (const float z = frontAt(bone, x, y); z > tubercle) {
        tubercle = z;
        yTubercle = y;
      }
  for (const float side : {1.0f, -1.0f}) {
    float beside = -1e9f;
    for (float y = yTubercle - 2.5f; y <= yTubercle + 2.5f + 1e-3f; y += 0.25f)
      beside = std::max(beside, frontAt(bone, side * 5.5f, y));
    INFO("C1's anterior tubercle " << tubercle - beside << " mm forward of the arch 5.5 mm to the "
                                   << (side > 0 ? "left" : "right"));
    REQUIRE(beside > -1e8f);
    CHECK(tubercle - beside >= 2.0f);
  }
}
TEST_CASE("model: C1's anterior arch is an even curve from above, not a V", "[model][bones][bones-tenth]") {
  // Gray's Anatomy 41st ed. (the atlas): the anterior arch is short and curved, forming about a fifth
  // of the ring. Tenth pass (lecturer): its two halves ran straight from the tubercle to the lateral
  // masses and met at the tubercle as a V, so the ring read as a shield. Seen from above, the arch's
  // front (its front-most point within 2.5 mm of the tubercle's height) stays full as it curves round:
  // from 6 mm from the midline (beside the tubercle) to 14 mm it falls back no more than 5 mm (the
  // V's straight halves: 5.9 mm; the curve: 4.5 mm).
  const modelgen::VertebraSpec &c1 = test::vertebraSpec("c1");
  const SurfaceIndex &bone = test::surfaceOf("c1");
  const auto frontOfArch = [&](float x) {
    float z = -1e9f;
    for (float y = c1.supCentre.x - 2.5f; y <= c1.supCentre.x + 2.5f + 1e-3f; y += 0.25f)
      z = std::max(z, frontAt(bone, x, y));
    return z;
  };
  for (const float side : {1.0f, -1.0f}) {
    const float z6 = frontOfArch(side * 6.0f), z14 = frontOfArch(side * 14.0f);
    INFO("C1's arch front " << (side > 0 ? "left" : "right") << ": " << z6 << " and " << z14
                            << " mm forward at 6 and 14 mm from the midline");
    REQUIRE(z14 > -1e8f);
    CHECK(z6 - z14 <= 5.0f);
  }
}
#endif
