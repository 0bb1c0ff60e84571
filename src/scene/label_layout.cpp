#include "scene/label_layout.h"

#include <algorithm>
#include <numeric>

namespace atlas {
namespace {

// Stacks the labels of one column between top and bottom: each as close to its anchor's height as
// the ones above allow, then pushed back up from the bottom if the stack ran over.
void stackColumn(std::vector<PlacedLabel> &labels, const ScreenRect &area, float gap) {
  std::sort(labels.begin(), labels.end(),
            [](const PlacedLabel &a, const PlacedLabel &b) { return a.anchor.y < b.anchor.y; });
  float cursor = area.min.y;
  for (PlacedLabel &l : labels) {
    const float h = l.box.height();
    const float y = std::max(l.anchor.y - h * 0.5f, cursor);
    l.box.min.y = y;
    l.box.max.y = y + h;
    cursor = l.box.max.y + gap;
  }
  float limit = area.max.y;
  for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
    const float h = it->box.height();
    if (it->box.max.y > limit) {
      it->box.max.y = limit;
      it->box.min.y = limit - h;
    }
    limit = it->box.min.y - gap;
  }
  for (PlacedLabel &l : labels)
    l.shown = l.box.min.y >= area.min.y - 0.5f; // no room left at the top: leave it out, never overlap
}

} // namespace

std::vector<PlacedLabel> layoutLabels(const std::vector<LabelRequest> &requests, const ScreenRect &area,
                                      float gap, float margin) {
  std::vector<PlacedLabel> left, right;
  const float middle = (area.min.x + area.max.x) * 0.5f;
  // The two columns share the width: neither may reach into the other.
  const float columnWidth = std::max((area.width() - 2.0f * margin - gap) * 0.5f, 0.0f);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const LabelRequest &r = requests[i];
    PlacedLabel l;
    l.request = i;
    l.anchor = r.anchor;
    const bool onLeft = r.anchor.x < middle;
    const float width = std::min(r.size.x, columnWidth);
    l.shortened = width < r.size.x;
    l.box.min.x = onLeft ? area.min.x + margin : area.max.x - margin - width;
    l.box.max.x = l.box.min.x + width;
    l.box.min.y = 0.0f;
    l.box.max.y = r.size.y;
    (onLeft ? left : right).push_back(l);
  }
  stackColumn(left, area, gap);
  stackColumn(right, area, gap);
  std::vector<PlacedLabel> all;
  for (auto *column : {&left, &right})
    for (PlacedLabel &l : *column) {
      const bool onLeft = l.box.max.x <= middle;
      l.attach = glm::vec2(onLeft ? l.box.max.x : l.box.min.x, (l.box.min.y + l.box.max.y) * 0.5f);
      all.push_back(l);
    }
  std::sort(all.begin(), all.end(),
            [](const PlacedLabel &a, const PlacedLabel &b) { return a.request < b.request; });
  return all;
}

} // namespace atlas
