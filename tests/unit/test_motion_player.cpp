// Issue 14: the function player of the session — play, loop, scrub, frame steps, the source switch,
// and what --state gets from it.
#include "content/article.h"
#include "session/session.h"

#include "article_test_support.h"
#include "model_test_support.h"

#include <chrono>
#include <thread>

using namespace atlas;

namespace {
Session bundledSession() {
  Session session;
  session.setScene(test::committedModel());
  return session;
}
// With the knowledge base and the article, as the viewer has it: what the function commands need.
Session sessionWithArticle() {
  Session session = bundledSession();
  session.setKnowledge(test::contentKnowledge());
  static const auto article = std::make_shared<const content::Article>(
      content::loadArticleWith(std::string(ATLAS_SOURCE_DIR) + "/content", test::contentKnowledge()));
  session.article = article;
  session.setViewport(1280, 720);
  return session;
}

std::vector<std::string> highlighted(const Session &session) {
  std::vector<std::string> ids;
  for (const Highlight &h : session.view().highlights)
    ids.push_back(session.scene().structures()[static_cast<std::size_t>(h.structure)].id);
  return ids;
}

bool has(const std::vector<std::string> &ids, const std::string &id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
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
  // Column-major: the translation is in elements 12-14; the manubrium rides up with the first ribs.
  CHECK(state["pose"]["manubrium"][13].get<double>() > 0.003);
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
  // The article credits scalenus posterior with rib 1: a different action, and it works alone.
  CHECK(state["animation"]["action"] == "rib 1 elevation (deep breath)");
  CHECK(state["animation"]["working"].size() == 2);
  for (const auto &[id, m] : state["muscles"].items()) {
    INFO(id);
    CHECK(m["rest_length_mm"].get<double>() > 20.0);
  }
}

TEST_CASE("player: the function commands light the working muscles and their other side, and they glow "
          "with the contraction",
          "[motion][player]") {
  Session session = sessionWithArticle();
  CHECK_FALSE(session.apply(ShowFunctionCommand{"no_such_function"}));
  CHECK_FALSE(session.apply(PlayFunctionCommand{true})); // nothing shown yet

  // The left muscle selected: the function plays on the left.
  REQUIRE(session.apply(SelectCommand{"scalenus_medius_left"}));
  REQUIRE(session.apply(ShowFunctionCommand{"lateral_neck_flexion", 0.5f, /*play=*/false}));
  const FunctionAnimation &player = session.functionAnimation();
  REQUIRE(player.motion());
  CHECK(player.motion()->side == MotionSide::Left);
  CHECK(session.articleView.shownFunction == "functions.lateral_neck_flexion");
  CHECK(session.articleView.panel == content::ReadingPanel::Functions);
  const std::vector<std::string> lit = highlighted(session);
  CHECK(session.scene().structures()[static_cast<std::size_t>(session.selected())].id ==
        "scalenus_posterior_left");
  for (const std::string &id : player.motion()->active) {
    INFO(id);
    CHECK(isLeftId(id));
    CHECK(has(lit, id));              // working
    CHECK(has(lit, otherSideId(id))); // stretched by the bend
  }
  // The working muscles glow in proportion to the contraction: fully at the peak, the others not.
  const int working = session.scene().indexOf("scalenus_anterior_left");
  const int stretched = session.scene().indexOf("scalenus_anterior_right");
  const glm::vec4 grey(0.5f, 0.5f, 0.5f, 1.0f);
  CHECK(session.view().styleFor(working, grey).glow == Approx(1.0f));
  CHECK(session.view().styleFor(stretched, grey).glow == 0.0f);
  CHECK(session.stateJson()["animation"]["contraction"].get<double>() == Approx(1.0));

  // The player: steps and scrubs pause and move T (the glow follows); rest ends it.
  REQUIRE(session.apply(PlayFunctionCommand{true}));
  CHECK(player.playing());
  REQUIRE(session.apply(StepFunctionCommand{-6}));
  CHECK_FALSE(player.playing());
  CHECK(player.time() == Approx(0.5f - 6.0f / FunctionAnimation::kFramesPerLoop));
  REQUIRE(session.apply(SeekFunctionCommand{0.25f}));
  CHECK(player.time() == Approx(0.25f));
  CHECK(session.view().styleFor(working, grey).glow == Approx(loopWeight(0.25f)));
  REQUIRE(session.apply(SetFunctionPlaybackCommand{9.0f, false}));
  CHECK(player.speed == 2.0f); // the slider's range
  CHECK_FALSE(player.loop);
  REQUIRE(session.apply(RestFunctionCommand{}));
  CHECK_FALSE(player.active());
  CHECK(session.view().styleFor(working, grey).glow == 0.0f);
  CHECK_FALSE(session.stateJson().contains("pose"));

  // Stabilisation: both sides work and nothing moves, so no side is shown stretching.
  REQUIRE(session.apply(ShowFunctionCommand{"cervical_stabilization", 0.5f, false}));
  REQUIRE(player.motion());
  CHECK_FALSE(player.motion()->moves);
}

TEST_CASE("player: played from rest, the pose comes once the skin built on a worker is ready",
          "[motion][player]") {
  Session session = bundledSession();
  FunctionAnimation &player = session.functionAnimation();
  // Shown at rest: nothing is posed yet, and the skin's weights are being built on a worker.
  REQUIRE(player.show(session.scene(), session.sceneGeneration(), "lateral_neck_flexion", MotionSide::Right,
                      false, 0.0f));
  CHECK(player.posedScene() == nullptr);
  player.setPlaying(true);
  // Each frame moves T on; the pose appears as soon as the worker is done (seconds at most, more
  // under the sanitizers), and from then on every frame is posed.
  int frames = 0;
  while (!player.skinnedDraw() && frames < 20000) {
    session.advance(1.0f / 600.0f);
    ++frames;
    if (!player.skinnedDraw())
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  INFO(frames << " frames before the first pose");
  REQUIRE(player.skinnedDraw());
  REQUIRE(player.skin());
  CHECK(player.posedScene());
  const Bounds rest = session.scene().find("c2")->bounds(), posed = session.drawnScene().find("c2")->bounds();
  CHECK(glm::distance(rest.center(), posed.center()) > 1e-4f);

  // A new model while a skin is being built for the old one: the worker finishes before the model goes.
  Session other = bundledSession();
  REQUIRE(other.functionAnimation().show(other.scene(), other.sceneGeneration(), "respiration",
                                         MotionSide::Right, false, 0.0f));
  other.setScene(test::committedModel());
  CHECK_FALSE(other.functionAnimation().active());
  CHECK(&other.drawnScene() == &other.scene());
}
