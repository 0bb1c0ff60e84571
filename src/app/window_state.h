// --window-state: the state of the frame last shown in the window, as JSON, written whenever it
// changes. Tests drive the real window with X input (xdotool) and read this file instead of sending
// more input, so "the click worked but the screen still shows the old state" is caught.
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>
#include <string>

namespace atlas {

class WindowStateFile {
public:
  explicit WindowStateFile(std::string path) : path_(std::move(path)) {}
  // Writes `state` (atomically) unless it is what the file already holds.
  Result<void> update(const nlohmann::json &state);

private:
  std::string path_;
  std::string written_;
};

} // namespace atlas
