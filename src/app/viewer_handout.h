// The picture handout drawn by the viewer (File > Export handout, --export-handout): the plan from
// the session's selection (session/handout_plan.h), each picture rendered offscreen without the
// interface, then the PDF (io/handout_pdf.h). Part of the viewer library; no window needed.
#pragma once

#include "app/viewer.h"
#include "core/result.h"
#include "session/session.h"

#include <string>

namespace atlas {

// Needs the viewer's GL context to be current. The session's selection, camera and viewport are put
// back afterwards, so the window shows what it showed before.
// `ofLesson`: the open lesson's handout, one block per step (session/handout_plan.h).
Result<void> exportHandout(Viewer &viewer, Session &session, bool patient, const std::string &path,
                           bool ofLesson = false);

} // namespace atlas
