// End-to-end: the bundled lessons driven by the real binary, headless (issue 16). Every step of every
// lesson with --present: the step's selection is on screen in the 3D view, beside (never under) the
// band with the step's text, and that text is large enough to read from the back of a room; the
// lesson's handout PDF has one heading and one picture per step; a bad lesson is refused with its
// file and line.
#include "content/lesson.h"
#include "render/run_app.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace atlas;
using namespace atlas::test;

namespace {

const std::vector<std::string> surfaceless{"EGL_PLATFORM=surfaceless"};
const std::string kLessonsDir = std::string(ATLAS_SOURCE_DIR) + "/content/lessons";

std::vector<std::string> bundledLessonFiles() {
  std::vector<std::string> files;
  for (const auto &entry : std::filesystem::directory_iterator(kLessonsDir))
    if (entry.path().extension() == ".yaml")
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// The selection's colour (scene/view_state.cpp's highlight green, shaded): green well above red and
// at or above blue. Nerves (yellow), arteries (red), veins (blue) and bone (grey) are not.
bool selectionGreen(const std::uint8_t *p) {
  return p[1] > p[0] + 50 && p[1] + 10 >= p[2] && p[1] > 70;
}

// The share of rows in columns [x0, x1) and rows [y0, y1) that hold bright (text) pixels.
double inkRowFraction(const Image &image, int x0, int x1, int y0, int y1) {
  int rows = 0, inked = 0;
  for (int y = std::max(0, y0); y < std::min(image.height, y1); ++y, ++rows) {
    int bright = 0;
    for (int x = std::max(0, x0); x < std::min(image.width, x1); ++x) {
      const std::uint8_t *p = image.pixel(x, y);
      bright += (p[0] > 190 && p[1] > 190 && p[2] > 190) ? 1 : 0;
    }
    inked += bright >= 2 ? 1 : 0;
  }
  return rows ? static_cast<double>(inked) / rows : 0.0;
}

} // namespace

TEST_CASE("lessons: every step of every bundled lesson presents its selection beside readable text",
          "[render][lesson]") {
  const std::vector<std::string> files = bundledLessonFiles();
  REQUIRE(files.size() == 3);
  for (const std::string &file : files) {
    const content::LessonLoad load = content::loadLessonFile(file, {});
    REQUIRE(load.lesson);
    const content::Lesson &lesson = *load.lesson;
    for (std::size_t step = 1; step <= lesson.steps.size(); ++step) {
      const std::string name = std::filesystem::path(file).stem().string() + "-" + std::to_string(step);
      const std::string png = outputPath(name + ".png"), json = outputPath(name + ".json");
      const AppRun run = runApp({bundledModelPath(), "--lesson", file, "--step", std::to_string(step),
                                 "--present", "--screenshot", png, "--state", json},
                                surfaceless);
      INFO(name << "\n" << run.err);
      REQUIRE(run.exitCode == 0);
      CHECK(run.err.empty());
      const nlohmann::json state = readJson(json);
      CHECK(state["lesson"]["step"] == static_cast<int>(step));
      CHECK(state["lesson"]["presenting"] == true);
      const Image image = readImage(png);
      // The 3D view: the left part of the picture, the whole height; the band: the rest.
      const int viewWidth = state["view_area"][2].get<int>();
      CHECK(state["view_area"][3].get<int>() == image.height);
      CHECK(viewWidth >= image.width / 2);
      CHECK(viewWidth < image.width);
      const content::LessonStep &s = lesson.steps[step - 1];
      const nlohmann::json &layout = state["layout"];
      REQUIRE(layout.is_object());
      // The selection in sight: green pixels in the 3D view outside the legend (its swatch is green).
      const std::vector<float> legend = layout["legend"].is_array()
                                            ? layout["legend"].get<std::vector<float>>()
                                            : std::vector<float>{0, 0, 0, 0};
      int green = 0, greenInBand = 0;
      for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
          if (!selectionGreen(image.pixel(x, y)))
            continue;
          const bool inLegend =
              x >= legend[0] && x < legend[0] + legend[2] && y >= legend[1] && y < legend[1] + legend[3];
          if (x >= viewWidth)
            ++greenInBand;
          else if (!inLegend)
            ++green;
        }
      if (!s.select.empty()) {
        CHECK(green > 300);
        // Labels and pins never hide the selection: the same step with --labels off (the same camera
        // and view) has at most 10 % more of its green in sight (issue 16: 90 % uncovered).
        const std::string bare = outputPath(name + "-bare.png");
        const AppRun plain = runApp({bundledModelPath(), "--lesson", file, "--step", std::to_string(step),
                                     "--present", "--labels", "off", "--screenshot", bare},
                                    surfaceless);
        REQUIRE(plain.exitCode == 0);
        const Image without = readImage(bare);
        int greenWithout = 0;
        for (int y = 0; y < without.height; ++y)
          for (int x = 0; x < viewWidth; ++x)
            greenWithout += selectionGreen(without.pixel(x, y)) ? 1 : 0;
        CHECK(green >= 0.9 * greenWithout);
      }
      // The band never draws over the model: its only green is the colour key's "Selected" swatch
      // (a square of one text line, about 21 x 21 px at this size).
      CHECK(greenInBand < 600);
      // Text read from the back of a room: body text at least 24 px (issue 16), and the pixels say the
      // text is there: ink on at least half of the rows of its rectangle, all right of the view.
      CHECK(layout["presentation_text_px"].get<float>() >= 24.0f);
      const std::vector<float> text = layout["presentation_text"].get<std::vector<float>>();
      CHECK(text[0] >= viewWidth);
      CHECK(inkRowFraction(image, static_cast<int>(text[0]), static_cast<int>(text[0] + text[2]),
                           static_cast<int>(text[1]), static_cast<int>(text[1] + text[3])) > 0.5);
    }
  }
}

