// The structure list: every structure of the model grouped by system, with a type-to-filter box and
// per-structure and per-system visibility.
#include "ui/panels.h"

#include <algorithm>
#include <cctype>
#include <imgui.h>
#include <optional>
#include <vector>

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
  case System::Vein:
    return "Veins";
  case System::Pleura:
    return "Pleura";
  case System::Fascia:
    return "Fasciae";
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

// Width of the header's "hide", "x-ray" and "isolate" buttons.
float groupButtonsWidth() {
  const ImGuiStyle &style = ImGui::GetStyle();
  return buttonsWidth() + ImGui::CalcTextSize("isolate").x + style.FramePadding.x * 2.0f +
         style.ItemSpacing.x;
}

// A group's visibility as a whole: its buttons act on every member, so they say what all of them are.
struct GroupState {
  int members = 0, hidden = 0, ghosted = 0;
};

GroupState groupState(const Session &session, System system) {
  GroupState g;
  const auto &structures = session.scene().structures();
  for (std::size_t i = 0; i < structures.size(); ++i) {
    if (structures[i].system != system)
      continue;
    ++g.members;
    const Visibility v = session.view().visibility(static_cast<int>(i));
    g.hidden += v == Visibility::Hidden;
    g.ghosted += v == Visibility::Ghosted;
  }
  return g;
}

// The header's label: the heading, and how many members are hidden or x-rayed when not all or none.
// The "###" part keeps the header's id (and so its open state) whatever the counts say.
std::string groupLabel(System system, const GroupState &g) {
  std::string label = systemHeading(system);
  if (g.hidden > 0 && g.hidden < g.members)
    label += " (" + std::to_string(g.hidden) + " of " + std::to_string(g.members) + " hidden)";
  else if (g.ghosted > 0 && g.ghosted < g.members)
    label += " (" + std::to_string(g.ghosted) + " of " + std::to_string(g.members) + " x-ray)";
  return label + "###group." + systemName(system);
}

// Ctrl+click toggles one row in or out of the selection; Shift+click adds every row from the last
// selected one to this one, as in a file manager.
void selectFromList(FrameContext &ctx, const std::vector<int> &rows, int clicked, bool ctrl) {
  const auto &structures = ctx.session.scene().structures();
  if (ctrl) {
    ctx.commands.push_back(
        SelectCommand{structures[static_cast<std::size_t>(clicked)].id, false, SelectMode::Toggle});
    return;
  }
  auto from = std::find(rows.begin(), rows.end(), ctx.session.selected());
  auto to = std::find(rows.begin(), rows.end(), clicked);
  if (from == rows.end())
    from = to;
  const int step = from <= to ? 1 : -1;
  for (auto row = from;; row += step) { // ends on the clicked row, which the panels then describe
    ctx.commands.push_back(
        SelectCommand{structures[static_cast<std::size_t>(*row)].id, false, SelectMode::Add});
    if (row == to)
      break;
  }
}

