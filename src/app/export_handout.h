// The headless run for --export-handout: an EGL context, the model, the start-up options (--select,
// --source, visibility), then the viewer's handout (app/viewer_handout.h).
#pragma once

#include "app/cli.h"
#include "session/model_load_job.h"
#include "session/session.h"

namespace atlas {

// Returns the exit code.
int exportHandoutHeadless(Session &session, const Options &options, ModelLoadJob &loading);

} // namespace atlas
