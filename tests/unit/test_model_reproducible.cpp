// The committed assets/cervical_region.glb is exactly what the generator makes from assets/model/.
#ifdef ATLAS_HAVE_MODELGEN
#include "io/gltf_writer.h"
#include "model_test_support.h"
#include "modelgen/model.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

using namespace atlas;

namespace {
std::string readBytes(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
} // namespace

TEST_CASE("model: regenerating from assets/model gives the committed .glb byte for byte", "[model][slow]") {
  Result<modelgen::GeneratedModel> model = modelgen::generateModel(test::modelSpecDir());
  REQUIRE(model);
  const std::string out = (std::filesystem::temp_directory_path() /
                           ("atlas_test_cervical_region-" + std::to_string(::getpid()) + ".glb"))
                              .string();
  REQUIRE(writeGltf(model->scene, out, modelgen::writeOptions()));
  const std::string made = readBytes(out), committed = readBytes(test::committedModelPath());
  std::filesystem::remove(out);
  REQUIRE_FALSE(committed.empty());
  CHECK(made.size() == committed.size());
  CHECK(made == committed);
}
#endif
