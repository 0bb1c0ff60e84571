// Teacher sets as quiz decks (session/quiz_set_questions.h, issue 15): the bundled set on the scalenes
// and the thoracic outlet is a deck of the Session, its questions keep the set's card keys, and its
// answers are checked like generated ones (several ids give partial credit).
#include "article_test_support.h"
#include "content/content_load.h"
#include "io/model_loader.h"
#include "session/quiz_set_questions.h"
#include "session/session.h"

#include "model_test_support.h"

#include <catch2/catch.hpp>

using namespace atlas;
using namespace atlas::quiz;

namespace {

std::shared_ptr<const content::QuizSets> bundledSets() {
  static const auto sets = std::make_shared<const content::QuizSets>(
      content::loadQuizSetsWith(std::string(ATLAS_SOURCE_DIR) + "/content", test::contentKnowledge()));
  return sets;
}

} // namespace

TEST_CASE("the bundled teacher set is a quiz deck with the set's card keys", "[quiz][sets]") {
  const content::QuizSet *set = bundledSets()->find("scalenes_and_thoracic_outlet");
  REQUIRE(set);
  REQUIRE(set->questions.size() >= 5);
  const std::vector<QuizQuestion> questions =
      setQuestions(*set, test::committedModel(), test::contentKnowledge());
  REQUIRE(questions.size() == set->questions.size());
  for (std::size_t i = 0; i < questions.size(); ++i) {
    INFO(set->questions[i].id);
    CHECK(questions[i].prompt == set->questions[i].prompt);
    if (quizKindFromName(set->questions[i].kind))
      CHECK(cardKey(questions[i]) == set->cardKey(set->questions[i]));
  }

  Session session;
  session.setScene(test::committedModel());
  session.setKnowledge(test::contentKnowledge());
  session.quizSets = bundledSets();
  REQUIRE(session.apply(StartQuizCommand{"scalenes_and_thoracic_outlet", 3, 0, quiz::QuizMode::Practice}));
  CHECK(session.quiz()->deck() == "scalenes_and_thoracic_outlet");
  CHECK(session.quiz()->questions().size() == set->questions.size());
  // The same seed draws the same order.
  Session again;
  again.setScene(test::committedModel());
  again.setKnowledge(test::contentKnowledge());
  again.quizSets = bundledSets();
  REQUIRE(again.apply(StartQuizCommand{"scalenes_and_thoracic_outlet", 3, 2, quiz::QuizMode::Exam}));
  CHECK(again.quiz()->questions()[0].prompt == session.quiz()->questions()[0].prompt);
  CHECK(again.quiz()->questions().size() == 2);
}

TEST_CASE("a teacher's several-tubercle question gives partial credit", "[quiz][sets]") {
  const content::QuizSet *set = bundledSets()->find("scalenes_and_thoracic_outlet");
  REQUIRE(set);
  const std::vector<QuizQuestion> questions =
      setQuestions(*set, test::committedModel(), test::contentKnowledge());
  const auto several = std::find_if(questions.begin(), questions.end(),
                                    [](const QuizQuestion &q) { return q.form == AnswerForm::Clicks; });
  REQUIRE(several != questions.end());
  REQUIRE(several->expected.size() >= 2);
  std::string all, first;
  for (const std::string &id : several->expected)
    all += (all.empty() ? "" : ",") + id;
  first = several->expected.front();
  CHECK(checkAnswer(*several, all, test::committedModel(), test::contentKnowledge()).correct);
  const GivenAnswer part = checkAnswer(*several, first, test::committedModel(), test::contentKnowledge());
  CHECK_FALSE(part.correct);
  CHECK(part.credit == Approx(1.0 / static_cast<double>(several->expected.size())));
}
