// A flattened band swept along a smooth centre line: the building block of the scalene slips and
// bellies. Each sample of the line carries a local frame (tangent, width axis, thickness axis), the
// half width and half thickness of the section there and how tendinous the tissue is (0..1).
#pragma once

#include "modelgen/sdf.h"
#include "scene/bounds.h"

#include <vector>

namespace atlas::modelgen {

struct BandControl {
  vec3 at{0.0f};
  vec2 section{0.0f}; // full width x thickness (mm)
  vec3 broad{0.0f};   // width direction (made perpendicular to the line)
  float tendon = 0.0f;
};

struct MuscleBand {
  std::vector<vec3> centre, tangent, width, thickness; // per sample; axes unit
  std::vector<vec2> half;                              // half width, half thickness
  std::vector<float> tendon, arc;                      // arc: mm from the first sample
  Bounds box;                                          // samples, padded by the largest half extent
  // Recomputes `box` after `half` was edited.
  void updateBox();
};

// Uniform Catmull-Rom through the controls, sampled about every `spacing` mm; sections, width axes
// and tendon values interpolated linearly between controls.
MuscleBand sweepBand(const std::vector<BandControl> &controls, float spacing);

// Index of the sample nearest to `arc` mm along the band.
std::size_t sampleAt(const MuscleBand &band, float arc);

// At p: signed distance to the band (ellipse-like section, flatter where tendinous; flat ends), the
// centre-line tangent and the tendon value there (both interpolated on the nearest segment).
struct BandHit {
  float distance = 1e9f;
  vec3 tangent{0.0f, 1.0f, 0.0f};
  float tendon = 0.0f;
};
BandHit bandAt(const MuscleBand &band, const vec3 &p);

// Lower bound of the distance from p to the band's box (0 inside), to skip far bands cheaply.
float boxDistance(const Bounds &box, const vec3 &p);

} // namespace atlas::modelgen
