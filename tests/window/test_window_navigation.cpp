// Moving about the model in the real window: the wheel zooms toward what is under the cursor, and Esc
// closes an open menu without clearing the selection.
#include "render/run_app.h"
#include "window/x_session.h"

#include <catch2/catch.hpp>
#include <glm/glm.hpp>
#include <map>
#include <set>
#include <thread>

using namespace atlas::test;
using namespace std::chrono_literals;

namespace {

glm::dvec3 vec(const nlohmann::json &v) {
  return {v[0].get<double>(), v[1].get<double>(), v[2].get<double>()};
}

} // namespace

TEST_CASE("the wheel zooms toward the point under the cursor", "[window][navigation]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720", "--view", "posterior"}, kDisclaimerSeen);
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return s["camera"]["view"] == "posterior"; }, 30s));
  const nlohmann::json start = app.state();
  const auto [cx, cy] = viewCentre(start);
  // Above the centre, on the upper vertebrae seen from behind.
  const int px = cx, py = cy - start["view_area"][3].get<int>() / 5;
  x.xdotool({"mousemove", "--window", app.windowId(), std::to_string(px), std::to_string(py)});
  std::this_thread::sleep_for(700ms);
  x.xdotool({"click", "--repeat", "3", "--delay", "150", "4"}); // button 4: the wheel, away from the user
  const double distance = start["camera"]["distance"].get<double>();
  const bool zoomed = app.waitFor(
      [distance](const nlohmann::json &s) { return s["camera"]["distance"].get<double>() < distance * 0.8; },
      20s);
  REQUIRE(zoomed);
  std::this_thread::sleep_for(500ms);
  app.waitFor([](const nlohmann::json &) { return true; }, 1s);
  const glm::dvec3 moved = vec(app.state()["camera"]["target"]) - vec(start["camera"]["target"]);
  const glm::dvec3 up = vec(start["camera"]["up"]);
  INFO("target moved by " << moved.x << ", " << moved.y << ", " << moved.z);
  // Toward the point above the centre: up the screen, and by a fair share of the distance to it.
  CHECK(glm::dot(moved, up) > 0.02 * distance);
}

// Taps the middle of the 3D view to select what is there, then hides the labels (L), which would lie
// over the model, and puts the pointer on the middle of the view again (the info panel narrows it).
static void selectAtCentre(const XSession &x, WindowApp &app) {
  const auto [cx, cy] = viewCentre(app.state());
  x.xdotool({"mousemove", "--window", app.windowId(), std::to_string(cx), std::to_string(cy)});
  std::this_thread::sleep_for(700ms);
  x.xdotool({"click", "1"});
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return !s["selected"].is_null(); }, 20s));
  x.xdotool({"windowfocus", "--sync", app.windowId()});
  std::this_thread::sleep_for(500ms);
  x.xdotool({"key", "l"});
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return s["labels"] == false; }, 20s));
  const auto [nx, ny] = viewCentre(app.state());
  x.xdotool({"mousemove", "--window", app.windowId(), std::to_string(nx), std::to_string(ny)});
  std::this_thread::sleep_for(700ms);
}

static bool menuShown(const nlohmann::json &s) {
  return itemCentre(s, "structure-menu.isolate-system").has_value();
}

TEST_CASE("Esc closes the right-click menu and keeps the selection", "[window][navigation]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720", "--view", "posterior"}, kDisclaimerSeen);
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return s["camera"]["view"] == "posterior"; }, 30s));
  selectAtCentre(x, app);
  const nlohmann::json selected = app.state()["selected"];
  x.xdotool({"click", "3"}); // the spine, in the middle of the view
  REQUIRE(app.waitFor(menuShown, 20s));
  x.xdotool({"key", "Escape"});
  const bool closed = app.waitFor([](const nlohmann::json &s) { return !menuShown(s); }, 20s);
  CHECK(closed);
  std::this_thread::sleep_for(500ms);
  app.waitFor([](const nlohmann::json &) { return true; }, 1s);
  CHECK(app.state()["selected"] == selected);
  // A second Esc, with no menu open, clears the selection as before.
  x.xdotool({"key", "Escape"});
  CHECK(app.waitFor([](const nlohmann::json &s) { return s["selected"].is_null(); }, 20s));
}

TEST_CASE("the right-click menu isolates the whole group of what is under the cursor",
          "[window][navigation]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720", "--view", "posterior"}, kDisclaimerSeen);
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return s["camera"]["view"] == "posterior"; }, 30s));
  const auto [cx, cy] = viewCentre(app.state());
  x.xdotool({"mousemove", "--window", app.windowId(), std::to_string(cx), std::to_string(cy)});
  std::this_thread::sleep_for(700ms);
  x.xdotool({"click", "3"});
  REQUIRE(app.waitFor(menuShown, 20s));
  const auto [mx, my] = *itemCentre(app.state(), "structure-menu.isolate-system");
  x.xdotool({"mousemove", "--window", app.windowId(), std::to_string(mx), std::to_string(my)});
  std::this_thread::sleep_for(700ms);
  x.xdotool({"click", "1"});
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return !s["visibility"]["hidden"].empty(); }, 20s));
  // What is still shown is one whole system: every structure of it, and nothing else.
  const AppRun listed = runApp({"--list"});
  REQUIRE(listed.exitCode == 0);
  std::set<std::string> hidden;
  for (const auto &id : app.state()["visibility"]["hidden"])
    hidden.insert(id.get<std::string>());
  std::map<std::string, int> shownBySystem, allBySystem;
  for (const auto &s : nlohmann::json::parse(listed.out)) {
    ++allBySystem[s["system"].get<std::string>()];
    if (!hidden.count(s["id"].get<std::string>()))
      ++shownBySystem[s["system"].get<std::string>()];
  }
  INFO("hidden: " << app.state()["visibility"]["hidden"].dump());
  REQUIRE(shownBySystem.size() == 1);
  CHECK(shownBySystem.begin()->second == allBySystem[shownBySystem.begin()->first]);
  CHECK(shownBySystem.begin()->second > 1);
}
