// The cervical pleura (the dome of the pleura over the apex of the lung, rising into the root of the
// neck under the scalenes) and the suprapleural membrane (Sibson's fascia) capping it. Both are shaped
// as a dome and then kept clear of whatever lies on them (bones, muscles, nerves, vessels), as the
// pleura is moulded by its neighbours in life.
#pragma once

#include "modelgen/bone.h"
#include "modelgen/spec.h"

#include <vector>

namespace atlas::modelgen {

// Something the dome must not run into: its distance function (mm, world) and where it can matter.
struct Obstacle {
  Sdf sdf;
  Bounds box;
  // A nerve or vessel (tubeObstacle): moulds the dome with a broad round-off; bones and muscles with
  // a tight one, so the dome lies close against them.
  bool tube = false;
  // A bone (the membrane is tied to C7's transverse process).
  bool bone = false;
};

// A tube (nerve or vessel centre line, radius) as an obstacle.
Obstacle tubeObstacle(const std::vector<glm::vec3> &curve, float radius);

// The dome on one side (`right`: the spec's left-side numbers mirrored), `clearance` mm from every
// obstacle: a thin wall open below, cut off in a clean ring well under rib 1.
BoneModel buildCervicalPleura(const PleuraSpec &spec, bool right, const std::vector<Obstacle> &obstacles);

// A sheet `membraneThickness` mm thick lying on the dome's top down to the ring of rib 1 (to
// `membraneBelowApex` mm under the apex along the inlet's normal, and no lower than Y
// `membraneLowest`), just outside the pleura and clear of the same
// obstacles, rising as a tent to C7's transverse process and ending on it.
BoneModel buildSuprapleuralMembrane(const PleuraSpec &spec, bool right,
                                    const std::vector<Obstacle> &obstacles);

} // namespace atlas::modelgen
