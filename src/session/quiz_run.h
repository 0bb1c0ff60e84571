// A quiz being taken (issue 15): the deck, seed and mode it was drawn with, its questions, the one
// asked now, and what was answered with what credit. In practice mode an answered question stays
// current (its feedback and the answer on the model) until next(); in exam mode an answer moves on at
// once and nothing is said until the end. No GL, no ImGui; the Session owns one (session.h).
#pragma once

#include "session/quiz_mode.h"
#include "session/quiz_questions.h"

#include <nlohmann/json.hpp>

namespace atlas::quiz {

struct GivenAnswer {
  bool answered = false;
  std::string text;                // as typed, chosen or clicked ("c4, c5" for several clicks)
  std::vector<std::string> clicks; // the structure ids it named
  int chosenOption = -1;           // Choice: the option picked, -1 when typed or none
  double credit = 0.0;             // 0..1; a fraction for several clicks
  bool correct = false;            // full credit
};

class QuizRun {
public:
  // Draws the questions (drawQuiz); an unknown deck or an empty draw is an error.
  static Result<QuizRun> start(const Scene &scene, const content::KnowledgeBase &knowledge,
                               const std::string &deck, std::uint32_t seed, int count, QuizMode mode,
                               const QuizPriority &priority = {});

  // A quiz of questions drawn elsewhere (a teacher's set, session/quiz_set_questions.h); none is an error.
  static Result<QuizRun> fromQuestions(const std::string &deck, std::uint32_t seed, QuizMode mode,
                                       std::vector<QuizQuestion> questions);

  const std::string &deck() const { return deck_; }
  std::uint32_t seed() const { return seed_; }
  QuizMode mode() const { return mode_; }
  const std::vector<QuizQuestion> &questions() const { return questions_; }
  const std::vector<GivenAnswer> &given() const { return given_; }
  std::size_t index() const { return index_; } // == questions().size() once an exam is over
  const QuizQuestion *current() const;
  const GivenAnswer *currentAnswer() const;
  bool finished() const; // every question answered
  double score() const;  // the sum of the credits
  // Picks gathered for the current several-click question, given with submitClicks().
  const std::vector<std::string> &pendingClicks() const { return pending_; }

  // Answers the current question with a text, an id, an option's label or number (1-4) or a list of
  // ids/names ("c4, c5, c6"). When the current question is answered already it first moves on, so
  // answers given in a row (--answer) go to successive questions. Error when the quiz is over.
  Result<void> answer(const std::string &text, const Scene &scene, const content::KnowledgeBase &knowledge);
  // A click on the model while the current question wants clicks: one click answers a Click or Choice
  // question; on a Clicks question it is gathered (a second click on the same part takes it back).
  // Nothing happens when the current question takes no click (the click is then an ordinary selection).
  bool takesClicks() const;
  Result<void> pick(const std::string &structureId, const Scene &scene,
                    const content::KnowledgeBase &knowledge);
  Result<void> submitClicks(const Scene &scene, const content::KnowledgeBase &knowledge);
  // Moves to the next question (after an answer, or skipping one). False when there is none.
  bool next();

  // "quiz": {deck, mode, seed, index, score, total, finished, questions: [{kind, card, form, prompt,
  // options, expected, expected_names, given, correct, credit}]}
  nlohmann::json stateJson(const Scene &scene) const;

private:
  std::string deck_;
  std::uint32_t seed_ = 0;
  QuizMode mode_ = QuizMode::Practice;
  std::vector<QuizQuestion> questions_;
  std::vector<GivenAnswer> given_;
  std::size_t index_ = 0;
  std::vector<std::string> pending_;
};

// Checks one answer against a question (the core of QuizRun::answer, also for tests).
GivenAnswer checkAnswer(const QuizQuestion &question, const std::string &text, const Scene &scene,
                        const content::KnowledgeBase &knowledge);

} // namespace atlas::quiz
