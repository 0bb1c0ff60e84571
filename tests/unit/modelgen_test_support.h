// Shared by the tests of the model generator's measurements (contacts, muscle sections): the
// generator's measuring points computed without meshing, and one-mesh structures for scenes built
// by hand. Only where the generator is built (ATLAS_HAVE_MODELGEN).
#pragma once

#include "model_test_support.h"
#include "modelgen/model.h"

namespace atlas::test {

// The model description (assets/model), read once.
inline const modelgen::ModelSpec &modelSpec() {
  static const modelgen::ModelSpec spec = [] {
    Result<modelgen::ModelSpec> loaded = modelgen::loadModelSpec(modelSpecDir());
    if (!loaded)
      FAIL("cannot read the model description: " << loaded.error());
    return loaded.value();
  }();
  return spec;
}

// The generator's measurements (landmarks in mm, left side) from assets/model without meshing:
// seconds, not a minute. The meshes to measure are the committed model's (test_model_reproducible
// proves them the generator's output).
inline const modelgen::ModelMetrics &specMetrics() {
  static const modelgen::ModelMetrics metrics = [] {
    Result<modelgen::ModelMetrics> measured = modelgen::measureModel(modelSpec());
    if (!measured)
      FAIL("cannot measure the model: " << measured.error());
    return measured.value();
  }();
  return metrics;
}

// A structure of one mesh, for scenes built by hand.
inline Structure solid(const std::string &id, System system, MeshData mesh) {
  Structure s;
  s.id = id;
  s.system = system;
  s.meshes.push_back(std::move(mesh));
  return s;
}

} // namespace atlas::test
