// A message the user has to see, near the top of the 3D view: a file that could not be opened. It
// wraps, stays until dismissed (x, OK or Esc), and the status bar keeps only a short line.
#include "ui/panels.h"

#include <imgui.h>

namespace atlas::ui {

void drawMessageOverlay(FrameContext &ctx) {
  if (!ctx.errorMessage || ctx.errorMessage->empty())
    return;
  const glm::vec4 area = sceneArea(ctx);
  const float width = std::min(area.z - 40.0f, ImGui::GetFontSize() * 34.0f);
  const float top = area.y + ImGui::GetFrameHeight() * 2.6f; // below the view toolbar
  ImGui::SetNextWindowPos(ImVec2(area.x + area.z * 0.5f, top), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(std::max(width, 120.0f), 0.0f), ImGuiCond_Always);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.36f, 0.09f, 0.07f, 0.96f));
  ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.95f, 0.45f, 0.30f, 1.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.5f);
  bool dismiss = false;
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoNav |
                                 ImGuiWindowFlags_NoFocusOnAppearing;
  if (ImGui::Begin("Could not open the file", nullptr, flags)) {
    ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.45f, 1.0f), "Could not open the file");
    // The close button at the right of the title line.
    const float closeWidth = ImGui::GetFrameHeight();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - closeWidth);
    if (ImGui::Button("x", ImVec2(closeWidth, 0.0f)))
      dismiss = true;
    markItem(ctx, "message.close");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Dismiss");
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(ctx.errorMessage->c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("The model on screen is unchanged.");
    if (ImGui::Button("OK"))
      dismiss = true;
    markItem(ctx, "message.ok");
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) &&
        !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup))
      dismiss = true;
  }
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
  if (dismiss)
    ctx.errorMessage->clear();
}

} // namespace atlas::ui
