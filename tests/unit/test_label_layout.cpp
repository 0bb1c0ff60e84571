// Label placement on synthetic screens: labels never overlap each other, the footprint they must keep
// clear of (a ScreenOccupancy grid) or blocked rectangles; they stay inside the free area, sit near
// their anchors, and when room runs out the least important are left out behind a "+N more".
#include "scene/label_layout.h"
#include "scene/screen_occupancy.h"

#include <catch2/catch.hpp>
#include <random>

using namespace atlas;

namespace {

// The checks every layout must pass, whatever the screen.
void checkLayout(const LabelLayout &layout, const std::vector<LabelRequest> &requests, const ScreenRect &area,
                 const LabelLayoutOptions &options) {
  REQUIRE(layout.labels.size() == requests.size());
  int hidden = 0;
  for (std::size_t i = 0; i < layout.labels.size(); ++i) {
    const PlacedLabel &l = layout.labels[i];
    CHECK(l.request == i);
    if (!l.shown) {
      ++hidden;
      continue;
    }
    const ScreenRect &b = l.box;
    INFO("label " << i << " at " << b.min.x << "," << b.min.y << " - " << b.max.x << "," << b.max.y);
    CHECK(b.min.x >= area.min.x + options.margin - 0.02f);
    CHECK(b.max.x <= area.max.x - options.margin + 0.02f);
    CHECK(b.min.y >= area.min.y + options.margin - 0.02f);
    CHECK(b.max.y <= area.max.y - options.margin + 0.02f);
    CHECK(b.height() == Approx(requests[i].size.y));
    CHECK(b.width() <= requests[i].size.x + 0.01f);
    CHECK(l.shortened == (b.width() < requests[i].size.x - 0.01f));
    if (options.maxWidth > 0.0f)
      CHECK(b.width() <= options.maxWidth + 0.01f);
    if (options.obstacles)
      CHECK_FALSE(options.obstacles->anyMarkedIn(b));
    for (const ScreenRect &blocked : options.blocked)
      CHECK_FALSE(b.overlaps(blocked));
    CHECK_FALSE(b.contains(l.anchor)); // a leader line, however short, never a label on its own point
    for (std::size_t j = 0; j < layout.labels.size(); ++j) {
      if (j == i || !layout.labels[j].shown)
        continue;
      CHECK_FALSE(b.overlaps(layout.labels[j].box));
    }
    if (layout.more)
      CHECK_FALSE(b.overlaps(*layout.more));
  }
  CHECK(layout.hidden == hidden);
  if (layout.more) {
    CHECK(hidden > 0);
    if (options.obstacles)
      CHECK_FALSE(options.obstacles->anyMarkedIn(*layout.more));
  }
}

} // namespace

TEST_CASE("labels keep clear of each other, the footprint and blocked boxes on random screens", "[labels]") {
  std::mt19937 rng(1234);
  const ScreenRect area{{280.0f, 90.0f}, {920.0f, 660.0f}}; // the 3D view at 1280x720 with both panels
  std::uniform_real_distribution<float> x(300.0f, 900.0f), y(100.0f, 650.0f), w(60.0f, 360.0f),
      blob(20.0f, 120.0f);
  for (int round = 0; round < 40; ++round) {
    ScreenOccupancy grid(area, 7.0f);
    std::vector<LabelRequest> requests;
    const int blobs = 1 + round % 5;
    for (int b = 0; b < blobs; ++b) { // a part on screen, with a label anchor on it
      const glm::vec2 c(x(rng), y(rng));
      const glm::vec2 half(blob(rng) * 0.5f, blob(rng));
      grid.markTriangle(c + glm::vec2(-half.x, -half.y), c + glm::vec2(half.x, -half.y),
                        c + glm::vec2(0, half.y));
      requests.push_back({c, {w(rng), 28.0f}, round % 3 == 0 ? b : 0});
    }
    for (int extra = 0; extra < round % 9; ++extra) // anchors of small parts not in the footprint
      requests.push_back({{x(rng), y(rng)}, {w(rng), 28.0f}, -1});
    LabelLayoutOptions options;
    options.obstacles = &grid;
    options.maxWidth = 300.0f;
    options.minWidth = 120.0f;
    options.moreSize = {90.0f, 28.0f};
    options.blocked = {ScreenRect{{290.0f, 100.0f}, {480.0f, 310.0f}}}; // a legend at the top left
    const LabelLayout layout = layoutLabels(requests, area, options);
    INFO("round " << round);
    checkLayout(layout, requests, area, options);
    // With room for far more, only a crowded screen leaves any out.
    if (requests.size() <= 4)
      CHECK(layout.hidden == 0);
  }
}

