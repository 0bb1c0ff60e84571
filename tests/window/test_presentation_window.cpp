// Presentation mode in the real window (issue 16): the keys a presentation clicker sends (Page Down,
// Page Up, space, the arrows) step through the lesson, the camera glides between steps, stepping past
// the last step stays there, and Esc leaves presentation mode with the lesson still open.
#include "render/run_app.h"
#include "window/x_session.h"

#include <catch2/catch.hpp>

using namespace atlas::test;
using namespace std::chrono_literals;

namespace {

bool atStep(const nlohmann::json &s, int step) {
  return s["lesson"].is_object() && s["lesson"]["step"] == step;
}

} // namespace

TEST_CASE("presentation keys step through a lesson in the window and Esc leaves", "[window][lesson]") {
  XSession x(1280, 720);
  const std::string lesson =
      std::string(ATLAS_SOURCE_DIR) + "/content/lessons/01_scalenus_posterior_five_minutes.yaml";
  WindowApp app(x, {"--size", "1280x720", "--lesson", lesson, "--present"}, kDisclaimerSeen);
  // The first frame waits for the model and the content (slower under the sanitizers).
  const bool started = app.waitFor(
      [](const nlohmann::json &s) { return atStep(s, 1) && s["lesson"]["presenting"] == true; }, 90s);
  INFO("state: " << app.state().dump().substr(0, 2000) << "\nstderr: " << app.stderrText());
  REQUIRE(started);
  // No menu bar or side panels while presenting: the view starts at the top and spans the height.
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return s["view_area"][1] == 0; }, 10s));
  CHECK(app.state()["view_area"][3] == 720);
  CHECK(app.state()["view_area"][2].get<int>() >= 640);

  const auto press = [&](const char *key) { x.xdotool({"key", "--window", app.windowId(), key}); };
  press("Next"); // Page Down, what most clickers send
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return atStep(s, 2); }, 10s));
  press("space");
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return atStep(s, 3); }, 10s));
  press("Right");
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return atStep(s, 4); }, 10s));
  press("Prior"); // Page Up
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return atStep(s, 3); }, 10s));
  press("Left");
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return atStep(s, 2); }, 10s));
  CHECK(app.state()["selected"] == "scalenus_posterior_right");
  // Past the end nothing moves.
  for (int i = 0; i < 6; ++i)
    press("Next");
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return atStep(s, 5); }, 10s));
  press("Escape");
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return s["lesson"]["presenting"] == false; }, 10s));
  CHECK(app.state()["lesson"]["step"] == 5); // the lesson stays open where it was
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return s["view_area"][1].get<int>() > 0; }, 10s));
}
