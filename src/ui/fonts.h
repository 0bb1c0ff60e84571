// Fonts for the UI: DejaVu Sans (Debian's fonts-dejavu-core) located through fontconfig, at a size
// that follows the UI scale; ImGui's built-in font when no TrueType font is found.
#pragma once

#include <string>
#include <vector>

struct ImFont;

namespace atlas::ui {

struct FontSet {
  ImFont *body = nullptr;
  ImFont *heading = nullptr; // bold, larger
  ImFont *bold = nullptr;    // bold at body size (terms in running text)
  // Presentation mode (ui/presentation.cpp): body text at least 24 px high, read from the back of a
  // room (issue 16), and its step titles.
  ImFont *presentBody = nullptr;
  ImFont *presentTitle = nullptr;
  bool trueType = false;
};

// Path of the best installed match for a fontconfig pattern such as "DejaVu Sans:style=Bold",
// or "" when fontconfig finds nothing usable.
std::string findFontFile(const std::string &pattern);
// The same for several patterns, with one fontconfig set-up.
std::vector<std::string> findFontFiles(const std::vector<std::string> &patterns);

// Rebuilds the ImGui font atlas for `scale` (1.0 = 17 px body text). Call between frames.
FontSet loadFonts(float scale);

} // namespace atlas::ui
