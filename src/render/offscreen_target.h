// OffscreenTarget: a framebuffer for headless rendering and screenshots — multisampled with a
// single-sample one to resolve into, or just one single-sample framebuffer when `samples` is 0;
// readPixels() returns the image top row first.
#pragma once

#include "core/image.h"
#include "core/result.h"
#include "render/gl.h"

namespace atlas {

class OffscreenTarget {
public:
  static Result<OffscreenTarget> create(int width, int height, int samples);
  OffscreenTarget() = default;
  OffscreenTarget(OffscreenTarget &&other) noexcept { *this = std::move(other); }
  OffscreenTarget &operator=(OffscreenTarget &&other) noexcept;
  OffscreenTarget(const OffscreenTarget &) = delete;
  OffscreenTarget &operator=(const OffscreenTarget &) = delete;
  ~OffscreenTarget();

  void bind() const;        // draw here
  Image readPixels() const; // resolves the samples, then reads back
  int width() const { return width_; }
  int height() const { return height_; }
  int samples() const { return samples_; }

private:
  int width_ = 0, height_ = 0, samples_ = 0;
  GLuint msFbo_ = 0, msColor_ = 0, msDepth_ = 0;
  GLuint resolveFbo_ = 0, resolveColor_ = 0;
};

} // namespace atlas
