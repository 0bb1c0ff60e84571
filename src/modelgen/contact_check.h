// Measures how the generated meshes meet: how deep one closed mesh runs into another, and rays cast
// through a mesh. Used by the tests (issue 11: nothing inside anything, joints seated) and by the
// generator's --stats. Works on the meshes, not on the distance functions they were made from.
#pragma once

#include "scene/scene.h"

#include <glm/glm.hpp>
#include <map>
#include <string>
#include <vector>

namespace atlas::modelgen {

// The triangles of a closed surface, indexed by uniform grids so that inside tests, distances and
// axis-parallel rays take microseconds. Coordinates are scaled on the way in (metres -> mm: 1000).
class SurfaceIndex {
public:
  SurfaceIndex(const std::vector<MeshData> &meshes, float scale, float cell = 1.0f);

  // Inside the closed surface (majority of three axis-parallel ray parity tests).
  bool inside(const glm::vec3 &p) const;
  // Distance to the nearest triangle, and that nearest point.
  float distance(const glm::vec3 &p, glm::vec3 *nearest = nullptr) const;
  // Every crossing of the line through p parallel to `axis` (0 x, 1 y, 2 z): the coordinate along
  // that axis, sorted ascending.
  std::vector<float> axisCrossings(const glm::vec3 &p, int axis) const;
  // Every crossing of the ray origin + t * dir, t > 0 (dir need not be unit): t, sorted.
  std::vector<float> rayCrossings(const glm::vec3 &origin, const glm::vec3 &dir) const;

  const std::vector<glm::vec3> &vertices() const { return vertices_; }
  glm::vec3 lo() const { return lo_; }
  glm::vec3 hi() const { return hi_; }
  bool empty() const { return tris_.empty(); }

private:
  struct Tri {
    glm::vec3 a, b, c;
  };
  struct Grid2 { // columns along one axis
    int axis = 0, nu = 1, nv = 1;
    std::vector<std::vector<int>> cells;
  };
  int cellIndex(float v, int axis, int n) const;
  const std::vector<int> &column(const glm::vec3 &p, int axis) const;

  std::vector<Tri> tris_;
  std::vector<glm::vec3> vertices_;
  glm::vec3 lo_{0.0f}, hi_{0.0f};
  float cell_ = 1.0f;
  glm::ivec3 dims_{1};
  std::vector<std::vector<int>> cells3_;
  Grid2 columns_[3];
  std::vector<int> none_;
};

// The deepest vertex of `a` inside `b`: depth (distance to b's surface) and where; depth 0 when none.
struct Penetration {
  std::string by, into; // structure ids: `by` runs into `into`
  float depth = 0.0f;   // same units as the indices (mm)
  glm::vec3 where{0.0f};
};
Penetration deepestInside(const SurfaceIndex &a, const SurfaceIndex &b);

// Every pair of bones, discs and cartilages of the scene (metres) whose bounds overlap, measured both
// ways, deepest first; only depths above `minDepthMm` are listed. Positions in mm.
std::vector<Penetration> penetrations(const Scene &scene, float minDepthMm);

// "c2 into c3: 4.5 mm at (1.0, 2.0, 3.0) mm"
std::string describe(const Penetration &p);

// A joint measured on the meshes: how close `part` (near a named point of it) comes to the bone that
// carries its facet. Synovial joints want a thin visible line: neither contact nor a wide gap.
struct JointGap {
  std::string part, facet; // "rib2_left.head", "t1"
  float gap = 0.0f;        // mm; negative: the part runs into the facet's bone that deep
  glm::vec3 where{0.0f};   // the part's closest point, mm
};

// The closest approach to `facetBone` of the vertices of `part` within `radius` of `near`; INFINITY
// when no vertex of `part` lies that close to `near`.
JointGap gapNear(const SurfaceIndex &part, const SurfaceIndex &facetBone, const glm::vec3 &near,
                 float radius);

// Rib heads and tubercles against their costal facets, both sides, in the scene (metres).
// `costalFacets`: per vertebra id, the rib points its facets receive ("rib2.head"), as in the spec's
// costalPits; `leftPointsMm`: those points on the left side (mm; the right side is the mirror image).
std::vector<JointGap> costalJointGaps(const Scene &scene,
                                      const std::map<std::string, std::vector<std::string>> &costalFacets,
                                      const std::map<std::string, glm::vec3> &leftPointsMm, float radius);

// "rib2_left.head to t1: 1.30 mm at (1.0, 2.0, 3.0) mm"
std::string describe(const JointGap &g);

} // namespace atlas::modelgen
