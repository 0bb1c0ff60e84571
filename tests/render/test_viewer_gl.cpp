// The Viewer in this process on a headless EGL context: what only shows over several frames, such as
// the interface after a change of the UI scale (found by the soak driver, --soak).
#include "app/viewer.h"
#include "render/gl.h"
#include "render/headless_context.h"
#include "render/offscreen_target.h"
#include "render/run_app.h"
#include "support/fixtures.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <epoxy/egl.h>
#include <imgui.h>

using namespace atlas;

TEST_CASE("viewer: the interface is still drawn after the UI scale changes") {
  Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
  REQUIRE(context);
  Session session;
  session.setScene(test::makeTestScene());
  Result<std::unique_ptr<Viewer>> viewer = Viewer::create(session, ui::UiSettings{}, nullptr);
  REQUIRE(viewer);
  Result<OffscreenTarget> target = OffscreenTarget::create(480, 320, 0);
  REQUIRE(target);
  auto draw = [&](bool withUi) {
    target->bind();
    (*viewer)->renderFrame(480, 320, 1.0f / 60.0f, withUi);
    CHECK(glGetError() == GL_NO_ERROR);
    return target->readPixels();
  };
  const Image sceneOnly = draw(false);
  draw(true);
  const Image large = draw(true);
  CHECK(test::differingPixels(large, sceneOnly, 8, 12) > 200); // the top 12 rows: the menu bar
  // Smaller text makes smaller vertex buffers than the last frame's. ImGui 1.86's backend kept the old
  // buffer sizes when all its GL objects were rebuilt for the new font, so it wrote into empty
  // buffers (GL_INVALID_VALUE) and the menu bar and panels were not drawn at all.
  for (const float scale : {0.75f, 1.5f, 1.0f}) {
    INFO("scale " << scale);
    (*viewer)->settings().scale = scale;
    const Image scaled = draw(true);
    CHECK(test::differingPixels(scaled, sceneOnly, 8, 12) > 200);
    // The glyphs live in a one-channel texture; the atlas keeps no pixel copies of its own.
    const ImFontAtlas &atlas = *ImGui::GetIO().Fonts;
    CHECK(atlas.TexPixelsAlpha8 == nullptr);
    CHECK(atlas.TexPixelsRGBA32 == nullptr);
    const auto texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(atlas.TexID));
    REQUIRE(glIsTexture(texture));
    GLint bound = 0, format = 0, width = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glBindTexture(GL_TEXTURE_2D, texture);
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_INTERNAL_FORMAT, &format);
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_WIDTH, &width);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    CHECK(format == GL_R8);
    CHECK(width == atlas.TexWidth);
  }
}

// The failure path of the headless context, leak-checked: LeakSanitizer checks the project's own
// clean-up at exit (the driver stays loaded, so its allocations stay suppressible). Mesa reads the
// version override when a process first opens a display, so the check runs in a fresh process: this
// test binary again, asked for this one test case, with the override in its environment.
TEST_CASE("headless context: a system with only OpenGL 3.0 is refused and nothing stays current") {
  const char *kName = "headless context: a system with only OpenGL 3.0 is refused and nothing stays current";
  if (std::getenv("ATLAS_TEST_GL30_CHILD")) {
    Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
    REQUIRE_FALSE(context);
    CHECK_THAT(context.error(), Catch::Contains("OpenGL 3.3"));
    CHECK_THAT(context.error(), Catch::Contains("graphics driver"));
    CHECK(eglGetCurrentContext() == EGL_NO_CONTEXT);
    return;
  }
  const test::ProcessRun child =
      test::runProcess({"/proc/self/exe", kName}, {"ATLAS_TEST_GL30_CHILD=1", "MESA_GL_VERSION_OVERRIDE=3.0",
                                                   "MESA_GLSL_VERSION_OVERRIDE=130"});
  INFO(child.out << child.err);
  CHECK(child.exitCode == 0);
  CHECK_THAT(child.out, Catch::Contains("All tests passed"));
  CHECK_THAT(child.err, !Catch::Contains("LeakSanitizer"));
}
