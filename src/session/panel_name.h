// The panels that can be opened by name (--panel), as one enum: the name is parsed where the text
// comes in and the enum is used inside. No GL.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

enum class PanelName { Article, Functions, Disclaimer, Sources, Teaching, Structures, Info, Progress };

const char *panelName(PanelName panel); // "article", ..., "progress"
std::optional<PanelName> panelFromName(std::string_view name);
const std::vector<std::string> &panelNames(); // every name, in the enum's order

} // namespace atlas
