#include "render/offscreen_target.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

namespace atlas {

Result<OffscreenTarget> OffscreenTarget::create(int width, int height, int samples) {
  GLint maxSize = 0, maxSamples = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
  glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
  if (width <= 0 || height <= 0 || width > maxSize || height > maxSize)
    return Error{"image size " + std::to_string(width) + "x" + std::to_string(height) +
                 " is not supported (1 to " + std::to_string(maxSize) + " pixels per side)"};
  OffscreenTarget t;
  t.width_ = width;
  t.height_ = height;
  t.samples_ = std::clamp(samples, 0, static_cast<int>(maxSamples));

  glGenRenderbuffers(1, &t.msColor_);
  glBindRenderbuffer(GL_RENDERBUFFER, t.msColor_);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, t.samples_, GL_RGBA8, width, height);
  glGenRenderbuffers(1, &t.msDepth_);
  glBindRenderbuffer(GL_RENDERBUFFER, t.msDepth_);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, t.samples_, GL_DEPTH24_STENCIL8, width, height);
  glGenFramebuffers(1, &t.msFbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, t.msFbo_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.msColor_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, t.msDepth_);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    return Error{"the offscreen framebuffer is incomplete"};

  if (t.samples_ == 0) { // already single-sample: read straight from it
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return t;
  }
  glGenRenderbuffers(1, &t.resolveColor_);
  glBindRenderbuffer(GL_RENDERBUFFER, t.resolveColor_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glGenFramebuffers(1, &t.resolveFbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, t.resolveFbo_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.resolveColor_);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    return Error{"the offscreen resolve framebuffer is incomplete"};
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return t;
}

OffscreenTarget &OffscreenTarget::operator=(OffscreenTarget &&o) noexcept {
  std::swap(width_, o.width_);
  std::swap(height_, o.height_);
  std::swap(samples_, o.samples_);
  std::swap(msFbo_, o.msFbo_);
  std::swap(msColor_, o.msColor_);
  std::swap(msDepth_, o.msDepth_);
  std::swap(resolveFbo_, o.resolveFbo_);
  std::swap(resolveColor_, o.resolveColor_);
  return *this;
}

OffscreenTarget::~OffscreenTarget() {
  if (msFbo_)
    glDeleteFramebuffers(1, &msFbo_);
  if (resolveFbo_)
    glDeleteFramebuffers(1, &resolveFbo_);
  GLuint buffers[] = {msColor_, msDepth_, resolveColor_};
  for (GLuint b : buffers)
    if (b)
      glDeleteRenderbuffers(1, &b);
}

void OffscreenTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, msFbo_);
  glViewport(0, 0, width_, height_);
}

Image OffscreenTarget::readPixels() const {
  if (resolveFbo_) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, msFbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolveFbo_);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_ ? resolveFbo_ : msFbo_);
  Image image;
  image.width = width_;
  image.height = height_;
  image.rgba.resize(static_cast<std::size_t>(width_) * height_ * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  // GL's first row is the bottom one; images are stored top row first.
  const std::size_t row = static_cast<std::size_t>(width_) * 4;
  std::vector<std::uint8_t> tmp(row);
  for (int y = 0; y < height_ / 2; ++y) {
    std::uint8_t *a = image.rgba.data() + static_cast<std::size_t>(y) * row;
    std::uint8_t *b = image.rgba.data() + static_cast<std::size_t>(height_ - 1 - y) * row;
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  for (std::size_t i = 3; i < image.rgba.size(); i += 4)
    image.rgba[i] = 255; // the picture is opaque; blending may leave other values in alpha
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return image;
}

} // namespace atlas
