#include "app/viewer_font_texture.h"

#include <cstdint>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace atlas {

FontTexture::~FontTexture() {
  if (id_ != 0)
    glDeleteTextures(1, &id_);
}

void FontTexture::upload(ImFontAtlas &atlas) {
  unsigned char *coverage = nullptr;
  int width = 0, height = 0;
  atlas.GetTexDataAsAlpha8(&coverage, &width, &height);
  ImGui_ImplOpenGL3_DestroyFontsTexture(); // the backend's RGBA copy, made with its device objects
  if (id_ == 0)
    glGenTextures(1, &id_);
  GLint bound = 0, alignment = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  glGetIntegerv(GL_UNPACK_ALIGNMENT, &alignment);
  glBindTexture(GL_TEXTURE_2D, id_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1); // rows of single bytes
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  const GLint whiteWithCoverage[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, whiteWithCoverage);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, coverage);
  glPixelStorei(GL_UNPACK_ALIGNMENT, alignment);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(id_)));
  atlas.ClearTexData();
}

} // namespace atlas
