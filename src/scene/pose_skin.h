// PoseSkin: how the soft tissues follow the bones when the model moves (issue 14). Weights are computed
// once: a muscle's vertices blend from their origin bone to the insertion bone along the muscle's
// axis, and its belly thickens as it shortens (volume roughly kept); nerves, vessels, discs,
// cartilages and the pleura blend between the nearest bones. Attachment footprints ride rigidly on
// their bone, the clavicles on the manubrium. No GL.
#pragma once

#include "scene/pose.h"
#include "scene/scene.h"

#include <array>
#include <vector>

namespace atlas {

class PoseSkin {
public:
  static PoseSkin build(const Scene &scene, const JointModel &joints);

  // Rewrites the positions and normals of `out` (a copy of `rest`) for `pose`.
  void apply(const Scene &rest, const Pose &pose, Scene &out) const;
  // A copy of `rest` in `pose`.
  Scene posed(const Scene &rest, const Pose &pose) const;

  bool empty() const { return structures_.empty(); }

private:
  // One vertex: the blend of up to four bones (weights sum to 1). Bone -1 is the fixed trunk.
  struct Influence {
    std::array<int, 4> bones{-1, -1, -1, -1}; // indices into bones_
    std::array<float, 4> weights{1.0f, 0.0f, 0.0f, 0.0f};
    float along = 0.0f; // muscles: 0 at the origin, 1 at the insertion
  };
  struct MuscleAxis {
    std::vector<int> origins, insertions;                 // bones_ indices of its footprints
    std::vector<glm::vec3> originPoints, insertionPoints; // footprint centroids, rest
  };
  struct SkinnedStructure {
    int rigidBone = -2;                         // >= -1: moves rigidly with that bone (-1 fixed)
    std::vector<std::vector<Influence>> meshes; // per mesh, per vertex (soft tissues)
    int muscle = -1;                            // index into muscles_ when a muscle
  };
  std::vector<std::string> bones_; // bone ids that carry others
  std::vector<MuscleAxis> muscles_;
  std::vector<SkinnedStructure> structures_; // parallel to the scene's structures
};

} // namespace atlas
