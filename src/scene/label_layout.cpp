#include "scene/label_layout.h"

#include "scene/screen_occupancy.h"

#include <cmath>
#include <limits>
#include <numeric>

namespace atlas {
namespace {

// Where a leader line leaves a box: the middle of the side facing the anchor.
glm::vec2 attachPoint(const ScreenRect &box, glm::vec2 anchor) {
  const float midY = (box.min.y + box.max.y) * 0.5f;
  if (anchor.x < box.min.x)
    return {box.min.x, midY};
  if (anchor.x > box.max.x)
    return {box.max.x, midY};
  return {(box.min.x + box.max.x) * 0.5f, anchor.y < box.min.y ? box.min.y : box.max.y};
}

// True when the segment p-q passes through the rectangle (Liang-Barsky clipping).
bool segmentCrosses(glm::vec2 p, glm::vec2 q, const ScreenRect &r) {
  float t0 = 0.0f, t1 = 1.0f;
  const glm::vec2 d = q - p;
  const float edges[4][2] = {
      {-d.x, p.x - r.min.x}, {d.x, r.max.x - p.x}, {-d.y, p.y - r.min.y}, {d.y, r.max.y - p.y}};
  for (const auto &[dir, dist] : edges) {
    if (dir == 0.0f) {
      if (dist < 0.0f)
        return false;
      continue;
    }
    const float t = dist / dir;
    if (dir < 0.0f)
      t0 = std::max(t0, t);
    else
      t1 = std::min(t1, t);
    if (t0 > t1)
      return false;
  }
  return true;
}

bool segmentsCross(glm::vec2 a, glm::vec2 b, glm::vec2 c, glm::vec2 d) {
  const auto side = [](glm::vec2 p, glm::vec2 q, glm::vec2 x) {
    return (q.x - p.x) * (x.y - p.y) - (q.y - p.y) * (x.x - p.x);
  };
  const float d1 = side(a, b, c), d2 = side(a, b, d), d3 = side(c, d, a), d4 = side(c, d, b);
  return ((d1 > 0.0f) != (d2 > 0.0f)) && ((d3 > 0.0f) != (d4 > 0.0f));
}

class Placer {
public:
  Placer(const ScreenRect &area, const LabelLayoutOptions &options) : area_(area), options_(options) {
    inner_ = {area.min + glm::vec2(options.margin), area.max - glm::vec2(options.margin)};
  }

  // The best free box of `size` for a leader line to `anchor` and its cost (the leader's length, more
  // for a steep or crossing one, plus `extra`), if one costs less than `limit`.
  std::optional<std::pair<ScreenRect, float>> find(glm::vec2 anchor, glm::vec2 size, bool leader,
                                                   float extra = 0.0f,
                                                   float limit = std::numeric_limits<float>::max()) const {
    const float stepX = std::max(size.y * 0.6f, 6.0f), stepY = std::max(size.y * 0.35f, 3.0f);
    const float lead = size.y * 0.6f; // the shortest leader line: the box never sits on its anchor
    std::vector<float> xs;            // left edges to try
    xs.push_back(inner_.min.x);
    xs.push_back(inner_.max.x - size.x);
    for (float dx = lead; dx < area_.width(); dx += stepX) {
      xs.push_back(anchor.x + dx);          // right of the anchor
      xs.push_back(anchor.x - dx - size.x); // left of it
    }
    std::optional<ScreenRect> best;
    float bestCost = limit - extra;
    const float yStart = anchor.y - size.y * 0.5f;
    for (float dy = 0.0f; dy < area_.height(); dy += stepY)
      for (const float sign : {1.0f, -1.0f}) {
        if (dy == 0.0f && sign < 0.0f)
          continue;
        const float y = yStart + sign * dy;
        if (y < inner_.min.y || y + size.y > inner_.max.y)
          continue;
        if (dy * kSteep >= bestCost) // every later row costs more than the best found
          return result(best, bestCost + extra);
        for (const float x : xs) {
          if (x < inner_.min.x - 0.01f || x + size.x > inner_.max.x + 0.01f)
            continue;
          const ScreenRect box{{x, y}, {x + size.x, y + size.y}};
          if (box.grown(lead * 0.5f).contains(anchor))
            continue; // a label never sits on its own point
          const glm::vec2 attach = attachPoint(box, anchor);
          float cost = glm::length(attach - anchor) + kSteep * std::abs(attach.y - anchor.y);
          if (cost >= bestCost || !free(box))
            continue;
          if (leader) {
            const std::optional<float> crossing = leaderPenalty(anchor, attach, box);
            if (!crossing)
              continue;
            cost += *crossing;
            if (cost >= bestCost)
              continue;
          }
          bestCost = cost;
          best = box;
        }
      }
    return result(best, bestCost + extra);
  }

