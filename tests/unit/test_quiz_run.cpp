// The quiz being taken (session/quiz_run.h) and through the Session's commands: right answers score,
// Latin and typos pass, several clicks earn partial credit, an exam moves on at once, a practice answer
// shows on the model, and the state JSON tells it all.
#include "article_test_support.h"
#include "io/model_loader.h"
#include "session/quiz_run.h"
#include "session/session.h"

#include "model_test_support.h"

#include <catch2/catch.hpp>

using namespace atlas;
using namespace atlas::quiz;

namespace {

const content::KnowledgeBase &kb() {
  return test::contentKnowledge();
}

const QuizQuestion &question(const std::string &key) {
  static const std::vector<QuizQuestion> all = allQuestions(test::committedModel(), kb(), 11);
  for (const QuizQuestion &q : all)
    if (cardKey(q) == key)
      return q;
  FAIL("no question " << key);
  return all.front();
}

// The right answer as a student would give it: the option's label, or the ids clicked.
std::string rightAnswer(const QuizQuestion &q) {
  if (q.form == AnswerForm::Choice)
    return q.options[static_cast<std::size_t>(q.correctOption)];
  std::string list;
  for (const std::string &id : q.expected)
    list += (list.empty() ? "" : ", ") + id;
  return list;
}

} // namespace

TEST_CASE("a practice quiz answered right scores every question", "[quiz][run]") {
  Result<QuizRun> run = QuizRun::start(test::committedModel(), kb(), "all", 5, 12, QuizMode::Practice);
  REQUIRE(run);
  REQUIRE(run->questions().size() == 12);
  for (std::size_t i = 0; i < 12; ++i) {
    if (i > 0)
      REQUIRE(run->next()); // past the feedback of the last one
    REQUIRE(run->current());
    INFO(run->current()->prompt);
    REQUIRE(run->answer(rightAnswer(*run->current()), test::committedModel(), kb()));
    CHECK(run->index() == i); // practice: the answered question stays until the next answer or next()
    CHECK(run->currentAnswer()->correct);
  }
  CHECK(run->finished());
  CHECK(run->score() == Approx(12.0));
  Result<void> extra = run->answer("c5", test::committedModel(), kb());
  REQUIRE_FALSE(extra);
  CHECK_THAT(extra.error(), Catch::Contains("the quiz is over"));
}

TEST_CASE("an exam moves on after each answer and wrong answers score nothing", "[quiz][run]") {
  Result<QuizRun> run = QuizRun::start(test::committedModel(), kb(), "find", 2, 3, QuizMode::Exam);
  REQUIRE(run);
  REQUIRE(run->answer("not a part at all", test::committedModel(), kb()));
  CHECK(run->index() == 1);
  REQUIRE(run->answer(run->current()->expected.front(), test::committedModel(), kb()));
  CHECK(run->index() == 2);
  CHECK_FALSE(run->finished());
  REQUIRE(run->answer("manubrium", test::committedModel(), kb()));
  CHECK(run->finished());
  CHECK(run->current() == nullptr);
  CHECK(run->given()[0].correct == false);
  CHECK(run->given()[1].correct == true);
  CHECK(run->score() >= 1.0);
  CHECK_FALSE(QuizRun::start(test::committedModel(), kb(), "all", 1, 5, QuizMode::Exam)
                  ->answer("", test::committedModel(), kb()));
}

TEST_CASE("the origin of scalenus posterior earns partial credit per tubercle", "[quiz][run]") {
  const QuizQuestion &q = question("attachment:scalenus_posterior.origin.reference/right");
  REQUIRE(q.form == AnswerForm::Clicks);
  CHECK(checkAnswer(q, "c4, c5, c6", test::committedModel(), kb()).correct);
  CHECK(checkAnswer(q, "c4, c5", test::committedModel(), kb()).credit == Approx(2.0 / 3.0));
  CHECK(checkAnswer(q, "c4,c5,c6,c7", test::committedModel(), kb()).credit == Approx(2.0 / 3.0));
  CHECK_FALSE(checkAnswer(q, "c4,c5,c6,c7", test::committedModel(), kb()).correct);
  // Typed names, with a typo, count as the parts they name.
  CHECK(checkAnswer(q, "Fourth cervical vertebra, C5, sixth cervicle vertebra", test::committedModel(), kb())
            .correct);
  CHECK(checkAnswer(q, "c5, c6, c7", test::committedModel(), kb()).credit ==
        Approx(1.0 / 3.0)); // the article's
}

TEST_CASE("clicks on the model answer click questions and footprints count as their bone", "[quiz][run]") {
  Result<QuizRun> run = QuizRun::start(test::committedModel(), kb(), "attachment", 1, 0, QuizMode::Practice);
  REQUIRE(run);
  while (run->current() && cardKey(*run->current()) != "attachment:scalenus_posterior.origin.reference/right")
    run->next();
  REQUIRE(run->current());
  CHECK(run->takesClicks());
  // A footprint of an origin on C4 (any muscle's) stands for C4.
  std::string footprint;
  for (const Structure &s : test::committedModel().structures())
    if (s.attachment && s.attachment->bone == "c4")
      footprint = s.id;
  REQUIRE(!footprint.empty());
  REQUIRE(run->pick(footprint, test::committedModel(), kb()));
  REQUIRE(run->pick("c5", test::committedModel(), kb()));
  REQUIRE(run->pick("c7", test::committedModel(), kb()));
  REQUIRE(run->pick("c7", test::committedModel(), kb())); // a second click takes it back
  CHECK(run->pendingClicks() == std::vector<std::string>{"c4", "c5"});
  REQUIRE(run->submitClicks(test::committedModel(), kb()));
  CHECK(run->currentAnswer()->credit == Approx(2.0 / 3.0));
  CHECK_FALSE(run->takesClicks()); // answered: clicks select again
}

