// The structure list: every structure of the model grouped by system, with a type-to-filter box and
// per-structure and per-system visibility.
#include "ui/panels.h"

#include <algorithm>
#include <cctype>
#include <imgui.h>

namespace atlas::ui {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

const char *systemHeading(System s) {
  switch (s) {
  case System::Bone:
    return "Bones";
  case System::Muscle:
    return "Muscles";
  case System::Nerve:
    return "Nerves";
  case System::Artery:
    return "Arteries";
  case System::Cartilage:
    return "Cartilage";
  case System::Disc:
    return "Intervertebral discs";
  case System::Attachment:
    return "Attachment sites";
  case System::Other:
    break;
  }
  return "Parts";
}

// Eye and ghost toggles; returns the visibility the user chose (unchanged when none).
Visibility visibilityButtons(const char *id, Visibility current) {
  ImGui::PushID(id);
  Visibility next = current;
  const bool hidden = current == Visibility::Hidden;
  if (ImGui::SmallButton(hidden ? "show" : "hide"))
    next = hidden ? Visibility::Visible : Visibility::Hidden;
  ImGui::SameLine();
  const bool ghosted = current == Visibility::Ghosted;
  if (ImGui::SmallButton(ghosted ? "solid" : "x-ray"))
    next = ghosted ? Visibility::Visible : Visibility::Ghosted;
  ImGui::PopID();
  return next;
}

// Width of the "hide" and "x-ray" buttons at the end of each row.
float buttonsWidth() {
  const ImGuiStyle &style = ImGui::GetStyle();
  return ImGui::CalcTextSize("show").x + ImGui::CalcTextSize("solid").x + style.FramePadding.x * 4.0f +
         style.ItemSpacing.x * 2.0f + style.ScrollbarSize;
}

} // namespace

void drawStructurePanel(FrameContext &ctx) {
  if (!ctx.settings.showStructures)
    return;
  const ImGuiViewport *vp = ImGui::GetMainViewport();
  const float width = std::min(ImGui::GetFontSize() * 21.0f, vp->Size.x * 0.3f);
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + ctx.layout.menuHeight), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, vp->Size.y - ctx.layout.menuHeight - ImGui::GetFrameHeight() * 1.4f),
                           ImGuiCond_Always);
  ctx.layout.leftWidth = width;
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  if (!ImGui::Begin("Structures", &ctx.settings.showStructures, flags)) {
    ImGui::End();
    return;
  }
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "%s", ctx.settings.filter.c_str());
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::InputTextWithHint("##filter", "Search structures…", buffer, sizeof buffer))
    ctx.settings.filter = buffer;
  const std::string needle = lower(ctx.settings.filter);
  if (ImGui::Button("Show all"))
    ctx.commands.push_back(ShowAllCommand{});

  const Session &session = ctx.session;
  const auto &structures = session.scene().structures();
  ImGui::BeginChild("list");
  for (System system : {System::Muscle, System::Bone, System::Nerve, System::Artery, System::Cartilage,
                        System::Disc, System::Attachment, System::Other}) {
    std::vector<int> members;
    for (std::size_t i = 0; i < structures.size(); ++i) {
      const Structure &s = structures[i];
      if (s.system != system || (s.meshes.empty() && system == System::Other))
        continue;
      if (!needle.empty() && lower(s.displayName()).find(needle) == std::string::npos &&
          lower(s.id).find(needle) == std::string::npos)
        continue;
      members.push_back(static_cast<int>(i));
    }
    if (members.empty())
      continue;
    const bool open = ImGui::CollapsingHeader(
        systemHeading(system), system == System::Attachment ? 0 : ImGuiTreeNodeFlags_DefaultOpen);
    // Whole-system visibility on the header line.
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - buttonsWidth() + ImGui::GetStyle().ScrollbarSize);
    const Visibility systemNow = session.view().visibility(members.front());
    const Visibility systemNext = visibilityButtons(systemHeading(system), systemNow);
    if (systemNext != systemNow)
      ctx.commands.push_back(SetSystemVisibilityCommand{system, systemNext});
    if (!open)
      continue;
    for (int index : members) {
      const Structure &s = structures[static_cast<std::size_t>(index)];
      const Visibility now = session.view().visibility(index);
      ImGui::PushID(index);
      if (now == Visibility::Hidden)
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
      if (ImGui::Selectable(
              s.displayName().c_str(), session.selected() == index, ImGuiSelectableFlags_AllowDoubleClick,
              ImVec2(ImGui::GetContentRegionAvail().x - buttonsWidth() + ImGui::GetStyle().ScrollbarSize,
                     0.0f)))
        ctx.commands.push_back(SelectCommand{s.id, ImGui::IsMouseDoubleClicked(0)});
      if (now == Visibility::Hidden)
        ImGui::PopStyleColor();
      if (ImGui::IsItemHovered() && s.displayName() != s.id)
        ImGui::SetTooltip("%s", s.id.c_str());
      ImGui::SameLine();
      const Visibility next = visibilityButtons(s.id.c_str(), now);
      if (next != now)
        ctx.commands.push_back(SetVisibilityCommand{s.id, next});
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
  ImGui::End();
}

} // namespace atlas::ui
