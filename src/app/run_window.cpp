// The interactive run: a GLFW window with an OpenGL 3.3 core context, rendering on demand — the loop
// sleeps until an event arrives unless the camera is animating or a coarse image of the model waits
// to be replaced by the full one. The model is multisampled by the viewer, not by the window.
#include "app/model_load_job.h"
#include "app/startup.h"
#include "app/viewer.h"
#include "core/log.h"
#include "core/paths.h"
#include "render/gl.h"
#include "render/headless_context.h"

#include <GLFW/glfw3.h>

namespace atlas {

int runWindow(Session &session, const Options &options, ModelLoadJob &loading) {
  glfwSetErrorCallback(
      [](int code, const char *text) { log::warning("GLFW error " + std::to_string(code) + ": " + text); });
  if (!glfwInit()) {
    log::error("cannot open a window (no display?): run with --headless --screenshot FILE.png to render "
               "without one");
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SAMPLES, 0);
  GLFWwindow *window = glfwCreateWindow(options.width, options.height, "Scalene Atlas", nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    log::error("this system cannot create an OpenGL 3.3 core context; update the graphics driver or run with "
               "LIBGL_ALWAYS_SOFTWARE=1");
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  if (Result<bool> version = checkGlVersion(); !version) {
    log::error(version.error());
    glfwDestroyWindow(window);
    glfwTerminate();
    return 1;
  }

  const std::string settingsPath = paths::settingsFile().string();
  Result<ui::UiSettings> settings = ui::loadSettings(settingsPath);
  ui::UiSettings uiSettings = settings ? *settings : ui::UiSettings{};
  if (!settings)
    log::warning(settings.error());
  if (options.uiScale)
    uiSettings.scale = *options.uiScale;
  if (!uiSettings.disclaimerSeen) { // first start: the disclaimer comes first
    session.articleView.disclaimerOpen = true;
    uiSettings.disclaimerSeen = true;
  }

  int status = 0;
  {
    Result<std::unique_ptr<Viewer>> created = Viewer::create(session, uiSettings, window);
    if (!created) {
      log::error(created.error());
      status = 1;
    } else {
      Viewer &viewer = **created;
      // Messages reach the status bar while the window is open, and stderr too.
      log::setSink([&viewer](log::Level level, const std::string &message) {
        std::fprintf(stderr, "%s%s\n", level == log::Level::Error ? "error: " : "", message.c_str());
        if (level != log::Level::Info)
          viewer.setStatus(message);
      });
      viewer.adoptLoading(std::move(loading));
      // A file dropped on the window opens like File > Open.
      glfwSetWindowUserPointer(window, &viewer);
      glfwSetDropCallback(window, [](GLFWwindow *w, int count, const char **paths) {
        if (count > 0)
          static_cast<Viewer *>(glfwGetWindowUserPointer(w))->openModel(paths[0]);
      });
      int pendingFrames = 2;
      int framesUntilCamera = -1; // set once the model is in: the view waits for the panels' layout
      bool startupApplied = false;
      double last = glfwGetTime();
      while (!glfwWindowShouldClose(window) && !viewer.quitRequested()) {
        if (pendingFrames <= 0 && !session.animating()) {
          if (viewer.refining() || viewer.loading())
            glfwWaitEventsTimeout(0.05); // the progress bar moves; the full image follows a move
          else
            glfwWaitEvents();
          pendingFrames = 2; // ImGui needs a second frame to settle hover and layout changes
        } else {
          glfwPollEvents();
        }
        const double now = glfwGetTime();
        const float dt = static_cast<float>(std::min(now - last, 0.1));
        last = now;
        int width = 0, height = 0;
        glfwGetFramebufferSize(window, &width, &height);
        if (width > 0 && height > 0) {
          glBindFramebuffer(GL_FRAMEBUFFER, 0);
          viewer.renderFrame(width, height, dt, true);
          if (!startupApplied && viewer.lastLoadEvent() != Viewer::LoadEvent::None) {
            startupApplied = true; // the command line applies to the start-up model only
            if (viewer.lastLoadEvent() == Viewer::LoadEvent::Installed) {
              if (Result<bool> ok = applyStartupOptions(session, options, false); !ok)
                viewer.setStatus(ok.error());
              framesUntilCamera = 2;
            }
          }
          if (framesUntilCamera > 0 && --framesUntilCamera == 0) {
            applyStartupCamera(session, options);
            pendingFrames = 2;
          }
          glfwSwapBuffers(window);
        }
        --pendingFrames;
      }
      if (Result<bool> saved = ui::saveSettings(viewer.settings(), settingsPath); !saved)
        std::fprintf(stderr, "warning: %s\n", saved.error().c_str());
      log::setSink(nullptr);
    }
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  return status;
}

} // namespace atlas
