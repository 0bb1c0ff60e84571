// MeshData: one indexed triangle mesh on the CPU, in model space (metres). The renderer's upload step
// is the only place that turns it into GPU buffers.
#pragma once

#include "scene/bounds.h"

#include <cstdint>
#include <glm/glm.hpp>
#include <vector>

namespace atlas {

struct MeshData {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;     // one per position, unit length
  std::vector<std::uint32_t> indices; // three per triangle, each < positions.size()
  // Ambient occlusion per position in [0, 1] (1 = open to the sky), baked by the model generator;
  // empty when the model has none, which draws as fully open.
  std::vector<float> occlusion;
  // Muscle fibres per position, baked by the model generator: xyz the unit direction the fibres run
  // (model space), w how tendinous the tissue is, 0 (fleshy belly) .. 1 (tendon). Empty for anything
  // that is not muscle; the shader then draws no striations.
  std::vector<glm::vec4> fibres;
  // A coordinate per position (mm, finite) that is constant along each fibre, baked by the model
  // generator with the fibres: the striations are drawn as its level sets, which therefore follow the
  // fibres exactly where they fan or turn. Empty when the model has none (older files): the shader then
  // draws the lines across the interpolated direction.
  std::vector<float> fibreCoords;
  glm::vec4 color{0.8f, 0.8f, 0.8f, 1.0f}; // linear RGBA base colour
  // A coarse index list over the same positions and the largest distance it strays from the full
  // mesh (model units), when the file carries one (the model generator writes them, so that start-up
  // need not simplify; scene/level_of_detail.h). Empty: made at load time when needed.
  std::vector<std::uint32_t> coarseIndices;
  float coarseError = 0.0f;

  std::size_t triangleCount() const { return indices.size() / 3; }
  Bounds bounds() const;
};

// Area-weighted smooth normals; degenerate faces contribute nothing, isolated vertices get +Y.
void computeSmoothNormals(MeshData &mesh);

} // namespace atlas
