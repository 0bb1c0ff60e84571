#include "render/framebuffer.h"

#include "render/gl_state.h"

#include <string>
#include <utility>

namespace atlas {

Result<Framebuffer> Framebuffer::create(int width, int height, int samples, Depth depth) {
  const FramebufferBindingScope keepFramebuffers;
  GLint previousRenderbuffer = 0;
  glGetIntegerv(GL_RENDERBUFFER_BINDING, &previousRenderbuffer);
  Framebuffer f;
  glGenRenderbuffers(1, &f.color_);
  glBindRenderbuffer(GL_RENDERBUFFER, f.color_);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width, height);
  if (depth == Depth::DepthStencil) {
    glGenRenderbuffers(1, &f.depth_);
    glBindRenderbuffer(GL_RENDERBUFFER, f.depth_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH24_STENCIL8, width, height);
  }
  glBindRenderbuffer(GL_RENDERBUFFER, static_cast<GLuint>(previousRenderbuffer));
  glGenFramebuffers(1, &f.fbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, f.fbo_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, f.color_);
  if (f.depth_)
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, f.depth_);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    return Error{"the " + std::to_string(width) + "x" + std::to_string(height) + " framebuffer with " +
                 std::to_string(samples) + " samples is incomplete"};
  return f;
}

Framebuffer &Framebuffer::operator=(Framebuffer &&other) noexcept {
  std::swap(fbo_, other.fbo_);
  std::swap(color_, other.color_);
  std::swap(depth_, other.depth_);
  return *this;
}

Framebuffer::~Framebuffer() {
  if (fbo_)
    glDeleteFramebuffers(1, &fbo_);
  for (GLuint buffer : {color_, depth_})
    if (buffer)
      glDeleteRenderbuffers(1, &buffer);
}

void blitColor(GLuint from, GLuint to, int width, int height) {
  const FramebufferBindingScope keepFramebuffers;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, from);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to);
  glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

} // namespace atlas
