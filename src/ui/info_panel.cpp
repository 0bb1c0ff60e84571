// The info panel: what the selected structure is — names, FMA id, system, side — and actions on it.
#include "ui/panels.h"

#include <imgui.h>

namespace atlas::ui {

void drawInfoPanel(FrameContext &ctx) {
  const Session &session = ctx.session;
  if (!ctx.settings.showInfo || session.selected() < 0)
    return;
  const Structure &s = session.scene().structures()[static_cast<std::size_t>(session.selected())];
  const ImGuiViewport *vp = ImGui::GetMainViewport();
  const float width = std::min(ImGui::GetFontSize() * 22.0f, vp->Size.x * 0.34f);
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - width, vp->Pos.y + ctx.layout.menuHeight),
                          ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, vp->Size.y - ctx.layout.menuHeight - ImGui::GetFrameHeight() * 1.4f),
                           ImGuiCond_Always);
  ctx.layout.rightWidth = width;
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  if (!ImGui::Begin("Info", &ctx.settings.showInfo, flags)) {
    ImGui::End();
    return;
  }
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextWrapped("%s", s.displayName().c_str());
  ImGui::PopFont();
  if (!s.latin.empty())
    ImGui::TextDisabled("%s", s.latin.c_str());
  ImGui::Separator();
  if (ImGui::BeginTable("facts", 2)) {
    auto row = [](const char *key, const std::string &value) {
      if (value.empty())
        return;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", key);
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", value.c_str());
    };
    row("Id", s.id);
    row("System", systemName(s.system));
    row("Side", s.side);
    row("FMA", s.fma.empty() ? std::string() : "FMA:" + s.fma);
    row("Triangles", std::to_string(s.triangleCount()));
    if (s.attachment) {
      row("Role", s.attachment->role);
      row("Muscle", s.attachment->muscle);
      row("Bone", s.attachment->bone);
      row("Source", s.attachment->source);
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  if (ImGui::Button("Frame"))
    ctx.commands.push_back(FrameSelectionCommand{});
  ImGui::SameLine();
  if (ImGui::Button("Isolate"))
    ctx.commands.push_back(IsolateCommand{s.id});
  ImGui::SameLine();
  if (ImGui::Button("Hide"))
    ctx.commands.push_back(SetVisibilityCommand{s.id, Visibility::Hidden});
  ImGui::SameLine();
  if (ImGui::Button("Clear"))
    ctx.commands.push_back(SelectCommand{});
  ImGui::End();
}

} // namespace atlas::ui
