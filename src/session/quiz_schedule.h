// Spaced repetition for the self-test (issue 15): when each card comes back, by the SM-2 algorithm
// (P. A. Wozniak, 1990, "Optimization of learning", master's thesis, Poznan University of Technology;
// published as "SuperMemo 2" at super-memory.com/english/ol/sm2.htm). Days are whole numbers (days
// since 1970-01-01 UTC) passed in by the caller: nothing here reads a clock, so runs are repeatable.
// No GL, no ImGui, no files.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace atlas::quiz {

using Day = std::int64_t;

// The day (since the Unix epoch, UTC) that holds `unixSeconds`; negative times round down.
Day dayFromUnixSeconds(std::int64_t unixSeconds);

// A card is addressed by "<kind>:<subject>": kind one of find, name, attachment, supply, relation,
// source; subject a structure, landmark or claim id ("find:scalenus_medius_left"). Progress is kept
// by this key, so it survives model and content updates.
inline const std::vector<std::string> &cardKinds() {
  static const std::vector<std::string> kinds = {"find",   "name",     "attachment",
                                                 "supply", "relation", "source"};
  return kinds;
}
std::string cardKey(const std::string &kind, const std::string &subject);
struct CardKeyParts {
  std::string kind, subject;
};
// The parts of a well-formed key whose kind is one of cardKinds(); nullopt otherwise (such keys are
// kept in the progress file and ignored).
std::optional<CardKeyParts> splitCardKey(const std::string &key);

// What SM-2 keeps per item, plus counts for the progress view.
struct CardState {
  int repetitions = 0;   // n: correct repetitions in a row since the card was new or last forgotten
  double easiness = 2.5; // EF, the E-Factor (SM-2 step 2: every item starts at 2.5)
  int interval = 0;      // days until the next repetition, I(n); 0 for a card never answered
  Day due = 0;           // the day it is due again
  int lapses = 0;        // answers graded below 3 (forgotten)
  int lastGrade = -1;    // q of the last answer, -1 before the first
  int reviews = 0;       // answers given, same-day drills included
  Day lastReview = -1;   // the day of the last answer, -1 before the first
};

inline constexpr double kInitialEasiness = 2.5; // SM-2 step 2
inline constexpr double kMinimumEasiness = 1.3; // SM-2 step 5: "If EF is less than 1.3 then let EF be 1.3"

// SM-2 step 5: EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)), never below 1.3.
double nextEasiness(double easiness, int grade);

// One answer graded q (0..5, SM-2 step 4) on `today`, following the published steps:
//  - q >= 3: n grows by one and the next interval is I(1) = 1, I(2) = 6, I(n) = I(n-1) * EF rounded
//    up to a whole day (step 3). The interval uses the E-Factor the card had when it was asked; the
//    text leaves the order open, and this is the common reading. Then EF is updated (step 5).
//  - q < 3: repetitions start again from I(1) "without changing the E-Factor" (step 6); a lapse.
//  - Step 7 (items graded below 4 are drilled again the same day until they reach 4): an answer on
//    the day of a previous answer graded below 4 is such a drill. It records the grade but leaves n,
//    EF and the interval alone, as the drill is not a spaced repetition.
CardState review(const CardState &card, int grade, Day today);

// Due: the due day has come, or the card is in today's step-7 drill (last answered today below 4).
bool isDue(const CardState &card, Day today);
bool inTodaysDrill(const CardState &card, Day today);

// Grade of one quiz answer (the mapping onto the SM-2 scale, ours):
//   credit 1 (all right), first try, no hint      -> 5 "perfect response"
//   credit 1 after a retry or a hint             -> 4 "correct response after a hesitation"
//   credit at least 0.5 (e.g. 2 of 3 tubercles)  -> 3 "correct response recalled with serious difficulty"
//   some credit, under 0.5                       -> 2 "incorrect; the correct one seemed easy to recall"
//   nothing right                                -> 1 "incorrect response; the correct one remembered"
// Grade 0 (blackout) is kept for a question skipped without an answer.
struct AnswerOutcome {
  double credit = 0.0; // 0..1, partial credit for several-part answers
  bool firstTry = true;
  bool hinted = false;
  bool skipped = false;
};
int gradeFor(const AnswerOutcome &outcome);

// The order to ask `keys` in: cards due (most overdue first, then lowest EF), then new cards (no
// state in `cards`, in the order given), then learned cards not yet due (soonest first). Ties keep
// the given order, so the same inputs always give the same order.
std::vector<std::string> priorityOrder(const std::vector<std::string> &keys,
                                       const std::map<std::string, CardState> &cards, Day today);

// The same order as one number per card, higher first (for a sort by score, such as the quiz
// draw's priority): due cards above new ones above learned ones not yet due.
double priorityScore(const std::map<std::string, CardState> &cards, const std::string &key, Day today);

// What the progress view shows. Only cards with a key of cardKinds() count; when `known` is not
// empty, only those keys (the cards the current model and content can still ask).
struct WeakSpot {
  std::string key;
  double easiness = kInitialEasiness;
  int lapses = 0;
};
struct ProgressSummary {
  int cards = 0;   // cards answered at least once
  int due = 0;     // isDue today
  int learned = 0; // remembered at least twice in a row since last forgotten (n >= 2, interval >= 6 days)
  std::vector<WeakSpot> weakSpots; // lowest EF first, then most lapses; only cards with a lapse or EF < 2.5
};
ProgressSummary summarize(const std::map<std::string, CardState> &cards, Day today,
                          const std::vector<std::string> &known = {}, std::size_t weakSpotLimit = 5);

} // namespace atlas::quiz
