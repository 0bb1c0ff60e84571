// The File menu in the real window: Export article writes the same handout as --export-article, and
// Save screenshot writes a PNG of the window as it is on screen.
#include "io/png.h"
#include "render/run_app.h"
#include "window/x_session.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

using namespace atlas::test;
using namespace std::chrono_literals;

namespace {

void tapItem(const XSession &x, WindowApp &app, const std::string &item) {
  REQUIRE(app.waitFor([&](const nlohmann::json &s) { return itemCentre(s, item).has_value(); }, 20s));
  const auto [px, py] = *itemCentre(app.state(), item);
  tap(x, app, px, py);
}

// Opens File > `item`'s dialog and writes `path` in its field, replacing the default, then Return.
void saveThroughDialog(const XSession &x, WindowApp &app, const std::string &item, const std::string &window,
                       const std::string &path) {
  tapItem(x, app, "menu.file");
  tapItem(x, app, item);
  REQUIRE(app.waitFor([&](const nlohmann::json &s) { return windowShown(s, window); }, 20s));
  x.xdotool({"key", "ctrl+a"});
  x.xdotool({"type", "--delay", "30", path});
  std::this_thread::sleep_for(300ms);
  x.xdotool({"key", "Return"});
}

std::string fileText(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

TEST_CASE("File > Export article writes the handout that --export-article writes", "[window][file_menu]") {
  const std::string expected = outputPath("expected.md");
  std::filesystem::remove(expected);
  const AppRun cli = runApp({"--export-article", expected});
  REQUIRE(cli.exitCode == 0);
  const std::string handout = fileText(expected);
  REQUIRE(handout.rfind("# ", 0) == 0);

  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720"}, kDisclaimerSeen);
  const std::string target = outputPath("from-menu.md");
  std::filesystem::remove(target);
  saveThroughDialog(x, app, "file.export_article", "Export article", target);
  const bool written = app.waitFor(
      [&](const nlohmann::json &s) {
        return s["interface"]["status"].get<std::string>().find("exported") != std::string::npos;
      },
      30s);
  INFO("status: " << app.state()["interface"]["status"]
                  << "; message: " << app.state()["interface"]["message"]);
  REQUIRE(written);
  REQUIRE(std::filesystem::is_regular_file(target));
  const std::string text = fileText(target);
  CHECK(text.substr(0, text.find('\n')) == handout.substr(0, handout.find('\n'))); // the article's title
  CHECK(text == handout);
}

TEST_CASE("File > Save screenshot writes a PNG of the window, panels included", "[window][file_menu]") {
  XSession x(1280, 720);
  WindowApp app(x, {"--size", "1280x720"}, kDisclaimerSeen);
  const std::string target = outputPath("screen.png");
  std::filesystem::remove(target);
  saveThroughDialog(x, app, "file.save_screenshot", "Save screenshot", target);
  const bool saved = app.waitFor(
      [&](const nlohmann::json &s) {
        return s["interface"]["status"].get<std::string>().find("Screenshot saved") != std::string::npos;
      },
      30s);
  INFO("status: " << app.state()["interface"]["status"]
                  << "; message: " << app.state()["interface"]["message"]);
  REQUIRE(saved);
  const atlas::Image image = readImage(target);
  CHECK(image.width == 1280);
  CHECK(image.height == 720);
  CHECK(foregroundFraction(image) > 0.05); // the model and the panels, not a blank frame
}
