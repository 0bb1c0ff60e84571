// Overlays on the 3D view: the colour legend of what is highlighted, leader-line labels for the
// highlighted parts, the first-start hint, and the right-click menu on a structure.
#include "ui/panels.h"

#include "content/plain_words.h"
#include "scene/label_layout.h"
#include "scene/screen_occupancy.h"

#include <algorithm>
#include <cstdint>
#include <imgui.h>
#include <limits>
#include <optional>

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
  // No status bar in presentation mode (ui/presentation.cpp): the view takes the whole height.
  const bool presenting = ctx.session.presenting();
  // Nor the toolbar of standard views (view_toolbar.cpp: one row of buttons 8 px under the menu):
  // otherwise the view starts under the menu and the toolbar covers the top of a framed model.
  const ImGuiStyle &style = ImGui::GetStyle();
  const float toolbar =
      presenting ? 0.0f : 8.0f + ImGui::GetFrameHeight() + 2.0f * style.WindowPadding.y + 4.0f;
  const float top = ctx.layout.menuHeight + toolbar,
              bottom = presenting ? 0.0f : ImGui::GetFrameHeight() * 1.4f;
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

bool patientReading(const FrameContext &ctx) {
  return ctx.reading && ctx.reading->patientMode;
}

// The legend's rows: each role's words once (origin and insertion are one row for patients: "Where
// it attaches").
std::vector<std::pair<HighlightRole, std::string>> legendRows(const FrameContext &ctx) {
  std::vector<std::pair<HighlightRole, std::string>> rows;
  for (HighlightRole role : legendRoles(ctx.session)) {
    std::string text = patientReading(ctx) ? content::plainRoleLabel(role) : highlightRoleLabel(role);
    if (std::none_of(rows.begin(), rows.end(), [&text](const auto &row) { return row.second == text; }))
      rows.emplace_back(role, std::move(text));
  }
  return rows;
}

const char *legendSourceLine(const Session &session) {
  return session.sourceMode() == SourceMode::Article ? "As stated in the article" : "Standard anatomy";
}

// What the overlays keep clear of, in ImGui coordinates over the free area: the parts the labels point
// at (every triangle, with a cell of margin) and the model as drawn (a sparse trace of its vertices,
// for the legend). Projecting a few hundred thousand vertices is not free: rebuilt only when the
// camera, the view, the model or the window changes.
struct Footprints {
  ScreenOccupancy highlighted, model;
};

