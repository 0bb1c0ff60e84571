// Label placement: never overlapping, always inside the free area, on the side of their anchor.
#include "scene/label_layout.h"

#include <catch2/catch.hpp>
#include <random>

using namespace atlas;

TEST_CASE("labels never overlap and stay inside the free area", "[labels]") {
  std::mt19937 rng(1234);
  std::uniform_real_distribution<float> x(300.0f, 1500.0f), y(80.0f, 1000.0f), w(80.0f, 320.0f);
  const ScreenRect area{{300.0f, 60.0f}, {1500.0f, 1040.0f}};
  for (int round = 0; round < 50; ++round) {
    std::vector<LabelRequest> requests;
    const int n = 1 + round % 16;
    for (int i = 0; i < n; ++i)
      requests.push_back({{x(rng), y(rng)}, {w(rng), 28.0f}});
    const auto placed = layoutLabels(requests, area, 4.0f, 10.0f);
    REQUIRE(placed.size() == requests.size());
    for (std::size_t i = 0; i < placed.size(); ++i) {
      if (!placed[i].shown)
        continue;
      const ScreenRect &b = placed[i].box;
      CHECK(b.min.x >= area.min.x);
      CHECK(b.max.x <= area.max.x);
      CHECK(b.min.y >= area.min.y - 0.5f);
      CHECK(b.max.y <= area.max.y + 0.5f);
      const bool leftSide = requests[placed[i].request].anchor.x < (area.min.x + area.max.x) * 0.5f;
      CHECK((b.max.x <= 900.0f) == leftSide);
      for (std::size_t j = i + 1; j < placed.size(); ++j)
        if (placed[j].shown)
          CHECK_FALSE(b.overlaps(placed[j].box));
    }
    // With at most 16 labels of 28 px in 980 px of height, every label fits.
    for (const PlacedLabel &p : placed)
      CHECK(p.shown);
  }
}

TEST_CASE("a lone label sits level with its anchor", "[labels]") {
  const ScreenRect area{{0.0f, 0.0f}, {1000.0f, 800.0f}};
  const auto placed = layoutLabels({{{700.0f, 400.0f}, {100.0f, 20.0f}}}, area, 4.0f, 10.0f);
  REQUIRE(placed.size() == 1);
  CHECK((placed[0].box.min.y + placed[0].box.max.y) * 0.5f == Approx(400.0f));
  CHECK(placed[0].box.max.x == Approx(990.0f));
  CHECK(placed[0].attach.x == Approx(placed[0].box.min.x));
}

TEST_CASE("in a narrow view the two columns never meet: wide labels are shortened", "[labels]") {
  // A 1280x720 window with both panels open leaves about 460 px to the 3D view.
  const ScreenRect area{{385.0f, 90.0f}, {845.0f, 640.0f}};
  std::vector<LabelRequest> requests;
  for (int i = 0; i < 8; ++i) // alternating sides, some wider than half the area
    requests.push_back({{i % 2 ? 700.0f : 500.0f, 150.0f + 55.0f * i}, {i % 3 ? 330.0f : 150.0f, 28.0f}});
  const auto placed = layoutLabels(requests, area, 4.0f, 10.0f);
  REQUIRE(placed.size() == requests.size());
  int shortened = 0;
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const ScreenRect &b = placed[i].box;
    CHECK(b.min.x >= area.min.x);
    CHECK(b.max.x <= area.max.x);
    CHECK(b.width() <= requests[i].size.x);
    CHECK(placed[i].shortened == (b.width() < requests[i].size.x));
    shortened += placed[i].shortened ? 1 : 0;
    for (std::size_t j = i + 1; j < placed.size(); ++j)
      if (placed[i].shown && placed[j].shown)
        CHECK_FALSE(b.overlaps(placed[j].box));
  }
  CHECK(shortened > 0);
}
