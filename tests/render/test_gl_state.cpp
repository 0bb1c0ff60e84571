// The render layer's GL state contract (render/gl_state.h): drawing the model, reading a target back
// and making framebuffers leave the caller's bindings and pipeline state as they were. The viewer
// draws the interface after the model, and the tests read pixels between frames: a binding changed
// behind their backs once sent a frame to the wrong framebuffer.
#include "render/framebuffer.h"
#include "render/gl.h"
#include "render/gpu_scene.h"
#include "render/headless_context.h"
#include "render/offscreen_target.h"
#include "render/renderer.h"
#include "render/run_app.h"
#include "support/fixtures.h"

#include <array>
#include <catch2/catch.hpp>

using namespace atlas;

namespace {

GLint integer(GLenum name) {
  GLint value = 0;
  glGetIntegerv(name, &value);
  return value;
}

// Everything a caller could have set that the renderer also sets, read back from GL.
struct PipelineState {
  std::array<GLint, 4> viewport{};
  GLint program = 0, vertexArray = 0, depthFunc = 0, cullFace = 0, blendSrc = 0, blendDst = 0;
  GLint readFramebuffer = 0, drawFramebuffer = 0, renderbuffer = 0;
  GLboolean depthTest = GL_FALSE, blend = GL_FALSE, cull = GL_FALSE, depthMask = GL_FALSE;

  static PipelineState read() {
    PipelineState s;
    glGetIntegerv(GL_VIEWPORT, s.viewport.data());
    s.program = integer(GL_CURRENT_PROGRAM);
    s.vertexArray = integer(GL_VERTEX_ARRAY_BINDING);
    s.depthFunc = integer(GL_DEPTH_FUNC);
    s.cullFace = integer(GL_CULL_FACE_MODE);
    s.blendSrc = integer(GL_BLEND_SRC_RGB);
    s.blendDst = integer(GL_BLEND_DST_RGB);
    s.readFramebuffer = integer(GL_READ_FRAMEBUFFER_BINDING);
    s.drawFramebuffer = integer(GL_DRAW_FRAMEBUFFER_BINDING);
    s.renderbuffer = integer(GL_RENDERBUFFER_BINDING);
    s.depthTest = glIsEnabled(GL_DEPTH_TEST);
    s.blend = glIsEnabled(GL_BLEND);
    s.cull = glIsEnabled(GL_CULL_FACE);
    glGetBooleanv(GL_DEPTH_WRITEMASK, &s.depthMask);
    return s;
  }
};

void checkSame(const PipelineState &before, const PipelineState &after) {
  CHECK(after.viewport == before.viewport);
  CHECK(after.program == before.program);
  CHECK(after.vertexArray == before.vertexArray);
  CHECK(after.depthFunc == before.depthFunc);
  CHECK(after.cullFace == before.cullFace);
  CHECK(after.blendSrc == before.blendSrc);
  CHECK(after.blendDst == before.blendDst);
  CHECK(after.readFramebuffer == before.readFramebuffer);
  CHECK(after.drawFramebuffer == before.drawFramebuffer);
  CHECK(after.renderbuffer == before.renderbuffer);
  CHECK(after.depthTest == before.depthTest);
  CHECK(after.blend == before.blend);
  CHECK(after.cull == before.cull);
  CHECK(after.depthMask == before.depthMask);
}

// State unlike anything the renderer leaves behind by itself: odd viewport, culling of front faces,
// additive blending on, depth test and depth writes off, a vertex array of the caller's bound.
void setCallersState(GLuint vertexArray) {
  glViewport(3, 5, 70, 40);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_FRONT);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE);
  glDisable(GL_DEPTH_TEST);
  glDepthFunc(GL_GEQUAL);
  glDepthMask(GL_FALSE);
  glUseProgram(0);
  glBindVertexArray(vertexArray);
}

} // namespace

TEST_CASE("gl state: drawing the model leaves the caller's state as it was") {
  Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
  REQUIRE(context);
  Result<Renderer> renderer = Renderer::create();
  REQUIRE(renderer);
  const Scene scene = test::makeTestScene();
  GpuScene gpu;
  gpu.upload(scene);
  const ViewState view(scene.structures().size());
  const Camera camera = standardViewCamera(StandardView::Anterior, scene.bounds(), 160.0f / 120.0f);
  Result<OffscreenTarget> target = OffscreenTarget::create(160, 120, 4);
  REQUIRE(target);
  GLuint callersVertexArray = 0;
  glGenVertexArrays(1, &callersVertexArray);

  target->bind();
  setCallersState(callersVertexArray);
  const PipelineState before = PipelineState::read();
  renderer->draw(scene, gpu, view, camera, 160, 120);
  REQUIRE(glGetError() == GL_NO_ERROR);
  checkSame(before, PipelineState::read());

  // The state did not stop the model being drawn: the picture differs from one with nothing on show.
  auto drawn = [&](const ViewState &shown) {
    target->bind();
    renderer->draw(scene, gpu, shown, camera, 160, 120);
    return target->readPixels();
  };
  ViewState nothing(scene.structures().size());
  for (std::size_t i = 0; i < scene.structures().size(); ++i)
    nothing.setVisibility(static_cast<int>(i), Visibility::Hidden);
  CHECK(test::differingPixels(drawn(view), drawn(nothing), 8) > 500);
  glDeleteVertexArrays(1, &callersVertexArray);
}

TEST_CASE("gl state: reading a target back and making framebuffers keep the caller's bindings") {
  Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
  REQUIRE(context);
  for (const int samples : {0, 4}) {
    INFO(samples << " samples");
    Result<OffscreenTarget> target = OffscreenTarget::create(64, 48, samples);
    REQUIRE(target);
    Result<Framebuffer> other = Framebuffer::create(64, 48, 0, Framebuffer::Depth::None);
    REQUIRE(other);
    // Reading from one framebuffer while drawing into another, as the viewer does when it copies its
    // kept image into the window.
    target->bind();
    glBindFramebuffer(GL_READ_FRAMEBUFFER, other->id());
    const PipelineState before = PipelineState::read();
    REQUIRE(before.readFramebuffer != before.drawFramebuffer);
    const Image image = target->readPixels();
    CHECK(image.width == 64);
    checkSame(before, PipelineState::read());
    Result<Framebuffer> made = Framebuffer::create(32, 32, samples, Framebuffer::Depth::DepthStencil);
    REQUIRE(made);
    CHECK(made->id() != 0);
    checkSame(before, PipelineState::read());
    REQUIRE(glGetError() == GL_NO_ERROR);
  }
}

TEST_CASE("gl state: a framebuffer the driver refuses is an error that gives its size") {
  Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
  REQUIRE(context);
  GLint maxSize = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
  const PipelineState before = PipelineState::read();
  Result<Framebuffer> tooLarge = Framebuffer::create(maxSize + 1, 16, 0, Framebuffer::Depth::None);
  while (glGetError() != GL_NO_ERROR) { // the oversized storage call is a GL error by design
  }
  REQUIRE_FALSE(tooLarge);
  CHECK_THAT(tooLarge.error(), Catch::Contains(std::to_string(maxSize + 1) + "x16"));
  checkSame(before, PipelineState::read());
}
