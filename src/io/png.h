// PNG files for screenshots (libpng) and for reading them back in tests (stb_image).
#pragma once

#include "core/image.h"
#include "core/result.h"

#include <string>

namespace atlas {

// Written to a temporary file beside `path` and renamed, so a crash never leaves half an image.
Result<void> writePng(const Image &image, const std::string &path);
Result<Image> readPng(const std::string &path);

} // namespace atlas