  void take(const ScreenRect &box, std::optional<std::pair<glm::vec2, glm::vec2>> leader) {
    boxes_.push_back(box);
    if (leader)
      leaders_.push_back(*leader);
  }
  void reset() {
    boxes_.clear();
    leaders_.clear();
  }

private:
  // A level leader line reads best: height costs more than width.
  static constexpr float kSteep = 0.8f;
  static std::optional<std::pair<ScreenRect, float>> result(const std::optional<ScreenRect> &box,
                                                            float cost) {
    if (!box)
      return std::nullopt;
    return std::make_pair(*box, cost);
  }
  bool free(const ScreenRect &box) const {
    for (const ScreenRect &taken : boxes_)
      if (box.overlaps(taken.grown(options_.gap)))
        return false;
    for (const ScreenRect &blocked : options_.blocked)
      if (box.overlaps(blocked.grown(options_.gap)))
        return false;
    for (const auto &[a, b] : leaders_) // no box over another label's leader line
      if (segmentCrosses(a, b, box))
        return false;
    return !options_.obstacles || !options_.obstacles->anyMarkedIn(box);
  }
  // Extra cost of a leader line, or none when it runs through another label: crossing another
  // leader line is allowed, but costs as much as a long detour.
  std::optional<float> leaderPenalty(glm::vec2 anchor, glm::vec2 attach, const ScreenRect &) const {
    for (const ScreenRect &taken : boxes_)
      if (segmentCrosses(anchor, attach, taken))
        return std::nullopt;
    float penalty = 0.0f;
    for (const auto &[a, b] : leaders_)
      if (segmentsCross(anchor, attach, a, b))
        penalty += 250.0f;
    return penalty;
  }

  ScreenRect area_, inner_;
  const LabelLayoutOptions &options_;
  std::vector<ScreenRect> boxes_;
  std::vector<std::pair<glm::vec2, glm::vec2>> leaders_;
};

// What cutting a name to nothing would cost, in pixels of leader line; a compact wording, which
// loses less, costs a fraction of that.
constexpr float kCutCost = 900.0f;
constexpr float kCompactCost = 150.0f;

struct Wording {
  float width;
  float cost;
  int compact; // index into compactWidths, -1 for the text itself (cut when narrower)
};

// Widths to try for a label, cheapest first: the full text (up to the width limit), its compact
// wordings, then the text cut shorter and shorter.
std::vector<Wording> wordingsToTry(const LabelRequest &r, const LabelLayoutOptions &options) {
  const float full = r.size.x;
  const float limit = options.maxWidth > 0.0f ? options.maxWidth : full;
  std::vector<Wording> wordings;
  const float width = std::min(full, limit);
  wordings.push_back({width, kCutCost * (1.0f - width / full), -1});
  for (std::size_t i = 0; i < r.compactWidths.size(); ++i)
    if (r.compactWidths[i] <= limit && r.compactWidths[i] < full)
      wordings.push_back(
          {r.compactWidths[i], kCompactCost * (1.0f - r.compactWidths[i] / full), static_cast<int>(i)});
  const float narrowest = options.minWidth > 0.0f ? std::min(options.minWidth, width) : width;
  for (float w = width * 0.8f; w > narrowest; w *= 0.8f)
    wordings.push_back({w, kCutCost * (1.0f - w / full), -1});
  if (narrowest < width)
    wordings.push_back({narrowest, kCutCost * (1.0f - narrowest / full), -1});
  std::stable_sort(wordings.begin(), wordings.end(),
                   [](const Wording &a, const Wording &b) { return a.cost < b.cost; });
  return wordings;
}

// Whether a label may stand at `box` with a leader line to `anchor`, given the other labels shown
// (`skip` and `skipToo` left out: the pair being rearranged).
bool fits(const ScreenRect &box, glm::vec2 anchor, const std::vector<PlacedLabel> &labels, std::size_t skip,
          std::size_t skipToo, const ScreenRect &area, const LabelLayoutOptions &options) {
  const ScreenRect inner{area.min + glm::vec2(options.margin), area.max - glm::vec2(options.margin)};
  if (box.min.x < inner.min.x - 0.01f || box.max.x > inner.max.x + 0.01f || box.min.y < inner.min.y - 0.01f ||
      box.max.y > inner.max.y + 0.01f)
    return false;
  if (options.obstacles && options.obstacles->anyMarkedIn(box))
    return false;
  for (const ScreenRect &blocked : options.blocked)
    if (box.overlaps(blocked.grown(options.gap)))
      return false;
  const glm::vec2 attach = attachPoint(box, anchor);
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const PlacedLabel &o = labels[k];
    if (k == skip || k == skipToo || !o.shown)
      continue;
    if (box.overlaps(o.box.grown(options.gap)) || segmentCrosses(o.anchor, o.attach, box) ||
        segmentCrosses(anchor, attach, o.box))
      return false;
  }
  return true;
}

// Greedy placement can leave two leader lines crossing (the first label took the spot the second
// needed). Swapping such a pair's places, when both still fit, uncrosses them.
void uncross(std::vector<PlacedLabel> &labels, const ScreenRect &area, const LabelLayoutOptions &options) {
  // `box` moved to where `to` stands, aligned on the side its leader line leaves from.
  const auto moved = [](const ScreenRect &box, const PlacedLabel &to) {
    ScreenRect r = box;
    const float w = box.width(), h = box.height();
    const bool rightOfAnchor = to.attach.x <= to.box.min.x + 0.01f;
    r.min.x = rightOfAnchor ? to.box.min.x : to.box.max.x - w;
    r.min.y = (to.box.min.y + to.box.max.y) * 0.5f - h * 0.5f;
    r.max = r.min + glm::vec2(w, h);
    return r;
  };
  for (int pass = 0; pass < 4; ++pass) {
    bool changed = false;
    for (std::size_t i = 0; i < labels.size(); ++i)
      for (std::size_t j = i + 1; j < labels.size(); ++j) {
        PlacedLabel &a = labels[i], &b = labels[j];
        if (!a.shown || !b.shown || !segmentsCross(a.anchor, a.attach, b.anchor, b.attach))
          continue;
        const ScreenRect boxA = moved(a.box, b), boxB = moved(b.box, a);
        const glm::vec2 attachA = attachPoint(boxA, a.anchor), attachB = attachPoint(boxB, b.anchor);
        const float before = glm::length(a.attach - a.anchor) + glm::length(b.attach - b.anchor);
        const float after = glm::length(attachA - a.anchor) + glm::length(attachB - b.anchor);
        if (after > before * 1.25f || boxA.overlaps(boxB.grown(options.gap)) ||
            segmentsCross(a.anchor, attachA, b.anchor, attachB) || segmentCrosses(a.anchor, attachA, boxB) ||
            segmentCrosses(b.anchor, attachB, boxA) || !fits(boxA, a.anchor, labels, i, j, area, options) ||
            !fits(boxB, b.anchor, labels, i, j, area, options))
          continue;
        a.box = boxA;
        a.attach = attachA;
        b.box = boxB;
        b.attach = attachB;
        changed = true;
      }
    if (!changed)
      break;
  }
}

} // namespace

