// Settings > UI scale and the structure search in the real window under Xvfb, driven by real X input
// (xdotool). The scale changes when the slider is let go, to the value where it was dropped: the
// fonts it rebuilds must not feed the drag (a short drag from 1.25 once ran to 3.00).
#include "window/x_session.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <thread>

using namespace atlas::test;
using namespace std::chrono_literals;

namespace {

const std::string kSettings = R"({"disclaimer_seen": true, "ui_scale": 1.25})";

float uiScale(const nlohmann::json &s) {
  const nlohmann::json &v = s["interface"]["ui_scale"];
  return v.is_number() ? v.get<float>() : -1.0f;
}

// Opens Settings and waits for the scale slider.
void openSettings(const XSession &x, WindowApp &app) {
  REQUIRE(
      app.waitFor([](const nlohmann::json &s) { return itemCentre(s, "menu.settings").has_value(); }, 30s));
  const auto [mx, my] = *itemCentre(app.state(), "menu.settings");
  tap(x, app, mx, my);
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return itemCentre(s, "settings.ui_scale").has_value(); },
                      20s));
}

} // namespace

TEST_CASE("a short drag of the UI scale slider sets the scale where it is dropped", "[window][ui_scale]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720"}, kSettings);
  openSettings(x, app);
  REQUIRE(uiScale(app.state()) == Approx(1.25f));
  const nlohmann::json r = app.state()["interface"]["items"]["settings.ui_scale"];
  const float left = r[0].get<float>(), width = r[2].get<float>();
  const int y = static_cast<int>(r[1].get<float>() + r[3].get<float>() * 0.5f);
  // The handle at 1.25, then 0.5 (a quarter of the slider's 0.75..3.0 range) to the right, in steps.
  const auto xAt = [&](float value) { return static_cast<int>(left + (value - 0.75f) / 2.25f * width); };
  const int from = xAt(1.25f), to = xAt(1.75f);
  x.xdotool({"mousemove", "--window", app.windowId(), std::to_string(from), std::to_string(y)});
  std::this_thread::sleep_for(500ms);
  x.xdotool({"mousedown", "1"});
  std::this_thread::sleep_for(200ms);
  for (int step = 1; step <= 10; ++step) {
    const int px = from + (to - from) * step / 10;
    x.xdotool({"mousemove", "--window", app.windowId(), std::to_string(px), std::to_string(y)});
    std::this_thread::sleep_for(120ms);
  }
  std::this_thread::sleep_for(500ms);
  x.xdotool({"mouseup", "1"});
  const bool changed = app.waitFor([](const nlohmann::json &s) { return uiScale(s) != 1.25f; }, 20s);
  std::this_thread::sleep_for(1s); // a scale that kept running would show now
  app.waitFor([](const nlohmann::json &) { return true; }, 1s);
  const float dropped = uiScale(app.state());
  INFO("scale after the drag: " << dropped);
  CHECK(changed);
  // What the drop position means on the slider as it was drawn (the handle's width aside).
  CHECK(dropped == Approx(1.75f).margin(0.12f));
}

TEST_CASE("the UI scale's + button adds one step, and the menu still fits at 3.0", "[window][ui_scale]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720"}, R"({"disclaimer_seen": true, "ui_scale": 2.75})");
  openSettings(x, app);
  REQUIRE(uiScale(app.state()) == Approx(2.75f));
  const auto [px, py] = *itemCentre(app.state(), "settings.ui_scale_up");
  tap(x, app, px, py);
  const bool stepped = app.waitFor([](const nlohmann::json &s) { return uiScale(s) != 2.75f; }, 20s);
  INFO("scale after +: " << uiScale(app.state()));
  CHECK(stepped);
  CHECK(uiScale(app.state()) == Approx(3.0f));
  // At 3.0 every control of the menu is inside the 1280x720 window and can be reached.
  REQUIRE(app.waitFor(
      [](const nlohmann::json &s) {
        return uiScale(s) == 3.0f && itemCentre(s, "settings.ui_scale_down") &&
               itemCentre(s, "settings.ui_scale");
      },
      20s));
  for (const char *name : {"settings.ui_scale_down", "settings.ui_scale", "settings.ui_scale_up"}) {
    const nlohmann::json r = app.state()["interface"]["items"][name];
    INFO(name << " at " << r.dump());
    CHECK(r[0].get<float>() >= 0.0f);
    CHECK(r[1].get<float>() >= 0.0f);
    CHECK(r[0].get<float>() + r[2].get<float>() <= 1280.0f);
    CHECK(r[1].get<float>() + r[3].get<float>() <= 720.0f);
  }
  // And at 3.0 the - button still answers.
  const auto [dx, dy] = *itemCentre(app.state(), "settings.ui_scale_down");
  tap(x, app, dx, dy);
  CHECK(app.waitFor([](const nlohmann::json &s) { return uiScale(s) == 2.75f; }, 20s));
}

