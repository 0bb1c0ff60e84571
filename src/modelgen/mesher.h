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

// Removes the pieces of the mesh (triangles joined through shared vertices) with fewer than `share`
// times the triangles of its largest piece, and the vertices only they used. Marching leaves such
// flecks where the surface grazes a sliver of inside a fraction of a cell across (a tendon's tip, the
// pleura's rim): too small to mean anything, and seen as loose specks in a close-up (lecturer review,
// thirteenth pass).
void dropSpecks(MeshData &mesh, float share);

// Moves each vertex onto f's zero surface (a few Newton steps along the gradient, at most half a grid
// step). Marching tetrahedra places vertices by linear interpolation along grid edges, which is off
// the surface where f bends within a cell: along a thin free edge (a fascia's border, a tendon's
// top) that error alternates from cell to cell and the edge reads as a row of teeth. A vertex is
// left where it was when moving it would flip one of its triangles.
void projectOntoSurface(MeshData &mesh, const Sdf &f, float step);

} // namespace atlas::modelgen
