// Lecturer review of the bones, seventh pass (ribs, cartilages and manubrium), measured on the model under
// test (the committed model, or the draft ATLAS_ROUTES_GLB names): rib 1's grooves for the subclavian
// vessels are smooth shallow troughs with no machined rims (Gray's Anatomy 41st ed.: shallow grooves
// either side of the scalene tubercle; REFERENCE.md §3), the manubrium's jugular notch is a smooth
// concavity between rounded superior angles with no horns and its front is convex from side to side
// (the second costal cartilage's clean end is measured in test_seam_smoothness.cpp). Millimetres, frame of
// REFERENCE.md §1.
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

// The sharpest bend of a sampled profile (heights `h` every `step` mm): the largest change of slope
// angle, in degrees, between two neighbouring stretches `span` mm long, anywhere along it.
float sharpestBend(const std::vector<float> &h, float step, float span) {
  const int n = std::max(1, int(std::lround(span / step)));
  float worst = 0.0f;
  for (int i = n; i + n < int(h.size()); ++i) {
    const float before = std::atan((h[i] - h[i - n]) / span), after = std::atan((h[i + n] - h[i]) / span);
    worst = std::max(worst, glm::degrees(std::abs(after - before)));
  }
  return worst;
}

// A named landmark of a structure of the model under test, mm.
glm::vec3 landmarkOf(const std::string &structure, const std::string &name) {
  for (const Landmark &l : test::structureOf(structure).landmarks)
    if (l.id == structure + "." + name || l.id == name)
      return l.position * 1000.0f;
  FAIL("no landmark " << name << " on " << structure);
  return glm::vec3(0.0f);
}

} // namespace

TEST_CASE("model: rib 1's vessel grooves are smooth shallow troughs with no machined rims",
          "[model][rib][bones]") {
  // The upper surface along the rib through each groove's named point, sampled every 0.25 mm over
  // 7 mm either side: no bend sharper than kMaxBend degrees between neighbouring 1 mm stretches (a
  // notch cut square across the shaft turns by about 50 degrees within a millimetre at each rim), and
  // the trough 8-12 mm across where it lies more than 0.2 mm under the line through the tops 5-7 mm
  // either side, and 1-3 mm deep under that line (Gray's Anatomy 41st ed.: shallow grooves).
  constexpr float kMaxBend = 30.0f;
  const SurfaceIndex &rib = test::surfaceOf("rib1_left");
  const std::vector<glm::vec3> &line = test::modelSpec().ribs.front().centreline;
  for (const char *name : {"subclavian_artery_groove", "subclavian_vein_groove"}) {
    const glm::vec3 g = landmarkOf("rib1_left", name);
    const glm::vec3 along = test::horizontalCourseNear(line, g);
    constexpr float step = 0.25f, reach = 7.0f;
    std::vector<float> s, h;
    for (float t = -reach; t <= reach + 1e-3f; t += step) {
      const glm::vec3 q = g + along * t;
      const float top = test::topAt(rib, q.x, q.z);
      REQUIRE(top > -1e8f);
      s.push_back(t);
      h.push_back(top);
    }
    // The line through the mean tops 5-7 mm before and after.
    float before = 0, after = 0, nb = 0, na = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
      if (s[i] <= -5.0f)
        before += h[i], nb += 1;
      else if (s[i] >= 5.0f)
        after += h[i], na += 1;
    before /= nb, after /= na;
    float deepest = 0.0f, lo = 1e9f, hi = -1e9f;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const float ref = before + (after - before) * (s[i] + 6.0f) / 12.0f;
      deepest = std::max(deepest, ref - h[i]);
      if (ref - h[i] > 0.2f)
        lo = std::min(lo, s[i]), hi = std::max(hi, s[i]);
    }
    const float bend = sharpestBend(h, step, 1.0f);
    INFO(name << ": sharpest bend " << bend << " degrees, " << deepest << " mm deep, " << hi - lo
              << " mm across along the rib");
    WARN(name << ": sharpest bend " << bend << " deg, depth " << deepest << ", width " << hi - lo);
    CHECK(bend < kMaxBend);
    CHECK(deepest >= 1.0f);
    CHECK(deepest <= 3.0f);
    CHECK(hi - lo >= 8.0f);
    CHECK(hi - lo <= 12.0f);
  }
}