TEST_CASE("a click that closes the Settings menu does not reach the 3D view", "[window][ui_scale]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720", "--view", "posterior"}, kSettings);
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return s["camera"]["view"] == "posterior"; }, 30s));
  openSettings(x, app);
  const std::string cameraBefore = app.state()["camera"].dump();
  // The middle of the 3D view, from behind: the spine, which a click there would select.
  const nlohmann::json area = app.state()["view_area"];
  const int cx = area[0].get<int>() + area[2].get<int>() / 2,
            cy = area[1].get<int>() + area[3].get<int>() / 2;
  tap(x, app, cx, cy);
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return !itemCentre(s, "settings.ui_scale"); }, 20s));
  std::this_thread::sleep_for(1s);
  app.waitFor([](const nlohmann::json &) { return true; }, 1s);
  INFO("selected: " << app.state()["selected"]);
  CHECK(app.state()["selected"].is_null());
  CHECK(app.state()["camera"].dump() == cameraBefore);
}

TEST_CASE("a structure search without matches says so and can be cleared", "[window][search]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720"}, kSettings);
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return itemCentre(s, "structures.search").has_value(); },
                      30s));
  CHECK_FALSE(itemCentre(app.state(), "structures.search_clear"));
  const auto [fx, fy] = *itemCentre(app.state(), "structures.search");
  tap(x, app, fx, fy);
  std::this_thread::sleep_for(500ms);
  x.xdotool({"type", "--delay", "80", "xyzzy"});
  const bool message = app.waitFor(
      [](const nlohmann::json &s) {
        return itemCentre(s, "structures.no_match") && itemCentre(s, "structures.search_clear");
      },
      20s);
  CHECK(message);
  REQUIRE(itemCentre(app.state(), "structures.search_clear"));
  const auto [cx, cy] = *itemCentre(app.state(), "structures.search_clear");
  tap(x, app, cx, cy);
  const bool cleared = app.waitFor(
      [](const nlohmann::json &s) {
        return !itemCentre(s, "structures.no_match") && !itemCentre(s, "structures.search_clear") &&
               itemCentre(s, "structures.row.c7");
      },
      20s);
  CHECK(cleared);
}

TEST_CASE("the article's outline follows the section scrolled into view", "[window][reading]") {
  XSession x(1280, 720);
  // c5 is mentioned in several sections: they are open, and the first of them is current.
  WindowApp app(x, {"--size", "1280x720", "--select", "c5", "--panel", "article"}, kSettings);
  REQUIRE(app.waitFor(
      [](const nlohmann::json &s) {
        return itemCentre(s, "article.body").has_value() && s["article"]["section"].is_string();
      },
      30s));
  std::this_thread::sleep_for(1s);
  app.waitFor([](const nlohmann::json &) { return true; }, 1s);
  const std::string first = app.state()["article"]["section"];
  const auto [bx, by] = *itemCentre(app.state(), "article.body");
  x.xdotool({"mousemove", "--window", app.windowId(), std::to_string(bx), std::to_string(by)});
  std::this_thread::sleep_for(500ms);
  for (int i = 0; i < 6; ++i) { // the wheel, down, a notch at a time
    x.xdotool({"click", "--repeat", "10", "--delay", "30", "5"});
    std::this_thread::sleep_for(200ms);
  }
  const bool followed =
      app.waitFor([&first](const nlohmann::json &s) { return s["article"]["section"] != first; }, 20s);
  INFO("section before: " << first << ", after scrolling: " << app.state()["article"]["section"]);
  CHECK(followed);
}

TEST_CASE("a narrow structure list cuts a hovered row's name short of its buttons", "[window][structures]") {
  XSession x(1280, 720);
  // With the Info panel open on the right, the list is narrow: a row's buttons show on hover only.
  WindowApp app(x, {"--size", "1280x720", "--select", "scalenus_posterior_right"}, kSettings);
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return itemCentre(s, "structures.row.c5").has_value(); },
                      30s));
  CHECK_FALSE(app.state()["interface"]["items"].contains("structures.buttons.c5"));
  const auto [rx, ry] = *itemCentre(app.state(), "structures.row.c5");
  x.xdotool({"mousemove", "--window", app.windowId(), std::to_string(rx), std::to_string(ry)});
  const bool shown = app.waitFor(
      [](const nlohmann::json &s) {
        return s["interface"]["items"].contains("structures.buttons.c5") &&
               s["interface"]["items"].contains("structures.name.c5");
      },
      20s);
  REQUIRE(shown);
  std::this_thread::sleep_for(300ms); // a frame or two more: the name takes its hovered width
  app.waitFor([](const nlohmann::json &) { return true; }, 1s);
  const nlohmann::json items = app.state()["interface"]["items"];
  REQUIRE(items.contains("structures.buttons.c5"));
  const float nameRight =
      items["structures.name.c5"][0].get<float>() + items["structures.name.c5"][2].get<float>();
  const float buttonsLeft = items["structures.buttons.c5"][0].get<float>();
  INFO("name ends at x = " << nameRight << ", buttons start at x = " << buttonsLeft);
  CHECK(nameRight <= buttonsLeft);
  // Another row keeps its full width and no buttons.
  CHECK_FALSE(items.contains("structures.buttons.c6"));
}
