// Scalene muscles built from their slips (one flat tendon per origin tubercle joining a flattened
// fleshy belly that tapers into a flat insertion tendon; REFERENCE §4.1, §4.3), lying against the
// bones and the muscles built before them without passing through; and attachment footprints: thin
// shells lying 0.2–0.8 mm proud of a bone's surface over the attachment site (REFERENCE §4).
#pragma once

#include "modelgen/bone.h"
#include "modelgen/spec.h"

#include <functional>
#include <map>

namespace atlas::modelgen {

using LandmarkResolver = std::function<glm::vec3(const PointSpec &)>;

// What a muscle must lie against: every bone (left side, by id) and the muscles built before it.
struct MuscleSurroundings {
  std::map<std::string, Sdf> bones;
  struct Neighbour {
    Sdf sdf;
    Bounds box;
  };
  std::vector<Neighbour> muscles;
};

// Besides the mesh description, `landmarks` names where the sections are measured (mm, left side):
// "belly_mid" and "belly_mid_next" (1 mm further along the belly's centre line), and per slip i
// "slip<i>_tendon" / "slip<i>_tendon_next" (5 mm from its origin along the slip's centre line) and
// "slip<i>_tendon10" / "slip<i>_tendon10_next" (10 mm), and
// "axis<k>" / "axis<k>_next": the belly's centre line every 2 mm from its first point to its rib.
BoneModel buildMuscle(const MuscleSpec &spec, const LandmarkResolver &resolve,
                      const MuscleSurroundings &around);

// `along` is the bone's long axis at the site (used when the footprint is longer than wide); the shell
// spans `layer` = (inner, outer) millimetres above the bone surface.
BoneModel buildFootprint(const std::string &id, const Sdf &bone, const glm::vec3 &site,
                         const glm::vec3 &along, const glm::vec2 &size, const glm::vec2 &layer);

} // namespace atlas::modelgen
