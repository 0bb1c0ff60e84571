// Loading a model file into a Scene: glTF 2.0 (.gltf/.glb) through tinygltf, every other mesh format
// through Assimp. Bad files never crash: they give an Error naming the file, the place and what was
// expected.
#pragma once

#include "core/result.h"
#include "scene/scene.h"

#include <atomic>
#include <string>

namespace atlas {

// Progress of a load that runs on a worker thread, read by the interface while it draws; setting
// `cancel` makes the loader stop at its next check with an error ending in kLoadCancelled.
struct LoadProgress {
  std::atomic<float> fraction{0.0f}; // 0..1
  std::atomic<bool> cancel{false};
};
inline constexpr const char *kLoadCancelled = "loading cancelled";

struct LoadLimits {
  std::uint64_t maxFileBytes = 1ull << 30;     // 1 GiB
  std::uint64_t maxTotalVertices = 50'000'000; // refuse before allocating beyond this
  LoadProgress *progress = nullptr;            // optional: reported to and checked for cancel
};

// Picks the loader from the extension (.gltf/.glb → glTF, else Assimp).
Result<Scene> loadModel(const std::string &path, const LoadLimits &limits = {});

Result<Scene> loadGltf(const std::string &path, const LoadLimits &limits = {});
Result<Scene> loadWithAssimp(const std::string &path, const LoadLimits &limits = {});

// The same loaders on bytes already in memory (the fuzz targets use these). `formatHint` is the
// extension the bytes would have as a file ("glb", "gltf", "obj", "stl", "ply", ...; a leading dot
// is allowed); `name` prefixes messages. A model in memory has no folder, so it cannot refer to other
// files: glTF buffers must be embedded (GLB chunk or data: URI) and Assimp formats read no side files
// (an OBJ's .mtl); every other path is refused with a message. Same validation as from a file.
Result<Scene> loadModelFromMemory(const unsigned char *bytes, std::size_t size, const std::string &formatHint,
                                  const std::string &name, const LoadLimits &limits = {});
Result<Scene> loadGltfFromMemory(const unsigned char *bytes, std::size_t size, bool binaryExtension,
                                 const std::string &name, const LoadLimits &limits = {});
Result<Scene> loadWithAssimpFromMemory(const unsigned char *bytes, std::size_t size,
                                       const std::string &formatHint, const std::string &name,
                                       const LoadLimits &limits = {});

// Shared by both loaders: checks finiteness and index ranges, computes missing normals, makes ids
// unique and rejects a scene without triangles. `what` prefixes messages (the file name).
Result<bool> finishLoadedScene(Scene &scene, const std::string &what);

} // namespace atlas

namespace atlas {
// A structure id not yet used in `scene`: `wanted` itself, or `wanted_2`, `wanted_3`, ...
// Files from elsewhere often repeat node names; ids must stay unique.
std::string uniqueStructureId(const Scene &scene, const std::string &wanted);
} // namespace atlas
