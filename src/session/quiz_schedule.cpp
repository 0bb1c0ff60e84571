#include "session/quiz_schedule.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace atlas::quiz {

Day dayFromUnixSeconds(std::int64_t unixSeconds) {
  constexpr std::int64_t kSecondsPerDay = 86400;
  const std::int64_t day = unixSeconds / kSecondsPerDay;
  return (unixSeconds % kSecondsPerDay < 0) ? day - 1 : day;
}

std::string cardKey(const std::string &kind, const std::string &subject) {
  return kind + ":" + subject;
}

std::optional<CardKeyParts> splitCardKey(const std::string &key) {
  const std::size_t colon = key.find(':');
  if (colon == std::string::npos || colon + 1 >= key.size())
    return std::nullopt;
  CardKeyParts parts{key.substr(0, colon), key.substr(colon + 1)};
  const auto &kinds = cardKinds();
  if (std::find(kinds.begin(), kinds.end(), parts.kind) == kinds.end())
    return std::nullopt;
  return parts;
}

double nextEasiness(double easiness, int grade) {
  const double miss = 5.0 - grade;
  return std::max(kMinimumEasiness, easiness + (0.1 - miss * (0.08 + miss * 0.02)));
}

bool inTodaysDrill(const CardState &card, Day today) {
  return card.lastReview == today && card.lastGrade >= 0 && card.lastGrade < 4;
}

bool isDue(const CardState &card, Day today) {
  return card.lastReview < 0 || card.due <= today || inTodaysDrill(card, today);
}

CardState review(const CardState &card, int grade, Day today) {
  grade = std::clamp(grade, 0, 5);
  CardState next = card;
  next.reviews += 1;
  const bool drill = inTodaysDrill(card, today);
  next.lastGrade = grade;
  next.lastReview = today;
  if (drill)
    return next; // step 7: a same-day drill changes no schedule
  if (grade < 3) {
    // Step 6: begin again from I(1) with the E-Factor unchanged.
    next.repetitions = 0;
    next.interval = 1;
    next.lapses += 1;
  } else {
    next.repetitions += 1;
    if (next.repetitions == 1)
      next.interval = 1;
    else if (next.repetitions == 2)
      next.interval = 6;
    else // "If interval is a fraction, round it up to the nearest integer." A small epsilon keeps
         // 6 * 2.5 = 15 at 15 when the product lands a hair above it in floating point.
      next.interval = static_cast<int>(std::ceil(card.interval * card.easiness - 1e-9));
    next.easiness = nextEasiness(card.easiness, grade);
  }
  next.due = today + next.interval;
  return next;
}

int gradeFor(const AnswerOutcome &outcome) {
  if (outcome.skipped)
    return 0;
  const double credit = std::clamp(outcome.credit, 0.0, 1.0);
  if (credit >= 1.0)
    return outcome.firstTry && !outcome.hinted ? 5 : 4;
  if (credit >= 0.5)
    return 3;
  if (credit > 0.0)
    return 2;
  return 1;
}

std::vector<std::string> priorityOrder(const std::vector<std::string> &keys,
                                       const std::map<std::string, CardState> &cards, Day today) {
  struct Ranked {
    int group; // 0 due, 1 new, 2 learned and not yet due
    Day due;
    double easiness;
    std::size_t given;
    const std::string *key;
  };
  std::vector<Ranked> ranked;
  ranked.reserve(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto it = cards.find(keys[i]);
    if (it == cards.end() || it->second.lastReview < 0)
      ranked.push_back({1, 0, kInitialEasiness, i, &keys[i]});
    else if (isDue(it->second, today))
      ranked.push_back(
          {0, inTodaysDrill(it->second, today) ? today : it->second.due, it->second.easiness, i, &keys[i]});
    else
      ranked.push_back({2, it->second.due, it->second.easiness, i, &keys[i]});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) {
    if (a.group != b.group)
      return a.group < b.group;
    if (a.group == 1)
      return a.given < b.given;
    if (a.due != b.due)
      return a.due < b.due;
    if (a.easiness != b.easiness)
      return a.easiness < b.easiness;
    return a.given < b.given;
  });
  std::vector<std::string> order;
  order.reserve(ranked.size());
  for (const Ranked &r : ranked)
    order.push_back(*r.key);
  return order;
}

double priorityScore(const std::map<std::string, CardState> &cards, const std::string &key, Day today) {
  constexpr double kDueBase = 2e12, kNew = 1e12;
  const auto it = cards.find(key);
  if (it == cards.end() || it->second.lastReview < 0)
    return kNew;
  const CardState &card = it->second;
  if (isDue(card, today)) {
    // Each day overdue outweighs any difference of easiness (EF stays below 100).
    const Day overdue = inTodaysDrill(card, today) ? 0 : today - card.due;
    return kDueBase + static_cast<double>(overdue) * 1000.0 + (100.0 - card.easiness);
  }
  return -static_cast<double>(card.due - today); // soonest first, all below new cards
}

ProgressSummary summarize(const std::map<std::string, CardState> &cards, Day today,
                          const std::vector<std::string> &known, std::size_t weakSpotLimit) {
  const std::set<std::string> only(known.begin(), known.end());
  ProgressSummary summary;
  for (const auto &[key, card] : cards) {
    if (!splitCardKey(key) || (!only.empty() && !only.count(key)) || card.lastReview < 0)
      continue;
    ++summary.cards;
    if (isDue(card, today))
      ++summary.due;
    if (card.repetitions >= 2)
      ++summary.learned;
    if (card.lapses > 0 || card.easiness < kInitialEasiness)
      summary.weakSpots.push_back({key, card.easiness, card.lapses});
  }
  std::stable_sort(summary.weakSpots.begin(), summary.weakSpots.end(),
                   [](const WeakSpot &a, const WeakSpot &b) {
                     if (a.easiness != b.easiness)
                       return a.easiness < b.easiness;
                     return a.lapses > b.lapses;
                   });
  if (summary.weakSpots.size() > weakSpotLimit)
    summary.weakSpots.resize(weakSpotLimit);
  return summary;
}

} // namespace atlas::quiz
