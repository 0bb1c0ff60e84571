// Presentation mode (issue 16): the lesson's step in large type in a band beside the model, read from
// the back of a room, with no menus or panels. The band takes the right-hand side because the model
// (a neck) is tall: the 3D view keeps the left 60 % and the whole height. Keys (app/viewport_input.cpp)
// and the band's buttons step through the lesson; Esc leaves. Also the lesson's pins, drawn in both
// modes with a leader line to their note.
#include "ui/panels.h"

#include "content/bibliography.h"

#include <algorithm>
#include <glm/glm.hpp>
#include <imgui.h>

namespace atlas::ui {
namespace {

const ImU32 kPinColor = IM_COL32(255, 214, 92, 255);

// "Gray 2016; Moore 2014": the step's sources as short cites.
std::string citeLine(const Session &session, const std::vector<std::string> &sources) {
  std::string line;
  for (const std::string &id : sources) {
    const content::Work *work = session.knowledge().bibliography().find(id);
    line += (line.empty() ? "" : "; ") + (work ? content::shortCite(*work) : id);
  }
  return line;
}

// The colours' key in the band, under the text, where it never covers a label or the model.
void drawColourKey(const Session &session) {
  std::vector<HighlightRole> roles;
  if (session.view().highlights.size() >= 2)
    for (const Highlight &h : session.view().highlights)
      if (std::find(roles.begin(), roles.end(), h.role) == roles.end())
        roles.push_back(h.role);
  std::sort(roles.begin(), roles.end());
  if (roles.empty())
    return;
  ImGui::Spacing();
  ImGui::Spacing();
  const float size = ImGui::GetTextLineHeight();
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (i % 3 != 0)
      ImGui::SameLine(0.0f, size);
    const glm::vec3 c = glm::pow(highlightColor(roles[i]), glm::vec3(1.0f / 2.2f)); // linear to sRGB
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size, p.y + size),
                                              ImGui::GetColorU32(ImVec4(c.r, c.g, c.b, 1.0f)), size * 0.2f);
    ImGui::Dummy(ImVec2(size, size));
    ImGui::SameLine();
    ImGui::TextUnformatted(highlightRoleLabel(roles[i]));
  }
  ImGui::TextDisabled("%s", session.sourceMode() == SourceMode::Article ? "As stated in the article"
                                                                        : "Standard anatomy");
}

} // namespace

float presentationBandWidth(float windowWidth) {
  return std::clamp(windowWidth * 0.4f, 320.0f, 760.0f);
}

bool drawPresentation(FrameContext &ctx) {
  const Session &session = ctx.session;
  const content::LessonStep *step = session.presenting() ? session.currentLessonStep() : nullptr;
  if (!step)
    return false;
  const ImGuiViewport *vp = ImGui::GetMainViewport();
  const float width = presentationBandWidth(vp->Size.x);
  ctx.layout.menuHeight = 0.0f;
  ctx.layout.leftWidth = 0.0f;
  ctx.layout.rightWidth = width;
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - width, vp->Pos.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, vp->Size.y), ImGuiCond_Always);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoScrollWithMouse;
  const float pad = ctx.fonts.presentBody ? ctx.fonts.presentBody->FontSize : ImGui::GetFontSize() * 1.5f;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
  if (ImGui::Begin("Presentation", nullptr, flags)) {
    const bool patient = session.articleView.patientMode || session.lesson()->audience == "patient";
    const int count = static_cast<int>(session.lesson()->steps.size());
    const int index = session.lessonStep();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Step %d of %d · %s", index + 1, count, session.lesson()->title.c_str());
    ImGui::PopTextWrapPos();
    markItem(ctx, "present.counter");
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.presentTitle ? ctx.fonts.presentTitle : ctx.fonts.heading);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(step->title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    markItem(ctx, "present.title");
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.presentBody ? ctx.fonts.presentBody : ctx.fonts.body);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(step->textFor(patient).c_str());
    ImGui::PopTextWrapPos();
    markItem(ctx, "present.text");
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ctx.layout.presentationText = glm::vec4(min.x, min.y, max.x - min.x, max.y - min.y);
    ctx.layout.presentationTextPx = ImGui::GetFontSize();
    ImGui::PopFont();
    if (!step->sources.empty()) {
      ImGui::Spacing();
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextDisabled("Sources: %s", citeLine(session, step->sources).c_str());
      ImGui::PopTextWrapPos();
    }
    drawColourKey(session);
    // Previous / next at the foot of the band, for a mouse; clickers send Page Up/Down.
    const float buttons = ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing() + pad;
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - buttons));
    ImGui::BeginDisabled(index <= 0);
    if (ImGui::Button("< Previous"))
      ctx.commands.push_back(StepLessonCommand{-1});
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(index + 1 >= count);
    if (ImGui::Button("Next >"))
      ctx.commands.push_back(StepLessonCommand{+1});
    markItem(ctx, "present.next");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Leave (Esc)"))
      ctx.commands.push_back(PresentCommand{false});
    ImGui::TextDisabled("Arrows, Page Up/Down, space: step · Esc: leave");
  }
  ctx.layout.panels.push_back({"Presentation", glm::vec4(vp->Size.x - width, 0.0f, width, vp->Size.y)});
  ImGui::End();
  ImGui::PopStyleVar();
  return true;
}

