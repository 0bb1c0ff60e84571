// ArticleView: what the reader is looking at in the article — which reading panel is open, the
// current section, the patient switch, the search text and the passages marked for the selected
// structure. A plain struct shared by the ImGui panels, the headless run and --state; the logic
// that keeps it in step with the selection lives here too, so it is tested without a GPU.
#pragma once

#include "content/article.h"

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace atlas::content {

enum class ReadingPanel { None, Article, Functions };

// "Article" / "Functions" / "" — the window titles, also reported as --state's "panel".
const char *readingPanelTitle(ReadingPanel panel);

struct ArticleView {
  ReadingPanel panel = ReadingPanel::None;
  std::string section;                // current section id ("" = the first)
  bool patientMode = false;           // 'reading for patients': the plain-language version
  std::string search;                 // full-text search; "" shows everything
  std::set<std::string> openSections; // sections expanded in the outline (the current one always is)
  std::vector<std::string> marked;    // passages mentioning the selection (item ids, or section ids)
  std::string markedFor;              // the structure id `marked` belongs to ("" = no selection)
  bool scrollToMark = false;          // UI: bring marked[markCursor] into view
  std::size_t markCursor = 0;         // the marked passage last scrolled to
  bool scrollToSection = false;       // UI: bring the current section's heading into view
  bool disclaimerOpen = false;        // the disclaimer window
  std::string shownFunction;          // functions panel: the function last shown on the model
  std::string scrolledFunction;       // functions panel: the shown function it last scrolled into view
  ReadingPanel drawnPanel = ReadingPanel::None; // UI: the reading panel drawn in the last frame
};

// Makes `section` current, opens it and asks the UI to scroll to it; false for an unknown id.
bool goToSection(ArticleView &view, const Article &article, const std::string &section);

// Follows a new selection: recomputes the marked passages, opens their sections, makes the first
// one's section current and asks the UI to scroll to it (not in patient reading: the reader keeps
// their place). Returns false (and changes nothing) when
// the marks are already for `structureId`.
bool followSelection(ArticleView &view, const Article &article, const std::string &structureId);

// Moves to the next marked passage (round the end to the first): opens and makes current its
// section and asks the UI to scroll to it. False when nothing is marked.
bool nextMark(ArticleView &view, const Article &article);

bool isMarked(const ArticleView &view, const std::string &passageId);

// What "Show on model" shows for a key function: the muscle (selected) and the parts it moves (lit),
// on the side of `selectedId` when that is a left-hand structure, else on the right.
struct FunctionOnModel {
  std::string muscle;
  std::vector<std::string> parts;
};
FunctionOnModel functionOnModel(const ArticleItem &function, const std::string &selectedId);
// Is the section shown expanded (open, or holding hits while searching)?
bool sectionExpanded(const ArticleView &view, const Article &article, const ArticleSection &section);
// The item ids on screen: those of expanded sections that match the search, in reading order.
std::vector<std::string> itemsShown(const ArticleView &view, const Article &article);

// The section being read in a scrolled text: the last whose heading starts at or above
// `readingLine` (the top of what is visible, plus a little); the first when none has reached it.
// `headings` are (section id, heading top) in reading order; "" when there are none.
std::string sectionAt(const std::vector<std::pair<std::string, float>> &headings, float readingLine);

// {"panel_shown", "section", "patient_mode", "search", "items_shown", "marked", "problems"}.
nlohmann::json articleStateJson(const ArticleView &view, const Article *article);

} // namespace atlas::content
