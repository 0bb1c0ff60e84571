// The headless run: an EGL context, one frame into an offscreen framebuffer, then the screenshot
// and the state file. Errors come back as one line and a non-zero exit code.
#include "app/phase_timings.h"
#include "app/startup.h"
#include "app/viewer.h"
#include "core/log.h"
#include "io/atomic_file.h"
#include "io/png.h"
#include "render/gl.h"
#include "render/headless_context.h"
#include "render/offscreen_target.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace atlas {
namespace {

// --benchmark-frames: N frames with the camera orbiting, then N still, each finished (glFinish) so
// the time is the whole frame; "cpu" is the application side (UI, commands, draw submission).
void benchmarkFrames(Viewer &viewer, Session &session, const Options &options, bool withUi,
                     const OffscreenTarget &target) {
  using timings::Clock;
  auto report = [](const char *what, std::vector<double> &ms) {
    std::sort(ms.begin(), ms.end());
    std::fprintf(stderr, "scalene-atlas: frames: %s n=%zu median=%.3f min=%.3f max=%.3f\n", what, ms.size(),
                 ms[ms.size() / 2], ms.front(), ms.back());
  };
  for (const bool moving : {true, false}) {
    std::vector<double> total, cpu;
    for (int i = 0; i < options.benchmarkFrames; ++i) {
      const Clock::time_point start = Clock::now();
      target.bind(); // readPixels() leaves framebuffer 0 bound
      if (moving)
        session.camera().orbit(0.02f, 0.0f);
      viewer.renderFrame(options.width, options.height, 1.0f / 60.0f, withUi);
      const Clock::time_point submitted = Clock::now();
      glFinish();
      const Clock::time_point done = Clock::now();
      cpu.push_back(timings::msBetween(start, submitted));
      total.push_back(timings::msBetween(start, done));
    }
    report(moving ? "moving" : "still", total);
    report(moving ? "moving-cpu" : "still-cpu", cpu);
  }
}

} // namespace

int runHeadless(Session &session, const Options &options) {
  // With the interface in the image, the view and the click wait until the panels have found their
  // place: the 3D view is the area between them.
  const bool withUi = !options.screenshot.empty() && !options.noUi;
  if (Result<bool> ok = applyStartupOptions(session, options, !withUi); !ok) {
    log::error(ok.error());
    return 1;
  }
  timings::mark("start-up options");
  if (!options.screenshot.empty()) {
    Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
    if (!context) {
      log::error(context.error());
      return 1;
    }
    timings::mark("GL context (EGL)");
    ui::UiSettings settings;
    if (options.uiScale)
      settings.scale = *options.uiScale;
    Result<std::unique_ptr<Viewer>> viewer = Viewer::create(session, settings, nullptr);
    if (!viewer) {
      log::error(viewer.error());
      return 1;
    }
    timings::mark("renderer and UI init");
    Result<OffscreenTarget> target = OffscreenTarget::create(options.width, options.height, options.samples);
    if (!target) {
      log::error(target.error());
      return 1;
    }
    if (withUi) {
      for (int i = 0; i < 2; ++i) // auto-sized windows take a frame or two to find their size
        (*viewer)->settleInterface(options.width, options.height);
      applyStartupCamera(session, options);
      (*viewer)->settleInterface(options.width, options.height);
    }
    timings::mark("offscreen target and UI layout");
    target->bind();
    (*viewer)->renderFrame(options.width, options.height, 0.0f, withUi);
    if (timings::state().enabled)
      glFinish(); // so the phase holds the GPU upload and the first draw, not just their submission
    timings::mark("first frame (GPU upload, draw)");
    Image image = target->readPixels();
    timings::mark("read back");
    timings::total("total to first frame");
    if (Result<bool> written = writePng(image, options.screenshot); !written) {
      log::error(written.error());
      return 1;
    }
    timings::mark("PNG write");
    if (options.benchmarkFrames > 0)
      benchmarkFrames(**viewer, session, options, withUi, *target);
    timings::peakMemory();
  }
  if (!options.statePath.empty()) {
    if (Result<bool> written = writeFileAtomically(options.statePath, session.stateJson().dump(2) + "\n");
        !written) {
      log::error(written.error());
      return 1;
    }
  }
  return 0;
}

} // namespace atlas
