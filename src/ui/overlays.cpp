// Overlays on the 3D view: the colour legend of what is highlighted, leader-line labels for the
// highlighted parts, the first-start hint, and the right-click menu on a structure.
#include "ui/panels.h"

#include "content/plain_words.h"
#include "scene/label_layout.h"

#include <algorithm>
#include <imgui.h>

namespace atlas::ui {
namespace {

ImU32 roleColor(HighlightRole role, float alpha = 1.0f) {
  // The legend shows the sRGB colour the shader produces for the linear palette entry.
  const glm::vec3 c = glm::pow(highlightColor(role), glm::vec3(1.0f / 2.2f));
  return ImGui::GetColorU32(ImVec4(c.r, c.g, c.b, alpha));
}

// The free 3D area, in ImGui coordinates: between the side panels, below the toolbar, above the status bar.
ScreenRect freeArea(const FrameContext &ctx) {
  const ImGuiViewport *vp = ImGui::GetMainViewport();
  ScreenRect area;
  area.min = glm::vec2(vp->Pos.x + ctx.layout.leftWidth,
                       vp->Pos.y + ctx.layout.menuHeight + ImGui::GetFrameHeight() * 2.0f);
  area.max = glm::vec2(vp->Pos.x + vp->Size.x - ctx.layout.rightWidth,
                       vp->Pos.y + vp->Size.y - ImGui::GetFrameHeight() * 1.6f);
  return area;
}

} // namespace

glm::vec4 sceneArea(const FrameContext &ctx) {
  const ImGuiViewport *vp = ImGui::GetMainViewport();
  const float top = ctx.layout.menuHeight, bottom = ImGui::GetFrameHeight() * 1.4f;
  return glm::vec4(ctx.layout.leftWidth, top,
                   std::max(vp->Size.x - ctx.layout.leftWidth - ctx.layout.rightWidth, 1.0f),
                   std::max(vp->Size.y - top - bottom, 1.0f));
}

namespace {

// Roles in the legend, in palette order.
std::vector<HighlightRole> legendRoles(const Session &session) {
  std::vector<HighlightRole> roles;
  if (session.view().highlights.size() < 2)
    return roles;
  for (const Highlight &h : session.view().highlights)
    if (std::find(roles.begin(), roles.end(), h.role) == roles.end())
      roles.push_back(h.role);
  std::sort(roles.begin(), roles.end());
  return roles;
}

// Height the legend takes at the bottom-left, so labels can keep clear of it.
float legendHeight(const Session &session) {
  const std::size_t rows = legendRoles(session).size();
  if (rows == 0)
    return 0.0f;
  const ImGuiStyle &style = ImGui::GetStyle();
  return static_cast<float>(rows + 1) * (ImGui::GetTextLineHeight() + style.ItemSpacing.y) +
         style.WindowPadding.y * 2.0f + 20.0f;
}

bool patientReading(const FrameContext &ctx) {
  return ctx.reading && ctx.reading->patientMode;
}

} // namespace

void drawLegend(FrameContext &ctx) {
  const Session &session = ctx.session;
  const std::vector<HighlightRole> roles = legendRoles(session);
  if (roles.empty())
    return;
  const ScreenRect area = freeArea(ctx);
  ImGui::SetNextWindowPos(ImVec2(area.min.x + 10.0f, area.max.y - 10.0f), ImGuiCond_Always,
                          ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowBgAlpha(0.80f);
  // Only a key to the colours: the wheel and clicks go through to the model (zoom over it works).
  const ImGuiWindowFlags flags = kOverlayWindowFlags | ImGuiWindowFlags_NoInputs;
  if (ImGui::Begin("Legend", nullptr, flags)) {
    const float size = ImGui::GetTextLineHeight();
    std::vector<std::string> shownRows;
    for (HighlightRole role : roles) {
      const std::string text = patientReading(ctx) ? content::plainRoleLabel(role) : highlightRoleLabel(role);
      if (std::find(shownRows.begin(), shownRows.end(), text) != shownRows.end())
        continue; // origin and insertion are one row for patients: "Where it attaches"
      shownRows.push_back(text);
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size, p.y + size), roleColor(role),
                                                size * 0.2f);
      ImGui::Dummy(ImVec2(size, size));
      ImGui::SameLine();
      ImGui::TextUnformatted(text.c_str());
    }
    ImGui::TextDisabled(session.sourceMode() == SourceMode::Article ? "As stated in the article"
                                                                    : "Standard anatomy");
  }
  ImGui::End();
}

