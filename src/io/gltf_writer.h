// Writes a Scene as glTF 2.0 (.glb or .gltf with an embedded buffer). Used by the model generator and
// by the test-fixture generator, so that every model the project ships or tests is made by one writer.
#pragma once

#include "core/result.h"
#include "scene/scene.h"

#include <string>

namespace atlas {

struct GltfWriteOptions {
  bool binary = true; // .glb; false writes .gltf JSON with a base64 data URI
  std::string generator = "Scalene Atlas";
  std::string copyright; // asset.copyright
};

// One node per structure (name = id, parents kept), one primitive per MeshData, one material per
// distinct colour, and `extras` holding id, name, latin, fma, system, side and the attachment fields.
// Output is byte-for-byte deterministic for the same Scene.
Result<void> writeGltf(const Scene &scene, const std::string &path, const GltfWriteOptions &options = {});

} // namespace atlas
