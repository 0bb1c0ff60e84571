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
  Result<void> r = s.apply(SelectCommand{"no_such_part"});
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
  const Camera target = standardViewCamera(StandardView::Superior, s.viewPoints(), 1280.0f / 720.0f);
  int steps = 0;
  while (s.advance(1.0f / 60.0f) && steps < 1000)
    ++steps;
  CHECK(steps > 5);
  CHECK(glm::length(s.camera().eye() - target.eye()) == Approx(0.0f).margin(1e-5));
}

TEST_CASE("a failed open keeps the model that was open", "[session]") {
  Session s = makeSession();
  Result<void> r = s.open("/nonexistent/model.glb");
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

TEST_CASE("Ctrl+click gathers parts into the selection and toggles one out again", "[session][multiselect]") {
  Session s = makeSession();
  const glm::vec2 sphere = pixelOf(s, {0.03f, 0.01f, 0.025f});
  const glm::vec2 nerve = pixelOf(s, {0.0f, -0.03f, 0.001f});
  s.clickAt(sphere.x, sphere.y);
  s.clickAt(nerve.x, nerve.y, SelectMode::Toggle);
  auto state = s.stateJson();
  CHECK(state["selection"] == nlohmann::json::array({"sphere_bone", "thin_nerve"}));
  CHECK(state["selected"] == "thin_nerve"); // the last one picked is the one described
  // Both light up as selected.
  std::vector<std::string> lit;
  for (const auto &h : state["highlighted"])
    if (h["role"] == "selected")
      lit.push_back(h["id"]);
  CHECK(lit == std::vector<std::string>{"thin_nerve", "sphere_bone"});
  // A Ctrl+click beside the model keeps the gathered parts.
  s.clickAt(2.0f, 2.0f, SelectMode::Toggle);
  CHECK(s.stateJson()["selection"].size() == 2);
  // Ctrl+click on a selected part takes it out; the other becomes the one described.
  s.clickAt(nerve.x, nerve.y, SelectMode::Toggle);
  state = s.stateJson();
  CHECK(state["selection"] == nlohmann::json::array({"sphere_bone"}));
  CHECK(state["selected"] == "sphere_bone");
  // A plain click starts over.
  s.clickAt(nerve.x, nerve.y);
  CHECK(s.stateJson()["selection"] == nlohmann::json::array({"thin_nerve"}));
  s.clickAt(2.0f, 2.0f);
  CHECK(s.stateJson()["selection"].empty());
}

TEST_CASE("hide, x-ray and isolate act on every selected part", "[session][multiselect]") {
  Session s = makeSession();
  REQUIRE(s.apply(SelectCommand{"box_muscle"}));
  REQUIRE(s.apply(SelectCommand{"thin_nerve", false, SelectMode::Add}));
  REQUIRE(s.apply(SelectCommand{"thin_nerve", false, SelectMode::Add})); // adding twice keeps one
  CHECK(s.selection().size() == 2);
  REQUIRE(s.apply(IsolateSelectionCommand{}));
  CHECK(s.stateJson()["visibility"]["hidden"] == nlohmann::json::array({"sphere_bone"}));
  REQUIRE(s.apply(ShowAllCommand{}));
  REQUIRE(s.apply(SetSelectionVisibilityCommand{Visibility::Ghosted}));
  CHECK(s.stateJson()["visibility"]["ghosted"] == nlohmann::json::array({"box_muscle", "thin_nerve"}));
  REQUIRE(s.apply(SetSelectionVisibilityCommand{Visibility::Hidden}));
  CHECK(s.stateJson()["visibility"]["hidden"] == nlohmann::json::array({"box_muscle", "thin_nerve"}));
  // Framing takes in every selected part.
  REQUIRE(s.apply(ShowAllCommand{}));
  s.frameSelection(false);
  for (const glm::vec3 &corner :
       {s.scene().find("box_muscle")->bounds().min, s.scene().find("thin_nerve")->bounds().max}) {
    const auto p = s.camera().project(corner, s.viewportWidth(), s.viewportHeight());
    REQUIRE(p);
    CHECK(p->x >= 0.0f);
    CHECK(p->x <= static_cast<float>(s.viewportWidth()));
    CHECK(p->y >= 0.0f);
    CHECK(p->y <= static_cast<float>(s.viewportHeight()));
  }
  // Clearing clears them all.
  REQUIRE(s.apply(SelectCommand{}));
  CHECK(s.selection().empty());
}

TEST_CASE("a part the model marks 'initially ghosted' opens as x-ray, and Show all shows it", "[session]") {
  Scene scene = test::makeTestScene();
  for (Structure &s : scene.structures())
    if (s.id == "sphere_bone")
      s.extras["initially"] = "ghosted";
    else if (s.id == "thin_nerve")
      s.extras["initially"] = "hidden";
  Session s;
  s.setScene(std::move(scene));
  auto state = s.stateJson();
  CHECK(state["visibility"]["ghosted"] == nlohmann::json::array({"sphere_bone"}));
  CHECK(state["visibility"]["hidden"] == nlohmann::json::array({"thin_nerve"}));
  REQUIRE(s.apply(ShowAllCommand{}));
  CHECK(s.stateJson()["visibility"]["ghosted"].empty());
  CHECK(s.stateJson()["visibility"]["hidden"].empty());
}

TEST_CASE("the standard views frame the model without the parts it opens as context", "[session]") {
  Scene scene = test::makeTestScene();
  Session plain;
  plain.setScene(scene);
  plain.setViewport(1280, 720);
  plain.setStandardView(StandardView::Anterior, false);
  for (Structure &s : scene.structures())
    if (s.id == "sphere_bone")
      s.extras["initially"] = "ghosted";
  Session context;
  context.setScene(std::move(scene));
  context.setViewport(1280, 720);
  context.setStandardView(StandardView::Anterior, false);
  const Bounds rest = context.viewBounds();
  CHECK(rest.max.x < plain.viewBounds().max.x); // the sphere on the +X side is left out
  // The camera frames the rest: the rest is centred in the picture, as it is not when the sphere
  // counts (the sphere lies out to one side of it).
  const auto restMiddle = [&](const Session &s) {
    float low = 1e9f, high = -1e9f;
    context.viewPoints().forEach([&](const glm::vec3 &p) {
      if (auto q = s.camera().project(p, 1280, 720)) {
        low = std::min(low, q->x);
        high = std::max(high, q->x);
      }
    });
    return (low + high) * 0.5f;
  };
  CHECK(restMiddle(context) == Approx(640.0f).margin(6.0f));
  CHECK(std::abs(restMiddle(plain) - 640.0f) > 20.0f);
}
