// OffscreenTarget: a framebuffer for headless rendering and screenshots — multisampled with a
// single-sample one to resolve into, or just one single-sample framebuffer when `samples` is 0;
// readPixels() returns the image top row first.
#pragma once

#include "core/image.h"
#include "core/result.h"
#include "render/framebuffer.h"
#include "render/gl.h"

namespace atlas {

class OffscreenTarget {
public:
  // `depth` None for a target that only receives the viewer's copied scene and the interface
  // (neither tests depth): a screenshot's memory is then one colour image.
  static Result<OffscreenTarget> create(int width, int height, int samples,
                                        Framebuffer::Depth depth = Framebuffer::Depth::DepthStencil);
  OffscreenTarget() = default;

  void bind() const;        // draw here: binds the target and sets the viewport to its size
  Image readPixels() const; // resolves the samples, then reads back; bindings are left as found
  int width() const { return width_; }
  int height() const { return height_; }
  int samples() const { return samples_; }

private:
  int width_ = 0, height_ = 0, samples_ = 0;
  Framebuffer drawn_;    // multisampled when samples_ > 0
  Framebuffer resolved_; // single-sample copy of drawn_ to read from; empty when samples_ is 0
};

} // namespace atlas
