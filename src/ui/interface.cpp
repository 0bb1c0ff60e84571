#include "ui/panels.h"

#include <imgui.h>

namespace atlas::ui {

void drawStatusBar(FrameContext &ctx, const std::string &message) {
  const ImGuiViewport *vp = ImGui::GetMainViewport();
  const float height = ImGui::GetFrameHeight() * 1.4f;
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - height), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height), ImGuiCond_Always);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoNav |
                                 ImGuiWindowFlags_NoFocusOnAppearing;
  if (ImGui::Begin("Status", nullptr, flags)) {
    const Scene &scene = ctx.session.scene();
    const std::string about = !scene.description.empty() ? scene.description : scene.sourcePath;
    ImGui::TextDisabled("%s", about.c_str());
    if (!message.empty()) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.35f, 1.0f), "  %s", message.c_str());
    }
  }
  ImGui::End();
}

void drawInterface(FrameContext &ctx, const std::string &statusMessage) {
  drawMainMenu(ctx);
  drawStructurePanel(ctx);
  if (!drawReadingPanel(ctx)) // the article or the functions take the info panel's place
    drawInfoPanel(ctx);
  drawViewToolbar(ctx);
  drawLabels(ctx);
  drawLegend(ctx);
  drawHint(ctx);
  drawStructureMenu(ctx, ctx.contextStructure);
  drawHelpPanel(ctx);
  drawDisclaimerWindow(ctx);
  drawOpenFilePopup(ctx);
  drawLoadingOverlay(ctx);
  drawStatusBar(ctx, statusMessage);
}

} // namespace atlas::ui
