// UiSettings: the user's interface preferences, as a plain struct that round-trips through JSON and
// is saved atomically to the settings file.
//
// Loading never stops the app and never loses what the user had: a file that cannot be used is moved
// aside (settings.json.bad-<date>-<time>) before anything is saved over it, keys this version does
// not know are kept and written back, and every value that is not used is named in a warning.
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace atlas::ui {

struct UiSettings {
  float scale = 1.25f; // projector-friendly default; 17 px text at 1.0
  bool showStructures = true;
  bool showInfo = true;
  bool showHelp = false;
  bool panelsCollapsed = false;         // P: the side panels folded to thin rails, for the model (not saved)
  bool disclaimerSeen = false;          // the disclaimer opens by itself until it has been shown once
  std::string filter;                   // structure-list search text (not saved)
  std::string openPath;                 // the File > Open path field (not saved)
  bool openFileRequested = false;       // File > Open or Ctrl+O: the popup opens on the next frame
  std::vector<std::string> recentFiles; // models opened from the window, newest first (at most 10)
  // Keys of the file this version does not know (a newer version's, or the user's): written back.
  nlohmann::json extra = nlohmann::json::object();
  // Not empty: why saving must not write over the settings file (a bad file that could not be moved
  // aside); saveSettings() returns it as its error.
  std::string saveRefused;
};

struct LoadedSettings {
  UiSettings settings;
  std::vector<std::string> warnings; // one line each, naming the file and the key
};

nlohmann::json toJson(const UiSettings &settings);
// Reads what it can; a wrongly typed or out-of-range value keeps its default and gets a warning
// ("SOURCE: "key": expected ..., found ...; using ..."). Unknown keys go to `extra`.
LoadedSettings settingsFromJson(const nlohmann::json &json, const std::string &source);
UiSettings settingsFromJson(const nlohmann::json &json); // the same, without the warnings
// No file: the defaults, without a warning. Never fails; problems come back as warnings.
LoadedSettings loadSettings(const std::string &path);
Result<void> saveSettings(const UiSettings &settings, const std::string &path);

} // namespace atlas::ui
