// The article at start-up: loading it beside the knowledge base, the --panel / --section / --search
// / --patient options, and the --export-article handout (which needs neither a model nor GL).
#pragma once

#include "app/cli.h"
#include "content/article.h"
#include "content/content_load.h"
#include "session/session.h"

#include <memory>

namespace atlas {

// content::loadArticleWith and content::loadTeachingWith (content/content_load.h) load the files.
// The same into the session (after loadKnowledge); a missing content folder is one warning.
void loadArticle(Session &session);
// Puts an article loaded elsewhere (the loading worker) into the session, logging its problems,
// and loads the teaching entries beside it (one small file); null means the content folder was not
// found.
void installArticle(Session &session, std::shared_ptr<content::Article> article);

// --panel, --section, --search, --patient, --show-teaching; then the marks for the current selection. Errors
// name the option and list what it accepts.
Result<bool> applyArticleOptions(Session &session, const Options &options);

// --export-article FILE.md [--patient]: writes the handout atomically; returns the exit code.
int exportArticle(const Options &options);

} // namespace atlas
