#include "ui/panels.h"

#include <algorithm>
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

namespace {

// The 3D view keeps at least this share of the window's width whatever panels are open, and the
// structure list at least this share beside a right-hand panel (issue 16: at 1280x720 two panels
// left the model a third of the width).
constexpr float kViewShare = 0.5f;
constexpr float kListShare = 0.22f;

float fullPanelHeight(const FrameContext &ctx) {
  return ImGui::GetMainViewport()->Size.y - ctx.layout.menuHeight - ImGui::GetFrameHeight() * 1.4f;
}

float railWidth() {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.x * 2.0f;
}

} // namespace

float placeRightPanel(FrameContext &ctx, float ems, float maxFraction) {
  const ImGuiViewport *vp = ImGui::GetMainViewport();
  // Room kept for the structure list, which is placed after this panel (leftPanelWidth).
  const float list =
      ctx.settings.showStructures ? std::min(ImGui::GetFontSize() * 21.0f, vp->Size.x * kListShare) : 0.0f;
  const float width = std::max(
      std::min({ImGui::GetFontSize() * ems, vp->Size.x * maxFraction, vp->Size.x * kViewShare - list}),
      ImGui::GetFontSize() * 8.0f);
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - width, vp->Pos.y + ctx.layout.menuHeight),
                          ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, fullPanelHeight(ctx)), ImGuiCond_Always);
  ctx.layout.rightWidth = width;
  ctx.layout.panels.push_back(
      {"right", glm::vec4(vp->Size.x - width, ctx.layout.menuHeight, width, fullPanelHeight(ctx))});
  return width;
}

float leftPanelWidth(const FrameContext &) {
  // One width whether or not a right-hand panel is open, so the list never changes under the pointer
  // when a click on it opens the info panel; placeRightPanel leaves it this much.
  return std::min(ImGui::GetFontSize() * 21.0f, ImGui::GetMainViewport()->Size.x * kListShare);
}

void drawPanelRails(FrameContext &ctx) {
  const ImGuiViewport *vp = ImGui::GetMainViewport();
  const float width = railWidth(), height = fullPanelHeight(ctx);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar;
  struct Rail {
    const char *name, *arrow, *item;
    float x;
    bool shown;
  };
  // The list's rail only when the list was open; the right one always (the info, article, quiz...
  // panel, whichever was there, comes back).
  const Rail rails[] = {{"Panels rail (left)", ">", "rail.left", vp->Pos.x, ctx.settings.showStructures},
                        {"Panels rail (right)", "<", "rail.right", vp->Pos.x + vp->Size.x - width, true}};
  for (const Rail &rail : rails) {
    if (!rail.shown)
      continue;
    ImGui::SetNextWindowPos(ImVec2(rail.x, vp->Pos.y + ctx.layout.menuHeight), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
    if (ImGui::Begin(rail.name, nullptr, flags)) {
      if (ImGui::Button(rail.arrow, ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight() * 3.0f)))
        ctx.settings.panelsCollapsed = false;
      markItem(ctx, rail.item);
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Show the panels again (P)");
    }
    ImGui::End();
    (rail.x <= vp->Pos.x ? ctx.layout.leftWidth : ctx.layout.rightWidth) = width;
    ctx.layout.panels.push_back(
        {rail.name, glm::vec4(rail.x - vp->Pos.x, ctx.layout.menuHeight, width, height)});
  }
}

void drawInterface(FrameContext &ctx, const std::string &statusMessage) {
  if (drawPresentation(ctx)) { // the model, its labels and pins, the step's text and key: nothing else
    drawLessonPins(ctx);       // first: the labels keep clear of the pins' notes
    drawLabels(ctx);
    drawDisclaimerWindow(ctx); // a first start shows it over the presentation too
    drawMessageOverlay(ctx);
    return;
  }
  drawMainMenu(ctx);
  if (ctx.settings.panelsCollapsed) {
    drawPanelRails(ctx);
  } else {
    drawStructurePanel(ctx);
    // The sources, or else the teaching entries, the article or the functions, take the info panel's place.
    if (!drawSourcesPanel(ctx) && !drawTeachingPanel(ctx) && !drawLessonPanel(ctx) &&
        !drawQuizProgressPanel(ctx) && !drawQuizPanel(ctx) && !drawReadingPanel(ctx))
      drawInfoPanel(ctx);
  }
  drawViewToolbar(ctx);
  drawLegend(ctx);     // first: the labels keep clear of it
  drawLessonPins(ctx); // and of the pins' notes
  drawLabels(ctx);
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
