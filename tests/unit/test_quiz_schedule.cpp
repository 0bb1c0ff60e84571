// The SM-2 scheduler (session/quiz_schedule) against the published rules (Wozniak 1990, SuperMemo 2,
// super-memory.com/english/ol/sm2.htm), computed here by hand.
#include "session/quiz_schedule.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace atlas::quiz;

namespace {

// EF' = EF + (0.1 - (5 - q)(0.08 + (5 - q) 0.02)), written out per grade:
//   q = 5: + (0.1 - 0)                    = +0.10
//   q = 4: + (0.1 - 1 * (0.08 + 0.02))    =  0.00
//   q = 3: + (0.1 - 2 * (0.08 + 0.04))    = -0.14
//   q = 2: + (0.1 - 3 * (0.08 + 0.06))    = -0.32
//   q = 1: + (0.1 - 4 * (0.08 + 0.08))    = -0.54
//   q = 0: + (0.1 - 5 * (0.08 + 0.10))    = -0.80
constexpr double kChange[6] = {-0.80, -0.54, -0.32, -0.14, 0.00, 0.10};

} // namespace

TEST_CASE("SM-2: the easiness change per grade is the published formula", "[quiz][schedule]") {
  for (int q = 0; q <= 5; ++q)
    CHECK(nextEasiness(2.5, q) == Approx(std::max(1.3, 2.5 + kChange[q])));
}

TEST_CASE("SM-2: worked example 5, 4, 3 gives EF 2.6, 2.6, 2.46 and intervals 1, 6, 16", "[quiz][schedule]") {
  // By hand, a new card (EF 2.5) answered on day 100, then on each due day:
  //   day 100, q = 5: n = 1, I(1) = 1,                 EF = 2.5 + 0.1  = 2.6,  due 101
  //   day 101, q = 4: n = 2, I(2) = 6,                 EF = 2.6 + 0    = 2.6,  due 107
  //   day 107, q = 3: n = 3, I(3) = ceil(6 * 2.6 = 15.6) = 16, EF = 2.6 - 0.14 = 2.46, due 123
  // (the interval uses the EF the card had when asked; see quiz_schedule.h).
  CardState card;
  card = review(card, 5, 100);
  CHECK(card.repetitions == 1);
  CHECK(card.interval == 1);
  CHECK(card.easiness == Approx(2.6));
  CHECK(card.due == 101);
  card = review(card, 4, 101);
  CHECK(card.repetitions == 2);
  CHECK(card.interval == 6);
  CHECK(card.easiness == Approx(2.6));
  CHECK(card.due == 107);
  card = review(card, 3, 107);
  CHECK(card.repetitions == 3);
  CHECK(card.interval == 16);
  CHECK(card.easiness == Approx(2.46));
  CHECK(card.due == 123);
  CHECK(card.reviews == 3);
  CHECK(card.lapses == 0);
  // Fourth, q = 5 on day 123: I(4) = ceil(16 * 2.46 = 39.36) = 40, EF = 2.56.
  card = review(card, 5, 123);
  CHECK(card.interval == 40);
  CHECK(card.easiness == Approx(2.56));
  CHECK(card.due == 163);
}

TEST_CASE("SM-2: a whole-number product is not rounded up a day", "[quiz][schedule]") {
  // 4, 4, 4 from EF 2.5 (+0 each time): I(3) = 6 * 2.5 = 15 exactly, which must stay 15.
  CardState card;
  card = review(card, 4, 0);
  card = review(card, 4, 1);
  card = review(card, 4, 7);
  CHECK(card.easiness == Approx(2.5));
  CHECK(card.interval == 15);
}

