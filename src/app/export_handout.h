// The picture handout (--export-handout FILE.pdf [--patient], File > Export handout): the plan from
// the session's selection (session/handout_plan.h), each picture rendered offscreen by the viewer
// without the interface, then the PDF (io/handout_pdf.h).
#pragma once

#include "app/cli.h"
#include "app/model_load_job.h"
#include "app/viewer.h"
#include "core/result.h"
#include "session/session.h"

#include <string>

namespace atlas {

// Needs the viewer's GL context to be current. The session's selection, camera and viewport are put
// back afterwards, so the window shows what it showed before.
// `ofLesson`: the open lesson's handout, one block per step (session/handout_plan.h).
Result<bool> exportHandout(Viewer &viewer, Session &session, bool patient, const std::string &path,
                           bool ofLesson = false);

// The headless run for --export-handout: an EGL context, the model, the start-up options (--select,
// --source, visibility), then exportHandout(); returns the exit code.
int exportHandoutHeadless(Session &session, const Options &options, ModelLoadJob &loading);

} // namespace atlas
