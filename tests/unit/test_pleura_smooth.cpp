// The cervical pleura and the suprapleural membrane as smooth wholes (lecturer review of the sixth and
// seventh passes): the membrane (Sibson's fascia) covers the top of the dome, its anteromedial part
// too (Gray's Anatomy 41st ed.); the dome is one cupola, with no striped finger-shaped lobe standing
// up beside T1 (the seventh-pass model's, where the dome was moulded round T1 and longus colli).
// Measured on the model under test (the committed .glb, or the draft named by ATLAS_ROUTES_GLB) in
// mm, frame of REFERENCE.md section 1.
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen_test_support.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>
#include <vector>

using namespace atlas;

namespace {

const char *kSides[] = {"left", "right"};

// The plane of the thoracic inlet falls forward by about 23 degrees (REFERENCE.md section 3): its
// normal (up and forward) and the forward direction in it.
const float kTilt = glm::radians(23.0f);
const glm::vec3 kNormal(0.0f, std::cos(kTilt), std::sin(kTilt));
const glm::vec3 kForward(0.0f, -std::sin(kTilt), std::cos(kTilt));

// The dome's top seen along the inlet's normal: the highest level of the pleura over each cell of
// `cell` mm of the inlet's plane (across, forward).
struct HeightMap {
  float u0 = 0.0f, v0 = 0.0f, cell = 2.0f;
  int nu = 0, nv = 0;
  std::vector<float> h; // -1e9: empty
  float at(int i, int j) const { return h[std::size_t(j) * nu + i]; }
};
HeightMap topOf(const std::vector<glm::vec3> &vertices, float cell) {
  HeightMap m;
  m.cell = cell;
  float u1 = -1e9f, v1 = -1e9f;
  m.u0 = m.v0 = 1e9f;
  for (const glm::vec3 &p : vertices) {
    m.u0 = std::min(m.u0, p.x);
    u1 = std::max(u1, p.x);
    m.v0 = std::min(m.v0, glm::dot(p, kForward));
    v1 = std::max(v1, glm::dot(p, kForward));
  }
  m.nu = int((u1 - m.u0) / cell) + 1;
  m.nv = int((v1 - m.v0) / cell) + 1;
  m.h.assign(std::size_t(m.nu) * m.nv, -1e9f);
  for (const glm::vec3 &p : vertices) {
    const int i = int((p.x - m.u0) / cell), j = int((glm::dot(p, kForward) - m.v0) / cell);
    float &h = m.h[std::size_t(j) * m.nu + i];
    h = std::max(h, glm::dot(p, kNormal));
  }
  return m;
}

} // namespace

TEST_CASE("pleura: the suprapleural membrane is one sheet, not torn into pieces", "[pleura][smooth]") {
  // Sibson's fascia is one continuous sheet from C7's transverse process over the dome to the inner
  // border of rib 1 (Gray's Anatomy 41st ed.). The seventh-pass membrane came apart in three to five
  // pieces where its tent to C7 was carved by the rami crossing it (lecturer review). Vertices are
  // welded by position (to a micrometre) before the pieces are counted, so the seams the mesh has
  // for its normals do not count as cuts.
  for (const char *sideName : kSides) {
    const std::string id = std::string("suprapleural_membrane_") + sideName;
    const Structure *sheet = test::modelUnderTest().find(id);
    REQUIRE(sheet != nullptr);
    std::map<std::array<long, 3>, int> welded;
    std::vector<int> parent;
    const auto root = [&](int v) {
      while (parent[std::size_t(v)] != v)
        v = parent[std::size_t(v)] = parent[std::size_t(parent[std::size_t(v)])];
      return v;
    };
    std::size_t triangles = 0;
    for (const MeshData &mesh : sheet->meshes) {
      std::vector<int> index(mesh.positions.size());
      for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const glm::vec3 um = mesh.positions[i] * 1.0e6f;
        const std::array<long, 3> key{std::lround(um.x), std::lround(um.y), std::lround(um.z)};
        const auto [it, added] = welded.emplace(key, int(parent.size()));
        if (added)
          parent.push_back(int(parent.size()));
        index[i] = it->second;
      }
      for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3, ++triangles)
        for (int k = 0; k < 2; ++k)
          parent[std::size_t(root(index[mesh.indices[t + k]]))] = root(index[mesh.indices[t + k + 1]]);
    }
    std::map<int, int> pieces;
    for (int v = 0; v < int(parent.size()); ++v)
      ++pieces[root(v)];
    std::string sizes;
    for (const auto &[first, count] : pieces)
      sizes += " " + std::to_string(count);
    INFO(id << ": " << triangles << " triangles in " << pieces.size() << " pieces of (vertices)" << sizes);
    REQUIRE(triangles > 1000);
    CHECK(pieces.size() == 1);
  }
}

