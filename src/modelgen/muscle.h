// Scalene muscles as smooth bellies (one tapering slip per origin blending into a fusiform or strap
// belly that fans into its insertion) and attachment footprints: thin shells lying 0.2–0.8 mm proud of
// a bone's surface over the attachment site (REFERENCE §4).
#pragma once

#include "modelgen/bone.h"
#include "modelgen/spec.h"

#include <functional>

namespace atlas::modelgen {

using LandmarkResolver = std::function<glm::vec3(const PointSpec &)>;

BoneModel buildMuscle(const MuscleSpec &spec, const LandmarkResolver &resolve);

// `along` is the bone's long axis at the site (used when the footprint is longer than wide); the shell
// spans `layer` = (inner, outer) millimetres above the bone surface.
BoneModel buildFootprint(const std::string &id, const Sdf &bone, const glm::vec3 &site,
                         const glm::vec3 &along, const glm::vec2 &size, const glm::vec2 &layer);

} // namespace atlas::modelgen
