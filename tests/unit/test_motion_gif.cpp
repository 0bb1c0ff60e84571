// Issue 14: the animated GIF writer (giflib) — frames, size, delay and colours survive a round trip.
#include "app/export_animation.h"
#include "support/scratch_dir.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <gif_lib.h>

using namespace atlas;

namespace {
Image solid(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
  Image image;
  image.width = w;
  image.height = h;
  for (int i = 0; i < w * h; ++i)
    image.rgba.insert(image.rgba.end(), {r, g, b, 255});
  return image;
}
} // namespace

TEST_CASE("animated gif: every frame comes back, with its size, delay and colour", "[motion][gif]") {
  test::ScratchDir dir("gif");
  const std::string path = dir.path("loop.gif");
  const std::vector<Image> frames = {solid(40, 30, 200, 40, 40), solid(40, 30, 40, 200, 40),
                                     solid(40, 30, 40, 40, 200)};
  REQUIRE(writeAnimatedGif(frames, 7, path));
  int error = 0;
  GifFileType *gif = DGifOpenFileName(path.c_str(), &error);
  REQUIRE(gif);
  REQUIRE(DGifSlurp(gif) == GIF_OK);
  CHECK(gif->SWidth == 40);
  CHECK(gif->SHeight == 30);
  REQUIRE(gif->ImageCount == 3);
  for (int i = 0; i < 3; ++i) {
    const SavedImage &frame = gif->SavedImages[i];
    GraphicsControlBlock control;
    REQUIRE(DGifSavedExtensionToGCB(gif, i, &control) == GIF_OK);
    CHECK(control.DelayTime == 7);
    const ColorMapObject *map = frame.ImageDesc.ColorMap ? frame.ImageDesc.ColorMap : gif->SColorMap;
    REQUIRE(map);
    const GifColorType c = map->Colors[frame.RasterBits[40 * 15 + 20]];
    const int expected[3][3] = {{200, 40, 40}, {40, 200, 40}, {40, 40, 200}};
    CHECK(std::abs(c.Red - expected[i][0]) <= 8);
    CHECK(std::abs(c.Green - expected[i][1]) <= 8);
    CHECK(std::abs(c.Blue - expected[i][2]) <= 8);
  }
  DGifCloseFile(gif, &error);
  // Frames of different sizes are refused.
  CHECK_FALSE(writeAnimatedGif({solid(4, 4, 0, 0, 0), solid(5, 4, 0, 0, 0)}, 5, path));
  CHECK_FALSE(writeAnimatedGif({}, 5, path));
}
