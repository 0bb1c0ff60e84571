// Session: selection, clicks, visibility and the --state JSON, without a GL context.
#include "session/session.h"
#include "support/fixtures.h"

#include <catch2/catch.hpp>

using namespace atlas;

namespace {
Session makeSession() {
  Session s;
  s.setScene(test::makeTestScene());
  s.setViewport(1280, 720);
  s.setStandardView(StandardView::Anterior, false);
  return s;
}
glm::vec2 pixelOf(const Session &s, const glm::vec3 &p) {
  return *s.camera().project(p, s.viewportWidth(), s.viewportHeight());
}
} // namespace

TEST_CASE("selecting by id highlights the structure and shows the info panel", "[session]") {
  Session s = makeSession();
  REQUIRE(s.apply(SelectCommand{"box_muscle"}));
  const auto state = s.stateJson();
  CHECK(state["selected"] == "box_muscle");
  REQUIRE(state["highlighted"].size() == 1);
  CHECK(state["highlighted"][0]["id"] == "box_muscle");
  CHECK(state["highlighted"][0]["role"] == "selected");
  CHECK(state["panel"] == "Info");
  CHECK(state["camera"]["view"] == "anterior");
}

TEST_CASE("an unknown id is an error and changes nothing", "[session]") {
  Session s = makeSession();
  REQUIRE(s.apply(SelectCommand{"box_muscle"}));
  Result<bool> r = s.apply(SelectCommand{"no_such_part"});
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error(), Catch::Contains("no_such_part"));
  CHECK(s.stateJson()["selected"] == "box_muscle");
}

TEST_CASE("a click selects what is under the pixel, and empty space clears", "[session]") {
  Session s = makeSession();
  const glm::vec2 sphere = pixelOf(s, {0.03f, 0.01f, 0.025f});
  s.clickAt(sphere.x, sphere.y);
  CHECK(s.stateJson()["selected"] == "sphere_bone");
  const glm::vec2 nerve = pixelOf(s, {0.0f, -0.03f, 0.001f});
  s.clickAt(nerve.x, nerve.y);
  CHECK(s.stateJson()["selected"] == "thin_nerve");
  s.clickAt(2.0f, 2.0f);
  CHECK(s.stateJson()["selected"].is_null());
  CHECK(s.stateJson()["highlighted"].empty());
  CHECK(s.stateJson()["panel"] == "Structures");
}

TEST_CASE("visibility changes never move the camera, and standard views frame the whole model", "[session]") {
  Session s = makeSession();
  const glm::vec3 eye = s.camera().eye();
  REQUIRE(s.apply(IsolateCommand{"thin_nerve"}));
  CHECK(s.camera().eye() == eye);
  auto state = s.stateJson();
  CHECK(state["visibility"]["hidden"].size() == 2);
  s.setStandardView(StandardView::Anterior, false);
  CHECK(glm::length(s.camera().eye() - eye) == Approx(0.0f).margin(1e-6));
  REQUIRE(s.apply(ShowAllCommand{}));
  CHECK(s.stateJson()["visibility"]["hidden"].empty());
  REQUIRE(s.apply(SetSystemVisibilityCommand{System::Muscle, Visibility::Ghosted}));
  CHECK(s.stateJson()["visibility"]["ghosted"] == nlohmann::json::array({"box_muscle"}));
}

TEST_CASE("a hidden structure cannot be clicked", "[session]") {
  Session s = makeSession();
  const glm::vec2 sphere = pixelOf(s, {0.03f, 0.01f, 0.025f});
  REQUIRE(s.apply(SetVisibilityCommand{"sphere_bone", Visibility::Hidden}));
  s.clickAt(sphere.x, sphere.y);
  CHECK(s.stateJson()["selected"].is_null());
}

TEST_CASE("animated view changes arrive at the target view", "[session]") {
  Session s = makeSession();
  REQUIRE(s.apply(SetViewCommand{StandardView::Superior}));
  CHECK(s.animating());
  const Camera target = standardViewCamera(StandardView::Superior, s.scene().bounds(), 1280.0f / 720.0f);
  int steps = 0;
  while (s.advance(1.0f / 60.0f) && steps < 1000)
    ++steps;
  CHECK(steps > 5);
  CHECK(glm::length(s.camera().eye() - target.eye()) == Approx(0.0f).margin(1e-5));
}

TEST_CASE("a failed open keeps the model that was open", "[session]") {
  Session s = makeSession();
  Result<bool> r = s.open("/nonexistent/model.glb");
  REQUIRE_FALSE(r);
  CHECK(s.scene().structures().size() == 3);
}

TEST_CASE("the structure list reports ids, names, systems and triangle counts", "[session]") {
  Session s = makeSession();
  const auto list = s.structureListJson();
  REQUIRE(list.size() == 3);
  CHECK(list[0]["id"] == "sphere_bone");
  CHECK(list[0]["system"] == "bone");
  CHECK(list[0]["triangles"] == s.scene().find("sphere_bone")->triangleCount());
  CHECK(list[1]["system"] == "muscle");
  CHECK(list[1]["triangles"] == 12);
}
