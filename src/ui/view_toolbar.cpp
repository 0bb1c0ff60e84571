#include "ui/panels.h"

#include <imgui.h>

namespace atlas::ui {

void drawViewToolbar(FrameContext &ctx) {
  const ImGuiViewport *vp = ImGui::GetMainViewport();
  const float areaWidth = vp->Size.x - ctx.layout.leftWidth - ctx.layout.rightWidth;
  const float centerX = vp->Pos.x + ctx.layout.leftWidth + areaWidth * 0.5f;
  ImGui::SetNextWindowPos(ImVec2(centerX, vp->Pos.y + ctx.layout.menuHeight + 8.0f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.75f);
  const ImGuiWindowFlags flags = kOverlayWindowFlags;
  if (ImGui::Begin("Views", nullptr, flags)) {
    struct Entry {
      StandardView view;
      const char *label, *shortLabel;
    };
    const Entry views[] = {
        {StandardView::Anterior, "Anterior", "Ant"}, {StandardView::Posterior, "Posterior", "Post"},
        {StandardView::Left, "Left", "L"},           {StandardView::Right, "Right", "R"},
        {StandardView::Superior, "Superior", "Sup"}, {StandardView::Inferior, "Inferior", "Inf"},
        {StandardView::Default, "Reset", "Reset"}};
    // Between two wide panels (a small screen, a large UI scale) the full names would spill over
    // the panels: then the buttons carry short names, with the full one as a tooltip.
    const ImGuiStyle &style = ImGui::GetStyle();
    float fullWidth = style.WindowPadding.x * 2.0f;
    for (const Entry &e : views)
      fullWidth += ImGui::CalcTextSize(e.label).x + style.FramePadding.x * 2.0f + style.ItemSpacing.x;
    const bool compact = fullWidth > areaWidth - 16.0f;
    bool first = true;
    for (const Entry &e : views) {
      if (!first)
        ImGui::SameLine();
      first = false;
      if (ImGui::Button(compact ? e.shortLabel : e.label))
        ctx.commands.push_back(SetViewCommand{e.view});
      if (compact && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s view", e.label);
    }
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    ctx.layout.toolbar = glm::vec4(pos.x, pos.y, size.x, size.y);
  }
  ImGui::End();
}

} // namespace atlas::ui
