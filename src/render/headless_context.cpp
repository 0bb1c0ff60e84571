#include "render/headless_context.h"

#include "render/gl.h"

#include <epoxy/egl.h>
#include <string>

namespace atlas {
namespace {

EGLDisplay openDisplay() {
  auto getPlatformDisplay =
      reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (getPlatformDisplay) {
    // Surfaceless needs no X server and no device node: ideal for CI and render farms.
    EGLDisplay d = getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (d != EGL_NO_DISPLAY && eglInitialize(d, nullptr, nullptr))
      return d;
    auto queryDevices = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
    EGLDeviceEXT devices[8];
    EGLint count = 0;
    if (queryDevices && queryDevices(8, devices, &count) && count > 0) {
      d = getPlatformDisplay(EGL_PLATFORM_DEVICE_EXT, devices[0], nullptr);
      if (d != EGL_NO_DISPLAY && eglInitialize(d, nullptr, nullptr))
        return d;
    }
  }
  EGLDisplay d = eglGetDisplay(EGL_DEFAULT_DISPLAY);
  if (d != EGL_NO_DISPLAY && eglInitialize(d, nullptr, nullptr))
    return d;
  return EGL_NO_DISPLAY;
}

// Undoes a failed start without eglTerminate(): terminating unloads Mesa's driver, and the driver's
// own process-lifetime allocations then show up in LeakSanitizer's report as leaks from an unknown
// module that no suppression can name (seen on a fresh machine: ten lines instead of one). The
// display stays initialised until the process ends, as after a successful run.
void releaseFailedStart(EGLDisplay display, EGLContext context) {
  eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  if (context != EGL_NO_CONTEXT)
    eglDestroyContext(display, context);
  eglReleaseThread();
}

} // namespace

Result<std::unique_ptr<HeadlessContext>> HeadlessContext::create() {
  EGLDisplay display = openDisplay();
  if (display == EGL_NO_DISPLAY)
    return Error{"headless rendering: no EGL display could be opened (is Mesa's libegl-mesa0 installed?)"};
  if (!eglBindAPI(EGL_OPENGL_API)) {
    releaseFailedStart(display, EGL_NO_CONTEXT);
    return Error{"headless rendering: this EGL does not provide desktop OpenGL"};
  }
  const EGLint configAttribs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint configs = 0;
  eglChooseConfig(display, configAttribs, &config, 1, &configs);
  const EGLint contextAttribs[] = {EGL_CONTEXT_MAJOR_VERSION,
                                   3,
                                   EGL_CONTEXT_MINOR_VERSION,
                                   3,
                                   EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                   EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                   EGL_NONE};
  EGLContext context =
      eglCreateContext(display, configs > 0 ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, contextAttribs);
  if (context == EGL_NO_CONTEXT) {
    char code[16]; // read before the clean-up, which resets it
    std::snprintf(code, sizeof code, "%x", static_cast<unsigned>(eglGetError()));
    releaseFailedStart(display, EGL_NO_CONTEXT);
    return Error{std::string("headless rendering: this system cannot create an OpenGL 3.3 core context (EGL "
                             "error 0x") +
                 code +
                 "); update the graphics driver, or install Mesa (libgl1-mesa-dri) for software rendering"};
  }
  if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
    releaseFailedStart(display, context);
    return Error{"headless rendering: could not make the OpenGL context current"};
  }
  std::unique_ptr<HeadlessContext> ctx(new HeadlessContext());
  ctx->display_ = display;
  ctx->context_ = context;
  if (Result<void> version = checkGlVersion(); !version)
    return Error{version.error()};
  return ctx;
}

HeadlessContext::~HeadlessContext() {
  auto display = static_cast<EGLDisplay>(display_);
  eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  eglDestroyContext(display, static_cast<EGLContext>(context_));
  // No eglTerminate(): it unloads Mesa's driver, after which leak reports from inside the driver
  // can no longer be attributed (and suppressed). The process is about to end anyway.
  eglReleaseThread();
}

Result<void> checkGlVersion() {
  const int version = epoxy_gl_version(); // e.g. 45 for 4.5
  if (version < 33) {
    const char *renderer = reinterpret_cast<const char *>(glGetString(GL_RENDERER));
    return Error{
        "OpenGL 3.3 is required but this system offers " + std::to_string(version / 10) + "." +
        std::to_string(version % 10) + " (" + (renderer ? renderer : "unknown renderer") +
        "); update the graphics driver, or run with LIBGL_ALWAYS_SOFTWARE=1 to use Mesa's software renderer"};
  }
  return {};
}

} // namespace atlas
