#include "session/session_content.h"

#include "core/log.h"
#include "core/paths.h"

#include <set>
#include <string>
#include <vector>

namespace atlas {

content::KnowledgeLoad loadKnowledgeFor(const Scene &scene) {
  const std::string dir = paths::findDataDir("content").string();
  if (dir.empty()) {
    content::KnowledgeLoad none;
    none.problems.push_back("content folder not found: structure descriptions and claims are unavailable");
    return none;
  }
  // Ids are checked against the model only for the bundled anatomical model; a teacher's own file
  // has its own names, and the knowledge base simply has nothing to say about them.
  std::set<std::string> modelIds;
  std::vector<std::string> landmarkIds; // each of the model's landmarks needs a description
  if (scene.isBundledAnatomy())
    for (const Structure &s : scene.structures()) {
      modelIds.insert(s.id);
      for (const Landmark &l : s.landmarks)
        landmarkIds.push_back(l.id);
    }
  content::KnowledgeLoad loaded = content::loadKnowledgeBase(dir, modelIds);
  for (std::string &problem :
       content::undescribedLandmarks(loaded.knowledge, landmarkIds, dir + "/structures"))
    loaded.problems.push_back(std::move(problem));
  return loaded;
}

void installArticle(Session &session, std::shared_ptr<content::Article> article) {
  if (!article) {
    log::warning("content folder not found: the article is unavailable");
    return;
  }
  for (const std::string &problem : article->problems)
    log::warning(problem);
  if (const std::string dir = paths::findDataDir("content").string(); !dir.empty()) {
    auto teaching = std::make_shared<content::Teaching>(content::loadTeachingWith(dir, session.knowledge()));
    for (const std::string &problem : teaching->problems)
      log::warning(problem);
    session.teaching = std::move(teaching);
  }
  if (!article->sections.empty()) {
    session.articleView.section = article->sections.front().id;
    session.articleView.openSections.insert(article->sections.front().id);
  }
  session.article = std::move(article);
}

} // namespace atlas
