// Vertebrae C1–T2 as signed-distance shapes: body with endplates and uncinate processes, pedicles,
// articular pillars with inclined facets, laminae, spinous and transverse processes (REFERENCE §2).
#pragma once

#include "modelgen/bone.h"
#include "modelgen/spec.h"

namespace atlas::modelgen {

struct VertebraModel {
  BoneModel bone;
  Frame frame;                          // local +Y along the body axis, +Z anterior
  Sdf body;                             // the body alone (discs are shaped against it)
  glm::vec3 supCentre{0}, infCentre{0}; // endplate centres, world mm
  glm::vec3 supNormal{0}, infNormal{0}; // outward endplate normals
  glm::vec2 halfSize{0};                // body half width (X) and half depth (Z)
  float uncinateHalf = 0.0f;            // half the width between the uncinate processes (0: none)
  // How far (mm) the front of the disc below stands behind the body's front, under an anterior lip of
  // the lower border that hangs over it (C2): there the bone would trim the disc to a sliver.
  float lipSetback = 0.0f;
};

// `ribLandmarks` supplies the rib heads and tubercles that carve the costal facets of T1 and T2;
// `below`, the next level down, places the inferior articular facets against its superior ones.
VertebraModel buildVertebra(const VertebraSpec &spec, const Landmarks &ribLandmarks,
                            const VertebraSpec *below = nullptr);

} // namespace atlas::modelgen
