// The sources rules of content/bibliography and the knowledge base: the real content loads with no
// problem, every claim cites at least one work and every cited work exists, every work is complete;
// and the checks fail on broken files written here in memory or in a scratch folder.
#include "app/article_startup.h"
#include "content/bibliography.h"
#include "content/knowledge_base.h"
#include "session/session.h"
#include "support/scratch_dir.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <initializer_list>

using namespace atlas;
using namespace atlas::content;
namespace fs = std::filesystem;

namespace {

const std::string kContent = (fs::path(ATLAS_SOURCE_DIR) / "content").string();

bool anyContains(const std::vector<std::string> &messages, const std::string &fragment) {
  return std::any_of(messages.begin(), messages.end(),
                     [&](const std::string &m) { return m.find(fragment) != std::string::npos; });
}

std::string joined(const std::vector<std::string> &lines) {
  std::string out;
  for (const std::string &line : lines)
    out += line + "\n";
  return out;
}

// A complete work in the file format, with one field replaced or dropped (value "" drops it).
std::string work(const std::string &id, const std::string &field = "", const std::string &value = "") {
  const std::vector<std::pair<std::string, std::string>> fields{{"kind", "paper"},
                                                                {"authors", "\"Doe J, Roe R\""},
                                                                {"title", "\"A study\""},
                                                                {"year", "2001"},
                                                                {"journal", "\"J Anat\""}};
  std::string out = "  - id: " + id + "\n";
  for (const auto &[key, v] : fields) {
    if (key == field && value.empty())
      continue;
    out += "    " + key + ": " + (key == field ? value : v) + "\n";
  }
  return out;
}

const ContentText kSources{"content/sources.yaml", "sources:\n  - id: reference\n    title: References\n"};

std::string claimFile(const std::string &cite) {
  return "structures:\n"
         "  - id: c7\n    name: C7\n    latin: Vertebra C7\n    system: bone\n"
         "    description: A bone.\n    patient: A bone.\n"
         "claims:\n"
         "  - id: c7.relation.self\n    subject: c7\n    role: relation\n    targets: [c7]\n"
         "    text: Itself.\n    source: reference\n    cite: " +
         cite + "\n";
}

} // namespace

TEST_CASE("the real bibliography loads with complete entries", "[content][bibliography]") {
  const Bibliography bib = loadBibliography(kContent);
  INFO(joined(bib.problems));
  CHECK(bib.problems.empty());
  REQUIRE(bib.works.size() >= 40);
  const auto &kinds = workKinds();
  for (const Work &w : bib.works) {
    INFO(w.id);
    CHECK_FALSE(w.authors.empty());
    CHECK_FALSE(w.title.empty());
    CHECK(w.year >= 1800);
    CHECK_FALSE((w.publisher.empty() && w.journal.empty()));
    CHECK(std::find(kinds.begin(), kinds.end(), w.kind) != kinds.end());
  }
  // The primary sources the issue names are there.
  REQUIRE(bib.find("gray41"));
  CHECK(shortCite(*bib.find("gray41")) == "Standring 2016");
  REQUIRE(bib.find("gray1918"));
  CHECK(bib.find("gray1918")->publisher == "Lea & Febiger");
}

namespace {

// The fields of a work that are only a placeholder: "[Authors not recorded]", a title in [brackets]
// (a description of a study whose title nobody checked), or a "not recorded" note in its place.
std::vector<std::string> placeholderFields(const Work &w) {
  std::vector<std::string> found;
  const auto placeholder = [](const std::string &value) {
    std::string lower = value;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return (!value.empty() && value.front() == '[') || lower.find("not recorded") != std::string::npos ||
           lower.find("unknown author") != std::string::npos;
  };
  for (const auto &[name, value] : {std::pair<const char *, const std::string &>{"authors", w.authors},
                                    {"title", w.title},
                                    {"publisher", w.publisher},
                                    {"journal", w.journal},
                                    {"details", w.details}})
    if (placeholder(value))
      found.push_back(std::string(name) + " '" + value + "'");
  return found;
}

} // namespace

