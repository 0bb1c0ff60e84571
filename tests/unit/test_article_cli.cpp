// The article's command-line options parse into Options, and wrong values are refused; and
// --export-article refuses to write a handout that lacks sections or comes from broken files, and
// writes the teaching entries (students' or patients' version) with their sources.
#include "app/article_startup.h"
#include "app/cli.h"
#include "content/article_markdown.h"
#include "content/bibliography.h"
#include "content/content_load.h"
#include "content/teaching.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <unistd.h>

using namespace atlas;

namespace {
Result<ParsedCommandLine> parse(std::vector<const char *> args) {
  args.insert(args.begin(), "scalene-atlas");
  return parseCommandLine(static_cast<int>(args.size()), args.data());
}
} // namespace

TEST_CASE("the article options parse: --panel, --section, --search, --patient, --export-article",
          "[cli][article]") {
  Result<ParsedCommandLine> parsed =
      parse({"--panel", "article", "--section", "causes", "--search", "whiplash", "--patient"});
  REQUIRE(parsed);
  CHECK(parsed->options.panel == PanelName::Article);
  CHECK(parsed->options.section == "causes");
  CHECK(parsed->options.search == "whiplash");
  CHECK(parsed->options.patient);
  CHECK_FALSE(parsed->options.exitAfterCommands());

  Result<ParsedCommandLine> exported = parse({"--export-article", "out.md", "--patient"});
  REQUIRE(exported);
  CHECK(exported->options.exportArticle == "out.md");
  CHECK(exported->options.exitAfterCommands());

  for (const char *panel : {"article", "functions", "disclaimer", "structures", "info"})
    CHECK(parse({"--panel", panel}));
  CHECK_FALSE(parse({"--panel", "sideways"}));
}

