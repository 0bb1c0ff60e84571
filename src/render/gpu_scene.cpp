#include "render/gpu_scene.h"

#include "scene/fibre_bytes.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace atlas {

namespace {

// Points attributes 4-6 of the bound VAO at the mesh's skin buffer (SkinVertex: four slot bytes, four
// 16-bit weights, the 16-bit place along a muscle); nothing when it has none.
void bindSkinAttributes(const GpuMesh &mesh) {
  if (mesh.skinBuffer == 0)
    return;
  static_assert(sizeof(SkinVertex) == 16, "the vertex shader reads SkinVertex as 16 bytes");
  glBindBuffer(GL_ARRAY_BUFFER, mesh.skinBuffer);
  glEnableVertexAttribArray(4);
  glVertexAttribIPointer(4, 4, GL_UNSIGNED_BYTE, sizeof(SkinVertex),
                         reinterpret_cast<void *>(offsetof(SkinVertex, slots)));
  glEnableVertexAttribArray(5);
  glVertexAttribPointer(5, 4, GL_UNSIGNED_SHORT, GL_TRUE, sizeof(SkinVertex),
                        reinterpret_cast<void *>(offsetof(SkinVertex, weights)));
  glEnableVertexAttribArray(6);
  glVertexAttribPointer(6, 1, GL_UNSIGNED_SHORT, GL_TRUE, sizeof(SkinVertex),
                        reinterpret_cast<void *>(offsetof(SkinVertex, along)));
}

// Binds the bound VAO to the vertex buffer of `mesh` (position and normal interleaved, then one
// occlusion byte per vertex after all of them, then the fibre bytes if it has any) and a new index
// buffer holding `indices`; returns the index buffer. The fibre coordinates, if any, follow the fibre
// bytes.
GLuint makeIndexedVertexArray(const GpuMesh &mesh, const std::vector<std::uint32_t> &indices) {
  const GLuint vertexBuffer = mesh.vertexBuffer;
  const std::size_t vertexCount = mesh.vertexCount;
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
  if (mesh.hasFibres) { // otherwise attribute 3 stays disabled: the renderer tells the shader so
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_BYTE, GL_TRUE, 4, reinterpret_cast<void *>(mesh.fibreOffset));
  }
  if (mesh.hasFibreCoords) {
    glEnableVertexAttribArray(7);
    glVertexAttribPointer(7, 1, GL_FLOAT, GL_FALSE, 4, reinterpret_cast<void *>(mesh.fibreCoordOffset));
  }
  bindSkinAttributes(mesh);
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

// Fibres as the GPU gets them: the glTF's four normalized signed bytes a vertex; empty for meshes
// without (or with a count that does not match the positions).
std::vector<std::array<std::int8_t, 4>> fibreBytes(const MeshData &data) {
  std::vector<std::array<std::int8_t, 4>> bytes;
  if (data.fibres.size() != data.positions.size())
    return bytes;
  bytes.reserve(data.fibres.size());
  for (const glm::vec4 &f : data.fibres)
    bytes.push_back(packFibre(f));
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
      // One buffer: the interleaved floats, then the occlusion bytes (1 byte a vertex, not 4), then
      // the fibre bytes from the next multiple of 4 (GL wants attributes 4-byte aligned), then the
      // fibre coordinates (fibred meshes only).
      const std::vector<std::uint8_t> occlusion = occlusionBytes(data);
      const std::vector<std::array<std::int8_t, 4>> fibres = fibreBytes(data);
      const bool coords = !fibres.empty() && data.fibreCoords.size() == data.positions.size();
      const std::size_t floatBytes = interleaved.size() * sizeof(float);
      const std::size_t fibreOffset = (floatBytes + occlusion.size() + 3) / 4 * 4;
      const std::size_t fibreSize = fibres.size() * sizeof(fibres[0]);
      const std::size_t coordOffset = fibreOffset + fibreSize;
      const std::size_t coordSize = coords ? data.fibreCoords.size() * sizeof(float) : 0;
      glBufferData(
          GL_ARRAY_BUFFER,
          static_cast<GLsizeiptr>(fibres.empty() ? floatBytes + occlusion.size() : coordOffset + coordSize),
          nullptr, GL_STATIC_DRAW);
      glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(floatBytes), interleaved.data());
      glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(floatBytes),
                      static_cast<GLsizeiptr>(occlusion.size()), occlusion.data());
      if (!fibres.empty())
        glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(fibreOffset),
                        static_cast<GLsizeiptr>(fibreSize), fibres.data());
      if (coords)
        glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(coordOffset),
                        static_cast<GLsizeiptr>(coordSize), data.fibreCoords.data());
      gpu.vertexCount = data.positions.size();
      gpu.hasFibres = !fibres.empty();
      gpu.hasFibreCoords = coords;
      gpu.closed = structures[s].closed;
      gpu.fibreOffset = fibreOffset;
      gpu.fibreCoordOffset = coordOffset;
      gpu.indexBuffer = makeIndexedVertexArray(gpu, data.indices);
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
    m.coarseIndexBuffer = makeIndexedVertexArray(m, coarse);
    m.coarseIndexCount = static_cast<GLsizei>(coarse.size());
  }
  hasMotionDetail_ = true;
}

void GpuScene::uploadSkin(const PoseSkin &skin) {
  for (GpuMesh &gpu : meshes_) {
    const std::vector<SkinVertex> blend =
        skin.vertexSkin(static_cast<std::size_t>(gpu.structure), gpu.meshIndex);
    if (gpu.skinBuffer != 0) {
      glDeleteBuffers(1, &gpu.skinBuffer);
      gpu.skinBuffer = 0;
    }
    if (blend.empty() || blend.size() != gpu.vertexCount) {
      for (const GLuint vao : {gpu.vao, gpu.coarseVao})
        if (vao != 0) {
          glBindVertexArray(vao);
          for (const GLuint attribute : {4u, 5u, 6u})
            glDisableVertexAttribArray(attribute);
        }
      continue;
    }
    glGenBuffers(1, &gpu.skinBuffer);
    glBindBuffer(GL_ARRAY_BUFFER, gpu.skinBuffer);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(blend.size() * sizeof(SkinVertex)), blend.data(),
                 GL_STATIC_DRAW);
    for (const GLuint vao : {gpu.vao, gpu.coarseVao})
      if (vao != 0) {
        glBindVertexArray(vao);
        bindSkinAttributes(gpu);
      }
  }
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void GpuScene::release() {
  for (GpuMesh &m : meshes_) {
    if (m.coarseVao) {
      glDeleteBuffers(1, &m.coarseIndexBuffer);
      glDeleteVertexArrays(1, &m.coarseVao);
    }
    if (m.skinBuffer)
      glDeleteBuffers(1, &m.skinBuffer);
    glDeleteBuffers(1, &m.vertexBuffer);
    glDeleteBuffers(1, &m.indexBuffer);
    glDeleteVertexArrays(1, &m.vao);
  }
  meshes_.clear();
  hasMotionDetail_ = false;
}

} // namespace atlas
