// End-to-end: the Sources panel through the real binary — --panel sources and --show-source in
// --state, and the panel on screen in place of the right-hand panels.
#include "render/run_app.h"

#include <catch2/catch.hpp>
#include <cstdlib>

using namespace atlas;
using namespace atlas::test;

namespace {
const std::string bundledModel = bundledModelPath();
}

TEST_CASE("the options --panel sources and --show-source open the Sources panel at a work, in --state",
          "[render][sources]") {
  const std::string state = outputPath("sources.json");
  AppRun run = runApp({fixturePath("scene.glb"), "--headless", "--panel", "sources", "--state", state});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  nlohmann::json json = readJson(state);
  CHECK(json["panel"] == "Sources");
  CHECK(json["sources"]["open"] == true);
  CHECK(json["sources"]["focused"] == "");
  CHECK(json["sources"]["works"].get<int>() >= 40);

  run = runApp({fixturePath("scene.glb"), "--headless", "--show-source", "gray1918", "--state", state});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  json = readJson(state);
  CHECK(json["panel"] == "Sources");
  CHECK(json["sources"]["focused"] == "gray1918");

  const AppRun bad = runApp({fixturePath("scene.glb"), "--headless", "--show-source", "no_such_work"});
  CHECK(bad.exitCode == 1);
  CHECK_THAT(bad.err, Catch::Contains("--show-source: no work with id 'no_such_work'"));
}

TEST_CASE("the Sources panel takes the right-hand side of the window", "[render][sources]") {
  const std::string with = outputPath("with-sources.png"), without = outputPath("without-sources.png");
  REQUIRE(runApp({bundledModel, "--headless", "--size", "1280x720", "--show-source", "rusnak_smith_2001",
                  "--screenshot", with})
              .exitCode == 0);
  REQUIRE(runApp({bundledModel, "--headless", "--size", "1280x720", "--screenshot", without}).exitCode == 0);
  const Image a = readImage(with), b = readImage(without);
  REQUIRE(a.width == b.width);
  REQUIRE(a.height == b.height);
  // The right third differs (the panel is there), while the left panel stays as it was.
  const RightPanelDifference d = rightPanelDifference(a, b);
  INFO("differing pixels: right quarter " << d.right << ", left fifth " << d.left);
  CHECK(d.showsPanelOnTheRight(a));
}
