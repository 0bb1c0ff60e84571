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

// A centripetal Catmull-Rom curve through the control points, resampled at about `spacing` mm, and
// closer on tight bends (a sample wherever it has turned 12 degrees since the last).
std::vector<glm::vec3> smoothCurve(const std::vector<glm::vec3> &controls, float spacing);

float polylineLength(const std::vector<glm::vec3> &points);

// A closed tube of radius `radius` (mm; radii may vary along the curve when `radii` has one value per
// point) with rounded end caps. `sides` vertices per ring. Positions in mm. `oval` > 1 flattens the
// section to an ellipse of the same mean radius, `oval` times as wide side to side (along X, in the
// plane of each ring) as it is deep: the internal jugular vein (Gray's Anatomy 41st ed.).
MeshData sweepTube(const std::vector<glm::vec3> &curve, const std::vector<float> &radii, int sides,
                   float oval = 1.0f);
// The same with the flattening given per point (`ovals`, one per point or one for all): a section
// that widens side to side more than it deepens (the inferior bulb of the internal jugular vein).
MeshData sweepTube(const std::vector<glm::vec3> &curve, const std::vector<float> &radii, int sides,
                   const std::vector<float> &ovals);

// The control points of a nerve or vessel (mm) on one side. `landmark` gives a named point of the
// left side. A tube without a side is described on the left (`right` is ignored: the caller mirrors
// the mesh); a one-sided tube is in the patient's own frame, and on the right its landmarks are the
// mirror images of the left ones (offsets are not mirrored).
std::vector<glm::vec3> tubeControls(const TubeSpec &tube,
                                    const std::function<glm::vec3(const std::string &)> &landmark);

// How much wider than itself a branch may start (its parent's width, capped at this), over how many
// mm it narrows to its own width, and below which parent-to-branch ratio of radii the branching is a
// fork into vessels of about the parent's size, which start at the parent's full width.
constexpr float kBranchFlare = 1.15f;
constexpr float kBranchTaperMm = 8.0f;
constexpr float kForkRatio = 1.7f;
// How much a sinus (a fork whose taper is longer than kBranchTaperMm) swells past its origin, as a
// share of its starting radius: the carotid sinus, a spindle-shaped dilatation of the internal carotid
// at its origin a little wider than the common carotid (Gray's Anatomy 41st ed.).
constexpr float kSinusSwell = 0.15f;

// Radii along a branch's curve: it leaves its parent vessel (radius `parentRadius` mm) at the
// parent's width, capped at `flare` times its own, and narrows smoothly to its own `radius` over
// its first `taperMm` mm, so a branching reads as a blended fork instead of a step where tubes of
// different radius meet (lecturer review, issue 12). A fork with a longer taper than kBranchTaperMm is
// a sinus: it first swells by up to kSinusSwell of its starting radius, then narrows (a spindle).
std::vector<float> branchRadii(const std::vector<glm::vec3> &curve, float radius, float parentRadius,
                               float flare = kBranchFlare, float taperMm = kBranchTaperMm);

// Radii along a vessel that narrows from `startRadius` to `endRadius` over the middle of its length
// (from 35 % to 70 % of it, smoothly): the aortic arch, wide where it leaves the heart and narrower
// past the left subclavian artery (lecturer review, sixth pass: an even hoop). It widens as well when
// `endRadius` is the larger: the lower trunk, as wide as the C8 ramus where that runs into it and
// wider once T1 has joined (lecturer review, ninth pass: a ringed collar at the join).
std::vector<float> taperedRadii(const std::vector<glm::vec3> &curve, float startRadius, float endRadius);

// Radii along a vein that swells just before its end, where it joins another: `radius` along the
// path, widening over the last `bulbMm` mm to `bulbWidth` times that at about the middle of that
// stretch and easing back to `radius` at the end, inside the vein it joins (the inferior bulb of the
// internal jugular vein above its junction with the subclavian; lecturer review, tenth pass: a pipe).
std::vector<float> bulbRadii(const std::vector<glm::vec3> &curve, float radius, float bulbMm,
                             float bulbWidth);

// Mean radius and flattening (width over depth) per point of a tube's curve.
struct TubeSections {
  std::vector<float> radii;
  std::vector<float> ovals;
};

// A bulb whose width (side to side) swells to `bulbWidth` times the tube's and whose depth (front to
// back) swells to `bulbDepth` times, on the same half sine as bulbRadii, for a tube of mean radius
// `radius` flattened by `oval`. With bulbDepth == bulbWidth it is bulbRadii's, the flattening kept.
// Twelfth pass (lecturer review: the bulb, 1.3 times as wide, did not read): the IJV's bulb lies
// between the clavicle in front and the subclavian artery and phrenic nerve behind, which leave it no
// room to deepen; it swells mainly side to side, as the flattened vein does (Gray's Anatomy 41st ed.).
TubeSections bulbSections(const std::vector<glm::vec3> &curve, float radius, float oval, float bulbMm,
                          float bulbWidth, float bulbDepth);

// Ring count and curve spacing of a tube of this radius (mm): fine enough to read as round, modest
// enough for the model's triangle budget (issue 12: under 400,000 in all).
int tubeSides(float radius);
float tubeSpacing(float radius); // mm between rings: 0.9 of the radius, within 2-5 mm

} // namespace atlas::modelgen
