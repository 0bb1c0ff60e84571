// Leader-line label placement in screen space. Each label goes to the free spot nearest its anchor
// (a short, mostly level leader line) that covers no obstacle: the screen footprint of the parts the
// labels point at (a ScreenOccupancy grid) and blocked rectangles (the legend, insets). Labels never
// overlap each other, never leave the area (which excludes the panels), and no leader line runs
// through another label. Long names are shortened to a width limit; when there is no room for all,
// the least important labels are left out and counted, with a place found for a "+N more" entry.
#pragma once

#include <algorithm>
#include <glm/glm.hpp>
#include <optional>
#include <vector>

namespace atlas {

class ScreenOccupancy;

struct ScreenRect {
  glm::vec2 min{0.0f}, max{0.0f};
  float width() const { return max.x - min.x; }
  float height() const { return max.y - min.y; }
  float area() const { return std::max(width(), 0.0f) * std::max(height(), 0.0f); }
  bool overlaps(const ScreenRect &o) const {
    return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y;
  }
  bool contains(glm::vec2 p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
  ScreenRect grown(float by) const { return {min - glm::vec2(by), max + glm::vec2(by)}; }
};

struct LabelRequest {
  glm::vec2 anchor; // projected point on the structure, pixels
  glm::vec2 size;   // label box size for the whole text, pixels
  int priority = 0; // higher keeps its label first when there is no room for all
  // Box widths of shorter wordings that say as much (the side dropped, "Origin: C4"), widest first:
  // tried before the text is cut, and cheaper than a cut of the same width.
  std::vector<float> compactWidths{};
};

struct PlacedLabel {
  std::size_t request = 0; // index into the requests
  ScreenRect box;
  glm::vec2 anchor{0.0f};
  glm::vec2 attach{0.0f}; // where the leader line leaves the box
  bool shown = true;      // false when no free place was found (counted in "+N more")
  bool shortened = false; // the box is narrower than asked: the text must be shortened to fit
  int compact = -1; // the compact wording used (index into compactWidths), -1: the text, cut if shortened
};

struct LabelLayoutOptions {
  float gap = 4.0f;      // between labels, and between a label and an obstacle rectangle
  float margin = 8.0f;   // between a label and the edge of the area
  float maxWidth = 0.0f; // labels wider than this are shortened to it (0: no limit)
  float minWidth = 0.0f; // when a label fits nowhere, it may be shortened down to this before it is dropped
  glm::vec2 moreSize{0.0f};                   // the "+N more" entry's box (zero: none is placed)
  const ScreenOccupancy *obstacles = nullptr; // cells no label may cover
  std::vector<ScreenRect> blocked;            // rectangles no label may cover
};

struct LabelLayout {
  std::vector<PlacedLabel> labels; // one per request, in request order
  int hidden = 0;                  // labels left out for want of room
  std::optional<ScreenRect> more;  // where the "+N more" entry goes (hidden > 0 and a place was found)
};

LabelLayout layoutLabels(const std::vector<LabelRequest> &requests, const ScreenRect &area,
                         const LabelLayoutOptions &options);

} // namespace atlas
