// One content file already in memory: the name used in messages ("content/structures/ribs.yaml") and
// its text. The loaders read files into these; the fuzz targets and tests hand them in directly.
#pragma once

#include <string>

namespace atlas::content {

struct ContentText {
  std::string name;
  std::string text;
};

} // namespace atlas::content
