// The compact form of MeshData::fibres shared by the glTF file (_FIBRE) and the GPU vertex buffer:
// four normalized signed bytes, xyz the unit direction and w the tendon fraction (0..127). The
// decoding is glTF 2.0's for normalized BYTE (section 3.11): max(c / 127, -1).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <glm/glm.hpp>

namespace atlas {

inline std::int8_t fibreByte(float v) {
  return static_cast<std::int8_t>(std::lround(std::clamp(v, -1.0f, 1.0f) * 127.0f));
}

inline std::array<std::int8_t, 4> packFibre(const glm::vec4 &f) {
  return {fibreByte(f.x), fibreByte(f.y), fibreByte(f.z), fibreByte(std::clamp(f.w, 0.0f, 1.0f))};
}

inline float unpackFibreByte(std::int8_t c) {
  return std::max(static_cast<float>(c) / 127.0f, -1.0f);
}

} // namespace atlas