TEST_CASE("SM-2: the easiness never falls below 1.3", "[quiz][schedule]") {
  // q = 3 takes 0.14 off each time it is passed: 2.5 -> 2.36 -> 2.22 -> ... reaches the floor after
  // 9 answers (2.5 - 9 * 0.14 = 1.24 < 1.3). Each answer is given on its due day.
  CardState card;
  Day day = 0;
  for (int i = 0; i < 12; ++i) {
    card = review(card, 3, day);
    CHECK(card.easiness >= 1.3 - 1e-12);
    day = card.due;
  }
  CHECK(card.easiness == Approx(1.3));
  CHECK(nextEasiness(1.3, 0) == Approx(1.3));
  CHECK(nextEasiness(1.35, 3) == Approx(1.3));
}

TEST_CASE("SM-2: a forgotten card starts again at one day and keeps its easiness", "[quiz][schedule]") {
  CardState card;
  card = review(card, 5, 10); // EF 2.6, I 1
  card = review(card, 5, 11); // EF 2.7, I 6
  card = review(card, 5, 17); // EF 2.8, I ceil(6 * 2.7 = 16.2) = 17
  REQUIRE(card.interval == 17);
  REQUIRE(card.easiness == Approx(2.8));
  card = review(card, 2, 34); // step 6: forgotten
  CHECK(card.repetitions == 0);
  CHECK(card.interval == 1);
  CHECK(card.due == 35);
  CHECK(card.easiness == Approx(2.8)); // unchanged
  CHECK(card.lapses == 1);
  // It then climbs again from I(1), I(2) with the kept easiness.
  card = review(card, 4, 35);
  CHECK(card.interval == 1);
  card = review(card, 4, 36);
  CHECK(card.interval == 6);
  card = review(card, 4, 42);
  CHECK(card.interval == 17); // ceil(6 * 2.8 = 16.8)
}

TEST_CASE("SM-2 step 7: a card graded below 4 is drilled the same day without moving its schedule",
          "[quiz][schedule]") {
  CardState card;
  card = review(card, 3, 50); // passed with difficulty: n 1, due 51, but drilled again today
  CHECK(card.due == 51);
  CHECK(inTodaysDrill(card, 50));
  CHECK(isDue(card, 50));
  const CardState before = card;
  card = review(card, 5, 50); // the drill
  CHECK(card.repetitions == before.repetitions);
  CHECK(card.interval == before.interval);
  CHECK(card.easiness == Approx(before.easiness));
  CHECK(card.due == 51);
  CHECK(card.reviews == 2);
  CHECK_FALSE(isDue(card, 50)); // scored at least 4: done for today
  CHECK(isDue(card, 51));
}

TEST_CASE("Quiz answers map onto the SM-2 grades", "[quiz][schedule]") {
  CHECK(gradeFor({1.0, true, false, false}) == 5);
  CHECK(gradeFor({1.0, false, false, false}) == 4);
  CHECK(gradeFor({1.0, true, true, false}) == 4);
  CHECK(gradeFor({2.0 / 3.0, true, false, false}) == 3);
  CHECK(gradeFor({1.0 / 3.0, true, false, false}) == 2);
  CHECK(gradeFor({0.0, true, false, false}) == 1);
  CHECK(gradeFor({0.0, true, false, true}) == 0);
  // Wrong answers (grades 1, 2) are forgotten cards in SM-2; partial (3) is passed.
  CHECK(review(CardState{}, gradeFor({1.0 / 3.0, true, false, false}), 0).lapses == 1);
  CHECK(review(CardState{}, gradeFor({2.0 / 3.0, true, false, false}), 0).lapses == 0);
}

