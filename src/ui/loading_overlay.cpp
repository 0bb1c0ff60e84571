// While a model is opened on a worker thread: which file, how far, and a way out. The rest of the
// interface stays usable; the model it had stays on screen until the new one is in.
#include "ui/panels.h"

#include <filesystem>
#include <imgui.h>

namespace atlas::ui {

void drawLoadingOverlay(FrameContext &ctx) {
  if (!ctx.loading)
    return;
  const glm::vec4 area = sceneArea(ctx);
  ImGui::SetNextWindowPos(ImVec2(area.x + area.z * 0.5f, area.y + area.w * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(0.92f);
  if (ImGui::Begin("Loading", nullptr, kOverlayWindowFlags)) {
    const std::string name = std::filesystem::path(ctx.loading->file).filename().string();
    ImGui::Text("Opening %s", name.c_str());
    ImGui::ProgressBar(ctx.loading->fraction, ImVec2(ImGui::GetFontSize() * 18.0f, 0.0f));
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
      ctx.requestCancelLoading = true;
  }
  ImGui::End();
}

} // namespace atlas::ui
