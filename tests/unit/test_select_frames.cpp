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
  const glm::vec3 centre = s.scene().find("box_muscle")->bounds().center();
  CHECK(glm::length(first.target - centre) == Approx(0.0f).margin(1e-5));

  moveAway(s);
  const Camera moved = s.camera();
  REQUIRE(glm::length(moved.target - centre) > 1e-3f);
  REQUIRE(s.apply(SelectCommand{"box_muscle", /*frame=*/true})); // the same part, already selected
  const Camera second = settle(s);
  CHECK(s.stateJson()["selected"] == "box_muscle");
  CHECK(glm::length(second.target - centre) == Approx(0.0f).margin(1e-5));
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
  const glm::vec3 centre = s.scene().find("box_muscle")->bounds().center();
  CHECK(glm::length(settle(s).target - centre) == Approx(0.0f).margin(1e-5));
}
