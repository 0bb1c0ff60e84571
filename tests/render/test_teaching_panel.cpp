// End-to-end: the Teaching panel through the real binary — --panel teaching and --show-teaching in
// --state (the students' or, with --patient, the patients' version), and the panel on screen in
// place of the right-hand panels.
#include "render/run_app.h"

#include <catch2/catch.hpp>
#include <cstdlib>

using namespace atlas;
using namespace atlas::test;

namespace {
const std::string bundledModel = bundledModelPath();
}

TEST_CASE("the options --panel teaching and --show-teaching open the Teaching panel at an entry, in --state",
          "[render][teaching]") {
  const std::string state = outputPath("teaching.json");
  AppRun run = runApp({fixturePath("scene.glb"), "--headless", "--panel", "teaching", "--state", state});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  nlohmann::json json = readJson(state);
  CHECK(json["panel"] == "Teaching");
  CHECK(json["teaching"]["open"] == true);
  CHECK(json["teaching"]["entries"].get<int>() >= 8);
  CHECK(json["teaching"]["entry"] == "teaching.interscalene_triangle"); // the first, when none is named
  CHECK(json["teaching"]["patient_version"] == false);

  run = runApp({fixturePath("scene.glb"), "--headless", "--show-teaching", "teaching.clinical_tests",
                "--patient", "--state", state});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  json = readJson(state);
  CHECK(json["panel"] == "Teaching");
  CHECK(json["teaching"]["entry"] == "teaching.clinical_tests");
  CHECK(json["teaching"]["patient_version"] == true);

  // Without the option the panel stays closed.
  run = runApp({fixturePath("scene.glb"), "--headless", "--state", state});
  REQUIRE(run.exitCode == 0);
  CHECK(readJson(state)["teaching"]["open"] == false);

  const AppRun bad = runApp({fixturePath("scene.glb"), "--headless", "--show-teaching", "teaching.nothing"});
  CHECK(bad.exitCode == 1);
  CHECK_THAT(bad.err, Catch::Contains("--show-teaching: no teaching entry with id 'teaching.nothing'"));
}

TEST_CASE("the Teaching panel takes the right-hand side of the window", "[render][teaching]") {
  const std::string with = outputPath("with-teaching.png"), without = outputPath("without-teaching.png");
  REQUIRE(
      runApp({bundledModel, "--headless", "--size", "1280x720", "--panel", "teaching", "--screenshot", with})
          .exitCode == 0);
  REQUIRE(runApp({bundledModel, "--headless", "--size", "1280x720", "--screenshot", without}).exitCode == 0);
  const Image a = readImage(with), b = readImage(without);
  REQUIRE(a.width == b.width);
  REQUIRE(a.height == b.height);
  // The right quarter differs (the panel is there), while the left panel stays as it was.
  const RightPanelDifference d = rightPanelDifference(a, b);
  INFO("differing pixels: right quarter " << d.right << ", left fifth " << d.left);
  CHECK(d.showsPanelOnTheRight(a));
}
