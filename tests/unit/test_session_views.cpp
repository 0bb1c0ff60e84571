// Session on the bundled model: showing a group, framing a structure from where it is in sight, and
// a function's clean view that gives the user's camera and visibility back afterwards.
#include "model_test_support.h"
#include "session/session.h"

#include <catch2/catch.hpp>

using namespace atlas;

namespace {
Session bundledSession(StandardView view) {
  Session s;
  s.setScene(test::committedModel());
  s.setViewport(1280, 720);
  s.setStandardView(view, false);
  return s;
}
void settle(Session &s) {
  for (int i = 0; i < 200 && s.advance(0.05f); ++i) {
  }
}
std::optional<int> centrePick(const Session &s) {
  return s.structureAt(s.viewportWidth() * 0.5f, s.viewportHeight() * 0.5f);
}
} // namespace

TEST_CASE("isolating a system shows all of it and hides the rest, in one command", "[session][groups]") {
  Session s = bundledSession(StandardView::Anterior);
  REQUIRE(s.apply(SetVisibilityCommand{"scalenus_medius_left", Visibility::Hidden}));
  REQUIRE(s.apply(IsolateSystemCommand{System::Muscle}));
  const auto &structures = s.scene().structures();
  int muscles = 0;
  for (std::size_t i = 0; i < structures.size(); ++i) {
    INFO(structures[i].id);
    const bool muscle = structures[i].system == System::Muscle;
    muscles += muscle;
    CHECK(s.view().visibility(static_cast<int>(i)) == (muscle ? Visibility::Visible : Visibility::Hidden));
  }
  CHECK(muscles == 6); // the three scalenes, both sides
  // The hidden list in --state names everything but the muscles.
  CHECK(s.stateJson()["visibility"]["hidden"].size() == structures.size() - 6);
}

TEST_CASE("selecting and framing a structure on the far side turns to a view where it is in sight",
          "[session][frame]") {
  for (StandardView from : {StandardView::Anterior, StandardView::Posterior, StandardView::Right}) {
    for (const char *id : {"scalenus_medius_left", "scalenus_posterior_left", "scalenus_anterior_right"}) {
      INFO("from " << standardViewName(from) << ", framing " << id);
      Session s = bundledSession(from);
      REQUIRE(s.apply(SelectCommand{id, true}));
      settle(s);
      const std::optional<int> hit = centrePick(s);
      REQUIRE(hit.has_value());
      CHECK(s.scene().structures()[static_cast<std::size_t>(*hit)].id == id);
    }
  }
}

TEST_CASE("framing from a view that already shows the structure keeps that direction", "[session][frame]") {
  // The manubrium faces the anterior view (since issue 12 the jugular vein and the phrenic nerve lie
  // over much of scalenus anterior's front, as in life).
  Session s = bundledSession(StandardView::Anterior);
  const glm::vec3 forward = s.camera().forward();
  REQUIRE(s.apply(SelectCommand{"manubrium", true}));
  settle(s);
  CHECK(glm::dot(s.camera().forward(), forward) == Approx(1.0f).margin(1e-4));
}

TEST_CASE("a function's view is clean, and the user's camera and visibility come back after",
          "[session][function]") {
  Session s = bundledSession(StandardView::Anterior);
  // The user has zoomed in close and x-rayed the bones.
  s.camera().zoom(0.1f);
  REQUIRE(s.apply(SetSystemVisibilityCommand{System::Bone, Visibility::Ghosted}));
  REQUIRE(s.apply(SetVisibilityCommand{"c5_ventral_ramus_left", Visibility::Hidden}));
  const Camera user = s.camera();
  const nlohmann::json userVisibility = s.stateJson()["visibility"];

  REQUIRE(s.apply(ShowPartsCommand{"scalenus_anterior_right", {"rib1_right"}, true, true}));
  settle(s);
  CHECK(s.inFunctionView());
  const nlohmann::json shown = s.stateJson();
  CHECK(shown["visibility"]["hidden"].empty());
  CHECK(shown["visibility"]["ghosted"].empty());
  CHECK(shown["selected"] == "scalenus_anterior_right");
  // Not the close-up: the muscle and the rib it lifts are framed, and the muscle is in sight.
  CHECK(s.camera().distance > user.distance * 3.0f);
  const std::optional<int> hit = centrePick(s);
  REQUIRE(hit.has_value());
  const std::string centre = s.scene().structures()[static_cast<std::size_t>(*hit)].id;
  CHECK(centre == "scalenus_anterior_right");

  // Another selection leaves the function's view: the user's visibility and camera come back.
  REQUIRE(s.apply(SelectCommand{"c5"}));
  settle(s);
  CHECK_FALSE(s.inFunctionView());
  CHECK(s.stateJson()["visibility"] == userVisibility);
  CHECK(s.camera().distance == Approx(user.distance));
  CHECK(glm::length(s.camera().target - user.target) == Approx(0.0f).margin(1e-5));
  CHECK(glm::dot(s.camera().forward(), user.forward()) == Approx(1.0f).margin(1e-5));
}

TEST_CASE("clearing the selection also leaves a function's view", "[session][function]") {
  Session s = bundledSession(StandardView::Anterior);
  REQUIRE(s.apply(SetVisibilityCommand{"c4", Visibility::Hidden}));
  REQUIRE(s.apply(ShowPartsCommand{"scalenus_medius_right", {}, false, true}));
  CHECK(s.stateJson()["visibility"]["hidden"].empty());
  REQUIRE(s.apply(SelectCommand{}));
  CHECK(s.stateJson()["visibility"]["hidden"] == nlohmann::json::array({"c4"}));
}
