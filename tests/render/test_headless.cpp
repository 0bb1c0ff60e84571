// End-to-end: the real binary, headless, on the project's own fixtures. Pixels and --state JSON.
#include "render/run_app.h"
#include "scene/camera.h"
#include "support/fixtures.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

using namespace atlas;
using namespace atlas::test;

namespace {
// Where a model point lands in a W x H image (no interface) of the given view of the test scene: the
// standard views frame the model's points (Session::viewPoints).
glm::vec2 projectInView(StandardView view, const glm::vec3 &point, int w, int h) {
  const Scene scene = makeTestScene();
  std::vector<glm::vec3> points;
  for (const Structure &s : scene.structures())
    for (const MeshData &m : s.meshes)
      points.insert(points.end(), m.positions.begin(), m.positions.end());
  const Camera c = standardViewCamera(view, points, static_cast<float>(w) / static_cast<float>(h));
  return *c.project(point, w, h);
}
} // namespace

TEST_CASE("a headless screenshot shows the model on the background gradient", "[render]") {
  const std::string png = outputPath("scene-anterior.png");
  AppRun run = runApp({fixturePath("scene.glb"), "--headless", "--no-ui", "--view", "anterior", "--size",
                       "320x240", "--screenshot", png});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  const Image image = readImage(png);
  REQUIRE(image.width == 320);
  REQUIRE(image.height == 240);
  // Background: sRGB (0.235, 0.255, 0.290) at the top, (0.115, 0.125, 0.145) at the bottom.
  CHECK(nearColor(image.pixel(0, 0), 60, 65, 74, 3));
  CHECK(nearColor(image.pixel(0, 239), 29, 32, 37, 3));
  const double covered = foregroundFraction(image);
  CHECK(covered > 0.05);
  CHECK(covered < 0.9);
  // The sphere (bone, ivory) is on the viewer's right in an anterior view: patient's left is +X.
  const glm::vec2 sphere = projectInView(StandardView::Anterior, {0.03f, 0.01f, 0.0f}, 320, 240);
  const std::uint8_t *p = image.pixel(static_cast<int>(sphere.x), static_cast<int>(sphere.y));
  CHECK(sphere.x > 160.0f);
  CHECK(p[0] > 150);
  CHECK(p[0] >= p[2]); // warm ivory, not the blue-grey background
}

TEST_CASE("the model is in view from every standard view", "[render]") {
  for (const char *view : {"anterior", "posterior", "left", "right", "superior", "inferior", "default"}) {
    INFO(view);
    const std::string png = outputPath(std::string("scene-") + view + ".png");
    AppRun run = runApp({fixturePath("scene.glb"), "--headless", "--no-ui", "--view", view, "--size",
                         "200x150", "--samples", "0", "--screenshot", png});
    REQUIRE(run.exitCode == 0);
    const double covered = foregroundFraction(readImage(png));
    CHECK(covered > 0.03);
    CHECK(covered < 0.95);
  }
}

TEST_CASE("selecting a structure changes its colour on screen", "[render]") {
  const glm::vec2 box = projectInView(StandardView::Anterior, {-0.03f, 0.01f, 0.02f}, 320, 240);
  const std::string plain = outputPath("box-plain.png"), selected = outputPath("box-selected.png");
  REQUIRE(runApp({fixturePath("scene.glb"), "--no-ui", "--view", "anterior", "--size", "320x240",
                  "--screenshot", plain})
              .exitCode == 0);
  REQUIRE(runApp({fixturePath("scene.glb"), "--no-ui", "--view", "anterior", "--size", "320x240", "--select",
                  "box_muscle", "--screenshot", selected})
              .exitCode == 0);
  const Image unselected = readImage(plain), sel = readImage(selected);
  const std::uint8_t *a = unselected.pixel(static_cast<int>(box.x), static_cast<int>(box.y));
  const std::uint8_t *b = sel.pixel(static_cast<int>(box.x), static_cast<int>(box.y));
  // Muscle red-brown becomes the selection's bluish green.
  CHECK(a[0] > a[1]);
  CHECK(b[1] > b[0]);
}

TEST_CASE("picking with --pick selects what is under that pixel, including a 2 mm nerve", "[render]") {
  const int w = 640, h = 480;
  struct Case {
    glm::vec3 point;
    const char *id;
  };
  for (const Case &c : {Case{{0.03f, 0.01f, 0.0f}, "sphere_bone"}, Case{{-0.03f, 0.01f, 0.02f}, "box_muscle"},
                        Case{{0.0f, -0.03f, 0.001f}, "thin_nerve"}}) {
    INFO(c.id);
    const glm::vec2 px = projectInView(StandardView::Anterior, c.point, w, h);
    const std::string state = outputPath(std::string("pick-") + c.id + ".json");
    AppRun run = runApp(
        {fixturePath("scene.glb"), "--headless", "--no-ui", "--view", "anterior", "--size", "640x480",
         "--pick", std::to_string(static_cast<int>(px.x)) + "," + std::to_string(static_cast<int>(px.y)),
         "--state", state});
    REQUIRE(run.exitCode == 0);
    const auto json = readJson(state);
    REQUIRE(json["selected"] == c.id);
    CHECK(json["highlighted"][0]["role"] == "selected");
  }
  const std::string empty = outputPath("pick-empty.json");
  REQUIRE(runApp({fixturePath("scene.glb"), "--headless", "--view", "anterior", "--pick", "2,2", "--state",
                  empty})
              .exitCode == 0);
  CHECK(readJson(empty)["selected"].is_null());
}

