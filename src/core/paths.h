// Where the app finds its bundled files (model, content, fonts) whatever the working directory.
#pragma once

#include <filesystem>
#include <string>

namespace atlas::paths {

// Directory of the running executable (from /proc/self/exe).
std::filesystem::path executableDir();

// Finds a bundled data directory ("assets", "content") by looking beside the executable, one and two
// levels up (build trees), and in the install prefix. Returns an empty path when none exists.
std::filesystem::path findDataDir(const std::string &name);

// The default model: assets/cervical_region.glb.
std::filesystem::path defaultModel();

// Per-user settings file ($XDG_CONFIG_HOME/scalene-atlas/settings.json).
std::filesystem::path settingsFile();

// Per-user data folder ($XDG_DATA_HOME/scalene-atlas, else ~/.local/share/scalene-atlas): what the user
// made and must not lose (quiz progress), kept apart from settings. A relative XDG_DATA_HOME is
// ignored, as the XDG Base Directory Specification asks.
std::filesystem::path dataDir();

} // namespace atlas::paths
