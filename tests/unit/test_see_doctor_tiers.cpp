// Clinical text: "When to see a doctor" in urgency tiers (emergency first, each of the article's
// ten signs in one, every emergency sign in both versions), and the sources rules for clinical
// notes and red flags: at least one source each, every source a work of content/bibliography,
// and broken notes reported by the loader with file and line.
#include "content/article.h"
#include "content/article_markdown.h"
#include "content/bibliography.h"

#include "article_test_support.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace atlas::content;
namespace fs = std::filesystem;

using atlas::test::anyContains;
using atlas::test::joined;

namespace {

const std::string contentDir = std::string(ATLAS_SOURCE_DIR) + "/content";

const Bibliography &bibliography() {
  static const Bibliography loaded = loadBibliography(contentDir);
  return loaded;
}

const Article &article() {
  static const Article loaded = loadArticleWith(contentDir, atlas::test::contentKnowledge());
  return loaded;
}

// The line of the first occurrence of `needle` in `text`, as the loader counts lines (from 1).
std::string lineOf(const std::string &text, const std::string &needle) {
  const std::size_t pos = text.find(needle);
  REQUIRE(pos != std::string::npos);
  return std::to_string(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n') + 1);
}

// A scratch copy of the article folder with one file changed.
struct ScratchArticle : atlas::test::ScratchArticleFolder {
  explicit ScratchArticle(const std::string &name) : ScratchArticleFolder(name, contentDir + "/article") {}
  Article load() const {
    return loadArticle(dir.string(), atlas::test::contentStructureIds(),
                       atlas::test::contentKnowledge().claimIds(), bibliography().ids());
  }
};

} // namespace

TEST_CASE("the bibliography the clinical notes cite loads", "[tier][content]") {
  INFO(joined(bibliography().problems));
  CHECK(bibliography().problems.empty());
  for (const char *id : {"nice_cks_neck_pain", "stiell_2001_canadian_c_spine_rule",
                         "blanpied_2017_neck_pain_cpg", "qaseem_2020_acute_msk_pain"})
    CHECK(bibliography().find(id) != nullptr);
}

TEST_CASE("When to see a doctor has three urgency tiers, the emergency tier first", "[tier][article]") {
  INFO(joined(article().problems));
  CHECK(article().problems.empty());
  REQUIRE(urgencyTiers().size() == 3);
  CHECK(std::string(urgencyTiers()[0].id) == "emergency");
  CHECK(tierTitle("emergency") == "Emergency now: call an ambulance or go to the emergency department");
  CHECK(tierTitle("today") == "See a doctor today");
  CHECK(tierTitle("soon") == "See a doctor soon (within days to a week)");
  CHECK(tierRank("later") == -1);

  const ArticleSection *section = article().findSection("see_doctor");
  REQUIRE(section != nullptr);
  REQUIRE(section->items.size() == 10); // the article's ten signs, none added, none lost
  for (const ArticleItem &item : section->items) {
    INFO(item.id);
    CHECK(tierRank(item.tier) >= 0);
  }
  const std::vector<TierBlock> blocks = tierBlocks(*section);
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].tier == "emergency");
  CHECK(blocks[1].tier == "today");
  CHECK(blocks[2].tier == "soon");
  // The first screen: the first numbered item and the first red flag are emergencies.
  CHECK(section->items.front().tier == "emergency");
  REQUIRE_FALSE(blocks[0].redFlags.empty());
  CHECK(blocks[0].items.front().first == 1);
  // Losing balance or becoming clumsy is an emergency (spinal cord, vertebral artery), and the
  // correction of the article's "compressed nerve" is said beside it.
  const ArticleItem *balance = article().findItem("see_doctor.nerve_compression_signs");
  REQUIRE(balance != nullptr);
  CHECK(balance->tier == "emergency");
  REQUIRE_FALSE(balance->clinicalNotes.empty());
  CHECK(balance->clinicalNotes.front().kind == "correction");
  // The red flags of neck-pain guidelines are there, each in a tier.
  std::set<std::string> tiersWithFlags;
  for (const RedFlag &flag : section->redFlags)
    tiersWithFlags.insert(flag.tier);
  CHECK(tiersWithFlags == std::set<std::string>{"emergency", "today", "soon"});
}

TEST_CASE("every emergency sign is in both the clinician's and the patient's version", "[tier][article]") {
  const ArticleSection *section = article().findSection("see_doctor");
  REQUIRE(section != nullptr);
  const std::string doctor = articleMarkdown(article(), false);
  const std::string patient = articleMarkdown(article(), true);
  int emergencies = 0;
  for (const RedFlag &flag : section->redFlags) {
    INFO(flag.id);
    CHECK_FALSE(flag.text.empty());
    CHECK_FALSE(flag.patient.empty());
    CHECK(flag.text != flag.patient);
    if (flag.tier != "emergency")
      continue;
    ++emergencies;
    CHECK_THAT(doctor, Catch::Contains(plainText(flag.text)));
    CHECK_THAT(patient, Catch::Contains(plainText(flag.patient)));
  }
  for (const ArticleItem &item : section->items)
    if (item.tier == "emergency") {
      ++emergencies;
      CHECK_THAT(doctor, Catch::Contains(plainText(item.text)));
      CHECK_THAT(patient, Catch::Contains(plainText(item.patient)));
    }
  CHECK(emergencies >= 5);
  // The guideline signs the issue names: injury, spinal cord, stroke or artery tear, chest, meningitis.
  for (const char *id :
       {"see_doctor.flag.injury_high_risk", "see_doctor.flag.spinal_cord",
        "see_doctor.flag.stroke_artery_tear", "see_doctor.flag.chest_pain", "see_doctor.flag.meningitis"}) {
    INFO(id);
    bool found = false;
    for (const RedFlag &flag : section->redFlags)
      found = found || (flag.id == id && flag.tier == "emergency");
    CHECK(found);
  }
}

