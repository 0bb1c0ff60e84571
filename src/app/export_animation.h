// The animated GIF of a key function (--show-function ID --export-animation FILE.gif [--frames N]
// [--size WxH], issue 14): its loop rest -> action -> rest rendered offscreen without the interface,
// frame by frame, and written with giflib for a slide.
#pragma once

#include "app/cli.h"
#include "core/image.h"
#include "core/result.h"
#include "session/model_load_job.h"
#include "session/session.h"

#include <string>
#include <vector>

namespace atlas {

// Writes the frames (all the same size) as a looping GIF, each with its own 256-colour palette,
// `centiseconds` apart.
Result<void> writeAnimatedGif(const std::vector<Image> &frames, int centiseconds, const std::string &path);

// The headless run for --export-animation: an EGL context, the model, the start-up options (which
// show the function), then the frames; returns the exit code.
int exportAnimationHeadless(Session &session, const Options &options, ModelLoadJob &loading);

} // namespace atlas
