#include "session/quiz_answers.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

namespace atlas::quiz {
namespace {

// Latin-1 letters U+00C0..U+00FF (UTF-8 C3 80..C3 BF) without their accents; "" for × and ÷.
const char *foldLatin1(unsigned char second) {
  static const char *const table[64] = {"a", "a", "a", "a", "a",  "a",  "ae", "c", "e", "e", "e",  "e", "i",
                                        "i", "i", "i", "d", "n",  "o",  "o",  "o", "o", "o", "",   "o", "u",
                                        "u", "u", "u", "y", "th", "ss", "a",  "a", "a", "a", "a",  "a", "ae",
                                        "c", "e", "e", "e", "e",  "i",  "i",  "i", "i", "d", "n",  "o", "o",
                                        "o", "o", "o", "",  "o",  "u",  "u",  "u", "u", "y", "th", "y"};
  return second >= 0x80 && second <= 0xBF ? table[second - 0x80] : "";
}

// Side words, English and Latin, as the English word the model's names use.
std::string sideWord(const std::string &word) {
  if (word == "left" || word == "sinister" || word == "sinistra" || word == "sinistrum" || word == "l")
    return "left";
  if (word == "right" || word == "dexter" || word == "dextra" || word == "dextrum" || word == "r")
    return "right";
  return "";
}

struct Parsed {
  std::string side; // "left", "right" or ""
  std::string rest; // the other words, single spaces
  std::string digits;
};

Parsed parse(const std::string &text) {
  Parsed p;
  std::istringstream words(normaliseAnswer(text));
  std::string word;
  while (words >> word) {
    if (word == "the" || word == "a" || word == "an")
      continue; // "arch of aorta" names the arch of the aorta
    // A lone "l"/"r" is a side only at the ends ("scalenus medius l"); elsewhere it is part of a name.
    if (const std::string side = sideWord(word); !side.empty() && (word.size() > 1 || words.peek() == EOF)) {
      p.side = side;
      continue;
    }
    p.rest += (p.rest.empty() ? "" : " ") + word;
    for (char c : word)
      if (std::isdigit(static_cast<unsigned char>(c)))
        p.digits += c;
  }
  return p;
}

std::size_t letterCount(const std::string &text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return c != ' '; }));
}

} // namespace

std::string normaliseAnswer(const std::string &text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (std::isalnum(c))
        out += static_cast<char>(std::tolower(c));
      else if (c != '\'')
        out += ' '; // "Sibson's" == "Sibsons"; other punctuation separates words
    } else if (c == 0xC3 && i + 1 < text.size()) {
      out += foldLatin1(static_cast<unsigned char>(text[++i]));
    } else if (c == 0xC5 && i + 1 < text.size() &&
               (static_cast<unsigned char>(text[i + 1]) == 0x92 ||
                static_cast<unsigned char>(text[i + 1]) == 0x93)) {
      out += "oe"; // œ, Œ
      ++i;
    } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) == 0x98 ||
                static_cast<unsigned char>(text[i + 2]) == 0x99)) {
      i += 2; // curly apostrophes, like "'"
    } else {
      // Any other character (dashes, symbols, letters without an ASCII form): a word break. Skip its
      // continuation bytes.
      while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80)
        ++i;
      out += ' ';
    }
  }
  std::string collapsed;
  std::istringstream words(out);
  std::string word;
  while (words >> word)
    collapsed += (collapsed.empty() ? "" : " ") + word;
  return collapsed;
}

int typoDistance(const std::string &a, const std::string &b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = 0; i <= n; ++i)
    d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j)
    d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1); // two neighbours swapped
    }
  return d[n][m];
}

int allowedTypos(const std::string &expected) {
  const std::size_t letters = letterCount(expected);
  return letters <= 4 ? 0 : letters <= 8 ? 1 : 2;
}

bool namesMatch(const std::string &answer, const std::string &accepted) {
  const Parsed a = parse(answer), e = parse(accepted);
  if (a.rest.empty() || e.rest.empty())
    return false;
  if (!a.side.empty() && a.side != e.side)
    return false; // the wrong side, or a side the answer should not have
  if (a.digits != e.digits)
    return false; // C5 is never C6, however long the rest
  return typoDistance(a.rest, e.rest) <= allowedTypos(e.rest);
}

bool matchesAny(const std::string &answer, const std::vector<std::string> &accepted) {
  return std::any_of(accepted.begin(), accepted.end(),
                     [&](const std::string &text) { return namesMatch(answer, text); });
}

ClickScore scoreClicks(const std::vector<std::string> &clicked, const std::vector<std::string> &expected) {
  ClickScore score;
  const std::set<std::string> wanted(expected.begin(), expected.end());
  const std::set<std::string> given(clicked.begin(), clicked.end());
  score.expected = static_cast<int>(wanted.size());
  for (const std::string &id : given)
    (wanted.count(id) ? score.found : score.wrong) += 1;
  if (score.expected > 0)
    score.credit = std::clamp(static_cast<double>(score.found - score.wrong) / score.expected, 0.0, 1.0);
  return score;
}

std::vector<std::string> splitAnswerList(const std::string &text) {
  std::vector<std::string> items;
  std::string item;
  auto flush = [&] {
    const auto first = item.find_first_not_of(" \t");
    const auto last = item.find_last_not_of(" \t");
    if (first != std::string::npos)
      items.push_back(item.substr(first, last - first + 1));
    item.clear();
  };
  for (char c : text) {
    if (c == ',' || c == ';')
      flush();
    else
      item += c;
  }
  flush();
  return items;
}

} // namespace atlas::quiz
