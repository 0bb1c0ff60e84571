// A structure whose meshes are closed surfaces wound outward (Structure::closed, the glTF extras
// "closed" the generator writes) is drawn without its back faces: they are always behind its front
// from outside, and skipping them halves what a software rasteriser bins and shades. Drawn in this
// process into offscreen targets: the flag must cull, an open part must keep both sides, and the
// bundled model must look the same culled as drawn whole (which a mesh wound inward would not).
#include "io/model_loader.h"
#include "render/gpu_scene.h"
#include "render/headless_context.h"
#include "render/offscreen_target.h"
#include "render/renderer.h"
#include "render/run_app.h"
#include "render/scene_buffers.h"
#include "support/shapes.h"

#include <catch2/catch.hpp>

using namespace atlas;

namespace {

constexpr int kSize = 96;

struct Drawing {
  Renderer renderer;
  OffscreenTarget target;

  Image draw(const Scene &scene, const Camera &camera) {
    GpuScene gpu;
    gpu.upload(scene);
    const ViewState view(scene.structures().size());
    target.bind();
    renderer.draw(scene, gpu, view, camera, target.width(), target.height());
    REQUIRE(glGetError() == GL_NO_ERROR);
    return target.readPixels();
  }
};

bool sameColour(const std::uint8_t *a, const std::uint8_t *b, int tolerance) {
  for (int c = 0; c < 3; ++c)
    if (std::abs(int(a[c]) - int(b[c])) > tolerance)
      return false;
  return true;
}

} // namespace

TEST_CASE("back faces: a closed part is drawn without them, an open one with both sides", "[render]") {
  Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
  REQUIRE(context);
  Result<Renderer> renderer = Renderer::create();
  REQUIRE(renderer);
  Result<OffscreenTarget> target = OffscreenTarget::create(kSize, kSize, 0);
  REQUIRE(target);
  Drawing drawing{std::move(*renderer), std::move(*target)};

  // The camera inside a sphere sees only the sphere's back faces.
  Scene scene;
  Structure sphere;
  sphere.id = "sphere";
  sphere.meshes.push_back(test::makeSphere(glm::vec3(0.0f), 1.0f, 24, 48, glm::vec4(0.9f, 0.2f, 0.2f, 1.0f)));
  scene.add(std::move(sphere));
  Camera inside;
  inside.distance = 0.2f;
  inside.sceneRadius = 1.0f; // the far plane beyond the sphere
  const Image open = drawing.draw(scene, inside);
  scene.structures()[0].closed = true;
  const Image closed = drawing.draw(scene, inside);

  Scene empty;
  const Image background = drawing.draw(empty, inside);
  const std::uint8_t *centreOpen = open.pixel(kSize / 2, kSize / 2);
  CHECK_FALSE(sameColour(centreOpen, background.pixel(kSize / 2, kSize / 2), 12)); // the inside shows
  CHECK(centreOpen[0] > centreOpen[2] + 40);                                       // ... in the sphere's red
  CHECK(test::differingPixels(closed, background, 2) == 0); // culled: nothing of it is drawn
}

TEST_CASE("back faces: the bundled model looks the same culled as drawn with both sides", "[render]") {
  Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
  REQUIRE(context);
  Result<Renderer> renderer = Renderer::create();
  REQUIRE(renderer);
  Result<OffscreenTarget> target = OffscreenTarget::create(320, 400, 0);
  REQUIRE(target);
  Drawing drawing{std::move(*renderer), std::move(*target)};
  Result<Scene> loaded = loadModel(test::bundledModelPath());
  REQUIRE(loaded);
  Scene scene = std::move(*loaded);
  std::size_t closedParts = 0;
  for (const Structure &s : scene.structures())
    closedParts += s.closed ? 1 : 0;
  CHECK(closedParts == scene.structures().size()); // the generator checks and marks every part

  for (StandardView v : {StandardView::Anterior, StandardView::Right, StandardView::Superior}) {
    INFO(standardViewName(v));
    const Camera camera = standardViewCamera(v, scene.bounds(), 320.0f / 400.0f);
    const Image culled = drawing.draw(scene, camera);
    Scene whole = scene;
    for (Structure &s : whole.structures())
      s.closed = false;
    const Image bothSides = drawing.draw(whole, camera);
    // Only pixels where two surfaces meet within the depth buffer's precision may change: a mesh
    // wound inward would lose its whole front (tens of thousands of pixels).
    CHECK(test::differingPixels(culled, bothSides, 24) < 40);
  }
}

TEST_CASE("scene buffers: a frame drawn while moving is depth-tested after multisampled frames", "[render]") {
  Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
  REQUIRE(context);
  Result<Renderer> renderer = Renderer::create();
  REQUIRE(renderer);
  Result<OffscreenTarget> target = OffscreenTarget::create(kSize, kSize, 0, Framebuffer::Depth::None);
  REQUIRE(target);
  // A near green box first, then a far blue one behind it: without a depth test the blue one wins.
  Scene scene;
  for (const auto &[id, z, colour] : {std::tuple{"near", 0.5f, glm::vec4(0.1f, 0.8f, 0.1f, 1.0f)},
                                      std::tuple{"far", -0.5f, glm::vec4(0.1f, 0.1f, 0.8f, 1.0f)}}) {
    Structure box;
    box.id = id;
    box.meshes.push_back(test::makeBox(glm::vec3(0.0f, 0.0f, z), glm::vec3(0.3f), colour));
    scene.add(std::move(box));
  }
  GpuScene gpu;
  gpu.upload(scene);
  const ViewState view(scene.structures().size());
  Camera camera; // looks along -Z from +Z: the near box is in front
  camera.distance = 3.0f;
  camera.sceneRadius = 1.0f;
  SceneBuffers buffers;
  REQUIRE(buffers.ensure(kSize, kSize, 4));
  buffers.bindMultisampled();
  renderer->draw(scene, gpu, view, camera, kSize, kSize);
  buffers.resolve();
  REQUIRE(buffers.bindImage()); // its depth buffer made now
  renderer->draw(scene, gpu, view, camera, kSize, kSize, glm::ivec4(0), true);
  target->bind();
  GLint targetFramebuffer = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &targetFramebuffer);
  buffers.copyImageTo(static_cast<GLuint>(targetFramebuffer));
  REQUIRE(glGetError() == GL_NO_ERROR);
  const Image image = target->readPixels();
  const std::uint8_t *centre = image.pixel(kSize / 2, kSize / 2);
  CHECK(centre[1] > centre[2] + 60); // green: the near box
}
