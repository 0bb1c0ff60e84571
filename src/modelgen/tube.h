// Smooth curves through control points and tubes swept along them: the nerves, the arteries and the
// centre lines of the ribs and muscle bellies.
#pragma once

#include "modelgen/spec.h"
#include "scene/mesh_data.h"

#include <functional>
#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace atlas::modelgen {

// A centripetal Catmull-Rom curve through the control points, resampled at about `spacing` mm.
std::vector<glm::vec3> smoothCurve(const std::vector<glm::vec3> &controls, float spacing);

float polylineLength(const std::vector<glm::vec3> &points);

// A closed tube of radius `radius` (mm; radii may vary along the curve when `radii` has one value per
// point) with rounded end caps. `sides` vertices per ring. Positions in mm.
MeshData sweepTube(const std::vector<glm::vec3> &curve, const std::vector<float> &radii, int sides);

// The control points of a nerve or vessel (mm) on one side. `landmark` gives a named point of the
// left side. A tube without a side is described on the left (`right` is ignored: the caller mirrors
// the mesh); a one-sided tube is in the patient's own frame, and on the right its landmarks are the
// mirror images of the left ones (offsets are not mirrored).
std::vector<glm::vec3> tubeControls(const TubeSpec &tube,
                                    const std::function<glm::vec3(const std::string &)> &landmark);

// Radii along a branch's curve: it leaves its parent vessel (radius `parentRadius` mm) at the
// parent's width, capped at `flare` times its own, and narrows smoothly to its own `radius` over
// its first `taperMm` mm, so a branching reads as a blended fork instead of a step where tubes of
// different radius meet (lecturer review, issue 12: 5-10 mm tapers).
std::vector<float> branchRadii(const std::vector<glm::vec3> &curve, float radius, float parentRadius,
                               float flare = 1.15f, float taperMm = 8.0f);

// Ring count and curve spacing of a tube of this radius (mm): fine enough to read as round, modest
// enough for the model's triangle budget (issue 12: under 400,000 in all).
int tubeSides(float radius);
float tubeSpacing(float radius);

} // namespace atlas::modelgen
