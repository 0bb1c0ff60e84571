// The article: its 15 section files load without problems, every section has the item count the
// issue fixes, every link is a model id, selection marks the right passages, broken copies of the
// files are reported with file and line, and the Markdown handouts carry every item.
#include "content/article.h"
#include "content/article_markdown.h"
#include "content/article_view.h"
#include "io/model_loader.h"

#include "article_test_support.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <unistd.h>

using namespace atlas;
using namespace atlas::content;
namespace fs = std::filesystem;

using atlas::test::anyContains;
using atlas::test::joined;

namespace {

const std::string contentDir = std::string(ATLAS_SOURCE_DIR) + "/content";
const std::string articleDir = contentDir + "/article";

// The model's structure ids, as issue 3 fixes them (the contract between model, content and tests).
std::set<std::string> modelIds() {
  std::set<std::string> ids = {"c1",         "c2",         "c3",          "c4",         "c5",
                               "c6",         "c7",         "t1",          "t2",         "manubrium",
                               "disc_c2_c3", "disc_c3_c4", "disc_c4_c5",  "disc_c5_c6", "disc_c6_c7",
                               "disc_c7_t1", "disc_t1_t2", "sternal_body"};
  for (const char *paired : {"rib1",
                             "rib2",
                             "clavicle",
                             "costal_cartilage1",
                             "costal_cartilage2",
                             "scalenus_anterior",
                             "scalenus_medius",
                             "scalenus_posterior",
                             "c4_ventral_ramus",
                             "c5_ventral_ramus",
                             "c6_ventral_ramus",
                             "c7_ventral_ramus",
                             "c8_ventral_ramus",
                             "t1_ventral_ramus",
                             "upper_trunk",
                             "middle_trunk",
                             "lower_trunk",
                             "subclavian_artery",
                             "vertebral_artery",
                             "thyrocervical_trunk",
                             "inferior_thyroid_artery",
                             "ascending_cervical_artery",
                             "transverse_cervical_artery",
                             "superficial_cervical_artery",
                             "costocervical_trunk",
                             "deep_cervical_artery"})
    for (const char *side : {"_right", "_left"})
      ids.insert(std::string(paired) + side);
  // Issue 12: the root of the neck; the brachiocephalic trunk exists on the right only.
  ids.insert("brachiocephalic_trunk");
  ids.insert("aortic_arch");
  for (const char *paired :
       {"phrenic_nerve", "dorsal_scapular_nerve", "long_thoracic_nerve", "suprascapular_nerve",
        "suprascapular_artery", "internal_thoracic_artery", "common_carotid_artery", "subclavian_vein",
        "internal_jugular_vein", "brachiocephalic_vein", "cervical_pleura", "suprapleural_membrane"})
    for (const char *side : {"_right", "_left"})
      ids.insert(std::string(paired) + side);
  // Issue 12, sixth pass: the common carotid divides at the C3-C4 level, inside the model.
  for (const char *paired : {"internal_carotid_artery", "external_carotid_artery"})
    for (const char *side : {"_right", "_left"})
      ids.insert(std::string(paired) + side);
  return ids;
}

const KnowledgeBase &knowledge() {
  return atlas::test::contentKnowledge();
}

const Article &article() {
  static const Article loaded = [] {
    Article a = loadArticle(articleDir, atlas::test::contentStructureIds(), knowledge().claimIds());
    attachClaimNotes(a, claimLookup(knowledge()));
    return a;
  }();
  return loaded;
}

// A scratch copy of the article folder that a test may break.
struct ScratchArticle : atlas::test::ScratchArticleFolder {
  explicit ScratchArticle(const std::string &name) : ScratchArticleFolder(name, articleDir) {}
  Article load() const {
    return loadArticle(dir.string(), atlas::test::contentStructureIds(), knowledge().claimIds());
  }
};

// Number of "N. **Term**" lines in each "## k. Title" section of a Markdown export.
std::map<std::string, int> numberedItemsPerSection(const std::string &markdown) {
  std::map<std::string, int> counts;
  std::istringstream in(markdown);
  std::string line, section;
  const std::regex heading(R"(^## \d+\. (.+)$)"), item(R"(^(\d+)\. \*\*.+\*\* — .+)");
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_match(line, m, heading)) {
      section = m[1];
      counts[section] = 0;
    } else if (!section.empty() && std::regex_match(line, m, item)) {
      CHECK(std::stoi(m[1]) == counts[section] + 1); // numbered 1, 2, 3... without gaps
      ++counts[section];
    }
  }
  return counts;
}

} // namespace

