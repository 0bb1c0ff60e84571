#include "session/quiz_set_questions.h"

#include <algorithm>
#include <random>

namespace atlas::quiz {
namespace {

// The label of an option given as an id: the part's name where the model has it, a landmark's name.
std::string optionLabel(const Scene &scene, const content::KnowledgeBase &knowledge, const std::string &id) {
  if (const Structure *s = scene.find(id))
    return s->displayName();
  if (const content::LandmarkEntry *mark = knowledge.findLandmark(id); mark && !mark->name.empty())
    return mark->name;
  return id;
}

// A `source` option is a claim id; the student reads what the claim says ("Outer surface of the
// second rib..."), or the names of the parts it names when it has no text.
std::string claimLabel(const Scene &scene, const content::KnowledgeBase &knowledge, const std::string &id) {
  const content::Claim *claim = knowledge.findClaim(id);
  if (!claim)
    return id;
  if (!claim->text.empty())
    return claim->text;
  std::string names;
  for (const std::string &target : claim->targets)
    names += (names.empty() ? "" : ", ") + optionLabel(scene, knowledge, target);
  return names.empty() ? id : names;
}

} // namespace

std::vector<QuizQuestion> setQuestions(const content::QuizSet &set, const Scene &scene,
                                       const content::KnowledgeBase &knowledge) {
  std::vector<QuizQuestion> out;
  for (const content::QuizSetQuestion &source : set.questions) {
    QuizQuestion q;
    const std::optional<QuizKind> kind = quizKindFromName(source.kind);
    q.kind = kind.value_or(QuizKind::Name); // choice and text: typed or chosen names
    q.subject = set.id + "/" + source.id;
    q.prompt = source.prompt;
    q.explanation = source.explanation;
    for (const std::string &work : source.cite)
      q.cite += (q.cite.empty() ? "" : ", ") + work;
    const bool ids = content::answersWithIds(source.kind) && source.kind != "source";
    if (!source.options.empty()) {
      q.form = AnswerForm::Choice;
      for (const std::string &option : source.options) {
        q.options.push_back(source.kind == "source" ? claimLabel(scene, knowledge, option)
                            : ids                   ? optionLabel(scene, knowledge, option)
                                                    : option);
        q.optionIds.push_back(option);
      }
      const auto right = std::find(source.options.begin(), source.options.end(), source.answer.front());
      q.correctOption = right == source.options.end() ? -1 : static_cast<int>(right - source.options.begin());
    } else if (!ids) {
      q.form = AnswerForm::Choice; // typed only: no options to show
    } else {
      q.form = source.answer.size() > 1 ? AnswerForm::Clicks : AnswerForm::Click;
    }
    if (source.kind == "source")
      q.expected = source.answer; // claim ids: the review and --state name them by their option's text
    if (ids) {
      q.expected = source.answer;
      for (const std::string &id : source.answer)
        if (const Structure *s = scene.find(id)) {
          for (const std::string &name : acceptedNames(scene, knowledge, *s))
            q.accepted.push_back(name);
          q.about.push_back(id);
        }
      q.show = source.answer;
    }
    for (const std::string &text : source.answer)
      q.accepted.push_back(text);
    out.push_back(std::move(q));
  }
  return out;
}

std::vector<QuizQuestion> drawSetQuiz(const content::QuizSet &set, const Scene &scene,
                                      const content::KnowledgeBase &knowledge, std::uint32_t seed, int count,
                                      const QuizPriority &priority) {
  std::vector<QuizQuestion> questions = setQuestions(set, scene, knowledge);
  std::mt19937 random(seed);
  std::shuffle(questions.begin(), questions.end(), random);
  if (priority)
    std::stable_sort(questions.begin(), questions.end(), [&](const QuizQuestion &a, const QuizQuestion &b) {
      return priority(cardKey(a)) > priority(cardKey(b));
    });
  if (count > 0 && static_cast<std::size_t>(count) < questions.size())
    questions.resize(static_cast<std::size_t>(count));
  return questions;
}

} // namespace atlas::quiz
