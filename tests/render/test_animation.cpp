// Issue 14, end to end: --show-function ID --time T poses the bundled model for --screenshot and
// --state, and --export-animation writes the loop as a GIF with the frames asked for.
#include "render/run_app.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <gif_lib.h>

using namespace atlas;
using namespace atlas::test;

namespace {

// The lean of a posed bone's up axis in the frontal plane, from its column-major 4x4 (degrees, + toward
// the patient's right, -X).
double frontalLean(const nlohmann::json &m) {
  const double upX = m.at(4).get<double>(), upY = m.at(5).get<double>();
  return std::atan2(-upX, upY) * 180.0 / 3.14159265358979;
}

nlohmann::json stateAt(const std::string &function, const std::string &time, const std::string &name) {
  const std::string state = outputPath(name + ".json"), png = outputPath(name + ".png");
  AppRun run =
      runApp({bundledModelPath(), "--headless", "--no-ui", "--show-function", function, "--time", time,
              "--view", "anterior", "--size", "320x240", "--screenshot", png, "--state", state});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  return readJson(state);
}

} // namespace

TEST_CASE(
    "animation: --show-function --time poses the model and the state has the pose and the scalene lengths",
    "[render][animation]") {
  const nlohmann::json rest = stateAt("lateral_neck_flexion", "0", "flexion-rest");
  const nlohmann::json peak = stateAt("lateral_neck_flexion", "0.5", "flexion-peak");
  REQUIRE(peak.contains("pose"));
  REQUIRE(peak.contains("muscles"));
  CHECK(peak["animation"]["function"] == "functions.lateral_neck_flexion");
  CHECK(peak["animation"]["time"].get<double>() == Approx(0.5));
  REQUIRE(peak["pose"].contains("c2"));
  REQUIRE(peak["pose"]["c2"].size() == 16);
  CHECK(std::abs(frontalLean(rest["pose"]["c2"])) < 0.01);
  CHECK(frontalLean(peak["pose"]["c2"]) == Approx(39.0).margin(3.0)); // REFERENCE.md §7.2
  for (const char *muscle : {"scalenus_posterior_right", "scalenus_anterior_right"}) {
    INFO(muscle);
    const nlohmann::json &m = peak["muscles"][muscle];
    CHECK(m["length_mm"].get<double>() < m["rest_length_mm"].get<double>() - 2.0);
    CHECK(rest["muscles"][muscle]["length_mm"].get<double>() ==
          Approx(m["rest_length_mm"].get<double>()).margin(0.01));
  }
  CHECK(peak["muscles"]["scalenus_posterior_left"]["length_mm"].get<double>() >
        peak["muscles"]["scalenus_posterior_left"]["rest_length_mm"].get<double>() + 2.0);
  // The picture changes: the neck has moved.
  CHECK(differingPixels(readImage(outputPath("flexion-rest.png")), readImage(outputPath("flexion-peak.png")),
                        24) > 500);
}

TEST_CASE("animation: --time and --export-animation need a function", "[render][animation]") {
  AppRun run = runApp({bundledModelPath(), "--headless", "--time", "0.5"});
  CHECK(run.exitCode != 0);
  CHECK(run.err.find("--show-function") != std::string::npos);
}

TEST_CASE("animation: --export-animation writes a looping GIF with the frames asked for",
          "[render][animation]") {
  const std::string gif = outputPath("respiration.gif");
  AppRun run = runApp({bundledModelPath(), "--headless", "--show-function", "respiration", "--view",
                       "anterior", "--export-animation", gif, "--frames", "6", "--size", "160x120"});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  int error = 0;
  GifFileType *decoded = DGifOpenFileName(gif.c_str(), &error);
  REQUIRE(decoded);
  CHECK(DGifSlurp(decoded) == GIF_OK);
  CHECK(decoded->ImageCount == 6);
  CHECK(decoded->SWidth == 160);
  CHECK(decoded->SHeight == 120);
  DGifCloseFile(decoded, &error);
}
