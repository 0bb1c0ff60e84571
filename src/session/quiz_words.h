// Counted nouns for the self-test's text (issue 15): "1 card", "2 cards", "forgotten 1 time", so that
// no panel or message says "1 times". No GL, no ImGui.
#pragma once

#include <string>

namespace atlas::quiz {

// "<n> <singular>" for one, "<n> <plural>" otherwise (zero included: "0 cards").
inline std::string countOf(long long n, const std::string &singular, const std::string &plural) {
  return std::to_string(n) + " " + (n == 1 || n == -1 ? singular : plural);
}

} // namespace atlas::quiz
