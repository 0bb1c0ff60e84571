#include "render/gpu_scene.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace atlas {

namespace {

// Binds the bound VAO to `vertexBuffer` (position and normal interleaved, then one occlusion byte per
// vertex after all of them) and a new index buffer holding `indices`; returns the index buffer.
GLuint makeIndexedVertexArray(GLuint vertexBuffer, std::size_t vertexCount,
                              const std::vector<std::uint32_t> &indices) {
  GLuint indexBuffer = 0;
  glGenBuffers(1, &indexBuffer);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)),
               indices.data(), GL_STATIC_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float),
                        reinterpret_cast<void *>(3 * sizeof(float)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_UNSIGNED_BYTE, GL_TRUE, 1,
                        reinterpret_cast<void *>(vertexCount * 6 * sizeof(float)));
  glBindVertexArray(0);
  return indexBuffer;
}

// Occlusion as the GPU gets it: one byte per vertex (1 = open); 255 throughout for meshes without.
std::vector<std::uint8_t> occlusionBytes(const MeshData &data) {
  std::vector<std::uint8_t> bytes(data.positions.size(), 255);
  if (data.occlusion.size() == data.positions.size())
    for (std::size_t v = 0; v < bytes.size(); ++v)
      bytes[v] = static_cast<std::uint8_t>(std::lround(std::clamp(data.occlusion[v], 0.0f, 1.0f) * 255.0f));
  return bytes;
}

} // namespace

void GpuScene::upload(const Scene &scene) {
  release();
  const auto &structures = scene.structures();
  for (std::size_t s = 0; s < structures.size(); ++s) {
    for (std::size_t m = 0; m < structures[s].meshes.size(); ++m) {
      const MeshData &data = structures[s].meshes[m];
      if (data.indices.empty())
        continue;
      // Interleave position and normal: one buffer, one stream for the vertex fetch.
      std::vector<float> interleaved;
      interleaved.reserve(data.positions.size() * 6);
      for (std::size_t v = 0; v < data.positions.size(); ++v) {
        const glm::vec3 &p = data.positions[v];
        const glm::vec3 n = v < data.normals.size() ? data.normals[v] : glm::vec3(0, 1, 0);
        interleaved.insert(interleaved.end(), {p.x, p.y, p.z, n.x, n.y, n.z});
      }
      GpuMesh gpu;
      gpu.structure = static_cast<int>(s);
      gpu.meshIndex = m;
      gpu.indexCount = static_cast<GLsizei>(data.indices.size());
      const Bounds bounds = data.bounds();
      gpu.center = bounds.center();
      gpu.radius = 0.5f * glm::length(bounds.max - bounds.min);
      glGenVertexArrays(1, &gpu.vao);
      glBindVertexArray(gpu.vao);
      glGenBuffers(1, &gpu.vertexBuffer);
      glBindBuffer(GL_ARRAY_BUFFER, gpu.vertexBuffer);
      // One buffer: the interleaved floats, then the occlusion bytes (1 byte a vertex, not 4).
      const std::vector<std::uint8_t> occlusion = occlusionBytes(data);
      const std::size_t floatBytes = interleaved.size() * sizeof(float);
      glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(floatBytes + occlusion.size()), nullptr,
                   GL_STATIC_DRAW);
      glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(floatBytes), interleaved.data());
      glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(floatBytes),
                      static_cast<GLsizeiptr>(occlusion.size()), occlusion.data());
      gpu.vertexCount = data.positions.size();
      gpu.indexBuffer = makeIndexedVertexArray(gpu.vertexBuffer, gpu.vertexCount, data.indices);
      meshes_.push_back(gpu);
    }
  }
}

void GpuScene::uploadMotionDetail(const MotionDetail &detail) {
  for (GpuMesh &m : meshes_) {
    const auto s = static_cast<std::size_t>(m.structure);
    if (s >= detail.meshes.size() || m.meshIndex >= detail.meshes[s].size() || m.coarseVao)
      continue;
    const std::vector<std::uint32_t> &coarse = detail.meshes[s][m.meshIndex].indices;
    if (coarse.empty())
      continue;
    m.coarseError = detail.meshes[s][m.meshIndex].error;
    glGenVertexArrays(1, &m.coarseVao);
    glBindVertexArray(m.coarseVao);
    m.coarseIndexBuffer = makeIndexedVertexArray(m.vertexBuffer, m.vertexCount, coarse);
    m.coarseIndexCount = static_cast<GLsizei>(coarse.size());
  }
  hasMotionDetail_ = true;
}

void GpuScene::release() {
  for (GpuMesh &m : meshes_) {
    if (m.coarseVao) {
      glDeleteBuffers(1, &m.coarseIndexBuffer);
      glDeleteVertexArrays(1, &m.coarseVao);
    }
    glDeleteBuffers(1, &m.vertexBuffer);
    glDeleteBuffers(1, &m.indexBuffer);
    glDeleteVertexArrays(1, &m.vao);
  }
  meshes_.clear();
  hasMotionDetail_ = false;
}

} // namespace atlas
