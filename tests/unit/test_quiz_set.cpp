// Teacher-made question sets (content/quiz_set): the bundled set loads clean against the real
// content and the bundled model, and bad files are refused with file:line messages.
#include "content/quiz_set.h"

#include "article_test_support.h"
#include "model_test_support.h"
#include "support/scratch_dir.h"

#include <catch2/catch.hpp>

#include <map>

using namespace atlas;
using atlas::test::anyContains;
using atlas::test::joined;

namespace {

const std::string kContentDir = std::string(ATLAS_SOURCE_DIR) + "/content";

content::QuizSetIds contentIds() {
  return content::quizSetIds(test::contentKnowledge());
}

// One good set; each bad-file test edits one line of it.
const std::string kGoodSet = R"(id: practice
title: Practice
audience: Students
questions:
  - id: phrenic
    kind: relation
    prompt: Which nerve lies on scalenus anterior?
    answer: [phrenic_nerve_right]
    explanation: The phrenic nerve.
    cite: [gray41]
  - id: type
    kind: choice
    prompt: Most common type?
    options: [Neurogenic, Venous]
    answer: Neurogenic
    explanation: Neurogenic.
    cite: [sanders_2007_tos_diagnosis]
)";

std::string replaced(std::string text, const std::string &from, const std::string &to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

// Loads `text` as scratch file "set.yaml" and returns the problems.
std::vector<std::string> problemsOf(const std::string &text, const std::string &name) {
  test::ScratchDir scratch("quiz-set-" + name);
  const std::string file = scratch.write("set.yaml", text);
  const content::QuizSets sets = content::loadQuizSetFile(file, contentIds());
  std::vector<std::string> problems;
  for (const std::string &p : sets.problems) // the scratch folder's path is not part of the check
    problems.push_back(p.substr(p.find("set.yaml")));
  return problems;
}

} // namespace

TEST_CASE("The bundled question set loads clean against the content and the model", "[quiz][quiz_set]") {
  const content::QuizSets sets = content::loadQuizSetsWith(kContentDir, test::contentKnowledge());
  INFO(joined(sets.problems));
  CHECK(sets.problems.empty());
  const content::QuizSet *set = sets.find("scalenes_and_thoracic_outlet");
  REQUIRE(set != nullptr);
  CHECK(set->questions.size() >= 15);
  CHECK_FALSE(set->title.empty());
  CHECK_FALSE(set->audience.empty());

  // Every id answer is a structure or landmark of the bundled model (not only of the knowledge base).
  std::set<std::string> modelIds;
  for (const Structure &s : test::committedModel().structures()) {
    modelIds.insert(s.id);
    for (const Landmark &l : s.landmarks)
      modelIds.insert(l.id);
  }
  const content::KnowledgeBase &knowledge = test::contentKnowledge();
  std::map<std::string, int> kinds;
  for (const content::QuizSetQuestion &q : set->questions) {
    INFO(q.file << ":" << q.line << " " << q.id);
    ++kinds[q.kind];
    CHECK_FALSE(q.cite.empty());
    CHECK_FALSE(q.explanation.empty());
    if (q.kind == "source") {
      // "Where article and references differ": the options are the two versions of one fact.
      for (const std::string &id : q.answer)
        CHECK(knowledge.findClaim(id) != nullptr);
      bool article = false, reference = false;
      for (const std::string &id : q.options) {
        const content::Claim *claim = knowledge.findClaim(id);
        REQUIRE(claim != nullptr);
        article = article || claim->source == SourceMode::Article;
        reference = reference || claim->source == SourceMode::Reference;
      }
      CHECK((article && reference));
    } else if (content::answersWithIds(q.kind)) {
      for (const std::string &id : q.answer)
        CHECK(modelIds.count(id) == 1);
    }
    CHECK(set->cardKey(q) == q.kind + ":scalenes_and_thoracic_outlet/" + q.id);
  }
  for (const char *kind : {"find", "name", "attachment", "supply", "relation", "source", "choice", "text"})
    CHECK(kinds[kind] >= 1);
}

