// Smooth curves through control points and tubes swept along them: the nerves, the arteries and the
// centre lines of the ribs and muscle bellies.
#pragma once

#include "scene/mesh_data.h"

#include <glm/glm.hpp>
#include <vector>

namespace atlas::modelgen {

// A centripetal Catmull-Rom curve through the control points, resampled at about `spacing` mm.
std::vector<glm::vec3> smoothCurve(const std::vector<glm::vec3> &controls, float spacing);

float polylineLength(const std::vector<glm::vec3> &points);

// A closed tube of radius `radius` (mm; radii may vary along the curve when `radii` has one value per
// point) with rounded end caps. `sides` vertices per ring. Positions in mm.
MeshData sweepTube(const std::vector<glm::vec3> &curve, const std::vector<float> &radii, int sides);

} // namespace atlas::modelgen
