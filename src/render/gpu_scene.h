// GpuScene: the GPU copy of a Scene's meshes. upload() is the single seam where CPU mesh data
// becomes vertex arrays; nothing else in the project creates GL buffers for the model.
#pragma once

#include "render/gl.h"
#include "scene/scene.h"

#include <vector>

namespace atlas {

struct GpuMesh {
  GLuint vao = 0, vertexBuffer = 0, indexBuffer = 0;
  GLsizei indexCount = 0;
  int structure = -1;
  std::size_t meshIndex = 0;
  glm::vec3 center{0.0f}; // for back-to-front sorting of transparent meshes
};

class GpuScene {
public:
  GpuScene() = default;
  GpuScene(const GpuScene &) = delete;
  GpuScene &operator=(const GpuScene &) = delete;
  ~GpuScene() { release(); }

  void upload(const Scene &scene); // replaces whatever was uploaded before
  void release();
  const std::vector<GpuMesh> &meshes() const { return meshes_; }

private:
  std::vector<GpuMesh> meshes_;
};

} // namespace atlas