TEST_CASE("every clinical note and red flag cites at least one work of the bibliography", "[tier][article]") {
  const std::set<std::string> works = bibliography().ids();
  REQUIRE_FALSE(works.empty());
  int notes = 0;
  for (const ArticleSection &section : article().sections) {
    for (const ArticleItem &item : section.items)
      for (const ClinicalNote &note : item.clinicalNotes) {
        INFO(item.id << " (" << note.file << ":" << note.line << ")");
        CHECK_FALSE(note.sources.empty());
        CHECK_FALSE(note.text.empty());
        CHECK_FALSE(note.patient.empty());
        for (const std::string &id : note.sources)
          CHECK(works.count(id) == 1);
        ++notes;
      }
    for (const RedFlag &flag : section.redFlags) {
      INFO(flag.id);
      CHECK_FALSE(flag.sources.empty());
      for (const std::string &id : flag.sources)
        CHECK(works.count(id) == 1);
    }
  }
  CHECK(notes >= 30);
  // The cited works are listed once each for the Sources list of the handout.
  std::set<std::string> cited;
  for (const CitedWork &work : article().cited)
    CHECK(cited.insert(work.id).second);
  CHECK(cited.count("stiell_2001_canadian_c_spine_rule") == 1);
}

TEST_CASE("a clinical note with an unknown source or none, or a tier out of order, fails with file:line",
          "[tier][article][errors]") {
  SECTION("an unknown source id") {
    ScratchArticle scratch("unknown");
    const std::string file = "09_treatment_drug.yaml";
    const std::string line = lineOf(scratch.read(file), "sources: [waljee_2017_oral_steroid_harms]");
    scratch.replace(file, "sources: [waljee_2017_oral_steroid_harms]", "sources: [invented_2099_paper]");
    const Article a = scratch.load();
    INFO(joined(a.problems));
    CHECK(anyContains(a.problems, file + ":" + line + ": ",
                      "cites 'invented_2099_paper', which is not a work id"));
  }
  SECTION("a note without sources") {
    ScratchArticle scratch("none");
    const std::string file = "09_treatment_drug.yaml";
    const std::string text = scratch.read(file);
    const std::string needle = "        sources: [waljee_2017_oral_steroid_harms]\n";
    // The note's own line (its "- kind:") is where the loader reports a missing list.
    const std::size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    const std::size_t kindAt = text.rfind("      - kind:", at);
    const std::string kindLine =
        std::to_string(std::count(text.begin(), text.begin() + static_cast<long>(kindAt), '\n') + 1);
    scratch.replace(file, needle, "");
    const Article a = scratch.load();
    INFO(joined(a.problems));
    CHECK(anyContains(a.problems, file + ":" + kindLine + ": ",
                      "clinical note of item 'treatment_drug.oral_corticosteroids' cites no source"));
  }
  SECTION("an unknown kind, an unknown tier and a less urgent item before an emergency") {
    ScratchArticle scratch("tiers");
    const std::string file = "12_see_doctor.yaml";
    scratch.replace(file, "      - kind: correction", "      - kind: opinion");
    scratch.replace(file, "tier: soon\n    term: Trouble moving", "tier: someday\n    term: Trouble moving");
    scratch.replace(file, "    tier: emergency\n    term: Sudden symptoms",
                    "    tier: soon\n    term: Sudden symptoms");
    const Article a = scratch.load();
    INFO(joined(a.problems));
    CHECK(anyContains(a.problems, file + ":", "kind 'opinion'; expected correction, risk or evidence"));
    CHECK(anyContains(a.problems, file + ":", "tier 'someday'; expected emergency, today or soon"));
    CHECK(anyContains(
        a.problems, file + ":",
        "item 'see_doctor.nerve_compression_signs' (tier emergency) comes after a less urgent item"));
  }
  SECTION("a red flag without sources") {
    ScratchArticle scratch("flag");
    const std::string file = "12_see_doctor.yaml";
    const std::string line = lineOf(scratch.read(file), "  - id: see_doctor.flag.chest_pain");
    scratch.replace(file, "you are short of breath.\n    sources: [nice_cks_neck_pain]\n",
                    "you are short of breath.\n");
    const Article a = scratch.load();
    INFO(joined(a.problems));
    CHECK(anyContains(a.problems, file + ":" + line + ": ",
                      "red flag 'see_doctor.flag.chest_pain' cites no source"));
  }
}
