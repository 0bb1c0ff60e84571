// The soak's plan: which random but valid interactions a run performs, as a pure function of the
// seed, so a printed seed replays a run exactly and the choice is tested without GL
// (tests/unit/test_soak.cpp). The driver that carries them out is soak_driver.h.
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace atlas::soak {

enum class Kind {
  Select,         // a structure, as a click in the structure list (sometimes double: framed)
  SelectNone,     // Escape / empty space
  Pick,           // a click at a pixel of the 3D view (sometimes a double-click: framed)
  Hide,           // H, or the list's eye
  Ghost,          // G (x-ray)
  Show,           // back to visible
  Isolate,        // I: one structure
  IsolateFew,     // one isolated, then a few more shown again
  HideSystem,     // the structure list's per-system toggle
  ShowAll,        // A
  View,           // a standard view, at once
  ViewAnimated,   // a standard view, animated over several frames
  Orbit,          // left drag over several frames
  Pan,            // right drag
  Zoom,           // wheel
  FrameSelection, // F
  Source,         // reference / article anatomy
  Labels,         // leader-line labels on / off
  Attachments,    // all attachment sites
  Focus,          // dim the rest when selecting
  ReadingPanel,   // Article / Functions / none (menu bar)
  ModelPanels,    // Structures / Info / Help panels on or off
  Disclaimer,     // the disclaimer window
  Section,        // the article outline: go to a section
  Patient,        // reading for patients
  Search,         // the article's search field
  Filter,         // the structure list's search field
  NextMark,       // "Next n/m" through the passages about the selection
  ArticleLink,    // a link in an article entry: selects and lights up the entry's parts
  ShowFunction,   // a key function's "Show on model"
  UiScale,        // Settings > UI scale (rebuilds the font atlas)
  Resize,         // the window changes size
  Reload,         // the same model file opened again
  Count
};
const char *kindName(Kind kind);

// What the interactions choose from; the sizes come from the loaded model and article.
struct World {
  int structures = 0;   // structures in the model
  int sections = 0;     // article sections
  int articleItems = 0; // entries across all sections (in reading order)
  int functions = 0;    // entries of the "functions" section
};

struct Interaction {
  Kind kind = Kind::Select;
  int target = -1;          // structure, section, item, function, view or option index, by kind
  std::vector<int> others;  // IsolateFew: the structures shown beside the target
  float x = 0.0f, y = 0.0f; // Pick: a point of the 3D view in [0, 1); Orbit/Pan/Zoom: amounts in [-1, 1)
  int frames = 1;           // frames rendered after it (camera moves, animations)
  bool flag = false;        // Select/Pick: framed (double-click); toggles: the new state
};

// The next interaction drawn from `rng`. Only the generator's raw output is used (no standard
// distributions), so a seed replays the same sequence with any standard library.
Interaction drawInteraction(std::mt19937 &rng, const World &world);
// The first `count` interactions of `seed`.
std::vector<Interaction> planInteractions(std::uint32_t seed, int count, const World &world);
// A line for logs and failures: "pick 0.42,0.17 framed", "select #12", ...
std::string describe(const Interaction &interaction);

// The search texts the soak types: real words, fragments, no-hit strings, odd characters, one longer
// than the UI's field.
const std::vector<std::string> &searchTexts();

constexpr int kSystems = 11;                                            // System::Bone .. System::Other
constexpr int kViews = 7;                                               // StandardView::Default .. Inferior
constexpr std::array<float, 5> kScales{1.25f, 1.0f, 1.5f, 2.0f, 0.75f}; // UI scales; the default first
constexpr int kSizes = 4;                                               // Resize targets (the driver's)

} // namespace atlas::soak