LabelLayout layoutLabels(const std::vector<LabelRequest> &requests, const ScreenRect &area,
                         const LabelLayoutOptions &options) {
  LabelLayout result;
  result.labels.resize(requests.size());
  // Most important first; equal ones in the order asked.
  std::vector<std::size_t> order(requests.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&requests](std::size_t a, std::size_t b) {
    return requests[a].priority > requests[b].priority;
  });
  std::size_t allowed = requests.size(); // labels that may be placed, in `order`
  for (;;) {
    Placer placer(area, options);
    std::vector<glm::vec2> hiddenAnchors;
    for (std::size_t k = 0; k < order.size(); ++k) {
      const std::size_t i = order[k];
      const LabelRequest &r = requests[i];
      PlacedLabel &l = result.labels[i];
      l = PlacedLabel{};
      l.request = i;
      l.anchor = r.anchor;
      l.shown = false;
      if (k < allowed) {
        // The whole name near its part, or a shorter one nearer: each cut costs as much as a longer
        // leader line, so a name is cut only to keep it close.
        std::optional<std::pair<ScreenRect, float>> best;
        int compact = -1;
        for (const Wording &wording : wordingsToTry(r, options)) {
          if (best && wording.cost >= best->second)
            break; // the rest cost more than the best already
          if (auto found = placer.find(r.anchor, glm::vec2(wording.width, r.size.y), true, wording.cost,
                                       best ? best->second : std::numeric_limits<float>::max())) {
            best = found;
            compact = wording.compact;
          }
        }
        if (best) {
          l.box = best->first;
          l.attach = attachPoint(l.box, r.anchor);
          l.shown = true;
          l.shortened = l.box.width() < r.size.x - 0.01f;
          l.compact = compact;
          placer.take(l.box, std::make_pair(r.anchor, l.attach));
        }
      }
      if (!l.shown) {
        l.box = {r.anchor, r.anchor};
        l.attach = r.anchor;
        hiddenAnchors.push_back(r.anchor);
      }
    }
    uncross(result.labels, area, options);
    placer.reset(); // the places as uncrossed, for the "+N more" entry
    for (const PlacedLabel &l : result.labels)
      if (l.shown)
        placer.take(l.box, std::make_pair(l.anchor, l.attach));
    result.hidden = static_cast<int>(hiddenAnchors.size());
    result.more.reset();
    if (result.hidden == 0 || options.moreSize.x <= 0.0f)
      return result;
    // "+N more" near the parts it stands for, without a leader line.
    glm::vec2 centre(0.0f);
    for (const glm::vec2 &a : hiddenAnchors)
      centre += a / static_cast<float>(hiddenAnchors.size());
    if (const auto found = placer.find(centre, options.moreSize, false)) {
      result.more = found->first;
      return result;
    }
    // No room even for the entry: give it the place of the least important label shown.
    std::size_t shown = 0;
    for (std::size_t k = 0; k < std::min(allowed, order.size()); ++k)
      shown += result.labels[order[k]].shown ? 1 : 0;
    if (shown == 0)
      return result;
    while (allowed > 0 && !result.labels[order[allowed - 1]].shown)
      --allowed;
    --allowed;
  }
}

} // namespace atlas