const Footprints &footprints(const FrameContext &ctx, const ScreenRect &area) {
  static Footprints cached;
  static std::vector<double> cachedKey;
  const Session &session = ctx.session;
  const Camera &camera = session.camera();
  const Session::ViewArea view = session.viewArea();
  const ImGuiIO &io = ImGui::GetIO();
  const std::uint64_t fingerprint = session.view().fingerprint();
  const std::vector<double> key{camera.target.x,
                                camera.target.y,
                                camera.target.z,
                                camera.distance,
                                camera.orientation.w,
                                camera.orientation.x,
                                camera.orientation.y,
                                camera.orientation.z,
                                camera.fovY,
                                static_cast<double>(view.x),
                                static_cast<double>(view.y),
                                static_cast<double>(view.width),
                                static_cast<double>(view.height),
                                io.DisplaySize.x,
                                io.DisplaySize.y,
                                area.min.x,
                                area.min.y,
                                area.max.x,
                                area.max.y,
                                static_cast<double>(fingerprint >> 32),
                                static_cast<double>(fingerprint & 0xffffffffu),
                                static_cast<double>(session.sceneGeneration()),
                                static_cast<double>(reinterpret_cast<std::uintptr_t>(&session.scene())),
                                static_cast<double>(session.view().highlights.size()),
                                static_cast<double>(session.functionAnimation().poseGeneration()),
                                ctx.viewMoving ? 1.0 : 0.0};
  if (key == cachedKey)
    return cached;
  cachedKey = key;
  const float cell = std::max(ImGui::GetFontSize() * 0.35f, 4.0f);
  cached.highlighted = ScreenOccupancy(area, cell);
  cached.model = ScreenOccupancy(area, cell);
  const glm::vec4 rect(static_cast<float>(view.x), static_cast<float>(view.y), static_cast<float>(view.width),
                       static_cast<float>(view.height));
  const glm::vec2 toUi(io.DisplaySize.x / static_cast<float>(session.viewportWidth()),
                       io.DisplaySize.y / static_cast<float>(session.viewportHeight()));
  const auto &structures = session.scene().structures();
  // The lit parts where they are drawn (posed while a function is shown); the rest of the model as it
  // stands at rest, which is near enough for where the legend may go.
  for (const Highlight &h : session.view().highlights)
    if (session.view().isDrawn(h.structure))
      for (const MeshData &mesh : session.drawnStructure(h.structure).meshes)
        markProjectedMesh(cached.highlighted, mesh, camera, rect, toUi, ctx.viewMoving ? 3 : 1);
  // While the camera moves or a function plays, every third vertex and a cell more of margin instead of
  // every triangle (about 8 ms a frame on llvmpipe with a function's parts lit); exact again when still.
  cached.highlighted.dilate(ctx.viewMoving ? 2 : 1);
  std::size_t vertices = 0;
  for (std::size_t i = 0; i < structures.size(); ++i)
    if (session.view().isDrawn(static_cast<int>(i)))
      for (const MeshData &mesh : structures[i].meshes)
        vertices += mesh.positions.size();
  // About 60,000 vertices still; a third of that while the view moves (it is traced again every frame).
  const int stride = static_cast<int>(std::max<std::size_t>(vertices / (ctx.viewMoving ? 20000 : 60000), 2));
  for (std::size_t i = 0; i < structures.size(); ++i)
    if (session.view().isDrawn(static_cast<int>(i)))
      for (const MeshData &mesh : structures[i].meshes)
        markProjectedMesh(cached.model, mesh, camera, rect, toUi, stride);
  cached.model.dilate(1);
  return cached;
}

// The "Where this is" inset of patient reading (where_inset.cpp), at the bottom-right of the 3D view:
// an estimate of its box, which the legend and the labels keep clear of.
std::optional<ScreenRect> whereInsetBox(const FrameContext &ctx) {
  if (!patientReading(ctx) || ctx.session.selection().empty())
    return std::nullopt;
  const glm::vec4 area = sceneArea(ctx);
  const ImGuiStyle &style = ImGui::GetStyle();
  const glm::vec2 size(ImGui::GetFontSize() * 9.0f * 0.9f + style.WindowPadding.x * 2.0f,
                       ImGui::GetFontSize() * 9.0f + ImGui::GetTextLineHeightWithSpacing() +
                           style.WindowPadding.y * 2.0f);
  const glm::vec2 corner(area.x + area.z - 10.0f, area.y + area.w - 10.0f);
  return ScreenRect{corner - size, corner};
}

// The legend's box: at the corner of the free area where it hides the least of the model (the parts
// it explains count most), the bottom-left when that is as good as any.
ScreenRect legendBox(const FrameContext &ctx, const ScreenRect &area, glm::vec2 size) {
  const Footprints &fp = footprints(ctx, area);
  const float inset = 10.0f;
  const glm::vec2 corners[] = {{area.min.x + inset, area.max.y - inset - size.y},
                               {area.max.x - inset - size.x, area.max.y - inset - size.y},
                               {area.min.x + inset, area.min.y + inset},
                               {area.max.x - inset - size.x, area.min.y + inset}};
  const std::optional<ScreenRect> where = whereInsetBox(ctx);
  ScreenRect best{corners[0], corners[0] + size};
  int bestCost = std::numeric_limits<int>::max();
  for (const glm::vec2 &corner : corners) {
    const ScreenRect box{corner, corner + size};
    if (where && box.overlaps(*where))
      continue;
    if (std::any_of(ctx.layout.keepClear.begin(), ctx.layout.keepClear.end(), [&box](const glm::vec4 &r) {
          return box.overlaps(ScreenRect{glm::vec2(r.x, r.y), glm::vec2(r.x + r.z, r.y + r.w)});
        }))
      continue;
    const int cost = fp.highlighted.markedIn(box) * 8 + fp.model.markedIn(box);
    if (cost < bestCost) {
      bestCost = cost;
      best = box;
    }
  }
  return best;
}

