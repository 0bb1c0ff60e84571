// Image: 8-bit RGBA pixels, rows top to bottom — what screenshots and rendering tests exchange.
#pragma once

#include <cstdint>
#include <vector>

namespace atlas {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba; // width * height * 4 bytes

  bool empty() const { return width <= 0 || height <= 0; }
  const std::uint8_t *pixel(int x, int y) const {
    return rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
  }
};

} // namespace atlas
