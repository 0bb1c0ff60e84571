// Ends of bony processes: blunt, rough tubercles that swell a little beyond the process and merge
// into it, with no flat faces meeting at edges (issue 11, third pass: the rounded boxes used before
// read as machined cubes) and no ball either.
#pragma once

#include "modelgen/sdf.h"

namespace atlas::modelgen {

// A blunt tubercle around c whose end faces `along` (unit): an ellipsoid of semi-axes `half` (side,
// up, along) in the frame (x, up, along), its end flattened by a smooth cut `blunt` mm inside its tip
// and rounded over `round` mm (1.5-3 mm), and two low lobes side by side that widen it a little, as
// the rough tubercles of Gray's 1918 (cervical and thoracic vertebrae) are widened. `up` is derived
// from `along` and +X (the processes end in the sagittal or a transverse plane), or given.
inline float sdBluntTubercle(const vec3 &p, const vec3 &c, const vec3 &along, const vec3 &half, float blunt,
                             float round, const vec3 &side = vec3(1.0f, 0.0f, 0.0f)) {
  const vec3 up = glm::normalize(glm::cross(along, side));
  const vec3 across = glm::cross(up, along);
  const vec3 r = p - c;
  const vec3 l(glm::dot(r, across), glm::dot(r, up), glm::dot(r, along));
  float d = sdEllipsoid(l, vec3(0.0f), half);
  // Two lobes, one each side of the end, for the slight widening of a tubercle.
  const vec3 lobe(half.x * 0.4f, 0.0f, half.z * 0.2f), lobeR(half.x * 0.65f, half.y * 0.75f, half.z * 0.6f);
  d = smin(d, sdEllipsoid(l, lobe, lobeR), round);
  d = smin(d, sdEllipsoid(l, vec3(-lobe.x, lobe.y, lobe.z), lobeR), round);
  // The end flattened: a plane cut blended over `round` mm, so the rim is a roll, not an edge.
  return smax(d, l.z - (half.z - blunt), round);
}

} // namespace atlas::modelgen
