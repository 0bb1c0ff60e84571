// The headless run: an EGL context, one frame into an offscreen framebuffer, then the screenshot
// and the state file. Errors come back as one line and a non-zero exit code.
#include "app/startup.h"
#include "app/viewer.h"
#include "core/log.h"
#include "io/atomic_file.h"
#include "io/png.h"
#include "render/headless_context.h"
#include "render/offscreen_target.h"

#include <cstdio>

namespace atlas {

int runHeadless(Session &session, const Options &options) {
  // With the interface in the image, the view and the click wait until the panels have found their
  // place: the 3D view is the area between them.
  const bool withUi = !options.screenshot.empty() && !options.noUi;
  if (Result<bool> ok = applyStartupOptions(session, options, !withUi); !ok) {
    log::error(ok.error());
    return 1;
  }
  if (!options.screenshot.empty()) {
    Result<std::unique_ptr<HeadlessContext>> context = HeadlessContext::create();
    if (!context) {
      log::error(context.error());
      return 1;
    }
    ui::UiSettings settings;
    if (options.uiScale)
      settings.scale = *options.uiScale;
    Result<std::unique_ptr<Viewer>> viewer = Viewer::create(session, settings, nullptr);
    if (!viewer) {
      log::error(viewer.error());
      return 1;
    }
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
    target->bind();
    (*viewer)->renderFrame(options.width, options.height, 0.0f, withUi);
    Image image = target->readPixels();
    if (Result<bool> written = writePng(image, options.screenshot); !written) {
      log::error(written.error());
      return 1;
    }
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
