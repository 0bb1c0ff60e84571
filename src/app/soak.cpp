#include "app/soak.h"

#include "app/viewer.h"
#include "content/article_view.h"
#include "core/paths.h"
#include "render/gl.h"
#include "render/headless_context.h"
#include "render/offscreen_target.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ATLAS_SOAK_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(ATLAS_SOAK_ASAN)
#define ATLAS_SOAK_ASAN 1
#endif
#ifdef ATLAS_SOAK_ASAN
// The ASan runtime's count of live heap bytes (quarantined blocks excluded). GCC ships the runtime but
// not clang's <sanitizer/allocator_interface.h>, so it is declared here.
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
extern "C" void __sanitizer_print_memory_profile(std::size_t top_percent, std::size_t max_contexts);
#else
#include <malloc.h>
#endif

namespace atlas {
namespace soak {
namespace {

// How often each kind comes up, per ~1000 interactions: mostly looking and clicking, as in class.
struct Weighted {
  Kind kind;
  int weight;
};
constexpr std::array<Weighted, static_cast<std::size_t>(Kind::Count)> kWeights{{
    {Kind::Select, 110},      {Kind::SelectNone, 25},   {Kind::Pick, 150},       {Kind::Hide, 50},
    {Kind::Ghost, 45},        {Kind::Show, 35},         {Kind::Isolate, 25},     {Kind::IsolateFew, 20},
    {Kind::HideSystem, 15},   {Kind::ShowAll, 30},      {Kind::View, 35},        {Kind::ViewAnimated, 35},
    {Kind::Orbit, 60},        {Kind::Pan, 35},          {Kind::Zoom, 45},        {Kind::FrameSelection, 25},
    {Kind::Source, 25},       {Kind::Labels, 20},       {Kind::Attachments, 10}, {Kind::Focus, 10},
    {Kind::ReadingPanel, 40}, {Kind::ModelPanels, 25},  {Kind::Disclaimer, 10},  {Kind::Section, 25},
    {Kind::Patient, 15},      {Kind::Search, 25},       {Kind::Filter, 15},      {Kind::NextMark, 20},
    {Kind::ArticleLink, 20},  {Kind::ShowFunction, 20}, {Kind::UiScale, 4},      {Kind::Resize, 6},
    {Kind::Reload, 3},
}};

constexpr int kSystems = 8;                                             // System::Bone .. System::Other
constexpr int kViews = 7;                                               // StandardView::Default .. Inferior
constexpr std::array<float, 5> kScales{1.25f, 1.0f, 1.5f, 2.0f, 0.75f}; // the default first
constexpr int kSizes = 4;                                               // Resize targets, see sizeFor()

int below(std::mt19937 &rng, int n) {
  return n > 0 ? static_cast<int>(static_cast<std::uint32_t>(rng()) % static_cast<std::uint32_t>(n)) : 0;
}
float unit(std::mt19937 &rng) { // [0, 1)
  return static_cast<float>(static_cast<std::uint32_t>(rng()) >> 8) * (1.0f / 16777216.0f);
}
float signedUnit(std::mt19937 &rng) { // [-1, 1)
  return unit(rng) * 2.0f - 1.0f;
}
bool coin(std::mt19937 &rng) {
  return (rng() & 1u) != 0;
}

bool available(Kind kind, const World &world) {
  switch (kind) {
  case Kind::Section:
  case Kind::NextMark:
    return world.sections > 0;
  case Kind::ArticleLink:
    return world.articleItems > 0;
  case Kind::ShowFunction:
    return world.functions > 0;
  case Kind::IsolateFew:
    return world.structures > 1;
  default:
    return world.structures > 0;
  }
}

} // namespace

const char *kindName(Kind kind) {
  static const char *const names[] = {
      "select",       "select-none",   "pick",     "hide",    "ghost",       "show",   "isolate",
      "isolate-few",  "hide-system",   "show-all", "view",    "view-anim",   "orbit",  "pan",
      "zoom",         "frame",         "source",   "labels",  "attachments", "focus",  "reading-panel",
      "model-panels", "disclaimer",    "section",  "patient", "search",      "filter", "next-mark",
      "article-link", "show-function", "ui-scale", "resize",  "reload"};
  static_assert(sizeof names / sizeof names[0] == static_cast<std::size_t>(Kind::Count));
  const auto i = static_cast<std::size_t>(kind);
  return i < static_cast<std::size_t>(Kind::Count) ? names[i] : "?";
}

const std::vector<std::string> &searchTexts() {
  static const std::vector<std::string> texts{"",
                                              "",
                                              "scal",
                                              "Scalenus posterior",
                                              "rib",
                                              "C5",
                                              "nerve",
                                              "pain",
                                              "doctor",
                                              "breath",
                                              "xyzzy-no-hit",
                                              "(",
                                              "[a-z]*",
                                              "%s %n",
                                              "  ",
                                              "\xc3\xa9",
                                              "\xe2\x80\x94",
                                              "first rib",
                                              "POSTURE",
                                              std::string(300, 'a')};
  return texts;
}

Interaction drawInteraction(std::mt19937 &rng, const World &world) {
  int total = 0;
  for (const Weighted &w : kWeights)
    total += w.weight;
  Kind kind = Kind::Select;
  do {
    int r = below(rng, total);
    for (const Weighted &w : kWeights) {
      if (r < w.weight) {
        kind = w.kind;
        break;
      }
      r -= w.weight;
    }
  } while (!available(kind, world));

  Interaction in;
  in.kind = kind;
  switch (kind) {
  case Kind::Select:
    in.target = below(rng, world.structures);
    in.flag = below(rng, 4) == 0; // a double-click in the list frames it
    break;
  case Kind::Pick:
    in.x = unit(rng);
    in.y = unit(rng);
    in.flag = below(rng, 6) == 0;
    break;
  case Kind::Hide:
  case Kind::Ghost:
  case Kind::Show:
  case Kind::Isolate:
    in.target = below(rng, world.structures);
    break;
  case Kind::IsolateFew: {
    in.target = below(rng, world.structures);
    const int extra = 1 + below(rng, 3);
    for (int i = 0; i < extra; ++i)
      in.others.push_back(below(rng, world.structures));
    break;
  }
  case Kind::HideSystem:
    in.target = below(rng, kSystems);
    in.flag = below(rng, 3) != 0; // hide more often than show
    break;
  case Kind::View:
    in.target = below(rng, kViews);
    break;
  case Kind::ViewAnimated:
    in.target = below(rng, kViews);
    in.frames = 2 + below(rng, 5); // 0.3-0.9 s of a 0.6 s animation: some are cut short
    break;
  case Kind::Orbit:
  case Kind::Pan:
  case Kind::Zoom:
    in.x = signedUnit(rng);
    in.y = signedUnit(rng);
    in.frames = 1 + below(rng, 4);
    break;
  case Kind::FrameSelection:
    in.frames = 1 + below(rng, 4);
    break;
  case Kind::Source:
  case Kind::Labels:
  case Kind::Attachments:
  case Kind::Focus:
  case Kind::Disclaimer:
  case Kind::Patient:
    in.flag = coin(rng);
    break;
  case Kind::ReadingPanel:
    in.target = below(rng, 3); // none, article, functions
    break;
  case Kind::ModelPanels:
    in.target = below(rng, 3); // structures, info, help
    in.flag = below(rng, 3) != 0;
    break;
  case Kind::Section:
    in.target = below(rng, world.sections);
    break;
  case Kind::Search:
  case Kind::Filter:
    in.target = below(rng, static_cast<int>(searchTexts().size()));
    break;
  case Kind::NextMark:
    in.target = 1 + below(rng, 3); // presses
    break;
  case Kind::ArticleLink:
    in.target = below(rng, world.articleItems);
    break;
  case Kind::ShowFunction:
    in.target = below(rng, world.functions);
    break;
  case Kind::UiScale:
    in.target = below(rng, static_cast<int>(kScales.size()));
    break;
  case Kind::Resize:
    in.target = below(rng, kSizes);
    break;
  case Kind::SelectNone:
  case Kind::ShowAll:
  case Kind::Reload:
  case Kind::Count:
    break;
  }
  return in;
}

std::vector<Interaction> planInteractions(std::uint32_t seed, int count, const World &world) {
  std::mt19937 rng(seed);
  std::vector<Interaction> plan;
  plan.reserve(static_cast<std::size_t>(std::max(count, 0)));
  for (int i = 0; i < count; ++i)
    plan.push_back(drawInteraction(rng, world));
  return plan;
}

std::string describe(const Interaction &in) {
  std::ostringstream out;
  out << kindName(in.kind);
  if (in.target >= 0)
    out << " #" << in.target;
  for (int o : in.others)
    out << " +" << o;
  if (in.kind == Kind::Pick || in.kind == Kind::Orbit || in.kind == Kind::Pan || in.kind == Kind::Zoom)
    out << " " << in.x << "," << in.y;
  if (in.frames > 1)
    out << " (" << in.frames << " frames)";
  if (in.flag)
    out << " [on]";
  return out.str();
}

std::size_t heapInUse() {
#ifdef ATLAS_SOAK_ASAN
  return __sanitizer_get_current_allocated_bytes();
#else
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd; // in use in the arenas, plus mmapped blocks
#endif
}

void printHeapProfile() {
#ifdef ATLAS_SOAK_ASAN
  if (std::getenv("ATLAS_SOAK_HEAP_PROFILE")) // the live allocations by stack, to find what grew
    __sanitizer_print_memory_profile(90, 25);
#endif
}

std::size_t residentMemory() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0)
      return static_cast<std::size_t>(std::strtoull(line.c_str() + 6, nullptr, 10)) * 1024u;
  return 0;
}

} // namespace soak

