// SceneBuffers: where the viewer draws the model before the interface goes on top. Still frames are
// drawn multisampled and resolved into a single-sample image; frames drawn while the camera moves go
// straight into that image (no multisampling: a software renderer keeps up). The image is kept, so a
// frame in which only the panels changed copies it instead of drawing the model again.
#pragma once

#include "core/result.h"
#include "render/framebuffer.h"
#include "render/gl.h"

namespace atlas {

class SceneBuffers {
public:
  SceneBuffers() = default;
  SceneBuffers(const SceneBuffers &) = delete;
  SceneBuffers &operator=(const SceneBuffers &) = delete;
  ~SceneBuffers() { release(); }

  // (Re)creates the buffers when the size or the sample count changes; keeps them otherwise.
  Result<void> ensure(int width, int height, int samples);
  void release();

  void bindMultisampled() const; // for a still frame; the image itself when samples is 0
  Result<void> bindImage();      // for a frame drawn while moving (its depth buffer made the first time)
  void resolve() const;          // multisampled -> image (nothing to do when samples is 0)
  void copyImageTo(GLuint framebuffer) const; // and leaves `framebuffer` bound for the interface

  int samples() const { return samples_; }

private:
  int width_ = 0, height_ = 0, samples_ = 0;
  Framebuffer multisampled_, image_;
  bool imageHasDepth_ = false;
};

} // namespace atlas
