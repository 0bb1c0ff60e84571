// Runs the real scalene-atlas binary for end-to-end tests and collects what it printed.
#pragma once

#include "core/image.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace atlas::test {

struct AppRun {
  int exitCode = -1;
  std::string out; // stdout
  std::string err; // stderr
};

// Runs any program (argv[0] is its path) and collects what it printed. `extraEnv` as for runApp.
using ProcessRun = AppRun;
ProcessRun runProcess(const std::vector<std::string> &argv, const std::vector<std::string> &extraEnv = {});

// `extraEnv`: "NAME=value" entries added to this process's environment for the child.
AppRun runApp(const std::vector<std::string> &args, const std::vector<std::string> &extraEnv = {});
std::string fixturePath(const std::string &name); // writes the fixtures on first use
std::string bundledModelPath();                   // assets/cervical_region.glb of this source tree
std::string testOutputDir();                      // this test case's own folder under the output folder
std::string outputPath(const std::string &name);  // a file in testOutputDir()
Image readImage(const std::string &path);         // REQUIREs that the PNG exists
nlohmann::json readJson(const std::string &path);

// Fraction of pixels that differ from the background colour at the image's corners.
double foregroundFraction(const Image &image);
bool nearColor(const std::uint8_t *pixel, int r, int g, int b, int tolerance);
// Pixels of the first `rows` rows (all rows when negative) where two images of the same size differ
// by more than `tolerance` in any colour channel.
int differingPixels(const Image &a, const Image &b, int tolerance, int rows = -1);

// Where a right-hand panel shows: between rows 60 and height - 60 (menu bar and status line left
// out), the pixels that differ by more than 12 in a channel between a frame with the panel and one
// without, counted in the right quarter and in the left fifth (where the Structures panel stays).
struct RightPanelDifference {
  int right = 0, left = 0;
  // The right quarter differs over a tenth of its area at least, the left fifth twenty times less.
  bool showsPanelOnTheRight(const Image &image) const {
    return right > (image.width / 4) * (image.height - 120) / 10 && left < right / 20;
  }
};
RightPanelDifference rightPanelDifference(const Image &with, const Image &without);

} // namespace atlas::test
