// Lecturer review of the bones, eighth pass, C2 (the axis), measured on the model under test (the
// committed model, or the draft ATLAS_ROUTES_GLB names): the foramen transversarium's outlet is no round
// hole facing straight out, and the small transverse process hangs down and out lateral to the foramen,
// tapering, not a knob. Millimetres, frame of REFERENCE.md §1 (+X left, +Y up, +Z forward).
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

namespace {

// Is the point (side * x, y, z) inside the bone? Counted from the crossings of the line along X.
bool insideAt(const std::vector<float> &xs, float x) {
  return (std::count_if(xs.begin(), xs.end(), [&](float c) { return c < x; }) % 2) == 1;
}

// The outlet of C2's foramen on the side `side`, as the existing seventh-pass test finds it: on the
// vertical line 2.5 mm lateral to the foramen's centre, the tallest empty gap within 14 mm above it.
struct Outlet {
  float lo = 0.0f, hi = 0.0f;
};

Outlet outletOf(const SurfaceIndex &bone, const glm::vec3 &ft, float side) {
  Outlet o;
  const std::vector<float> ys = bone.axisCrossings({side * (ft.x + 2.5f), 0.0f, ft.z}, 1);
  for (std::size_t i = 1; i + 1 < ys.size(); i += 2) {
    const float a = std::max(ys[i], ft.y - 2.0f), b = std::min(ys[i + 1], ft.y + 14.0f);
    if (b - a > o.hi - o.lo) {
      o.lo = a;
      o.hi = b;
    }
  }
  return o;
}

} // namespace

TEST_CASE("model: C2's foramen outlet is walled laterally by the transverse process, no hole in a side face",
          "[model][bones][bones-axis]") {
  // Gray's Anatomy 41st ed. (the axis); REFERENCE §2.5: the foramen transversarium of the axis runs up
  // from its inlet and turns out under the lateral part of the superior facet; the small transverse
  // process carries its lateral wall, so that from the side the outlet is seen opening up and out over
  // that wall, beneath the facet's overhang. Eighth pass: from the side a round hole facing straight
  // out, through which a sideways line from the outlet met no bone. Lines straight out (along X) from the
  // vertical line 2.5 mm lateral to the foramen's centre, at every height in the lower half of the
  // outlet: each meets bone (the lateral wall) within 10 mm.
  const glm::vec3 ft = test::specMetrics().landmarks.at("c2.ft");
  const SurfaceIndex &bone = test::surfaceOf("c2");
  for (const float side : {1.0f, -1.0f}) {
    const Outlet o = outletOf(bone, ft, side);
    INFO((side > 0 ? "left" : "right") << " C2 foramen outlet from " << o.lo - ft.y << " to " << o.hi - ft.y
                                       << " mm above the foramen's centre");
    REQUIRE(o.hi - o.lo > 2.0f);
    const float x0 = ft.x + 2.5f;
    float worst = 0.0f, worstY = 0.0f;
    for (float y = o.lo + 0.25f; y <= 0.5f * (o.lo + o.hi) + 1e-3f; y += 0.25f) {
      const std::vector<float> xs = bone.axisCrossings({0.0f, y, ft.z}, 0);
      std::vector<float> out; // crossings on this side, as distances from the midline
      for (const float x : xs)
        out.push_back(side * x);
      std::sort(out.begin(), out.end());
      float reach = 1e9f; // distance out to the next bone
      if (insideAt(out, x0))
        reach = 0.0f;
      else
        for (const float x : out)
          if (x > x0) {
            reach = x - x0;
            break;
          }
      if (reach > worst) {
        worst = reach;
        worstY = y;
      }
    }
    INFO("a line straight out from the outlet at "
         << worstY - ft.y << " mm above the foramen's centre meets bone " << worst << " mm out (1e9: none)");
    CHECK(worst <= 10.0f);
  }
}

TEST_CASE("model: C2's transverse process falls down and out from beside the foramen to its tip, no knob",
          "[model][bones][bones-axis]") {
  // Gray's Anatomy 41st ed. (the axis): the transverse processes are small, each ending in a single
  // tubercle directed downwards; it forms the foramen's lateral wall. Eighth pass: a round knob hung below
  // the foramen. In the band 6 mm either side of the foramen's centre front to back, and lateral to its
  // wall: the bone's lowest point lies at least 3 mm below the foramen's centre and at least 5 mm lateral
  // to it; its under border falls going out (the lowest point at least 1.5 mm below the under border
  // 3 mm lateral to the foramen's wall), where the knob's under border ran level with the bar's.
  const glm::vec3 ft = test::specMetrics().landmarks.at("c2.ft");
  const float ftR = test::vertebraSpec("c2").ftDiameter * 0.5f; // REFERENCE §2.5: about 5.5 mm across
  const SurfaceIndex &bone = test::surfaceOf("c2");
  for (const float side : {1.0f, -1.0f}) {
    float lowY = 1e9f, lowX = 0.0f, endX = 0.0f;
    auto columnBelow = [&](float x, float &bottom, float &height) { // below the foramen's centre, at x
      bottom = 1e9f;
      float top = -1e9f;
      for (float z = ft.z - 6.0f; z <= ft.z + 6.0f + 1e-3f; z += 0.5f) {
        const std::vector<float> ys = bone.axisCrossings({side * x, 0.0f, z}, 1);
        for (std::size_t i = 0; i + 1 < ys.size(); i += 2) {
          if (ys[i] > ft.y)
            continue;
          bottom = std::min(bottom, ys[i]);
          top = std::max(top, std::min(ys[i + 1], ft.y));
        }
      }
      height = top > -1e8f ? top - bottom : 0.0f;
    };
    for (float x = ft.x + ftR + 1.0f; x <= ft.x + 20.0f; x += 0.25f) {
      float bottom = 0.0f, height = 0.0f;
      columnBelow(x, bottom, height);
      if (bottom > 1e8f)
        continue;
      endX = x;
      if (bottom < lowY) {
        lowY = bottom;
        lowX = x;
      }
    }
    float b0 = 0.0f, hRoot = 0.0f;
    columnBelow(ft.x + ftR + 3.0f, b0, hRoot);
    INFO((side > 0 ? "left" : "right")
         << " C2 transverse process: lowest point " << ft.y - lowY << " mm below the foramen's centre, "
         << lowX - ft.x << " mm lateral to it (ends " << endX - ft.x << " mm out); its under border "
         << ft.y - b0 << " mm below that centre 3 mm lateral to the foramen's wall");
    CHECK(ft.y - lowY >= 3.0f);
    CHECK(lowX - ft.x >= 5.0f);
    CHECK(b0 - lowY >= 1.5f);
  }
}
#endif
