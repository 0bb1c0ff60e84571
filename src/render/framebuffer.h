// Framebuffer: one framebuffer object with a colour renderbuffer (RGBA8) and, when asked, a depth and
// stencil one, `samples` per pixel (0: single-sample). The one place the project makes framebuffers:
// the window's scene image (SceneBuffers) and the headless target (OffscreenTarget) both hold these.
#pragma once

#include "core/result.h"
#include "render/gl.h"

namespace atlas {

class Framebuffer {
public:
  enum class Depth { None, DepthStencil };

  // Fails with the size and sample count in the message when the driver refuses the combination.
  // Leaves the framebuffer and renderbuffer bindings as it found them.
  static Result<Framebuffer> create(int width, int height, int samples, Depth depth);

  Framebuffer() = default;
  Framebuffer(Framebuffer &&other) noexcept { *this = std::move(other); }
  Framebuffer &operator=(Framebuffer &&other) noexcept;
  Framebuffer(const Framebuffer &) = delete;
  Framebuffer &operator=(const Framebuffer &) = delete;
  ~Framebuffer();

  GLuint id() const { return fbo_; }
  explicit operator bool() const { return fbo_ != 0; }

private:
  GLuint fbo_ = 0, color_ = 0, depth_ = 0;
};

// Copies the colour of `from` into `to` (same size; a multisampled source is resolved).
void blitColor(GLuint from, GLuint to, int width, int height);

} // namespace atlas
