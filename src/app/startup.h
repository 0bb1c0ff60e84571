// What the command line asks for after the model is open, in a fixed order: visibility, view,
// selection, then the click. Shared by the window and the headless runs; no GL.
#pragma once

#include "app/cli.h"
#include "session/session.h"

namespace atlas {

Result<bool> applyStartupOptions(Session &session, const Options &options);
// The one-line messages and exit codes of the headless run.
int runHeadless(Session &session, const Options &options);
int runWindow(Session &session, const Options &options);

} // namespace atlas