namespace {
// `text` cut at a character boundary and ended with an ellipsis so it fits in `width` pixels.
std::string shortenToWidth(const std::string &text, float width) {
  static const std::string ellipsis = "\u2026";
  std::string cut = text;
  while (!cut.empty() && ImGui::CalcTextSize((cut + ellipsis).c_str()).x > width) {
    unsigned char last = 0;
    do { // one whole UTF-8 character: its continuation bytes, then its first byte
      last = static_cast<unsigned char>(cut.back());
      cut.pop_back();
    } while (!cut.empty() && (last & 0xC0) == 0x80);
  }
  while (!cut.empty() && cut.back() == ' ')
    cut.pop_back();
  return cut + ellipsis;
}
} // namespace

namespace {
// Landmark markers in sight: every one of the bones on show while landmarks are shown, else only the
// picked one (named by PickLandmarkCommand).
std::vector<LandmarkOnScreen> landmarksToDraw(const Session &session) {
  std::vector<LandmarkOnScreen> marks;
  if (session.landmarksShown()) {
    for (const LandmarkOnScreen &m : landmarksOnScreen(session))
      if (m.screen)
        marks.push_back(m);
  } else if (const auto picked = session.pickedLandmark()) {
    if (const Landmark *l = landmarkOf(session.scene(), *picked))
      if (const auto p = session.projectToImage(l->position))
        marks.push_back({*picked, *p});
  }
  return marks;
}

constexpr ImU32 kLandmarkColor = IM_COL32(0, 114, 178, 255); // Okabe & Ito blue: no role uses it
} // namespace

