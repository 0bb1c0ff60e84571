#include "render/offscreen_target.h"

#include "render/gl_state.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

namespace atlas {

Result<OffscreenTarget> OffscreenTarget::create(int width, int height, int samples,
                                                Framebuffer::Depth depth) {
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
  Result<Framebuffer> drawn = Framebuffer::create(width, height, t.samples_, depth);
  if (!drawn)
    return Error{"offscreen target: " + drawn.error()};
  t.drawn_ = std::move(*drawn);
  if (t.samples_ > 0) { // a single-sample copy to read back from
    Result<Framebuffer> resolved = Framebuffer::create(width, height, 0, Framebuffer::Depth::None);
    if (!resolved)
      return Error{"offscreen target: " + resolved.error()};
    t.resolved_ = std::move(*resolved);
  }
  return t;
}

void OffscreenTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, drawn_.id());
  glViewport(0, 0, width_, height_);
}

Image OffscreenTarget::readPixels() const {
  const FramebufferBindingScope keepFramebuffers;
  if (resolved_)
    blitColor(drawn_.id(), resolved_.id(), width_, height_);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolved_ ? resolved_.id() : drawn_.id());
  Image image;
  image.width = width_;
  image.height = height_;
  image.rgba.resize(static_cast<std::size_t>(width_) * height_ * 4);
  GLint packAlignment = 4;
  glGetIntegerv(GL_PACK_ALIGNMENT, &packAlignment);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  glPixelStorei(GL_PACK_ALIGNMENT, packAlignment);
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
  return image;
}

} // namespace atlas
