#include "session/panel_name.h"

#include "core/enum_names.h"

#include <array>
#include <utility>

namespace atlas {
namespace {

constexpr std::array<std::pair<PanelName, const char *>, 8> kPanels{{
    {PanelName::Article, "article"},
    {PanelName::Functions, "functions"},
    {PanelName::Disclaimer, "disclaimer"},
    {PanelName::Sources, "sources"},
    {PanelName::Teaching, "teaching"},
    {PanelName::Structures, "structures"},
    {PanelName::Info, "info"},
    {PanelName::Progress, "progress"},
}};

} // namespace

const char *panelName(PanelName panel) {
  return nameIn(kPanels, panel, "");
}

std::optional<PanelName> panelFromName(std::string_view name) {
  return valueNamed(kPanels, name);
}

const std::vector<std::string> &panelNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const auto &entry : kPanels)
      all.emplace_back(entry.second);
    return all;
  }();
  return names;
}

} // namespace atlas
