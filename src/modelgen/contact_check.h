// Measures how the generated meshes meet: how deep one closed mesh runs into another, and rays cast
// through a mesh. Used by the tests (issue 11: nothing inside anything, joints seated) and by the
// generator's --stats. Works on the meshes, not on the distance functions they were made from.
#pragma once

#include "scene/scene.h"

#include <functional>
#include <glm/glm.hpp>
#include <map>
#include <set>
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
// Vertices for which `exempt` (when given) returns true are not counted.
struct Penetration {
  std::string by, into; // structure ids: `by` runs into `into`
  float depth = 0.0f;   // same units as the indices (mm)
  glm::vec3 where{0.0f};
};
Penetration deepestInside(const SurfaceIndex &a, const SurfaceIndex &b,
                          const std::function<bool(const glm::vec3 &)> &exempt = {});

// Where the model lets one structure lie inside another, read from the scene itself (so the tests and
// the generator agree): a muscle inside the bone it is fixed to, within that attachment's footprint
// (plus `footprintMarginMm`: the tendon sinks into its footprint); a nerve inside a muscle it pierces
// in life (extras "pierces"); a vessel or nerve inside the one it branches from or joins (extras
// "joins"). Ids are full structure ids ("scalenus_medius_left"); positions in mm.
class ContactExemptions {
public:
  explicit ContactExemptions(const Scene &scene, float footprintMarginMm = 3.0f);
  bool allows(const std::string &by, const std::string &into, const glm::vec3 &pointMm) const;
  // "pierces" and "joins" pairs, for reports: (by, into).
  const std::set<std::pair<std::string, std::string>> &passages() const { return passages_; }

private:
  struct Zone {
    std::string muscle, bone;
    glm::vec3 lo, hi; // mm
  };
  std::vector<Zone> footprints_;
  std::set<std::pair<std::string, std::string>> passages_;
};

// Which structures `penetrations` compares.
enum class ContactScope {
  Skeleton,  // bones, discs and cartilages (issue 11)
  Everything // every structure but the attachment footprints (issue 12: soft tissues too)
};

// Every pair of structures in `scope` (scene in metres) whose bounds overlap, measured both ways,
// deepest first, leaving out what `ContactExemptions` allows; only depths above `minDepthMm` are
// listed. Positions in mm.
std::vector<Penetration> penetrations(const Scene &scene, float minDepthMm,
                                      ContactScope scope = ContactScope::Skeleton);

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
