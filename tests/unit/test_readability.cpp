// Readability: the Flesch-Kincaid grade and its syllable heuristic on words and sentences whose
// counts are known, then the article's patient text held to a reading age of about 11-12.
//
// Thresholds, and why: a US grade of 7 is a reading age of 12-13, the upper end of what plain-
// language guides for patient information aim at, so the patient text of the whole article must
// average grade 7.0 or lower over its sections. One section may run a little higher (up to 8.0),
// because a section about medicines or operations has to name them ("anti-inflammatory" is six
// syllables and has no plain substitute a pharmacist would recognise). A single patient note is
// short, so one long word moves its grade a lot: no note may be above grade 9.0. Item terms are
// left out: they are the names a patient meets on packs and letters, kept as they are on purpose.
#include "content/article.h"
#include "content/content_load.h"
#include "content/readability.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <regex>
#include <sstream>

using namespace atlas::content;

namespace {

const std::string contentDir = std::string(ATLAS_SOURCE_DIR) + "/content";

const Article &patientArticle() {
  static const Article loaded = [] {
    return loadArticleWith(contentDir, loadKnowledgeBase(contentDir).knowledge);
  }();
  return loaded;
}

// Everything a patient reads in a section, with link markup removed, sentences joined by spaces.
std::string patientText(const ArticleSection &section) {
  std::string text = plainText(section.patientIntro);
  for (const std::string &p : section.patientParagraphs)
    text += " " + plainText(p);
  for (const ArticleItem &item : section.items) {
    text += " " + plainText(item.patient);
    for (const ClinicalNote &note : item.clinicalNotes)
      text += " " + plainText(note.patient);
  }
  for (const RedFlag &flag : section.redFlags)
    text += " " + plainText(flag.patient);
  return text;
}

} // namespace

TEST_CASE("syllables are counted by vowel groups with the silent-e, -ed and -es rules", "[readability]") {
  CHECK(countSyllables("cat") == 1);
  CHECK(countSyllables("the") == 1);
  CHECK(countSyllables("make") == 1);      // silent e
  CHECK(countSyllables("table") == 2);     // -le after a consonant is sounded
  CHECK(countSyllables("whole") == 1);     // -le after a vowel is not
  CHECK(countSyllables("agree") == 2);     // a final e after a vowel is not silent
  CHECK(countSyllables("walked") == 1);    // silent -ed
  CHECK(countSyllables("wanted") == 2);    // -ed after t is sounded
  CHECK(countSyllables("takes") == 1);     // silent -es
  CHECK(countSyllables("changes") == 2);   // -es after g is sounded
  CHECK(countSyllables("breathing") == 2); // "ea" is one vowel group
  CHECK(countSyllables("ambulance") == 3);
  CHECK(countSyllables("readability") == 5);
  CHECK(countSyllables("Doctor's") == 2); // case and apostrophes do not matter
  CHECK(countSyllables("65") == 1);       // a number is one word of one syllable
}

TEST_CASE("words and sentences are counted, numbers and abbreviations do not end sentences",
          "[readability]") {
  TextCounts c = countText("The cat sat on the mat.");
  CHECK(c.words == 6);
  CHECK(c.sentences == 1);
  CHECK(c.syllables == 6);
  c = countText("Call an ambulance now! Do not wait. Is it worse?");
  CHECK(c.words == 10);
  CHECK(c.sentences == 3);
  c = countText("Take 2.5 steps, e.g. slowly");
  CHECK(c.words == 5); // "2.5" and "e.g" are single words
  CHECK(c.sentences == 1);
  c = countText("A pain gel \xe2\x80\x94 not a pill \xe2\x80\x94 comes first"); // em dashes separate words
  CHECK(c.words == 8);
  CHECK(countText("").words == 0);
}

TEST_CASE("the Flesch-Kincaid grade matches hand-worked sentences", "[readability]") {
  // 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59 = -1.45.
  CHECK(fleschKincaidGrade("The cat sat on the mat.") == Approx(-1.45));
  // 8 words, 1 sentence, 10 syllables ("am-bu-lance" 3, the rest 1 each):
  // 0.39 * 8 + 11.8 * 10 / 8 - 15.59 = 2.28.
  const TextCounts c = countText("Call an ambulance now if your chest hurts.");
  CHECK(c.words == 8);
  CHECK(c.syllables == 10);
  CHECK(fleschKincaidGrade(c) == Approx(2.28));
  // 10 words, 1 sentence, 20 syllables: 0.39 * 10 + 11.8 * 2 - 15.59 = 11.91.
  CHECK(fleschKincaidGrade(TextCounts{10, 1, 20}) == Approx(11.91));
  CHECK(fleschKincaidGrade("") == 0.0);
  // Long words and long sentences read harder.
  CHECK(fleschKincaidGrade(
            "Anti-inflammatory medication occasionally precipitates gastrointestinal haemorrhage.") >
        fleschKincaidGrade("These pills can make your stomach bleed."));
}

TEST_CASE("the patient text of the article reads at about age 11-12 (Flesch-Kincaid grade)",
          "[readability][article]") {
  const Article &article = patientArticle();
  REQUIRE(article.sections.size() == articleContract().size());
  double sum = 0.0;
  std::ostringstream report;
  for (const ArticleSection &section : article.sections) {
    const double grade = fleschKincaidGrade(patientText(section));
    report << section.id << " " << std::round(grade * 10.0) / 10.0 << "\n";
    INFO(section.id << " grade " << grade);
    CHECK(grade <= 8.0);
    sum += grade;
  }
  const double mean = sum / static_cast<double>(article.sections.size());
  INFO(report.str() << "mean " << mean);
  CHECK(mean <= 7.0);
  WARN(report.str() << "mean " << mean); // the figures, for the record
}

TEST_CASE("every patient note and red flag reads at grade 9 or below", "[readability][article]") {
  int notes = 0;
  for (const ArticleSection &section : patientArticle().sections) {
    for (const ArticleItem &item : section.items)
      for (const ClinicalNote &note : item.clinicalNotes) {
        INFO(item.id << ": " << note.patient);
        CHECK(fleschKincaidGrade(plainText(note.patient)) <= 9.0);
        ++notes;
      }
    for (const RedFlag &flag : section.redFlags) {
      INFO(flag.id << ": " << flag.patient);
      CHECK(fleschKincaidGrade(plainText(flag.patient)) <= 9.0);
      ++notes;
    }
  }
  CHECK(notes >= 30); // the notes exist: a test over nothing would pass
}

TEST_CASE("the patient text never speaks as the reader's clinician (no we, us, our)",
          "[readability][article]") {
  // The app is not the patient's clinician: "we check your reflexes" would say it is.
  const std::regex firstPersonPlural(R"(\b(we|us|our|ours|let's)\b)", std::regex::icase);
  for (const ArticleSection &section : patientArticle().sections) {
    const std::string text = patientText(section);
    std::smatch m;
    INFO(section.id);
    if (std::regex_search(text, m, firstPersonPlural))
      FAIL_CHECK("'" << m.str() << "' in: ..."
                     << text.substr(static_cast<std::size_t>(std::max<long>(0, m.position() - 60)), 140));
    CHECK_FALSE(text.empty());
  }
  // The check itself finds the word it looks for.
  CHECK(std::regex_search(std::string("Then we measure how far you move."), firstPersonPlural));
  CHECK_FALSE(std::regex_search(std::string("Wear a collar. Use a warm pack."), firstPersonPlural));
}