TEST_CASE("the knowledge-base files declare the model's ids and the article's claims", "[article]") {
  CHECK(atlas::test::contentStructureIds() == modelIds());
  const Claim *article = knowledge().findClaim("scalenus_posterior.insertion.article");
  REQUIRE(article != nullptr);
  CHECK(article->differsFrom == "scalenus_posterior.insertion.reference");
}

TEST_CASE("the article loads without problems, all 15 sections in order with their item counts",
          "[article]") {
  const Article &a = article();
  INFO(joined(a.problems));
  CHECK(a.problems.empty());
  const auto &contract = articleContract();
  REQUIRE(contract.size() == 15);
  REQUIRE(a.sections.size() == contract.size());
  const std::map<std::string, int> expected = {
      {"functions", 6},       {"types", 6},      {"causes", 20},
      {"symptoms", 20},       {"diagnosis", 20}, {"treatment_non_drug", 30},
      {"treatment_drug", 20}, {"surgery", 10},   {"prevention", 10},
      {"see_doctor", 10},     {"faq", 15}};
  for (std::size_t i = 0; i < contract.size(); ++i) {
    const ArticleSection &s = a.sections[i];
    INFO(s.id);
    CHECK(s.id == contract[i].id);
    CHECK(s.order == static_cast<int>(i) + 1);
    CHECK_FALSE(s.title.empty());
    CHECK_FALSE(s.intro.empty());
    CHECK_FALSE(s.patientIntro.empty());
    CHECK(s.intro != s.patientIntro);
    auto it = expected.find(s.id);
    if (it != expected.end())
      CHECK(static_cast<int>(s.items.size()) == it->second);
    for (const ArticleItem &item : s.items) {
      INFO(item.id);
      CHECK_FALSE(item.term.empty());
      CHECK_FALSE(item.text.empty());
      CHECK_FALSE(item.patient.empty());
      CHECK(item.text != item.patient);
    }
  }
  CHECK(a.findSection("anatomy")->items.size() == 6); // location, structure, origin, insertion, blood, nerves
  CHECK(a.findSection("conclusion")->paragraphs.size() == 2);
  CHECK(a.itemCount() == 6 + 6 + 6 + 20 + 20 + 20 + 30 + 20 + 10 + 10 + 10 + 15);
}

TEST_CASE("every link in the article resolves to a model id", "[article]") {
  std::set<std::string> ids = modelIds();
  const std::string bundled = std::string(ATLAS_SOURCE_DIR) + "/assets/cervical_region.glb";
  if (fs::exists(bundled)) {
    Result<Scene> scene = loadModel(bundled);
    REQUIRE(scene);
    ids.clear();
    for (const Structure &s : scene->structures())
      ids.insert(s.id);
  }
  int links = 0;
  auto check = [&](const std::string &where, const std::string &id) {
    INFO(where << " -> " << id);
    CHECK(ids.count(id) == 1);
    ++links;
  };
  for (const ArticleSection &s : article().sections) {
    for (const std::string *text : {&s.intro, &s.patientIntro})
      for (const std::string &id : inlineLinks(*text))
        check(s.id, id);
    for (const auto *list : {&s.paragraphs, &s.patientParagraphs})
      for (const std::string &p : *list)
        for (const std::string &id : inlineLinks(p))
          check(s.id, id);
    for (const ArticleItem &item : s.items) {
      for (const std::string &id : item.links)
        check(item.id, id);
      for (const std::string *text : {&item.term, &item.text, &item.patient, &item.note})
        for (const std::string &id : inlineLinks(*text))
          check(item.id, id);
    }
  }
  CHECK(links > 60);
}

