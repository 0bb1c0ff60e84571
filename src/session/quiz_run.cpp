#include "session/quiz_run.h"

#include "session/quiz_answers.h"

#include <algorithm>

namespace atlas::quiz {

const char *quizModeName(QuizMode mode) {
  return mode == QuizMode::Exam ? "exam" : "practice";
}

std::optional<QuizMode> quizModeFromName(const std::string &name) {
  if (name == "practice")
    return QuizMode::Practice;
  if (name == "exam")
    return QuizMode::Exam;
  return std::nullopt;
}

GivenAnswer checkAnswer(const QuizQuestion &question, const std::string &text, const Scene &scene,
                        const content::KnowledgeBase &knowledge) {
  GivenAnswer given;
  given.answered = true;
  given.text = text;
  const std::string wanted = question.expected.empty() ? std::string() : question.expected.front();
  switch (question.form) {
  case AnswerForm::Clicks: {
    for (const std::string &item : splitAnswerList(text)) {
      const std::string id = resolveStructure(scene, knowledge, item);
      given.clicks.push_back(id.empty() ? item : id); // an unknown name is a wrong click
    }
    given.credit = scoreClicks(given.clicks, question.expected).credit;
    break;
  }
  case AnswerForm::Click: {
    const std::string id = resolveStructure(scene, knowledge, text);
    if (!id.empty())
      given.clicks = {id};
    given.credit = id == wanted || matchesAny(text, question.accepted) ? 1.0 : 0.0;
    break;
  }
  case AnswerForm::Choice: {
    const std::string norm = normaliseAnswer(text);
    for (std::size_t i = 0; i < question.options.size(); ++i)
      if (norm == normaliseAnswer(question.options[i]) || text == question.optionIds[i] ||
          norm == std::to_string(i + 1))
        given.chosenOption = static_cast<int>(i);
    if (given.chosenOption >= 0)
      given.credit = given.chosenOption == question.correctOption ? 1.0 : 0.0;
    else if (matchesAny(text, question.accepted))
      given.credit = 1.0; // typed, forgiving typos, accents, Latin
    else {
      // A click on the model (an id, or a footprint on the bone that is the answer).
      const std::string id = resolveStructure(scene, knowledge, text);
      if (!id.empty())
        given.clicks = {id};
      given.credit = !id.empty() && id == wanted ? 1.0 : 0.0;
    }
    break;
  }
  }
  given.correct = given.credit >= 1.0;
  return given;
}

Result<QuizRun> QuizRun::start(const Scene &scene, const content::KnowledgeBase &knowledge,
                               const std::string &deck, std::uint32_t seed, int count, QuizMode mode,
                               const QuizPriority &priority) {
  Result<std::vector<QuizQuestion>> drawn = drawQuiz(scene, knowledge, deck, seed, count, priority);
  if (!drawn)
    return Error{drawn.error()};
  if (drawn->empty())
    return Error{"the quiz deck '" + deck + "' has no questions on this model"};
  QuizRun run;
  run.deck_ = deck;
  run.seed_ = seed;
  run.mode_ = mode;
  run.questions_ = std::move(*drawn);
  run.given_.resize(run.questions_.size());
  return run;
}

Result<QuizRun> QuizRun::fromQuestions(const std::string &deck, std::uint32_t seed, QuizMode mode,
                                       std::vector<QuizQuestion> questions) {
  if (questions.empty())
    return Error{"the quiz deck '" + deck + "' has no questions"};
  QuizRun run;
  run.deck_ = deck;
  run.seed_ = seed;
  run.mode_ = mode;
  run.questions_ = std::move(questions);
  run.given_.resize(run.questions_.size());
  return run;
}

const QuizQuestion *QuizRun::current() const {
  return index_ < questions_.size() ? &questions_[index_] : nullptr;
}

const GivenAnswer *QuizRun::currentAnswer() const {
  return index_ < given_.size() ? &given_[index_] : nullptr;
}

bool QuizRun::finished() const {
  return std::all_of(given_.begin(), given_.end(), [](const GivenAnswer &g) { return g.answered; });
}

double QuizRun::score() const {
  double total = 0.0;
  for (const GivenAnswer &g : given_)
    total += g.credit;
  return total;
}

Result<void> QuizRun::answer(const std::string &text, const Scene &scene,
                             const content::KnowledgeBase &knowledge) {
  if (index_ < given_.size() && given_[index_].answered)
    next();
  if (!current())
    return Error{"the quiz is over: " +
                 (questions_.size() == 1 ? std::string("its one question is")
                                         : "all " + std::to_string(questions_.size()) + " questions are") +
                 " answered"};
  if (normaliseAnswer(text).empty())
    return Error{"an empty answer to \"" + current()->prompt + "\""};
  given_[index_] = checkAnswer(questions_[index_], text, scene, knowledge);
  pending_.clear();
  if (mode_ == QuizMode::Exam)
    ++index_; // no feedback in an exam: on to the next question
  return {};
}

bool QuizRun::takesClicks() const {
  const QuizQuestion *q = current();
  const GivenAnswer *g = currentAnswer();
  return q && g && !g->answered && q->lit.empty();
}

Result<void> QuizRun::pick(const std::string &structureId, const Scene &scene,
                           const content::KnowledgeBase &knowledge) {
  if (!takesClicks())
    return {};
  if (current()->form != AnswerForm::Clicks)
    return answer(structureId, scene, knowledge);
  const std::string id = resolveStructure(scene, knowledge, structureId);
  const std::string clicked = id.empty() ? structureId : id;
  const auto known = std::find(pending_.begin(), pending_.end(), clicked);
  if (known != pending_.end())
    pending_.erase(known);
  else
    pending_.push_back(clicked);
  return {};
}

Result<void> QuizRun::submitClicks(const Scene &scene, const content::KnowledgeBase &knowledge) {
  std::string list;
  for (const std::string &id : pending_)
    list += (list.empty() ? "" : ", ") + id;
  return answer(list, scene, knowledge);
}

bool QuizRun::next() {
  pending_.clear();
  if (index_ >= questions_.size())
    return false;
  ++index_;
  return index_ < questions_.size();
}

nlohmann::json QuizRun::stateJson(const Scene &scene) const {
  using nlohmann::json;
  json list = json::array();
  for (std::size_t i = 0; i < questions_.size(); ++i) {
    const QuizQuestion &q = questions_[i];
    const GivenAnswer &g = given_[i];
    json names = json::array();
    for (const std::string &id : q.expected) {
      const Structure *s = scene.find(id);
      names.push_back(s                      ? s->displayName()
                      : q.correctOption >= 0 ? q.options[static_cast<std::size_t>(q.correctOption)]
                                             : id);
    }
    list.push_back({{"kind", quizKindName(q.kind)},
                    {"card", cardKey(q)},
                    {"form", answerFormName(q.form)},
                    {"prompt", q.prompt},
                    {"options", q.options},
                    {"lit", q.lit.empty() ? json() : json(q.lit)},
                    {"expected", q.expected},
                    {"expected_names", names},
                    {"given", g.answered ? json(g.text) : json()},
                    {"correct", g.answered ? json(g.correct) : json()},
                    {"credit", g.credit}});
  }
  return {{"deck", deck_},    {"mode", quizModeName(mode_)}, {"seed", seed_},          {"index", index_},
          {"score", score()}, {"total", questions_.size()},  {"finished", finished()}, {"questions", list}};
}

} // namespace atlas::quiz
