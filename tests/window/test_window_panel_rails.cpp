// P folds the side panels to thin rails in the real window, giving the 3D view the width, and a rail's
// arrow (or P again) brings them back. Read from --window-state's "layout".
#include "window/x_session.h"

#include <catch2/catch.hpp>
#include <set>
#include <thread>

using namespace atlas::test;
using namespace std::chrono_literals;

namespace {

std::set<std::string> panelNames(const nlohmann::json &state) {
  std::set<std::string> names;
  if (state.contains("layout") && state["layout"].is_object())
    for (const auto &p : state["layout"]["panels"])
      names.insert(p["name"].get<std::string>());
  return names;
}

float viewWidth(const nlohmann::json &state) {
  return state["layout"]["view"][2].get<float>();
}

} // namespace

TEST_CASE("P folds the side panels to rails and a rail's arrow unfolds them", "[window][layout]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720", "--select", "scalenus_posterior_right"}, kDisclaimerSeen);
  const std::set<std::string> open{"left", "right"};
  REQUIRE(app.waitFor([&open](const nlohmann::json &s) { return panelNames(s) == open; }, 30s));
  const float before = viewWidth(app.state());
  CHECK(before >= 640.0f); // both panels open leave the model half of the width

  x.xdotool({"mousemove", "--window", app.windowId(), "640", "400"});
  x.xdotool({"windowfocus", "--sync", app.windowId()});
  std::this_thread::sleep_for(500ms);
  x.xdotool({"key", "p"});
  const std::set<std::string> rails{"Panels rail (left)", "Panels rail (right)"};
  REQUIRE(app.waitFor([&rails](const nlohmann::json &s) { return panelNames(s) == rails; }, 20s));
  const float folded = viewWidth(app.state());
  INFO("3D view " << before << " px wide with the panels, " << folded << " px with the rails");
  CHECK(folded > 1280.0f * 0.9f);
  CHECK(app.state()["selected"] == "scalenus_posterior_right"); // P changes the layout, nothing else

  const auto arrow = itemCentre(app.state(), "rail.right");
  REQUIRE(arrow);
  x.xdotool(
      {"mousemove", "--window", app.windowId(), std::to_string(arrow->first), std::to_string(arrow->second)});
  std::this_thread::sleep_for(300ms);
  x.xdotool({"click", "1"});
  REQUIRE(app.waitFor([&open](const nlohmann::json &s) { return panelNames(s) == open; }, 20s));
  CHECK(viewWidth(app.state()) == Approx(before).margin(1.0f));
}
