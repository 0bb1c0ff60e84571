// Answer checking for the self-test (issue 15): typed names are compared after normalising case,
// accents, punctuation and side words, with a small typo allowance; clicks on the model are compared
// by structure id, and a question with several right parts gives partial credit. No GL, no ImGui.
#pragma once

#include <string>
#include <vector>

namespace atlas::quiz {

// Lower case, accents folded (UTF-8 é -> e, æ -> ae...), punctuation and brackets to spaces, spaces
// collapsed: "Scalenus  medius (LEFT)." -> "scalenus medius left".
std::string normaliseAnswer(const std::string &text);

// Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
// swaps of two neighbouring letters), on bytes of already normalised text.
int typoDistance(const std::string &a, const std::string &b);
// The typos forgiven in an answer to `expected` (normalised, letters only counted): none up to 4
// letters, 1 up to 8, 2 beyond - so "c5" never passes for "c6" but "scalenus medus" does.
int allowedTypos(const std::string &expected);

// Does the typed `answer` name `accepted` (a display name, Latin name or id)? Side words (left, right,
// sinister, dexter) are compared apart from the rest: "left scalenus medius" names "Scalenus medius
// (left)", a wrong side never passes, and an answer without a side passes for either.
bool namesMatch(const std::string &answer, const std::string &accepted);
// True when the answer matches any of `accepted`.
bool matchesAny(const std::string &answer, const std::vector<std::string> &accepted);

// Credit for a set of clicked ids against the ids expected: (right clicks - wrong clicks) / expected,
// clamped to [0, 1]; clicking the same part twice counts once.
struct ClickScore {
  int found = 0, wrong = 0, expected = 0;
  double credit = 0.0;
};
ClickScore scoreClicks(const std::vector<std::string> &clicked, const std::vector<std::string> &expected);

// "c4, c5;c6" -> {"c4", "c5", "c6"}: an answer to a several-click question given as text.
std::vector<std::string> splitAnswerList(const std::string &text);

} // namespace atlas::quiz
