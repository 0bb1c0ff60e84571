#include "render/gl_state.h"

namespace atlas {
namespace {

void setEnabled(GLenum capability, GLboolean enabled) {
  if (enabled)
    glEnable(capability);
  else
    glDisable(capability);
}

} // namespace

DrawStateScope::DrawStateScope() {
  glGetIntegerv(GL_VIEWPORT, viewport_);
  glGetIntegerv(GL_CURRENT_PROGRAM, &program_);
  glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vertexArray_);
  glGetIntegerv(GL_DEPTH_FUNC, &depthFunc_);
  glGetIntegerv(GL_CULL_FACE_MODE, &cullFace_);
  glGetIntegerv(GL_BLEND_SRC_RGB, &blendSrcRgb_);
  glGetIntegerv(GL_BLEND_DST_RGB, &blendDstRgb_);
  glGetIntegerv(GL_BLEND_SRC_ALPHA, &blendSrcAlpha_);
  glGetIntegerv(GL_BLEND_DST_ALPHA, &blendDstAlpha_);
  depthTest_ = glIsEnabled(GL_DEPTH_TEST);
  blend_ = glIsEnabled(GL_BLEND);
  cull_ = glIsEnabled(GL_CULL_FACE);
  glGetBooleanv(GL_DEPTH_WRITEMASK, &depthMask_);
  glGetFloatv(GL_DEPTH_CLEAR_VALUE, &clearDepth_);
}

DrawStateScope::~DrawStateScope() {
  glViewport(viewport_[0], viewport_[1], viewport_[2], viewport_[3]);
  glUseProgram(static_cast<GLuint>(program_));
  glBindVertexArray(static_cast<GLuint>(vertexArray_));
  glDepthFunc(static_cast<GLenum>(depthFunc_));
  glCullFace(static_cast<GLenum>(cullFace_));
  glBlendFuncSeparate(static_cast<GLenum>(blendSrcRgb_), static_cast<GLenum>(blendDstRgb_),
                      static_cast<GLenum>(blendSrcAlpha_), static_cast<GLenum>(blendDstAlpha_));
  setEnabled(GL_DEPTH_TEST, depthTest_);
  setEnabled(GL_BLEND, blend_);
  setEnabled(GL_CULL_FACE, cull_);
  glDepthMask(depthMask_);
  glClearDepth(clearDepth_);
}

} // namespace atlas
