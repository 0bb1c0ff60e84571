// The self-test's answer checking (session/quiz_answers.h): typed names forgive case, accents,
// punctuation, word order of the side and small typos, but never a wrong side or a wrong level; several
// clicks earn partial credit.
#include "session/quiz_answers.h"

#include <catch2/catch.hpp>

using namespace atlas::quiz;

TEST_CASE("answers are normalised: case, accents, punctuation and spaces", "[quiz][answers]") {
  CHECK(normaliseAnswer("  Scalenus   MEDIUS (Left). ") == "scalenus medius left");
  CHECK(normaliseAnswer("Scal\xC3\xA8ne m\xC3\xA9"
                        "dius") == "scalene medius");           // è, é
  CHECK(normaliseAnswer("\xC3\x86sop \xC3\x9F") == "aesop ss"); // Æ, ß
  CHECK(normaliseAnswer("Sibson's fascia") == normaliseAnswer("Sibsons fascia"));
  CHECK(normaliseAnswer("C2\xE2\x80\x93"
                        "C3") == "c2 c3"); // an en dash separates words
  CHECK(normaliseAnswer("?!.,") == "");
}

TEST_CASE("the typo distance counts swaps of neighbours as one edit", "[quiz][answers]") {
  CHECK(typoDistance("medius", "medius") == 0);
  CHECK(typoDistance("medius", "mdeius") == 1); // swap
  CHECK(typoDistance("medius", "medus") == 1);  // deletion
  CHECK(typoDistance("medius", "mediuss") == 1);
  CHECK(typoDistance("medius", "madius") == 1);
  CHECK(typoDistance("", "abc") == 3);
  CHECK(typoDistance("kitten", "sitting") == 3);
  CHECK(allowedTypos("c5") == 0);
  CHECK(allowedTypos("dens") == 0);
  CHECK(allowedTypos("clavicle") == 1); // 8 letters
  CHECK(allowedTypos("scalenus medius") == 2);
}

TEST_CASE("typed names match with the side in any place, never the wrong side", "[quiz][answers]") {
  const std::string name = "Scalenus medius (left)";
  CHECK(namesMatch("left scalenus medius", name));
  CHECK(namesMatch("scalenus medius, left", name));
  CHECK(namesMatch("SCALENUS MEDIUS", name)); // no side given: the lit part's side is not asked
  CHECK(namesMatch("scalenus medius sinister", name));
  CHECK_FALSE(namesMatch("right scalenus medius", name));
  CHECK_FALSE(namesMatch("scalenus medius dexter", name));
  CHECK_FALSE(namesMatch("scalenus anterior left", name));
  // A side where the part has none is wrong.
  CHECK(namesMatch("manubrium of sternum", "Manubrium of sternum"));
  CHECK_FALSE(namesMatch("left manubrium of sternum", "Manubrium of sternum"));
}

TEST_CASE("small typos pass, by the length of the name, and levels must be exact", "[quiz][answers]") {
  CHECK(namesMatch("scalenus medus", "Scalenus medius (left)"));
  CHECK(namesMatch("sclaenus mdeius", "Scalenus medius (left)"));    // two swaps
  CHECK_FALSE(namesMatch("scalnus mdus", "Scalenus medius (left)")); // three edits
  CHECK(namesMatch("clavicel", "Clavicle"));
  CHECK_FALSE(namesMatch("clavcel", "Clavicle")); // two edits on 8 letters
  CHECK_FALSE(namesMatch("dena", "Dens"));        // four letters: exact only
  CHECK_FALSE(namesMatch("c6", "C5"));
  CHECK_FALSE(namesMatch("ventral ramus of c6", "Ventral ramus of C5 (left)"));
  CHECK(namesMatch("ventral ramus of c5", "Ventral ramus of C5 (left)"));
  CHECK(namesMatch("musculus scalenus m\xC3\xA9"
                   "dius",
                   "Musculus scalenus medius (right)"));
  CHECK(namesMatch("arch of aorta", "Arch of the aorta"));
  CHECK(matchesAny("first rib", {"Second rib (left)", "First rib (left)"}));
  CHECK_FALSE(matchesAny("first rib", {"Second rib (left)"}));
  CHECK_FALSE(namesMatch("", "Clavicle"));
}

TEST_CASE("several clicks earn the fraction found, less the wrong ones", "[quiz][answers]") {
  const std::vector<std::string> origin{"c4", "c5", "c6"};
  ClickScore all = scoreClicks({"c6", "c4", "c5"}, origin);
  CHECK(all.found == 3);
  CHECK(all.wrong == 0);
  CHECK(all.credit == Approx(1.0));
  CHECK(scoreClicks({"c4", "c5"}, origin).credit == Approx(2.0 / 3.0));
  CHECK(scoreClicks({"c4", "c5", "c6", "c7"}, origin).credit == Approx(2.0 / 3.0));
  CHECK(scoreClicks({"c4", "c4", "c4"}, origin).credit == Approx(1.0 / 3.0)); // one part, once
  CHECK(scoreClicks({"c7", "c3"}, origin).credit == Approx(0.0));             // never below zero
  CHECK(scoreClicks({}, origin).credit == Approx(0.0));
  CHECK(splitAnswerList(" c4, c5;c6 ,, ") == std::vector<std::string>{"c4", "c5", "c6"});
}
