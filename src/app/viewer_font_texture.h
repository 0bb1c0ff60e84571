// The interface's glyphs as a one-channel texture. ImGui's OpenGL backend uploads its font atlas as
// RGBA (white with the coverage in alpha); a software renderer keeps every texel of that in memory,
// 8 MB at the sizes a projector needs. This keeps the coverage alone (GL_R8, 2 MB), swizzled so the
// backend's shader samples exactly the same white-with-alpha.
#pragma once

#include "render/gl.h"

struct ImFontAtlas;

namespace atlas {

class FontTexture {
public:
  FontTexture() = default;
  FontTexture(const FontTexture &) = delete;
  FontTexture &operator=(const FontTexture &) = delete;
  ~FontTexture(); // needs the GL context current, as the backend's own shutdown does

  // Builds the atlas if its fonts changed, uploads its coverage and hands the texture to ImGui
  // (replacing the backend's own texture, if it made one), then frees the atlas's pixel copies: a
  // later rebuild makes them again from the fonts the atlas keeps.
  void upload(ImFontAtlas &atlas);

private:
  GLuint id_ = 0;
};

} // namespace atlas
