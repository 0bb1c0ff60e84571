#include "soak/soak_driver.h"

#include "app/viewer.h"
#include "content/article_view.h"
#include "core/paths.h"
#include "render/gl.h"
#include "render/headless_context.h"
#include "render/offscreen_target.h"
#include "soak/soak_memory.h"
#include "soak/soak_oracle.h"
#include "soak/soak_plan.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>

namespace atlas::soak {
namespace {

// What the heap may gain after the warm-up whatever the length: high-water marks (ImGui's draw
// buffers and window state for panels first opened late, Mesa's shader-variant caches). Measured
// +0.6 MiB over 1,800 steps (seed 12345, December 2026).
constexpr double kHeapHighWaterMiB = 1.5;
// And per measured step: a quarter of the 1 KiB per-step leak the bound must catch.
constexpr double kHeapPerStepKiB = 0.25;

// Every this many steps the frame is drawn without the interface and checked against rays.
constexpr long kPixelCheckEvery = 250;
constexpr int kPixelGrid = 14;       // 196 sampled pixels
constexpr int kPixelGridMisses = 12; // silhouettes: the ray and the rasteriser round differently

double mib(std::size_t bytes) {
  return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

// The direction each standard view looks in, from the model frame's anatomical axes (+X the
// patient's left, +Y superior, +Z anterior): an anterior view looks from the front, backwards.
std::optional<glm::vec3> lookDirection(StandardView view) {
  switch (view) {
  case StandardView::Anterior:
    return glm::vec3(0, 0, -1);
  case StandardView::Posterior:
    return glm::vec3(0, 0, 1);
  case StandardView::Left:
    return glm::vec3(-1, 0, 0);
  case StandardView::Right:
    return glm::vec3(1, 0, 0);
  case StandardView::Superior:
    return glm::vec3(0, -1, 0);
  case StandardView::Inferior:
    return glm::vec3(0, 1, 0);
  case StandardView::Default:
    return std::nullopt; // an oblique view chosen for the model; nothing fixed to compare with
  }
  return std::nullopt;
}

// Is the ImGui window whose name starts with `name` on screen in the last frame?
bool windowShown(const char *name) {
  const std::size_t length = std::strlen(name);
  for (const ImGuiWindow *w : GImGui->Windows)
    if (std::strncmp(w->Name, name, length) == 0 && w->Active && !w->Hidden)
      return true;
  return false;
}

class Driver {
public:
  Driver(Session &session, const SoakOptions &options, Viewer &viewer, std::uint32_t seed)
      : session_(session), options_(options), viewer_(viewer), seed_(seed), rng_(seed), width_(options.width),
        height_(options.height) {
    file_ = options.file.empty() ? paths::defaultModel().string() : options.file;
    if (session_.article)
      for (const content::ArticleSection &s : session_.article->sections) {
        for (const content::ArticleItem &item : s.items)
          items_.push_back(&item);
        if (s.id == "functions")
          functions_ = &s;
      }
    world_.structures = static_cast<int>(session_.scene().structures().size());
    world_.sections = session_.article ? static_cast<int>(session_.article->sections.size()) : 0;
    world_.articleItems = static_cast<int>(items_.size());
    world_.functions = functions_ ? static_cast<int>(functions_->items.size()) : 0;
    scale_ = viewer_.settings().scale;
  }

  int run();

private:
  bool makeTarget(int width, int height);
  bool frame(float dt, bool withUi = true); // renders one frame; false on a GL error
  std::string glErrorText() const;
  std::string perform(const Interaction &in);
  std::string checkInvariants() const;
  std::string checkPixels(); // the model as drawn, against rays (see Oracle::framesTheModel)
  void quiesce();            // the same settings and size at every memory sample, the picking index built
  const Oracle &oracle();
  std::array<std::pair<int, int>, kSizes> sizes() const {
    const int w = options_.width, h = options_.height;
    return {
        {{w, h}, {std::max(w * 3 / 4, 1), std::max(h * 3 / 4, 1)}, {w * 5 / 4, h * 5 / 4}, {w * 3 / 2, h}}};
  }
  std::string selectedId() const {
    const int s = session_.selected();
    return s >= 0 ? session_.scene().structures()[static_cast<std::size_t>(s)].id : std::string();
  }
  const std::string &idOf(int structure) const {
    return session_.scene().structures()[static_cast<std::size_t>(structure)].id;
  }

  Session &session_;
  const SoakOptions &options_;
  Viewer &viewer_;
  std::uint32_t seed_;
  std::mt19937 rng_;
  World world_;
  std::vector<const content::ArticleItem *> items_;
  const content::ArticleSection *functions_ = nullptr;
  std::string file_;
  int width_, height_;
  float scale_ = 1.25f;
  float baseFontSize_ = 0.0f; // ImGui's font size at scale_, measured after the first frame
  std::optional<OffscreenTarget> target_;
  GLenum glError_ = GL_NO_ERROR;
  std::unique_ptr<Oracle> oracle_;
  std::uint64_t oracleGeneration_ = 0;
  std::map<std::pair<int, int>, Image> backgrounds_; // the empty background at each target size
};

const Oracle &Driver::oracle() {
  if (!oracle_ || oracleGeneration_ != session_.sceneGeneration()) {
    oracle_ = std::make_unique<Oracle>(session_.scene());
    oracleGeneration_ = session_.sceneGeneration();
  }
  return *oracle_;
}

bool Driver::makeTarget(int width, int height) {
  target_.reset(); // free the old framebuffers first, as a window resize does
  Result<OffscreenTarget> target = OffscreenTarget::create(width, height, options_.samples);
  if (!target) {
    std::fprintf(stderr, "atlas-soak: error: %s\n", target.error().c_str());
    return false;
  }
  target_.emplace(std::move(*target));
  width_ = width;
  height_ = height;
  return true;
}

bool Driver::frame(float dt, bool withUi) {
  target_->bind();
  viewer_.renderFrame(width_, height_, dt, withUi);
  glError_ = glGetError();
  return glError_ == GL_NO_ERROR;
}

std::string Driver::glErrorText() const {
  char code[16];
  std::snprintf(code, sizeof code, "0x%04x", glError_);
  return std::string("GL error ") + code + " in the frame";
}

// Carries out one interaction the way the UI does — through Session commands, or by editing the
// panel state the panels themselves edit — renders its frames, and checks its postcondition.
// Returns "" or what went wrong.
std::string Driver::perform(const Interaction &in) {
  Session &s = session_;
  content::ArticleView &reading = s.articleView;
  ui::UiSettings &settings = viewer_.settings();
  const int n = static_cast<int>(s.scene().structures().size());
  auto applyOk = [&s](const Command &command) -> std::string {
    Result<void> ok = s.apply(command);
    return ok ? std::string() : "command refused: " + ok.error();
  };
  auto expectVisibility = [&s](int structure, Visibility v) -> std::string {
    return s.view().visibility(structure) == v
               ? std::string()
               : std::string("structure ") + std::to_string(structure) + " is " +
                     visibilityName(s.view().visibility(structure)) + ", expected " + visibilityName(v);
  };
  auto renderFrames = [&](int count, float dt) -> std::string {
    for (int f = 0; f < count; ++f)
      if (!frame(dt))
        return glErrorText() + " after the interaction";
    return {};
  };
  std::string error;
  float dt = 1.0f / 30.0f;

  switch (in.kind) {
  case Kind::Select:
    if (!(error = applyOk(SelectCommand{idOf(in.target), in.flag})).empty())
      return error;
    if (s.stateJson().at("selected") != idOf(in.target))
      return "the state names '" + s.stateJson().at("selected").dump() + "' after selecting '" +
             idOf(in.target) + "'";
    if (s.shownPanel != "Info")
      return "panel is '" + s.shownPanel + "' with a selection";
    break;
  case Kind::SelectNone:
    if (!(error = applyOk(SelectCommand{})).empty())
      return error;
    if (!s.stateJson().at("selected").is_null())
      return "selection not cleared";
    break;
  case Kind::Pick: {
    // The click goes through the picking index; the oracle tests every triangle of the model.
    const Session::ViewArea a = s.viewArea();
    const float px = in.x * static_cast<float>(a.width), py = in.y * static_cast<float>(a.height);
    const Ray ray = s.camera().rayThroughPixel(px, py, a.width, a.height);
    const ViewState before = s.view();
    s.clickAt(static_cast<float>(a.x) + px, static_cast<float>(a.y) + py);
    std::string why;
    const float tolerance = 1e-4f * s.camera().distance;
    if (!oracle().pickAgrees(before, ray, s.selected(), tolerance, &why))
      return why;
    if (in.flag && s.selected() >= 0) // double-click frames what it hit
      s.frameSelection(true);
    break;
  }
  case Kind::Hide:
  case Kind::Ghost:
  case Kind::Show: {
    const Visibility v = in.kind == Kind::Hide    ? Visibility::Hidden
                         : in.kind == Kind::Ghost ? Visibility::Ghosted
                                                  : Visibility::Visible;
    if (!(error = applyOk(SetVisibilityCommand{idOf(in.target), v})).empty())
      return error;
    if (!(error = expectVisibility(in.target, v)).empty())
      return error;
    break;
  }
  case Kind::Isolate:
  case Kind::IsolateFew: {
    if (!(error = applyOk(IsolateCommand{idOf(in.target)})).empty())
      return error;
    std::set<int> shown{in.target};
    for (int other : in.others) { // the rest shown again from the list, one by one
      if (!(error = applyOk(SetVisibilityCommand{idOf(other), Visibility::Visible})).empty())
        return error;
      shown.insert(other);
    }
    for (int i = 0; i < n; ++i)
      if (!(error = expectVisibility(i, shown.count(i) ? Visibility::Visible : Visibility::Hidden)).empty())
        return error;
    break;
  }
  case Kind::HideSystem: {
    const auto system = static_cast<System>(in.target);
    const Visibility v = in.flag ? Visibility::Hidden : Visibility::Visible;
    if (!(error = applyOk(SetSystemVisibilityCommand{system, v})).empty())
      return error;
    for (int i = 0; i < n; ++i)
      if (s.scene().structures()[static_cast<std::size_t>(i)].system == system)
        if (!(error = expectVisibility(i, v)).empty())
          return error;
    break;
  }
  case Kind::ShowAll:
    if (!(error = applyOk(ShowAllCommand{})).empty())
      return error;
    if (!s.stateJson().at("visibility").at("hidden").empty() ||
        !s.stateJson().at("visibility").at("ghosted").empty())
      return "parts still hidden or x-rayed after showing all";
    break;
  case Kind::View:
  case Kind::ViewAnimated: {
    const auto view = static_cast<StandardView>(in.target);
    if (in.kind == Kind::View)
      s.setStandardView(view, false); // the start-up view and the scripted one: no animation
    else
      s.apply(SetViewCommand{view});
    if (s.lastStandardView() != view)
      return std::string("last view is ") + standardViewName(s.lastStandardView());
    if (in.kind == Kind::View && s.animating())
      return "an unanimated view is animating";
    if (!(error = renderFrames(in.frames, 0.15f)).empty())
      return error;
    // Once arrived, the camera looks along the anatomical axis the view is named for.
    const std::optional<glm::vec3> expected = lookDirection(view);
    const glm::vec3 looking = glm::normalize(s.camera().target - s.camera().eye());
    if (expected && !s.animating() && glm::dot(looking, *expected) < 0.999f)
      return std::string("the ") + standardViewName(view) + " view looks along (" +
             std::to_string(looking.x) + ", " + std::to_string(looking.y) + ", " + std::to_string(looking.z) +
             ")";
    return {};
  }
  case Kind::Orbit:
  case Kind::Pan:
  case Kind::Zoom: {
    // A drag or the wheel spread over several frames, moved before each one as the window loop does.
    const float distanceBefore = s.camera().distance;
    const glm::vec3 eyeBefore = s.camera().eye();
    const bool animated = s.animating(); // a view still on its way moves the camera too
    for (int f = 0; f < in.frames; ++f) {
      const float share = 1.0f / static_cast<float>(in.frames);
      if (in.kind == Kind::Orbit)
        s.camera().orbit(in.x * 1.2f * share, in.y * 0.8f * share);
      else if (in.kind == Kind::Pan)
        s.camera().pan(in.x * 0.3f * share, in.y * 0.3f * share);
      else
        s.camera().zoom(std::pow(0.88f, in.x * 5.0f * share));
      if (!frame(1.0f / 30.0f))
        return glErrorText() + " while moving the camera";
    }
    const float after = s.camera().distance;
    if (animated || s.animating())
      return {};
    if (in.kind == Kind::Zoom && ((in.x > 0.0f && after > distanceBefore * 1.0001f) ||
                                  (in.x < 0.0f && after < distanceBefore * 0.9999f)))
      return "the wheel moved the camera the wrong way: distance " + std::to_string(distanceBefore) + " -> " +
             std::to_string(after);
    if (in.kind != Kind::Zoom && std::fabs(after - distanceBefore) > 1e-4f * distanceBefore)
      return "an orbit or pan changed the distance to the target";
    if (in.kind != Kind::Zoom && glm::length(s.camera().eye() - eyeBefore) == 0.0f &&
        (std::fabs(in.x) > 0.01f || std::fabs(in.y) > 0.01f))
      return "the camera did not move";
    return {};
  }
  case Kind::FrameSelection: {
    if (!(error = applyOk(FrameSelectionCommand{})).empty())
      return error;
    if (!(error = renderFrames(in.frames, 0.15f)).empty())
      return error;
    // Once arrived, the selected part's centre is in the 3D view and the part fills a fair share of it.
    const int selected = s.selected();
    if (selected < 0 || s.animating())
      return {};
    const Bounds b = s.scene().structures()[static_cast<std::size_t>(selected)].bounds();
    const Session::ViewArea a = s.viewArea();
    glm::vec2 lo(1e9f), hi(-1e9f);
    for (int corner = 0; corner < 8; ++corner) {
      const glm::vec3 p((corner & 1) ? b.max.x : b.min.x, (corner & 2) ? b.max.y : b.min.y,
                        (corner & 4) ? b.max.z : b.min.z);
      const std::optional<glm::vec2> q = s.camera().project(p, a.width, a.height);
      if (!q)
        return "a corner of the framed part is behind the camera";
      lo = glm::min(lo, *q);
      hi = glm::max(hi, *q);
    }
    const glm::vec2 centre = (lo + hi) * 0.5f;
    if (centre.x < 0 || centre.y < 0 || centre.x > a.width || centre.y > a.height)
      return "the framed part's centre is outside the 3D view";
    if (std::max(hi.x - lo.x, hi.y - lo.y) < 0.2f * static_cast<float>(std::min(a.width, a.height)))
      return "the framed part fills less than a fifth of the 3D view";
    return {};
  }
  case Kind::Source:
    if (!(error = applyOk(SetSourceCommand{in.flag})).empty())
      return error;
    if ((s.stateJson().at("source") == "article") != in.flag)
      return "source not switched";
    break;
  case Kind::Labels:
    if (!(error = applyOk(SetLabelsCommand{in.flag})).empty())
      return error;
    if (s.stateJson().at("labels") != in.flag)
      return "labels not switched";
    break;
  case Kind::Attachments:
    if (!(error = applyOk(SetAttachmentsShownCommand{in.flag})).empty())
      return error;
    if (s.view().showAllAttachments != in.flag)
      return "attachment sites not switched";
    break;
  case Kind::Focus:
    if (!(error = applyOk(SetFocusCommand{in.flag})).empty())
      return error;
    if (s.stateJson().at("focus") != in.flag)
      return "focus not switched";
    break;
  case Kind::ReadingPanel: {
    const content::ReadingPanel panel = in.target == 1   ? content::ReadingPanel::Article
                                        : in.target == 2 ? content::ReadingPanel::Functions
                                                         : content::ReadingPanel::None;
    reading.panel = panel;
    if (!(error = renderFrames(in.frames, dt)).empty())
      return error;
    if (reading.drawnPanel != panel) // what the interface records it drew
      return "the interface drew reading panel " + std::to_string(static_cast<int>(reading.drawnPanel)) +
             ", asked for " + std::to_string(static_cast<int>(panel));
    return {};
  }
  case Kind::ModelPanels: {
    static const char *const names[] = {"Structures", "Info", "Help: keyboard and mouse"};
    (in.target == 0   ? settings.showStructures
     : in.target == 1 ? settings.showInfo
                      : settings.showHelp) = in.flag;
    // A window that appears is measured in one frame and drawn in the next.
    if (!(error = renderFrames(std::max(in.frames, 2), dt)).empty())
      return error;
    // Info describes a selection, and gives its place to a reading panel or the sources.
    const bool readingShown = windowShown("Article") || windowShown("Functions") || windowShown("Sources");
    const bool expected = in.flag && (in.target != 1 || (s.selected() >= 0 && !readingShown));
    if (windowShown(names[in.target]) != expected)
      return std::string("the ") + names[in.target] + " window is " +
             (expected ? "not shown" : "still shown");
    return {};
  }
  case Kind::Disclaimer:
    reading.disclaimerOpen = in.flag;
    if (!(error = renderFrames(std::max(in.frames, 2), dt)).empty())
      return error;
    if (windowShown("Disclaimer") != in.flag)
      return std::string("the disclaimer window is ") + (in.flag ? "not shown" : "still shown");
    return {};
  case Kind::Section: {
    const std::string &id = s.article->sections[static_cast<std::size_t>(in.target)].id;
    reading.panel = content::ReadingPanel::Article; // the outline is in the article panel
    if (!content::goToSection(reading, *s.article, id))
      return "goToSection refused '" + id + "'";
    if (s.stateJson().at("article").at("section") != id)
      return "the state's section is not '" + id + "' after going there";
    break;
  }
  case Kind::Patient:
    reading.patientMode = in.flag;
    if (s.stateJson().at("article").at("patient_mode") != in.flag)
      return "the state's patient mode is not switched";
    break;
  case Kind::Search:
    reading.panel = content::ReadingPanel::Article;
    reading.search = searchTexts()[static_cast<std::size_t>(in.target)];
    break;
  case Kind::Filter:
    settings.showStructures = true;
    settings.filter = searchTexts()[static_cast<std::size_t>(in.target)];
    break;
  case Kind::NextMark: {
    reading.panel = content::ReadingPanel::Article;
    content::followSelection(reading, *s.article, selectedId()); // as the panel does when drawn
    for (int press = 0; press < in.target; ++press) {
      const bool moved = content::nextMark(reading, *s.article);
      if (moved != !reading.marked.empty())
        return "nextMark answered " + std::string(moved ? "true" : "false") + " with " +
               std::to_string(reading.marked.size()) + " marks";
      if (moved && reading.markCursor >= reading.marked.size())
        return "mark cursor " + std::to_string(reading.markCursor) + " past " +
               std::to_string(reading.marked.size()) + " marks";
    }
    break;
  }
  case Kind::ArticleLink: {
    const content::ArticleItem &item = *items_[static_cast<std::size_t>(in.target)];
    reading.panel = content::ReadingPanel::Article;
    if (const content::ArticleSection *section = s.article->sectionOfItem(item.id))
      content::goToSection(reading, *s.article, section->id);
    if (item.links.empty())
      break; // an entry about no part: its term is plain text
    const bool known = s.scene().indexOf(item.links.front()) >= 0;
    Result<void> ok = s.apply(ShowPartsCommand{
        item.links.front(), std::vector<std::string>(item.links.begin() + 1, item.links.end()), true});
    if (static_cast<bool>(ok) != known)
      return "ShowParts for '" + item.links.front() + "' " + (ok ? "accepted" : "refused: " + ok.error());
    if (known && s.stateJson().at("selected") != item.links.front())
      return "the entry's part '" + item.links.front() + "' is not selected";
    dt = 0.15f;
    break;
  }
  case Kind::ShowFunction: {
    const content::ArticleItem &item = functions_->items[static_cast<std::size_t>(in.target)];
    reading.panel = content::ReadingPanel::Functions; // the button is in the functions panel
    const std::string muscle = content::functionOnModel(content::ArticleItem{}, selectedId()).muscle;
    if (s.scene().indexOf(muscle) < 0)
      break; // the button is disabled
    const content::FunctionOnModel shown = content::functionOnModel(item, selectedId());
    if (!(error = applyOk(ShowPartsCommand{muscle, shown.parts, true})).empty())
      return error;
    reading.shownFunction = item.id;
    if (selectedId() != muscle)
      return "function shown but '" + muscle + "' is not selected";
    for (const std::string &part : shown.parts) {
      const int index = s.scene().indexOf(part);
      if (index >= 0 && index != s.selected() && !s.view().roleOf(index))
        return "function part '" + part + "' is not lit";
    }
    dt = 0.15f;
    break;
  }
  case Kind::UiScale: {
    const float scale = kScales[static_cast<std::size_t>(in.target)];
    settings.scale = scale;
    if (!(error = renderFrames(std::max(in.frames, 2), dt)).empty())
      return error;
    // The text the interface draws follows the scale (fonts are rebuilt between frames).
    const float ratio = ImGui::GetFontSize() / baseFontSize_, expected = scale / scale_;
    if (std::fabs(ratio - expected) > 0.08f * expected)
      return "text drawn at " + std::to_string(ratio) + "x the default size after choosing scale " +
             std::to_string(scale);
    return {};
  }
  case Kind::Resize: {
    const auto [w, h] = sizes()[static_cast<std::size_t>(in.target)];
    if (!makeTarget(w, h))
      return "could not make a " + std::to_string(w) + "x" + std::to_string(h) + " target";
    if (!(error = renderFrames(2, dt)).empty()) // the panels find their place again
      return error;
    const nlohmann::json viewport = s.stateJson().at("viewport");
    if (viewport.at(0) != w || viewport.at(1) != h)
      return "the viewport is " + viewport.dump() + " after resizing to " + std::to_string(w) + "x" +
             std::to_string(h);
    return {};
  }
  case Kind::Reload: {
    const std::uint64_t generation = s.sceneGeneration();
    if (!(error = applyOk(OpenFileCommand{file_})).empty())
      return error;
    if (s.sceneGeneration() != generation + 1)
      return "reload did not change the scene generation";
    if (static_cast<int>(s.scene().structures().size()) != world_.structures)
      return "reload changed the number of structures";
    if (!s.stateJson().at("selected").is_null() || s.animating())
      return "reload kept a selection or an animation";
    break;
  }
  case Kind::Count:
    break;
  }
  return renderFrames(in.frames, dt);
}

std::string Driver::checkInvariants() const {
  const Session &s = session_;
  const int n = static_cast<int>(s.scene().structures().size());
  if (n != world_.structures)
    return "the model has " + std::to_string(n) + " structures, expected " +
           std::to_string(world_.structures);
  if (static_cast<int>(s.view().structureCount()) != n)
    return "view state covers " + std::to_string(s.view().structureCount()) + " structures of " +
           std::to_string(n);
  if (s.selected() < -1 || s.selected() >= n)
    return "selection " + std::to_string(s.selected()) + " out of range";
  if ((s.selected() >= 0) != (s.shownPanel == "Info"))
    return "panel '" + s.shownPanel + "' with selection " + std::to_string(s.selected());
  if (s.selected() >= 0 &&
      (s.view().highlights.empty() || s.view().highlights.front().structure != s.selected()))
    return "the selection is not the first highlight";
  if (s.selected() < 0 && !s.view().highlights.empty())
    return "highlights without a selection";
  for (const Highlight &h : s.view().highlights)
    if (h.structure < 0 || h.structure >= n)
      return "highlight of structure " + std::to_string(h.structure) + " out of range";
  const Camera &c = s.camera();
  const glm::vec3 eye = c.eye();
  if (!std::isfinite(eye.x) || !std::isfinite(eye.y) || !std::isfinite(eye.z) || !std::isfinite(c.distance) ||
      !(c.distance > 0.0f) || !std::isfinite(c.target.x) || !std::isfinite(c.target.y) ||
      !std::isfinite(c.target.z))
    return "camera not finite or at distance " + std::to_string(c.distance);
  const Session::ViewArea a = s.viewArea();
  if (a.width <= 0 || a.height <= 0 || a.x < 0 || a.y < 0 || a.x + a.width > s.viewportWidth() ||
      a.y + a.height > s.viewportHeight())
    return "view area outside the viewport";
  if (s.viewportWidth() != width_ || s.viewportHeight() != height_)
    return "viewport is not the target's size";
  const content::ArticleView &r = s.articleView;
  if (s.article) {
    if (!r.section.empty() && !s.article->findSection(r.section))
      return "article section '" + r.section + "' unknown";
    if (!r.marked.empty() && r.markCursor >= r.marked.size())
      return "mark cursor past the marks";
    if (r.drawnPanel == content::ReadingPanel::Article && r.markedFor != selectedId())
      return "the article panel marks '" + r.markedFor + "' while '" + selectedId() + "' is selected";
  }
  // The state file of --state must serialise (valid UTF-8 everywhere).
  if (s.stateJson().dump().empty())
    return "the state JSON is empty";
  return {};
}

std::string Driver::checkPixels() {
  const std::pair<int, int> size{width_, height_};
  auto background = backgrounds_.find(size);
  if (background == backgrounds_.end())
    return "no background image for " + std::to_string(width_) + "x" + std::to_string(height_);
  // Without the interface the 3D view is the whole image; at rest, so the full meshes are drawn.
  for (int i = 0; i < 3; ++i)
    if (!frame(0.5f, /*withUi=*/false))
      return glErrorText() + " in the frame without the interface";
  const Image image = target_->readPixels();
  std::string error = oracle().framesTheModel(session_.view(), session_.camera(), image, background->second,
                                              kPixelGrid, kPixelGridMisses);
  if (!frame(0.0f)) // the interface again, and the view area between its panels
    return glErrorText() + " after the frame without the interface";
  return error;
}

void Driver::quiesce() {
  viewer_.settings().scale = scale_;
  if (width_ != options_.width || height_ != options_.height)
    makeTarget(options_.width, options_.height);
  session_.pickingIndex(); // built lazily on the first pick after a reload: count it at both samples
  // The same picture at both samples: llvmpipe keeps the last frames' binned triangles, whose size
  // follows the view (a close-up bins each triangle into more tiles). Then a few clears, so what it
  // keeps is theirs; the camera goes back afterwards.
  const Camera camera = session_.camera();
  session_.setStandardView(StandardView::Default, false);
  for (int i = 0; i < 3; ++i) {
    frame(1.0f / 30.0f);
    glFinish();
  }
  for (int i = 0; i < 3; ++i) {
    target_->bind();
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    glFinish();
  }
  session_.camera() = camera;
}

int Driver::run() {
  using Clock = std::chrono::steady_clock;
  const long steps = options_.steps;
  const long warmup = std::max(1L, steps / 10);
  const long every = 1000;
  std::map<Kind, long> counts;
  std::size_t heapWarm = 0, rssWarm = 0;
  const Clock::time_point start = Clock::now();
  auto seconds = [&start] { return std::chrono::duration<double>(Clock::now() - start).count(); };

  // The empty background at every size a resize can choose: everything hidden for a moment.
  std::vector<std::string> wereHidden;
  for (const Structure &st : session_.scene().structures())
    if (session_.view().visibility(session_.scene().indexOf(st.id)) == Visibility::Hidden)
      wereHidden.push_back(st.id);
  const nlohmann::json initialGhosts = session_.stateJson().at("visibility").at("ghosted");
  for (const Structure &st : session_.scene().structures())
    session_.apply(SetVisibilityCommand{st.id, Visibility::Hidden});
  for (const auto &[w, h] : sizes()) {
    if (!makeTarget(w, h) || !frame(0.5f, /*withUi=*/false))
      return 1;
    backgrounds_[{w, h}] = target_->readPixels();
  }
  session_.apply(ShowAllCommand{});
  for (const std::string &id : wereHidden)
    session_.apply(SetVisibilityCommand{id, Visibility::Hidden});
  for (const nlohmann::json &id : initialGhosts)
    session_.apply(SetVisibilityCommand{id.get<std::string>(), Visibility::Ghosted});

  if (!makeTarget(options_.width, options_.height))
    return 1;
  for (int i = 0; i < 2; ++i) // auto-sized windows take a frame or two to find their size
    viewer_.settleInterface(width_, height_);
  session_.setStandardView(StandardView::Default, false); // fitted to the 3D view between the panels
  if (!frame(0.0f)) {
    std::fprintf(stderr, "atlas-soak: error: %s (the first)\n", glErrorText().c_str());
    return 1;
  }
  baseFontSize_ = ImGui::GetFontSize();
  if (std::string error = checkPixels(); !error.empty()) {
    std::fprintf(stderr, "atlas-soak: error: the opening frame: %s\n", error.c_str());
    return 1;
  }

  for (long step = 1; step <= steps; ++step) {
    const Interaction in = drawInteraction(rng_, world_);
    ++counts[in.kind];
    const std::size_t heapBefore = heapInUse();
    std::string error = perform(in);
    // Where the heap jumps is where to look when it grows: name the interactions that did it.
    if (const double jump = mib(heapInUse()) - mib(heapBefore); step > warmup && jump > 4.0)
      std::fprintf(stderr, "atlas-soak: step %ld (%s): heap in use %+.1f MiB\n", step, describe(in).c_str(),
                   jump);
    if (error.empty())
      error = checkInvariants();
    if (error.empty() && step % kPixelCheckEvery == 0)
      error = checkPixels();
    if (!error.empty()) {
      std::fprintf(stderr, "atlas-soak: error: step %ld (%s): %s\natlas-soak: replay: %s\n", step,
                   describe(in).c_str(), error.c_str(), replayCommand(options_, seed_).c_str());
      return 1;
    }
    if (step == warmup) {
      quiesce();
      heapWarm = heapInUse();
      printHeapProfile();
      frame(1.0f / 30.0f); // the picture again, after quiesce()'s clears
      rssWarm = residentMemory();
      std::fprintf(stderr,
                   "atlas-soak: warm-up done at step %ld (%.1f s): heap in use %.1f MiB, RSS %.1f MiB\n",
                   step, seconds(), mib(heapWarm), mib(rssWarm));
    }
    if (step % every == 0 && step != steps)
      std::fprintf(stderr, "atlas-soak: %ld/%ld steps, %.1f s, heap in use %.1f MiB, RSS %.1f MiB\n", step,
                   steps, seconds(), mib(heapInUse()), mib(residentMemory()));
  }
  quiesce();
  const std::size_t heapEnd = heapInUse(), rssEnd = residentMemory();
  printHeapProfile();
  const double total = seconds();
  std::string byKind;
  for (const auto &[kind, count] : counts)
    byKind += (byKind.empty() ? "" : " ") + std::string(kindName(kind)) + "=" + std::to_string(count);
  const double growth = mib(heapEnd) - mib(heapWarm), bound = heapGrowthBoundMiB(steps - warmup);
  std::fprintf(stderr,
               "atlas-soak: %ld interactions in %.1f s (%.1f ms each), seed %u\n"
               "atlas-soak: by kind: %s\n"
               "atlas-soak: heap in use %.1f MiB after the warm-up (step %ld), %.1f MiB at the end "
               "(%+.2f MiB, bound %.2f MiB); RSS %.1f MiB -> %.1f MiB\n",
               steps, total, total * 1000.0 / static_cast<double>(steps), seed_, byKind.c_str(),
               mib(heapWarm), warmup, mib(heapEnd), growth, bound, mib(rssWarm), mib(rssEnd));
  if (growth > bound) {
    std::fprintf(stderr,
                 "atlas-soak: error: heap in use grew by %.2f MiB after the warm-up (bound %.2f MiB)\n"
                 "atlas-soak: replay: %s\n",
                 growth, bound, replayCommand(options_, seed_).c_str());
    return 1;
  }
  std::fprintf(stderr, "atlas-soak: clean\n");
  return 0;
}

} // namespace

std::string replayCommand(const SoakOptions &options, std::uint32_t seed) {
  std::string command = "atlas-soak --steps " + std::to_string(options.steps) + " --seed " +
                        std::to_string(seed) + " --size " + std::to_string(options.width) + "x" +
                        std::to_string(options.height) + " --samples " + std::to_string(options.samples);
  if (!options.file.empty())
    command += " " + options.file;
  return command;
}

double heapGrowthBoundMiB(long measuredSteps) {
  return kHeapHighWaterMiB + kHeapPerStepKiB * static_cast<double>(std::max(measuredSteps, 0L)) / 1024.0;
}

int runSoak(Session &session, const SoakOptions &options) {
  const std::uint32_t seed =
      options.seed
          ? *options.seed
          : static_cast<std::uint32_t>(std::chrono::system_clock::now().time_since_epoch().count() ^
                                       (std::chrono::steady_clock::now().time_since_epoch().count() >> 7));
  // The seed first, before anything can fail, with the command that replays the run.
  std::fprintf(stderr, "atlas-soak: seed %u (replay: %s)\n", seed, replayCommand(options, seed).c_str());
  std::fflush(stderr);
  // Mesa's llvmpipe bins with its rasteriser threads through a pool of scenes that keep their 64 KiB
  // blocks and grow in number while the threads lag: tens of MiB that follow the machine's load, not
  // the app (measured: +84 MiB over 2,250 steps with threads, +1.9 MiB without). Without the threads
  // heap in use measures the app; LP_NUM_THREADS set by the caller is kept.
  setenv("LP_NUM_THREADS", "0", /*overwrite=*/0);
  Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
  if (!context) {
    std::fprintf(stderr, "atlas-soak: error: %s\n", context.error().c_str());
    return 1;
  }
  int code = 1;
  {
    Result<std::unique_ptr<Viewer>> viewer = Viewer::create(session, ui::UiSettings{}, nullptr);
    if (!viewer) {
      std::fprintf(stderr, "atlas-soak: error: %s\n", viewer.error().c_str());
      return 1;
    }
    (*viewer)->setSceneSamples(options.samples);
    session.setViewport(options.width, options.height);
    Driver driver(session, options, **viewer, seed);
    code = driver.run();
  } // the viewer and the target go before the context
  return code;
}

} // namespace atlas::soak
