// Landmarks on screen, end to end with the real binary on the fixture with landmarks: --landmarks draws
// a blue marker where --state says the landmark is, nothing there without it, and --pick on the
// marker names the landmark in --state.
#include "render/run_app.h"

#include <catch2/catch.hpp>
#include <map>

using namespace atlas::test;

namespace {

// Pixels of the Okabe & Ito blue of landmark markers (0, 114, 178) within `radius` of (x, y).
int bluePixelsNear(const atlas::Image &image, float x, float y, int radius) {
  int count = 0;
  for (int dy = -radius; dy <= radius; ++dy)
    for (int dx = -radius; dx <= radius; ++dx) {
      const int px = static_cast<int>(x) + dx, py = static_cast<int>(y) + dy;
      if (px >= 0 && py >= 0 && px < image.width && py < image.height &&
          nearColor(image.pixel(px, py), 0, 114, 178, 30))
        ++count;
    }
  return count;
}

std::map<std::string, nlohmann::json> itemsById(const nlohmann::json &state) {
  std::map<std::string, nlohmann::json> items;
  for (const auto &item : state["landmarks"]["items"])
    items[item["id"].get<std::string>()] = item;
  return items;
}

} // namespace

TEST_CASE("with --landmarks, a marker and a label are drawn where the state says the landmark is",
          "[landmarks][render]") {
  const std::string png = outputPath("marks.png"), json = outputPath("marks.json");
  AppRun run = runApp({fixturePath("landmarks.glb"), "--headless", "--landmarks", "--view", "anterior",
                       "--size", "900x600", "--screenshot", png, "--state", json});
  REQUIRE(run.exitCode == 0);
  const nlohmann::json state = readJson(json);
  CHECK(state["landmarks"]["shown"] == true);
  auto items = itemsById(state);
  REQUIRE(items.size() == 3);
  CHECK(items["sphere_bone.front"]["name"] == "Front pole");
  CHECK(items["sphere_bone.front"]["structure"] == "sphere_bone");
  REQUIRE(items["sphere_bone.front"].contains("screen"));
  CHECK_FALSE(items["sphere_bone.back"].contains("screen")); // out of sight behind the sphere
  const float x = items["sphere_bone.front"]["screen"][0], y = items["sphere_bone.front"]["screen"][1];
  const atlas::Image image = readImage(png);
  CHECK(bluePixelsNear(image, x, y, 3) >= 9); // the marker's blue centre

  // The same frame without --landmarks: no marker, and no label. The label's dark box and leader line
  // are the thousands of pixels by which the two images differ beyond the marker.
  const std::string plainPng = outputPath("plain.png"), plainJson = outputPath("plain.json");
  AppRun plain = runApp({fixturePath("landmarks.glb"), "--headless", "--view", "anterior", "--size",
                         "900x600", "--screenshot", plainPng, "--state", plainJson});
  REQUIRE(plain.exitCode == 0);
  CHECK(readJson(plainJson)["landmarks"]["items"].empty());
  const atlas::Image without = readImage(plainPng);
  CHECK(bluePixelsNear(without, x, y, 3) == 0);
  REQUIRE(without.width == image.width);
  CHECK(differingPixels(image, without, 40) > 1500);
}

TEST_CASE("a --pick on a landmark's marker names the landmark in --state", "[landmarks][render]") {
  const std::string first = outputPath("where.json");
  REQUIRE(runApp({fixturePath("landmarks.glb"), "--headless", "--landmarks", "--view", "anterior", "--size",
                  "900x600", "--state", first})
              .exitCode == 0);
  auto items = itemsById(readJson(first));
  REQUIRE(items["sphere_bone.front"].contains("screen"));
  const float x = items["sphere_bone.front"]["screen"][0], y = items["sphere_bone.front"]["screen"][1];
  const std::string picked = outputPath("picked.json");
  const std::string at = std::to_string(static_cast<int>(x + 3)) + "," + std::to_string(static_cast<int>(y));
  AppRun run = runApp({fixturePath("landmarks.glb"), "--headless", "--landmarks", "--view", "anterior",
                       "--size", "900x600", "--pick", at, "--state", picked});
  REQUIRE(run.exitCode == 0);
  const nlohmann::json state = readJson(picked);
  CHECK(state["selected"] == "sphere_bone");
  CHECK(state["landmarks"]["picked"]["id"] == "sphere_bone.front");
  CHECK(state["landmarks"]["picked"]["name"] == "Front pole");
  // --landmark names one directly, as a quiz or lesson will.
  const std::string named = outputPath("named.json");
  REQUIRE(
      runApp({fixturePath("landmarks.glb"), "--headless", "--landmark", "sphere_bone.top", "--state", named})
          .exitCode == 0);
  CHECK(readJson(named)["landmarks"]["picked"]["id"] == "sphere_bone.top");
  AppRun unknown = runApp({fixturePath("landmarks.glb"), "--headless", "--landmark", "sphere_bone.nowhere"});
  CHECK(unknown.exitCode != 0);
  CHECK(unknown.err.find("--landmark: no landmark with id 'sphere_bone.nowhere'") != std::string::npos);
}
