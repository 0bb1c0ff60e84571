// Leader-line label placement in screen space: labels stack in a column at the left or right edge of
// the free 3D area (the side nearer their anchor), sorted by height so leader lines do not cross,
// never overlapping each other or leaving the area (which excludes the panels). In a narrow area a
// label is never wider than its column (half the area): it is marked `shortened` instead.
#pragma once

#include <glm/glm.hpp>
#include <vector>

namespace atlas {

struct ScreenRect {
  glm::vec2 min{0.0f}, max{0.0f};
  float width() const { return max.x - min.x; }
  float height() const { return max.y - min.y; }
  bool overlaps(const ScreenRect &o) const {
    return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y;
  }
};

struct LabelRequest {
  glm::vec2 anchor; // projected point on the structure, pixels
  glm::vec2 size;   // label box size, pixels
};

struct PlacedLabel {
  std::size_t request = 0; // index into the requests
  ScreenRect box;
  glm::vec2 anchor;
  glm::vec2 attach;       // where the leader line leaves the box
  bool shown = true;      // false when the column is full
  bool shortened = false; // the box is narrower than asked: the text must be shortened to fit
};

std::vector<PlacedLabel> layoutLabels(const std::vector<LabelRequest> &requests, const ScreenRect &area,
                                      float gap, float margin);

} // namespace atlas
