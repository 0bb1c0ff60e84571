#include "ui/fonts.h"

#include <algorithm>

#include <filesystem>
#include <fontconfig/fontconfig.h>
#include <imgui.h>

namespace atlas::ui {

namespace {

std::string matchFont(FcConfig *config, const std::string &pattern) {
  std::string path;
  FcPattern *pat = FcNameParse(reinterpret_cast<const FcChar8 *>(pattern.c_str()));
  if (!pat)
    return path;
  FcConfigSubstitute(config, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult result = FcResultNoMatch;
  if (FcPattern *match = FcFontMatch(config, pat, &result)) {
    FcChar8 *file = nullptr;
    if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file) {
      path = reinterpret_cast<const char *>(file);
      // ImGui reads TrueType/OpenType only; fontconfig may offer a bitmap or Type 1 fallback.
      const std::string ext = std::filesystem::path(path).extension().string();
      if (ext != ".ttf" && ext != ".otf" && ext != ".TTF" && ext != ".OTF")
        path.clear();
    }
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pat);
  return path;
}

} // namespace

std::vector<std::string> findFontFiles(const std::vector<std::string> &patterns) {
  std::vector<std::string> paths(patterns.size());
  // Loading fontconfig's configuration and caches is the expensive part: once for all patterns.
  FcConfig *config = FcInitLoadConfigAndFonts();
  if (!config)
    return paths;
  for (std::size_t i = 0; i < patterns.size(); ++i)
    paths[i] = matchFont(config, patterns[i]);
  FcConfigDestroy(config);
  return paths;
}

std::string findFontFile(const std::string &pattern) {
  return findFontFiles({pattern}).front();
}

FontSet loadFonts(float scale) {
  ImGuiIO &io = ImGui::GetIO();
  io.Fonts->Clear();
  FontSet fonts;
  const float body = 17.0f * scale;
  const std::vector<std::string> files = findFontFiles({"DejaVu Sans:style=Book", "DejaVu Sans:style=Bold"});
  const std::string &regular = files[0], &bold = files[1];
  // Latin, Latin-1 and Latin Extended-A cover the Latin anatomical names and en dashes.
  static const ImWchar ranges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2190, 0x21FF, 0};
  if (!regular.empty())
    fonts.body = io.Fonts->AddFontFromFileTTF(regular.c_str(), body, nullptr, ranges);
  if (fonts.body) {
    fonts.trueType = true;
    fonts.heading =
        io.Fonts->AddFontFromFileTTF((bold.empty() ? regular : bold).c_str(), body * 1.25f, nullptr, ranges);
    if (!bold.empty())
      fonts.bold = io.Fonts->AddFontFromFileTTF(bold.c_str(), body, nullptr, ranges);
    const float present = std::max(26.0f, body * 1.25f);
    fonts.presentBody = io.Fonts->AddFontFromFileTTF(regular.c_str(), present, nullptr, ranges);
    fonts.presentTitle = io.Fonts->AddFontFromFileTTF((bold.empty() ? regular : bold).c_str(), present * 1.3f,
                                                      nullptr, ranges);
  } else {
    ImFontConfig config;
    config.SizePixels = 13.0f * scale;
    fonts.body = io.Fonts->AddFontDefault(&config);
    fonts.heading = fonts.body;
  }
  if (!fonts.heading)
    fonts.heading = fonts.body;
  if (!fonts.bold)
    fonts.bold = fonts.body;
  io.FontDefault = fonts.body;
  return fonts;
}

} // namespace atlas::ui
