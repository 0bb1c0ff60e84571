#include "render/scene_buffers.h"

#include <algorithm>
#include <string>

namespace atlas {
namespace {

// A framebuffer with a colour and a depth renderbuffer, `samples` per pixel (0: single-sample).
Result<bool> makeFramebuffer(int width, int height, int samples, GLuint &fbo, GLuint &color, GLuint &depth) {
  glGenRenderbuffers(1, &color);
  glBindRenderbuffer(GL_RENDERBUFFER, color);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width, height);
  glGenRenderbuffers(1, &depth);
  glBindRenderbuffer(GL_RENDERBUFFER, depth);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH24_STENCIL8, width, height);
  glGenFramebuffers(1, &fbo);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth);
  const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (!complete)
    return Error{"the " + std::to_string(width) + "x" + std::to_string(height) + " framebuffer with " +
                 std::to_string(samples) + " samples is incomplete"};
  return true;
}

} // namespace

Result<bool> SceneBuffers::ensure(int width, int height, int samples) {
  GLint maxSamples = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
  samples = std::clamp(samples, 0, static_cast<int>(maxSamples));
  if (imageFbo_ && width == width_ && height == height_ && samples == samples_)
    return true;
  release();
  width_ = width;
  height_ = height;
  samples_ = samples;
  if (Result<bool> ok = makeFramebuffer(width, height, 0, imageFbo_, imageColor_, imageDepth_); !ok) {
    release();
    return ok;
  }
  if (samples > 0)
    if (Result<bool> ok = makeFramebuffer(width, height, samples, msFbo_, msColor_, msDepth_); !ok) {
      release();
      return ok;
    }
  return true;
}

void SceneBuffers::release() {
  for (GLuint *fbo : {&msFbo_, &imageFbo_})
    if (*fbo) {
      glDeleteFramebuffers(1, fbo);
      *fbo = 0;
    }
  for (GLuint *rb : {&msColor_, &msDepth_, &imageColor_, &imageDepth_})
    if (*rb) {
      glDeleteRenderbuffers(1, rb);
      *rb = 0;
    }
  width_ = height_ = samples_ = 0;
}

void SceneBuffers::bindMultisampled() const {
  glBindFramebuffer(GL_FRAMEBUFFER, msFbo_ ? msFbo_ : imageFbo_);
}

void SceneBuffers::bindImage() const {
  glBindFramebuffer(GL_FRAMEBUFFER, imageFbo_);
}

void SceneBuffers::resolve() const {
  if (!msFbo_)
    return;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, msFbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, imageFbo_);
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

void SceneBuffers::copyImageTo(GLuint framebuffer) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, imageFbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
}

} // namespace atlas
