// End-to-end: the picture handout PDF (--export-handout) written by the real binary, headless, then
// read back with poppler's pdftotext (the text is real text: headings, the tiers, the disclaimer) and
// pdftoppm (the pages render, with the picture's pixels where the picture is).
#include "content/content_load.h"
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

std::string readText(const std::string &path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs of white space as one space, so words wrapped onto the next line still match.
std::string squeezed(const std::string &text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (space && (out.empty() || out.back() == ' '))
      continue;
    out += space ? ' ' : c;
  }
  return out;
}

std::string pdfText(const std::string &pdf) {
  const std::string txt = pdf + ".txt";
  const ProcessRun run = runProcess({"/usr/bin/pdftotext", pdf, txt});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  return squeezed(readText(txt));
}

int pageCount(const std::string &pdf) {
  const ProcessRun run = runProcess({"/usr/bin/pdfinfo", pdf});
  REQUIRE(run.exitCode == 0);
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("Pages:", 0) == 0)
      return std::stoi(line.substr(6));
  FAIL("no page count from pdfinfo: " << run.out);
  return 0;
}

// Page 1 at 50 dpi (A4: 414 x 585 pixels).
Image firstPage(const std::string &pdf) {
  const std::string prefix = pdf + "-page";
  const ProcessRun run =
      runProcess({"/usr/bin/pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", "-singlefile", pdf, prefix});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  return readImage(prefix + ".png");
}

// Within rows [top, bottom) of the page: pixels far from the page's white (the picture's dark
// background and the model) and pixels of a saturated colour (the highlight colours).
struct PictureEvidence {
  double dark = 0.0;
  int coloured = 0;
};
PictureEvidence pictureEvidence(const Image &page, double top, double bottom) {
  PictureEvidence e;
  int counted = 0, dark = 0;
  for (int y = static_cast<int>(top * page.height); y < static_cast<int>(bottom * page.height); ++y)
    for (int x = 0; x < page.width; ++x) {
      const std::uint8_t *p = page.pixel(x, y);
      const int hi = std::max({p[0], p[1], p[2]}), lo = std::min({p[0], p[1], p[2]});
      ++counted;
      dark += hi < 110 ? 1 : 0;
      e.coloured += hi - lo > 70 ? 1 : 0;
    }
  e.dark = counted ? static_cast<double>(dark) / counted : 0.0;
  return e;
}

const content::Article &article() {
  static const content::Article loaded = [] {
    const std::string dir = std::string(ATLAS_SOURCE_DIR) + "/content";
    return content::loadArticleWith(dir, content::loadKnowledgeBase(dir).knowledge);
  }();
  return loaded;
}

} // namespace

TEST_CASE("handout: --export-handout writes a PDF of the selection with pictures, headings, the tiers and "
          "the disclaimer",
          "[render][handout]") {
  const std::string pdf = outputPath("handout.pdf");
  std::filesystem::remove(pdf);
  const AppRun run = runApp(
      {bundledModelPath(), "--select", "scalenus_posterior_right", "--export-handout", pdf}, surfaceless);
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  CHECK(run.err.empty());
  const std::string text = pdfText(pdf);
  for (const char *heading : {"Right scalenus posterior", "Origin", "Insertion", "Nerve supply",
                              "From the article", "When to see a doctor", "Sources", "Disclaimer"})
    CHECK_THAT(text, Catch::Contains(heading));
  CHECK_THAT(text, Catch::Contains("Standring 2016"));                  // claims carry their cites
  CHECK_THAT(text, Catch::Contains("Origin: Fifth cervical vertebra")); // the pictures' colour keys
  const content::ArticleSection *disclaimer = article().findSection("disclaimer");
  REQUIRE(disclaimer != nullptr);
  CHECK_THAT(text, Catch::Contains(squeezed(content::plainText(disclaimer->intro)).substr(0, 60)));
  // The end: the sources, then the disclaimer, after the tiers.
  CHECK(text.find("When to see a doctor") < text.rfind("Sources"));
  CHECK(text.rfind("Sources") < text.rfind("Disclaimer"));
  const int pages = pageCount(pdf);
  CHECK(pages >= 3);
  CHECK_THAT(text, Catch::Contains("page 1 of " + std::to_string(pages)));
  // Page 1 holds the first picture under the description: dark background, lit colours.
  const Image page = firstPage(pdf);
  const PictureEvidence picture = pictureEvidence(page, 0.25, 0.65);
  CHECK(picture.dark > 0.25);
  CHECK(picture.coloured > 100);
  const PictureEvidence margin = pictureEvidence(page, 0.0, 0.04); // above the title: paper only
  CHECK(margin.dark == 0.0);
}

TEST_CASE("handout: --export-handout --patient fits the key points on one or two pages",
          "[render][handout]") {
  const std::string pdf = outputPath("handout-patient.pdf");
  std::filesystem::remove(pdf);
  const AppRun run = runApp(
      {bundledModelPath(), "--select", "scalenus_posterior_right", "--export-handout", pdf, "--patient"},
      surfaceless);
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  const int pages = pageCount(pdf);
  CHECK(pages >= 1);
  CHECK(pages <= 2);
  const std::string text = pdfText(pdf);
  for (const char *heading :
       {"Where it is", "What a spasm is", "What helps", "When to see a doctor", "Sources", "Disclaimer"})
    CHECK_THAT(text, Catch::Contains(heading));
  for (const content::UrgencyTier &tier : content::urgencyTiers())
    CHECK_THAT(text, Catch::Contains(tier.title));
  const content::ArticleSection *disclaimer = article().findSection("disclaimer");
  REQUIRE(disclaimer != nullptr);
  CHECK_THAT(text, Catch::Contains(squeezed(content::plainText(disclaimer->patientIntro)).substr(0, 60)));
  CHECK_THAT(text, Catch::Contains("The muscle")); // the picture's key in plain words
  // The picture sits under the title on the left, beside its key.
  const Image page = firstPage(pdf);
  const PictureEvidence picture = pictureEvidence(page, 0.12, 0.3);
  CHECK(picture.dark > 0.15);
  CHECK(picture.coloured > 50);
}

TEST_CASE("handout: --export-handout refuses an unknown selection and writes nothing", "[render][handout]") {
  const std::string pdf = outputPath("refused.pdf");
  std::filesystem::remove(pdf);
  const AppRun run =
      runApp({bundledModelPath(), "--select", "no_such_part", "--export-handout", pdf}, surfaceless);
  CHECK(run.exitCode != 0);
  CHECK_THAT(run.err, Catch::Contains("no_such_part"));
  CHECK_FALSE(std::filesystem::exists(pdf));
}