TEST_CASE("a label beside a part sits next to it with a short, level leader line", "[labels]") {
  const ScreenRect area{{0.0f, 0.0f}, {1000.0f, 800.0f}};
  ScreenOccupancy grid(area, 8.0f);
  grid.markRect({{450.0f, 200.0f}, {550.0f, 600.0f}}); // a tall muscle in the middle
  LabelLayoutOptions options;
  options.obstacles = &grid;
  const LabelLayout layout = layoutLabels({{{500.0f, 400.0f}, {150.0f, 24.0f}}}, area, options);
  checkLayout(layout, {{{500.0f, 400.0f}, {150.0f, 24.0f}}}, area, options);
  const PlacedLabel &l = layout.labels[0];
  REQUIRE(l.shown);
  // Off the muscle, and at the height of its anchor: the leader line runs out sideways, no further
  // than the muscle's half-width and a cell or two.
  CHECK((l.box.max.x <= 450.0f || l.box.min.x >= 550.0f));
  CHECK((l.box.min.y + l.box.max.y) * 0.5f == Approx(400.0f).margin(1.0f));
  CHECK(glm::length(l.attach - l.anchor) < 50.0f + 24.0f);
}

TEST_CASE("with no room for all, the least important labels are left out behind +N more", "[labels]") {
  // A small view almost filled by the model: only a strip at the top is free. Every label points at
  // the same spot, so room alone decides: the ones shown must be the most important.
  const ScreenRect area{{0.0f, 0.0f}, {600.0f, 400.0f}};
  ScreenOccupancy grid(area, 8.0f);
  grid.markRect({{0.0f, 120.0f}, {600.0f, 400.0f}});
  std::vector<LabelRequest> requests;
  for (int i = 0; i < 10; ++i) // priorities 0..9, shuffled in the order asked
    requests.push_back({{300.0f, 200.0f}, {170.0f, 26.0f}, (i * 7) % 10});
  LabelLayoutOptions options;
  options.obstacles = &grid;
  options.moreSize = {90.0f, 26.0f};
  const LabelLayout layout = layoutLabels(requests, area, options);
  checkLayout(layout, requests, area, options);
  CHECK(layout.hidden > 0);
  CHECK(layout.hidden < 10);
  REQUIRE(layout.more); // its place was found, giving up a label if need be
  int lowestShown = 100, highestHidden = -1;
  for (const PlacedLabel &l : layout.labels) {
    if (l.shown)
      lowestShown = std::min(lowestShown, requests[l.request].priority);
    else
      highestHidden = std::max(highestHidden, requests[l.request].priority);
  }
  CHECK(lowestShown > highestHidden); // every label shown matters more than every one left out

  // Anchors spread along the model: the most important label is always placed.
  for (std::size_t i = 0; i < requests.size(); ++i)
    requests[i].anchor = {30.0f + 55.0f * static_cast<float>(i), 200.0f};
  const LabelLayout spread = layoutLabels(requests, area, options);
  checkLayout(spread, requests, area, options);
  for (const PlacedLabel &l : spread.labels)
    if (requests[l.request].priority == 9)
      CHECK(l.shown);
}

TEST_CASE("long names are cut to the width limit, a compact wording before a cut", "[labels]") {
  const ScreenRect area{{0.0f, 0.0f}, {800.0f, 600.0f}};
  LabelLayoutOptions options;
  options.maxWidth = 200.0f;
  LabelRequest longName{{400.0f, 300.0f}, {380.0f, 24.0f}};
  LabelLayout layout = layoutLabels({longName}, area, options);
  checkLayout(layout, {longName}, area, options);
  REQUIRE(layout.labels[0].shown);
  CHECK(layout.labels[0].shortened);
  CHECK(layout.labels[0].compact == -1);
  CHECK(layout.labels[0].box.width() == Approx(200.0f));
  // "Origin: C4" says what the cut "Origin: Fourth cerv..." would: it is chosen when it fits.
  longName.compactWidths = {320.0f, 110.0f};
  layout = layoutLabels({longName}, area, options);
  REQUIRE(layout.labels[0].shown);
  CHECK(layout.labels[0].compact == 1);
  CHECK(layout.labels[0].box.width() == Approx(110.0f));
  // A name within the limit is left whole.
  const LabelRequest shortName{{400.0f, 300.0f}, {150.0f, 24.0f}};
  layout = layoutLabels({shortName}, area, options);
  CHECK_FALSE(layout.labels[0].shortened);
  CHECK(layout.labels[0].box.width() == Approx(150.0f));
}