TEST_CASE("name questions take Latin, typos and the option's number, not the wrong side", "[quiz][run]") {
  const QuizQuestion &q = question("name:scalenus_medius_left");
  CHECK(checkAnswer(q, "musculus scalenus medius", test::committedModel(), kb()).correct);
  CHECK(checkAnswer(q, "Scalenus medius sinister", test::committedModel(), kb()).correct);
  CHECK(checkAnswer(q, "left scalenus medus", test::committedModel(), kb()).correct);
  CHECK(checkAnswer(q, "scalenus_medius_left", test::committedModel(), kb()).correct);
  CHECK(checkAnswer(q, std::to_string(q.correctOption + 1), test::committedModel(), kb()).correct);
  CHECK_FALSE(checkAnswer(q, "right scalenus medius", test::committedModel(), kb()).correct);
  CHECK_FALSE(checkAnswer(q, "scalenus anterior", test::committedModel(), kb()).correct);
  const int wrong = q.correctOption == 0 ? 1 : 0;
  const GivenAnswer chosen =
      checkAnswer(q, q.options[static_cast<std::size_t>(wrong)], test::committedModel(), kb());
  CHECK(chosen.chosenOption == wrong);
  CHECK_FALSE(chosen.correct);
  const QuizQuestion &mark = question("name:rib1_left.scalene_tubercle");
  CHECK(checkAnswer(mark, "scalene tubercle of the left first rib", test::committedModel(), kb()).correct);
  CHECK(checkAnswer(mark, "rib1_left.scalene_tubercle", test::committedModel(), kb()).correct);
}

TEST_CASE("the Session runs a quiz: practice shows the answer, the state has the quiz",
          "[quiz][run][session]") {
  Session session;
  session.setScene(test::committedModel());
  session.setKnowledge(kb());
  CHECK(session.stateJson()["quiz"].is_null());
  Result<void> bad = session.apply(StartQuizCommand{"spleen", 1, 5, quiz::QuizMode::Practice});
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.error(), Catch::Contains("the decks are"));
  CHECK_FALSE(session.apply(AnswerQuizCommand{"c5"}));

  REQUIRE(session.apply(StartQuizCommand{"name", 4, 3, quiz::QuizMode::Practice}));
  REQUIRE(session.quiz());
  const QuizQuestion first = *session.quiz()->current();
  // The part to name is lit without its label.
  CHECK_FALSE(session.view().labels);
  CHECK(std::any_of(
      session.view().highlights.begin(), session.view().highlights.end(), [&](const Highlight &h) {
        return session.scene().structures()[static_cast<std::size_t>(h.structure)].id == first.lit;
      }));
  REQUIRE(session.apply(AnswerQuizCommand{rightAnswer(first)}));
  CHECK(session.view().labels); // back once answered
  // The answer is on the model: the expected part (a landmark's bone) is selected.
  const std::string shown = session.scene().structures()[static_cast<std::size_t>(session.selected())].id;
  CHECK(shown == first.lit);
  nlohmann::json state = session.stateJson()["quiz"];
  CHECK(state["deck"] == "name");
  CHECK(state["mode"] == "practice");
  CHECK(state["seed"] == 4);
  CHECK(state["index"] == 0);
  CHECK(state["score"] == 1.0);
  REQUIRE(state["questions"].size() == 3);
  CHECK(state["questions"][0]["kind"] == "name");
  CHECK(state["questions"][0]["prompt"] == first.prompt);
  CHECK(state["questions"][0]["expected"] == first.expected);
  CHECK(state["questions"][0]["given"] == rightAnswer(first));
  CHECK(state["questions"][0]["correct"] == true);
  CHECK(state["questions"][1]["given"].is_null());
  CHECK(session.stateJson()["panel"] == "Quiz");

  // The next answer goes to the next question.
  REQUIRE(session.apply(AnswerQuizCommand{"no such thing"}));
  state = session.stateJson()["quiz"];
  CHECK(state["index"] == 1);
  CHECK(state["questions"][1]["correct"] == false);
  REQUIRE(session.apply(StartQuizCommand{"", 0, 0, quiz::QuizMode::Practice, true}));
  CHECK_FALSE(session.quiz());
  CHECK(session.stateJson()["quiz"].is_null());
}

TEST_CASE("a find question takes a routed pick as its answer", "[quiz][run][session]") {
  Session session;
  session.setScene(test::committedModel());
  session.setKnowledge(kb());
  REQUIRE(session.apply(StartQuizCommand{"find", 9, 2, quiz::QuizMode::Exam}));
  REQUIRE(session.quizTakesClicks());
  const std::string wanted = session.quiz()->current()->expected.front();
  REQUIRE(session.apply(QuizPickCommand{wanted}));
  CHECK(session.quiz()->given()[0].correct);
  CHECK(session.quiz()->index() == 1); // an exam moves on
  REQUIRE(session.apply(NextQuestionCommand{}));
  CHECK(session.quiz()->current() == nullptr);
}
