#include "ui/panels.h"

#include <imgui.h>
#include <string>

namespace atlas::ui {

namespace {

// `text` cut to fit `width` pixels, ending in "..." when cut (on a UTF-8 character boundary).
std::string fitted(const std::string &text, float width) {
  if (width <= 0.0f || ImGui::CalcTextSize(text.c_str()).x <= width)
    return text;
  const float room = width - ImGui::CalcTextSize("...").x;
  std::size_t lo = 0, hi = text.size();
  while (lo < hi) { // the longest prefix that fits
    const std::size_t mid = (lo + hi + 1) / 2;
    if (ImGui::CalcTextSize(text.data(), text.data() + mid).x <= room)
      lo = mid;
    else
      hi = mid - 1;
  }
  while (lo > 0 && (static_cast<unsigned char>(text[lo]) & 0xC0) == 0x80)
    --lo;
  return text.substr(0, lo) + "...";
}

} // namespace

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
    // One line that fits the window: the message (what just happened) first, then the model's
    // description in what is left; each cut with "..." and shown whole on hover.
    const float room = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x * 3.0f;
    std::string shownMessage;
    if (!message.empty()) {
      shownMessage = fitted(message, room * 0.6f);
      ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.35f, 1.0f), "%s", shownMessage.c_str());
      if (shownMessage != message && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", message.c_str());
      ImGui::SameLine(0.0f, gap);
    }
    const float left = ImGui::GetContentRegionAvail().x;
    const std::string shownAbout = fitted(about, left);
    ImGui::TextDisabled("%s", shownAbout.c_str());
    if (shownAbout != about && ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40.0f);
      ImGui::TextUnformatted(about.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
  }
  ImGui::End();
}

float placeRightPanel(FrameContext &ctx, float ems, float maxFraction) {
  const ImGuiViewport *vp = ImGui::GetMainViewport();
  const float width = std::min(ImGui::GetFontSize() * ems, vp->Size.x * maxFraction);
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - width, vp->Pos.y + ctx.layout.menuHeight),
                          ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, vp->Size.y - ctx.layout.menuHeight - ImGui::GetFrameHeight() * 1.4f),
                           ImGuiCond_Always);
  ctx.layout.rightWidth = width;
  return width;
}

void drawInterface(FrameContext &ctx, const std::string &statusMessage) {
  drawMainMenu(ctx);
  drawStructurePanel(ctx);
  // The sources, or else the teaching entries, the article or the functions, take the info panel's place.
  if (!drawSourcesPanel(ctx) && !drawTeachingPanel(ctx) && !drawQuizProgressPanel(ctx) &&
      !drawQuizPanel(ctx) && !drawReadingPanel(ctx))
    drawInfoPanel(ctx);
  drawViewToolbar(ctx);
  drawLabels(ctx);
  drawLegend(ctx);
  drawWhereInset(ctx);
  drawHint(ctx);
  drawStructureMenu(ctx, ctx.contextStructure);
  drawHelpPanel(ctx);
  drawDisclaimerWindow(ctx);
  drawOpenFilePopup(ctx);
  drawLoadingOverlay(ctx);
  drawMessageOverlay(ctx);
  drawStatusBar(ctx, statusMessage);
}

} // namespace atlas::ui
