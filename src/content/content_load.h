// The article and the teaching entries loaded the way the viewer loads them: checked against the
// knowledge base's structure ids, claim ids and bibliography, with the claims' source notes attached.
// The viewer (app/article_startup) and the tests both go through here, so the tests check the path
// the app takes.
#pragma once

#include "content/article.h"
#include "content/knowledge_base.h"
#include "content/quiz_set.h"
#include "content/teaching.h"

#include <set>
#include <string>

namespace atlas::content {

// Every structure id the knowledge base declares ("{side}" expanded to _right and _left).
std::set<std::string> structureIds(const KnowledgeBase &knowledge);

// A claim's text, note and source for the article's source notes; valid while `knowledge` lives.
ClaimLookup claimLookup(const KnowledgeBase &knowledge);

// content/article against the knowledge base, with the bibliography's citations and the claims'
// source notes attached. Problems are in Article::problems (file:line each).
Article loadArticleWith(const std::string &contentDir, const KnowledgeBase &knowledge);

// content/teaching against the knowledge base's structure ids and its bibliography's work ids.
Teaching loadTeachingWith(const std::string &contentDir, const KnowledgeBase &knowledge);

// What question sets are checked against: the knowledge base's structure, landmark and claim ids
// and its bibliography's work ids.
QuizSetIds quizSetIds(const KnowledgeBase &knowledge);
// content/quizzes (the bundled question sets, issue 15) against the knowledge base.
QuizSets loadQuizSetsWith(const std::string &contentDir, const KnowledgeBase &knowledge);

} // namespace atlas::content
