// "Where this is": in patient reading, a small outline of the head, neck and shoulders in the 3D
// view's lower right corner with the selected part marked on it, so a patient sees where on the
// neck the part being explained lies (the model alone shows no body around the spine).
#include "scene/body_outline.h"
#include "ui/panels.h"

#include <algorithm>

namespace atlas::ui {

void drawWhereInset(FrameContext &ctx) {
  const Session &session = ctx.session;
  if (!ctx.reading || !ctx.reading->patientMode || session.selection().empty())
    return;
  Bounds part;
  for (int member : session.selection())
    part.extend(session.scene().structures()[static_cast<std::size_t>(member)].bounds());
  if (part.empty())
    return;

  const float height = ImGui::GetFontSize() * 9.0f;
  const float width = height * 0.9f;
  const glm::vec4 area = sceneArea(ctx);
  ImGui::SetNextWindowPos(ImVec2(area.x + area.z - 10.0f, area.y + area.w - 10.0f), ImGuiCond_Always,
                          ImVec2(1.0f, 1.0f));
  ImGui::SetNextWindowBgAlpha(0.85f);
  if (ImGui::Begin("Where this is", nullptr, kOverlayWindowFlags | ImGuiWindowFlags_NoInputs)) {
    ImGui::TextUnformatted("Where this is");
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    markItem(ctx, "patient.where");
    // Model metres to inset pixels: the outline fills the box; seen from the front, so the
    // patient's left (+X) is on the right, as when facing them.
    const std::vector<glm::vec2> &outline = bodyOutlineFront();
    glm::vec2 lo(1e9f), hi(-1e9f);
    for (const glm::vec2 &p : outline) {
      lo = glm::min(lo, p);
      hi = glm::max(hi, p);
    }
    const float scale = std::min(width / (hi.x - lo.x), height / (hi.y - lo.y));
    const ImVec2 centre(origin.x + width * 0.5f, origin.y + height * 0.5f);
    const glm::vec2 mid = (lo + hi) * 0.5f;
    auto toInset = [&](const glm::vec2 &p) {
      return ImVec2(centre.x + (p.x - mid.x) * scale, centre.y - (p.y - mid.y) * scale);
    };
    std::vector<ImVec2> points;
    for (const glm::vec2 &p : outline)
      points.push_back(toInset(p));
    ImDrawList *draw = ImGui::GetWindowDrawList();
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(220, 220, 225, 255),
                      ImDrawFlags_Closed, 2.0f);
    // The part: its extent seen from the front, and a ring at its middle.
    const ImVec2 a = toInset({part.min.x, part.max.y}), b = toInset({part.max.x, part.min.y});
    const glm::vec3 c = highlightColor(HighlightRole::Selected);
    const ImU32 colour =
        IM_COL32(static_cast<int>(c.r * 255), static_cast<int>(c.g * 255), static_cast<int>(c.b * 255), 255);
    draw->AddRectFilled(a, b, (colour & 0x00FFFFFFu) | 0x66000000u, 3.0f);
    const ImVec2 m((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
    const float r = std::max(ImGui::GetFontSize() * 0.45f, std::max(b.x - a.x, b.y - a.y) * 0.5f + 3.0f);
    draw->AddCircle(m, r, colour, 0, 2.5f);
  }
  ImGui::End();
}

} // namespace atlas::ui
