// End-to-end: the article beside the model through the real binary — --panel, --section, --select
// marks in --state, the Markdown handouts, and the panel on screen.
#include "render/run_app.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace atlas;
using namespace atlas::test;

namespace {

const std::string bundledModel = bundledModelPath();

bool contains(const nlohmann::json &list, const std::string &id) {
  for (const auto &entry : list)
    if (entry == id)
      return true;
  return false;
}

std::string readText(const std::string &path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Items per "## n. Title" section of a handout: lines "k. **Term** — text".
std::map<std::string, int> itemsPerSection(const std::string &markdown) {
  std::map<std::string, int> counts;
  std::istringstream in(markdown);
  std::string line, section;
  const std::regex heading(R"(^## \d+\. (.+)$)"), item(R"(^\d+\. \*\*.+\*\* — .+)");
  std::smatch m;
  while (std::getline(in, line))
    if (std::regex_match(line, m, heading))
      counts[section = m[1]] = 0;
    else if (!section.empty() && std::regex_match(line, item))
      ++counts[section];
  return counts;
}

} // namespace

TEST_CASE("selecting a structure marks the article passages that mention it, in --state",
          "[render][article]") {
  INFO("the bundled model assets/cervical_region.glb must exist (the generator writes it at build time)");
  REQUIRE(std::filesystem::exists(bundledModel));
  struct Case {
    const char *id;
    const char *section; // the section of the first marked passage
    std::vector<std::string> marked;
  };
  for (const Case &c :
       {Case{"scalenus_posterior_right", "overview", {"overview", "anatomy.location", "faq.what_is_it"}},
        Case{"c5", "anatomy", {"anatomy.origin", "functions.lateral_neck_flexion"}},
        Case{"rib2_right", "anatomy", {"anatomy.insertion", "functions.respiration"}},
        Case{"c5_ventral_ramus_right", "anatomy", {"anatomy.nerve_supply"}}}) {
    INFO(c.id);
    const std::string state = outputPath(std::string("article-") + c.id + ".json");
    AppRun run =
        runApp({bundledModel, "--headless", "--select", c.id, "--panel", "article", "--state", state});
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    const auto json = readJson(state);
    CHECK(json["panel"] == "Article");
    CHECK(json["article"]["panel_shown"] == true);
    CHECK(json["article"]["marked_for"] == c.id);
    CHECK(json["article"]["section"] == c.section);
    for (const std::string &id : c.marked) {
      INFO(id);
      CHECK(contains(json["article"]["marked"], id));
      if (id.find('.') != std::string::npos)
        CHECK(contains(json["article"]["items_shown"], id)); // marked entries are on screen
    }
    CHECK_FALSE(contains(json["article"]["marked"], "types.acute"));
    CHECK(json["article"]["problems"].empty());
  }
}

TEST_CASE("the command line opens the article: --panel and --section open the article at a section, "
          "--patient switches the version",
          "[render][article]") {
  const std::string state = outputPath("article-section.json");
  AppRun run = runApp({fixturePath("scene.glb"), "--headless", "--panel", "article", "--section", "causes",
                       "--patient", "--state", state});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  auto json = readJson(state);
  CHECK(json["panel"] == "Article");
  CHECK(json["article"]["section"] == "causes");
  CHECK(json["article"]["patient_mode"] == true);
  CHECK(json["article"]["marked"].empty()); // nothing selected
  CHECK(contains(json["article"]["items_shown"], "causes.poor_posture"));
  CHECK(contains(json["article"]["items_shown"], "causes.whiplash"));

  const std::string functions = outputPath("article-functions.json");
  REQUIRE(runApp({fixturePath("scene.glb"), "--headless", "--panel", "functions", "--state", functions})
              .exitCode == 0);
  CHECK(readJson(functions)["panel"] == "Functions");

  const std::string plain = outputPath("article-none.json");
  REQUIRE(runApp({fixturePath("scene.glb"), "--headless", "--state", plain}).exitCode == 0);
  json = readJson(plain);
  CHECK(json["panel"] == "Structures");
  CHECK(json["article"]["panel_shown"] == false);

  AppRun bad = runApp({fixturePath("scene.glb"), "--headless", "--section", "nowhere", "--state", plain});
  CHECK(bad.exitCode == 1);
  CHECK_THAT(bad.err, Catch::Contains("--section nowhere"));
  CHECK_THAT(bad.err, Catch::Contains("see_doctor"));
  CHECK(runApp({"--panel", "sideways"}).exitCode == 2);
}

TEST_CASE("the handouts from --export-article are written without a model or GL",
          "[render][article][export]") {
  const std::string doctor = outputPath("article.md"), patient = outputPath("article-patient.md");
  std::filesystem::remove(doctor);
  AppRun run = runApp({"--export-article", doctor});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  CHECK(run.err.empty());
  REQUIRE(runApp({"--export-article", patient, "--patient"}).exitCode == 0);
  const std::string a = readText(doctor), b = readText(patient);
  CHECK(a != b);
  for (const std::string *md : {&a, &b}) {
    const auto counts = itemsPerSection(*md);
    CHECK(counts.size() == 15);
    const std::map<std::string, int> expected = {{"Overview", 0},
                                                 {"Anatomy", 6},
                                                 {"Key functions", 6},
                                                 {"Types of spasm", 6},
                                                 {"Causes", 20},
                                                 {"Symptoms", 20},
                                                 {"Diagnostic tests", 20},
                                                 {"Non-pharmacological treatments", 30},
                                                 {"Pharmacological treatments", 20},
                                                 {"Surgical options", 10},
                                                 {"Prevention", 10},
                                                 {"When to see a doctor", 10},
                                                 {"Frequently asked questions", 15},
                                                 {"Conclusion", 0},
                                                 {"Disclaimer", 0}};
    CHECK(counts == expected);
    CHECK_THAT(*md, Catch::Contains("Rxharun, last updated 2025-04-13"));
    CHECK_THAT(*md, Catch::Contains("## 15. Disclaimer"));
  }
  CHECK_THAT(a, Catch::Contains("Where the sources differ"));
  AppRun unwritable = runApp({"--export-article", "/nonexistent-dir/article.md"});
  CHECK(unwritable.exitCode == 1);
  CHECK_THAT(unwritable.err, Catch::Contains("/nonexistent-dir/article.md"));
}

TEST_CASE("the article panel is drawn on the right of the screen", "[render][article]") {
  const std::string with = outputPath("article-panel.png"), without = outputPath("article-none.png");
  REQUIRE(runApp({fixturePath("scene.glb"), "--headless", "--size", "1280x720", "--panel", "article",
                  "--screenshot", with})
              .exitCode == 0);
  REQUIRE(runApp({fixturePath("scene.glb"), "--headless", "--size", "1280x720", "--screenshot", without})
              .exitCode == 0);
  const Image a = readImage(with), b = readImage(without);
  // The panel covers the right third: most of its pixels differ from the plain view.
  int differing = 0, total = 0;
  for (int y = 120; y < 600; y += 4)
    for (int x = 900; x < 1270; x += 4) {
      ++total;
      if (!nearColor(a.pixel(x, y), b.pixel(x, y)[0], b.pixel(x, y)[1], b.pixel(x, y)[2], 6))
        ++differing;
    }
  CHECK(differing > total / 10);
}

TEST_CASE("a key function is shown on the model from the command line", "[render][article]") {
  INFO("the bundled model assets/cervical_region.glb must exist (the generator writes it at build time)");
  REQUIRE(std::filesystem::exists(bundledModel));
  const std::string state = outputPath("article-function.json");
  AppRun run = runApp({bundledModel, "--headless", "--show-function", "respiration", "--state", state});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  const auto json = readJson(state);
  CHECK(json["panel"] == "Functions");
  CHECK(json["selected"] == "scalenus_posterior_right");
  bool rib1 = false;
  for (const auto &h : json["highlighted"])
    rib1 = rib1 || (h["id"] == "rib1_right" && h["role"] == "related");
  CHECK(rib1);
  AppRun bad = runApp({bundledModel, "--headless", "--show-function", "juggling", "--state", state});
  CHECK(bad.exitCode == 1);
  CHECK_THAT(bad.err, Catch::Contains("rib_movement"));
}

TEST_CASE("in patient reading the 3D view's labels use plain words, each said once",
          "[render][article][patient]") {
  const std::string specialist = outputPath("labels-specialist.json"),
                    patient = outputPath("labels-patient.json");
  REQUIRE(runApp({bundledModel, "--headless", "--select", "scalenus_posterior_right", "--state", specialist})
              .exitCode == 0);
  REQUIRE(runApp({bundledModel, "--headless", "--select", "scalenus_posterior_right", "--patient", "--state",
                  patient})
              .exitCode == 0);
  auto texts = [](const nlohmann::json &state) {
    std::vector<std::string> out;
    for (const auto &label : state["label_texts"])
      out.push_back(label["text"].get<std::string>());
    return out;
  };
  const std::vector<std::string> expert = texts(readJson(specialist)), plain = texts(readJson(patient));
  INFO("specialist: " << readJson(specialist)["label_texts"].dump()
                      << "\npatient: " << readJson(patient)["label_texts"].dump());
  auto has = [](const std::vector<std::string> &list, const std::string &needle) {
    return std::any_of(list.begin(), list.end(),
                       [&needle](const std::string &t) { return t.find(needle) != std::string::npos; });
  };
  // The specialist labels name the rami and the attachment sites...
  CHECK(has(expert, "Ventral ramus"));
  CHECK(has(expert, "Origin:"));
  // ...the patient's say the same in plain words, with no duplicates and fewer of them.
  CHECK_FALSE(has(plain, "Ventral ramus"));
  CHECK_FALSE(has(plain, "Origin"));
  CHECK_FALSE(has(plain, "cervical vertebra"));
  CHECK(has(plain, "muscle"));
  CHECK(plain.size() < expert.size());
  CHECK(std::set<std::string>(plain.begin(), plain.end()).size() == plain.size());
}