void drawLessonPins(FrameContext &ctx) {
  const Session &session = ctx.session;
  // Pins are notes with leader lines: they show and hide with the labels (L, labels: false).
  const std::vector<Session::LessonPinOnModel> pins = session.lessonPins();
  if (pins.empty() || !session.view().labels)
    return;
  const glm::vec4 area = sceneArea(ctx);
  const ImGuiIO &io = ImGui::GetIO();
  const float sx = io.DisplaySize.x / std::max(1.0f, static_cast<float>(session.viewportWidth()));
  const float sy = io.DisplaySize.y / std::max(1.0f, static_cast<float>(session.viewportHeight()));
  // Behind every window (a dialog covers the pins) and over the model, which is drawn before ImGui.
  ImDrawList *draw = ImGui::GetBackgroundDrawList();
  const float radius = ImGui::GetFontSize() * 0.35f;
  const float pad = ImGui::GetFontSize() * 0.3f;
  for (const Session::LessonPinOnModel &pin : pins) {
    const std::optional<glm::vec2> pixel = session.projectToImage(pin.point);
    if (!pixel)
      continue;
    const ImVec2 at(pixel->x * sx, pixel->y * sy);
    if (at.x < area.x || at.y < area.y || at.x > area.x + area.z || at.y > area.y + area.w)
      continue;
    // The note goes up and away from the middle of the view, where the model usually is.
    const float side = at.x < area.x + area.z * 0.5f ? -1.0f : 1.0f;
    const ImVec2 size = ImGui::CalcTextSize(pin.note.c_str());
    ImVec2 box(at.x + side * ImGui::GetFontSize() * 3.0f, at.y - ImGui::GetFontSize() * 2.2f);
    if (side < 0.0f)
      box.x -= size.x + 2.0f * pad;
    box.x = std::clamp(box.x, area.x + pad, area.x + area.z - size.x - 3.0f * pad);
    box.y = std::clamp(box.y, area.y + pad, area.y + area.w - size.y - 3.0f * pad);
    const ImVec2 boxEnd(box.x + size.x + 2.0f * pad, box.y + size.y + 2.0f * pad);
    const ImVec2 joint(side < 0.0f ? boxEnd.x : box.x, (box.y + boxEnd.y) * 0.5f);
    draw->AddLine(at, joint, kPinColor, 2.0f);
    draw->AddCircleFilled(at, radius, kPinColor);
    draw->AddCircle(at, radius, IM_COL32(20, 20, 20, 255), 0, 1.5f);
    draw->AddRectFilled(box, boxEnd, IM_COL32(24, 26, 30, 235), pad);
    draw->AddRect(box, boxEnd, kPinColor, pad, 0, 1.5f);
    draw->AddText(ImVec2(box.x + pad, box.y + pad), IM_COL32(245, 245, 245, 255), pin.note.c_str());
    // The labels drawn next keep clear of the note and of the pin's head.
    ctx.layout.keepClear.push_back(glm::vec4(box.x, box.y, boxEnd.x - box.x, boxEnd.y - box.y));
    ctx.layout.keepClear.push_back(glm::vec4(at.x - radius, at.y - radius, 2.0f * radius, 2.0f * radius));
  }
}

} // namespace atlas::ui
