// Topology and orientation checks for a triangle mesh, and the left/right mirror used for paired
// structures. Shared by the generator (to refuse a broken mesh) and by the tests.
#pragma once

#include "scene/mesh_data.h"

#include <cstddef>

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

// Reflects through the mid-sagittal plane (x -> -x) and reverses the winding so normals stay outward.
MeshData mirrorX(const MeshData &mesh);

} // namespace atlas::modelgen
