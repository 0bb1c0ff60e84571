// The GL state contract of the render layer: a function that changes GL state it does not own
// (framebuffer bindings, viewport, program, vertex array, depth, blending, culling) puts it back as
// it found it, so its callers (the viewer, ImGui's backend, the tests) never meet a surprise binding.
// These scopes save that state on construction and restore it on destruction.
#pragma once

#include "render/gl.h"

namespace atlas {

class FramebufferBindingScope {
public:
  FramebufferBindingScope() {
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_);
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_);
  }
  ~FramebufferBindingScope() {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_));
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(draw_));
  }
  FramebufferBindingScope(const FramebufferBindingScope &) = delete;
  FramebufferBindingScope &operator=(const FramebufferBindingScope &) = delete;

private:
  GLint read_ = 0, draw_ = 0;
};

// Everything Renderer::draw sets: the scene is drawn without changing what the caller sees after.
class DrawStateScope {
public:
  DrawStateScope();
  ~DrawStateScope();
  DrawStateScope(const DrawStateScope &) = delete;
  DrawStateScope &operator=(const DrawStateScope &) = delete;

private:
  GLint viewport_[4] = {0, 0, 0, 0};
  GLint program_ = 0, vertexArray_ = 0, depthFunc_ = GL_LESS, cullFace_ = GL_BACK;
  GLint blendSrcRgb_ = GL_ONE, blendDstRgb_ = GL_ZERO, blendSrcAlpha_ = GL_ONE, blendDstAlpha_ = GL_ZERO;
  GLboolean depthTest_ = GL_FALSE, blend_ = GL_FALSE, cull_ = GL_FALSE, depthMask_ = GL_TRUE;
  GLfloat clearDepth_ = 1.0f;
};

} // namespace atlas
