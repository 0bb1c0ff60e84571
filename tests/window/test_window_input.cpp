// The real window under Xvfb, driven by real X input (xdotool, through XTEST): a tap, whose press and
// release arrive together, and a tapped key chord must take effect and be on screen without any
// further input. Each check reads --window-state, the state of the frame last shown.
#include "window/x_session.h"

#include <catch2/catch.hpp>
#include <thread>

using namespace atlas::test;
using namespace std::chrono_literals;

namespace {} // namespace

TEST_CASE("a tap on 'I understand' closes the disclaimer with no further input", "[window]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720"}); // a first start: the disclaimer is open
  REQUIRE(app.waitFor(
      [](const nlohmann::json &s) {
        return windowShown(s, "Disclaimer") && itemCentre(s, "disclaimer.understand");
      },
      30s));
  const auto [bx, by] = *itemCentre(app.state(), "disclaimer.understand");
  tap(x, app, bx, by);
  const bool closed = app.waitFor([](const nlohmann::json &s) { return !windowShown(s, "Disclaimer"); }, 20s);
  INFO("windows on screen: " << app.state()["interface"]["windows"].dump());
  CHECK(closed);
}

TEST_CASE("a tap on the hint selects the scalenus posterior, panels included", "[window]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720"}, kDisclaimerSeen);
  REQUIRE(app.waitFor(
      [](const nlohmann::json &s) { return itemCentre(s, "hint.show_scalenus_posterior").has_value(); },
      30s));
  const auto [bx, by] = *itemCentre(app.state(), "hint.show_scalenus_posterior");
  tap(x, app, bx, by);
  const bool shown = app.waitFor(
      [](const nlohmann::json &s) {
        return s["selected"] == "scalenus_posterior_right" && s["interface"]["selected"] == s["selected"] &&
               !s["highlighted"].empty();
      },
      20s);
  INFO("selected: " << app.state()["selected"]
                    << ", panels built for: " << app.state()["interface"]["selected"]);
  CHECK(shown);
}

TEST_CASE("a tap on the model selects what is under it, and the panels show it", "[window]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720", "--view", "posterior"}, kDisclaimerSeen);
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return s["camera"]["view"] == "posterior"; }, 30s));
  // The middle of the 3D view, from behind: the spinous processes of the vertebrae.
  const nlohmann::json area = app.state()["view_area"];
  const int cx = area[0].get<int>() + area[2].get<int>() / 2,
            cy = area[1].get<int>() + area[3].get<int>() / 2;
  tap(x, app, cx, cy);
  const bool shown = app.waitFor(
      [](const nlohmann::json &s) {
        return !s["selected"].is_null() && s["interface"]["selected"] == s["selected"];
      },
      20s);
  INFO("selected: " << app.state()["selected"]
                    << ", panels built for: " << app.state()["interface"]["selected"]);
  CHECK(shown);
}

TEST_CASE("a tapped Ctrl+Q quits", "[window]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720"}, kDisclaimerSeen);
  x.xdotool({"mousemove", "--window", app.windowId(), "640", "360"});
  x.xdotool({"windowfocus", "--sync", app.windowId()});
  std::this_thread::sleep_for(500ms);
  x.xdotool({"key", "ctrl+q"}); // press Ctrl, press Q, release Q, release Ctrl: one burst
  const std::optional<int> code = app.process().waitExit(30s);
  INFO("the app's stderr: " << app.stderrText());
  REQUIRE(code.has_value());
  CHECK(*code == 0);
}
