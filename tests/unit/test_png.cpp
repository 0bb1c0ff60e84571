// Screenshots as PNG files: what writePng encodes, readPng (a different library, stb_image) decodes to
// the same pixels, alpha included, and a file that cannot be written says why.
#include "io/png.h"
#include "support/scratch_dir.h"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace atlas;

TEST_CASE("a written PNG reads back pixel for pixel, alpha included", "[png]") {
  Image image;
  image.width = 333; // odd sizes: no row happens to be a multiple of anything
  image.height = 71;
  image.rgba.resize(static_cast<std::size_t>(image.width) * image.height * 4);
  std::uint32_t state = 12345u; // a fixed pseudo-random pattern, some flat runs among it
  for (std::size_t i = 0; i < image.rgba.size(); ++i) {
    state = state * 1664525u + 1013904223u;
    image.rgba[i] = (i / 4) % 50 < 10 ? static_cast<std::uint8_t>(i % 4 == 3 ? 255 : 40)
                                      : static_cast<std::uint8_t>(state >> 24);
  }
  const test::ScratchDir dir("png_round_trip");
  const std::string path = dir.path("shot.png");
  REQUIRE(writePng(image, path));
  Result<Image> read = readPng(path);
  REQUIRE(read);
  CHECK(read->width == image.width);
  CHECK(read->height == image.height);
  CHECK(read->rgba == image.rgba);
  // Nothing left beside it (the file is written aside and renamed).
  CHECK(std::distance(std::filesystem::directory_iterator(dir.dir), std::filesystem::directory_iterator()) ==
        1);
}

TEST_CASE("a PNG that cannot be written names the file and the reason", "[png][errors]") {
  const test::ScratchDir dir("png_errors");
  Image empty;
  Result<void> nothing = writePng(empty, dir.path("empty.png"));
  REQUIRE(!nothing);
  CHECK(nothing.error().find("empty.png: nothing to write") != std::string::npos);
  CHECK(!std::filesystem::exists(dir.path("empty.png")));

  Image pixel;
  pixel.width = pixel.height = 1;
  pixel.rgba = {1, 2, 3, 4};
  Result<void> nowhere = writePng(pixel, dir.path("no/such/folder/shot.png"));
  REQUIRE(!nowhere);
  CHECK(nowhere.error().find("no/such/folder/shot.png") != std::string::npos);
}
