// Teaching entries (content/teaching): the topics students are examined on are there, each links
// structure ids of the model and cites works of the bibliography, each has a patient version that a
// patient can read (reading grade, no doses, never "we", the emergency advice where it matters), a
// broken entry is reported with file and line, and ShowTeachingCommand drives the Teaching panel's
// state through the Session.
#include "content/bibliography.h"
#include "content/content_load.h"
#include "content/readability.h"
#include "content/teaching.h"
#include "session/session.h"
#include "support/fixtures.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <unistd.h>

using namespace atlas;
using namespace atlas::content;
namespace fs = std::filesystem;

namespace {

const std::string contentDir = std::string(ATLAS_SOURCE_DIR) + "/content";

const std::set<std::string> &structureIds() {
  static const std::set<std::string> ids = content::structureIds(loadKnowledgeBase(contentDir).knowledge);
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

namespace {

const Teaching &realTeaching() {
  static const Teaching teaching = loadTeaching(contentDir + "/teaching", structureIds(), workIds());
  return teaching;
}

// A scratch folder with one teaching file, removed afterwards.
struct ScratchTeaching {
  fs::path dir;
  ScratchTeaching(const std::string &name, const std::string &yaml) {
    dir = fs::temp_directory_path() / ("atlas-teaching-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "entries.yaml") << yaml;
  }
  ~ScratchTeaching() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  ScratchTeaching(const ScratchTeaching &) = delete;
  ScratchTeaching &operator=(const ScratchTeaching &) = delete;
};

// "no we, us, our": the app is not the patient's clinician (as tests/unit/test_readability.cpp).
const std::regex kFirstPersonPlural(R"(\b(we|us|our|ours|let's)\b)", std::regex::icase);
// A dose: a number with a unit of amount or a count of tablets ("20 mg", "2 tablets", "5ml").
const std::regex
    kDose(R"(\b\d+([.,]\d+)?\s*(mg|mcg|µg|g|ml|milligrams?|micrograms?|tablets?|pills?|capsules?|puffs?)\b)",
          std::regex::icase);

} // namespace

TEST_CASE("every teaching entry has a patient version that reads at grade 8 or below",
          "[teaching][content][readability]") {
  const Teaching &teaching = realTeaching();
  REQUIRE(teaching.entries.size() >= 8);
  int plain = 0;
  double sum = 0.0;
  for (const TeachingEntry &entry : teaching.entries) {
    INFO(entry.id << ": " << entry.patient);
    // One or the other, never neither: a patient must not be handed the students' words silently.
    CHECK(entry.patient.empty() != entry.patientNone.empty());
    if (!entry.hasPatientVersion())
      continue;
    ++plain;
    CHECK_FALSE(entry.patientTitle.empty());
    CHECK(entry.patient != entry.text);
    const double grade = fleschKincaidGrade(entry.patient);
    INFO("grade " << grade);
    CHECK(grade <= 8.0);
    // Plainer than the students' version, measured the same way.
    CHECK(grade < fleschKincaidGrade(entry.text));
    sum += grade;
    // Short sentences: a patient text is not one long paragraph-sentence.
    const TextCounts counts = countText(entry.patient);
    CHECK(counts.sentences >= 4);
    CHECK(static_cast<double>(counts.words) / counts.sentences <= 16.0);
  }
  // Most entries make sense to a patient; today all eight have a plain version.
  CHECK(plain >= 7);
  REQUIRE(plain > 0);
  const double mean = sum / plain;
  INFO("mean grade " << mean);
  CHECK(mean <= 7.0);
  WARN("teaching patient versions: mean Flesch-Kincaid grade " << mean << " over " << plain << " entries");
}

TEST_CASE("the patient versions never speak as the clinician, give no doses, and say when to get help",
          "[teaching][content]") {
  const Teaching &teaching = realTeaching();
  for (const TeachingEntry &entry : teaching.entries) {
    INFO(entry.id << ": " << entry.patient);
    std::smatch m;
    CHECK_FALSE(std::regex_search(entry.patient, m, kFirstPersonPlural));
    CHECK_FALSE(std::regex_search(entry.patient, m, kDose));
    CHECK_FALSE(std::regex_search(entry.patientTitle, m, kFirstPersonPlural));
  }
  // Where the topic touches an emergency, the patient text says what to do at once.
  const TeachingEntry *lung = teaching.find("teaching.suprapleural_membrane");
  REQUIRE(lung != nullptr);
  CHECK_THAT(lung->patient, Catch::Contains("needle") && Catch::Contains("ambulance"));
  const TeachingEntry *referral = teaching.find("teaching.scalene_trigger_points");
  REQUIRE(referral != nullptr);
  CHECK_THAT(referral->patient, Catch::Contains("heart") && Catch::Contains("ambulance"));
  const TeachingEntry *outlet = teaching.find("teaching.thoracic_outlet_spaces");
  REQUIRE(outlet != nullptr);
  CHECK_THAT(outlet->patient, Catch::Contains("at once"));
  // The checks themselves find what they look for.
  CHECK(std::regex_search(std::string("Take 20 mg twice a day."), kDose));
  CHECK(std::regex_search(std::string("Take 2 tablets."), kDose));
  CHECK_FALSE(std::regex_search(std::string("The first rib and the C7 bone."), kDose));
  CHECK(std::regex_search(std::string("Then we press on your neck."), kFirstPersonPlural));
}

TEST_CASE("a teaching entry without a patient version, or with both kinds, is reported",
          "[teaching][content][errors]") {
  const ScratchTeaching scratch("patient",
                                "entries:\n"
                                "  - id: teaching.none\n" // line 2: neither
                                "    title: None\n"
                                "    text: Text.\n"
                                "    sources: [gray41]\n"
                                "  - id: teaching.both\n" // line 6: both
                                "    title: Both\n"
                                "    patient_title: Both, plainly\n"
                                "    text: Text.\n"
                                "    patient: Plain text.\n"
                                "    patient_none: A reason.\n"
                                "    sources: [gray41]\n"
                                "  - id: teaching.untitled\n" // line 13: plain text, no plain title
                                "    title: Untitled\n"
                                "    text: Text.\n"
                                "    patient: Plain text.\n"
                                "    sources: [gray41]\n"
                                "  - id: teaching.reasoned\n" // line 18: no plain version, with a reason
                                "    title: Reasoned\n"
                                "    text: Text.\n"
                                "    patient_none: Only of use to a surgeon.\n"
                                "    sources: [gray41]\n");
  const Teaching teaching = loadTeaching(scratch.dir.string(), structureIds(), workIds());
  const std::string problems = joined(teaching.problems);
  INFO(problems);
  CHECK_THAT(problems,
             Catch::Contains("entries.yaml:2:") && Catch::Contains("'teaching.none' has no patient version"));
  CHECK_THAT(problems, Catch::Contains("entries.yaml:6:") &&
                           Catch::Contains("'teaching.both' has both 'patient:' and 'patient_none:'"));
  CHECK_THAT(problems,
             Catch::Contains("entries.yaml:13:") && Catch::Contains("'teaching.untitled' has a patient "
                                                                    "version but no 'patient_title:'"));
  CHECK(problems.find("teaching.reasoned") == std::string::npos);
  CHECK(teaching.problems.size() == 3);
  // The reasoned entry shows the students' text to both readers; a plain one its own words.
  const TeachingEntry *reasoned = teaching.find("teaching.reasoned");
  REQUIRE(reasoned != nullptr);
  CHECK_FALSE(reasoned->hasPatientVersion());
  CHECK(reasoned->textFor(true) == reasoned->text);
  CHECK(reasoned->titleFor(true) == "Reasoned");
  const TeachingEntry *both = teaching.find("teaching.both");
  REQUIRE(both != nullptr);
  CHECK(both->textFor(true) == "Plain text.");
  CHECK(both->titleFor(true) == "Both, plainly");
  CHECK(both->textFor(false) == "Text.");
  CHECK(both->titleFor(false) == "Both");
}

TEST_CASE("ShowTeachingCommand opens the Teaching panel at an entry, and the state reports it",
          "[teaching][session]") {
  Session session;
  session.setScene(atlas::test::makeTestScene());
  session.teaching = std::make_shared<Teaching>(realTeaching());
  nlohmann::json state = session.stateJson();
  CHECK(state["teaching"]["open"] == false);
  CHECK(state["teaching"]["entries"].get<std::size_t>() == realTeaching().entries.size());
  // Opened with no entry: the first is shown.
  REQUIRE(session.apply(ShowTeachingCommand{}));
  state = session.stateJson();
  CHECK(state["panel"] == "Teaching");
  CHECK(state["teaching"]["open"] == true);
  CHECK(state["teaching"]["entry"] == realTeaching().entries.front().id);
  // An entry by id; an unknown one is an error that changes nothing.
  REQUIRE(session.apply(ShowTeachingCommand{"teaching.phrenic_nerve"}));
  const Result<void> unknown = session.apply(ShowTeachingCommand{"teaching.no_such_topic"});
  REQUIRE_FALSE(unknown);
  CHECK_THAT(unknown.error(), Catch::Contains("no teaching entry with id 'teaching.no_such_topic'"));
  CHECK(session.stateJson()["teaching"]["entry"] == "teaching.phrenic_nerve");
  // In patient reading the state says the plain version is shown.
  CHECK(session.stateJson()["teaching"]["patient_version"] == false);
  session.articleView.patientMode = true;
  CHECK(session.stateJson()["teaching"]["patient_version"] == true);
  // A cite opens the Sources panel over it; closing the Sources gives the Teaching panel back.
  REQUIRE(session.apply(ShowSourceCommand{}));
  CHECK(session.stateJson()["panel"] == "Sources");
  REQUIRE(session.apply(ShowSourceCommand{"", false}));
  CHECK(session.stateJson()["panel"] == "Teaching");
  // Opening the Teaching panel closes the Sources panel, which would hide it.
  REQUIRE(session.apply(ShowSourceCommand{}));
  REQUIRE(session.apply(ShowTeachingCommand{"teaching.clinical_tests"}));
  state = session.stateJson();
  CHECK(state["panel"] == "Teaching");
  CHECK(state["sources"]["open"] == false);
  CHECK(state["teaching"]["entry"] == "teaching.clinical_tests");
  // Closed: the panel the UI shows otherwise.
  REQUIRE(session.apply(ShowTeachingCommand{"", false}));
  CHECK(session.stateJson()["teaching"]["open"] == false);
  CHECK(session.stateJson()["panel"] != "Teaching");
}