TEST_CASE("two labels whose parts lie one above the other do not cross their leader lines", "[labels]") {
  const ScreenRect area{{0.0f, 0.0f}, {900.0f, 700.0f}};
  ScreenOccupancy grid(area, 6.0f);
  grid.markRect({{380.0f, 100.0f}, {520.0f, 600.0f}});
  const std::vector<LabelRequest> requests{{{400.0f, 300.0f}, {160.0f, 26.0f}, 5},
                                           {{500.0f, 340.0f}, {160.0f, 26.0f}, 5},
                                           {{450.0f, 320.0f}, {160.0f, 26.0f}, 5}};
  LabelLayoutOptions options;
  options.obstacles = &grid;
  const LabelLayout layout = layoutLabels(requests, area, options);
  checkLayout(layout, requests, area, options);
  for (std::size_t i = 0; i < layout.labels.size(); ++i)
    for (std::size_t j = i + 1; j < layout.labels.size(); ++j) {
      const PlacedLabel &a = layout.labels[i], &b = layout.labels[j];
      REQUIRE((a.shown && b.shown));
      // On the same side, the upper anchor has the upper label.
      const bool sameSide = (a.box.min.x >= 520.0f) == (b.box.min.x >= 520.0f);
      if (sameSide)
        CHECK((a.anchor.y < b.anchor.y) == (a.box.min.y < b.box.min.y));
    }
}

TEST_CASE("the occupancy grid marks a projected triangle's cells and answers box queries", "[labels]") {
  ScreenOccupancy grid({{100.0f, 100.0f}, {300.0f, 200.0f}}, 10.0f);
  CHECK(grid.columns() == 20);
  CHECK(grid.rows() == 10);
  CHECK(grid.markedCount() == 0);
  grid.markTriangle({110.0f, 110.0f}, {190.0f, 110.0f}, {110.0f, 190.0f}); // lower-left half of a square
  CHECK_FALSE(grid.marked(0, 0)); // its centre lies outside, before the right angle's corner
  CHECK(grid.marked(1, 1));
  CHECK(grid.marked(1, 7));
  CHECK_FALSE(grid.marked(7, 7)); // beyond the hypotenuse
  CHECK_FALSE(grid.anyMarkedIn({{200.0f, 100.0f}, {300.0f, 200.0f}}));
  CHECK(grid.anyMarkedIn({{105.0f, 105.0f}, {115.0f, 115.0f}}));
  // A triangle thinner than a cell still leaves its corners.
  grid.markTriangle({255.0f, 105.0f}, {256.0f, 105.0f}, {256.0f, 106.0f});
  CHECK(grid.marked(15, 0));
  const int before = grid.markedCount();
  CHECK(grid.markedIn(grid.area()) == before);
  grid.dilate(1);
  CHECK(grid.markedCount() > before);
  CHECK(grid.marked(16, 1));
  const ScreenRect bounds = grid.markedBounds();
  CHECK(bounds.min.x == Approx(100.0f)); // column 1, grown by a cell
  CHECK(bounds.max.x == Approx(270.0f));
}

TEST_CASE("a mesh in front of the camera marks where it projects", "[labels]") {
  MeshData square;
  square.positions = {{-0.1f, -0.1f, 0.0f}, {0.1f, -0.1f, 0.0f}, {0.1f, 0.1f, 0.0f}, {-0.1f, 0.1f, 0.0f}};
  square.indices = {0, 1, 2, 0, 2, 3};
  Camera camera;
  camera.distance = 1.0f; // looking down -Z at the origin
  const glm::vec4 view(0.0f, 0.0f, 400.0f, 400.0f);
  ScreenOccupancy grid({{0.0f, 0.0f}, {400.0f, 400.0f}}, 8.0f);
  markProjectedMesh(grid, square, camera, view, glm::vec2(1.0f));
  const auto centre = camera.project(glm::vec3(0.0f), 400, 400);
  REQUIRE(centre);
  CHECK(grid.anyMarkedIn({*centre - glm::vec2(2.0f), *centre + glm::vec2(2.0f)}));
  const auto corner = camera.project({0.1f, 0.1f, 0.0f}, 400, 400);
  REQUIRE(corner);
  const float half = std::abs(corner->x - centre->x);
  // Marked out to the square's edge and no further than a cell beyond it.
  CHECK(grid.anyMarkedIn({*centre + glm::vec2(half - 6.0f, -2.0f), *centre + glm::vec2(half - 1.0f, 2.0f)}));
  CHECK_FALSE(
      grid.anyMarkedIn({*centre + glm::vec2(half + 10.0f, -2.0f), *centre + glm::vec2(half + 40.0f, 2.0f)}));
  CHECK_FALSE(grid.anyMarkedIn({{0.0f, 0.0f}, {40.0f, 40.0f}}));
}