TEST_CASE("inline link markup splits into text and link runs", "[article]") {
  const std::vector<TextRun> runs = parseInline("From [[c5|C5]] to [[c7|C7]].");
  REQUIRE(runs.size() == 5);
  CHECK(runs[0].text == "From ");
  CHECK(runs[0].link.empty());
  CHECK(runs[1].text == "C5");
  CHECK(runs[1].link == "c5");
  CHECK(runs[3].link == "c7");
  CHECK(runs[4].text == ".");
  CHECK(plainText("the [[rib1_right|first rib]], on top") == "the first rib, on top");
  CHECK(inlineLinks("[[a|x]] and [[b|y]]") == std::vector<std::string>{"a", "b"});

  std::vector<MarkupProblem> problems;
  CHECK(plainText("an [[unclosed link") == "an [[unclosed link");
  parseInline("an [[unclosed link", &problems);
  parseInline("no bar [[c5]] here", &problems);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].offset == 3);
  CHECK_THAT(problems[1].message, Catch::Contains("[[structure_id|words shown]]"));
}

TEST_CASE("selecting a structure marks the passages that mention it", "[article]") {
  const Article &a = article();
  auto marked = [&a](const std::string &id) { return passagesMentioning(a, id); };
  auto has = [](const std::vector<std::string> &ids, const std::string &id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };

  const std::vector<std::string> muscle = marked("scalenus_posterior_right");
  CHECK(has(muscle, "overview")); // the overview's own text links the muscle inline
  CHECK(has(muscle, "anatomy.location"));
  CHECK(has(muscle, "functions.lateral_neck_flexion"));
  CHECK(has(muscle, "faq.what_is_it"));
  CHECK_FALSE(has(muscle, "types.acute"));
  // The article links the right-hand muscle as the example of the pair: the left one finds the same.
  CHECK(marked("scalenus_posterior_left") == muscle);

  const std::vector<std::string> c5 = marked("c5");
  CHECK(has(c5, "anatomy.origin"));
  CHECK(has(c5, "functions.lateral_neck_flexion"));
  CHECK(has(c5, "causes.spinal_misalignment"));
  CHECK_FALSE(has(c5, "anatomy.insertion"));

  const std::vector<std::string> rib2 = marked("rib2_right");
  CHECK(has(rib2, "anatomy.insertion")); // the note on the article's first-rib insertion
  CHECK(has(rib2, "functions.respiration"));
  CHECK_FALSE(has(rib2, "anatomy.origin"));

  const std::vector<std::string> ramus = marked("c5_ventral_ramus_right");
  CHECK(has(ramus, "anatomy.nerve_supply"));
  CHECK_FALSE(has(ramus, "anatomy.blood_supply"));

  CHECK(marked("").empty());
  CHECK(marked("manubrium").empty() == true);
}

TEST_CASE("the article view follows the selection and scrolls to the first marked passage", "[article]") {
  const Article &a = article();
  ArticleView view;
  REQUIRE(followSelection(view, a, "rib2_right"));
  CHECK(view.markedFor == "rib2_right");
  CHECK(view.section == "anatomy");
  CHECK(view.scrollToMark);
  CHECK(isMarked(view, "anatomy.insertion"));
  CHECK(view.openSections.count("functions") == 1);
  CHECK_FALSE(followSelection(view, a, "rib2_right")); // no change, no scroll request
  const std::vector<std::string> shown = itemsShown(view, a);
  CHECK(std::find(shown.begin(), shown.end(), "anatomy.insertion") != shown.end());
  CHECK(std::find(shown.begin(), shown.end(), "causes.overuse") == shown.end()); // causes is collapsed

  REQUIRE(goToSection(view, a, "causes"));
  CHECK(itemsShown(view, a).size() > 20);
  CHECK_FALSE(goToSection(view, a, "no_such_section"));

  view.search = "whiplash";
  const std::vector<std::string> hits = itemsShown(view, a);
  CHECK(std::find(hits.begin(), hits.end(), "causes.whiplash") != hits.end());
  CHECK(std::find(hits.begin(), hits.end(), "causes.overuse") == hits.end());

  REQUIRE(followSelection(view, a, ""));
  CHECK(view.marked.empty());

  const nlohmann::json json = articleStateJson(view, &a);
  CHECK(json["patient_mode"] == false);
  CHECK(json["section"] == "causes");
  CHECK(json["items_shown"].is_array());
  CHECK(json["marked"].empty());
}

