// The cervical pleura and the suprapleural membrane (Sibson's fascia) as a lecturer would judge
// them (lecturer review, sixth pass): a cupola that rises 2.5-3.5 cm above the medial third of the
// clavicle (Gray's Anatomy 41st ed.: 2.5-3 cm; Gray 1918: 2.5-5 cm), capped by a thin membrane tied to
// the tip of C7's transverse process above (Gray's Anatomy 41st ed.). Measured on the model under
// test (the committed .glb, or the draft named by ATLAS_ROUTES_GLB) in mm, frame of REFERENCE.md
// section 1. Every failure names the side, the place and the millimetres.
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen_test_support.h"

#include <glm/gtc/constants.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

using namespace atlas;
using modelgen::SurfaceIndex;

namespace {

const char *kSides[] = {"left", "right"};

const Structure &part(const std::string &id) {
  const Structure *s = test::modelUnderTest().find(id);
  if (!s)
    FAIL("the model has no structure " << id);
  return *s;
}

// Vertices (mm) and their unit normals.
struct Points {
  std::vector<glm::vec3> at, normal;
};
Points pointsOf(const std::string &id) {
  Points out;
  for (const MeshData &m : part(id).meshes)
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
      out.at.push_back(m.positions[i] * 1000.0f);
      out.normal.push_back(i < m.normals.size() ? m.normals[i] : glm::vec3(0.0f));
    }
  return out;
}

// The level of the medial third of the clavicle: the middle of the bone's height at the middle of
// its medial third (mm).
float clavicleMedialThirdLevel(const std::string &side) {
  const SurfaceIndex &c = test::surfaceOf("clavicle_" + side);
  const float medial = side == "left" ? c.lo().x : c.hi().x, lateral = side == "left" ? c.hi().x : c.lo().x;
  const float x = medial + (lateral - medial) / 6.0f;
  float lo = 1e9f, hi = -1e9f;
  for (const glm::vec3 &v : c.vertices())
    if (std::abs(v.x - x) < 3.0f) {
      lo = std::min(lo, v.y);
      hi = std::max(hi, v.y);
    }
  if (hi < lo)
    FAIL("no clavicle at x = " << x);
  return 0.5f * (lo + hi);
}

// The centre of the ring of rib 1 seen from above (the middle of the rib's extent in X and Z).
glm::vec2 ringCentre(const std::string &side) {
  const SurfaceIndex &rib = test::surfaceOf("rib1_" + side);
  return glm::vec2(0.5f * (rib.lo().x + rib.hi().x), 0.5f * (rib.lo().z + rib.hi().z));
}

} // namespace

TEST_CASE("pleura: the cupola rises 2.5-3.5 cm above the medial third of the clavicle, to about the "
          "neck of rib 1 behind",
          "[pleura][shape]") {
  for (const char *sideName : kSides) {
    const std::string side = sideName;
    const SurfaceIndex &dome = test::surfaceOf("cervical_pleura_" + side);
    const float apex = dome.hi().y, clavicle = clavicleMedialThirdLevel(side);
    INFO(side << ": apex at y = " << apex << " mm, medial third of the clavicle at y = " << clavicle
              << " mm: " << apex - clavicle << " mm above it");
    CHECK(apex - clavicle >= 25.0f);
    CHECK(apex - clavicle <= 35.0f);
    // About level with the neck of rib 1 behind (within a centimetre either way).
    const glm::vec3 head = test::landmarkMm("rib1.head");
    INFO("rib 1's head at y = " << head.y << " mm");
    CHECK(std::abs(apex - head.y) < 10.0f);
  }
}

