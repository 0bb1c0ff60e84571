// UiSettings: the user's interface preferences, as a plain struct that round-trips through JSON and
// is saved atomically to the settings file.
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>
#include <string>

namespace atlas::ui {

struct UiSettings {
  float scale = 1.25f; // projector-friendly default; 17 px text at 1.0
  bool showStructures = true;
  bool showInfo = true;
  bool showHelp = false;
  bool disclaimerSeen = false;    // the disclaimer opens by itself until it has been shown once
  std::string filter;             // structure-list search text (not saved)
  std::string openPath;           // the File > Open path field (not saved)
  bool openFileRequested = false; // File > Open or Ctrl+O: the popup opens on the next frame
};

nlohmann::json toJson(const UiSettings &settings);
// Unknown keys are ignored and out-of-range values clamped, so an old or edited file still loads.
UiSettings settingsFromJson(const nlohmann::json &json);
Result<UiSettings> loadSettings(const std::string &path);
Result<bool> saveSettings(const UiSettings &settings, const std::string &path);

} // namespace atlas::ui