glm::vec4 toRect(const ScreenRect &r) {
  return glm::vec4(r.min.x, r.min.y, r.width(), r.height());
}

} // namespace

void drawLegend(FrameContext &ctx) {
  const Session &session = ctx.session;
  const auto rows = legendRows(ctx);
  if (rows.empty())
    return;
  // Its size from the words, so the corner is chosen before the window is drawn.
  const ImGuiStyle &style = ImGui::GetStyle();
  const float size = ImGui::GetTextLineHeight();
  // While a function plays, a row for the glow of the working muscles (issue 14).
  const char *glowRow = session.view().working.empty() ? nullptr : "Glowing: the muscles at work";
  const std::size_t lines = rows.size() + 1 + (glowRow ? 1 : 0);
  float textWidth = ImGui::CalcTextSize(legendSourceLine(session)).x;
  for (const auto &row : rows)
    textWidth = std::max(textWidth, size + style.ItemSpacing.x + ImGui::CalcTextSize(row.second.c_str()).x);
  if (glowRow)
    textWidth = std::max(textWidth, size + style.ItemSpacing.x + ImGui::CalcTextSize(glowRow).x);
  const glm::vec2 estimate(textWidth + style.WindowPadding.x * 2.0f,
                           static_cast<float>(lines) * size +
                               static_cast<float>(lines - 1) * style.ItemSpacing.y +
                               style.WindowPadding.y * 2.0f);
  const ScreenRect box = legendBox(ctx, freeArea(ctx), estimate);
  ImGui::SetNextWindowPos(ImVec2(box.min.x, box.min.y), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.80f);
  // Only a key to the colours: the wheel and clicks go through to the model (zoom over it works).
  const ImGuiWindowFlags flags = kOverlayWindowFlags | ImGuiWindowFlags_NoInputs;
  ScreenRect drawn = box;
  if (ImGui::Begin("Legend", nullptr, flags)) {
    for (const auto &[role, text] : rows) {
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size, p.y + size), roleColor(role),
                                                size * 0.2f);
      ImGui::Dummy(ImVec2(size, size));
      ImGui::SameLine();
      ImGui::TextUnformatted(text.c_str());
    }
    if (glowRow) { // a warm white ring, as the shader draws round a working muscle
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddRect(p, ImVec2(p.x + size, p.y + size), IM_COL32(255, 238, 215, 255),
                                          size * 0.2f, 0, std::max(2.0f, size * 0.15f));
      ImGui::Dummy(ImVec2(size, size));
      ImGui::SameLine();
      ImGui::TextUnformatted(glowRow);
    }
    ImGui::TextDisabled("%s", legendSourceLine(session));
    const ImVec2 pos = ImGui::GetWindowPos(), extent = ImGui::GetWindowSize();
    drawn = ScreenRect{glm::vec2(pos.x, pos.y), glm::vec2(pos.x + extent.x, pos.y + extent.y)};
  }
  ImGui::End();
  // The window as drawn, or the estimate while it is first measured: whichever is larger.
  ctx.layout.legend = toRect(ScreenRect{glm::min(box.min, drawn.min), glm::max(box.max, drawn.max)});
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

