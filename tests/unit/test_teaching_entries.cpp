// Teaching entries (content/teaching): the topics students are examined on are there, each links
// structure ids of the model and cites works of the bibliography, and a broken entry is reported
// with file and line.
#include "content/bibliography.h"
#include "content/knowledge_ids.h"
#include "content/teaching.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace atlas::content;
namespace fs = std::filesystem;

namespace {

const std::string contentDir = std::string(ATLAS_SOURCE_DIR) + "/content";

const std::set<std::string> &structureIds() {
  static const std::set<std::string> ids = readKnowledgeIds(contentDir + "/structures").structures;
  return ids;
}

const std::set<std::string> &workIds() {
  static const std::set<std::string> ids = loadBibliography(contentDir).ids();
  return ids;
}

std::string joined(const std::vector<std::string> &lines) {
  std::string out;
  for (const std::string &line : lines)
    out += line + "\n";
  return out;
}

} // namespace

TEST_CASE("the teaching entries cover the topics students are examined on, with sources and model links",
          "[teaching][content]") {
  const Teaching teaching = loadTeaching(contentDir + "/teaching", structureIds(), workIds());
  INFO(joined(teaching.problems));
  CHECK(teaching.problems.empty());
  REQUIRE_FALSE(structureIds().empty());
  REQUIRE_FALSE(workIds().empty());
  for (const char *id :
       {"teaching.interscalene_triangle", "teaching.thoracic_outlet_spaces", "teaching.cervical_rib_bands",
        "teaching.scalenus_minimus", "teaching.suprapleural_membrane", "teaching.phrenic_nerve",
        "teaching.clinical_tests", "teaching.scalene_trigger_points"}) {
    INFO(id);
    const TeachingEntry *entry = teaching.find(id);
    REQUIRE(entry != nullptr);
    CHECK_FALSE(entry->title.empty());
    CHECK(entry->text.size() > 200);
    CHECK_FALSE(entry->links.empty());
    CHECK_FALSE(entry->sources.empty());
    for (const std::string &link : entry->links)
      CHECK(structureIds().count(link) == 1);
    for (const std::string &source : entry->sources)
      CHECK(workIds().count(source) == 1);
  }
  // The interscalene triangle: its three boundaries and what passes through it are linked.
  const TeachingEntry *triangle = teaching.find("teaching.interscalene_triangle");
  REQUIRE(triangle != nullptr);
  for (const char *part : {"scalenus_anterior_right", "scalenus_medius_right", "rib1_right",
                           "lower_trunk_right", "subclavian_artery_right"})
    CHECK(std::count(triangle->links.begin(), triangle->links.end(), part) == 1);
  // Each clinical test is named with what it tests.
  const TeachingEntry *tests = teaching.find("teaching.clinical_tests");
  REQUIRE(tests != nullptr);
  for (const char *name :
       {"Adson", "Roos", "Upper-limb tension", "Spurling", "First-rib mobility", "Scalene palpation"})
    CHECK_THAT(tests->text, Catch::Contains(name));
}

TEST_CASE("a teaching entry with an unknown link, an unknown source or none is reported with file:line",
          "[teaching][content][errors]") {
  const fs::path dir = fs::temp_directory_path() / ("atlas-teaching-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "broken.yaml") << "entries:\n"
                                        "  - id: teaching.one\n" // line 2
                                        "    title: One\n"
                                        "    text: Some text.\n"
                                        "    links: [scalenus_maximus]\n" // line 5
                                        "    sources: [invented_work]\n"  // line 6
                                        "  - id: teaching.two\n"          // line 7
                                        "    title: Two\n"
                                        "    text: More text.\n"
                                        "  - id: teaching.one\n" // line 10
                                        "    title: Again\n"
                                        "    text: Again.\n"
                                        "    sources: [gray41]\n";
  const Teaching teaching = loadTeaching(dir.string(), structureIds(), workIds());
  const std::string problems = joined(teaching.problems);
  INFO(problems);
  CHECK_THAT(problems, Catch::Contains("broken.yaml:5:") && Catch::Contains("'scalenus_maximus'"));
  CHECK_THAT(problems, Catch::Contains("broken.yaml:6:") && Catch::Contains("cites 'invented_work'"));
  CHECK_THAT(problems,
             Catch::Contains("broken.yaml:7:") && Catch::Contains("'teaching.two' cites no source"));
  CHECK_THAT(problems, Catch::Contains("broken.yaml:10: teaching entry id 'teaching.one' is used again"));
  CHECK(teaching.entries.size() == 3);
  std::error_code ec;
  fs::remove_all(dir, ec);
}
