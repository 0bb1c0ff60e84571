#include "content/readability.h"

#include <algorithm>
#include <cctype>

namespace atlas::content {
namespace {

bool isVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool endsWith(const std::string &s, const char *suffix) {
  const std::string end(suffix);
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

bool isWordChar(unsigned char c) {
  // Bytes of UTF-8 sequences (dashes, quotes) separate words, as spaces do.
  return std::isalnum(c) || c == '\'' || c == '-';
}

} // namespace

int countSyllables(const std::string &word) {
  std::string letters;
  for (unsigned char c : word)
    if (std::isalpha(c))
      letters += static_cast<char>(std::tolower(c));
  if (letters.empty())
    return 1;
  int groups = 0;
  bool inVowels = false;
  for (char c : letters) {
    const bool vowel = isVowel(c);
    if (vowel && !inVowels)
      ++groups;
    inVowels = vowel;
  }
  const std::size_t n = letters.size();
  const char beforeLast = n >= 2 ? letters[n - 2] : ' ';
  const char beforeEnding = n >= 3 ? letters[n - 3] : ' ';
  if (groups > 1) {
    if (letters.back() == 'e' && !(beforeLast == 'l' && !isVowel(beforeEnding)) && !isVowel(beforeLast))
      --groups; // silent e: "make", "ambulance"; not "table", not "free"
    else if (endsWith(letters, "ed") && beforeEnding != 't' && beforeEnding != 'd' && !isVowel(beforeEnding))
      --groups; // "walked"; not "wanted"
    else if (endsWith(letters, "es") && !isVowel(beforeEnding) &&
             std::string("sxzcgh").find(beforeEnding) == std::string::npos)
      --groups; // "takes"; not "uses", "changes", "boxes"
  }
  return groups < 1 ? 1 : groups;
}

TextCounts countText(const std::string &text) {
  TextCounts counts;
  std::string word;
  auto endWord = [&] {
    bool hasAlnum = false;
    for (unsigned char c : word)
      hasAlnum = hasAlnum || std::isalnum(c);
    if (hasAlnum) {
      ++counts.words;
      counts.syllables += countSyllables(word);
    }
    word.clear();
  };
  bool pendingEnd = false; // an end mark seen, waiting for a space or the end of the text
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    // A full stop inside a word ("2.5", "e.g") belongs to it; one after such a word ("e.g.") does
    // not end the sentence.
    const bool inWord = c == '.' && !word.empty() && i + 1 < text.size() &&
                        std::isalnum(static_cast<unsigned char>(text[i + 1]));
    if (inWord) {
      word += '.';
      continue;
    }
    const bool abbreviation =
        word.find('.') != std::string::npos &&
        std::any_of(word.begin(), word.end(), [](unsigned char w) { return std::isalpha(w); });
    if (c == '.' && abbreviation) {
      endWord();
      continue;
    }
    if (c == '.' || c == '!' || c == '?') {
      endWord();
      pendingEnd = true;
      continue;
    }
    if (pendingEnd && (std::isspace(c) || c == '"' || c == ')')) {
      ++counts.sentences;
      pendingEnd = false;
    } else if (pendingEnd && isWordChar(c)) {
      pendingEnd = false; // "e.g": not the end of a sentence
    }
    if (isWordChar(c))
      word += static_cast<char>(c);
    else
      endWord();
  }
  endWord();
  if (pendingEnd || (counts.sentences == 0 && counts.words > 0))
    ++counts.sentences;
  return counts;
}

double fleschKincaidGrade(const TextCounts &counts) {
  if (counts.words == 0 || counts.sentences == 0)
    return 0.0;
  const double words = counts.words;
  return 0.39 * (words / counts.sentences) + 11.8 * (counts.syllables / words) - 15.59;
}

double fleschKincaidGrade(const std::string &text) {
  return fleschKincaidGrade(countText(text));
}

} // namespace atlas::content
