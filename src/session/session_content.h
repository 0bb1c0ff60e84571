// The content beside the model: the knowledge base, the article and the teaching entries, read from
// the content folder and put into the session. Problems never stop the app: they go to the log with
// file:line each, and what loaded is used. No GL.
#pragma once

#include "content/article.h"
#include "content/content_load.h"
#include "content/knowledge_base.h"
#include "scene/scene.h"
#include "session/session.h"

#include <memory>

namespace atlas {

// The knowledge base for `scene` (on the loading worker): problems are returned, not logged.
// Ids are checked against the model only when it is the bundled anatomy.
content::KnowledgeLoad loadKnowledgeFor(const Scene &scene);

// Puts an article read on the loading worker (content::loadArticleWith) into the session, logging
// its problems, and loads the teaching entries beside it (content::loadTeachingWith, one small
// file); null means the content folder was not found.
void installArticle(Session &session, std::shared_ptr<content::Article> article);

} // namespace atlas