namespace {

using soak::Interaction;
using soak::Kind;

// Heap in use may grow by this much between the end of the warm-up and the end of the run. What is
// allowed: high-water marks (ImGui's draw buffers and window state for panels first opened late,
// Mesa's caches of shader variants). A per-interaction leak of 1 KiB over 9,000 interactions exceeds it.
constexpr double kHeapGrowthBoundMiB = 8.0;

// The command line that repeats a run exactly (the size and samples given explicitly).
std::string soakReplayCommand(const Options &options, std::uint32_t seed) {
  std::string command = "scalene-atlas --soak " + std::to_string(options.soak) + " --seed " +
                        std::to_string(seed) + " --size " + std::to_string(options.width) + "x" +
                        std::to_string(options.height) + " --samples " + std::to_string(options.samples);
  if (!options.file.empty())
    command += " " + options.file;
  return command;
}

double mib(std::size_t bytes) {
  return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

class Driver {
public:
  Driver(Session &session, const Options &options, Viewer &viewer, std::uint32_t seed)
      : session_(session), options_(options), viewer_(viewer), seed_(seed), rng_(seed),
        baseWidth_(options.width), baseHeight_(options.height), width_(options.width),
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
  std::string replayCommand() const { return soakReplayCommand(options_, seed_); }
  bool makeTarget(int width, int height);
  bool frame(float dt); // renders one frame with the interface; false on a GL error
  std::string glErrorText() const;
  std::string perform(const Interaction &in);
  std::string checkInvariants() const;
  void quiesce(); // the same settings and size at every memory sample, the picking index built
  std::string selectedId() const {
    const int s = session_.selected();
    return s >= 0 ? session_.scene().structures()[static_cast<std::size_t>(s)].id : std::string();
  }
  const std::string &idOf(int structure) const {
    return session_.scene().structures()[static_cast<std::size_t>(structure)].id;
  }
  std::string fail(long step, const Interaction &in, const std::string &message) const;

  Session &session_;
  const Options &options_;
  Viewer &viewer_;
  std::uint32_t seed_;
  std::mt19937 rng_;
  soak::World world_;
  std::vector<const content::ArticleItem *> items_;
  const content::ArticleSection *functions_ = nullptr;
  std::string file_;
  int baseWidth_, baseHeight_, width_, height_;
  float scale_ = 1.25f;
  std::optional<OffscreenTarget> target_;
  GLenum glError_ = GL_NO_ERROR;
};

bool Driver::makeTarget(int width, int height) {
  target_.reset(); // free the old framebuffers first, as a window resize does
  Result<OffscreenTarget> target = OffscreenTarget::create(width, height, options_.samples);
  if (!target) {
    std::fprintf(stderr, "scalene-atlas: error: soak: %s\n", target.error().c_str());
    return false;
  }
  target_.emplace(std::move(*target));
  width_ = width;
  height_ = height;
  return true;
}

bool Driver::frame(float dt) {
  target_->bind();
  viewer_.renderFrame(width_, height_, dt, true);
  glError_ = glGetError();
  return glError_ == GL_NO_ERROR;
}

std::string Driver::glErrorText() const {
  char code[16];
  std::snprintf(code, sizeof code, "0x%04x", glError_);
  return std::string("GL error ") + code + " in the frame";
}

std::string Driver::fail(long step, const Interaction &in, const std::string &message) const {
  return "step " + std::to_string(step) + " (" + soak::describe(in) + "): " + message;
}

// Carries out one interaction the way the UI does: through Session commands, or by editing the
// panel state the panels themselves edit (the article view, the UI settings). Returns "" or what
// went wrong.
std::string Driver::perform(const Interaction &in) {
  Session &s = session_;
  content::ArticleView &reading = s.articleView;
  ui::UiSettings &settings = viewer_.settings();
  const int n = static_cast<int>(s.scene().structures().size());
  auto applyOk = [&s](const Command &command) -> std::string {
    Result<bool> ok = s.apply(command);
    return ok ? std::string() : "command refused: " + ok.error();
  };
  auto expectVisibility = [&s](int structure, Visibility v) -> std::string {
    return s.view().visibility(structure) == v
               ? std::string()
               : std::string("structure ") + std::to_string(structure) + " is " +
                     visibilityName(s.view().visibility(structure)) + ", expected " + visibilityName(v);
  };
  std::string error;
  int frames = in.frames;
  float dt = 1.0f / 30.0f;

  switch (in.kind) {
  case Kind::Select:
    if (!(error = applyOk(SelectCommand{idOf(in.target), in.flag})).empty())
      return error;
    if (s.selected() != in.target)
      return "selected " + std::to_string(s.selected()) + " after selecting " + std::to_string(in.target);
    if (s.shownPanel != "Info")
      return "panel is '" + s.shownPanel + "' with a selection";
    break;
  case Kind::SelectNone:
    if (!(error = applyOk(SelectCommand{})).empty())
      return error;
    if (s.selected() != -1)
      return "selection not cleared";
    break;
  case Kind::Pick: {
    const Session::ViewArea a = s.viewArea();
    const float x = static_cast<float>(a.x) + in.x * static_cast<float>(a.width);
    const float y = static_cast<float>(a.y) + in.y * static_cast<float>(a.height);
    const int expected = s.structureAt(x, y).value_or(-1);
    if (expected >= n)
      return "pick returned structure " + std::to_string(expected) + " of " + std::to_string(n);
    if (expected >= 0 && !s.view().isDrawn(expected))
      return "pick hit structure " + std::to_string(expected) + " which is not drawn";
    s.clickAt(x, y);
    if (s.selected() != expected)
      return "click selected " + std::to_string(s.selected()) + ", the ray hits " + std::to_string(expected);
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
    return expectVisibility(in.target, v);
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
    for (int i = 0; i < n; ++i)
      if (!(error = expectVisibility(i, Visibility::Visible)).empty())
        return error;
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
    dt = 0.15f;
    break;
  }
  case Kind::Orbit:
  case Kind::Pan:
  case Kind::Zoom:
    // A drag or the wheel spread over several frames, moved before each one as the window loop does.
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
    frames = 0;
    break;
  case Kind::FrameSelection:
    if (!(error = applyOk(FrameSelectionCommand{})).empty())
      return error;
    dt = 0.15f;
    break;
  case Kind::Source:
    if (!(error = applyOk(SetSourceCommand{in.flag})).empty())
      return error;
    if ((s.sourceMode() == SourceMode::Article) != in.flag)
      return "source not switched";
    break;
  case Kind::Labels:
    if (!(error = applyOk(SetLabelsCommand{in.flag})).empty())
      return error;
    if (s.view().labels != in.flag)
      return "labels not switched";
    break;
  case Kind::Attachments:
    error = applyOk(SetAttachmentsShownCommand{in.flag});
    break;
  case Kind::Focus:
    error = applyOk(SetFocusCommand{in.flag});
    break;
  case Kind::ReadingPanel:
    reading.panel = in.target == 1   ? content::ReadingPanel::Article
                    : in.target == 2 ? content::ReadingPanel::Functions
                                     : content::ReadingPanel::None;
    break;
  case Kind::ModelPanels:
    (in.target == 0   ? settings.showStructures
     : in.target == 1 ? settings.showInfo
                      : settings.showHelp) = in.flag;
    break;
  case Kind::Disclaimer:
    reading.disclaimerOpen = in.flag;
    break;
  case Kind::Section: {
    const std::string &id = s.article->sections[static_cast<std::size_t>(in.target)].id;
    reading.panel = content::ReadingPanel::Article; // the outline is in the article panel
    if (!content::goToSection(reading, *s.article, id))
      return "goToSection refused '" + id + "'";
    if (reading.section != id)
      return "section is '" + reading.section + "' after going to '" + id + "'";
    break;
  }
  case Kind::Patient:
    reading.patientMode = in.flag;
    break;
  case Kind::Search:
    reading.panel = content::ReadingPanel::Article;
    reading.search = soak::searchTexts()[static_cast<std::size_t>(in.target)];
    break;
  case Kind::Filter:
    settings.showStructures = true;
    settings.filter = soak::searchTexts()[static_cast<std::size_t>(in.target)];
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
    Result<bool> ok = s.apply(ShowPartsCommand{
        item.links.front(), std::vector<std::string>(item.links.begin() + 1, item.links.end()), true});
    if (static_cast<bool>(ok) != known)
      return "ShowParts for '" + item.links.front() + "' " + (ok ? "accepted" : "refused: " + ok.error());
    if (known && selectedId() != item.links.front())
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
  case Kind::UiScale:
    settings.scale = soak::kScales[static_cast<std::size_t>(in.target)];
    break;
  case Kind::Resize: {
    const std::array<std::pair<int, int>, soak::kSizes> sizes{
        {{baseWidth_, baseHeight_},
         {std::max(baseWidth_ * 3 / 4, 1), std::max(baseHeight_ * 3 / 4, 1)},
         {baseWidth_ * 5 / 4, baseHeight_ * 5 / 4},
         {baseWidth_ * 3 / 2, baseHeight_}}};
    const auto [w, h] = sizes[static_cast<std::size_t>(in.target)];
    if (!makeTarget(w, h))
      return "could not make a " + std::to_string(w) + "x" + std::to_string(h) + " target";
    frames = 2; // the panels find their place again
    break;
  }
  case Kind::Reload: {
    const std::uint64_t generation = s.sceneGeneration();
    if (!(error = applyOk(OpenFileCommand{file_})).empty())
      return error;
    if (s.sceneGeneration() != generation + 1)
      return "reload did not change the scene generation";
    if (static_cast<int>(s.scene().structures().size()) != world_.structures)
      return "reload changed the number of structures";
    if (s.selected() != -1 || s.animating())
      return "reload kept a selection or an animation";
    break;
  }
  case Kind::Count:
    break;
  }
  if (!error.empty())
    return error;
  for (int f = 0; f < frames; ++f)
    if (!frame(dt))
      return glErrorText() + " after the interaction";
  return {};
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
  // The state file of --state: must serialise (valid UTF-8 everywhere) and name the selection.
  const nlohmann::json state = s.stateJson();
  const std::string dumped = state.dump();
  if (dumped.empty() ||
      (s.selected() >= 0 ? state.at("selected") != selectedId() : !state.at("selected").is_null()))
    return "state JSON does not name the selection";
  return {};
}

void Driver::quiesce() {
  viewer_.settings().scale = scale_;
  if (width_ != baseWidth_ || height_ != baseHeight_)
    makeTarget(baseWidth_, baseHeight_);
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
  const long steps = options_.soak;
  const long warmup = std::max(1L, steps / 10);
  const long every = 1000;
  std::map<Kind, long> counts;
  std::size_t heapWarm = 0, rssWarm = 0;
  const Clock::time_point start = Clock::now();
  auto seconds = [&start] { return std::chrono::duration<double>(Clock::now() - start).count(); };

  if (!makeTarget(baseWidth_, baseHeight_))
    return 1;
  for (int i = 0; i < 2; ++i) // auto-sized windows take a frame or two to find their size
    viewer_.settleInterface(width_, height_);
  session_.setStandardView(StandardView::Default, false); // fitted to the 3D view between the panels
  if (!frame(0.0f)) {
    std::fprintf(stderr, "scalene-atlas: error: soak: %s (the first)\n", glErrorText().c_str());
    return 1;
  }

  for (long step = 1; step <= steps; ++step) {
    const Interaction in = soak::drawInteraction(rng_, world_);
    ++counts[in.kind];
    const std::size_t heapBefore = soak::heapInUse();
    std::string error = perform(in);
    // Where the heap jumps is where to look when it grows: name the interactions that did it.
    if (const double jump = mib(soak::heapInUse()) - mib(heapBefore); step > warmup && jump > 4.0)
      std::fprintf(stderr, "scalene-atlas: soak: step %ld (%s): heap in use %+.1f MiB\n", step,
                   soak::describe(in).c_str(), jump);
    if (error.empty())
      error = checkInvariants();
    if (!error.empty()) {
      std::fprintf(stderr, "scalene-atlas: error: soak: %s\nscalene-atlas: soak: replay: %s\n",
                   fail(step, in, error).c_str(), replayCommand().c_str());
      return 1;
    }
    if (step == warmup) {
      quiesce();
      heapWarm = soak::heapInUse();
      soak::printHeapProfile();
      frame(1.0f / 30.0f); // the picture again, after quiesce()'s clears
      rssWarm = soak::residentMemory();
      std::fprintf(
          stderr,
          "scalene-atlas: soak: warm-up done at step %ld (%.1f s): heap in use %.1f MiB, RSS %.1f MiB\n",
          step, seconds(), mib(heapWarm), mib(rssWarm));
    }
    if (step % every == 0 && step != steps) {
      // A look at the image: a frame that drew nothing would be one flat colour.
      const Image image = target_->readPixels();
      std::set<std::uint32_t> colours;
      for (std::size_t p = 0; p + 3 < image.rgba.size() && colours.size() < 2; p += 4 * 97)
        colours.insert(static_cast<std::uint32_t>(image.rgba[p]) << 16 |
                       static_cast<std::uint32_t>(image.rgba[p + 1]) << 8 | image.rgba[p + 2]);
      if (colours.size() < 2) {
        std::fprintf(stderr, "scalene-atlas: error: soak: step %ld: the frame is one flat colour\n", step);
        return 1;
      }
      std::fprintf(stderr, "scalene-atlas: soak: %ld/%ld steps, %.1f s, heap in use %.1f MiB, RSS %.1f MiB\n",
                   step, steps, seconds(), mib(soak::heapInUse()), mib(soak::residentMemory()));
    }
  }
  quiesce();
  const std::size_t heapEnd = soak::heapInUse(), rssEnd = soak::residentMemory();
  soak::printHeapProfile();
  const double total = seconds();
  std::string byKind;
  for (const auto &[kind, count] : counts)
    byKind += (byKind.empty() ? "" : " ") + std::string(soak::kindName(kind)) + "=" + std::to_string(count);
  const double growth = mib(heapEnd) - mib(heapWarm);
  std::fprintf(stderr,
               "scalene-atlas: soak: %ld interactions in %.1f s (%.1f ms each), seed %u\n"
               "scalene-atlas: soak: by kind: %s\n"
               "scalene-atlas: soak: heap in use %.1f MiB after the warm-up (step %ld), %.1f MiB at the end "
               "(%+.2f MiB, bound %.1f MiB); RSS %.1f MiB -> %.1f MiB\n",
               steps, total, total * 1000.0 / static_cast<double>(steps), seed_, byKind.c_str(),
               mib(heapWarm), warmup, mib(heapEnd), growth, kHeapGrowthBoundMiB, mib(rssWarm), mib(rssEnd));
  if (growth > kHeapGrowthBoundMiB) {
    std::fprintf(
        stderr,
        "scalene-atlas: error: soak: heap in use grew by %.2f MiB after the warm-up (bound %.1f MiB)\n"
        "scalene-atlas: soak: replay: %s\n",
        growth, kHeapGrowthBoundMiB, replayCommand().c_str());
    return 1;
  }
  std::fprintf(stderr, "scalene-atlas: soak: clean\n");
  return 0;
}

} // namespace

int runSoak(Session &session, const Options &options) {
  const std::uint32_t seed =
      options.seed
          ? *options.seed
          : static_cast<std::uint32_t>(std::chrono::system_clock::now().time_since_epoch().count() ^
                                       (std::chrono::steady_clock::now().time_since_epoch().count() >> 7));
  // The seed first, before anything can fail, with the command that replays the run.
  std::fprintf(stderr, "scalene-atlas: soak: seed %u (replay: %s)\n", seed,
               soakReplayCommand(options, seed).c_str());
  std::fflush(stderr);
  // Mesa's llvmpipe bins with its rasteriser threads through a pool of scenes that keep their 64 KiB
  // blocks and grow in number while the threads lag: tens of MiB that follow the machine's load, not
  // the app (measured: +84 MiB over 2,250 steps with threads, +1.9 MiB without). Without the threads
  // heap in use measures the app; LP_NUM_THREADS set by the caller is kept.
  setenv("LP_NUM_THREADS", "0", /*overwrite=*/0);
  Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
  if (!context) {
    std::fprintf(stderr, "scalene-atlas: error: soak: %s\n", context.error().c_str());
    return 1;
  }
  int code = 1;
  {
    Result<std::unique_ptr<Viewer>> viewer = Viewer::create(session, ui::UiSettings{}, nullptr);
    if (!viewer) {
      std::fprintf(stderr, "scalene-atlas: error: soak: %s\n", viewer.error().c_str());
      return 1;
    }
    (*viewer)->setSceneSamples(options.samples);
    session.setViewport(options.width, options.height);
    Driver driver(session, options, **viewer, seed);
    code = driver.run();
  } // the viewer and the target go before the context
  return code;
}

} // namespace atlas
