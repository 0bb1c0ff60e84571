#include "ui/ui_settings.h"

#include "io/atomic_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace atlas::ui {

nlohmann::json toJson(const UiSettings &s) {
  return {{"ui_scale", s.scale},
          {"show_structures", s.showStructures},
          {"show_info", s.showInfo},
          {"show_help", s.showHelp},
          {"disclaimer_seen", s.disclaimerSeen}};
}

UiSettings settingsFromJson(const nlohmann::json &json) {
  UiSettings s;
  if (!json.is_object())
    return s;
  auto number = json.find("ui_scale");
  if (number != json.end() && number->is_number())
    s.scale = std::clamp(number->get<float>(), 0.5f, 4.0f);
  auto flag = [&](const char *key, bool &out) {
    auto it = json.find(key);
    if (it != json.end() && it->is_boolean())
      out = it->get<bool>();
  };
  flag("show_structures", s.showStructures);
  flag("show_info", s.showInfo);
  flag("show_help", s.showHelp);
  flag("disclaimer_seen", s.disclaimerSeen);
  return s;
}

Result<UiSettings> loadSettings(const std::string &path) {
  std::ifstream in(path);
  if (!in)
    return UiSettings{}; // first start: defaults
  try {
    return settingsFromJson(nlohmann::json::parse(in));
  } catch (const nlohmann::json::exception &e) {
    return Error{path + ": settings file is not valid JSON (" + std::string(e.what()) + "); using defaults"};
  }
}

Result<bool> saveSettings(const UiSettings &settings, const std::string &path) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  return writeFileAtomically(path, toJson(settings).dump(2) + "\n");
}

} // namespace atlas::ui
