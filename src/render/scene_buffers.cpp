#include "render/scene_buffers.h"

#include <algorithm>

namespace atlas {

Result<void> SceneBuffers::ensure(int width, int height, int samples) {
  GLint maxSamples = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
  samples = std::clamp(samples, 0, static_cast<int>(maxSamples));
  if (image_ && width == width_ && height == height_ && samples == samples_)
    return {};
  release();
  Result<Framebuffer> image = Framebuffer::create(width, height, 0, Framebuffer::Depth::DepthStencil);
  if (!image)
    return Error{image.error()};
  if (samples > 0) {
    Result<Framebuffer> multisampled =
        Framebuffer::create(width, height, samples, Framebuffer::Depth::DepthStencil);
    if (!multisampled)
      return Error{multisampled.error()};
    multisampled_ = std::move(*multisampled);
  }
  image_ = std::move(*image);
  width_ = width;
  height_ = height;
  samples_ = samples;
  return {};
}

void SceneBuffers::release() {
  multisampled_ = Framebuffer{};
  image_ = Framebuffer{};
  width_ = height_ = samples_ = 0;
}

void SceneBuffers::bindMultisampled() const {
  glBindFramebuffer(GL_FRAMEBUFFER, multisampled_ ? multisampled_.id() : image_.id());
}

void SceneBuffers::bindImage() const {
  glBindFramebuffer(GL_FRAMEBUFFER, image_.id());
}

void SceneBuffers::resolve() const {
  if (multisampled_)
    blitColor(multisampled_.id(), image_.id(), width_, height_);
}

void SceneBuffers::copyImageTo(GLuint framebuffer) const {
  blitColor(image_.id(), framebuffer, width_, height_);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
}

} // namespace atlas
