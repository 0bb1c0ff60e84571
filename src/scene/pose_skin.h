// PoseSkin: how the soft tissues follow the bones when the model moves (issue 14). Weights are computed
// once: a muscle's vertices blend from their origin bone to the insertion bone along the muscle's
// axis, and its belly thickens as it shortens (volume roughly kept); nerves, vessels, discs,
// cartilages and the pleura blend between the nearest bones. Attachment footprints ride rigidly on
// their bone, the clavicles on the manubrium. No GL.
#pragma once

#include "scene/pose.h"
#include "scene/scene.h"

#include <array>
#include <cstdint>
#include <vector>

namespace atlas {

// The skin as the GPU poses it (render/gpu_scene, shaders/mesh.vert): re-uploading every posed
// vertex each frame cost more than a moving frame's whole budget on a software renderer. Bones are
// "slots": 0 is the fixed trunk (and every bone without a joint, which never moves), slot k + 1 the
// k-th bone that has a joint.
struct SkinVertex { // 16 bytes, as the vertex shader reads it
  std::array<std::uint8_t, 4> slots{0, 0, 0, 0};
  std::array<std::uint16_t, 4> weights{65535, 0, 0, 0}; // normalized; they sum to 65535
  std::uint16_t along = 0;                              // muscles: 0 at the origin, 65535 at the insertion
  std::uint16_t unused = 0;
};

// One frame's pose for the GPU: the slots' matrices and how each structure follows them.
struct SkinnedDraw {
  static constexpr std::size_t kMaxSlots = 32; // u_bones[] in shaders/mesh.vert
  std::vector<glm::mat4> slots;                // slots[0] is the identity
  struct StructurePose {
    int rigidSlot = 0; // >= 0: the whole structure moves with this slot; -1: per-vertex blend
    // Muscles: the posed axis and how much the belly widens there (1: not at all).
    glm::vec3 axisOrigin{0.0f}, axisSpan{0.0f};
    float widen = 1.0f;
  };
  std::vector<StructurePose> structures; // parallel to the scene's structures
};

class PoseSkin {
public:
  static PoseSkin build(const Scene &scene, const JointModel &joints);

  // Rewrites the positions and normals of `out` (a copy of `rest`) for `pose`.
  void apply(const Scene &rest, const Pose &pose, Scene &out) const;
  // The same for one structure only (the labels and the picking pose what they need, when they need it).
  void applyTo(const Scene &rest, const Pose &pose, Scene &out, std::size_t structure) const;
  // A copy of `rest` in `pose`.
  Scene posed(const Scene &rest, const Pose &pose) const;

  // The GPU's per-vertex blend of a soft tissue's mesh, empty for rigid structures (and bad indices).
  std::vector<SkinVertex> vertexSkin(std::size_t structure, std::size_t mesh) const;
  // The slots' matrices and each structure's rigid slot or muscle axis for `pose`.
  SkinnedDraw skinnedDraw(const Pose &pose) const;
  // The position the GPU computes for one vertex from vertexSkin() and skinnedDraw(): what the
  // shader does, in C++, so a test can hold the two to apply().
  static glm::vec3 gpuPosition(const SkinnedDraw &draw, std::size_t structure, const SkinVertex &skin,
                               glm::vec3 rest);

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
  // A muscle's posed axis and the factor its belly widens by.
  struct PosedAxis {
    glm::vec3 origin{0.0f}, span{0.0f};
    float widen = 1.0f;
  };
  PosedAxis posedAxis(int muscle, const Pose &pose) const;
  int slotOf(int bone) const; // bones_ index (-1: the trunk) -> GPU slot

  std::vector<std::string> bones_; // bone ids that carry others
  std::vector<int> slots_;         // parallel to bones_: the GPU slot, 0 when the bone has no joint
  std::vector<MuscleAxis> muscles_;
  std::vector<SkinnedStructure> structures_; // parallel to the scene's structures
};

} // namespace atlas
