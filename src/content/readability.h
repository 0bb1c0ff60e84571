// Readability of plain-language text: the Flesch-Kincaid grade level, so the patient version of the
// article can be held to a reading age of about 11-12 (US school grade 6-7) by a test.
//
//   grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
//
// (Kincaid JP, Fishburne RP, Rogers RL, Chissom BS 1975, Derivation of new readability formulas
// for Navy enlisted personnel, Research Branch Report 8-75, Naval Technical Training Command.)
// Syllables are estimated, not looked up: see countSyllables(). No GL, no ImGui.
#pragma once

#include <string>

namespace atlas::content {

struct TextCounts {
  int words = 0;
  int sentences = 0;
  int syllables = 0;
};

// Syllables of one word, by a heuristic that is right for most everyday English words:
// each run of vowels (a e i o u y) is one syllable; a silent final "e" does not count (but "-le"
// after a consonant does: "ta-ble"); a final "-ed" is silent except after t or d ("walked" 1,
// "wanted" 2); a final "-es" is silent except after s, x, z, c, g, h ("takes" 1, "uses" 2);
// every word has at least one. Non-letters are ignored; a word without letters (a number) is 1.
int countSyllables(const std::string &word);

// Words: runs of letters, digits, apostrophes and hyphens ("don't", "x-ray" is one word), and
// full stops between two such characters ("2.5", "e.g"). Sentences: runs of '.', '!' or '?' that
// end the text or are followed by a space, except the full stop that closes an abbreviation with
// inner stops ("e.g."); text without an end mark is one sentence.
TextCounts countText(const std::string &text);

// Flesch-Kincaid grade of the counts; 0 for text without words.
double fleschKincaidGrade(const TextCounts &counts);
double fleschKincaidGrade(const std::string &text);

} // namespace atlas::content
