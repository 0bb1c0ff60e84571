// The clavicle (collarbone): an S-shaped bar, round and heavy at the sternal end, flattened towards
// the acromion, lying over the first rib (the costoclavicular space of the thoracic outlet).
#pragma once

#include "modelgen/bone.h"
#include "modelgen/spec.h"

namespace atlas::modelgen {

// Left clavicle from its swept description (centre line, profile, optional bumps such as the conoid
// tubercle); the rib cage assembly seats it on the manubrium's clavicular notch.
BoneModel buildClavicle(const SweptSpec &spec);

} // namespace atlas::modelgen
