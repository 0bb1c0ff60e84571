// Turns a signed-distance function into a closed, 2-manifold triangle mesh (marching tetrahedra on a
// Freudenthal split of a regular grid), then simplifies and orders it with meshoptimizer.
#pragma once

#include "modelgen/sdf.h"
#include "scene/bounds.h"
#include "scene/mesh_data.h"

namespace atlas::modelgen {

struct MeshingOptions {
  float step = 0.4f;               // grid spacing in mm
  std::size_t targetTriangles = 0; // 0: no simplification
  float maxError = 0.08f;          // largest allowed simplification error in mm
};

// Meshes f < 0 inside `box` (mm; padded by two cells so the surface is closed). Positions stay in mm,
// normals are left empty. Deterministic for the same inputs, whatever the thread count.
MeshData meshSdf(const Sdf &f, const Bounds &box, const MeshingOptions &options);

// Simplifies towards options.targetTriangles without breaking closedness (falls back to a finer
// result when a simplified mesh would not be 2-manifold), then optimises vertex-cache and fetch order.
void simplifyMesh(MeshData &mesh, const MeshingOptions &options);

} // namespace atlas::modelgen