TEST_CASE("no work of the bibliography carries a placeholder author or a bracketed title",
          "[content][bibliography]") {
  const Bibliography bib = loadBibliography(kContent);
  REQUIRE(bib.works.size() >= 40);
  for (const Work &w : bib.works) {
    INFO(w.id << " (" << w.file << ":" << w.line << ")");
    const std::vector<std::string> found = placeholderFields(w);
    INFO(joined(found));
    CHECK(found.empty());
  }
  // The check finds the placeholders the bibliography used to carry.
  Work placeholder;
  placeholder.authors = "[Authors not recorded]";
  placeholder.title = "[Cadaver study of the arteries of the cervical spine]";
  placeholder.publisher = "Abstract read on the web; journal not recorded";
  CHECK(placeholderFields(placeholder).size() == 3);
  Work real;
  real.authors = "Tasdemir R, Cihan OF";
  real.title = "Multidetector computed tomography evaluation of origin, V2 segment variations and morphology "
               "of vertebral artery";
  real.journal = "Folia Morphol (Warsz)";
  CHECK(placeholderFields(real).empty());
}

// The references issue 13 asked to check: each cites what it is cited for.
TEST_CASE("the checked clinical references say what the notes use them for", "[content][bibliography]") {
  const Bibliography bib = loadBibliography(kContent);
  // Stopping baclofen suddenly: a review of baclofen withdrawal, beside the muscle-relaxant review.
  const Work *withdrawal = bib.find("leo_baer_2005_baclofen_withdrawal");
  REQUIRE(withdrawal);
  CHECK_THAT(withdrawal->title, Catch::Contains("baclofen withdrawal"));
  const Work *chou = bib.find("chou_2004_muscle_relaxants_review");
  REQUIRE(chou);
  CHECK(chou->authors == "Chou R, Peterson K, Helfand M");
  CHECK(chou->year == 2004);
  CHECK(chou->details.rfind("28(2):140-175", 0) == 0);
  // The analgesic ladder: WHO, Cancer pain relief, Geneva 1986.
  const Work *who = bib.find("who_1986_cancer_pain_relief");
  REQUIRE(who);
  CHECK(who->title == "Cancer pain relief");
  CHECK(who->year == 1986);
  CHECK_THAT(who->publisher, Catch::Contains("Geneva"));
  // NICE CKS: the year is the last revision that could be verified, and the page says so.
  const Work *cks = bib.find("nice_cks_neck_pain");
  REQUIRE(cks);
  CHECK(cks->year == 2013);
  CHECK_THAT(cks->details, Catch::Contains("September 2013"));
  // Gray 1918 puts the deep cervical artery above the eighth cervical nerve (the 20th edition's
  // wording, "passing backward, above the eighth cervical nerve"); the claim says the same.
  const KnowledgeLoad load = loadKnowledgeBase(kContent);
  const Claim *gray = load.knowledge.findClaim("deep_cervical_artery.relation.course_gray1918");
  REQUIRE(gray);
  CHECK_THAT(gray->text, Catch::Contains("above the C8"));
  const Claim *other = load.knowledge.findClaim("deep_cervical_artery.relation.course");
  REQUIRE(other);
  CHECK_THAT(other->text, Catch::Contains("below the C8"));
}

TEST_CASE("every claim of the real knowledge base cites works that exist",
          "[content][knowledge][bibliography]") {
  const KnowledgeLoad load = loadKnowledgeBase(kContent);
  INFO(joined(load.problems));
  CHECK(load.problems.empty());
  const Bibliography &bib = load.knowledge.bibliography();
  REQUIRE_FALSE(load.knowledge.claims().empty());
  for (const Claim &c : load.knowledge.claims()) {
    INFO(c.id);
    CHECK_FALSE(c.works.empty());
    for (const std::string &id : c.works)
      CHECK(bib.find(id));
    CHECK(c.cite.find('_') == std::string::npos); // shown as short cites, not ids
  }
  CHECK(citationProblems(load.knowledge, bib).empty());
}

TEST_CASE("standard anatomy rests on a textbook or a study, not on web pages alone",
          "[content][knowledge][bibliography]") {
  const KnowledgeLoad load = loadKnowledgeBase(kContent);
  const Bibliography &bib = load.knowledge.bibliography();
  const auto cites = [&](const Claim &c, std::initializer_list<const char *> kinds) {
    return std::any_of(c.works.begin(), c.works.end(), [&](const std::string &id) {
      const Work *w = bib.find(id);
      return w && std::any_of(kinds.begin(), kinds.end(), [&](const char *k) { return w->kind == k; });
    });
  };
  std::size_t attachments = 0, relations = 0;
  for (const Claim &c : load.knowledge.claims()) {
    // Variants, actions and one side of a disagreement between sources (which carries its note) may
    // rest on web pages; the primary attachments and supplies and the relations may not.
    if (c.source != SourceMode::Reference || c.variation || c.role == ClaimRole::Action ||
        !c.differsFrom.empty())
      continue;
    INFO(c.id);
    if (c.role == ClaimRole::Relation) {
      ++relations;
      CHECK(cites(c, {"textbook", "paper", "review"}));
    } else {
      ++attachments;
      CHECK(cites(c, {"textbook"}));
    }
  }
  CHECK(attachments >= 10);
  CHECK(relations >= 40);
}

