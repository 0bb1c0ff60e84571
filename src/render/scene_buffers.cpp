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
  // With multisampling, the image needs a depth buffer only once a frame is drawn while the view
  // moves (bindImage): a screenshot never does, and keeps that memory.
  Result<Framebuffer> image = Framebuffer::create(
      width, height, 0, samples > 0 ? Framebuffer::Depth::None : Framebuffer::Depth::DepthStencil);
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
  imageHasDepth_ = samples == 0;
  width_ = width;
  height_ = height;
  samples_ = samples;
  return {};
}

void SceneBuffers::release() {
  multisampled_ = Framebuffer{};
  image_ = Framebuffer{};
  imageHasDepth_ = false;
  width_ = height_ = samples_ = 0;
}

void SceneBuffers::bindMultisampled() const {
  glBindFramebuffer(GL_FRAMEBUFFER, multisampled_ ? multisampled_.id() : image_.id());
}

Result<void> SceneBuffers::bindImage() {
  if (!imageHasDepth_) { // the frame drawn into it replaces what it held
    Result<Framebuffer> image = Framebuffer::create(width_, height_, 0, Framebuffer::Depth::DepthStencil);
    if (!image)
      return Error{image.error()};
    image_ = std::move(*image);
    imageHasDepth_ = true;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, image_.id());
  return {};
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
