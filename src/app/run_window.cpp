// The interactive run: a GLFW window with an OpenGL 3.3 core context, rendering on demand — the loop
// sleeps until an event arrives unless the camera is animating or a coarse image of the model waits
// to be replaced by the full one. The model is multisampled by the viewer, not by the window.
#include "app/startup.h"
#include "app/viewer.h"
#include "app/window_state.h"
#include "core/log.h"
#include "core/paths.h"
#include "render/gl.h"
#include "render/headless_context.h"
#include "session/model_load_job.h"

#include <GLFW/glfw3.h>

namespace atlas {

namespace {
// Presentation mode fills the screen; leaving it puts the window back where and as big as it was.
class PresentationWindow {
public:
  explicit PresentationWindow(GLFWwindow *window) : window_(window) {}
  // True when the window changed.
  bool follow(bool presenting) {
    if (presenting == fullScreen_)
      return false;
    GLFWmonitor *monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode *mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (presenting && mode) {
      glfwGetWindowPos(window_, &x_, &y_);
      glfwGetWindowSize(window_, &width_, &height_);
      glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else if (!presenting) {
      glfwSetWindowMonitor(window_, nullptr, x_, y_, width_, height_, 0);
    }
    fullScreen_ = presenting;
    return true;
  }

private:
  GLFWwindow *window_;
  bool fullScreen_ = false;
  int x_ = 0, y_ = 0, width_ = 1280, height_ = 720;
};
} // namespace

namespace {

constexpr int kMaxBusyFrames = 120;

Viewer &viewerOf(GLFWwindow *window) {
  return *static_cast<Viewer *>(glfwGetWindowUserPointer(window));
}

// Every input event waits in the viewer's InputQueue for the frame that takes it.
void installInputCallbacks(GLFWwindow *window) {
  glfwSetMouseButtonCallback(window, [](GLFWwindow *w, int button, int action, int mods) {
    InputEvent e{InputEvent::Kind::MouseButton, button, action != GLFW_RELEASE};
    e.mods = mods;
    e.time = glfwGetTime();
    viewerOf(w).input().push(e);
  });
  glfwSetCursorPosCallback(window, [](GLFWwindow *w, double x, double y) {
    InputEvent e{InputEvent::Kind::CursorPos};
    e.x = x;
    e.y = y;
    viewerOf(w).input().push(e);
  });
  glfwSetScrollCallback(window, [](GLFWwindow *w, double dx, double dy) {
    InputEvent e{InputEvent::Kind::Scroll};
    e.x = dx;
    e.y = dy;
    viewerOf(w).input().push(e);
  });
  glfwSetKeyCallback(window, [](GLFWwindow *w, int key, int scancode, int action, int mods) {
    InputEvent e{InputEvent::Kind::Key, key, action != GLFW_RELEASE, scancode, mods, action};
    viewerOf(w).input().push(e);
  });
  glfwSetCharCallback(window, [](GLFWwindow *w, unsigned c) {
    viewerOf(w).input().push(InputEvent{InputEvent::Kind::Char, static_cast<int>(c)});
  });
  glfwSetWindowFocusCallback(window, [](GLFWwindow *w, int focused) {
    viewerOf(w).input().push(InputEvent{InputEvent::Kind::Focus, focused});
  });
  glfwSetCursorEnterCallback(window, [](GLFWwindow *w, int entered) {
    viewerOf(w).input().push(InputEvent{InputEvent::Kind::CursorEnter, entered});
  });
}

} // namespace

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
  if (Result<void> version = checkGlVersion(); !version) {
    log::error(version.error());
    glfwDestroyWindow(window);
    glfwTerminate();
    return 1;
  }

  const std::string settingsPath = paths::settingsFile().string();
  ui::LoadedSettings loadedSettings = ui::loadSettings(settingsPath); // never fails: warnings say why
  for (const std::string &warning : loadedSettings.warnings)
    log::warning(warning);
  ui::UiSettings uiSettings = std::move(loadedSettings.settings);
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
      installInputCallbacks(window);
      if (!options.windowState.empty())
        viewer.setRecordPresentation(true);
      WindowStateFile windowState(options.windowState);
      PresentationWindow presentation(window);
      int pendingFrames = 2;
      int unsettledFrames = 0;
      int framesUntilCamera = -1; // set once the model is in: the view waits for the panels' layout
      bool startupApplied = false;
      double last = glfwGetTime();
      while (!glfwWindowShouldClose(window) && !viewer.quitRequested()) {
        // Draw until the screen shows the result of the last input: events still queued, a frame
        // that changed something (a click's command is applied after the frame that saw it), or
        // ImGui's second frame after an event. Past kMaxBusyFrames of constant change (something
        // that animates by itself), frames are paced instead of drawn back to back.
        const bool busy = pendingFrames > 0 || session.animating() || session.functionAnimation().playing() ||
                          !viewer.input().empty() || (!viewer.settled() && unsettledFrames < kMaxBusyFrames);
        viewer.input().collecting(!busy);
        if (!busy) {
          if (viewer.refining() || viewer.loading() || !viewer.settled())
            glfwWaitEventsTimeout(0.05); // the progress bar moves; the full image follows a move
          else if (session.quizClockRunning() && session.quiz()->mode() == quiz::QuizMode::Exam)
            glfwWaitEventsTimeout(0.1); // an exam's countdown moves (frame dt is capped at 0.1 s)
          else
            glfwWaitEvents();
          pendingFrames = 2; // ImGui needs a second frame to settle hover and layout changes
        } else {
          glfwPollEvents();
        }
        viewer.input().collected(glfwGetTime());
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
              if (Result<void> ok = applyStartupOptions(session, options, false); !ok)
                viewer.setStatus(ok.error());
              framesUntilCamera = 2;
            }
          }
          if (framesUntilCamera > 0 && --framesUntilCamera == 0) {
            applyStartupCamera(session, options);
            pendingFrames = 2;
          }
          glfwSwapBuffers(window);
          if (presentation.follow(session.presenting()))
            pendingFrames = 2; // full screen (or back): the next frames have the new size
          // The model on screen, the picking index builds on a worker (again after a reload), so a
          // first click does not wait for it. Nothing happens once it is built or building.
          if (!session.scene().structures().empty() && !viewer.loading())
            session.preparePicking();
          unsettledFrames = viewer.settled() ? 0 : unsettledFrames + 1;
          if (!options.windowState.empty())
            if (Result<void> written = windowState.update(viewer.presentedStateJson()); !written)
              log::warning(written.error());
        } else {
          while (!viewer.input().empty()) // minimised: nothing to click on, and nothing may wait
            viewer.input().takeFrame();
        }
        --pendingFrames;
      }
      if (Result<void> saved = ui::saveSettings(viewer.settings(), settingsPath); !saved)
        std::fprintf(stderr, "warning: %s\n", saved.error().c_str());
      log::setSink(nullptr);
    }
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  return status;
}

} // namespace atlas