// A dark box with lines of text, on the foreground (over every window): the full words of a
// shortened label, or the names behind "+N more", while the pointer is on it.
void drawHoverBox(glm::vec2 at, const std::vector<std::string> &lines) {
  const ImGuiIO &io = ImGui::GetIO();
  const ImVec2 pad(ImGui::GetFontSize() * 0.45f, ImGui::GetFontSize() * 0.2f);
  float width = 0.0f;
  for (const std::string &line : lines)
    width = std::max(width, ImGui::CalcTextSize(line.c_str()).x);
  const float lineHeight = ImGui::GetTextLineHeight();
  const ImVec2 size(width + pad.x * 2.0f, lineHeight * static_cast<float>(lines.size()) + pad.y * 2.0f);
  // Kept on screen: moved left or up when it would run off.
  const ImVec2 min(std::clamp(at.x, 0.0f, std::max(io.DisplaySize.x - size.x, 0.0f)),
                   std::clamp(at.y, 0.0f, std::max(io.DisplaySize.y - size.y, 0.0f)));
  ImDrawList *draw = ImGui::GetForegroundDrawList();
  draw->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), IM_COL32(20, 22, 26, 245), 4.0f);
  draw->AddRect(min, ImVec2(min.x + size.x, min.y + size.y), IM_COL32(200, 200, 190, 200), 4.0f);
  for (std::size_t i = 0; i < lines.size(); ++i)
    draw->AddText(ImVec2(min.x + pad.x, min.y + pad.y + lineHeight * static_cast<float>(i)),
                  IM_COL32(245, 245, 240, 255), lines[i].c_str());
}

// The text without its side, or the text itself when it names none.
std::string withoutSide(const std::string &text) {
  for (const std::string suffix : {" (right)", " (left)"})
    if (text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0)
      return text.substr(0, text.size() - suffix.size());
  return text;
}

// Shorter wordings that keep what tells the parts apart, widest first: without the side (the model
// shows which side; not when `bothSides`, where the two labels would read the same), and a bone named
// by its code alone ("Origin: Fourth cervical vertebra (C4)" becomes "Origin: C4").
std::vector<std::string> compactWordings(const std::string &text, bool bothSides) {
  std::vector<std::string> wordings;
  const std::string base = withoutSide(text);
  if (base != text && bothSides)
    return wordings; // cut with an ellipsis when it must be, side and all (the full name on hover)
  if (base != text)
    wordings.push_back(base);
  const std::size_t open = base.rfind(" (");
  if (open != std::string::npos && base.back() == ')' && base.size() - open - 3 <= 4) {
    const std::string code = base.substr(open + 2, base.size() - open - 3);
    const std::size_t colon = base.find(": ");
    wordings.push_back(colon != std::string::npos && colon < open ? base.substr(0, colon + 2) + code : code);
  }
  return wordings;
}

