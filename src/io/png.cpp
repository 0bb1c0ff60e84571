#include "io/png.h"

#include "io/atomic_file.h"

#include <png.h>
#include <stb_image.h>

namespace atlas {

Result<void> writePng(const Image &image, const std::string &path) {
  if (image.empty())
    return Error{path + ": nothing to write (empty image)"};
  // libpng's simplified writer with PNG_IMAGE_FLAG_FAST (no row filters, light zlib): a 1280x720
  // screenshot takes about a tenth of stb_image_write's time at its fastest useful level (~20 against
  // ~70 ms quiet) and comes out smaller, since the interface's flat panels compress well unfiltered.
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  png.width = static_cast<png_uint_32>(image.width);
  png.height = static_cast<png_uint_32>(image.height);
  png.format = PNG_FORMAT_RGBA;
  png.flags = PNG_IMAGE_FLAG_FAST;
  const png_int_32 stride = image.width * 4;
  // One pass into a buffer of the largest size the encoder can need (asking for the exact size first
  // would compress the image twice).
  std::string encoded(PNG_IMAGE_PNG_SIZE_MAX(png), '\0');
  png_alloc_size_t size = encoded.size();
  if (!png_image_write_to_memory(&png, encoded.data(), &size, 0, image.rgba.data(), stride, nullptr)) {
    const std::string why = png.message;
    png_image_free(&png);
    return Error{path + ": PNG encoding failed (" + why + ")"};
  }
  encoded.resize(size);
  return writeFileAtomically(path, encoded);
}

Result<Image> readPng(const std::string &path) {
  Image image;
  int channels = 0;
  unsigned char *data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
  if (!data)
    return Error{path + ": cannot read PNG (" +
                 std::string(stbi_failure_reason() ? stbi_failure_reason() : "?") + ")"};
  image.rgba.assign(data, data + static_cast<std::size_t>(image.width) * image.height * 4);
  stbi_image_free(data);
  return image;
}

} // namespace atlas