TEST_CASE("Quiz cards are asked overdue first, then new, then learned ones", "[quiz][schedule]") {
  const Day today = 200;
  std::map<std::string, CardState> cards;
  CardState overdueLong = review(CardState{}, 4, 150);           // due 151
  CardState overdueShort = review(CardState{}, 4, 195);          // due 196
  CardState dueToday = review(CardState{}, 4, 199);              // due 200
  CardState later = review(review(CardState{}, 5, 190), 5, 191); // I(2) = 6: due 197, EF 2.7
  later = review(later, 5, 197);                                 // I(3) = ceil(6 * 2.7 = 16.2) = 17
  REQUIRE(later.due == 214);
  CardState soon = review(review(CardState{}, 5, 195), 5, 196); // due 202
  REQUIRE(soon.due == 202);
  cards["find:later"] = later;
  cards["find:soon"] = soon;
  cards["name:due_today"] = dueToday;
  cards["find:overdue_short"] = overdueShort;
  cards["find:overdue_long"] = overdueLong;
  const std::vector<std::string> keys = {"find:later",       "find:new_a",         "find:soon",
                                         "name:due_today",   "find:overdue_short", "find:new_b",
                                         "find:overdue_long"};
  const std::vector<std::string> order = priorityOrder(keys, cards, today);
  const std::vector<std::string> expected = {"find:overdue_long", "find:overdue_short", "name:due_today",
                                             "find:new_a",        "find:new_b",         "find:soon",
                                             "find:later"};
  CHECK(order == expected);
  // Same inputs, same order.
  CHECK(priorityOrder(keys, cards, today) == order);
  // The score gives the same order when sorted highest first (ties keep the given order).
  std::vector<std::string> byScore = keys;
  std::stable_sort(byScore.begin(), byScore.end(), [&](const std::string &a, const std::string &b) {
    return priorityScore(cards, a, today) > priorityScore(cards, b, today);
  });
  CHECK(byScore == expected);
}

TEST_CASE("Quiz progress summary counts due, learned and weak spots", "[quiz][schedule]") {
  const Day today = 300;
  std::map<std::string, CardState> cards;
  CardState learned = review(review(CardState{}, 5, 280), 5, 281);   // n 2, due 287
  cards["find:scalenus_medius_left"] = learned;                      // learned and due
  CardState forgotten = review(review(CardState{}, 4, 290), 1, 291); // a lapse, EF 2.5
  cards["name:rib1_right"] = forgotten;
  CardState hard = review(review(review(CardState{}, 3, 200), 3, 201), 3, 207); // EF 2.08
  cards["attachment:scalenus_posterior_right"] = hard;
  cards["future_kind:whatever"] = forgotten; // kept in the file, ignored here
  const ProgressSummary summary = summarize(cards, today);
  CHECK(summary.cards == 3);
  CHECK(summary.learned == 2); // medius (5, 5) and posterior (3 passes)
  CHECK(summary.due == 3);
  REQUIRE(summary.weakSpots.size() == 2);
  CHECK(summary.weakSpots[0].key == "attachment:scalenus_posterior_right"); // lowest EF first
  CHECK(summary.weakSpots[1].key == "name:rib1_right");
  CHECK(summary.weakSpots[1].lapses == 1);
  // Restricted to the cards the content still has.
  const ProgressSummary known = summarize(cards, today, {"name:rib1_right"});
  CHECK(known.cards == 1);
  CHECK(summarize(cards, today, {}, 1).weakSpots.size() == 1);
}

TEST_CASE("Quiz card keys split into kind and subject", "[quiz][schedule]") {
  CHECK(cardKey("find", "scalenus_medius_left") == "find:scalenus_medius_left");
  const auto parts = splitCardKey("source:scalenus_posterior.insertion.article");
  REQUIRE(parts);
  CHECK(parts->kind == "source");
  CHECK(parts->subject == "scalenus_posterior.insertion.article");
  CHECK_FALSE(splitCardKey("guess:c5"));
  CHECK_FALSE(splitCardKey("find:"));
  CHECK_FALSE(splitCardKey("find"));
  CHECK(dayFromUnixSeconds(0) == 0);
  CHECK(dayFromUnixSeconds(86399) == 0);
  CHECK(dayFromUnixSeconds(86400) == 1);
  CHECK(dayFromUnixSeconds(-1) == -1);
}
