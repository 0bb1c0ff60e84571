// The self-test in the real window (issue 15): while a find-it question waits, a click on the model
// is the answer (QuizPickCommand), not a selection; the answer is scored and saved to the progress file.
#include "render/run_app.h"
#include "window/x_session.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <thread>

using namespace atlas::test;
using namespace std::chrono_literals;

TEST_CASE("a click on the model answers a find-it question in the window", "[window][quiz]") {
  XSession x(1280, 720);
  const std::string progress = outputPath("progress.json"); // never the user's own progress
  std::filesystem::remove(progress);
  WindowApp app(x,
                {"--size", "1280x720", "--quiz", "find", "--seed", "6", "--questions", "2", "--progress",
                 progress, "--today", "20000"},
                kDisclaimerSeen);
  // The state names a pixel where the asked part is in front. The seed decides the question: seed 6
  // asks for the right internal jugular vein, in sight in the start-up view. (A new structure in the
  // model reshuffles the deck: seed 5 now asks for the left first rib, hidden behind the spine from
  // the start-up view, so its target pixel is null until the student turns the model.)
  const bool inSight = app.waitFor(
      [](const nlohmann::json &s) { return s["quiz"].is_object() && s["quiz"]["target_pixel"].is_array(); },
      30s);
  INFO("quiz state: " << app.state()["quiz"].dump());
  REQUIRE(inSight);
  // The start-up camera comes a few frames after the quiz: take the pixel once it stays put.
  nlohmann::json pixel;
  for (int tries = 0; tries < 20 && pixel != app.state()["quiz"]["target_pixel"]; ++tries) {
    pixel = app.state()["quiz"]["target_pixel"];
    std::this_thread::sleep_for(500ms);
    app.waitFor([](const nlohmann::json &s) { return s["quiz"]["target_pixel"].is_array(); }, 10s);
  }
  const nlohmann::json asked = app.state()["quiz"];
  REQUIRE(asked["index"] == 0);
  const std::string wanted = asked["questions"][0]["expected"][0].get<std::string>();
  const int px = static_cast<int>(asked["target_pixel"][0].get<double>());
  const int py = static_cast<int>(asked["target_pixel"][1].get<double>());
  tap(x, app, px, py);
  const bool answered = app.waitFor(
      [](const nlohmann::json &s) { return s["quiz"]["questions"][0]["given"].is_string(); }, 20s);
  INFO("after the click: " << app.state()["quiz"].dump());
  REQUIRE(answered);
  const nlohmann::json quiz = app.state()["quiz"];
  CHECK(quiz["questions"][0]["correct"] == true);
  CHECK(quiz["score"] == 1.0);
  // Practice mode shows the answer on the model: the asked part is selected.
  CHECK(app.state()["selected"] == wanted);
  // The answer is in the progress file.
  REQUIRE(std::filesystem::exists(progress));
  CHECK(readJson(progress)["cards"].contains("find:" + wanted));
}
