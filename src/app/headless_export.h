// What the headless picture exports share (--export-handout, --export-animation): an EGL context and a
// viewer, the start-up model installed and the command line applied, ready to render offscreen.
#pragma once

#include "app/cli.h"
#include "app/viewer.h"
#include "core/result.h"
#include "render/headless_context.h"
#include "session/model_load_job.h"
#include "session/session.h"

#include <memory>

namespace atlas {

struct HeadlessExport {
  std::unique_ptr<HeadlessContext> context; // declared first: it outlives the viewer
  std::unique_ptr<Viewer> viewer;
};

// Waits for the start-up load; the error is one line (the caller logs it and exits non-zero).
Result<HeadlessExport> prepareHeadlessExport(Session &session, const Options &options, ModelLoadJob &loading);

} // namespace atlas
