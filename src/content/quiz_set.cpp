#include "content/quiz_set.h"

#include "content/yaml_file.h"

#include <algorithm>
#include <filesystem>
#include <map>

namespace atlas::content {
namespace {

const std::vector<std::string> &kinds() {
  static const std::vector<std::string> all = {"find",     "name",   "attachment", "supply",
                                               "relation", "source", "choice",     "text"};
  return all;
}

// `answer:` and `options:` take one text or a list of texts.
std::optional<std::vector<std::string>> readTexts(const std::string &file, const YAML::Node &map,
                                                  const char *key, bool required, Problems &problems) {
  const YAML::Node value = map[key];
  if (value && value.IsScalar())
    return std::vector<std::string>{value.Scalar()};
  if (value && value.IsMap()) {
    problems.add(file, value, std::string("field '") + key + "' should be text or a list like [a, b]");
    return std::nullopt;
  }
  return readStringList(file, map, key, required, problems);
}

// Which ids an answer of `kind` may name, in words for the messages.
bool knownId(const std::string &kind, const std::string &id, const QuizSetIds &ids) {
  if (kind == "source")
    return ids.claims.empty() || ids.claims.count(id);
  if (ids.structures.empty() && ids.landmarks.empty())
    return true;
  return ids.structures.count(id) || ids.landmarks.count(id);
}

std::string idWords(const std::string &kind) {
  return kind == "source" ? "a claim id of the knowledge base (content/structures)"
                          : "a structure or landmark id of the model";
}

void checkAnswers(const std::string &file, const YAML::Node &node, const QuizSetQuestion &q,
                  const std::string &what, const QuizSetIds &ids, Problems &problems) {
  const YAML::Node answerNode = node["answer"] ? node["answer"] : node;
  const YAML::Node optionsNode = node["options"] ? node["options"] : node;
  if (q.answer.empty()) {
    problems.add(file, answerNode, what + " has no answer; add 'answer:'");
    return;
  }
  if (answersWithIds(q.kind)) {
    for (const std::string &id : q.answer)
      if (!knownId(q.kind, id, ids))
        problems.add(file, answerNode, what + " answers '" + id + "', which is not " + idWords(q.kind));
    for (const std::string &id : q.options)
      if (!knownId(q.kind, id, ids))
        problems.add(file, optionsNode, what + " offers '" + id + "', which is not " + idWords(q.kind));
  }
  if (q.kind == "text" && !q.options.empty())
    problems.add(file, optionsNode, what + " is typed (kind text) and takes no options; use kind 'choice'");
  if (q.kind == "choice" && q.options.size() < 2)
    problems.add(file, node["options"] ? optionsNode : node,
                 what + " is multiple choice and needs 'options:' with at least two choices");
  if (!q.options.empty())
    for (const std::string &answer : q.answer)
      if (std::find(q.options.begin(), q.options.end(), answer) == q.options.end())
        problems.add(file, answerNode, what + " answers '" + answer + "', which is not one of its options");
}

void readQuestion(const std::string &file, const YAML::Node &node, const QuizSetIds &ids, QuizSet &set,
                  Problems &problems) {
  if (!node.IsMap()) {
    problems.add(file, node,
                 "every question should be a map with id, kind, prompt, answer, explanation, cite");
    return;
  }
  QuizSetQuestion q;
  q.file = file;
  q.line = lineOf(node);
  const std::optional<std::string> id = readString(file, node, "id", true, problems);
  if (!id)
    return;
  q.id = *id;
  const std::string what = "question '" + q.id + "'";
  Problems fields;
  q.kind = readString(file, node, "kind", true, fields).value_or("");
  q.prompt = readString(file, node, "prompt", true, fields).value_or("");
  q.explanation = readString(file, node, "explanation", true, fields).value_or("");
  const std::optional<std::vector<std::string>> answer = readTexts(file, node, "answer", true, fields);
  q.answer = answer.value_or(std::vector<std::string>{});
  q.options = readTexts(file, node, "options", false, fields).value_or(std::vector<std::string>{});
  q.cite = readStringList(file, node, "cite", true, fields).value_or(std::vector<std::string>{});
  for (const std::string &message : fields.messages())
    problems.add(message + " (" + what + ")");
  bool usable = fields.empty();
  static const std::set<std::string> known = {"id",      "kind",        "prompt", "answer",
                                              "options", "explanation", "cite"};
  for (const auto &field : node)
    if (!known.count(field.first.Scalar())) {
      problems.add(file, field.first,
                   "unknown field '" + field.first.Scalar() + "' in " + what +
                       " (expected id, kind, prompt, answer, options, explanation, cite)");
      usable = false;
    }
  if (!q.kind.empty() && !isQuizSetKind(q.kind)) {
    problems.add(file, node["kind"],
                 what + " has kind '" + q.kind +
                     "' (expected find, name, attachment, supply, relation, source, choice or text)");
    usable = false;
  }
  if (answer) {
    Problems answers;
    if (isQuizSetKind(q.kind))
      checkAnswers(file, node, q, what, ids, answers);
    for (const std::string &m : answers.messages())
      problems.add(m);
    usable = usable && answers.empty();
  }
  const YAML::Node citeNode = node["cite"] ? node["cite"] : node;
  if (node["cite"] && q.cite.empty()) {
    problems.add(file, citeNode, what + " cites no work; add 'cite: [work_id]' (content/bibliography)");
    usable = false;
  }
  for (const std::string &work : q.cite)
    if (!ids.works.empty() && !ids.works.count(work)) {
      problems.add(file, citeNode,
                   what + " cites '" + work +
                       "', which is not a work id of the bibliography (content/bibliography)");
      usable = false;
    }
  if (const QuizSetQuestion *first = set.findQuestion(q.id)) {
    problems.add(file, node,
                 what + " is used again in set '" + set.id + "' (first at line " +
                     std::to_string(first->line) + ")");
    usable = false;
  }
  if (usable)
    set.questions.push_back(std::move(q));
}

void readSetFile(const std::string &file, const std::string &folder, const QuizSetIds &ids, QuizSets &sets,
                 Problems &problems) {
  const Result<YAML::Node> root = loadYamlFile(file, folder);
  if (!root) {
    problems.add(root.error());
    return;
  }
  if (!root->IsMap()) {
    problems.add(file, *root, "a question set should be a map with id, title, audience, questions");
    return;
  }
  QuizSet set;
  set.file = file;
  set.line = lineOf(*root);
  Problems fields;
  set.id = readString(file, *root, "id", true, fields).value_or("");
  set.title = readString(file, *root, "title", true, fields).value_or("");
  set.audience = readString(file, *root, "audience", true, fields).value_or("");
  for (const std::string &message : fields.messages())
    problems.add(message + " (question set)");
  static const std::set<std::string> known = {"id", "title", "audience", "questions"};
  for (const auto &field : *root)
    if (!known.count(field.first.Scalar()))
      problems.add(file, field.first,
                   "unknown section '" + field.first.Scalar() +
                       "' (expected id, title, audience, questions)");
  const YAML::Node list = (*root)["questions"];
  if (!list || !list.IsSequence() || list.size() == 0) {
    problems.add(file, list ? list : *root, "a question set should hold a non-empty list 'questions:'");
    return;
  }
  for (const YAML::Node &node : list)
    readQuestion(file, node, ids, set, problems);
  if (set.id.empty())
    return;
  if (const QuizSet *first = sets.find(set.id)) {
    problems.add(file, *root,
                 "question set id '" + set.id + "' is used again (first in " + first->file + ")");
    return;
  }
  sets.sets.push_back(std::move(set));
}

} // namespace

bool isQuizSetKind(const std::string &kind) {
  return std::find(kinds().begin(), kinds().end(), kind) != kinds().end();
}

bool answersWithIds(const std::string &kind) {
  return isQuizSetKind(kind) && kind != "choice" && kind != "text";
}

std::string QuizSet::cardKey(const QuizSetQuestion &question) const {
  return question.kind + ":" + id + "/" + question.id;
}

const QuizSetQuestion *QuizSet::findQuestion(const std::string &questionId) const {
  for (const QuizSetQuestion &q : questions)
    if (q.id == questionId)
      return &q;
  return nullptr;
}

const QuizSet *QuizSets::find(const std::string &id) const {
  for (const QuizSet &set : sets)
    if (set.id == id)
      return &set;
  return nullptr;
}

QuizSets loadQuizSets(const std::string &dir, const QuizSetIds &ids) {
  QuizSets sets;
  Problems problems;
  for (const std::string &file : yamlFilesIn(dir))
    readSetFile(file, dir, ids, sets, problems);
  sets.problems = problems.messages();
  return sets;
}

QuizSets loadQuizSetFile(const std::string &file, const QuizSetIds &ids) {
  QuizSets sets;
  Problems problems;
  readSetFile(file, "", ids, sets, problems);
  sets.problems = problems.messages();
  return sets;
}

} // namespace atlas::content