TEST_CASE("the issue's anatomy findings are in the content", "[content][knowledge][bibliography]") {
  const KnowledgeLoad load = loadKnowledgeBase(kContent);
  const KnowledgeBase &kb = load.knowledge;
  // (a) the deep cervical artery against C8: both versions, the Gray 1918 one citing Gray 1918.
  const Claim *gray = kb.findClaim("deep_cervical_artery.relation.course_gray1918");
  REQUIRE(gray);
  CHECK(gray->works == std::vector<std::string>{"gray1918"});
  const Claim *other = kb.findClaim("deep_cervical_artery.relation.course");
  REQUIRE(other);
  CHECK(other->differsFrom == gray->id);
  CHECK_FALSE(other->note.empty());
  // (b) C4's usual small share of the plexus, from Gray's 41st.
  const Claim *c4 = kb.findClaim("c4_ventral_ramus.relation.plexus");
  REQUIRE(c4);
  CHECK(std::count(c4->works.begin(), c4->works.end(), "gray41") == 1);
  CHECK_FALSE(c4->variation);
  // (c) the C7 entry figure is not attributed to the CT angiography study.
  const Claim *c7 = kb.findClaim("vertebral_artery.relation.entry_c7");
  REQUIRE(c7);
  CHECK(std::count(c7->works.begin(), c7->works.end(), "tasdemir_cihan_2023") == 0);
  // (d) scalenus posterior: the standard version names the ascending cervical artery alone.
  const Claim *blood = kb.findClaim("scalenus_posterior.blood_supply.reference");
  REQUIRE(blood);
  CHECK(blood->targets == std::vector<std::string>{"ascending_cervical_artery_right"});
  const Claim *superficial = kb.findClaim("scalenus_posterior.blood_supply.variation_superficial");
  REQUIRE(superficial);
  CHECK(superficial->variation);
}

TEST_CASE("broken bibliography entries are problems with file and line", "[content][bibliography]") {
  SECTION("a work with no title") {
    // line 1 "works:", lines 2-5 a complete work, line 6 the work without a title
    const Bibliography bib =
        loadBibliographyFromTexts({{"anatomy.yaml", "works:\n" + work("a") + work("x", "title")}});
    REQUIRE(bib.problems.size() == 1);
    CHECK(bib.problems[0] == "anatomy.yaml:8: work 'x' has no title");
    CHECK(bib.find("a"));
    CHECK_FALSE(bib.find("x"));
  }
  SECTION("no authors, no year, neither publisher nor journal") {
    const Bibliography bib = loadBibliographyFromTexts(
        {{"anatomy.yaml", "works:\n" + work("p", "authors") + work("q", "year") + work("r", "journal")}});
    CHECK(anyContains(bib.problems, "work 'p' has no authors"));
    CHECK(anyContains(bib.problems, "work 'q' has no year"));
    CHECK(anyContains(bib.problems, "work 'r' has neither a publisher nor a journal"));
    CHECK(bib.works.empty());
  }
  SECTION("the same id in two files") {
    const Bibliography bib = loadBibliographyFromTexts(
        {{"anatomy.yaml", "works:\n" + work("dup")}, {"clinical.yaml", "works:\n" + work("dup")}});
    REQUIRE(bib.problems.size() == 1);
    CHECK(bib.problems[0] == "clinical.yaml:2: work 'dup' is defined twice (first at anatomy.yaml:2)");
    CHECK(bib.works.size() == 1);
  }
  SECTION("an unknown kind") {
    const Bibliography bib =
        loadBibliographyFromTexts({{"anatomy.yaml", "works:\n" + work("k", "kind", "blog")}});
    REQUIRE(bib.problems.size() == 1);
    CHECK(bib.problems[0].rfind("anatomy.yaml:3: work 'k': kind 'blog' is not one of", 0) == 0);
  }
  SECTION("a year that is not a number") {
    const Bibliography bib =
        loadBibliographyFromTexts({{"anatomy.yaml", "works:\n" + work("y", "year", "\"2016a\"")}});
    REQUIRE(bib.problems.size() == 1);
    CHECK(bib.problems[0] == "anatomy.yaml:6: work 'y': year '2016a' is not a number like 2016");
  }
  SECTION("an id with capitals and an unknown field") {
    const Bibliography bib =
        loadBibliographyFromTexts({{"anatomy.yaml", "works:\n" + work("Gray41") + "    edition: 41\n"}});
    CHECK(anyContains(bib.problems, "anatomy.yaml:2: work 'Gray41': id must use only a-z, 0-9 and _"));
    CHECK(anyContains(bib.problems, "anatomy.yaml:8: work 'Gray41' has an unknown field 'edition'"));
  }
  SECTION("a file that is not a list of works") {
    const Bibliography bib = loadBibliographyFromTexts({{"anatomy.yaml", "- 1\n- 2\n"}});
    REQUIRE(bib.problems.size() == 1);
    CHECK(anyContains(bib.problems, "anatomy.yaml:1: expected a list 'works'"));
  }
}

