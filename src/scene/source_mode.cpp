#include "scene/source_mode.h"

namespace atlas {

const char *sourceModeName(SourceMode mode) {
  return mode == SourceMode::Article ? "article" : "reference";
}

std::optional<SourceMode> sourceModeFromName(std::string_view name) {
  if (name == sourceModeName(SourceMode::Reference))
    return SourceMode::Reference;
  if (name == sourceModeName(SourceMode::Article))
    return SourceMode::Article;
  return std::nullopt;
}

} // namespace atlas