TEST_CASE("the --state file reports camera, panel and visibility", "[render]") {
  const std::string state = outputPath("state.json");
  AppRun run = runApp({fixturePath("scene.gltf"), "--headless", "--view", "left", "--select", "sphere_bone",
                       "--ghost", "box_muscle", "--hide", "thin_nerve", "--state", state});
  REQUIRE(run.exitCode == 0);
  const auto json = readJson(state);
  CHECK(json["camera"]["view"] == "left");
  CHECK(json["camera"]["eye"][0].get<double>() >
        json["camera"]["target"][0].get<double>()); // eye at +X (left)
  CHECK(json["panel"] == "Info");
  CHECK(json["visibility"]["ghosted"] == nlohmann::json::array({"box_muscle"}));
  CHECK(json["visibility"]["hidden"] == nlohmann::json::array({"thin_nerve"}));
}

TEST_CASE("listing with --list prints every structure as JSON", "[render]") {
  AppRun run = runApp({fixturePath("scene.obj"), "--list"});
  REQUIRE(run.exitCode == 0);
  const auto list = nlohmann::json::parse(run.out);
  std::vector<std::string> ids;
  for (const auto &entry : list)
    if (entry["triangles"].get<int>() > 0)
      ids.push_back(entry["id"]);
  CHECK(ids == std::vector<std::string>{"sphere_bone", "box_muscle", "thin_nerve"});
}

TEST_CASE("every bad input exits non-zero with one line naming the file", "[render][errors]") {
  for (const FixtureFile &f : fixtureList()) {
    if (f.expectError.empty())
      continue;
    INFO(f.name);
    AppRun run = runApp({fixturePath(f.name), "--headless", "--screenshot", outputPath("never.png")});
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.err, Catch::StartsWith("scalene-atlas: error: "));
    CHECK_THAT(run.err, Catch::Contains(f.name));
    CHECK_THAT(run.err, Catch::Contains(f.expectError));
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  }
  AppRun badOption = runApp({"--view", "sideways"});
  CHECK(badOption.exitCode == 2);
  AppRun badId =
      runApp({fixturePath("scene.glb"), "--headless", "--select", "nope", "--state", outputPath("x.json")});
  CHECK(badId.exitCode == 1);
  CHECK_THAT(badId.err, Catch::Contains("nope"));
}

TEST_CASE("a system without OpenGL 3.3 gets one clear line, not a crash", "[render][errors]") {
  // Mesa can be told to offer only OpenGL 3.0, as an old driver would.
  const std::string png = outputPath("no-gl33.png");
  std::filesystem::remove(png);
  // Leak detection is off for this child alone: what it would add here are Mesa's own allocations,
  // and the app's clean-up on this path is leak-checked in-process (test_viewer_gl.cpp, "headless
  // context: a system with only OpenGL 3.0 ..."). What matters here is the one line the user sees.
  const char *asan = std::getenv("ASAN_OPTIONS");
  AppRun run = runApp({fixturePath("scene.glb"), "--headless", "--screenshot", png},
                      {"MESA_GL_VERSION_OVERRIDE=3.0", "MESA_GLSL_VERSION_OVERRIDE=130",
                       std::string("ASAN_OPTIONS=") + (asan ? asan : "") + ":detect_leaks=0"});
  CHECK(run.exitCode == 1);
  CHECK_THAT(run.err, Catch::StartsWith("scalene-atlas: error: "));
  CHECK_THAT(run.err, Catch::Contains("OpenGL 3.3"));
  CHECK_THAT(run.err, Catch::Contains("graphics driver"));
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  CHECK(!std::filesystem::exists(png));
}

TEST_CASE("the interface is drawn unless --no-ui", "[render]") {
  const std::string with = outputPath("ui.png"), without = outputPath("no-ui.png");
  REQUIRE(
      runApp({fixturePath("scene.glb"), "--headless", "--size", "800x600", "--screenshot", with}).exitCode ==
      0);
  REQUIRE(runApp({fixturePath("scene.glb"), "--headless", "--size", "800x600", "--no-ui", "--screenshot",
                  without})
              .exitCode == 0);
  const Image a = readImage(with), b = readImage(without);
  // The menu bar occupies the top rows with the UI and is background without it.
  int differing = 0;
  for (int x = 0; x < 800; ++x)
    if (!nearColor(a.pixel(x, 5), b.pixel(x, 5)[0], b.pixel(x, 5)[1], b.pixel(x, 5)[2], 4))
      ++differing;
  CHECK(differing > 400);
}