TEST_CASE("source differences come from the knowledge base's claims", "[article]") {
  const ArticleItem *insertion = article().findItem("anatomy.insertion");
  REQUIRE(insertion);
  REQUIRE(insertion->notes.size() == 1);
  CHECK(insertion->notes[0].claimId == "scalenus_posterior.insertion.article");
  CHECK_FALSE(insertion->notes[0].text.empty());
  CHECK_THAT(insertion->notes[0].reference, Catch::Contains("second rib"));
  CHECK_THAT(insertion->notes[0].cite, Catch::Contains("Gray"));
  const ArticleItem *rotation = article().findItem("functions.neck_rotation");
  REQUIRE(rotation);
  REQUIRE_FALSE(rotation->notes.empty());
  CHECK(rotation->notes[0].text == rotation->note);
  int noted = 0;
  for (const ArticleSection &s : article().sections)
    for (const ArticleItem &item : s.items)
      noted += item.notes.empty() ? 0 : 1;
  CHECK(noted >= 6); // origin, insertion, blood, nerves, respiration, rotation, 'back of the neck'
}

TEST_CASE("broken section files are reported with file and line, the rest still loads", "[article]") {
  SECTION("a YAML syntax error gives file:line:column") {
    ScratchArticle scratch("syntax");
    scratch.replace("05_causes.yaml", "  - id: causes.overuse\n",
                    "  - id: causes.overuse\n   term: [unclosed\n");
    const Article a = scratch.load();
    INFO(joined(a.problems));
    CHECK(anyContains(a.problems, "05_causes.yaml:"));
    CHECK(std::regex_search(joined(a.problems), std::regex(R"(05_causes\.yaml:\d+:\d+: )")));
    CHECK(a.sections.size() == 14); // the other files load
    CHECK(anyContains(a.problems, "section 'causes' is missing"));
  }
  SECTION("a missing field, an unknown link, an unknown claim and a duplicate id name file and line") {
    ScratchArticle scratch("fields");
    // Line numbers are found in the copy, so the test follows edits of the real files.
    const std::string text = scratch.read("02_anatomy.yaml");
    auto lineOf = [&text](const std::string &s) {
      const std::size_t pos = text.find(s);
      REQUIRE(pos != std::string::npos);
      return std::to_string(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n') + 1);
    };
    const std::string structureLine = lineOf("  - id: anatomy.structure");
    scratch.replace("02_anatomy.yaml", "    term: Structure\n", "");
    scratch.replace("02_anatomy.yaml", "[[c5|C5]]", "[[c55|C5]]");
    scratch.replace("02_anatomy.yaml", "claims: [scalenus_posterior.origin.article",
                    "claims: [scalenus_posterior.origin.invented");
    scratch.replace("04_types.yaml", "id: types.chronic", "id: types.acute");
    const Article a = scratch.load();
    INFO(joined(a.problems));
    CHECK(anyContains(a.problems, "02_anatomy.yaml:" + structureLine + ": field 'term' is missing",
                      "anatomy.structure"));
    CHECK(anyContains(a.problems, "02_anatomy.yaml:", "'c55', which is not a structure id"));
    CHECK(anyContains(a.problems, "02_anatomy.yaml:", "claim 'scalenus_posterior.origin.invented'"));
    CHECK(anyContains(a.problems, "04_types.yaml:", "item id 'types.acute' is used again"));
    CHECK(a.sections.size() == 15);
    CHECK(a.findSection("anatomy")->items.size() == 6);
  }
  SECTION("wrong item counts, a wrong order and an unknown section are reported") {
    ScratchArticle scratch("contract");
    std::string faq = scratch.read("13_faq.yaml");
    faq = faq.substr(0, faq.rfind("  - id: faq."));
    scratch.write("13_faq.yaml", faq);
    scratch.replace("10_surgery.yaml", "order: 10", "order: 11");
    scratch.write("16_extra.yaml", "id: extra\ntitle: Extra\norder: 16\nintro: x\npatient_intro: y\n");
    const Article a = scratch.load();
    INFO(joined(a.problems));
    CHECK(anyContains(a.problems, "13_faq.yaml:", "has 14 items; the article has 15"));
    CHECK(anyContains(a.problems, "10_surgery.yaml:", "has order 11"));
    CHECK(anyContains(a.problems, "16_extra.yaml:1: section 'extra' is not a section of the article"));
  }
  SECTION("a missing folder is one problem, not a crash") {
    const Article a = loadArticle("/nonexistent/article", {}, {});
    CHECK(a.sections.empty());
    REQUIRE(a.problems.size() == 1);
    CHECK_THAT(a.problems[0], Catch::Contains("/nonexistent/article"));
  }
}

TEST_CASE("the Markdown handouts carry every section, every item, the notes, credit and disclaimer",
          "[article][export]") {
  const std::string doctor = articleMarkdown(article(), false);
  const std::string patient = articleMarkdown(article(), true);
  CHECK(doctor != patient);
  for (const std::string *md : {&doctor, &patient}) {
    const std::map<std::string, int> counts = numberedItemsPerSection(*md);
    REQUIRE(counts.size() == 15);
    for (const ArticleSection &s : article().sections) {
      INFO(s.title);
      REQUIRE(counts.count(s.title) == 1);
      CHECK(counts.at(s.title) == static_cast<int>(s.items.size()));
    }
    CHECK(counts.at("Causes") == 20);
    CHECK(counts.at("Non-pharmacological treatments") == 30);
    CHECK_THAT(*md,
               Catch::Contains("\"Scalenus Posterior Muscle Spasm\" (Rxharun, last updated 2025-04-13)"));
    CHECK_THAT(*md, Catch::Contains("own words"));
    CHECK_THAT(*md, Catch::Contains("## 15. Disclaimer"));
    CHECK(md->find("[[") == std::string::npos); // no link markup on paper
  }
  CHECK_THAT(doctor, Catch::Contains(plainText(article().findSection("disclaimer")->intro)));
  CHECK_THAT(patient, Catch::Contains(plainText(article().findSection("disclaimer")->patientIntro)));
  CHECK_THAT(doctor, Catch::Contains("Where the sources differ"));
  CHECK_THAT(doctor, Catch::Contains(article().findItem("anatomy.insertion")->notes[0].reference));
  CHECK_THAT(patient, Catch::Contains(plainText(article().findItem("causes.overuse")->patient)));
  CHECK(doctor.find(plainText(article().findItem("causes.overuse")->patient)) == std::string::npos);
}

TEST_CASE("next mark steps through the marked passages and wraps round", "[article]") {
  const Article &a = article();
  ArticleView view;
  REQUIRE(followSelection(view, a, "rib2_right"));
  REQUIRE(view.marked.size() >= 2);
  CHECK(view.markCursor == 0);
  view.scrollToMark = false;
  view.search = "whiplash";
  REQUIRE(nextMark(view, a));
  CHECK(view.markCursor == 1);
  CHECK(view.scrollToMark);
  CHECK(view.search.empty()); // the passage must not be hidden by a search
  const ArticleSection *section = a.sectionOfItem(view.marked[1]);
  REQUIRE(section);
  CHECK(view.section == section->id);
  for (std::size_t i = 1; i < view.marked.size(); ++i)
    nextMark(view, a);
  CHECK(view.markCursor == 0);
  ArticleView none;
  CHECK_FALSE(nextMark(none, a));
}

TEST_CASE("a key function shows the muscle and the parts it moves, on the selected side", "[article]") {
  const ArticleItem *respiration = article().findItem("functions.respiration");
  REQUIRE(respiration);
  FunctionOnModel right = functionOnModel(*respiration, "");
  CHECK(right.muscle == "scalenus_posterior_right");
  CHECK(right.parts == std::vector<std::string>{"rib1_right", "rib2_right"});
  FunctionOnModel left = functionOnModel(*respiration, "scalenus_posterior_left");
  CHECK(left.muscle == "scalenus_posterior_left");
  CHECK(left.parts == std::vector<std::string>{"rib1_left", "rib2_left"});
  const ArticleItem *flexion = article().findItem("functions.lateral_neck_flexion");
  REQUIRE(flexion);
  CHECK(functionOnModel(*flexion, "rib1_left").parts == std::vector<std::string>{"c4", "c5", "c6", "c7"});
}
