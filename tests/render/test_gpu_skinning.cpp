// Issue 14: while a function plays, the vertex shader poses the model (bones by their slot's matrix,
// soft tissues by their per-vertex blends) instead of the CPU re-uploading every posed vertex each
// frame. Drawn in-process into an offscreen target, the GPU-posed picture must be the picture of the
// CPU's posed model (which the picking and the labels use), and must differ from the rest.
#include "io/model_loader.h"
#include "render/gpu_scene.h"
#include "render/headless_context.h"
#include "render/offscreen_target.h"
#include "render/renderer.h"
#include "render/run_app.h"
#include "scene/motion.h"
#include "scene/pose_skin.h"

#include <catch2/catch.hpp>

using namespace atlas;

TEST_CASE("gpu skinning: the shader's posed model looks like the CPU's posed model", "[render][animation]") {
  Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
  REQUIRE(context);
  Result<Renderer> renderer = Renderer::create();
  REQUIRE(renderer);
  Result<Scene> loaded = loadModel(test::bundledModelPath());
  REQUIRE(loaded);
  const Scene &rest = *loaded;
  const JointModel joints = JointModel::fromScene(rest);
  REQUIRE_FALSE(joints.empty());
  const PoseSkin skin = PoseSkin::build(rest, joints);

  constexpr int kWidth = 320, kHeight = 400;
  Result<OffscreenTarget> target = OffscreenTarget::create(kWidth, kHeight, 0); // no MSAA: exact pixels
  REQUIRE(target);
  const ViewState view(rest.structures().size());
  const Camera camera =
      standardViewCamera(StandardView::Anterior, rest.bounds(), static_cast<float>(kWidth) / kHeight);
  const auto draw = [&](const Scene &scene, const GpuScene &gpu, const SkinnedDraw *pose) {
    target->bind();
    renderer->draw(scene, gpu, view, camera, kWidth, kHeight, glm::ivec4(0), false, pose);
    REQUIRE(glGetError() == GL_NO_ERROR);
    return target->readPixels();
  };

  GpuScene gpuRest;
  gpuRest.upload(rest);
  gpuRest.uploadSkin(skin);
  const Image atRest = draw(rest, gpuRest, nullptr);

  for (const char *function : {"lateral_neck_flexion", "respiration"}) {
    INFO(function);
    const FunctionMotion motion = functionMotion(functionId(function), MotionSide::Right, false, joints);
    const Pose pose = poseAt(motion, joints, 0.5f);
    const SkinnedDraw skinned = skin.skinnedDraw(pose);
    const Image onGpu = draw(rest, gpuRest, &skinned);

    const Scene posed = skin.posed(rest, pose);
    GpuScene gpuPosed;
    gpuPosed.upload(posed);
    const Image onCpu = draw(posed, gpuPosed, nullptr);

    const int moved = test::differingPixels(onCpu, atRest, 24);
    const int mismatched = test::differingPixels(onGpu, onCpu, 24);
    INFO(moved << " pixels moved from rest, " << mismatched << " differ between GPU and CPU posing");
    CHECK(moved > 1500); // the pose moves the model visibly at this size
    // The same vertices and the same shading: only a few edge pixels may round differently
    // (the shader's 16-bit weights and its own order of floating-point operations).
    CHECK(mismatched < moved / 50);
  }
}
