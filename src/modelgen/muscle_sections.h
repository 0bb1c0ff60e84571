// Measures a generated muscle's cross-section on its mesh: the outline in the plane perpendicular to
// a centre line, and its width and thickness (calipers). Used by the tests and the generator's checks
// to compare mid-belly and tendon sections with REFERENCE.md §4.3.
#pragma once

#include "modelgen/contact_check.h"

#include <glm/glm.hpp>
#include <map>
#include <string>

namespace atlas::modelgen {

struct MuscleSection {
  bool found = false;     // false: the centre lies outside the mesh
  float width = 0.0f;     // widest caliper of the outline (mm)
  float thickness = 0.0f; // narrowest caliper (mm)
  float area = 0.0f;      // enclosed by the outline (mm2)
  glm::vec3 centre{0.0f};
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

} // namespace atlas::modelgen
