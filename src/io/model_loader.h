// Loading a model file into a Scene: glTF 2.0 (.gltf/.glb) through tinygltf, every other mesh format
// through Assimp. Bad files never crash: they give an Error naming the file, the place and what was
// expected.
#pragma once

#include "core/result.h"
#include "scene/scene.h"

#include <string>

namespace atlas {

struct LoadLimits {
  std::uint64_t maxFileBytes = 1ull << 30;     // 1 GiB
  std::uint64_t maxTotalVertices = 50'000'000; // refuse before allocating beyond this
};

// Picks the loader from the extension (.gltf/.glb → glTF, else Assimp).
Result<Scene> loadModel(const std::string &path, const LoadLimits &limits = {});

Result<Scene> loadGltf(const std::string &path, const LoadLimits &limits = {});
Result<Scene> loadWithAssimp(const std::string &path, const LoadLimits &limits = {});

// Shared by both loaders: checks finiteness and index ranges, computes missing normals, makes ids
// unique and rejects a scene without triangles. `what` prefixes messages (the file name).
Result<bool> finishLoadedScene(Scene &scene, const std::string &what);

} // namespace atlas

namespace atlas {
// A structure id not yet used in `scene`: `wanted` itself, or `wanted_2`, `wanted_3`, ...
// Files from elsewhere often repeat node names; ids must stay unique.
std::string uniqueStructureId(const Scene &scene, const std::string &wanted);
} // namespace atlas
