// Issue 11: the bundled model's baked ambient occlusion reaches the screen. The same scene is drawn
// twice by the real binary, once as loaded and once with its occlusion stripped; the baked one must
// only ever be darker, clearly so in its creases and foramina, and not dark all over.
#include "io/gltf_writer.h"
#include "io/model_loader.h"
#include "render/run_app.h"

#include <catch2/catch.hpp>
#include <string>

using namespace atlas;
using namespace atlas::test;

namespace {

Image render(const std::string &model, const std::string &png, const std::vector<std::string> &view) {
  std::vector<std::string> args{model,    "--headless", "--no-ui",      "--samples", "0",
                                "--size", "480x400",    "--screenshot", png};
  args.insert(args.end(), view.begin(), view.end());
  AppRun run = runApp(args);
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  return readImage(png);
}

int brightness(const std::uint8_t *p) {
  return p[0] + p[1] + p[2];
}

} // namespace

TEST_CASE("baked occlusion darkens the bundled model's creases and nothing else", "[render][occlusion]") {
  Result<Scene> loaded = loadModel(bundledModelPath());
  REQUIRE(loaded);
  Scene withOcclusion = std::move(*loaded);
  Scene without = withOcclusion;
  std::size_t baked = 0, meshes = 0;
  for (Structure &s : without.structures())
    for (MeshData &m : s.meshes) {
      ++meshes;
      baked += m.occlusion.size() == m.positions.size() ? 1 : 0;
      m.occlusion.clear();
    }
  CHECK(baked == meshes); // the generator bakes every mesh
  const std::string a = outputPath("with-occlusion.glb"), b = outputPath("without-occlusion.glb");
  REQUIRE(writeGltf(withOcclusion, a));
  REQUIRE(writeGltf(without, b));

  for (const std::vector<std::string> &view :
       {std::vector<std::string>{"--view", "default"},
        std::vector<std::string>{"--isolate", "c7,t1,rib1_right", "--frame", "t1", "--view", "posterior"}}) {
    INFO(view.back());
    const Image shaded = render(a, outputPath("with-" + view.back() + ".png"), view);
    const Image plain = render(b, outputPath("without-" + view.back() + ".png"), view);
    REQUIRE(shaded.width == plain.width);
    REQUIRE(shaded.height == plain.height);
    int foreground = 0, darker = 0, muchDarker = 0, brighter = 0;
    for (int y = 0; y < plain.height; ++y)
      for (int x = 0; x < plain.width; ++x) {
        const int d = brightness(plain.pixel(x, y)) - brightness(shaded.pixel(x, y));
        const std::uint8_t *edge = plain.pixel(0, y);
        if (!nearColor(plain.pixel(x, y), edge[0], edge[1], edge[2], 6))
          ++foreground;
        darker += d > 6 ? 1 : 0;
        muchDarker += d > 60 ? 1 : 0;
        brighter += d < -3 ? 1 : 0;
      }
    INFO("foreground " << foreground << ", darker " << darker << ", much darker " << muchDarker
                       << ", brighter " << brighter);
    REQUIRE(foreground > 5000);
    CHECK(brighter == 0);               // occlusion only ever takes light away
    CHECK(darker > foreground / 20);    // visible in many places
    CHECK(muchDarker > 50);             // deep creases read as deep
    CHECK(muchDarker < foreground / 5); // but open, convex surfaces keep their light
  }
}
