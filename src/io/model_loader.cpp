#include "io/model_loader.h"

#include "core/log.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

namespace atlas {
namespace fs = std::filesystem;

namespace {
std::string lowerExtension(const std::string &path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}
} // namespace

Result<Scene> loadModel(const std::string &path, const LoadLimits &limits) {
  std::error_code ec;
  if (!fs::exists(path, ec))
    return Error{path + ": no such file"};
  if (!fs::is_regular_file(path, ec))
    return Error{path + ": not a regular file"};
  const auto size = fs::file_size(path, ec);
  if (ec)
    return Error{path + ": cannot read the file size (" + ec.message() + ")"};
  if (size > limits.maxFileBytes)
    return Error{path + ": file is " + std::to_string(size) + " bytes, more than the limit of " +
                 std::to_string(limits.maxFileBytes)};
  const std::string ext = lowerExtension(path);
  Result<Scene> scene =
      (ext == ".gltf" || ext == ".glb") ? loadGltf(path, limits) : loadWithAssimp(path, limits);
  if (scene)
    scene->sourcePath = path;
  if (scene && limits.progress)
    limits.progress->fraction = 1.0f;
  return scene;
}

Result<Scene> loadModelFromMemory(const unsigned char *bytes, std::size_t size, const std::string &formatHint,
                                  const std::string &name, const LoadLimits &limits) {
  if (size > limits.maxFileBytes)
    return Error{name + ": model is " + std::to_string(size) + " bytes, more than the limit of " +
                 std::to_string(limits.maxFileBytes)};
  std::string ext = formatHint;
  if (!ext.empty() && ext[0] == '.')
    ext.erase(0, 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == "gltf" || ext == "glb")
    return loadGltfFromMemory(bytes, size, ext == "glb", name, limits);
  return loadWithAssimpFromMemory(bytes, size, ext, name, limits);
}

Result<void> finishLoadedScene(Scene &scene, const std::string &what) {
  std::size_t triangles = 0;
  for (Structure &s : scene.structures()) {
    for (std::size_t m = 0; m < s.meshes.size(); ++m) {
      MeshData &mesh = s.meshes[m];
      const std::string where = what + ": structure '" + s.id + "' mesh " + std::to_string(m);
      if (mesh.indices.size() % 3 != 0)
        return Error{where + ": index count " + std::to_string(mesh.indices.size()) +
                     " is not a multiple of 3"};
      for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
        const glm::vec3 &p = mesh.positions[v];
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
          return Error{where + ": vertex " + std::to_string(v) +
                       " has a non-finite coordinate (NaN or infinity)"};
        if (std::max({std::abs(p.x), std::abs(p.y), std::abs(p.z)}) > kMaxCoordinate)
          return Error{where + ": vertex " + std::to_string(v) + " lies " +
                       std::to_string(std::max({std::abs(p.x), std::abs(p.y), std::abs(p.z)})) +
                       " units from the origin, more than the limit of 1e9 (the camera's arithmetic "
                       "would overflow)"};
      }
      for (std::size_t i = 0; i < mesh.indices.size(); ++i)
        if (mesh.indices[i] >= mesh.positions.size())
          return Error{where + ": index " + std::to_string(i) + " refers to vertex " +
                       std::to_string(mesh.indices[i]) + " but there are only " +
                       std::to_string(mesh.positions.size())};
      bool normalsUsable = mesh.normals.size() == mesh.positions.size();
      for (std::size_t v = 0; normalsUsable && v < mesh.normals.size(); ++v) {
        const float len = glm::length(mesh.normals[v]);
        normalsUsable = std::isfinite(len) && len > 1e-6f;
      }
      if (!normalsUsable)
        computeSmoothNormals(mesh);
      else
        for (glm::vec3 &n : mesh.normals)
          n = glm::normalize(n);
      triangles += mesh.triangleCount();
    }
  }
  if (triangles == 0)
    return Error{what + ": the model contains no triangle meshes"};
  return {};
}

} // namespace atlas

namespace atlas {
std::string StructureIds::take(const Scene &scene, const std::string &wanted) {
  const std::string base = wanted.empty() ? std::string("structure") : wanted;
  if (scene.indexOf(base) < 0)
    return base;
  // Every suffix below nextSuffix_[base] is taken already; a node literally named "x_5" is skipped
  // once, so the tries over a whole load are at most the nodes plus such names.
  unsigned long &next = nextSuffix_.try_emplace(base, 2ul).first->second;
  std::string candidate = base + "_" + std::to_string(next++);
  while (scene.indexOf(candidate) >= 0)
    candidate = base + "_" + std::to_string(next++);
  constexpr std::size_t kReported = 10;
  if (++repeats_ <= kReported)
    log::warning("structure id '" + base + "' is used twice; the second is called '" + candidate + "'" +
                 (repeats_ == kReported ? " (further repeated ids are not reported)" : ""));
  return candidate;
}
} // namespace atlas
