// Issue 14: the GPU poses a function's model itself (shaders/mesh.vert) from PoseSkin's per-vertex
// blends and bone slots. PoseSkin::gpuPosition() is the shader's computation in C++; here it is held
// to the CPU's posed model vertex by vertex, so the picture and the picking agree.
#include "model_test_support.h"
#include "scene/motion.h"
#include "scene/pose_skin.h"

#include <algorithm>

using namespace atlas;

namespace {

struct Worst {
  float mm = 0.0f;
  std::string where;
};

// The largest distance between the GPU's and the CPU's posed vertex over the whole model.
Worst compare(const Scene &rest, const PoseSkin &skin, const Pose &pose) {
  const Scene posed = skin.posed(rest, pose);
  const SkinnedDraw draw = skin.skinnedDraw(pose);
  Worst worst;
  for (std::size_t s = 0; s < rest.structures().size(); ++s)
    for (std::size_t m = 0; m < rest.structures()[s].meshes.size(); ++m) {
      const std::vector<glm::vec3> &from = rest.structures()[s].meshes[m].positions;
      const std::vector<glm::vec3> &to = posed.structures()[s].meshes[m].positions;
      const std::vector<SkinVertex> blend = skin.vertexSkin(s, m);
      for (std::size_t v = 0; v < from.size(); ++v) {
        const glm::vec3 gpu =
            PoseSkin::gpuPosition(draw, s, blend.empty() ? SkinVertex{} : blend[v], from[v]);
        const float mm = glm::distance(gpu, to[v]) * 1000.0f;
        if (mm > worst.mm)
          worst = {mm, rest.structures()[s].id};
      }
    }
  return worst;
}

} // namespace

TEST_CASE("gpu skin: the shader's posing matches the CPU's posed model at every vertex", "[motion][skin]") {
  const Scene &rest = test::committedModel();
  const JointModel joints = JointModel::fromScene(rest);
  REQUIRE_FALSE(joints.empty());
  const PoseSkin skin = PoseSkin::build(rest, joints);
  const SkinnedDraw draw = skin.skinnedDraw(Pose{});
  REQUIRE(draw.slots.size() <= SkinnedDraw::kMaxSlots);
  REQUIRE(draw.structures.size() == rest.structures().size());

  // Every soft tissue has a blend for each of its vertices whose weights sum to one; bones have none.
  std::size_t blended = 0;
  for (std::size_t s = 0; s < rest.structures().size(); ++s) {
    const Structure &structure = rest.structures()[s];
    for (std::size_t m = 0; m < structure.meshes.size(); ++m) {
      const std::vector<SkinVertex> blend = skin.vertexSkin(s, m);
      if (draw.structures[s].rigidSlot >= 0) {
        CHECK(blend.empty());
        continue;
      }
      REQUIRE(blend.size() == structure.meshes[m].positions.size());
      for (const SkinVertex &v : blend) {
        CHECK(v.weights[0] + v.weights[1] + v.weights[2] + v.weights[3] == 65535);
        for (const std::uint8_t slot : v.slots)
          CHECK(slot < draw.slots.size());
      }
      blended += blend.size();
    }
  }
  CHECK(blended > 10000); // the muscles, nerves, vessels, discs and pleura

  for (const char *function : {"lateral_neck_flexion", "respiration", "neck_rotation"})
    for (const float t : {0.25f, 0.5f}) {
      INFO(function << " at T = " << t);
      const FunctionMotion motion = functionMotion(functionId(function), MotionSide::Right, false, joints);
      const Pose pose = poseAt(motion, joints, t);
      REQUIRE(pose.largestShift() > 1e-4f); // the test poses something that moves
      const Worst worst = compare(rest, skin, pose);
      INFO("worst at " << worst.where);
      // 16-bit weights on a displacement of a few centimetres: well under a hundredth of a millimetre.
      CHECK(worst.mm < 0.01f);
    }
}
