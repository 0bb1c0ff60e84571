// Lecturer review of the bones, ninth pass, measured on the model under test (the committed model, or the
// draft ATLAS_ROUTES_GLB names): C2's body is convex in front with a lip hanging over C3 and its spine is
// grooved below; C1's transverse processes end broad and blunt, and its posterior tubercle is a definite
// swelling.
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

TEST_CASE("model: C2's body is convex in front, its lower border a lip over the front of C3",
          "[model][bones][bones-ninth]") {
  // Gray's Anatomy 41st ed. (the axis): the front of the body is convex, hollowed each side of a
  // median ridge; the anterior border of its lower surface projects downwards as a lip over the front of
  // the disc and C3 (REFERENCE §2.5). Ninth pass (lecturer): a box with a flat front and no lip. At the
  // height of the body's centre the front 6 mm from the midline lies at least 2 mm behind the midline
  // front; near the front (1.5 mm behind it, within 3 mm of the midline) the body reaches down to within
  // 3.2 mm of the top of C3's body at its front (the anterior disc is about 4-5 mm tall, REFERENCE §2.2),
  // yet stays clear of it.
  const modelgen::VertebraSpec &c2 = test::vertebraSpec("c2"), &c3 = test::vertebraSpec("c3");
  const SurfaceIndex &bone = test::surfaceOf("c2"), &below = test::surfaceOf("c3");
  const float y = c2.bodyCentre.x;
  const float mid = frontAt(bone, 0.0f, y);
  const float recede = mid - std::max(frontAt(bone, 6.0f, y), frontAt(bone, -6.0f, y));
  const float floor = c2.infCentre.x - 10.0f;
  const float zFront = frontAt(bone, 0.0f, c2.infCentre.x + 2.0f) - 1.5f;
  float lipBottom = 1e9f;
  for (float x = -3.0f; x <= 3.0f + 1e-3f; x += 0.5f)
    lipBottom = std::min(lipBottom, bottomAt(bone, x, zFront, floor));
  const float zC3 = frontAt(below, 0.0f, c3.supCentre.x - 2.0f) - 1.5f;
  float c3Top = -1e9f;
  for (float x = -3.0f; x <= 3.0f + 1e-3f; x += 0.5f) {
    const std::vector<float> ys = below.axisCrossings({x, 0.0f, zC3}, 1);
    for (const float v : ys)
      if (v < c2.infCentre.x)
        c3Top = std::max(c3Top, v);
  }
  INFO("C2 body: front 6 mm from the midline " << recede << " mm behind the midline front; the lip's lowest "
                                               << lipBottom - c3Top << " mm above the top of C3's front");
  REQUIRE(lipBottom < 1e8f);
  REQUIRE(c3Top > -1e8f);
  CHECK(recede >= 2.0f);
  CHECK(lipBottom - c3Top <= 3.2f);
  CHECK(lipBottom - c3Top >= 0.5f);
}

TEST_CASE("model: C2's spine is grooved below", "[model][bones][bones-ninth]") {
  // Gray's Anatomy 41st ed. (the axis): the spinous process is large, deeply channelled on its under
  // side, its end bifid. Ninth pass (lecturer): a blocky bar. Halfway between the back of the canal and
  // the tip, the under side in the midline lies at least 1.6 mm above the under side 3.5 mm to either
  // side.
  const modelgen::VertebraSpec &c2 = test::vertebraSpec("c2");
  const SurfaceIndex &bone = test::surfaceOf("c2");
  const float zCanalBack = c2.bodyCentre.y - c2.depth * 0.5f - c2.canalDepth;
  const float z = 0.5f * (zCanalBack + c2.spinousTip.y);
  const float floor = c2.spinousTip.x - 20.0f;
  const float centre = bottomAt(bone, 0.0f, z, floor);
  const float sides = std::max(bottomAt(bone, 3.5f, z, floor), bottomAt(bone, -3.5f, z, floor));
  INFO("C2 spine at z " << z << ": the under side in the midline " << centre - sides
                        << " mm above that 3.5 mm to the side");
  REQUIRE(centre < 1e8f);
  CHECK(centre - sides >= 1.6f);
}

TEST_CASE("model: C1's transverse processes end broad and blunt", "[model][bones][bones-ninth]") {
  // Gray's Anatomy 41st ed. (the atlas): the transverse processes are long, broad and flattened, their
  // ends rough and blunt; REFERENCE §2.5. Ninth pass (lecturer): still thin rings round the foramen (a
  // half circle round it). 1.5 mm inside the tip (tpSpan / 2 from the midline) the process is at least
  // 9.5 mm across front to back.
  const glm::vec3 ft = test::specMetrics().landmarks.at("c1.ft");
  const modelgen::VertebraSpec &c1 = test::vertebraSpec("c1");
  const SurfaceIndex &bone = test::surfaceOf("c1");
  for (const float side : {1.0f, -1.0f}) {
    const float x = side * (c1.tpSpan * 0.5f - 1.5f);
    float zlo = 1e9f, zhi = -1e9f;
    for (float z = ft.z - 15.0f; z <= ft.z + 15.0f; z += 0.25f) {
      const std::vector<float> ys = bone.axisCrossings({x, 0.0f, z}, 1);
      for (std::size_t i = 0; i + 1 < ys.size(); i += 2)
        if (ys[i + 1] > ft.y - 12.0f && ys[i] < ft.y + 12.0f) {
          zlo = std::min(zlo, z);
          zhi = std::max(zhi, z);
        }
    }
    INFO((side > 0 ? "left" : "right")
         << " C1 transverse process 1.5 mm inside its tip: " << zhi - zlo << " mm across");
    CHECK(zhi - zlo >= 9.5f);
  }
}
#endif
