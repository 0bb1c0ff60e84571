// Ribs 1 and 2, their costal cartilages and the manubrium (REFERENCE §3): bars swept along a smooth
// centre line in the rib's own plane (a section that can taper to a sharp inner border and flatten to
// a rounded rectangle), plus head, tubercles, spurs, oblique grooves and rough tuberosities. The rib
// cage is then assembled so that every joint is seated with a visible gap and nothing runs into bone.
#pragma once

#include "modelgen/bone.h"
#include "modelgen/spec.h"

#include <map>
#include <vector>

namespace atlas::modelgen {

struct RibModel {
  BoneModel bone;
  std::vector<glm::vec3> centre; // smoothed centre line, world mm (left side)
  float arcLength = 0.0f;        // along the centre line, mm
};

// A bone the rib cage is fitted against (a vertebra): its distance function and bounds.
struct Neighbour {
  Sdf sdf;
  Bounds box;
};

// Builds a rib, costal cartilage or clavicle (features and head only where the spec has them).
// `planeUp`: the normal of the plane the section's breadth lies in; zero: fitted to the centre line
// (a rib), given where the centre line is not a plane curve (the S of the clavicle).
RibModel buildSwept(const SweptSpec &spec, float step, std::size_t targetTriangles,
                    const vec3 &planeUp = vec3(0.0f));

// `part` kept at least `gap` mm away from each neighbour (a joint line instead of overlap). The trim is
// a smooth maximum of radius `blend` mm: a hard (or near-hard, under a grid step) trim leaves a crease
// that the mesher cuts into saw-teeth (sixth-pass review: rib 1's neck, rib 2's head).
Sdf keepApart(Sdf part, const std::vector<Neighbour> &neighbours, float gap, float blend = 1.2f);

// Ribs (as built by buildSwept) fitted to the spine, then cartilages, manubrium (with notches where
// the cartilages and clavicles meet it) and clavicles, in that order, with their named landmarks.
std::vector<BoneModel> assembleRibCage(const ModelSpec &spec, const std::vector<RibModel> &ribs,
                                       const std::map<std::string, Neighbour> &spine);

} // namespace atlas::modelgen
