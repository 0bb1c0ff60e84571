// The Session's quiz memory (session/quiz_memory.h, issue 15): every answer reviews its card by SM-2
// and is saved at once; the next quiz drawn with the same seed asks today's missed card first; a
// corrupt progress file is kept aside with a message and the quiz still runs.
#include "article_test_support.h"
#include "io/model_loader.h"
#include "session/session.h"
#include "support/scratch_dir.h"

#include "model_test_support.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace atlas;
using namespace atlas::quiz;
namespace fs = std::filesystem;

namespace {

constexpr Day kToday = 20000; // a fixed day: the tests never read the clock

Session quizSession(const fs::path &progressFile) {
  Session session;
  session.setScene(test::committedModel());
  session.setKnowledge(test::contentKnowledge());
  session.quizMemory.file = progressFile;
  session.quizMemory.today = kToday;
  return session;
}

QuizProgress savedProgress(const fs::path &file) {
  ProgressLoad load = loadProgressFile(file);
  REQUIRE(load.message.empty());
  return load.progress;
}

} // namespace

TEST_CASE("every quiz answer reviews its card and saves the progress file", "[quiz][memory]") {
  test::ScratchDir scratch("quiz-memory-save");
  const fs::path file = scratch.dir / "data" / "progress.json";
  Session session = quizSession(file);
  REQUIRE(session.apply(StartQuizCommand{"find", 5, 3, quiz::QuizMode::Practice}));
  CHECK_FALSE(fs::exists(file)); // nothing answered, nothing written

  const std::string missed = cardKey(*session.quiz()->current());
  REQUIRE(session.apply(AnswerQuizCommand{"certainly not this"}));
  REQUIRE(fs::exists(file)); // saved after the very first answer
  QuizProgress saved = savedProgress(file);
  REQUIRE(saved.cards.count(missed) == 1);
  CHECK(saved.cards[missed].lapses == 1);
  CHECK(saved.cards[missed].lastGrade == gradeFor(AnswerOutcome{0.0}));
  CHECK(saved.cards[missed].lastReview == kToday);

  REQUIRE(session.apply(NextQuestionCommand{}));
  const QuizQuestion known = *session.quiz()->current();
  REQUIRE(session.apply(QuizPickCommand{known.expected.front()}));
  saved = savedProgress(file);
  REQUIRE(saved.cards.count(cardKey(known)) == 1);
  CHECK(saved.cards[cardKey(known)].lastGrade == 5);
  CHECK(saved.cards[cardKey(known)].repetitions == 1);
  CHECK(saved.cards[cardKey(known)].due == kToday + 1); // SM-2: I(1) = 1 day
  CHECK(saved.cards.size() == 2);
}

TEST_CASE("a card missed today comes first in the next quiz with the same seed", "[quiz][memory]") {
  test::ScratchDir scratch("quiz-memory-due-first");
  const fs::path file = scratch.dir / "progress.json";
  std::vector<std::string> firstOrder;
  std::string missed;
  {
    Session session = quizSession(file);
    REQUIRE(session.apply(StartQuizCommand{"find", 8, 4, quiz::QuizMode::Practice}));
    for (const QuizQuestion &q : session.quiz()->questions())
      firstOrder.push_back(cardKey(q));
    // Right on every question but the last, which is missed.
    for (std::size_t i = 0; i + 1 < firstOrder.size(); ++i) {
      REQUIRE(session.apply(QuizPickCommand{session.quiz()->current()->expected.front()}));
      REQUIRE(session.apply(NextQuestionCommand{}));
    }
    missed = cardKey(*session.quiz()->current());
    REQUIRE(session.apply(AnswerQuizCommand{"certainly not this"}));
  }
  REQUIRE(missed == firstOrder.back());
  Session again = quizSession(file);
  REQUIRE(again.apply(StartQuizCommand{"find", 8, 4, quiz::QuizMode::Practice}));
  CHECK(cardKey(again.quiz()->questions().front()) == missed);
  // The cards known today are not due: new cards come before them.
  for (std::size_t i = 1; i < again.quiz()->questions().size(); ++i)
    CHECK(std::find(firstOrder.begin(), firstOrder.end() - 1, cardKey(again.quiz()->questions()[i])) ==
          firstOrder.end() - 1);
}

TEST_CASE("a corrupt progress file is kept aside with a message and the quiz still runs", "[quiz][memory]") {
  test::ScratchDir scratch("quiz-memory-corrupt");
  const std::string bad = "{\"format\": \"scalene-atlas-progress\", \"cards\": [oops";
  const fs::path file = scratch.write("progress.json", bad);
  Session session = quizSession(file);
  REQUIRE(session.apply(StartQuizCommand{"find", 2, 2, quiz::QuizMode::Practice}));
  CHECK_THAT(session.quizMemory.message(), Catch::Contains("progress.json"));
  CHECK(session.quizMemory.canSave());
  // The bad bytes are kept beside it, never overwritten.
  bool keptAside = false;
  for (const auto &entry : fs::directory_iterator(scratch.dir))
    if (entry.path().filename().string().rfind("progress.json.corrupt", 0) == 0)
      keptAside = true;
  CHECK(keptAside);
  REQUIRE(session.apply(AnswerQuizCommand{"certainly not this"}));
  CHECK(savedProgress(file).cards.size() == 1);
}

