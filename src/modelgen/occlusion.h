// Ambient occlusion baked per vertex (issue 11: shading that shows the form of the bones). Each vertex
// casts a fixed set of short rays over the hemisphere around its normal; the nearer and the more
// often they hit, the darker the vertex. Stored in MeshData::occlusion (1 = open, 0 = enclosed).
#pragma once

#include "scene/mesh_data.h"
#include "scene/scene.h"

#include <glm/glm.hpp>
#include <vector>

namespace atlas::modelgen {

struct OcclusionOptions {
  int rays = 32;              // per vertex, cosine-weighted over the hemisphere
  float maxDistance = 0.009f; // model units (metres: 9 mm); hits farther away do not darken
  float bias = 5e-5f;         // ray origins sit this far out along the normal (0.05 mm)
  float skip = 1e-4f;         // hits nearer than this along a ray (0.1 mm) are the vertex's own facets
  int smoothingPasses = 2;    // neighbour averaging that removes per-vertex sampling noise
  unsigned threads = 0;       // 0: the hardware's count (at most 8); the result does not depend on it
};

// The triangles of some meshes in a bounding-volume hierarchy, for the nearest hit along short rays.
class OccluderBvh {
public:
  explicit OccluderBvh(const std::vector<const MeshData *> &meshes);

  // Distance t in (0, maxT] to the nearest triangle (either side) along origin + t * dir (dir unit);
  // maxT itself when nothing is hit.
  float nearestHit(const glm::vec3 &origin, const glm::vec3 &dir, float maxT) const;
  bool empty() const { return triangles_.empty(); }

private:
  struct Triangle {
    glm::vec3 a, ab, ac;
  };
  struct Node {
    glm::vec3 lo, hi;
    std::uint32_t first = 0; // leaf: first triangle; inner: index of the second child (first is +1)
    std::uint32_t count = 0; // triangles in a leaf; 0 for an inner node
  };
  std::uint32_t build(std::vector<std::uint32_t> &order, std::vector<glm::vec3> &centroids,
                      std::uint32_t begin, std::uint32_t end, const std::vector<Triangle> &source);

  std::vector<Triangle> triangles_;
  std::vector<Node> nodes_;
};

// Occlusion of every vertex of `mesh` (which must have normals) against all `occluders` together.
std::vector<float> bakeOcclusion(const MeshData &mesh, const std::vector<const OccluderBvh *> &occluders,
                                 const OcclusionOptions &options = {});

// Bakes every mesh of the scene against the meshes it cannot be seen without. Bones are shaded by
// bones only: a disc overlaps the rim of its vertebral bodies by a hair, and that dark rim would
// bleed over the long triangles of a body's face whenever the discs are hidden (the crease still
// shows, from the disc's side). Discs and cartilages are shaded by the whole skeleton; every other
// mesh (muscles, nerves, arteries, footprints) by the skeleton and itself, so that hiding the muscles
// - the usual way to study the bones - leaves no shadows of them behind.
void bakeSceneOcclusion(Scene &scene, const OcclusionOptions &options = {});

} // namespace atlas::modelgen
