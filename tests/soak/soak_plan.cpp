#include "soak/soak_plan.h"

#include <algorithm>
#include <array>
#include <sstream>

namespace atlas::soak {
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

} // namespace atlas::soak
