// The model generator's entry point: reads the description under assets/model/ and builds the whole
// cervical region as a Scene (metres, glTF frame), ready for atlas::writeGltf.
#pragma once

#include "core/result.h"
#include "io/gltf_writer.h"
#include "modelgen/spec.h"
#include "scene/scene.h"

#include <map>
#include <string>

namespace atlas::modelgen {

// Measurements of the built model that are not read off its meshes (used by the tests).
struct ModelMetrics {
  std::map<std::string, float> arcLength;     // "rib1", "rib2": centre-line arc length (mm)
  std::map<std::string, glm::vec3> supNormal; // per vertebra id: superior endplate normal
  std::map<std::string, glm::vec3> infNormal; // per vertebra id: inferior endplate normal
  std::map<std::string, glm::vec3> landmarks; // left side, mm
  float cobbC2C7 = 0.0f;                      // degrees, C2 inferior vs C7 inferior endplate
};

struct GeneratedModel {
  Scene scene;
  ModelMetrics metrics;
};

Result<GeneratedModel> generateModel(const ModelSpec &spec);
Result<GeneratedModel> generateModel(const std::string &specDirectory);

// The measurements alone (bones as distance functions, no meshing): fast enough for every test.
Result<ModelMetrics> measureModel(const ModelSpec &spec);

// The glTF writer options the generator uses (asset generator and copyright strings).
GltfWriteOptions writeOptions();

// Colours (linear RGBA) by system, and for the two footprint roles.
glm::vec4 colourFor(System system);
glm::vec4 footprintColour(const std::string &role);

} // namespace atlas::modelgen
