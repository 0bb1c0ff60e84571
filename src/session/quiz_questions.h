// The self-test's questions (issue 15), generated from the open model (structures, systems, sides,
// landmarks) and the knowledge base (names, Latin names, claims with their roles, sources and cites),
// never from a hand-written list that could drift from them. Every candidate question of a deck is
// generated in a fixed order; a seeded std::mt19937 then picks N of them, optionally weighted by a
// priority (the spaced-repetition scheduler's "due first"). No GL, no ImGui.
#pragma once

#include "content/knowledge_base.h"
#include "core/result.h"
#include "scene/scene.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace atlas::quiz {

enum class QuizKind { Find, Name, Attachment, Supply, Relation, Source };
const char *quizKindName(QuizKind kind); // "find", "name", "attachment", "supply", "relation", "source"
std::optional<QuizKind> quizKindFromName(const std::string &name);

// How a question is answered: one click (or the name) of one part, clicks on every part of a set, or
// typing / choosing a name among the options.
enum class AnswerForm { Click, Clicks, Choice };
const char *answerFormName(AnswerForm form); // "click", "clicks", "choice"

struct QuizQuestion {
  QuizKind kind = QuizKind::Find;
  AnswerForm form = AnswerForm::Click;
  // What the card is about: a structure id, a landmark id or a claim id (see cardKey).
  std::string subject;
  std::string prompt;
  std::vector<std::string> expected;  // ids (structures or a landmark) that are the answer
  std::vector<std::string> accepted;  // typed texts that are right (names, Latin names, ids)
  std::vector<std::string> options;   // Choice: the labels in the order shown (one of them is right)
  std::vector<std::string> optionIds; // Choice: the id behind each option
  int correctOption = -1;
  std::string lit;                // a structure id lit while the question is asked (name questions), or ""
  std::string explanation;        // one line, the project's words, said after the answer
  std::string cite;               // the short cites of the claim or description the explanation comes from
  std::vector<std::string> show;  // ids to select on the model after the answer
  std::vector<std::string> about; // ids of every structure the question concerns (decks use them)
};

// The stable key of the question's card for the scheduler and the progress file:
// "<kind>:<subject>", e.g. "find:scalenus_medius_left", "attachment:scalenus_posterior.origin.reference".
std::string cardKey(const QuizQuestion &question);

// Every candidate question about the model, in a fixed order (model order, then claims in content
// order). Distractors and option order come from `seed` and the card key only, so the same seed gives
// the same questions whatever deck or count is asked for.
std::vector<QuizQuestion> allQuestions(const Scene &scene, const content::KnowledgeBase &knowledge,
                                       std::uint32_t seed);

// Deck names for this model: "all", each kind, each system with questions, "vessel" (arteries and
// veins), "landmarks", and "scalenus_posterior".
std::vector<std::string> deckNames(const std::vector<QuizQuestion> &all, const Scene &scene);
// The questions of one deck, in the order of `all`; an unknown deck is an error listing the valid ones.
Result<std::vector<QuizQuestion>> deckQuestions(const std::vector<QuizQuestion> &all, const Scene &scene,
                                                const std::string &deck);

// The texts a student may type for a structure: its names with and without their bracketed words,
// its Latin name (also without "musculus" and the like), its id; each with its side.
std::vector<std::string> acceptedNames(const Scene &scene, const content::KnowledgeBase &knowledge,
                                       const Structure &structure);
// The structure an answer names: an id of the model (an attachment footprint counts as its bone), or
// the first part whose accepted names match the text (quiz_answers.h); "" when none does.
std::string resolveStructure(const Scene &scene, const content::KnowledgeBase &knowledge,
                             const std::string &text);

// Higher means sooner; questions with equal priority are drawn at random (seeded).
using QuizPriority = std::function<double(const std::string &cardKey)>;
// N questions of `deck` (all of them when N <= 0 or N exceeds the deck), drawn with std::mt19937(seed):
// shuffled, then stably sorted by priority when one is given.
Result<std::vector<QuizQuestion>> drawQuiz(const Scene &scene, const content::KnowledgeBase &knowledge,
                                           const std::string &deck, std::uint32_t seed, int count,
                                           const QuizPriority &priority = {});

} // namespace atlas::quiz