TEST_CASE("lessons: the lesson's handout has a heading and a picture per step", "[render][lesson][handout]") {
  const std::string file = kLessonsDir + "/02_interscalene_gap_thoracic_outlet.yaml";
  const content::LessonLoad load = content::loadLessonFile(file, {});
  REQUIRE(load.lesson);
  const std::string pdf = outputPath("lesson-handout.pdf");
  std::filesystem::remove(pdf);
  const AppRun run = runApp({bundledModelPath(), "--lesson", file, "--export-handout", pdf}, surfaceless);
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  const std::string txt = pdf + ".txt";
  REQUIRE(runProcess({"/usr/bin/pdftotext", pdf, txt}).exitCode == 0);
  std::ifstream in(txt);
  std::stringstream text;
  text << in.rdbuf();
  std::string squeezed;
  for (char c : text.str())
    if (!(std::isspace(static_cast<unsigned char>(c)) && (squeezed.empty() || squeezed.back() == ' ')))
      squeezed += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
  CHECK_THAT(squeezed, Catch::Contains(load.lesson->title));
  std::size_t last = 0;
  for (std::size_t i = 0; i < load.lesson->steps.size(); ++i) {
    const std::string heading = std::to_string(i + 1) + ". " + load.lesson->steps[i].title;
    const std::size_t at = squeezed.find(heading);
    CHECK(at != std::string::npos);
    if (at != std::string::npos) {
      CHECK(at >= last); // in the lesson's order
      last = at;
    }
  }
  CHECK_THAT(squeezed, Catch::Contains("Sources"));
  CHECK_THAT(squeezed, Catch::Contains("Sanders")); // the steps' sources, cited
  // Every step has its picture: pdfimages lists one image per step.
  const ProcessRun images = runProcess({"/usr/bin/pdfimages", "-list", pdf});
  REQUIRE(images.exitCode == 0);
  std::istringstream lines(images.out);
  int count = 0;
  for (std::string line; std::getline(lines, line);)
    count += line.find(" image ") != std::string::npos ? 1 : 0;
  CHECK(count == static_cast<int>(load.lesson->steps.size()));
}

TEST_CASE("lessons: a bad lesson or step is refused with the file and line", "[render][lesson]") {
  const std::string bad = outputPath("bad-lesson.yaml");
  {
    std::ofstream out(bad);
    out << "title: Broken\nsteps:\n  - title: no text here\n";
  }
  const AppRun run =
      runApp({bundledModelPath(), "--lesson", bad, "--state", outputPath("bad.json")}, surfaceless);
  CHECK(run.exitCode != 0);
  CHECK_THAT(run.err, Catch::Contains("bad-lesson.yaml:3"));
  const AppRun step = runApp({bundledModelPath(), "--lesson", kLessonsDir + "/03_your_neck_patient.yaml",
                              "--step", "42", "--state", outputPath("step.json")},
                             surfaceless);
  CHECK(step.exitCode != 0);
  CHECK_THAT(step.err, Catch::Contains("--step 42"));
  const AppRun lonely =
      runApp({bundledModelPath(), "--present", "--state", outputPath("p.json")}, surfaceless);
  CHECK(lonely.exitCode != 0);
  CHECK_THAT(lonely.err, Catch::Contains("--lesson"));
}
