// libFuzzer target: OBJ, STL and PLY through the project's Assimp import path (Assimp's importer and
// post-processing, then the project's traversal into a Scene and finishLoadedScene's validation).
// Input layout: the first byte picks the format (byte % 3: 0 OBJ, 1 STL, 2 PLY; the seed corpus has
// each fixture file behind its byte), the rest is the file. To replay a crash as a file, drop the
// first byte: `tail -c +2 crash-... > model.obj`.
#include "core/log.h"
#include "io/model_loader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  atlas::log::setSink([](atlas::log::Level, const std::string &) {});
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size < 1)
    return 0;
  static const char *const kFormats[] = {"obj", "stl", "ply"};
  const char *format = kFormats[data[0] % 3];
  atlas::Result<atlas::Scene> scene =
      atlas::loadModelFromMemory(data + 1, size - 1, format, std::string("fuzz.") + format);
  if (scene) {
    const atlas::Bounds bounds = scene->bounds();
    (void)bounds;
    (void)scene->triangleCount();
  }
  return 0;
}
