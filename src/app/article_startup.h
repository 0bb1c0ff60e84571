// The article's options at start-up: --panel / --section / --search / --patient / --show-function
// handed to the session as its reading request (session/startup_commands.h), and the
// --export-article handout (which needs neither a model nor GL).
#pragma once

#include "app/cli.h"
#include "session/session.h"

namespace atlas {

// --panel, --show-source, --show-teaching, --section, --search, --patient, --show-function, as the
// session's reading request (session/startup_commands.h). Errors name the option.
Result<void> applyArticleOptions(Session &session, const Options &options);

// --export-article FILE.md [--patient]: writes the handout atomically; returns the exit code.
int exportArticle(const Options &options);

} // namespace atlas
