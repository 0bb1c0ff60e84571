// Issue 14: the function player of the session — play, loop, scrub, frame steps, the source switch,
// and what --state gets from it.
#include "model_test_support.h"
#include "session/session.h"

using namespace atlas;

namespace {
Session bundledSession() {
  Session session;
  session.setScene(test::committedModel());
  return session;
}
} // namespace

TEST_CASE("player: shows a function posed at T, plays, loops and steps", "[motion][player]") {
  Session session = bundledSession();
  FunctionAnimation &player = session.functionAnimation();
  CHECK_FALSE(player.active());
  CHECK(&session.drawnScene() == &session.scene());
  CHECK_FALSE(player.show(session.scene(), session.sceneGeneration(), "no_such_function", MotionSide::Right,
                          false, 0.0f));

  REQUIRE(player.show(session.scene(), session.sceneGeneration(), "lateral_neck_flexion", MotionSide::Right,
                      false, 0.5f));
  CHECK(player.active());
  CHECK_FALSE(player.playing());
  REQUIRE(player.posedScene());
  CHECK(&session.drawnScene() == player.posedScene());
  // The posed C2 is not where the rest C2 is.
  const Bounds rest = session.scene().find("c2")->bounds(), posed = session.drawnScene().find("c2")->bounds();
  CHECK(glm::distance(rest.center(), posed.center()) > 0.01f);

  // Playing: a second at speed 1 is a quarter of the 4 s loop; the session keeps asking for frames.
  player.setPlaying(true);
  const std::uint64_t before = player.poseGeneration();
  CHECK(session.advance(1.0f));
  CHECK(player.time() == Approx(0.75f));
  CHECK(player.poseGeneration() != before);
  session.advance(2.0f); // past the end: round to the start again
  CHECK(player.time() == Approx(0.25f));
  player.loop = false;
  session.advance(4.0f); // without loop it stops at the end, at rest
  CHECK(player.time() == Approx(1.0f));
  CHECK_FALSE(player.playing());
  CHECK(player.posedScene() == nullptr);

  // Frame steps pause and move one frame of the loop; the next advance poses there.
  player.loop = true;
  player.setTime(0.5f);
  player.setPlaying(true);
  player.step(3);
  CHECK_FALSE(player.playing());
  CHECK(player.time() == Approx(0.5f + 3.0f / FunctionAnimation::kFramesPerLoop));
  session.advance(0.0f);
  CHECK(player.posedScene());
  player.step(-1);
  CHECK(player.time() == Approx(0.5f + 2.0f / FunctionAnimation::kFramesPerLoop));

  player.stop();
  CHECK_FALSE(player.active());
  CHECK(&session.drawnScene() == &session.scene());
}

TEST_CASE("player: the state has the pose and the scalenes, and the source switch changes the breath",
          "[motion][player]") {
  Session session = bundledSession();
  FunctionAnimation &player = session.functionAnimation();
  CHECK_FALSE(session.stateJson().contains("pose"));
  REQUIRE(player.show(session.scene(), session.sceneGeneration(), "functions.respiration", MotionSide::Right,
                      false, 0.5f));
  nlohmann::json state = session.stateJson();
  REQUIRE(state.contains("pose"));
  REQUIRE(state.contains("muscles"));
  CHECK(state["animation"]["source"] == "reference");
  CHECK(state["pose"]["rib2_right"].size() == 16);
  // Column-major: the translation is in elements 12-14; rib 1 stays at rest in the references' breath.
  CHECK(state["pose"]["rib1_right"][13].get<double>() == Approx(0.0).margin(1e-9));
  const double posterior = state["muscles"]["scalenus_posterior_right"]["length_mm"];
  CHECK(posterior < state["muscles"]["scalenus_posterior_right"]["rest_length_mm"].get<double>());
  // Every scalene has a length in either source (the article describes only scalenus posterior).
  for (const auto &[id, m] : state["muscles"].items()) {
    INFO(id);
    CHECK(m["rest_length_mm"].get<double>() > 20.0);
  }

  REQUIRE(session.apply(SetSourceCommand{true}));
  state = session.stateJson();
  CHECK(state["animation"]["source"] == "article");
  CHECK(state["animation"]["time"].get<double>() == Approx(0.5));
  // The article's account lifts rib 1 (and the manubrium with it).
  CHECK(std::abs(state["pose"]["manubrium"][13].get<double>()) > 0.003);
  for (const auto &[id, m] : state["muscles"].items()) {
    INFO(id);
    CHECK(m["rest_length_mm"].get<double>() > 20.0);
  }
}
