// The article at start-up: loading it beside the knowledge base, the --panel / --section / --search
// / --patient options, and the --export-article handout (which needs neither a model nor GL).
#pragma once

#include "app/cli.h"
#include "content/article.h"
#include "content/knowledge_base.h"
#include "session/session.h"

#include <memory>

namespace atlas {

// Loads content/article against the knowledge base's structure and claim ids and attaches the
// claims' source notes. Problems are logged as warnings (file:line each); what loaded is used.
content::Article loadArticleWith(const std::string &contentDir, const content::KnowledgeBase &knowledge);
// The same into the session (after loadKnowledge); a missing content folder is one warning.
void loadArticle(Session &session);
// Puts an article loaded elsewhere (the loading worker) into the session, logging its problems;
// null means the content folder was not found.
void installArticle(Session &session, std::shared_ptr<content::Article> article);

// --panel, --section, --search, --patient; then the marks for the current selection. Errors name
// the option and list what it accepts.
Result<bool> applyArticleOptions(Session &session, const Options &options);

// --export-article FILE.md [--patient]: writes the handout atomically; returns the exit code.
int exportArticle(const Options &options);

} // namespace atlas
