// libFuzzer target: glTF 2.0, binary (GLB) or JSON, through the project's own loader and validation:
// GLB header and chunks, JSON syntax, URIs, tinygltf's parser, accessor and buffer-view ranges, the
// node graph, transforms, then finishLoadedScene (finite vertices, index ranges, normals). The model
// is read from memory, so it cannot refer to other files (those URIs are refused, as tested).
#include "core/log.h"
#include "io/model_loader.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  atlas::log::setSink([](atlas::log::Level, const std::string &) {}); // warnings would flood the log
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  // The extension follows the content, as a user's file would: GLB magic or JSON text.
  const bool glb = size >= 4 && std::memcmp(data, "glTF", 4) == 0;
  atlas::Result<atlas::Scene> scene =
      atlas::loadModelFromMemory(data, size, glb ? "glb" : "gltf", "fuzz.gltf");
  if (scene) {
    // What the viewer does next with a loaded scene.
    const atlas::Bounds bounds = scene->bounds();
    (void)bounds;
    (void)scene->triangleCount();
  }
  return 0;
}
