// Topology and orientation checks for a triangle mesh, and the left/right mirror used for paired
// structures. Shared by the generator (to refuse a broken mesh) and by the tests.
#pragma once

#include "scene/mesh_data.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace atlas::modelgen {

struct MeshCheck {
  std::size_t boundaryEdges = 0;     // undirected edges used by one triangle only
  std::size_t nonManifoldEdges = 0;  // undirected edges used by three or more triangles
  std::size_t inconsistentEdges = 0; // edges whose two triangles run it in the same direction
  std::size_t degenerateTriangles = 0;
  double signedVolume = 0.0; // positive when the normals point outwards

  bool closedManifold() const {
    return boundaryEdges == 0 && nonManifoldEdges == 0 && inconsistentEdges == 0;
  }
};

MeshCheck checkMesh(const MeshData &mesh);

// The pieces of a mesh: triangles joined through shared vertices. `of[t]` numbers triangle t's piece
// (0, 1, ... in the order of each piece's first triangle) and `triangles[k]` counts piece k's triangles.
struct MeshPieces {
  std::vector<std::uint32_t> of;
  std::vector<std::size_t> triangles;
};
MeshPieces meshPieces(const MeshData &mesh);

// Reflects through the mid-sagittal plane (x -> -x) and reverses the winding so normals stay outward;
// fibre directions are reflected with the positions.
MeshData mirrorX(const MeshData &mesh);

// MeshData::fibres for `mesh` (positions in mm): `fibre` evaluated at every vertex, its direction made
// unit length (+Y where it has none) and its tendon fraction clamped to [0, 1].
std::vector<glm::vec4> sampleFibres(const MeshData &mesh,
                                    const std::function<glm::vec4(const glm::vec3 &)> &fibre);

// MeshData::fibreCoords for `mesh` (positions in mm): `coord` at every vertex, 0 where it is not finite
// (the glTF loader refuses a file with such a value).
std::vector<float> sampleFibreCoords(const MeshData &mesh,
                                     const std::function<float(const glm::vec3 &)> &coord);

} // namespace atlas::modelgen
