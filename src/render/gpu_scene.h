// GpuScene: the GPU copy of a Scene's meshes. upload() is the single seam where CPU mesh data
// becomes vertex arrays; nothing else in the project creates GL buffers for the model.
#pragma once

#include "render/gl.h"
#include "scene/level_of_detail.h"
#include "scene/pose_skin.h"
#include "scene/scene.h"

#include <vector>

namespace atlas {

struct GpuMesh {
  GLuint vao = 0, vertexBuffer = 0, indexBuffer = 0;
  GLsizei indexCount = 0;
  std::size_t vertexCount = 0; // the occlusion bytes start after this many position+normal pairs
  // Muscle fibres: four signed bytes a vertex after the occlusion bytes (4-byte aligned), at
  // fibreOffset; a mesh without fibres has no such block and draws without striations.
  bool hasFibres = false;
  bool closed = false; // Structure::closed: back faces may be culled when drawn opaque
  std::size_t fibreOffset = 0;
  // The striation coordinate (MeshData::fibreCoords): one float a vertex after the fibre bytes, at
  // fibreCoordOffset; only with fibres. Without it the shader draws lines across the direction.
  bool hasFibreCoords = false;
  std::size_t fibreCoordOffset = 0;
  // A function in motion (issue 14): the soft tissue's per-vertex bone blend (PoseSkin::vertexSkin),
  // in a buffer of its own so the model's buffer never changes; 0 for bones and before any pose.
  GLuint skinBuffer = 0;
  // The coarse version drawn while the camera moves (same vertex buffer); 0 when there is none.
  GLuint coarseVao = 0, coarseIndexBuffer = 0;
  GLsizei coarseIndexCount = 0;
  float coarseError = 0.0f; // model units: how far the coarse surface strays from the full one
  float radius = 0.0f;      // of the bounding sphere around `center`
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
  // Adds the coarse index lists for frames drawn while moving; `detail` must be built from the
  // uploaded scene. Meshes without a coarse list draw in full.
  void uploadMotionDetail(const MotionDetail &detail);
  // Adds the soft tissues' bone blends of `skin`, which must be built from the uploaded scene, so the
  // vertex shader can pose them (issue 14); replaces the blends uploaded before. Meshes whose vertex
  // count differs from the blend's get none and are drawn at rest.
  void uploadSkin(const PoseSkin &skin);
  bool hasMotionDetail() const { return hasMotionDetail_; }
  void release();
  const std::vector<GpuMesh> &meshes() const { return meshes_; }

private:
  std::vector<GpuMesh> meshes_;
  bool hasMotionDetail_ = false;
};

} // namespace atlas
