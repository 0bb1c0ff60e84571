// BoneModel: one bone (or disc, cartilage, muscle) described as a signed-distance function in world
// millimetres, with the box to mesh it in, its mesh budget and the landmarks other parts attach to.
#pragma once

#include "modelgen/sdf.h"
#include "scene/bounds.h"
#include "scene/structure.h"

#include <functional>
#include <map>
#include <string>

namespace atlas::modelgen {

using Landmarks = std::map<std::string, glm::vec3>; // "c5.pt" -> world mm, left side

struct BoneModel {
  std::string id; // without side suffix
  Sdf sdf;
  Bounds box;        // mm, world
  float step = 0.4f; // meshing grid (mm)
  std::size_t targetTriangles = 12000;
  // Largest simplification error (mm) allowed on the way to targetTriangles (also at most a quarter
  // of the grid step). Bone keeps its sharp borders at 0.1 mm; smooth sheets may give more.
  float maxSimplifyError = 0.1f;
  Landmarks landmarks;
  // Named bony landmarks for the glTF (atlas::Landmark, but left side, mm, id without the structure id:
  // "head" becomes "rib1_left.head"); positions on the surface of `sdf`, normals outward.
  std::vector<Landmark> surfaceLandmarks;
  // Muscles only: at a surface point (mm), the fibre direction (xyz, unit) and how tendinous the
  // tissue is there (w, 0 fleshy .. 1 tendon); written per vertex as MeshData::fibres.
  std::function<glm::vec4(const glm::vec3 &)> fibre;
  // Muscles only: at a surface point (mm), a coordinate (mm) that is constant along each fibre, from
  // which the viewer draws the striations; written per vertex as MeshData::fibreCoords.
  std::function<float(const glm::vec3 &)> fibreCoord;
};

} // namespace atlas::modelgen
