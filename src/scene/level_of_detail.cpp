#include "scene/level_of_detail.h"

#include <chrono>
#include <meshoptimizer.h>

namespace atlas {

CoarseMesh simplifyForMotion(const MeshData &mesh, const SimplifyTarget &target) {
  const std::size_t triangles = mesh.indices.size() / 3;
  if (triangles < target.minTriangles || mesh.positions.empty())
    return {};
  const std::size_t wanted =
      static_cast<std::size_t>(static_cast<float>(triangles) * target.triangleRatio) * 3;
  std::vector<std::uint32_t> coarse(mesh.indices.size());
  float error = 0.0f;
  const std::size_t count =
      meshopt_simplify(coarse.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                       mesh.positions.size(), sizeof(glm::vec3), wanted, target.maxError, 0, &error);
  // A coarse list that saves less than a third is not worth a second draw path.
  if (count == 0 || count * 3 > mesh.indices.size() * 2)
    return {};
  coarse.resize(count);
  coarse.shrink_to_fit();
  // meshoptimizer's error is relative to the mesh's extent.
  const float scale = meshopt_simplifyScale(&mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3));
  return {std::move(coarse), error * scale};
}

CoarseMesh coarseMeshFor(const MeshData &mesh, const SimplifyTarget &target) {
  if (!mesh.coarseIndices.empty())
    return {mesh.coarseIndices, mesh.coarseError};
  return simplifyForMotion(mesh, target);
}

void attachCoarseMeshes(Scene &scene, const SimplifyTarget &target) {
  for (Structure &s : scene.structures())
    for (MeshData &mesh : s.meshes) {
      mesh.coarseIndices.clear(); // simplified from the full mesh, never from an older coarse list
      CoarseMesh coarse = simplifyForMotion(mesh, target);
      mesh.coarseIndices = std::move(coarse.indices);
      mesh.coarseError = coarse.error;
    }
}

namespace {
// Walks every mesh of `scene` in order; `coarseOf(mesh)` gives its coarse version.
template <typename SceneT, typename CoarseOf>
MotionDetail collectMotionDetail(SceneT &scene, std::uint64_t sceneGeneration, CoarseOf coarseOf) {
  MotionDetail detail;
  detail.sceneGeneration = sceneGeneration;
  detail.meshes.resize(scene.structures().size());
  for (std::size_t s = 0; s < scene.structures().size(); ++s) {
    auto &structure = scene.structures()[s];
    detail.meshes[s].reserve(structure.meshes.size());
    for (auto &mesh : structure.meshes) {
      detail.meshes[s].push_back(coarseOf(mesh));
      const std::vector<std::uint32_t> &coarse = detail.meshes[s].back().indices;
      detail.fullTriangles += mesh.indices.size() / 3;
      detail.coarseTriangles += (coarse.empty() ? mesh.indices.size() : coarse.size()) / 3;
    }
  }
  return detail;
}
} // namespace

MotionDetail buildMotionDetail(const Scene &scene, std::uint64_t sceneGeneration,
                               const SimplifyTarget &target) {
  return collectMotionDetail(scene, sceneGeneration,
                             [&](const MeshData &mesh) { return coarseMeshFor(mesh, target); });
}

MotionDetail takeMotionDetail(Scene &scene, std::uint64_t sceneGeneration, const SimplifyTarget &target) {
  return collectMotionDetail(scene, sceneGeneration, [&](MeshData &mesh) {
    if (mesh.coarseIndices.empty())
      return simplifyForMotion(mesh, target);
    CoarseMesh taken{std::move(mesh.coarseIndices), mesh.coarseError};
    mesh.coarseIndices = {};
    mesh.coarseError = 0.0f;
    return taken;
  });
}

void MotionDetailBuilder::start(const Scene &scene, std::uint64_t sceneGeneration) {
  if (pending_.valid())
    pending_.wait(); // one worker at a time; the older result is dropped below
  // The worker owns its copy: positions and indices only (normals and names are not needed).
  Scene copy;
  for (const Structure &s : scene.structures()) {
    Structure light;
    light.id = s.id;
    for (const MeshData &m : s.meshes) {
      MeshData mesh;
      mesh.positions = m.positions;
      mesh.indices = m.indices;
      mesh.coarseIndices = m.coarseIndices;
      mesh.coarseError = m.coarseError;
      light.meshes.push_back(std::move(mesh));
    }
    copy.add(std::move(light));
  }
  generation_ = sceneGeneration;
  pending_ = std::async(std::launch::async, [copy = std::move(copy), sceneGeneration]() {
    return buildMotionDetail(copy, sceneGeneration);
  });
}

std::optional<MotionDetail> MotionDetailBuilder::takeIfReady() {
  if (!pending_.valid() || pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    return std::nullopt;
  return pending_.get();
}

std::optional<MotionDetail> MotionDetailBuilder::wait() {
  if (!pending_.valid())
    return std::nullopt;
  return pending_.get();
}

} // namespace atlas
