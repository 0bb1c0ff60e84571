// What the command line asks for after the model is open, in a fixed order: visibility, view,
// selection, then the click. Shared by the window and the headless runs; no GL.
#pragma once

#include "app/cli.h"
#include "session/session.h"

namespace atlas {

class ModelLoadJob;

// `withCamera` false leaves the view and the --pick click for applyStartupCamera(), to be called
// once the interface has settled and the 3D view's area is known.
Result<void> applyStartupOptions(Session &session, const Options &options, bool withCamera = true);
void applyStartupCamera(Session &session, const Options &options);
// The one-line messages and exit codes of the headless run.
// Both take the start-up load that main() began: the headless run waits for it once its GL context
// is made; the window draws (with a progress bar and Cancel) until it is done.
int runHeadless(Session &session, const Options &options, ModelLoadJob &loading);
int runWindow(Session &session, const Options &options, ModelLoadJob &loading);

} // namespace atlas