void drawLabels(FrameContext &ctx) {
  const Session &session = ctx.session;
  const bool structureLabels = session.view().labels && !session.view().highlights.empty();
  const std::vector<LandmarkOnScreen> marks = landmarksToDraw(session);
  if (!structureLabels && marks.empty())
    return;
  const ImGuiIO &io = ImGui::GetIO();
  const float toUiX = io.DisplaySize.x / static_cast<float>(session.viewportWidth());
  const float toUiY = io.DisplaySize.y / static_cast<float>(session.viewportHeight());
  const ImVec2 pad(ImGui::GetFontSize() * 0.45f, ImGui::GetFontSize() * 0.2f);
  std::vector<LabelRequest> requests;
  struct LabelText {
    ImU32 color;
    std::string text;
    bool landmark;
  };
  std::vector<LabelText> texts;
  ScreenRect area = freeArea(ctx);
  area.max.y -= legendHeight(session);
  // The highlighted parts whose anchor is in the free area, worded as --state reports them.
  std::vector<Highlight> inSight;
  std::vector<glm::vec2> anchors; // beside inSight
  for (const Highlight &h : session.view().highlights) {
    if (!structureLabels)
      break;
    if (!session.view().isDrawn(h.structure))
      continue;
    auto p = session.projectToImage(session.labelAnchor(h.structure));
    if (!p)
      continue;
    const glm::vec2 anchor(p->x * toUiX, p->y * toUiY);
    if (anchor.x < area.min.x || anchor.x > area.max.x || anchor.y < area.min.y || anchor.y > area.max.y)
      continue;
    inSight.push_back(h);
    anchors.push_back(anchor);
  }
  for (auto &[index, text] : highlightLabels(session.scene(), inSight, patientReading(ctx))) {
    const std::size_t i = static_cast<std::size_t>(
        std::find_if(inSight.begin(), inSight.end(),
                     [index = index](const Highlight &h) { return h.structure == index; }) -
        inSight.begin());
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    requests.push_back(
        {anchors[i], glm::vec2(size.x + pad.x * 2.0f + ImGui::GetFontSize() * 0.5f, size.y + pad.y * 2.0f)});
    texts.push_back({roleColor(inSight[i].role), std::move(text), false});
  }
  // Landmarks: a marker on the bone and a label in the same columns, so no label covers another.
  auto isPicked = [&session](const LandmarkRef &ref) {
    return session.pickedLandmark() && *session.pickedLandmark() == ref;
  };
  for (const LandmarkOnScreen &m : marks) {
    const glm::vec2 anchor(m.screen->x * toUiX, m.screen->y * toUiY);
    const ImU32 color = isPicked(m.ref) ? roleColor(HighlightRole::Selected) : kLandmarkColor;
    if (anchor.x < area.min.x || anchor.x > area.max.x || anchor.y < area.min.y || anchor.y > area.max.y)
      continue;
    std::string text = landmarkOf(session.scene(), m.ref)->name;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    requests.push_back(
        {anchor, glm::vec2(size.x + pad.x * 2.0f + ImGui::GetFontSize() * 0.5f, size.y + pad.y * 2.0f)});
    texts.push_back({color, std::move(text), true});
  }
  const auto placed = layoutLabels(requests, area, ImGui::GetFontSize() * 0.3f, ImGui::GetFontSize() * 0.5f);
  ImDrawList *draw = ImGui::GetBackgroundDrawList();
  // Two layers: leader lines and landmark markers below, label boxes above (a box may cover a marker,
  // never its text).
  draw->ChannelsSplit(2);
  for (const PlacedLabel &l : placed) {
    if (!l.shown)
      continue;
    const ImU32 color = texts[l.request].color;
    const std::string &text = texts[l.request].text;
    draw->ChannelsSetCurrent(0);
    draw->AddLine(ImVec2(l.attach.x, l.attach.y), ImVec2(l.anchor.x, l.anchor.y), IM_COL32(0, 0, 0, 160),
                  4.0f);
    draw->AddLine(ImVec2(l.attach.x, l.attach.y), ImVec2(l.anchor.x, l.anchor.y), color, 2.0f);
    if (!texts[l.request].landmark) { // a landmark's marker is drawn below, over its leader line
      draw->AddCircleFilled(ImVec2(l.anchor.x, l.anchor.y), 4.5f, IM_COL32(0, 0, 0, 200));
      draw->AddCircleFilled(ImVec2(l.anchor.x, l.anchor.y), 3.0f, color);
    }
    draw->ChannelsSetCurrent(1);
    draw->AddRectFilled(ImVec2(l.box.min.x, l.box.min.y), ImVec2(l.box.max.x, l.box.max.y),
                        IM_COL32(20, 22, 26, 230), 4.0f);
    draw->AddRectFilled(ImVec2(l.box.min.x, l.box.min.y),
                        ImVec2(l.box.min.x + ImGui::GetFontSize() * 0.3f, l.box.max.y), color, 4.0f,
                        ImDrawFlags_RoundCornersLeft);
    const float textWidth = l.box.width() - pad.x * 2.0f - ImGui::GetFontSize() * 0.5f;
    const std::string shown = l.shortened ? shortenToWidth(text, textWidth) : text;
    draw->AddText(ImVec2(l.box.min.x + pad.x + ImGui::GetFontSize() * 0.3f, l.box.min.y + pad.y),
                  IM_COL32(245, 245, 240, 255), shown.c_str());
  }
  // Every landmark in sight has a marker, labelled or not (a full column leaves some without).
  draw->ChannelsSetCurrent(0);
  for (const LandmarkOnScreen &m : marks) {
    const ImVec2 at(m.screen->x * toUiX, m.screen->y * toUiY);
    const bool picked = isPicked(m.ref);
    draw->AddCircleFilled(at, picked ? 8.0f : 6.5f, IM_COL32(0, 0, 0, 220));
    draw->AddCircleFilled(at, picked ? 6.5f : 5.0f, IM_COL32(255, 255, 255, 255)); // a ring on any colour
    draw->AddCircleFilled(at, picked ? 5.0f : 3.5f,
                          picked ? roleColor(HighlightRole::Selected) : kLandmarkColor);
  }
  draw->ChannelsMerge();
}