TEST_CASE("a session without a progress file keeps progress in memory only", "[quiz][memory]") {
  Session session = quizSession({});
  REQUIRE(session.apply(StartQuizCommand{"find", 3, 1, quiz::QuizMode::Exam}));
  REQUIRE(session.apply(AnswerQuizCommand{"certainly not this"}));
  CHECK(session.quizMemory.progress().cards.size() == 1);
  CHECK(session.quizMemory.message().empty());
}

TEST_CASE("progress is exported and imported through the Session's commands", "[quiz][memory]") {
  test::ScratchDir scratch("quiz-memory-transfer");
  Session home = quizSession(scratch.dir / "home.json");
  REQUIRE(home.apply(StartQuizCommand{"find", 6, 2, quiz::QuizMode::Exam}));
  REQUIRE(home.apply(AnswerQuizCommand{"certainly not this"}));
  REQUIRE(home.apply(TransferQuizProgressCommand{scratch.path("usb.json"), false}));
  CHECK_THAT(home.quizMemory.message(), Catch::Contains("exported"));
  CHECK(savedProgress(scratch.dir / "usb.json").cards.size() == 1);

  Session lab = quizSession(scratch.dir / "lab.json");
  REQUIRE(lab.apply(ShowQuizProgressCommand{true}));
  CHECK(lab.stateJson()["panel"] == "Progress");
  CHECK(lab.stateJson()["quiz_progress"]["cards"] == 0);
  REQUIRE(lab.apply(TransferQuizProgressCommand{scratch.path("usb.json"), true}));
  CHECK(lab.stateJson()["quiz_progress"]["cards"] == 1);
  CHECK(lab.stateJson()["quiz_progress"]["weak"].size() == 1);
  CHECK(savedProgress(scratch.dir / "lab.json").cards.size() == 1); // the import is saved at once
  // A bad file changes nothing and says why.
  const std::string bad = scratch.write("bad.json", "not json");
  CHECK_FALSE(lab.apply(TransferQuizProgressCommand{bad, true}));
  CHECK_THAT(lab.quizMemory.message(), Catch::Contains("import failed"));
  CHECK(lab.quizMemory.progress().cards.size() == 1);
}

TEST_CASE("an exam question left past its time is skipped and graded as no answer", "[quiz][memory][exam]") {
  test::ScratchDir scratch("quiz-memory-exam-time");
  Session session = quizSession(scratch.dir / "progress.json");
  REQUIRE(session.apply(StartQuizCommand{"find", 12, 3, quiz::QuizMode::Exam}));
  const std::string first = cardKey(*session.quiz()->current());
  CHECK(session.stateJson()["quiz"]["question_seconds_left"] == Approx(Session::kExamSecondsPerQuestion));
  session.advance(static_cast<float>(Session::kExamSecondsPerQuestion) - 1.0f);
  CHECK(session.quiz()->index() == 0); // still time
  CHECK(session.questionSecondsLeft() == Approx(1.0));
  session.advance(1.5f);
  CHECK(session.quiz()->index() == 1); // time is up: on to the next
  CHECK_FALSE(session.quiz()->given()[0].answered);
  CHECK(session.questionSecondsLeft() == Approx(Session::kExamSecondsPerQuestion)); // a fresh minute
  const QuizProgress saved = savedProgress(scratch.dir / "progress.json");
  REQUIRE(saved.cards.count(first) == 1);
  CHECK(saved.cards.at(first).lastGrade == 0);
  // An answer in time is taken; the state has the time spent.
  session.advance(5.0f);
  REQUIRE(session.apply(QuizPickCommand{session.quiz()->current()->expected.front()}));
  CHECK(session.quiz()->given()[1].correct);
  CHECK(session.stateJson()["quiz"]["elapsed_s"].get<double>() ==
        Approx(Session::kExamSecondsPerQuestion + 5.5));
}

TEST_CASE("a practice quiz keeps its time but never runs out", "[quiz][memory][exam]") {
  Session session = quizSession({});
  REQUIRE(session.apply(StartQuizCommand{"find", 12, 2, quiz::QuizMode::Practice}));
  session.advance(600.0f);
  CHECK(session.quiz()->index() == 0);
  CHECK(session.stateJson()["quiz"]["elapsed_s"].get<double>() == Approx(600.0));
  CHECK(session.stateJson()["quiz"]["question_seconds_left"].is_null());
}
