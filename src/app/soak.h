// The soak driver (--soak N): thousands of random but valid interactions on the real app, headless —
// select, pick, hide, ghost, isolate, views, camera moves, source, labels, the reading panels,
// window resizes and reloads — each followed by a rendered frame and a check of the session's
// invariants; heap in use is compared between the end of a warm-up and the end of the run. The seed
// is printed first so a failure can be replayed exactly.
//
// The random choice is a pure function of the seed (planInteractions), tested without GL; runSoak()
// carries the interactions out through the same Session commands and panel state the UI uses.
#pragma once

#include "app/cli.h"
#include "session/session.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace atlas {
namespace soak {

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

// Heap in use: the sanitizer allocator's count under ASan, malloc's (mallinfo2) otherwise. Bytes.
std::size_t heapInUse();
// ATLAS_SOAK_HEAP_PROFILE set, under ASan: the live heap by allocating stack, on stderr.
void printHeapProfile();
// VmRSS of this process in bytes (0 when /proc is unavailable).
std::size_t residentMemory();

} // namespace soak

// --soak N [--seed S]: returns the exit code (0 clean, 1 on a failed invariant or memory growth).
int runSoak(Session &session, const Options &options);

} // namespace atlas
