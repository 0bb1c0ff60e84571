// HeadlessContext: an OpenGL 3.3 core context without a window or display server, through EGL
// (Mesa's surfaceless platform, or the first EGL device). Used by --headless and the tests.
#pragma once

#include "core/result.h"

#include <memory>

namespace atlas {

class HeadlessContext {
public:
  static Result<std::unique_ptr<HeadlessContext>> create();
  ~HeadlessContext();
  HeadlessContext(const HeadlessContext &) = delete;
  HeadlessContext &operator=(const HeadlessContext &) = delete;

private:
  HeadlessContext() = default;
  void *display_ = nullptr;
  void *context_ = nullptr;
};

// Checks that the current context is at least OpenGL 3.3; the message says what was found.
Result<void> checkGlVersion();

} // namespace atlas
