// How the Viewer draws the model frame by frame, on a headless EGL context in this process: coarse
// while the camera moves, in full once it rests, and not at all when only the interface changed.
#include "app/viewer.h"
#include "render/gl.h"
#include "render/headless_context.h"
#include "render/offscreen_target.h"
#include "render/run_app.h"
#include "scene/level_of_detail.h"
#include "support/fixtures.h"
#include "support/shapes.h"

#include <catch2/catch.hpp>

using namespace atlas;

namespace {

// The test scene plus a finely tessellated sphere, so there is something to simplify.
Scene sceneWithFineSphere() {
  Scene scene = test::makeTestScene();
  Structure sphere;
  sphere.id = "fine_sphere";
  sphere.meshes.push_back(
      test::makeSphere(glm::vec3(0.0f), 0.01f, 64, 128, glm::vec4(0.9f, 0.9f, 0.85f, 1.0f)));
  scene.add(std::move(sphere));
  return scene;
}

} // namespace

TEST_CASE("viewer: coarse while moving, full once still, the kept image when nothing changed") {
  Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
  REQUIRE(context);
  Session session;
  Result<std::unique_ptr<Viewer>> created = Viewer::create(session, ui::UiSettings{}, nullptr);
  REQUIRE(created);
  Viewer &viewer = **created;
  LoadedModel loaded;
  loaded.scene = sceneWithFineSphere();
  loaded.motion = buildMotionDetail(loaded.scene, 0);
  viewer.installModel(std::move(loaded));
  session.setViewport(320, 240);
  session.setStandardView(StandardView::Anterior, false);
  Result<OffscreenTarget> target = OffscreenTarget::create(320, 240, 0);
  REQUIRE(target);
  auto frame = [&](float dt) {
    target->bind();
    viewer.renderFrame(320, 240, dt, false);
    REQUIRE(glGetError() == GL_NO_ERROR);
    return target->readPixels();
  };

  frame(0.0f); // nothing before it to compare with: a still frame
  CHECK(viewer.lastSceneDraw() == Viewer::SceneDraw::Full);
  const Image kept = frame(1.0f / 60.0f);
  CHECK(viewer.lastSceneDraw() == Viewer::SceneDraw::Reused);
  // The kept image must be what a full draw of the same view gives: hide and show the sphere again,
  // which draws in full twice, and compare with an image that was never redrawn.
  REQUIRE(session.apply(SetVisibilityCommand{"fine_sphere", Visibility::Hidden}));
  const Image without = frame(1.0f / 60.0f);
  REQUIRE(session.apply(SetVisibilityCommand{"fine_sphere", Visibility::Visible}));
  const Image redrawn = frame(1.0f / 60.0f);
  CHECK(viewer.lastSceneDraw() == Viewer::SceneDraw::Full);
  CHECK(test::differingPixels(kept, without, 2) > 100); // the redraw really drew something else
  CHECK(test::differingPixels(kept, redrawn, 2) == 0);

  session.camera().orbit(0.3f, 0.0f);
  const Image coarse = frame(1.0f / 60.0f);
  CHECK(viewer.lastSceneDraw() == Viewer::SceneDraw::Coarse);
  CHECK(viewer.refining());
  frame(0.05f); // resting, but not yet for long enough: the coarse image stays
  CHECK(viewer.lastSceneDraw() == Viewer::SceneDraw::Reused);
  CHECK(viewer.refining());
  const Image still = frame(0.2f);
  CHECK(viewer.lastSceneDraw() == Viewer::SceneDraw::Full);
  CHECK(!viewer.refining());
  CHECK(test::differingPixels(coarse, still, 2) > 0); // the moving frame really was the coarse mesh

  // A change of what is drawn redraws in full at once; labels alone do not touch the model's image.
  REQUIRE(session.apply(SetVisibilityCommand{"fine_sphere", Visibility::Hidden}));
  const Image hidden = frame(1.0f / 60.0f);
  CHECK(viewer.lastSceneDraw() == Viewer::SceneDraw::Full);
  CHECK(test::differingPixels(still, hidden, 2) > 100);
  REQUIRE(session.apply(SetLabelsCommand{!session.view().labels}));
  frame(1.0f / 60.0f);
  CHECK(viewer.lastSceneDraw() == Viewer::SceneDraw::Reused);
}
