#include "render/gpu_scene.h"

namespace atlas {

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
      gpu.center = data.bounds().center();
      glGenVertexArrays(1, &gpu.vao);
      glBindVertexArray(gpu.vao);
      glGenBuffers(1, &gpu.vertexBuffer);
      glBindBuffer(GL_ARRAY_BUFFER, gpu.vertexBuffer);
      glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(interleaved.size() * sizeof(float)),
                   interleaved.data(), GL_STATIC_DRAW);
      glGenBuffers(1, &gpu.indexBuffer);
      glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.indexBuffer);
      glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                   static_cast<GLsizeiptr>(data.indices.size() * sizeof(std::uint32_t)), data.indices.data(),
                   GL_STATIC_DRAW);
      glEnableVertexAttribArray(0);
      glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), nullptr);
      glEnableVertexAttribArray(1);
      glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float),
                            reinterpret_cast<void *>(3 * sizeof(float)));
      glBindVertexArray(0);
      meshes_.push_back(gpu);
    }
  }
}

void GpuScene::release() {
  for (GpuMesh &m : meshes_) {
    glDeleteBuffers(1, &m.vertexBuffer);
    glDeleteBuffers(1, &m.indexBuffer);
    glDeleteVertexArrays(1, &m.vao);
  }
  meshes_.clear();
}

} // namespace atlas
