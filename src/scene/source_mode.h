// Whose anatomy is shown: the standard references' or the article's account, where they differ.
// One enum for the user's choice (--source, the toolbar), a lesson step's, a claim's and the
// highlights it lights; the text "reference" / "article" is parsed where it comes in (command line,
// lesson and knowledge-base files) and written where it goes out (--state). No GL.
#pragma once

#include <optional>
#include <string_view>

namespace atlas {

enum class SourceMode { Reference, Article };

const char *sourceModeName(SourceMode mode); // "reference" | "article"
std::optional<SourceMode> sourceModeFromName(std::string_view name);

} // namespace atlas