bool pointerOn(const ScreenRect &box) {
  return ImGui::IsMousePosValid() && !ImGui::GetIO().WantCaptureMouse &&
         ImGui::IsMouseHoveringRect(ImVec2(box.min.x, box.min.y), ImVec2(box.max.x, box.max.y), false);
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

// Which labels stay when there is no room for all: the selection, then where it attaches, then what
// supplies it, then its neighbours; a picked landmark ranks with the selection, other landmarks last.
int labelPriority(HighlightRole role) {
  switch (role) {
  case HighlightRole::Selected:
    return 10;
  case HighlightRole::Origin:
  case HighlightRole::Insertion:
    return 8;
  case HighlightRole::NerveSupply:
    return 6;
  case HighlightRole::BloodSupply:
    return 5;
  case HighlightRole::Related:
    return 4;
  }
  return 0;
}
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
  const float font = ImGui::GetFontSize();
  const ImVec2 pad(font * 0.45f, font * 0.2f);
  const float textInset = pad.x + font * 0.3f; // the coloured bar at the left, then the text
  std::vector<LabelRequest> requests;
  struct LabelText {
    ImU32 color;
    std::string text;
    bool landmark;
    std::string id;
    std::vector<std::string> compact{}; // compactWordings(text, ...)
  };
  std::vector<LabelText> texts;
  const ScreenRect area = freeArea(ctx);
  const auto &structures = session.scene().structures();
  // The highlighted parts whose anchor is in the free area, worded as --state reports them.
  std::vector<Highlight> inSight;
  std::vector<glm::vec2> anchors; // beside inSight
  for (const Highlight &h : session.view().highlights) {
    if (!structureLabels)
      break;
    if (!session.view().isDrawn(h.structure) ||
        !session.lessonShowsLabel(structures[static_cast<std::size_t>(h.structure)].id))
      continue; // a lesson step may name the labels it shows
    // A function in motion is about the muscles: only they are named (the selected part too); the
    // vertebrae, footprints, nerves and vessels stay lit in their legend colours without a label each.
    if (session.functionAnimation().active() && h.role != HighlightRole::Selected &&
        structures[static_cast<std::size_t>(h.structure)].system != System::Muscle)
      continue;
    // One label a part: with several selected, a part can be lit twice (selected, and related to
    // another selected part); it is named once, in its highest role (Selected first).
    if (const auto same = std::find_if(inSight.begin(), inSight.end(),
                                       [&h](const Highlight &o) { return o.structure == h.structure; });
        same != inSight.end()) {
      if (h.role < same->role)
        *same = h;
      continue;
    }
    auto p = session.projectToImage(session.labelAnchor(h.structure));
    if (!p)
      continue;
    const glm::vec2 anchor(p->x * toUiX, p->y * toUiY);
    if (!area.contains(anchor))
      continue;
    inSight.push_back(h);
    anchors.push_back(anchor);
  }
  std::vector<std::pair<int, std::string>> named =
      highlightLabels(session.scene(), inSight, patientReading(ctx));
  // Names that stand for both sides here keep their side in every wording.
  std::vector<std::string> sideless;
  for (const auto &l : named)
    sideless.push_back(withoutSide(l.second));
  const auto bothSides = [&sideless](const std::string &text) {
    const std::string base = withoutSide(text);
    return base != text && std::count(sideless.begin(), sideless.end(), base) > 1;
  };
  for (auto &[index, text] : named) {
    const std::size_t i = static_cast<std::size_t>(
        std::find_if(inSight.begin(), inSight.end(),
                     [index = index](const Highlight &h) { return h.structure == index; }) -
        inSight.begin());
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    LabelRequest request{anchors[i], glm::vec2(size.x + pad.x * 2.0f + font * 0.5f, size.y + pad.y * 2.0f),
                         labelPriority(inSight[i].role)};
    std::vector<std::string> compact = compactWordings(text, bothSides(text));
    for (const std::string &wording : compact)
      request.compactWidths.push_back(ImGui::CalcTextSize(wording.c_str()).x + pad.x * 2.0f + font * 0.5f);
    requests.push_back(std::move(request));
    texts.push_back({roleColor(inSight[i].role), std::move(text), false,
                     structures[static_cast<std::size_t>(inSight[i].structure)].id, std::move(compact)});
  }
  // Landmarks: a marker on the bone and a label placed with the others, so no label covers another.
  auto isPicked = [&session](const LandmarkRef &ref) {
    return session.pickedLandmark() && *session.pickedLandmark() == ref;
  };
  for (const LandmarkOnScreen &m : marks) {
    const glm::vec2 anchor(m.screen->x * toUiX, m.screen->y * toUiY);
    const ImU32 color = isPicked(m.ref) ? roleColor(HighlightRole::Selected) : kLandmarkColor;
    if (!area.contains(anchor))
      continue;
    if (session.quizHidesLandmarkName(m.ref))
      continue; // the quiz asks for this name: the marker below shows where, no label says what
    const Landmark *landmark = landmarkOf(session.scene(), m.ref);
    std::string text = landmark->name;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    requests.push_back({anchor, glm::vec2(size.x + pad.x * 2.0f + font * 0.5f, size.y + pad.y * 2.0f),
                        isPicked(m.ref) ? 9 : 1});
    texts.push_back({color, std::move(text), true, landmark->id});
  }
  // Free space beside the model: no label over the highlighted parts, the legend or the inset; long
  // names shortened (whole on hover), and the least important left out for a "+N more" when full.
  LabelLayoutOptions options;
  options.gap = font * 0.3f;
  options.margin = font * 0.5f;
  options.maxWidth = font * 15.0f;
  options.minWidth = font * 6.0f;
  const ImVec2 moreText = ImGui::CalcTextSize("+00 more");
  options.moreSize = glm::vec2(moreText.x + pad.x * 2.0f, moreText.y + pad.y * 2.0f);
  const Footprints &fp = footprints(ctx, area);
  options.obstacles = &fp.highlighted;
  if (ctx.layout.legend)
    options.blocked.push_back(ScreenRect{
        glm::vec2(ctx.layout.legend->x, ctx.layout.legend->y),
        glm::vec2(ctx.layout.legend->x + ctx.layout.legend->z, ctx.layout.legend->y + ctx.layout.legend->w)});
  if (const auto where = whereInsetBox(ctx))
    options.blocked.push_back(*where);
  for (const glm::vec4 &r : ctx.layout.keepClear)
    options.blocked.push_back(ScreenRect{glm::vec2(r.x, r.y), glm::vec2(r.x + r.z, r.y + r.w)});
  const LabelLayout layout = layoutLabels(requests, area, options);
  ImDrawList *draw = ImGui::GetBackgroundDrawList();
  // Two layers: leader lines and landmark markers below, label boxes above (a box may cover a marker,
  // never its text).
  draw->ChannelsSplit(2);
  std::vector<std::string> hiddenNames;
  for (const PlacedLabel &l : layout.labels) {
    const std::string &text = texts[l.request].text;
    if (!l.shown) {
      hiddenNames.push_back(text);
      continue;
    }
    const ImU32 color = texts[l.request].color;
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
    draw->AddRectFilled(ImVec2(l.box.min.x, l.box.min.y), ImVec2(l.box.min.x + font * 0.3f, l.box.max.y),
                        color, 4.0f, ImDrawFlags_RoundCornersLeft);
    const float textWidth = l.box.width() - pad.x * 2.0f - font * 0.5f;
    const std::vector<std::string> &compact = texts[l.request].compact;
    const std::string shown = l.compact >= 0 && static_cast<std::size_t>(l.compact) < compact.size()
                                  ? compact[static_cast<std::size_t>(l.compact)]
                              : l.shortened ? shortenToWidth(text, textWidth)
                                            : text;
    draw->AddText(ImVec2(l.box.min.x + textInset, l.box.min.y + pad.y), IM_COL32(245, 245, 240, 255),
                  shown.c_str());
    if (l.shortened && pointerOn(l.box))
      drawHoverBox(l.box.min, {text});
    ctx.layout.labels.push_back({texts[l.request].id, toRect(l.box), shown});
  }
  ctx.layout.labelsHidden = layout.hidden;
  if (layout.more) {
    const ScreenRect &box = *layout.more;
    const std::string more = "+" + std::to_string(layout.hidden) + " more";
    draw->ChannelsSetCurrent(1);
    draw->AddRectFilled(ImVec2(box.min.x, box.min.y), ImVec2(box.max.x, box.max.y), IM_COL32(20, 22, 26, 230),
                        4.0f);
    draw->AddText(ImVec2(box.min.x + pad.x, box.min.y + pad.y), IM_COL32(245, 245, 240, 255), more.c_str());
    if (pointerOn(box))
      drawHoverBox(glm::vec2(box.min.x, box.max.y), hiddenNames);
    ctx.layout.more = toRect(box);
  }
  // Every landmark in sight has a marker, labelled or not (a full area leaves some without).
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
  // Not while a quiz runs or its Progress view is open: the hint would point at an answer and cover
  // the model being asked about.
  if (session.selected() >= 0 || target < 0 || session.quiz() || session.quizView.progressOpen)
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
