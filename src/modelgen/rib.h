// Ribs 1 and 2, their costal cartilages and the manubrium (REFERENCE §3): bars with an elliptic
// cross-section swept along a smooth centre line in the rib's own plane, plus head, tubercles,
// grooves and tuberosity.
#pragma once

#include "modelgen/bone.h"
#include "modelgen/spec.h"

#include <vector>

namespace atlas::modelgen {

struct RibModel {
  BoneModel bone;
  std::vector<glm::vec3> centre; // smoothed centre line, world mm (left side)
  float arcLength = 0.0f;        // along the centre line, mm
};

// Builds a rib or a costal cartilage (features and head only where the spec has them).
RibModel buildSwept(const SweptSpec &spec, float step, std::size_t targetTriangles);

BoneModel buildManubrium(const ManubriumSpec &spec);

} // namespace atlas::modelgen