namespace {

// Rays from the middle of the dome (the mean of its vertices) out through its wall, at each azimuth
// (degrees from straight medial toward forward) and elevation (degrees above the inlet's plane): how
// many leave the pleura, how many of those then meet the membrane, and which do not.
struct Coverage {
  int rays = 0, covered = 0;
  std::string missed;
};
Coverage membraneCoverage(const std::string &side, const std::vector<int> &azimuths,
                          const std::vector<int> &elevations) {
  const modelgen::SurfaceIndex &dome = test::surfaceOf("cervical_pleura_" + side);
  const modelgen::SurfaceIndex &sheet = test::surfaceOf("suprapleural_membrane_" + side);
  glm::vec3 centre(0.0f);
  for (const glm::vec3 &v : dome.vertices())
    centre += v / float(dome.vertices().size());
  const glm::vec3 medial(side == "left" ? -1.0f : 1.0f, 0.0f, 0.0f);
  Coverage out;
  for (int a : azimuths)
    for (int e : elevations) {
      const float azimuth = glm::radians(float(a)), elevation = glm::radians(float(e));
      const glm::vec3 flat = std::cos(azimuth) * medial + std::sin(azimuth) * kForward;
      const glm::vec3 dir = std::cos(elevation) * flat + std::sin(elevation) * kNormal;
      const std::vector<float> wall = dome.rayCrossings(centre, dir);
      if (wall.empty())
        continue;
      ++out.rays;
      const std::vector<float> over = sheet.rayCrossings(centre, dir);
      if (std::any_of(over.begin(), over.end(), [&](float t) { return t > wall.back() - 0.5f; }))
        ++out.covered;
      else
        out.missed += " (" + std::to_string(a) + "," + std::to_string(e) + ")";
    }
  return out;
}

} // namespace

TEST_CASE("pleura: the suprapleural membrane covers the top of the dome, its anteromedial part too",
          "[pleura][smooth]") {
  // Rays up through the dome's top in its anteromedial quadrant (medial and forward, 35-75 degrees
  // above the inlet's plane) leave the pleura and then meet the membrane, 9 in 10 (Gray's Anatomy 41st
  // ed.: the membrane covers the cupola).
  for (const char *side : kSides) {
    const Coverage c = membraneCoverage(side, {0, 15, 30, 45, 60, 75, 90}, {35, 45, 55, 65, 75});
    INFO(side << ": of " << c.rays << " rays through the dome's anteromedial top, " << c.covered
              << " meet the membrane; missed (degrees from medial toward forward, above the plane):"
              << c.missed);
    CHECK(c.rays >= 25);
    CHECK(c.covered * 10 >= c.rays * 9);
  }
}

TEST_CASE("pleura: the suprapleural membrane covers the dome's medial slope toward the spine",
          "[pleura][smooth]") {
  // Sibson's fascia covers the whole cupola, from the inner border of rib 1 to C7 (Gray's Anatomy 41st
  // ed.). The eighth-pass sheet stopped 13.5 mm medial of the apex with a straight cut, and from above
  // a strip of pleura lay bare toward the spine (lecturer review). Rays out through the dome's medial
  // slope (from 30 degrees behind to 30 degrees in front of straight medial, 15-35 degrees above the
  // inlet's plane) leave the pleura and then meet the membrane, 9 in 10.
  for (const char *side : kSides) {
    const Coverage c = membraneCoverage(side, {-30, -15, 0, 15, 30}, {15, 20, 25, 30, 35});
    INFO(side << ": of " << c.rays << " rays through the dome's medial slope, " << c.covered
              << " meet the membrane; missed (degrees from medial toward forward, above the plane):"
              << c.missed);
    CHECK(c.rays >= 20);
    CHECK(c.covered * 10 >= c.rays * 9);
  }
}

TEST_CASE("pleura: the dome's top is one smooth cupola, with no second lobe beside T1", "[pleura][smooth]") {
  // Seen along the inlet's normal, the dome's highest vertex over each 3 mm cell (at 2 mm, cells on
  // the dome's steep side that hold only a low vertex of the simplified mesh read as false saddles:
  // 5.5 and 10.5 mm on two drafts with the same pleura code). Walking straight from any cell medial of
  // the highest one (toward T1) to it, the level may not first fall more than 8 mm below where the walk
  // began (a lobe standing up on its own, with a saddle between it and the top). The seventh pass's
  // first model had a striped finger there behind a saddle of 15.0-15.2 mm; this model keeps a low
  // shoulder (4.3 mm left, 4.8 right), which the limit does not yet catch.
  for (const char *sideName : kSides) {
    const std::string side = sideName;
    const HeightMap m = topOf(test::surfaceOf("cervical_pleura_" + side).vertices(), 3.0f);
    int ti = 0, tj = 0;
    for (int j = 0; j < m.nv; ++j)
      for (int i = 0; i < m.nu; ++i)
        if (m.at(i, j) > m.at(ti, tj)) {
          ti = i;
          tj = j;
        }
    float deepest = 0.0f;
    glm::vec2 lobe(0.0f);
    for (int j = 0; j < m.nv; ++j)
      for (int i = 0; i < m.nu; ++i) {
        const float start = m.at(i, j);
        // Medial of the top only: laterally the subclavian artery grooves the dome in life.
        if (start < -1e8f || std::abs(m.u0 + (i + 0.5f) * m.cell) > std::abs(m.u0 + (ti + 0.5f) * m.cell))
          continue;
        const int steps = 2 * std::max(std::abs(ti - i), std::abs(tj - j));
        float low = start;
        for (int k = 1; k < steps; ++k) {
          const float f = float(k) / float(steps);
          const float h = m.at(int(std::lround(i + (ti - i) * f)), int(std::lround(j + (tj - j) * f)));
          if (h > -1e8f)
            low = std::min(low, h);
        }
        if (start - low > deepest) {
          deepest = start - low;
          lobe = glm::vec2(m.u0 + (i + 0.5f) * m.cell, m.v0 + (j + 0.5f) * m.cell);
        }
      }
    INFO(side << ": deepest saddle " << deepest << " mm, behind a lobe at x = " << lobe.x << " mm, " << lobe.y
              << " mm forward in the inlet's plane");
    CHECK(deepest <= 8.0f);
  }
}
#endif
