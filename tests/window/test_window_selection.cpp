// Several parts selected at once in the real window: Ctrl+click in the list and in the 3D view
// gathers them, and one key isolates them all (the teacher's "show the three scalenes" in 4 actions).
#include "render/run_app.h"
#include "window/x_session.h"

#include <catch2/catch.hpp>
#include <set>
#include <thread>

using namespace atlas::test;
using namespace std::chrono_literals;

namespace {

std::set<std::string> idsOf(const nlohmann::json &list) {
  std::set<std::string> out;
  for (const auto &e : list)
    out.insert(e.get<std::string>());
  return out;
}

} // namespace

TEST_CASE("Ctrl+click in the list gathers the three scalenes and I isolates them", "[window][multiselect]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720"}, kDisclaimerSeen);
  const std::vector<std::string> scalenes{"scalenus_anterior_right", "scalenus_medius_right",
                                          "scalenus_posterior_right"};
  REQUIRE(app.waitFor(
      [&](const nlohmann::json &s) {
        for (const std::string &id : scalenes)
          if (!itemCentre(s, "structures.row." + id))
            return false;
        return true;
      },
      30s));
  // A plain click on the first, Ctrl+click on the other two (rows looked up again: the list stays).
  for (std::size_t i = 0; i < scalenes.size(); ++i) {
    const auto [rx, ry] = *itemCentre(app.state(), "structures.row." + scalenes[i]);
    tap(x, app, rx, ry, i == 0 ? "" : "ctrl");
    const std::size_t expected = i + 1;
    const bool gathered = app.waitFor(
        [&](const nlohmann::json &s) {
          return s["selection"].size() == expected && s["selected"] == scalenes[i] &&
                 s["interface"]["selected"] == scalenes[i];
        },
        20s);
    INFO("after click " << i << ": selection " << app.state()["selection"].dump());
    REQUIRE(gathered);
  }
  CHECK(idsOf(app.state()["selection"]) == std::set<std::string>(scalenes.begin(), scalenes.end()));
  CHECK(itemCentre(app.state(), "info.selection")); // the Info panel says what is gathered

  x.xdotool({"key", "--window", app.windowId(), "i"});
  const bool isolated =
      app.waitFor([](const nlohmann::json &s) { return s["visibility"]["hidden"].size() > 10; }, 20s);
  REQUIRE(isolated);
  // Exactly the three are still shown.
  const AppRun listed = runApp({"--list"});
  REQUIRE(listed.exitCode == 0);
  const std::set<std::string> hidden = idsOf(app.state()["visibility"]["hidden"]);
  std::set<std::string> shown;
  for (const auto &s : nlohmann::json::parse(listed.out))
    if (!hidden.count(s["id"].get<std::string>()))
      shown.insert(s["id"].get<std::string>());
  // Footprints are drawn only when highlighted, but they are not hidden by isolate's rule either way:
  // compare the structures other than attachment sites.
  std::set<std::string> shownParts;
  for (const std::string &id : shown)
    if (id.find('.') == std::string::npos)
      shownParts.insert(id);
  CHECK(shownParts == std::set<std::string>(scalenes.begin(), scalenes.end()));
}

TEST_CASE("Ctrl+click in the 3D view adds the part under the cursor to the selection",
          "[window][multiselect]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720", "--view", "posterior", "--select", "scalenus_posterior_right"},
                kDisclaimerSeen);
  REQUIRE(app.waitFor(
      [](const nlohmann::json &s) {
        return s["camera"]["view"] == "posterior" && s["interface"]["selected"] == "scalenus_posterior_right";
      },
      30s));
  // The middle of the view from behind: a vertebra's spinous process.
  const auto [cx, cy] = viewCentre(app.state());
  tap(x, app, cx, cy, "ctrl");
  const bool added = app.waitFor([](const nlohmann::json &s) { return s["selection"].size() == 2; }, 20s);
  INFO("selection: " << app.state()["selection"].dump());
  REQUIRE(added);
  CHECK(app.state()["selection"][0] == "scalenus_posterior_right");
  CHECK(app.state()["selected"] == app.state()["selection"][1]);
  // Ctrl+click on it again takes it out, and the muscle is the one described again.
  tap(x, app, cx, cy, "ctrl");
  const bool removed = app.waitFor(
      [](const nlohmann::json &s) {
        return s["selection"].size() == 1 && s["selected"] == "scalenus_posterior_right";
      },
      20s);
  INFO("selection: " << app.state()["selection"].dump());
  CHECK(removed);
}

TEST_CASE("an article link to the part already selected still frames it", "[window][reading]") {
  XSession x(1280, 720);
  WindowApp app(x,
                {"--size", "1280x720", "--view", "posterior", "--select", "scalenus_posterior_right",
                 "--panel", "article"},
                kDisclaimerSeen);
  const std::string link = "article.link.scalenus_posterior_right";
  REQUIRE(app.waitFor(
      [&](const nlohmann::json &s) {
        return s["interface"]["selected"] == "scalenus_posterior_right" && itemCentre(s, link).has_value();
      },
      30s));
  // The whole model from behind: framing the muscle comes much closer.
  const double before = app.state()["camera"]["distance"].get<double>();
  const auto [lx, ly] = *itemCentre(app.state(), link);
  tap(x, app, lx, ly, "");
  const bool framed = app.waitFor(
      [before](const nlohmann::json &s) {
        return s["camera"]["distance"].get<double>() < before * 0.8 &&
               s["selected"] == "scalenus_posterior_right";
      },
      20s);
  INFO("distance before " << before << ", now " << app.state()["camera"]["distance"] << ", selected "
                          << app.state()["selected"]);
  CHECK(framed);
}

TEST_CASE("a double-click at a normal pace on the model selects and frames the part",
          "[window][doubleclick]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720", "--view", "posterior"}, kDisclaimerSeen);
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return s["camera"]["view"] == "posterior"; }, 30s));
  const double before = app.state()["camera"]["distance"].get<double>();
  // A point on the model near the middle: the first along the midline where hovering names a part.
  const auto [cx, cy] = viewCentre(app.state());
  bool onModel = false;
  for (int dy : {0, -25, 25, -50, 50, -75, 75}) {
    x.xdotool({"mousemove", "--window", app.windowId(), std::to_string(cx), std::to_string(cy + dy)});
    onModel = app.waitFor([](const nlohmann::json &s) { return windowShown(s, "##Tooltip"); }, 3s);
    if (onModel)
      break;
  }
  REQUIRE(onModel);
  // Two presses 0.28 s apart, as a person double-clicks.
  x.xdotool({"click", "--repeat", "2", "--delay", "280", "1"});
  const bool framed = app.waitFor(
      [before](const nlohmann::json &s) {
        return !s["selected"].is_null() && s["camera"]["distance"].get<double>() < before * 0.8 &&
               s["interface"]["selected"] == s["selected"];
      },
      20s);
  INFO("selected " << app.state()["selected"] << ", distance before " << before << ", now "
                   << app.state()["camera"]["distance"]);
  CHECK(framed);
}
