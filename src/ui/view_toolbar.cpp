#include "ui/panels.h"

#include <imgui.h>

namespace atlas::ui {

void drawViewToolbar(FrameContext &ctx) {
  const ImGuiViewport *vp = ImGui::GetMainViewport();
  const float centerX =
      vp->Pos.x + ctx.layout.leftWidth + (vp->Size.x - ctx.layout.leftWidth - ctx.layout.rightWidth) * 0.5f;
  ImGui::SetNextWindowPos(ImVec2(centerX, vp->Pos.y + ctx.layout.menuHeight + 8.0f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.75f);
  const ImGuiWindowFlags flags = kOverlayWindowFlags;
  if (ImGui::Begin("Views", nullptr, flags)) {
    const std::pair<StandardView, const char *> views[] = {
        {StandardView::Anterior, "Anterior"}, {StandardView::Posterior, "Posterior"},
        {StandardView::Left, "Left"},         {StandardView::Right, "Right"},
        {StandardView::Superior, "Superior"}, {StandardView::Inferior, "Inferior"},
        {StandardView::Default, "Reset"}};
    bool first = true;
    for (const auto &[view, label] : views) {
      if (!first)
        ImGui::SameLine();
      first = false;
      if (ImGui::Button(label))
        ctx.commands.push_back(SetViewCommand{view});
    }
  }
  ImGui::End();
}

} // namespace atlas::ui