void drawHint(FrameContext &ctx) {
  const Session &session = ctx.session;
  const int target = session.scene().indexOf("scalenus_posterior_right");
  if (session.selected() >= 0 || target < 0)
    return;
  const ScreenRect area = freeArea(ctx);
  ImGui::SetNextWindowPos(ImVec2(area.min.x + 12.0f, area.min.y + 12.0f), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.85f);
  const ImGuiWindowFlags flags = kOverlayWindowFlags;
  ImVec2 boxMin, boxMax;
  if (ImGui::Begin("Hint", nullptr, flags)) {
    ImGui::TextUnformatted("Click a structure to learn about it.");
    ImGui::TextDisabled("Start with the scalenus posterior,");
    ImGui::TextDisabled("the deepest of the three scalene muscles.");
    const bool show = ImGui::Button("Show me the scalenus posterior");
    markItem(ctx, "hint.show_scalenus_posterior");
    if (show)
      ctx.commands.push_back(SelectCommand{"scalenus_posterior_right", false});
    boxMin = ImGui::GetWindowPos();
    boxMax = ImVec2(boxMin.x + ImGui::GetWindowSize().x, boxMin.y + ImGui::GetWindowSize().y);
  }
  ImGui::End();
  // A leader line from the hint to the muscle, so nobody has to guess which one it is. Leader lines
  // go on the background list: above the 3D view, below every window and popup.
  const ImGuiIO &io = ImGui::GetIO();
  auto p = session.projectToImage(session.labelAnchor(target));
  if (!p || !session.view().isDrawn(target))
    return;
  const ImVec2 anchor(p->x * io.DisplaySize.x / static_cast<float>(session.viewportWidth()),
                      p->y * io.DisplaySize.y / static_cast<float>(session.viewportHeight()));
  const ImVec2 from(boxMax.x, (boxMin.y + boxMax.y) * 0.5f);
  ImDrawList *draw = ImGui::GetBackgroundDrawList();
  const ImU32 color = roleColor(HighlightRole::Selected);
  draw->AddLine(from, anchor, IM_COL32(0, 0, 0, 160), 4.0f);
  draw->AddLine(from, anchor, color, 2.0f);
  draw->AddCircleFilled(anchor, 5.0f, IM_COL32(0, 0, 0, 200));
  draw->AddCircleFilled(anchor, 3.5f, color);
}

void drawStructureMenu(FrameContext &ctx, int structure) {
  if (structure < 0 || static_cast<std::size_t>(structure) >= ctx.session.scene().structures().size())
    return;
  if (!ImGui::BeginPopup("structure-menu"))
    return;
  const Structure &s = ctx.session.scene().structures()[static_cast<std::size_t>(structure)];
  ImGui::TextDisabled("%s", s.displayName().c_str());
  ImGui::Separator();
  const std::vector<int> &selection = ctx.session.selection();
  if (selection.size() > 1 && std::find(selection.begin(), selection.end(), structure) != selection.end()) {
    // Right-clicking one of several selected parts acts on all of them.
    const std::string count = " the " + std::to_string(selection.size()) + " selected";
    if (ImGui::MenuItem(("Isolate" + count).c_str(), "I"))
      ctx.commands.push_back(IsolateSelectionCommand{});
    markItem(ctx, "structure-menu.isolate-selection");
    if (ImGui::MenuItem(("Hide" + count).c_str(), "H"))
      ctx.commands.push_back(SetSelectionVisibilityCommand{Visibility::Hidden});
    if (ImGui::MenuItem(("X-ray" + count).c_str(), "G"))
      ctx.commands.push_back(SetSelectionVisibilityCommand{Visibility::Ghosted});
    ImGui::Separator();
  }
  if (ImGui::MenuItem("Select"))
    ctx.commands.push_back(SelectCommand{s.id, false});
  if (ImGui::MenuItem("Select and frame"))
    ctx.commands.push_back(SelectCommand{s.id, true});
  if (ImGui::MenuItem("Hide", "H"))
    ctx.commands.push_back(SetVisibilityCommand{s.id, Visibility::Hidden});
  if (ImGui::MenuItem("X-ray", "G"))
    ctx.commands.push_back(SetVisibilityCommand{s.id, Visibility::Ghosted});
  if (ImGui::MenuItem("Isolate", "I"))
    ctx.commands.push_back(IsolateCommand{s.id});
  std::string hideSystem = std::string("Hide all: ") + systemName(s.system);
  if (ImGui::MenuItem(hideSystem.c_str()))
    ctx.commands.push_back(SetSystemVisibilityCommand{s.system, Visibility::Hidden});
  const std::string isolateSystem = std::string("Isolate all: ") + systemName(s.system);
  if (ImGui::MenuItem(isolateSystem.c_str()))
    ctx.commands.push_back(IsolateSystemCommand{s.system});
  markItem(ctx, "structure-menu.isolate-system");
  if (ImGui::MenuItem("Show all", "A"))
    ctx.commands.push_back(ShowAllCommand{});
  ImGui::EndPopup();
}

} // namespace atlas::ui
