// The function player in the real window (issue 14): the keys (space, comma, period) and the Functions
// panel's controls (Play/Pause, frame steps, Rest) move the function shown on the model, read back from
// --window-state's "animation". Each control and key is a Command: the same path a test or the
// command line takes, here reached by real X input.
#include "window/x_session.h"

#include <catch2/catch.hpp>
#include <thread>

using namespace atlas::test;
using namespace std::chrono_literals;

namespace {

bool shown(const nlohmann::json &s) {
  return s.contains("animation") && s["animation"].is_object();
}
double timeOf(const nlohmann::json &s) {
  return shown(s) ? s["animation"]["time"].get<double>() : -1.0;
}
bool playing(const nlohmann::json &s) {
  return shown(s) && s["animation"]["playing"] == true;
}
// One frame of the loop (FunctionAnimation::kFramesPerLoop = 120).
constexpr double kFrame = 1.0 / 120.0;

} // namespace

TEST_CASE("the function player answers its keys and its buttons in the window", "[window][animation]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720", "--show-function", "lateral_neck_flexion"}, kDisclaimerSeen);
  REQUIRE(app.waitFor(
      [](const nlohmann::json &s) {
        return shown(s) && itemCentre(s, "functions.play").has_value() && itemCentre(s, "functions.rest");
      },
      90s));
  INFO("stderr: " << app.stderrText());
  CHECK(timeOf(app.state()) == Approx(0.0));
  CHECK_FALSE(playing(app.state()));
  // The working muscles are named in the state (they glow on the model).
  CHECK(app.state()["animation"]["working"].size() == 3);

  // Keys go to the 3D view: the pointer over it and the window focused.
  const auto [cx, cy] = viewCentre(app.state());
  x.xdotool({"mousemove", "--window", app.windowId(), std::to_string(cx), std::to_string(cy)});
  x.xdotool({"windowfocus", "--sync", app.windowId()});
  std::this_thread::sleep_for(300ms);
  // The first pose away from rest builds the skinning weights (seconds under the sanitizers).
  x.xdotool({"key", "period"});
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return timeOf(s) > 0.5 * kFrame; }, 90s));
  x.xdotool({"key", "period"});
  x.xdotool({"key", "period"});
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return timeOf(s) > 2.5 * kFrame; }, 30s));
  CHECK(timeOf(app.state()) == Approx(3 * kFrame).margin(1e-4));
  x.xdotool({"key", "comma"});
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return timeOf(s) < 2.5 * kFrame; }, 30s));
  CHECK(timeOf(app.state()) == Approx(2 * kFrame).margin(1e-4));
  CHECK_FALSE(playing(app.state()));

  // Space plays and pauses; while it plays T moves on by itself.
  x.xdotool({"key", "space"});
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return playing(s) && timeOf(s) > 0.05; }, 60s));
  x.xdotool({"key", "space"});
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return shown(s) && !playing(s); }, 30s));
  const double paused = timeOf(app.state());
  std::this_thread::sleep_for(500ms);
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return shown(s); }, 5s));
  CHECK(timeOf(app.state()) == Approx(paused)); // paused stays put

  // The panel's buttons: Play, then Pause (the same button), a frame step, then Rest.
  const auto click = [&](const char *item) {
    REQUIRE(app.waitFor([item](const nlohmann::json &s) { return itemCentre(s, item).has_value(); }, 30s));
    const auto [px, py] = *itemCentre(app.state(), item);
    tap(x, app, px, py);
  };
  click("functions.play");
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return playing(s); }, 30s));
  click("functions.play");
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return shown(s) && !playing(s); }, 30s));
  const double before = timeOf(app.state());
  click("functions.step_forward");
  REQUIRE(app.waitFor(
      [before](const nlohmann::json &s) { return std::abs(timeOf(s) - before - kFrame) < 1e-4; }, 30s));
  click("functions.rest");
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return !shown(s); }, 30s));
  CHECK_FALSE(app.state().contains("pose"));
}
