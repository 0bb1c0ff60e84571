// The headless run: an EGL context, one frame into an offscreen framebuffer, then the screenshot
// and the state file. Errors come back as one line and a non-zero exit code.
#include "app/export_animation.h"
#include "app/export_handout.h"
#include "app/startup.h"
#include "app/viewer.h"
#include "core/log.h"
#include "core/phase_timings.h"
#include "io/atomic_file.h"
#include "io/png.h"
#include "render/gl.h"
#include "render/headless_context.h"
#include "render/offscreen_target.h"
#include "session/model_load_job.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace atlas {
namespace {

// --benchmark-frames: N frames with the camera orbiting (coarse meshes, no multisampling), N still
// frames in which only the interface is drawn again over the kept image of the model, and N still
// frames that draw the model in full (as after a change of selection or visibility). Each frame is
// finished (glFinish), so the time is the whole frame; "cpu" is the application side up to the
// submission of the draw calls (UI, commands, and the driver's share of the submission); "app" is
// the application's own part of it (Viewer::FrameCost: everything but the OpenGL submissions).
void benchmarkFrames(Viewer &viewer, Session &session, const Options &options, bool withUi,
                     const OffscreenTarget &target) {
  using timings::Clock;
  auto report = [](const char *what, std::vector<double> &ms) {
    std::sort(ms.begin(), ms.end());
    std::fprintf(stderr, "scalene-atlas: frames: %s n=%zu median=%.3f min=%.3f max=%.3f\n", what, ms.size(),
                 ms[ms.size() / 2], ms.front(), ms.back());
  };
  viewer.prepareMotionDetail();
  // With --show-function, "playing": the function's loop advancing 1/60 s a frame (issue 14): a new
  // pose, the posed positions uploaded and the coarse meshes drawn, as in the window while it plays.
  enum Kind { Moving, Still, Redraw, Playing };
  FunctionAnimation &animation = session.functionAnimation();
  std::vector<Kind> kinds = {Moving, Still, Redraw};
  if (animation.active())
    kinds.push_back(Playing);
  for (const Kind kind : kinds) {
    const char *name = kind == Moving   ? "moving"
                       : kind == Still  ? "still"
                       : kind == Redraw ? "still-redraw"
                                        : "playing";
    animation.setPlaying(kind == Playing);
    std::vector<double> total, cpu, app;
    for (int i = 0; i < options.benchmarkFrames; ++i) {
      const Clock::time_point start = Clock::now();
      target.bind();
      if (kind == Moving)
        session.camera().orbit(0.02f, 0.0f);
      if (kind == Redraw)
        viewer.invalidateSceneImage();
      viewer.renderFrame(options.width, options.height,
                         kind == Moving || kind == Playing ? 1.0f / 60.0f : 1.0f, withUi);
      const Clock::time_point submitted = Clock::now();
      glFinish();
      const Clock::time_point done = Clock::now();
      cpu.push_back(timings::msBetween(start, submitted));
      total.push_back(timings::msBetween(start, done));
      app.push_back(viewer.lastFrameCost().application);
    }
    report(name, total);
    report((std::string(name) + "-cpu").c_str(), cpu);
    report((std::string(name) + "-app").c_str(), app);
  }
  animation.setPlaying(false);
}

} // namespace

namespace {
// Waits for the worker's model, installs it (through the viewer when there is one, which takes
// the coarse meshes too) and applies the command-line options; false (message logged) on failure.
bool modelReady(Session &session, Viewer *viewer, const Options &options, ModelLoadJob &loading,
                bool withCamera) {
  Result<LoadedModel> loaded = waitForLoad(loading);
  if (!loaded) {
    log::error(loaded.error());
    return false;
  }
  if (viewer)
    viewer->installModel(std::move(*loaded));
  else
    installLoadedModel(session, std::move(*loaded));
  if (Result<void> ok = applyStartupOptions(session, options, withCamera); !ok) {
    log::error(ok.error());
    return false;
  }
  timings::mark("install model, start-up options");
  return true;
}
} // namespace

int runHeadless(Session &session, const Options &options, ModelLoadJob &loading) {
  if (!options.exportHandout.empty()) // pictures of its own sizes, then the PDF
    return exportHandoutHeadless(session, options, loading);
  if (!options.exportAnimation.empty()) // a function's loop as a GIF (issue 14)
    return exportAnimationHeadless(session, options, loading);
  // With the interface in the image, the view and the click wait until the panels have found their
  // place: the 3D view is the area between them.
  const bool withUi = !options.screenshot.empty() && !options.noUi;
  if (options.screenshot.empty() && !modelReady(session, nullptr, options, loading, true))
    return 1;
  nlohmann::json layout; // where the interface put its parts, when one was drawn
  if (!options.screenshot.empty()) {
    // The GL context, the renderer and the fonts are made while the worker loads the model.
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
    if (withUi)
      (*viewer)->prepareInterface();
    // The interface is drawn straight into the image; the model is drawn multisampled by the viewer.
    (*viewer)->setSceneSamples(options.samples);
    // The viewer draws the model in its own buffers and copies it here, under the interface.
    Result<OffscreenTarget> target =
        OffscreenTarget::create(options.width, options.height, 0, Framebuffer::Depth::None);
    if (!target) {
      log::error(target.error());
      return 1;
    }
    timings::mark("renderer, fonts, offscreen target");
    if (!modelReady(session, viewer->get(), options, loading, !withUi))
      return 1;
    if (withUi) {
      for (int i = 0; i < 2; ++i) // auto-sized windows take a frame or two to find their size
        (*viewer)->settleInterface(options.width, options.height);
      applyStartupCamera(session, options);
      (*viewer)->settleInterface(options.width, options.height);
    }
    timings::mark("UI layout");
    target->bind();
    (*viewer)->renderFrame(options.width, options.height, 0.0f, withUi);
    if (timings::state().enabled)
      glFinish(); // so the phase holds the GPU upload and the first draw, not just their submission
    timings::mark("first frame (GPU upload, draw)");
    Image image = target->readPixels();
    timings::mark("read back");
    timings::total("total to first frame");
    if (Result<void> written = writePng(image, options.screenshot); !written) {
      log::error(written.error());
      return 1;
    }
    timings::mark("PNG write");
    if (withUi)
      layout = (*viewer)->screenLayout();
    if (options.benchmarkFrames > 0)
      benchmarkFrames(**viewer, session, options, withUi, *target);
    timings::peakMemory();
  }
  if (!options.statePath.empty()) {
    nlohmann::json state = session.stateJson();
    if (!layout.is_null())
      state["layout"] = layout;
    if (Result<void> written = writeFileAtomically(options.statePath, state.dump(2) + "\n"); !written) {
      log::error(written.error());
      return 1;
    }
  }
  return 0;
}

} // namespace atlas
