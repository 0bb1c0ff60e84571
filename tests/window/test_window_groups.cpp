// The structure list's group headers in the real window: their hide / isolate buttons act on the whole
// group and never open or close it (the list must not move under the next click).
#include "window/x_session.h"

#include <catch2/catch.hpp>
#include <map>
#include <thread>

using namespace atlas::test;
using namespace std::chrono_literals;

namespace {

const std::vector<std::string> kMuscles{"scalenus_anterior_right",  "scalenus_anterior_left",
                                        "scalenus_medius_right",    "scalenus_medius_left",
                                        "scalenus_posterior_right", "scalenus_posterior_left"};

bool contains(const nlohmann::json &list, const std::string &id) {
  for (const auto &e : list)
    if (e == id)
      return true;
  return false;
}

// The list rows on screen: name -> top edge.
std::map<std::string, double> rows(const nlohmann::json &state) {
  std::map<std::string, double> out;
  for (const auto &[name, rect] : state["interface"]["items"].items())
    if (name.rfind("structures.row.", 0) == 0)
      out[name] = rect[1].get<double>();
  return out;
}

} // namespace

TEST_CASE("the Muscles header's hide button hides every muscle and leaves the group open",
          "[window][groups]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720"}, kDisclaimerSeen);
  REQUIRE(app.waitFor(
      [](const nlohmann::json &s) {
        return itemCentre(s, "structures.group.muscle.hide") && itemCentre(s, "structures.row.c1");
      },
      30s));
  const std::map<std::string, double> before = rows(app.state());
  for (const std::string &m : kMuscles)
    REQUIRE(before.count("structures.row." + m));

  const auto [bx, by] = *itemCentre(app.state(), "structures.group.muscle.hide");
  tap(x, app, bx, by);
  const bool hidden = app.waitFor(
      [](const nlohmann::json &s) {
        for (const std::string &m : kMuscles)
          if (!contains(s["visibility"]["hidden"], m))
            return false;
        return true;
      },
      20s);
  INFO("hidden: " << app.state()["visibility"]["hidden"].dump());
  CHECK(hidden);
  // Nothing but the muscles was hidden, and the list is where it was: the group is still open.
  CHECK(app.state()["visibility"]["hidden"].size() == kMuscles.size());
  CHECK(rows(app.state()) == before);
}

TEST_CASE("the Muscles header's isolate button shows the three scalenes of both sides alone, in one tap",
          "[window][groups]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720"}, kDisclaimerSeen);
  REQUIRE(app.waitFor(
      [](const nlohmann::json &s) { return itemCentre(s, "structures.group.muscle.isolate").has_value(); },
      30s));
  const std::map<std::string, double> before = rows(app.state());
  const auto [bx, by] = *itemCentre(app.state(), "structures.group.muscle.isolate");
  tap(x, app, bx, by);
  const bool isolated = app.waitFor(
      [](const nlohmann::json &s) {
        const nlohmann::json &hidden = s["visibility"]["hidden"];
        if (!contains(hidden, "c5") || !contains(hidden, "rib1_left") || !s["visibility"]["ghosted"].empty())
          return false;
        for (const std::string &m : kMuscles)
          if (contains(hidden, m))
            return false;
        return true;
      },
      20s);
  INFO("hidden: " << app.state()["visibility"]["hidden"].dump());
  CHECK(isolated);
  CHECK(rows(app.state()) == before);
}
