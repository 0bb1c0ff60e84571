// A file that cannot be opened, chosen in the real window: the reason must be on screen where the
// user is looking (a box over the 3D view that stays until dismissed), and the model stays.
#include "window/x_session.h"

#include <catch2/catch.hpp>
#include <thread>

using namespace atlas::test;
using namespace std::chrono_literals;

namespace {

const std::string kErrorWindow = "Could not open the file";

} // namespace

TEST_CASE("opening a file that does not exist shows a dismissable error and keeps the model",
          "[window][errors]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720"}, kDisclaimerSeen);
  const std::string model = app.state()["model"];
  x.xdotool({"mousemove", "--window", app.windowId(), "640", "360"});
  x.xdotool({"windowfocus", "--sync", app.windowId()});
  std::this_thread::sleep_for(500ms);
  x.xdotool({"key", "ctrl+o"});
  REQUIRE(app.waitFor([](const nlohmann::json &s) { return windowShown(s, "Open a model"); }, 20s));
  const std::string missing = "/nonexistent/folder/no-such-model.glb";
  x.xdotool({"type", "--delay", "30", missing});
  std::this_thread::sleep_for(300ms);
  x.xdotool({"key", "Return"});
  const bool shown = app.waitFor(
      [&](const nlohmann::json &s) {
        return windowShown(s, kErrorWindow) && !windowShown(s, "Open a model") &&
               itemCentre(s, "message.close").has_value();
      },
      30s);
  INFO("windows on screen: " << app.state()["interface"]["windows"].dump()
                             << "; status: " << app.state()["interface"]["status"]);
  REQUIRE(shown);
  const std::string message = app.state()["interface"]["message"];
  CHECK(message.find("no-such-model.glb") != std::string::npos);
  CHECK(app.state()["model"] == model);
  // The status line says it briefly; the box holds the whole reason.
  const std::string status = app.state()["interface"]["status"];
  CHECK(status.find("no-such-model.glb") != std::string::npos);
  CHECK(status.size() < message.size());

  // It stays: still there a moment later, with no input.
  std::this_thread::sleep_for(1500ms);
  REQUIRE(app.waitFor([&](const nlohmann::json &s) { return windowShown(s, kErrorWindow); }, 5s));

  const auto [bx, by] = *itemCentre(app.state(), "message.close");
  x.xdotool({"mousemove", "--window", app.windowId(), std::to_string(bx), std::to_string(by)});
  std::this_thread::sleep_for(700ms);
  x.xdotool({"click", "1"});
  const bool gone = app.waitFor([&](const nlohmann::json &s) { return !windowShown(s, kErrorWindow); }, 20s);
  INFO("windows on screen: " << app.state()["interface"]["windows"].dump());
  CHECK(gone);
  CHECK(app.state()["interface"]["message"] == "");
  CHECK(app.state()["model"] == model);
}