TEST_CASE("the citation rule fails on claims without a source or with an unknown one",
          "[content][knowledge][bibliography]") {
  const std::vector<ContentText> bibliography{{"bibliography/anatomy.yaml", "works:\n" + work("gray41")}};
  SECTION("a known work passes and gives a short cite") {
    const KnowledgeLoad load = loadKnowledgeBaseFromTexts({{"structures/c7.yaml", claimFile("[gray41]")}},
                                                          kSources, bibliography, "structures");
    INFO(joined(load.problems));
    CHECK(load.problems.empty());
    REQUIRE(load.knowledge.findClaim("c7.relation.self"));
    CHECK(load.knowledge.findClaim("c7.relation.self")->cite == "Doe et al. 2001");
  }
  SECTION("an unknown work id") {
    const KnowledgeLoad load = loadKnowledgeBaseFromTexts(
        {{"structures/c7.yaml", claimFile("[gray41, no_such_book]")}}, kSources, bibliography, "structures");
    REQUIRE(load.problems.size() == 1);
    CHECK(
        load.problems[0] ==
        "structures/c7.yaml:9: claim 'c7.relation.self' cites 'no_such_book', which no content/bibliography "
        "file defines");
  }
  SECTION("an empty cite list") {
    const KnowledgeLoad load = loadKnowledgeBaseFromTexts({{"structures/c7.yaml", claimFile("[]")}}, kSources,
                                                          bibliography, "structures");
    REQUIRE(load.problems.size() == 1);
    CHECK(anyContains(load.problems, "claim 'c7.relation.self' cites no work"));
  }
  SECTION("free text instead of work ids") {
    const KnowledgeLoad load = loadKnowledgeBaseFromTexts(
        {{"structures/c7.yaml", claimFile("\"Gray's Anatomy\"")}}, kSources, bibliography, "structures");
    CHECK(anyContains(load.problems, "structures/c7.yaml:15: field 'cite' should be a list like [a, b]"));
    CHECK(load.knowledge.claims().empty());
  }
  SECTION("a bibliography problem reaches the knowledge base's problems") {
    const KnowledgeLoad load = loadKnowledgeBaseFromTexts(
        {{"structures/c7.yaml", claimFile("[gray41]")}}, kSources,
        {{"bibliography/anatomy.yaml", "works:\n" + work("gray41", "title")}}, "structures");
    CHECK(anyContains(load.problems, "bibliography/anatomy.yaml:2: work 'gray41' has no title"));
    CHECK(anyContains(load.problems, "cites 'gray41', which no content/bibliography file defines"));
  }
}

TEST_CASE("the bibliography is read from its own folder only", "[content][bibliography]") {
  const test::ScratchDir scratch("bibliography-folder");
  scratch.write("content/bibliography/anatomy.yaml", "works:\n" + work("inside"));
  scratch.write("content/bibliography/notes.txt", "works:\n" + work("text_file"));
  scratch.write("content/outside.yaml", "works:\n" + work("outside"));
  fs::create_symlink("../outside.yaml", scratch.dir / "content/bibliography/zz_link.yaml");
  const Bibliography bib = loadBibliography(scratch.path("content"));
  CHECK(bib.ids() == std::set<std::string>{"inside"});
  REQUIRE(bib.problems.size() == 1);
  CHECK(anyContains(bib.problems, "zz_link.yaml"));

  SECTION("a missing folder is one problem") {
    const Bibliography none = loadBibliography(scratch.path("nowhere"));
    CHECK(none.works.empty());
    REQUIRE(none.problems.size() == 1);
    CHECK(anyContains(none.problems, "the bibliography folder is missing"));
  }
}

