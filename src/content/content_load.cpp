#include "content/content_load.h"

#include "content/article_sources.h"
#include "content/bibliography.h"

namespace atlas::content {

std::set<std::string> structureIds(const KnowledgeBase &knowledge) {
  std::set<std::string> ids;
  for (const StructureEntry &s : knowledge.structures())
    ids.insert(s.id);
  return ids;
}

ClaimLookup claimLookup(const KnowledgeBase &knowledge) {
  return [&knowledge](const std::string &id) -> std::optional<ClaimNote> {
    const Claim *claim = knowledge.findClaim(id);
    if (!claim)
      return std::nullopt;
    return ClaimNote{claim->id, claim->text, claim->note, claim->source, claim->cite, claim->differsFrom};
  };
}

Article loadArticleWith(const std::string &contentDir, const KnowledgeBase &knowledge) {
  // The bibliography checks the clinical notes' sources and gives them their citations (issue 13).
  const Bibliography bibliography = loadBibliography(contentDir);
  Article article =
      loadArticle(contentDir + "/article", structureIds(knowledge), knowledge.claimIds(), bibliography.ids());
  attachBibliography(article, bibliography);
  attachClaimNotes(article, claimLookup(knowledge));
  return article;
}

Teaching loadTeachingWith(const std::string &contentDir, const KnowledgeBase &knowledge) {
  return loadTeaching(contentDir + "/teaching", structureIds(knowledge), knowledge.bibliography().ids());
}

QuizSetIds quizSetIds(const KnowledgeBase &knowledge) {
  QuizSetIds ids;
  ids.structures = structureIds(knowledge);
  for (const LandmarkEntry &landmark : knowledge.landmarks())
    ids.landmarks.insert(landmark.id);
  ids.claims = knowledge.claimIds();
  ids.works = knowledge.bibliography().ids();
  return ids;
}

QuizSets loadQuizSetsWith(const std::string &contentDir, const KnowledgeBase &knowledge) {
  return loadQuizSets(contentDir + "/quizzes", quizSetIds(knowledge));
}

} // namespace atlas::content
