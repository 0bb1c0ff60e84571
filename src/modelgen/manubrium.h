// The manubrium of the sternum: a plate broad and thick above, narrower below, with the jugular
// notch, the clavicular notches, the notch for the first costal cartilage and, at the sternal angle,
// the half-notch for the second (REFERENCE §3; Gray's Anatomy 1918, "The Sternum"); and the top of the
// body of the sternum below it, which shows the sternal angle.
#pragma once

#include "modelgen/bone.h"
#include "modelgen/spec.h"

namespace atlas::modelgen {

// The plate and its jugular notch; the costal and clavicular notches take their final shape when the
// rib cage assembly keeps the manubrium just clear of the cartilages and clavicles that meet it.
BoneModel buildManubrium(const ManubriumSpec &spec);

// The upper end of the body of the sternum below the manubrium, at the sternal angle, cut off where
// the model stops; kept clear of the manubrium and the cartilages by the rib cage assembly.
BoneModel buildSternalBody(const ManubriumSpec &manubrium, const SternalBodySpec &spec);

} // namespace atlas::modelgen
