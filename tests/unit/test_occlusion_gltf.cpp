// Baked ambient occlusion through glTF (issue 11): the writer stores MeshData::occlusion as the
// "_OCCLUSION" vertex attribute, the loader reads it back, gives an empty vector to models without
// it, and refuses a broken one with a message that says which accessor is wrong and how.
#include "io/gltf_writer.h"
#include "io/model_loader.h"
#include "support/scratch_dir.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace atlas;

namespace {

// One tetrahedron with its own occlusion per vertex.
Scene tetrahedronScene(bool withOcclusion) {
  MeshData mesh;
  mesh.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  mesh.indices = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};
  computeSmoothNormals(mesh);
  if (withOcclusion)
    mesh.occlusion = {0.25f, 1.0f, 0.5f, 0.0f};
  Structure s;
  s.id = "tetra";
  s.system = System::Bone;
  s.meshes.push_back(mesh);
  Scene scene;
  scene.add(std::move(s));
  return scene;
}

// The tetrahedron written as .gltf JSON (embedded buffer), parsed so that a test can break it.
nlohmann::json writtenJson(const test::ScratchDir &dir) {
  GltfWriteOptions options;
  options.binary = false;
  const std::string path = dir.path("tetra.gltf");
  REQUIRE(writeGltf(tetrahedronScene(true), path, options));
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

int occlusionAccessor(const nlohmann::json &doc) {
  return doc["meshes"][0]["primitives"][0]["attributes"]["_OCCLUSION"].get<int>();
}

Result<Scene> loadJson(const test::ScratchDir &dir, const nlohmann::json &doc) {
  return loadModel(dir.write("broken.gltf", doc.dump()));
}

} // namespace

TEST_CASE("occlusion: written to glTF and read back per vertex", "[loader][occlusion]") {
  test::ScratchDir dir("occlusion_roundtrip");
  for (bool binary : {true, false}) {
    GltfWriteOptions options;
    options.binary = binary;
    const std::string path = dir.path(binary ? "tetra.glb" : "tetra.gltf");
    REQUIRE(writeGltf(tetrahedronScene(true), path, options));
    Result<Scene> loaded = loadModel(path);
    REQUIRE(loaded);
    const MeshData &mesh = loaded->structures().at(0).meshes.at(0);
    CHECK(mesh.occlusion == std::vector<float>{0.25f, 1.0f, 0.5f, 0.0f});
  }
}

TEST_CASE("occlusion: a model without it loads with none", "[loader][occlusion]") {
  test::ScratchDir dir("occlusion_none");
  const std::string path = dir.path("plain.glb");
  REQUIRE(writeGltf(tetrahedronScene(false), path));
  Result<Scene> loaded = loadModel(path);
  REQUIRE(loaded);
  CHECK(loaded->structures().at(0).meshes.at(0).occlusion.empty());
}

TEST_CASE("occlusion: normalized unsigned bytes are read as fractions", "[loader][occlusion]") {
  test::ScratchDir dir("occlusion_bytes");
  nlohmann::json doc = writtenJson(dir);
  // A second buffer holding four bytes 0, 51, 255, 102 (0, 0.2, 1, 0.4), stride 4 as glTF asks.
  const std::string bytes("\x00\x00\x00\x00\x33\x00\x00\x00\xff\x00\x00\x00\x66\x00\x00\x00", 16);
  dir.write("ao.bin", bytes);
  doc["buffers"].push_back({{"byteLength", 16}, {"uri", "ao.bin"}});
  doc["bufferViews"].push_back({{"buffer", 1}, {"byteOffset", 0}, {"byteLength", 16}, {"byteStride", 4}});
  auto &acc = doc["accessors"][occlusionAccessor(doc)];
  acc["bufferView"] = doc["bufferViews"].size() - 1;
  acc["componentType"] = 5121;
  acc["normalized"] = true;
  Result<Scene> loaded = loadJson(dir, doc);
  REQUIRE(loaded);
  const std::vector<float> &ao = loaded->structures().at(0).meshes.at(0).occlusion;
  REQUIRE(ao.size() == 4);
  CHECK(ao[0] == 0.0f);
  CHECK(ao[1] == Approx(0.2f));
  CHECK(ao[2] == 1.0f);
  CHECK(ao[3] == Approx(0.4f));
}

TEST_CASE("occlusion: a broken attribute is refused with a precise message", "[loader][occlusion]") {
  test::ScratchDir dir("occlusion_broken");
  const nlohmann::json good = writtenJson(dir);
  const int a = occlusionAccessor(good);
  const std::string where = "meshes[0].primitives[0] _OCCLUSION: accessors[" + std::to_string(a) + "]";

  SECTION("one value short of the vertex count") {
    nlohmann::json doc = good;
    doc["accessors"][a]["count"] = 3;
    Result<Scene> loaded = loadJson(dir, doc);
    REQUIRE_FALSE(loaded);
    CHECK_THAT(loaded.error(), Catch::Contains(where + ": has 3 values but POSITION has 4 vertices"));
  }
  SECTION("three numbers per vertex") {
    nlohmann::json doc = good;
    doc["accessors"][a]["type"] = "VEC3";
    Result<Scene> loaded = loadJson(dir, doc);
    REQUIRE_FALSE(loaded);
    CHECK_THAT(loaded.error(), Catch::Contains(where + ": has 3 components per vertex"));
    CHECK_THAT(loaded.error(), Catch::Contains("type SCALAR"));
  }
  SECTION("unsigned bytes that are not normalized") {
    nlohmann::json doc = good;
    doc["accessors"][a]["componentType"] = 5121;
    Result<Scene> loaded = loadJson(dir, doc);
    REQUIRE_FALSE(loaded);
    CHECK_THAT(loaded.error(), Catch::Contains(where + ": componentType 5121 is not normalized"));
  }
  SECTION("32-bit unsigned integers") {
    nlohmann::json doc = good;
    doc["accessors"][a]["componentType"] = 5125;
    Result<Scene> loaded = loadJson(dir, doc);
    REQUIRE_FALSE(loaded);
    CHECK_THAT(loaded.error(), Catch::Contains(where + ": componentType 5125 is not allowed"));
  }
  SECTION("a value outside [0, 1]") {
    // The accessor pointed at the normals: vertex 0's normal (the corner at the origin) points to
    // -x, -y, -z, so the first float read is negative.
    nlohmann::json doc = good;
    const int normals = doc["meshes"][0]["primitives"][0]["attributes"]["NORMAL"].get<int>();
    doc["accessors"][a]["bufferView"] = doc["accessors"][normals]["bufferView"];
    Result<Scene> loaded = loadJson(dir, doc);
    REQUIRE_FALSE(loaded);
    CHECK_THAT(loaded.error(), Catch::Contains("_OCCLUSION: vertex 0 has occlusion -"));
    CHECK_THAT(loaded.error(), Catch::Contains("outside [0, 1]"));
  }
}
