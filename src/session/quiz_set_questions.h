// Teacher-made question sets (content/quiz_set.h) as quiz decks (issue 15): each set question becomes
// a QuizQuestion the quiz run asks like a generated one. Id answers are clicked or named (several ids:
// every one must be clicked, with partial credit), options become a choice, `text` answers are typed.
// No GL, no ImGui.
#pragma once

#include "content/quiz_set.h"
#include "session/quiz_questions.h"

namespace atlas::quiz {

// The set's questions in file order. Cards are keyed "<kind>:<set id>/<question id>" (the set's own
// cardKey for the generated kinds; choice and text questions are kept as "name" cards).
std::vector<QuizQuestion> setQuestions(const content::QuizSet &set, const Scene &scene,
                                       const content::KnowledgeBase &knowledge);

// N of them (all when N <= 0 or more than there are), shuffled with std::mt19937(seed), then stably
// sorted by priority when one is given, as drawQuiz does for generated decks.
std::vector<QuizQuestion> drawSetQuiz(const content::QuizSet &set, const Scene &scene,
                                      const content::KnowledgeBase &knowledge, std::uint32_t seed, int count,
                                      const QuizPriority &priority = {});

} // namespace atlas::quiz