TEST_CASE("pleura: the suprapleural membrane is a thin sheet tied to C7's transverse process",
          "[pleura][shape]") {
  for (const char *sideName : kSides) {
    const std::string side = sideName;
    const std::string id = "suprapleural_membrane_" + side;
    const SurfaceIndex &sheet = test::surfaceOf(id);
    const Points points = pointsOf(id);
    // Thickness: from each vertex along its inward normal to the sheet's other face.
    std::vector<float> thickness;
    float thickest = 0.0f;
    glm::vec3 where(0.0f);
    for (std::size_t i = 0; i < points.at.size(); ++i) {
      const glm::vec3 n = points.normal[i];
      if (glm::length(n) < 0.5f)
        continue;
      const std::vector<float> hits = sheet.rayCrossings(points.at[i] - n * 0.05f, -n);
      if (hits.empty())
        continue;
      thickness.push_back(hits.front() + 0.05f);
      if (thickness.back() > thickest) {
        thickest = thickness.back();
        where = points.at[i];
      }
    }
    REQUIRE(thickness.size() > 100);
    std::sort(thickness.begin(), thickness.end());
    const float median = thickness[thickness.size() / 2], p95 = thickness[thickness.size() * 95 / 100];
    INFO(side << ": membrane thickness median " << median << " mm, 95th percentile " << p95 << " mm, most "
              << thickest << " mm at (" << where.x << ", " << where.y << ", " << where.z << ") over "
              << thickness.size() << " vertices");
    CHECK(median >= 0.6f);
    CHECK(median <= 1.6f);
    // Tied above to the tip of C7's transverse process: C7's most lateral point on this side.
    glm::vec3 tip(0.0f);
    for (const glm::vec3 &v : test::surfaceOf("c7").vertices())
      if (side == "left" ? v.x > tip.x : v.x < tip.x)
        tip = v;
    const float toTip = sheet.distance(tip);
    INFO(side << ": C7's transverse process tip at (" << tip.x << ", " << tip.y << ", " << tip.z
              << ") mm, the membrane " << toTip << " mm from it");
    CHECK(toTip <= 3.0f);
    // And over the top of the dome: above the apex it caps.
    CHECK(sheet.hi().y > test::surfaceOf("cervical_pleura_" + side).hi().y);
  }
}

TEST_CASE("pleura: the suprapleural membrane reaches the inner border of rib 1 where the dome lies "
          "against it",
          "[pleura][shape]") {
  // Attached below to the inner border of rib 1 (Gray's Anatomy 41st ed.): wherever the dome lies
  // against the rib (within 3 mm of it; sectors of 10 degrees round the ring's axis), the membrane
  // reaches the rib (within 1.5 mm) in at least three sectors of four.
  for (const char *sideName : kSides) {
    const std::string side = sideName;
    const SurfaceIndex &rib = test::surfaceOf("rib1_" + side);
    const glm::vec2 c = ringCentre(side);
    const auto sectorOf = [&](const glm::vec3 &v) {
      return int(std::floor(glm::degrees(std::atan2(v.z - c.y, v.x - c.x)) / 10.0f));
    };
    std::map<int, bool> sectors;
    for (const glm::vec3 &v : test::surfaceOf("cervical_pleura_" + side).vertices())
      if (rib.distance(v) < 3.0f)
        sectors.emplace(sectorOf(v), false);
    for (const glm::vec3 &v : test::surfaceOf("suprapleural_membrane_" + side).vertices())
      if (rib.distance(v) < 1.5f && sectors.count(sectorOf(v)))
        sectors[sectorOf(v)] = true;
    int reached = 0;
    std::string missed;
    for (const auto &[sector, hit] : sectors) {
      reached += hit ? 1 : 0;
      if (!hit)
        missed += " " + std::to_string(sector * 10);
    }
    INFO(side << ": the dome lies against rib 1 in " << sectors.size()
              << " sectors of 10 degrees, the membrane reaches the rib in " << reached
              << "; not in the sectors from (degrees):" << missed);
    CHECK(sectors.size() >= 12);
    CHECK(reached * 4 >= int(sectors.size()) * 3);
  }
}

