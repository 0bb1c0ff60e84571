// A link to the part that is already selected must still select and frame it: the article's links,
// the info panel's and the functions' all send SelectCommand{id, frame=true}, whatever is selected.
#include "session/session.h"
#include "support/fixtures.h"

#include <catch2/catch.hpp>

using namespace atlas;

namespace {

Session framedSession() {
  Session s;
  s.setScene(test::makeTestScene());
  s.setViewport(1280, 720);
  s.setStandardView(StandardView::Anterior, false);
  return s;
}

// Where the camera ends up after the command and its animation.
Camera settle(Session &s) {
  for (int i = 0; i < 600 && s.animating(); ++i)
    s.advance(1.0f / 60.0f);
  REQUIRE_FALSE(s.animating());
  return s.camera();
}

// How far (pixels) the middle of the part's picture lies from the middle of the 1280 x 720 view.
float offCentre(const Camera &camera, const Structure &part) {
  glm::vec2 low(1e9f), high(-1e9f);
  for (const MeshData &m : part.meshes)
    for (const glm::vec3 &p : m.positions)
      if (auto q = camera.project(p, 1280, 720)) {
        low = glm::min(low, *q);
        high = glm::max(high, *q);
      }
  return glm::length((low + high) * 0.5f - glm::vec2(640.0f, 360.0f));
}

void moveAway(Session &s) {
  s.camera().orbit(0.7f, 0.3f);
  s.camera().pan(0.4f, -0.2f);
  s.camera().zoom(3.0f);
}

} // namespace

TEST_CASE("a framing select frames the part even when it is already selected", "[session][frame]") {
  Session s = framedSession();
  REQUIRE(s.apply(SelectCommand{"box_muscle", /*frame=*/true}));
  const Camera first = settle(s);
  const Structure &box = *s.scene().find("box_muscle");
  CHECK(offCentre(first, box) < 1.0f);

  moveAway(s);
  const Camera moved = s.camera();
  REQUIRE(offCentre(moved, box) > 50.0f);
  REQUIRE(s.apply(SelectCommand{"box_muscle", /*frame=*/true})); // the same part, already selected
  const Camera second = settle(s);
  CHECK(s.stateJson()["selected"] == "box_muscle");
  CHECK(offCentre(second, box) < 1.0f);
  // Framed for the direction the user left it in: as F (frame selection) frames it from there.
  Session f = framedSession();
  REQUIRE(f.apply(SelectCommand{"box_muscle", true}));
  settle(f);
  moveAway(f);
  REQUIRE(f.apply(FrameSelectionCommand{}));
  CHECK(second.distance == Approx(settle(f).distance).epsilon(1e-4));
  CHECK(second.distance != Approx(moved.distance).epsilon(1e-2));
}

TEST_CASE("a framing select of the selected part frames it while another framing is running",
          "[session][frame]") {
  Session s = framedSession();
  REQUIRE(s.apply(SelectCommand{"box_muscle", true}));
  settle(s);
  moveAway(s);
  REQUIRE(s.apply(SelectCommand{"box_muscle", true}));
  s.advance(0.05f); // half-way, the link is clicked again
  REQUIRE(s.apply(SelectCommand{"box_muscle", true}));
  CHECK(offCentre(settle(s), *s.scene().find("box_muscle")) < 1.0f);
}
