#include "ui/panels.h"

#include <imgui.h>

namespace atlas::ui {

void applyStyle(float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 6.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.WindowBorderSize = 0.0f;
  style.FramePadding = ImVec2(8.0f, 5.0f);
  style.ItemSpacing = ImVec2(8.0f, 6.0f);
  ImVec4 *c = style.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.10f, 0.11f, 0.13f, 0.94f);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.13f, 0.14f, 0.17f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.20f, 0.42f, 0.55f, 0.55f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.24f, 0.50f, 0.66f, 0.80f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.26f, 0.56f, 0.74f, 1.0f);
  c[ImGuiCol_Button] = ImVec4(0.20f, 0.24f, 0.30f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.26f, 0.50f, 0.66f, 1.0f);
  c[ImGuiCol_Text] = ImVec4(0.95f, 0.95f, 0.93f, 1.0f);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

} // namespace atlas::ui