namespace {

// The plane of the thoracic inlet (rib 1's ring) falls forward by about 23 degrees (REFERENCE.md
// section 3; the inner border of rib 1 in ribs.json falls 24 mm over 45 mm): its normal, up and
// forward, and the two directions in it (across, forward and down).
const float kTilt = glm::radians(23.0f);
const glm::vec3 kNormal(0.0f, std::cos(kTilt), std::sin(kTilt));
const glm::vec3 kForward(0.0f, -std::sin(kTilt), std::cos(kTilt));

float levelOf(const glm::vec3 &v) {
  return glm::dot(v, kNormal);
}

float lowestLevel(const std::vector<glm::vec3> &vertices) {
  float low = 1e9f;
  for (const glm::vec3 &v : vertices)
    low = std::min(low, levelOf(v));
  return low;
}

glm::vec3 meanOf(const std::vector<glm::vec3> &points) {
  glm::vec3 sum(0.0f);
  for (const glm::vec3 &p : points)
    sum += p;
  return points.empty() ? sum : sum / float(points.size());
}

// In each of `sectors` equal sectors round `centre` (seen along the inlet's normal), the lowest level
// of the vertices there, or nothing where there are none.
std::vector<std::pair<bool, float>> lowestBySector(const std::vector<glm::vec3> &vertices,
                                                   const glm::vec3 &centre, int sectors) {
  std::vector<std::pair<bool, float>> out(sectors, {false, 1e9f});
  for (const glm::vec3 &v : vertices) {
    const float a = std::atan2(glm::dot(v - centre, kForward), v.x - centre.x) + glm::pi<float>();
    const int k = std::clamp(int(a / glm::two_pi<float>() * float(sectors)), 0, sectors - 1);
    out[k] = {true, std::min(out[k].second, levelOf(v))};
  }
  return out;
}

// Thickness of a closed sheet: from each vertex along its inward normal to the other face.
std::vector<float> thicknessOf(const std::string &id) {
  const SurfaceIndex &sheet = test::surfaceOf(id);
  const Points points = pointsOf(id);
  std::vector<float> out;
  for (std::size_t i = 0; i < points.at.size(); ++i) {
    const glm::vec3 n = points.normal[i];
    if (glm::length(n) < 0.5f)
      continue;
    const std::vector<float> hits = sheet.rayCrossings(points.at[i] - n * 0.05f, -n);
    if (!hits.empty())
      out.push_back(hits.front() + 0.05f);
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

TEST_CASE("pleura: the dome is open below, cut off in a clean ring well under rib 1, not a closed pot",
          "[pleura][shape]") {
  // The cervical pleura runs on down into the thorax as the costal and mediastinal pleura (Gray's
  // Anatomy 41st ed.): the model shows its dome as a thin wall whose lower edge is a clean ring well
  // below rib 1, with nothing closing it below.
  for (const char *sideName : kSides) {
    const std::string side = sideName;
    const SurfaceIndex &dome = test::surfaceOf("cervical_pleura_" + side);
    const float low = lowestLevel(dome.vertices());
    std::vector<glm::vec3> rim;
    for (const glm::vec3 &v : dome.vertices())
      if (levelOf(v) < low + 1.0f)
        rim.push_back(v);
    REQUIRE(rim.size() >= 20);
    const glm::vec3 centre = meanOf(rim);
    // Open: from the middle of the rim, a ray down the inlet's normal meets nothing, the point is not
    // inside the pleura, and a ray up meets the dome's wall (its two faces).
    const std::vector<float> down = dome.rayCrossings(centre, -kNormal);
    const std::vector<float> up = dome.rayCrossings(centre, kNormal);
    INFO(side << ": rim of " << rim.size() << " vertices round (" << centre.x << ", " << centre.y << ", "
              << centre.z << "); crossings down " << down.size() << ", up " << up.size());
    CHECK(down.empty());
    CHECK_FALSE(dome.inside(centre));
    CHECK(up.size() >= 2);
    // A ring: the lowest millimetre of the dome goes all round (34 of 36 sectors of 10 degrees) ...
    const auto ring = lowestBySector(rim, centre, 36);
    const auto present = std::count_if(ring.begin(), ring.end(), [](const auto &s) { return s.first; });
    CHECK(present >= 34);
    // ... and it lies well below rib 1: at least 10 mm under the mean level of the rib's ring (along
    // the inlet's normal; the rib is a flat bar lying in that plane).
    float ribLevel = 0.0f;
    const auto &ribVertices = test::surfaceOf("rib1_" + side).vertices();
    for (const glm::vec3 &v : ribVertices)
      ribLevel += levelOf(v) / float(ribVertices.size());
    INFO(side << ": rim at level " << low << " mm along the inlet's normal, rib 1's ring at " << ribLevel);
    CHECK(ribLevel - (low + 1.0f) >= 10.0f);
  }
}

TEST_CASE("pleura: the suprapleural membrane is an even sheet with a smooth lower edge, tied to C7's "
          "transverse process and rising no higher than it",
          "[pleura][shape]") {
  for (const char *sideName : kSides) {
    const std::string side = sideName;
    const std::string id = "suprapleural_membrane_" + side;
    const SurfaceIndex &sheet = test::surfaceOf(id);
    // Even: nine tenths of it at most 2 mm thick (it is about 1 mm; Gray's Anatomy 41st ed.).
    const std::vector<float> thickness = thicknessOf(id);
    REQUIRE(thickness.size() > 100);
    const float p90 = thickness[thickness.size() * 90 / 100];
    INFO(side << ": membrane thickness 90th percentile " << p90 << " mm");
    CHECK(p90 <= 2.0f);
    // Tied to the transverse process of C7 (within 3 mm of its tip, C7's most lateral point on this
    // side) and rising at most 2 mm above the process (C7's highest point in its lateral 8 mm).
    const auto &c7 = test::surfaceOf("c7").vertices();
    glm::vec3 tip(0.0f);
    for (const glm::vec3 &v : c7)
      if (side == "left" ? v.x > tip.x : v.x < tip.x)
        tip = v;
    float process = -1e9f;
    for (const glm::vec3 &v : c7)
      if (std::abs(v.x) > std::abs(tip.x) - 8.0f && (v.x > 0.0f) == (side == "left"))
        process = std::max(process, v.y);
    INFO(side << ": membrane " << sheet.distance(tip) << " mm from C7's tip; its top at y = " << sheet.hi().y
              << " mm, the process's top at y = " << process << " mm");
    CHECK(sheet.distance(tip) <= 3.0f);
    CHECK(sheet.hi().y <= process + 2.0f);
    // A smooth lower edge, not a sawtooth: round the dome in sectors of 5 degrees, the membrane's
    // lowest level along the inlet's normal changes little from sector to sector (a bend of at most
    // 1.5 mm between one sector and its two neighbours in nine sectors of ten, and no jump over 4 mm).
    const glm::vec3 centre = meanOf(test::surfaceOf("cervical_pleura_" + side).vertices());
    const auto edge = lowestBySector(sheet.vertices(), centre, 72);
    int bends = 0, rough = 0;
    float jump = 0.0f;
    for (int k = 0; k < 72; ++k) {
      const auto &a = edge[(k + 71) % 72], &b = edge[k], &c = edge[(k + 1) % 72];
      if (!a.first || !b.first || !c.first)
        continue;
      ++bends;
      rough += std::abs(a.second - 2.0f * b.second + c.second) > 1.5f ? 1 : 0;
      jump = std::max(jump, std::abs(c.second - b.second));
    }
    INFO(side << ": lower edge traced in " << bends << " sectors of 5 degrees, " << rough
              << " bend by over 1.5 mm; largest step " << jump << " mm");
    CHECK(bends >= 36);
    CHECK(rough * 10 <= bends);
    CHECK(jump <= 4.0f);
  }
}
TEST_CASE("pleura: the suprapleural membrane is tied along C7's transverse process, not at a point",
          "[pleura][shape]") {
  // Gray's Anatomy 41st ed.: the fascia is attached to the anterior border and tip of the process.
  // The eighth pass's tent met the process at one point, 3.7-4.0 mm of membrane within 1 mm of the
  // bone (lecturer review: "touches the transverse-process tip at a single point").
  const SurfaceIndex &c7 = test::surfaceOf("c7");
  for (const char *sideName : kSides) {
    const std::string side = sideName;
    std::vector<glm::vec3> tied;
    for (const glm::vec3 &v : test::surfaceOf("suprapleural_membrane_" + side).vertices())
      if (c7.distance(v) <= 1.0f)
        tied.push_back(v);
    float extent = 0.0f;
    for (const glm::vec3 &a : tied)
      for (const glm::vec3 &b : tied)
        extent = std::max(extent, glm::length(a - b));
    INFO(side << ": " << tied.size() << " membrane vertices within 1 mm of C7, spread over " << extent
              << " mm");
    CHECK(extent >= 6.0f);
  }
}
TEST_CASE("pleura: the dome's wall is of even thickness, with no folded or shredded patch inside the cup",
          "[pleura][shape]") {
  // The dome's wall is a smooth 2.5 mm offset of its outer face (pleura.cpp kPleuraWall). Where the
  // outer face had a crease the offset folded over itself, and from below the inside of the cup
  // showed a shredded patch (lecturer review, seventh pass): there the wall, measured from a vertex
  // along its inward normal to the wall's other face, came out under 1 mm (a fold). Where two
  // neighbours' round-offs meet the wall is thicker than 2.5 mm, which is no defect; so only the thin
  // readings count: at most 1 in 100 vertices more than 3 mm above the rim.
  for (const char *sideName : kSides) {
    const std::string side = sideName;
    const std::string id = "cervical_pleura_" + side;
    const SurfaceIndex &dome = test::surfaceOf(id);
    const float rim = lowestLevel(dome.vertices());
    const Points points = pointsOf(id);
    int measured = 0, uneven = 0;
    glm::vec3 where(0.0f);
    for (std::size_t i = 0; i < points.at.size(); ++i) {
      const glm::vec3 n = points.normal[i];
      if (glm::length(n) < 0.5f || levelOf(points.at[i]) < rim + 3.0f)
        continue;
      const std::vector<float> hits = dome.rayCrossings(points.at[i] - n * 0.05f, -n);
      const float wall = hits.empty() ? 1e9f : hits.front() + 0.05f;
      ++measured;
      if (wall < 1.0f) {
        ++uneven;
        where = points.at[i];
      }
    }
    INFO(side << ": " << uneven << " of " << measured << " vertices with the wall under 1 mm, e.g. at ("
              << where.x << ", " << where.y << ", " << where.z << ")");
    REQUIRE(measured > 500);
    CHECK(uneven * 100 <= measured);
  }
}

#endif