// Hide / x-ray / isolate for the whole group, on the header line; they never open or close it.
void groupButtons(FrameContext &ctx, System system, const GroupState &g) {
  const std::string prefix = std::string("structures.group.") + systemName(system);
  ImGui::PushID(prefix.c_str());
  const bool allHidden = g.hidden == g.members;
  if (ImGui::SmallButton(allHidden ? "show" : "hide"))
    ctx.commands.push_back(
        SetSystemVisibilityCommand{system, allHidden ? Visibility::Visible : Visibility::Hidden});
  markItem(ctx, (prefix + ".hide").c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", allHidden ? "Show every one" : "Hide every one");
  ImGui::SameLine();
  const bool allGhosted = g.ghosted == g.members;
  if (ImGui::SmallButton(allGhosted ? "solid" : "x-ray"))
    ctx.commands.push_back(
        SetSystemVisibilityCommand{system, allGhosted ? Visibility::Visible : Visibility::Ghosted});
  markItem(ctx, (prefix + ".xray").c_str());
  ImGui::SameLine();
  if (ImGui::SmallButton("isolate"))
    ctx.commands.push_back(IsolateSystemCommand{system});
  markItem(ctx, (prefix + ".isolate").c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Show only these");
  ImGui::PopID();
}

} // namespace

void drawStructurePanel(FrameContext &ctx) {
  if (!ctx.settings.showStructures)
    return;
  const ImGuiViewport *vp = ImGui::GetMainViewport();
  const float width = leftPanelWidth(ctx); // what the right-hand panel, placed first, leaves
  const float height = vp->Size.y - ctx.layout.menuHeight - ImGui::GetFrameHeight() * 1.4f;
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + ctx.layout.menuHeight), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
  ctx.layout.leftWidth = width;
  ctx.layout.panels.push_back({"left", glm::vec4(0.0f, ctx.layout.menuHeight, width, height)});
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  if (!ImGui::Begin("Structures", &ctx.settings.showStructures, flags)) {
    ImGui::End();
    return;
  }
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "%s", ctx.settings.filter.c_str());
  const bool searching = !ctx.settings.filter.empty();
  // Room for the clear button beside the field while there is something to clear.
  ImGui::SetNextItemWidth(searching ? -(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x) : -1.0f);
  if (ImGui::InputTextWithHint("##filter", "Search structures…", buffer, sizeof buffer))
    ctx.settings.filter = buffer;
  markItem(ctx, "structures.search");
  if (searching) {
    ImGui::SameLine();
    if (ImGui::Button("\xc3\x97##clear_search", ImVec2(ImGui::GetFrameHeight(), 0.0f))) // ×
      ctx.settings.filter.clear();
    markItem(ctx, "structures.search_clear");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Clear the search");
  }
  const std::string needle = lower(ctx.settings.filter);
  if (ImGui::Button("Show all"))
    ctx.commands.push_back(ShowAllCommand{});

  const Session &session = ctx.session;
  const auto &structures = session.scene().structures();
  ImGui::BeginChild("list");
  bool anyMatch = false;
  std::vector<int> rows;      // the rows in the order shown, for a Shift+click range
  std::optional<int> clicked; // the row clicked this frame
  const ImGuiIO &io = ImGui::GetIO();
  for (System system :
       {System::Muscle, System::Bone, System::Nerve, System::Artery, System::Vein, System::Pleura,
        System::Fascia, System::Cartilage, System::Disc, System::Attachment, System::Other}) {
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
    anyMatch = true;
    const GroupState group = groupState(session, system);
    // The header lets the buttons drawn over it take their clicks (AllowItemOverlap), so a click on
    // them never opens or closes the group and the list does not move under the next click.
    const bool open =
        ImGui::CollapsingHeader(groupLabel(system, group).c_str(),
                                ImGuiTreeNodeFlags_AllowItemOverlap |
                                    (system == System::Attachment ? 0 : ImGuiTreeNodeFlags_DefaultOpen));
    ImGui::SetItemAllowOverlap();
    markItem(ctx, (std::string("structures.group.") + systemName(system)).c_str());
    // The buttons go at the end of the header line when the heading, with its longest count, leaves
    // room for them, else on a line of their own under it: drawn over the heading they would hide
    // its words. Measured on the longest count, so a click that changes the count never moves the
    // list under the pointer.
    const std::string longest = std::string(systemHeading(system)) + " (00 of 00 hidden)";
    const float headingWidth = ImGui::CalcTextSize(longest.c_str()).x + ImGui::GetFontSize() +
                               ImGui::GetStyle().FramePadding.x * 4.0f;
    const float buttonsAt =
        ImGui::GetContentRegionAvail().x - groupButtonsWidth() + ImGui::GetStyle().ScrollbarSize;
    if (headingWidth <= buttonsAt)
      ImGui::SameLine(buttonsAt);
    else
      ImGui::Indent(ImGui::GetFontSize());
    groupButtons(ctx, system, group);
    if (headingWidth > buttonsAt)
      ImGui::Unindent(ImGui::GetFontSize());
    if (!open)
      continue;
    for (int index : members) {
      const Structure &s = structures[static_cast<std::size_t>(index)];
      const Visibility now = session.view().visibility(index);
      ImGui::PushID(index);
      if (now == Visibility::Hidden)
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
      rows.push_back(index);
      const bool inSelection = std::find(session.selection().begin(), session.selection().end(), index) !=
                               session.selection().end();
      // Beside a right-hand panel the list is narrow: a row's name then takes the whole row and its
      // buttons show while the pointer is on it (or while it is hidden or x-rayed, to say so).
      const float rowWidth = ImGui::GetContentRegionAvail().x;
      const float nameWidth = rowWidth - buttonsWidth() + ImGui::GetStyle().ScrollbarSize;
      const float rowStart = ImGui::GetCursorPosX();
      const bool narrow = nameWidth < ImGui::GetFontSize() * 8.0f;
      // In a narrow list the buttons show over the row the pointer was on last frame; the name is
      // then cut short before them (the tooltip gives it whole) instead of running on under them.
      const ImGuiID hoverKey = ImGui::GetID("hovered"); // this row's (inside its PushID)
      const bool buttonsShown =
          !narrow || now != Visibility::Visible || ImGui::GetStateStorage()->GetBool(hoverKey);
      const float selectableWidth = !narrow        ? nameWidth
                                    : buttonsShown ? std::max(nameWidth, ImGui::GetFontSize() * 2.0f)
                                                   : 0.0f;
      if (ImGui::Selectable(s.displayName().c_str(), inSelection,
                            ImGuiSelectableFlags_AllowDoubleClick |
                                (narrow ? ImGuiSelectableFlags_AllowItemOverlap : 0),
                            ImVec2(selectableWidth, 0.0f))) {
        if (io.KeyCtrl || io.KeyShift)
          clicked = index;
        else
          ctx.commands.push_back(SelectCommand{s.id, ImGui::IsMouseDoubleClicked(0)});
      }
      const ImVec2 rowMin = ImGui::GetItemRectMin(), rowMax = ImGui::GetItemRectMax();
      if (ctx.itemRects) // the part of the row that selects: left of where the buttons go
        (*ctx.itemRects)["structures.row." + s.id] =
            glm::vec4(rowMin.x, rowMin.y, std::min(nameWidth, rowMax.x - rowMin.x), rowMax.y - rowMin.y);
      markItem(ctx, ("structures.name." + s.id).c_str()); // where the name is drawn
      if (now == Visibility::Hidden)
        ImGui::PopStyleColor();
      // The whole row, buttons included, whatever width the name was drawn at.
      const bool onRow = ImGui::IsWindowHovered() &&
                         ImGui::IsMouseHoveringRect(rowMin, ImVec2(rowMin.x + rowWidth, rowMax.y), false);
      ImGui::GetStateStorage()->SetBool(hoverKey, onRow);
      if (ImGui::IsItemHovered()) // the full name (a long one is cut off in the row), then the id
        ImGui::SetTooltip("%s\n%s", s.displayName().c_str(), s.id.c_str());
      if (buttonsShown || onRow) {
        ImGui::SameLine(rowStart + nameWidth + ImGui::GetStyle().ItemSpacing.x);
        const ImVec2 buttonsMin = ImGui::GetCursorScreenPos();
        const Visibility next = visibilityButtons(s.id.c_str(), now);
        if (ctx.itemRects) {
          const ImVec2 buttonsMax = ImGui::GetItemRectMax();
          (*ctx.itemRects)["structures.buttons." + s.id] =
              glm::vec4(buttonsMin.x, buttonsMin.y, buttonsMax.x - buttonsMin.x, buttonsMax.y - buttonsMin.y);
        }
        if (next != now)
          ctx.commands.push_back(SetVisibilityCommand{s.id, next});
      }
      ImGui::PopID();
    }
  }
  if (clicked)
    selectFromList(ctx, rows, *clicked, io.KeyCtrl);
  if (!anyMatch && !needle.empty()) {
    ImGui::TextWrapped("No structure matches '%s'", ctx.settings.filter.c_str());
    markItem(ctx, "structures.no_match");
  }
  ImGui::EndChild();
  ImGui::End();
}

} // namespace atlas::ui
