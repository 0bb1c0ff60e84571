#include "ui/panels.h"

#include <imgui.h>

namespace atlas::ui {

void drawHelpPanel(FrameContext &ctx) {
  if (!ctx.settings.showHelp)
    return;
  const ImGuiViewport *vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::Begin("Help: keyboard and mouse", &ctx.settings.showHelp,
                    ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  static const char *const rows[][2] = {
      {"Left drag", "Orbit around the model"},
      {"Right or middle drag, Shift+left drag", "Pan"},
      {"Scroll wheel / two-finger scroll", "Zoom"},
      {"Click", "Select the structure under the cursor (empty space clears)"},
      {"Double-click", "Select and frame it"},
      {"Ctrl+click / Shift+click", "Add a part to the selection (Ctrl+click again takes it out)"},
      {"1 2 3 4 5 6", "Anterior, posterior, left, right, superior, inferior view"},
      {"0 or Home", "Reset to the opening view"},
      {"F", "Frame the selection"},
      {"H / G / I", "Hide / x-ray / isolate the selection (every selected part)"},
      {"A", "Show all"},
      {"S", "Switch between standard anatomy and the article's version"},
      {"L", "Labels on or off"},
      {"P", "Fold the side panels to thin rails (more room for the model); again to unfold"},
      {"Right-click", "Menu for the structure under the cursor"},
      {"Esc", "Clear the selection"},
      {"F5", "Present the open lesson (Lessons menu); Esc leaves"},
      {"Page Down / Page Up", "Next / previous lesson step (also space and the arrows while presenting)"},
      {"F1", "This help"},
      {"Ctrl+O", "Open a model (or drop a file on the window)"},
      {"Ctrl+Q", "Quit"},
  };
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
    for (const auto &row : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row[0]);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row[1]);
    }
    ImGui::EndTable();
  }
  ImGui::TextDisabled("Frame: +X is the patient's left, +Y superior, +Z anterior.");
  ImGui::End();
}

} // namespace atlas::ui