// --export-article on a copy of content/ (found through SCALENE_ATLAS_DATA): the whole article is
// written, or nothing is and the exit code says so.
namespace {
namespace fs = std::filesystem;

struct ExportRun {
  int exitCode = 0;
  std::string err;
};

// A copy of content/ under a scratch root, with SCALENE_ATLAS_DATA pointing at it while it lives.
struct ScratchData {
  fs::path root, content, output;
  std::optional<std::string> previous;
  explicit ScratchData(const std::string &name) {
    root = fs::temp_directory_path() / ("atlas-export-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(root);
    content = root / "content";
    output = root / "handout.md";
    fs::create_directories(root);
    fs::copy(fs::path(ATLAS_SOURCE_DIR) / "content", content, fs::copy_options::recursive);
    if (const char *value = std::getenv("SCALENE_ATLAS_DATA"))
      previous = value;
    ::setenv("SCALENE_ATLAS_DATA", root.c_str(), 1);
  }
  ~ScratchData() {
    if (previous)
      ::setenv("SCALENE_ATLAS_DATA", previous->c_str(), 1);
    else
      ::unsetenv("SCALENE_ATLAS_DATA");
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  // exportArticle with stderr captured in a file.
  ExportRun exportArticle(bool patient = false) const {
    Options options;
    options.exportArticle = output.string();
    options.patient = patient;
    const fs::path errPath = root / "stderr.txt";
    std::fflush(stderr);
    const int saved = ::dup(2);
    const int file = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    REQUIRE(saved >= 0);
    REQUIRE(file >= 0);
    ::dup2(file, 2);
    ::close(file);
    ExportRun run;
    run.exitCode = atlas::exportArticle(options);
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    std::ifstream in(errPath);
    std::stringstream text;
    text << in.rdbuf();
    run.err = text.str();
    return run;
  }
};

std::size_t lineCount(const std::string &text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

TEST_CASE("the --export-article option writes the handout only when every section is there and no file has a "
          "problem",
          "[cli][article][export][content]") {
  SECTION("the intact content exports") {
    ScratchData data("intact");
    const ExportRun run = data.exportArticle();
    INFO(run.err);
    CHECK(run.exitCode == 0);
    CHECK(run.err.empty());
    CHECK(fs::file_size(data.output) > 10000);
  }
  SECTION("missing sections: one line names them and the folder; nothing is written") {
    ScratchData data("missing");
    fs::remove(data.content / "article" / "05_causes.yaml");
    fs::remove(data.content / "article" / "13_faq.yaml");
    const ExportRun run = data.exportArticle();
    INFO(run.err);
    CHECK(run.exitCode == 1);
    CHECK_FALSE(fs::exists(data.output));
    CHECK_THAT(run.err, Catch::Contains("scalene-atlas: error: --export-article: " + data.content.string() +
                                        "/article lacks 2 of the article's 15 sections (causes, faq); "
                                        "nothing written\n"));
  }
  SECTION("a section file that cannot be read (here a YAML alias) leaves its section missing") {
    ScratchData data("alias");
    std::ofstream(data.content / "article" / "14_conclusion.yaml", std::ios::app)
        << "again: &a x\nmore: *a\n";
    const ExportRun run = data.exportArticle();
    INFO(run.err);
    CHECK(run.exitCode == 1);
    CHECK_FALSE(fs::exists(data.output));
    CHECK_THAT(run.err, Catch::Contains("14_conclusion.yaml:"));
    CHECK_THAT(run.err, Catch::Contains("YAML aliases (*a) are not allowed in content files"));
    CHECK_THAT(run.err, Catch::Contains("lacks 1 of the article's 15 sections (conclusion)"));
  }
  SECTION("a problem inside a section that still loads fails the export too") {
    ScratchData data("problem");
    const fs::path faq = data.content / "article" / "13_faq.yaml";
    std::ifstream in(faq);
    std::stringstream text;
    text << in.rdbuf();
    std::string yaml = text.str();
    yaml = yaml.substr(0, yaml.rfind("  - id: faq.")); // 14 of 15 questions
    in.close();
    std::ofstream(faq) << yaml;
    const ExportRun run = data.exportArticle();
    INFO(run.err);
    CHECK(run.exitCode == 1);
    CHECK_FALSE(fs::exists(data.output));
    const std::string idLine = std::to_string(
        std::count(yaml.begin(), yaml.begin() + static_cast<long>(yaml.find("id: faq")), '\n') + 1);
    CHECK_THAT(run.err, Catch::Contains("scalene-atlas: error: " + faq.string() + ":" + idLine +
                                        ": section 'faq' has 14 items; the article has 15\n"));
    CHECK_THAT(run.err, Catch::EndsWith("--export-article: 1 problem(s) in the content files of " +
                                        data.content.string() + " (above); nothing written\n"));
    CHECK(lineCount(run.err) == 2);
  }
}

TEST_CASE("the handout of --export-article, with and without --patient, shows the urgency tiers, every "
          "emergency sign, "
          "the clinical notes and the sources",
          "[cli][article][export][content][tier]") {
  for (const bool patient : {false, true}) {
    INFO((patient ? "--patient" : "clinician version"));
    ScratchData data(patient ? "tiers-patient" : "tiers");
    const ExportRun run = data.exportArticle(patient);
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    std::ifstream in(data.output);
    std::stringstream text;
    text << in.rdbuf();
    const std::string md = text.str();
    const std::size_t section = md.find("## 12. When to see a doctor");
    REQUIRE(section != std::string::npos);
    const std::size_t emergency =
        md.find("### Emergency now: call an ambulance or go to the emergency department", section);
    const std::size_t today = md.find("### See a doctor today", section);
    const std::size_t soon = md.find("### See a doctor soon (within days to a week)", section);
    REQUIRE(emergency != std::string::npos);
    REQUIRE(today != std::string::npos);
    REQUIRE(soon != std::string::npos);
    CHECK(emergency < today);
    CHECK(today < soon);
    // Every emergency sign of the content, in the version being read, sits in the emergency tier.
    const content::Article article = content::loadArticleWith(
        data.content.string(), content::loadKnowledgeBase(data.content.string()).knowledge);
    const content::ArticleSection *seeDoctor = article.findSection("see_doctor");
    REQUIRE(seeDoctor != nullptr);
    int signs = 0;
    for (const content::RedFlag &flag : seeDoctor->redFlags)
      if (flag.tier == "emergency") {
        const std::string words = content::plainText(patient ? flag.patient : flag.text);
        INFO(flag.id);
        const std::size_t at = md.find(words.substr(0, 40), emergency);
        CHECK(at != std::string::npos);
        CHECK(at < today);
        ++signs;
      }
    for (const content::ArticleItem &item : seeDoctor->items)
      if (item.tier == "emergency") {
        INFO(item.id);
        const std::size_t at =
            md.find(content::plainText(patient ? item.patient : item.text).substr(0, 40), emergency);
        CHECK(at != std::string::npos);
        CHECK(at < today);
        ++signs;
      }
    CHECK(signs >= 5);
    CHECK_THAT(md, Catch::Contains(patient ? "**Please note:**" : "**Correction:**"));
    CHECK_THAT(md, Catch::Contains("**Risks:**"));
    CHECK_THAT(md, Catch::Contains("\n## Sources\n"));
    CHECK_THAT(md, Catch::Contains("Stiell"));
  }
}

TEST_CASE("the teaching panel options parse, and a panel outside the list is refused", "[cli][teaching]") {
  Result<ParsedCommandLine> parsed =
      parse({"--panel", "teaching", "--show-teaching", "teaching.phrenic_nerve"});
  REQUIRE(parsed);
  CHECK(parsed->options.panel == PanelName::Teaching);
  CHECK(parsed->options.showTeaching == "teaching.phrenic_nerve");
  CHECK_FALSE(parse({"--panel", "teachings"}));
}

// The handout as a clinician would read it before giving it to a patient: the teaching entries are
// there in the version being read, before the disclaimer, with their works in the Sources list; the
// patient version has no doses, never speaks as the clinician and keeps every emergency sign.
TEST_CASE("the handout of --export-article carries the teaching entries, students' or patients' version, "
          "with their sources",
          "[cli][article][export][content][teaching]") {
  ScratchData data("teaching");
  const content::KnowledgeLoad knowledge = content::loadKnowledgeBase(data.content.string());
  const content::Teaching teaching = content::loadTeachingWith(data.content.string(), knowledge.knowledge);
  INFO([&] {
    std::string all;
    for (const std::string &p : teaching.problems)
      all += p + "\n";
    return all;
  }());
  REQUIRE(teaching.problems.empty());
  REQUIRE(teaching.entries.size() >= 8);
  const content::Bibliography &bibliography = knowledge.knowledge.bibliography();
  std::string student, patient;
  for (const bool forPatient : {false, true}) {
    const ExportRun run = data.exportArticle(forPatient);
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    std::ifstream in(data.output);
    std::stringstream text;
    text << in.rdbuf();
    (forPatient ? patient : student) = text.str();
  }
  const std::size_t studentHeading =
      student.find("\n## " + std::string(content::teachingHeading(false)) + "\n");
  const std::size_t patientHeading =
      patient.find("\n## " + std::string(content::teachingHeading(true)) + "\n");
  REQUIRE(studentHeading != std::string::npos);
  REQUIRE(patientHeading != std::string::npos);
  // Before the disclaimer (the handout's last word) and after the other sections.
  CHECK(studentHeading < student.find("\n## 15. Disclaimer\n"));
  CHECK(studentHeading > student.find("\n## 14. "));
  CHECK(patientHeading < patient.find("\n## 15. Disclaimer\n"));
  // The contents list it.
  CHECK_THAT(student, Catch::Contains("- [" + std::string(content::teachingHeading(false)) + "](#"));
  const std::size_t studentSources = student.find("\n## Sources\n");
  const std::size_t patientSources = patient.find("\n## Sources\n");
  REQUIRE(studentSources != std::string::npos);
  REQUIRE(patientSources != std::string::npos);
  for (const content::TeachingEntry &entry : teaching.entries) {
    INFO(entry.id);
    CHECK(student.find("### " + entry.title + "\n\n" + entry.text) > studentHeading);
    CHECK(student.find(entry.text) < studentSources);
    CHECK(student.find(entry.patient) == std::string::npos); // each reader gets one version
    REQUIRE(entry.hasPatientVersion());
    CHECK(patient.find("### " + entry.patientTitle + "\n\n" + entry.patient) > patientHeading);
    CHECK(patient.find(entry.text) == std::string::npos);
    // Every work an entry cites: its short cite under the entry, its full citation in the Sources list.
    for (const std::string &id : entry.sources) {
      const content::Work *work = bibliography.find(id);
      REQUIRE(work != nullptr);
      CHECK(student.find("- " + content::fullCite(*work) + "\n", studentSources) != std::string::npos);
      CHECK(patient.find("- " + content::fullCite(*work) + "\n", patientSources) != std::string::npos);
      CHECK(student.find(content::shortCite(*work), studentHeading) < studentSources);
    }
  }
  // The teaching part of the patient handout: no doses, never "we", the emergency advice kept.
  const std::string plainPart = patient.substr(patientHeading, patient.find("\n## 15. ") - patientHeading);
  const std::regex dose(R"(\b\d+([.,]\d+)?\s*(mg|mcg|g|ml|milligrams?|tablets?|capsules?)\b)",
                        std::regex::icase);
  const std::regex firstPersonPlural(R"(\b(we|us|our|ours|let's)\b)", std::regex::icase);
  CHECK_FALSE(std::regex_search(plainPart, dose));
  CHECK_FALSE(std::regex_search(plainPart, firstPersonPlural));
  CHECK_THAT(plainPart, Catch::Contains("ambulance"));
  // No dose anywhere in the patient handout either.
  std::smatch m;
  if (std::regex_search(patient, m, dose))
    FAIL_CHECK("a dose in the patient handout: " << m.str());
  // The teaching entries are not numbered like the article's items, so the item counts stay.
  CHECK(plainPart.find("\n1. **") == std::string::npos);
}
