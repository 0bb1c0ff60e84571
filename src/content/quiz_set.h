// Teacher-made question sets for the self-test (issue 15): YAML files in content/quizzes/ (bundled)
// or opened by the user, checked like the rest of the content with "file:line: message" problems.
// See content/README.md ("Question sets") for the format. No GL, no ImGui.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace atlas::content {

// A question's kind: the generated kinds (find, name, attachment, supply, relation, source), whose
// answers are ids of the model and knowledge base, and two free kinds for teachers: "choice" (pick
// one of `options`, answers are option texts) and "text" (typed; answers are the accepted texts).
bool isQuizSetKind(const std::string &kind);
// True for the kinds answered with ids (every kind but choice and text).
bool answersWithIds(const std::string &kind);

struct QuizSetQuestion {
  std::string id;   // unique in its set
  std::string kind; // see isQuizSetKind
  std::string prompt;
  // Ids (structure or landmark ids; claim ids for `source`, the version the prompt asks for) or, for
  // choice and text, the accepted texts. Every id must be clicked or named for full credit.
  std::vector<std::string> answer;
  std::vector<std::string> options; // multiple choice: ids or texts as `answer`; empty when typed/clicked
  std::string explanation;          // shown after the answer, the project's own words
  std::vector<std::string> cite;    // bibliography work ids, at least one
  std::string file;
  int line = 0;
};

struct QuizSet {
  std::string id; // unique among the sets loaded together
  std::string title;
  std::string audience; // who it is written for, in words
  std::vector<QuizSetQuestion> questions;
  std::string file;
  int line = 0;

  // The progress key of a question: "<kind>:<set id>/<question id>", apart from the generated cards'
  // "<kind>:<id>" keys, so that editing a set never takes over a generated card's history.
  std::string cardKey(const QuizSetQuestion &question) const;
  const QuizSetQuestion *findQuestion(const std::string &id) const;
};

struct QuizSets {
  std::vector<QuizSet> sets;         // in file-name order
  std::vector<std::string> problems; // "file:line: message"; a bad question is skipped, a bad file too

  const QuizSet *find(const std::string &id) const;
};

// The ids answers and cites are checked against; an empty set skips that check.
struct QuizSetIds {
  std::set<std::string> structures; // structure ids of the model / knowledge base
  std::set<std::string> landmarks;  // landmark ids ("rib1_right.scalene_tubercle")
  std::set<std::string> claims;     // claim ids (answers of `source` questions)
  std::set<std::string> works;      // bibliography work ids (cite)
};

// Every *.yaml of `dir`; a folder without any gives no sets and no problem (sets are optional).
QuizSets loadQuizSets(const std::string &dir, const QuizSetIds &ids);
// One file the user opened (any folder).
QuizSets loadQuizSetFile(const std::string &file, const QuizSetIds &ids);

} // namespace atlas::content