TEST_CASE("model: the manubrium's jugular notch is a smooth concavity with no horns beside it",
          "[model][bones]") {
  // The upper border seen from the front: its height (along the bone, from the sternal angle up) across
  // the middle 40 mm, in the plate's middle plane, every 0.25 mm. A horn at the edge of the notch bends
  // the border by well over 60 degrees within a millimetre; rounded superior angles bend it gently.
  // The notch itself stays 3-7 mm deep (Gray's Anatomy 41st ed.: a shallow notch).
  const modelgen::ManubriumSpec &m = test::modelSpec().manubrium;
  const glm::vec3 up = glm::normalize(m.top - m.bottom);
  const glm::vec3 front = glm::normalize(glm::cross(glm::vec3(1, 0, 0), up));
  const SurfaceIndex &bone = test::surfaceOf("manubrium");
  constexpr float step = 0.25f;
  std::vector<float> h;
  float middle = 0.0f, highest = -1e9f;
  for (float x = -20.0f; x <= 20.0f + 1e-3f; x += step) {
    float top = -1e9f;
    for (float z : {-2.0f, 0.0f, 2.0f}) { // the middle of the plate's thickness, and 2 mm either side
      const glm::vec3 from = m.top + up * 20.0f + glm::vec3(x, 0.0f, 0.0f) + front * z;
      const std::vector<float> ts = bone.rayCrossings(from, -up);
      if (!ts.empty())
        top = std::max(top, 20.0f - ts.front());
    }
    REQUIRE(top > -1e8f);
    h.push_back(top);
    highest = std::max(highest, top);
    if (std::abs(x) < 0.1f)
      middle = top;
  }
  const float bend = sharpestBend(h, step, 1.0f);
  INFO("upper border: sharpest bend " << bend << " degrees; notch " << highest - middle << " mm deep");
  WARN("manubrium upper border: sharpest bend " << bend << " deg, notch depth " << highest - middle);
  CHECK(bend < 45.0f);
  CHECK(highest - middle >= 3.0f);
  CHECK(highest - middle <= 7.0f);
}

TEST_CASE("model: the manubrium's front is convex from side to side", "[model][bones]") {
  // Gray's Anatomy 41st ed.: the anterior surface is convex from side to side. Front surface 25 mm below
  // the top, at the midline against 12 mm either side: the midline stands at least 1.2 mm further forward
  // (a flat shield gave about half a millimetre).
  const modelgen::ManubriumSpec &m = test::modelSpec().manubrium;
  const glm::vec3 down = glm::normalize(m.bottom - m.top);
  const glm::vec3 front = glm::normalize(glm::cross(glm::vec3(1, 0, 0), -down));
  const SurfaceIndex &bone = test::surfaceOf("manubrium");
  auto frontAt = [&](float x) {
    const glm::vec3 from = m.top + down * 25.0f + glm::vec3(x, 0.0f, 0.0f) + front * 30.0f;
    const std::vector<float> ts = bone.rayCrossings(from, -front);
    return ts.empty() ? -1e9f : 30.0f - ts.front();
  };
  const float mid = frontAt(0.0f), left = frontAt(12.0f), right = frontAt(-12.0f);
  REQUIRE(mid > -1e8f);
  REQUIRE(left > -1e8f);
  REQUIRE(right > -1e8f);
  const float sag = mid - 0.5f * (left + right);
  INFO("front 25 mm below the top: midline " << sag << " mm ahead of 12 mm either side");
  WARN("manubrium front convexity " << sag);
  CHECK(sag >= 1.2f);
}

#endif