TEST_CASE("A good question set file loads its questions", "[quiz][quiz_set]") {
  test::ScratchDir scratch("quiz-set-good");
  const content::QuizSets sets = content::loadQuizSetFile(scratch.write("set.yaml", kGoodSet), contentIds());
  INFO(joined(sets.problems));
  CHECK(sets.problems.empty());
  REQUIRE(sets.sets.size() == 1);
  REQUIRE(sets.sets[0].questions.size() == 2);
  CHECK(sets.sets[0].questions[1].answer == std::vector<std::string>{"Neurogenic"});
  CHECK(sets.sets[0].questions[1].line == 11);
}

TEST_CASE("Bad question sets are refused with file:line messages", "[quiz][quiz_set]") {
  SECTION("an unknown field") {
    const auto p = problemsOf(replaced(kGoodSet, "    explanation: The phrenic nerve.\n",
                                       "    explanation: The phrenic nerve.\n    hint: look forward\n"),
                              "unknown-field");
    INFO(joined(p));
    CHECK(anyContains(p, "set.yaml:10: unknown field 'hint' in question 'phrenic'"));
  }
  SECTION("an unknown section") {
    const auto p = problemsOf("level: hard\n" + kGoodSet, "unknown-section");
    INFO(joined(p));
    CHECK(anyContains(p, "set.yaml:1: unknown section 'level'"));
  }
  SECTION("a missing answer") {
    const auto p = problemsOf(replaced(kGoodSet, "    answer: [phrenic_nerve_right]\n", ""), "no-answer");
    INFO(joined(p));
    CHECK(anyContains(p, "set.yaml:5: field 'answer' is missing", "question 'phrenic'"));
  }
  SECTION("an id that is not in the model") {
    const auto p =
        problemsOf(replaced(kGoodSet, "[phrenic_nerve_right]", "[phrenic_nerve_middle]"), "unknown-id");
    INFO(joined(p));
    CHECK(anyContains(p, "set.yaml:8: question 'phrenic' answers 'phrenic_nerve_middle', which is not"));
  }
  SECTION("a cite that is not in the bibliography") {
    const auto p = problemsOf(replaced(kGoodSet, "cite: [gray41]", "cite: [gray_1066]"), "bad-cite");
    INFO(joined(p));
    CHECK(anyContains(p, "set.yaml:10: question 'phrenic' cites 'gray_1066'", "content/bibliography"));
  }
  SECTION("a field of the wrong type") {
    const auto p =
        problemsOf(replaced(kGoodSet, "prompt: Most common type?", "prompt: [Most, common]"), "wrong-type");
    INFO(joined(p));
    CHECK(anyContains(p, "set.yaml:13: field 'prompt' should be text", "question 'type'"));
  }
  SECTION("an answer that is not among the options") {
    const auto p = problemsOf(replaced(kGoodSet, "answer: Neurogenic", "answer: Arterial"), "not-option");
    INFO(joined(p));
    CHECK(anyContains(p, "set.yaml:15: question 'type' answers 'Arterial', which is not one of its options"));
  }
  SECTION("an unknown kind") {
    const auto p = problemsOf(replaced(kGoodSet, "kind: relation", "kind: riddle"), "bad-kind");
    INFO(joined(p));
    CHECK(anyContains(p, "set.yaml:6: question 'phrenic' has kind 'riddle'"));
  }
  SECTION("a question id used twice") {
    const auto p = problemsOf(replaced(kGoodSet, "id: type", "id: phrenic"), "twice");
    INFO(joined(p));
    CHECK(anyContains(p, "set.yaml:11: question 'phrenic' is used again", "line 5"));
  }
}

TEST_CASE("A bad question is skipped while the rest of the set loads", "[quiz][quiz_set]") {
  test::ScratchDir scratch("quiz-set-skip");
  const std::string text = replaced(kGoodSet, "cite: [gray41]", "cite: [nowhere]");
  const content::QuizSets sets = content::loadQuizSetFile(scratch.write("set.yaml", text), contentIds());
  REQUIRE(sets.sets.size() == 1);
  REQUIRE(sets.sets[0].questions.size() == 1);
  CHECK(sets.sets[0].questions[0].id == "type");
  CHECK(sets.problems.size() == 1);
}
