// Measures a generated muscle's cross-section on its mesh: the outline in the plane perpendicular to
// a centre line, and its width and thickness (calipers). Used by the tests and the generator's checks
// to compare mid-belly and tendon sections with REFERENCE.md §4.3.
#pragma once

#include "modelgen/contact_check.h"

#include <glm/glm.hpp>
#include <map>
#include <string>
#include <vector>

namespace atlas::modelgen {

struct MuscleSection {
  bool found = false;     // false: the centre lies outside the mesh
  float width = 0.0f;     // widest caliper of the outline (mm)
  float thickness = 0.0f; // narrowest caliper (mm)
  float area = 0.0f;      // enclosed by the outline (mm2)
  glm::vec3 centre{0.0f};
  glm::vec3 tangent{0.0f};        // unit normal of the section plane
  std::vector<glm::vec3> outline; // mm, where the rays leave the mesh
};

// The outline is where rays cast from `centre` in `rays` directions of the plane perpendicular to
// `tangent` first leave the mesh; the calipers are taken in 180 directions of that plane.
MuscleSection measureSection(const SurfaceIndex &muscle, const glm::vec3 &centre, const glm::vec3 &tangent,
                             int rays = 120);

// The section at the landmark `name` of `points` (mm), perpendicular to the line towards the landmark
// `name` + "_next" (as the generator records them: "scalenus_medius.belly_mid"). Not found when
// either landmark is missing.
MuscleSection measureSectionAt(const SurfaceIndex &muscle, const std::map<std::string, glm::vec3> &points,
                               const std::string &name);

// How wide the section looks from a viewer looking along `view` (e.g. +X: from the side): the
// outline's extent across the screen, perpendicular to the view and to the muscle's course there.
// 0 when the section was not found or the muscle runs along the view.
float apparentWidth(const MuscleSection &section, const glm::vec3 &view);

} // namespace atlas::modelgen
