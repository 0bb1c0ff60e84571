// Room for the model at a projector's 1280x720 (issue 16), end to end with the real binary: with a
// selection and both side panels open, the 3D view keeps at least half of the width, and the labels and
// the legend leave the selected muscle's pixels, and those of its highlighted parts, at least 90 %
// uncovered (without the footprint as an obstacle about a fifth of the highlighted pixels were covered).
//
// The muscle's pixels come from a second image of the same frame with the labels off (--labels off):
// the panels, the view and the camera are the same, so its selection-coloured pixels are where the
// muscle is, wherever the first image's labels went. The legend is in both images; that none of the
// muscle hides under it is checked from the outside: no muscle pixel touches its box.
#include "render/run_app.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>

using namespace atlas::test;

namespace {

struct Box {
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(float px, float py, float margin = 0.0f) const {
    return px >= x - margin && px < x + w + margin && py >= y - margin && py < y + h + margin;
  }
};

Box boxOf(const nlohmann::json &rect) {
  REQUIRE(rect.is_array());
  REQUIRE(rect.size() == 4);
  return {rect[0].get<float>(), rect[1].get<float>(), rect[2].get<float>(), rect[3].get<float>()};
}

// The selection colour, Okabe-Ito bluish green (0, 158, 115) as shaded on the model: green well above
// red and above blue. No other highlight colour, bone, background or label box passes.
bool selectionGreen(const std::uint8_t *p) {
  return static_cast<int>(p[1]) > static_cast<int>(p[0]) + 30 &&
         static_cast<int>(p[1]) > static_cast<int>(p[2]) + 5;
}

// Any highlight colour (the Okabe-Ito palette: green, orange, sky blue, yellow, vermillion, purple):
// strongly saturated, where bone, background and the dark label boxes are grey.
bool highlightColoured(const std::uint8_t *p) {
  const int hi = std::max({int(p[0]), int(p[1]), int(p[2])}),
            lo = std::min({int(p[0]), int(p[1]), int(p[2])});
  return hi - lo > 35;
}

const std::vector<std::string> kFrame{"--size", "1280x720", "--select", "scalenus_posterior_right"};

std::vector<std::string> argsFor(const std::string &panel, std::vector<std::string> extra) {
  std::vector<std::string> args{bundledModelPath(), "--headless"};
  args.insert(args.end(), kFrame.begin(), kFrame.end());
  args.push_back("--panel");
  args.push_back(panel);
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

} // namespace

TEST_CASE("at 1280x720 with both panels open the model keeps half the width and its labels stay off it",
          "[render][layout]") {
  for (const std::string panel : {"info", "teaching"}) {
    INFO("right-hand panel: " << panel);
    const std::string png = outputPath(panel + "-labels.png"), json = outputPath(panel + "-labels.json");
    const std::string barePng = outputPath(panel + "-bare.png"), bareJson = outputPath(panel + "-bare.json");
    AppRun run = runApp(argsFor(panel, {"--screenshot", png, "--state", json}));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    AppRun bare = runApp(argsFor(panel, {"--labels", "off", "--screenshot", barePng, "--state", bareJson}));
    INFO(bare.err);
    REQUIRE(bare.exitCode == 0);
    const nlohmann::json state = readJson(json), bareState = readJson(bareJson);
    const nlohmann::json &layout = state.at("layout");

    // Both panels are open, and the 3D view between them has at least half of the width.
    std::set<std::string> sides;
    float panelsWidth = 0.0f;
    for (const auto &p : layout.at("panels")) {
      sides.insert(p.at("name").get<std::string>());
      panelsWidth += boxOf(p.at("rect")).w;
    }
    CHECK(sides == std::set<std::string>{"left", "right"});
    const Box view = boxOf(layout.at("view"));
    CHECK(view.w >= 1280.0f * 0.5f);
    CHECK(panelsWidth <= 1280.0f * 0.5f + 0.5f);
    // The viewer draws the model into that rectangle (the renderer's view area).
    CHECK(state.at("view_area")[2].get<float>() == Approx(view.w).margin(1.0f));

    // The same frame in both runs: the labels alone differ.
    CHECK(bareState.at("layout").at("view") == layout.at("view"));
    CHECK(bareState.at("camera").at("eye") == state.at("camera").at("eye"));
    CHECK(bareState.at("layout").at("labels").empty());
    REQUIRE(layout.at("labels").size() >= 6); // not vacuous: most of the ten parts are labelled
    CHECK(layout.at("labels").size() + layout.at("labels_hidden").get<std::size_t>() ==
          state.at("label_texts").size());

    std::vector<Box> overlays;
    for (const auto &l : layout.at("labels")) {
      const Box b = boxOf(l.at("rect"));
      // Every label inside the 3D view, none over a panel.
      CHECK(b.x >= view.x);
      CHECK(b.x + b.w <= view.x + view.w);
      overlays.push_back(b);
    }
    if (!layout.at("more").is_null())
      overlays.push_back(boxOf(layout.at("more")));
    REQUIRE_FALSE(layout.at("legend").is_null()); // ten parts in six roles: the legend is shown
    const Box legend = boxOf(layout.at("legend"));
    overlays.push_back(legend);

    // The muscle's pixels in the image without labels, and how many of them the labels and the
    // legend of the labelled image would cover.
    const atlas::Image image = readImage(barePng);
    int muscle = 0, covered = 0, touchingLegend = 0, lit = 0, litCovered = 0;
    for (int y = static_cast<int>(view.y); y < static_cast<int>(view.y + view.h) && y < image.height; ++y)
      for (int x = static_cast<int>(view.x); x < static_cast<int>(view.x + view.w) && x < image.width; ++x) {
        const float cx = static_cast<float>(x) + 0.5f, cy = static_cast<float>(y) + 0.5f;
        if (legend.contains(cx, cy))
          continue; // its own swatch is green; what is under it is checked at its border
        const bool underOverlay = std::any_of(overlays.begin(), overlays.end(),
                                              [cx, cy](const Box &b) { return b.contains(cx, cy); });
        if (highlightColoured(image.pixel(x, y))) { // every highlighted part, the muscle among them
          ++lit;
          litCovered += underOverlay ? 1 : 0;
        }
        if (!selectionGreen(image.pixel(x, y)))
          continue;
        ++muscle;
        if (legend.contains(cx, cy, 3.0f))
          ++touchingLegend;
        for (const Box &b : overlays)
          if (b.contains(cx, cy)) {
            ++covered;
            break;
          }
      }
    INFO(muscle << " muscle pixels, " << covered << " covered");
    REQUIRE(muscle > 1000); // the muscle is in sight, not a few stray pixels
    CHECK(touchingLegend == 0);
    CHECK(static_cast<double>(covered) <= 0.10 * static_cast<double>(muscle));
    // Nor its highlighted parts: its attachments, nerves, artery and neighbour.
    INFO(lit << " highlighted pixels, " << litCovered << " covered");
    REQUIRE(lit > muscle);
    CHECK(static_cast<double>(litCovered) <= 0.10 * static_cast<double>(lit));
  }
}

// The opening view fills the 3D view (the lecturer's review of the tenth pass: the model took about
// 40 % of a projector's frame, framed by the corners of one box round it, which stand far out in front
// of and behind a neck seen obliquely). The camera fits the model's own points: without the interface
// the model spans at least 85 % of the height (it spanned 70 %), and with it the view lies below the
// toolbar of standard views, so the toolbar covers none of the framed model.
TEST_CASE("the opening view fills the 3D view with the model, below the toolbar", "[render][layout]") {
  const std::string png = outputPath("opening.png");
  AppRun run =
      runApp({bundledModelPath(), "--headless", "--size", "1280x720", "--no-ui", "--screenshot", png});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  const atlas::Image image = readImage(png);
  // The background is a vertical gradient: a pixel is the model's where it differs from the first
  // pixel of its own row (the model never reaches the left edge) by more than 12 in a channel.
  int top = image.height, bottom = -1;
  for (int y = 0; y < image.height; ++y)
    for (int x = 1; x < image.width; ++x) {
      const std::uint8_t *p = image.pixel(x, y), *edge = image.pixel(0, y);
      if (std::max({std::abs(p[0] - edge[0]), std::abs(p[1] - edge[1]), std::abs(p[2] - edge[2])}) > 12) {
        top = std::min(top, y);
        bottom = std::max(bottom, y);
        break;
      }
    }
  REQUIRE(bottom > top);
  CHECK(static_cast<float>(bottom - top + 1) >= 0.85f * static_cast<float>(image.height));

  const std::string json = outputPath("opening.json");
  AppRun withUi = runApp({bundledModelPath(), "--headless", "--size", "1280x720", "--screenshot",
                          outputPath("opening-ui.png"), "--state", json});
  INFO(withUi.err);
  REQUIRE(withUi.exitCode == 0);
  const nlohmann::json layout = readJson(json).at("layout");
  REQUIRE(layout.at("toolbar").is_array());
  const Box toolbar = boxOf(layout.at("toolbar")), view = boxOf(layout.at("view"));
  CHECK(toolbar.h > 10.0f);
  CHECK(view.y >= toolbar.y + toolbar.h);
  CHECK(view.h >= 720.0f * 0.75f); // and the view keeps most of the height
}