TEST_CASE("short and full citations", "[content][bibliography]") {
  Work book;
  book.kind = "textbook";
  book.authors = "Standring S (ed.)";
  book.title = "Gray's Anatomy";
  book.publisher = "Elsevier";
  book.details = "41st ed.";
  book.year = 2016;
  CHECK(shortCite(book) == "Standring 2016");
  CHECK(fullCite(book) == "Standring S (ed.) (2016). Gray's Anatomy. Elsevier, 41st ed.");

  Work paper;
  paper.kind = "paper";
  paper.authors = "Stiell IG, Wells GA";
  paper.title = "The Canadian C-spine rule";
  paper.journal = "JAMA";
  paper.details = "286(15):1841-1848";
  paper.doi = "10.1001/jama.286.15.1841";
  paper.year = 2001;
  CHECK(shortCite(paper) == "Stiell et al. 2001");
  CHECK(fullCite(paper) == "Stiell IG, Wells GA (2001). The Canadian C-spine rule. JAMA 286(15):1841-1848. "
                           "doi:10.1001/jama.286.15.1841");

  Work guideline;
  guideline.kind = "guideline";
  guideline.authors = "National Institute for Health and Care Excellence";
  guideline.title = "Neck pain";
  guideline.publisher = "NICE";
  guideline.year = 2023;
  CHECK(shortCite(guideline) == "NICE 2023");

  // A guideline written by people is cited by its first author; a group by its acronym.
  Work practiceGuideline = guideline;
  practiceGuideline.authors = "Blanpied PR, Gross AR, Elliott JM, et al.";
  practiceGuideline.publisher.clear();
  practiceGuideline.journal = "J Orthop Sports Phys Ther";
  practiceGuideline.year = 2017;
  CHECK(shortCite(practiceGuideline) == "Blanpied et al. 2017");
  Work group = paper;
  group.kind = "review";
  group.authors = "Coxib and traditional NSAID Trialists' (CNT) Collaboration";
  group.year = 2013;
  CHECK(shortCite(group) == "CNT Collaboration 2013");
}

TEST_CASE("ShowSourceCommand opens the Sources panel at a work, and --state reports it",
          "[content][bibliography][session]") {
  Session session;
  session.setKnowledge(loadKnowledgeBase(kContent).knowledge);
  CHECK(session.stateJson()["panel"] != "Sources");
  CHECK(session.stateJson()["sources"]["open"] == false);

  REQUIRE(session.apply(ShowSourceCommand{"gray1918"}));
  nlohmann::json state = session.stateJson();
  CHECK(state["panel"] == "Sources");
  CHECK(state["sources"]["open"] == true);
  CHECK(state["sources"]["focused"] == "gray1918");
  CHECK(state["sources"]["works"].get<std::size_t>() == session.knowledge().bibliography().works.size());
  CHECK(session.sourcesView.scrollToFocus);

  // An unknown work is an error and changes nothing.
  const Result<void> unknown = session.apply(ShowSourceCommand{"no_such_work"});
  REQUIRE_FALSE(unknown);
  CHECK_THAT(unknown.error(), Catch::Contains("no_such_work"));
  CHECK(session.stateJson()["sources"]["focused"] == "gray1918");

  REQUIRE(session.apply(ShowSourceCommand{"", false}));
  CHECK(session.stateJson()["panel"] != "Sources");
  CHECK(session.stateJson()["sources"]["open"] == false);
}

TEST_CASE("the options --panel sources and --show-source open the Sources panel",
          "[content][bibliography][session]") {
  Session session;
  session.setKnowledge(loadKnowledgeBase(kContent).knowledge);
  Options options;
  options.panel = PanelName::Sources;
  REQUIRE(applyArticleOptions(session, options));
  CHECK(session.stateJson()["panel"] == "Sources");
  CHECK(session.stateJson()["sources"]["focused"] == "");

  options.showSource = "rusnak_smith_2001";
  REQUIRE(applyArticleOptions(session, options));
  CHECK(session.stateJson()["sources"]["focused"] == "rusnak_smith_2001");

  options.showSource = "not_a_work";
  const Result<void> bad = applyArticleOptions(session, options);
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.error(), Catch::StartsWith("--show-source: "));
}
