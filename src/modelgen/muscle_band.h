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
  // For the striation coordinate (fibreCoordinate): how many lines go round a section, and which side
  // of the thickness axis (+1 or -1) faces the bone, where the coordinate wraps round.
  int fibreLines = 1;
  float deepSide = -1.0f;
  // Recomputes `box` after `half` was edited.
  void updateBox();
};

// Uniform Catmull-Rom through the controls, sampled about every `spacing` mm; sections, width axes
// and tendon values interpolated linearly between controls.
MuscleBand sweepBand(const std::vector<BandControl> &controls, float spacing);

// Index of the sample nearest to `arc` mm along the band.
std::size_t sampleAt(const MuscleBand &band, float arc);

// At p: signed distance to the band (ellipse-like section, flatter where tendinous; flat ends), the
// centre-line tangent and the tendon value there (both interpolated on the nearest segment), and
// where p lies in the section: its offset from the centre line along the width and thickness axes
// divided by the half width and half thickness (1 on the rim of an elliptic section), with those
// half extents.
struct BandHit {
  float distance = 1e9f;
  vec3 tangent{0.0f, 1.0f, 0.0f};
  float tendon = 0.0f;
  vec2 section{1.0f, 0.0f};
  vec2 half{1.0f};
};
BandHit bandAt(const MuscleBand &band, const vec3 &p);

// Striation coordinate (mm) of a point the band was hit at: a fibre keeps its share of the way round
// the section as the section grows or shrinks (the muscle fans), so the share of the section's
// perimeter from the superficial side's middle, [-0.5, 0.5], is constant along it. Times
// band.fibreLines lines of `period` mm, so that the wrap (+-0.5, on the deep side) falls on a whole
// number of lines.
float fibreCoordinate(const MuscleBand &band, const BandHit &hit, float period);

// band.fibreLines for lines about `period` mm apart round the band's median fleshy section.
int fibreLinesFor(const MuscleBand &band, float period);

// Lower bound of the distance from p to the band's box (0 inside), to skip far bands cheaply.
float boxDistance(const Bounds &box, const vec3 &p);

} // namespace atlas::modelgen
