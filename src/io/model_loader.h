// Loading a model file into a Scene: glTF 2.0 (.gltf/.glb) through tinygltf; OBJ, STL and PLY through
// Assimp (kAssimpFormats; every other format Assimp knows is refused, by extension and by content).
// Bad files never crash: they give an Error naming the file, the place and what was expected. A model
// reads only regular files inside its own folder (see io/model_files.h).
#pragma once

#include "core/result.h"
#include "scene/scene.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace atlas {

// Progress of a load that runs on a worker thread, read by the interface while it draws; setting
// `cancel` makes the loader stop at its next check with an error ending in kLoadCancelled.
struct LoadProgress {
  std::atomic<float> fraction{0.0f}; // 0..1
  std::atomic<bool> cancel{false};
};
inline constexpr const char *kLoadCancelled = "loading cancelled";

// What one load may cost. The counts are of the scene as built, after instancing: a mesh used by n
// nodes counts n times. Each is checked before the memory for it is allocated, and declared counts
// (PLY elements, binary STL triangles) are checked against the file's size first.
struct LoadLimits {
  std::uint64_t maxFileBytes = 1ull << 30;      // the model file and the files it names, together: 1 GiB
  std::uint64_t maxTotalVertices = 50'000'000;  // after instancing
  std::uint64_t maxTotalTriangles = 20'000'000; // after instancing (the bundled model has 330 k)
  std::uint64_t maxNodes = 100'000;             // nodes, i.e. structures
  std::uint64_t maxNameBytes = 16u << 20;       // all structure ids together
  LoadProgress *progress = nullptr;             // optional: reported to and checked for cancel
};

// The extensions Assimp is used for (lower case, without the dot); each has tests of its own.
inline constexpr const char *kAssimpFormats[] = {"obj", "stl", "ply"};
// Coordinates beyond this (after the node transforms) are refused: the camera squares distances in
// single precision, and 1e25 gave a NaN camera and a blank image. A model in millimetres of a whole
// body stays below 1e4.
inline constexpr float kMaxCoordinate = 1e9f;

// Picks the loader from the extension (.gltf/.glb → glTF, kAssimpFormats → Assimp, else refused).
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
Result<void> finishLoadedScene(Scene &scene, const std::string &what);

} // namespace atlas

namespace atlas {
// Structure ids not yet used in the scene a loader builds: `wanted` itself, or `wanted_2`,
// `wanted_3`, ... Files from elsewhere often repeat node names; ids must stay unique. Remembers the
// next suffix of each name, so n nodes of one name cost O(n), not O(n²) (30,000 made a load quadratic).
class StructureIds {
public:
  std::string take(const Scene &scene, const std::string &wanted);

private:
  std::unordered_map<std::string, unsigned long> nextSuffix_;
  std::size_t repeats_ = 0;
};
} // namespace atlas
