// Muscle fibres through glTF (issue 12): the writer stores MeshData::fibres as the "_FIBRE" vertex
// attribute in four normalized signed bytes a vertex, the loader reads them back (rotated with their
// node), gives an empty vector to models without them, and refuses a broken attribute with a message
// that names the accessor and what was expected. The generator's side: mirrored with the mesh, and
// sampled as unit directions with a tendon fraction in [0, 1].
#include "io/gltf_writer.h"
#include "io/model_loader.h"
#include "support/scratch_dir.h"

#include "model_test_support.h"

#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/mesh_check.h"
#endif

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace atlas;

namespace {

// One tetrahedron, its fibres leaning differently at each corner, the last corner all tendon.
MeshData fibredTetrahedron() {
  MeshData mesh;
  mesh.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  mesh.indices = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};
  computeSmoothNormals(mesh);
  mesh.fibres = {glm::vec4(0, 1, 0, 0), glm::vec4(glm::normalize(glm::vec3(0.3f, 0.9f, -0.2f)), 0.25f),
                 glm::vec4(glm::normalize(glm::vec3(-1, 1, 1)), 0.6f), glm::vec4(0, 0, -1, 1)};
  mesh.fibreCoords = {-12.25f, 0.0f, 3.1415927f, 40.5f};
  return mesh;
}

Scene sceneOf(const MeshData &mesh) {
  Structure s;
  s.id = "muscle";
  s.system = System::Muscle;
  s.meshes.push_back(mesh);
  Scene scene;
  scene.add(std::move(s));
  return scene;
}

nlohmann::json writtenJson(const test::ScratchDir &dir, const MeshData &mesh = fibredTetrahedron()) {
  GltfWriteOptions options;
  options.binary = false;
  const std::string path = dir.path("muscle.gltf");
  REQUIRE(writeGltf(sceneOf(mesh), path, options));
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

int fibreAccessor(const nlohmann::json &doc, const std::string &attribute = "_FIBRE") {
  return doc["meshes"][0]["primitives"][0]["attributes"][attribute].get<int>();
}

Result<Scene> loadJson(const test::ScratchDir &dir, const nlohmann::json &doc) {
  return loadModel(dir.write("broken.gltf", doc.dump()));
}

// Points the fibre accessor (or `attribute`'s) at a new buffer file holding `bytes` (four vertices,
// `componentType`).
void replaceFibreData(const test::ScratchDir &dir, nlohmann::json &doc, const std::string &bytes,
                      int componentType, const std::string &attribute = "_FIBRE") {
  dir.write("fibre.bin", bytes);
  doc["buffers"].push_back({{"byteLength", bytes.size()}, {"uri", "fibre.bin"}});
  doc["bufferViews"].push_back(
      {{"buffer", doc["buffers"].size() - 1}, {"byteOffset", 0}, {"byteLength", bytes.size()}});
  auto &acc = doc["accessors"][fibreAccessor(doc, attribute)];
  acc["bufferView"] = doc["bufferViews"].size() - 1;
  acc["componentType"] = componentType;
}

std::string signedBytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values)
    out.push_back(static_cast<char>(static_cast<signed char>(v)));
  return out;
}

} // namespace

TEST_CASE("fibres: written to glTF and read back per vertex within a byte's step", "[loader][fibres]") {
  test::ScratchDir dir("fibre_roundtrip");
  const MeshData original = fibredTetrahedron();
  for (bool binary : {true, false}) {
    INFO((binary ? "glb" : "gltf"));
    GltfWriteOptions options;
    options.binary = binary;
    const std::string path = dir.path(binary ? "muscle.glb" : "muscle.gltf");
    REQUIRE(writeGltf(sceneOf(original), path, options));
    Result<Scene> loaded = loadModel(path);
    REQUIRE(loaded);
    const MeshData &mesh = loaded->structures().at(0).meshes.at(0);
    REQUIRE(mesh.fibres.size() == original.fibres.size());
    for (std::size_t v = 0; v < mesh.fibres.size(); ++v) {
      INFO("vertex " << v << ": read " << mesh.fibres[v].x << ", " << mesh.fibres[v].y << ", "
                     << mesh.fibres[v].z << ", " << mesh.fibres[v].w);
      for (int c = 0; c < 4; ++c)
        CHECK(std::abs(mesh.fibres[v][c] - original.fibres[v][c]) <= 1.0f / 127.0f);
      CHECK(glm::length(glm::vec3(mesh.fibres[v])) == Approx(1.0f).margin(1e-5)); // renormalised
    }
  }
}

TEST_CASE("fibres: the fibre coordinate is written as _FIBRE_COORD floats and read back exactly",
          "[loader][fibres]") {
  test::ScratchDir dir("fibre_coord_roundtrip");
  const MeshData original = fibredTetrahedron();
  for (bool binary : {true, false}) {
    INFO((binary ? "glb" : "gltf"));
    GltfWriteOptions options;
    options.binary = binary;
    const std::string path = dir.path(binary ? "muscle.glb" : "muscle.gltf");
    REQUIRE(writeGltf(sceneOf(original), path, options));
    Result<Scene> loaded = loadModel(path);
    REQUIRE(loaded);
    CHECK(loaded->structures().at(0).meshes.at(0).fibreCoords == original.fibreCoords);
  }
  const nlohmann::json doc = writtenJson(dir);
  const nlohmann::json &acc = doc["accessors"][fibreAccessor(doc, "_FIBRE_COORD")];
  CHECK(acc["type"] == "SCALAR");
  CHECK(acc["componentType"] == 5126);
  CHECK(acc["count"] == 4);

  // A mesh without coordinates (a file from before them) is written and read without them.
  MeshData without = original;
  without.fibreCoords.clear();
  CHECK_FALSE(writtenJson(dir, without)["meshes"][0]["primitives"][0]["attributes"].contains("_FIBRE_COORD"));
  const std::string path = dir.path("without.glb");
  REQUIRE(writeGltf(sceneOf(without), path));
  Result<Scene> loaded = loadModel(path);
  REQUIRE(loaded);
  CHECK(loaded->structures().at(0).meshes.at(0).fibreCoords.empty());
  CHECK(loaded->structures().at(0).meshes.at(0).fibres.size() == 4);
}

TEST_CASE("fibres: a broken fibre coordinate is refused with a message naming _FIBRE_COORD",
          "[loader][fibres]") {
  test::ScratchDir dir("fibre_coord_broken");
  const nlohmann::json good = writtenJson(dir);
  const int a = fibreAccessor(good, "_FIBRE_COORD");
  const std::string where = "meshes[0].primitives[0] _FIBRE_COORD: accessors[" + std::to_string(a) + "]";
  auto refused = [&](const nlohmann::json &doc) {
    Result<Scene> loaded = loadJson(dir, doc);
    REQUIRE_FALSE(loaded);
    return loaded.error();
  };
  REQUIRE(loadJson(dir, good)); // the unbroken file loads

  SECTION("one value more than the vertex count") {
    nlohmann::json doc = good;
    doc["accessors"][a]["count"] = 5;
    CHECK_THAT(refused(doc), Catch::Contains(where + ": has 5 values but POSITION has 4 vertices"));
  }
  SECTION("two numbers per vertex") {
    nlohmann::json doc = good;
    doc["accessors"][a]["type"] = "VEC2";
    const std::string error = refused(doc);
    CHECK_THAT(error, Catch::Contains(where + ": has 2 components per vertex"));
    CHECK_THAT(error, Catch::Contains("type SCALAR"));
  }
  SECTION("normalized shorts, which cannot hold tens of millimetres finely") {
    nlohmann::json doc = good;
    const std::int16_t values[4] = {0, 100, -100, 32767};
    replaceFibreData(dir, doc, std::string(reinterpret_cast<const char *>(values), sizeof values), 5122,
                     "_FIBRE_COORD");
    doc["accessors"][a]["normalized"] = true;
    const std::string error = refused(doc);
    CHECK_THAT(error, Catch::Contains(where + ": componentType 5122 is not allowed"));
    CHECK_THAT(error, Catch::Contains("float (5126)"));
  }
  SECTION("a buffer view too short for the count") {
    nlohmann::json doc = good;
    doc["bufferViews"][doc["accessors"][a]["bufferView"].get<int>()]["byteLength"] = 12;
    CHECK_THAT(refused(doc), Catch::Contains(where + ": 4 elements"));
  }
  for (const float bad : {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity()})
    SECTION(std::string("a value that is not finite: ") + (std::isnan(bad) ? "nan" : "inf")) {
      nlohmann::json doc = good;
      const float values[4] = {0.0f, 1.5f, bad, 2.0f};
      replaceFibreData(dir, doc, std::string(reinterpret_cast<const char *>(values), sizeof values), 5126,
                       "_FIBRE_COORD");
      const std::string error = refused(doc);
      CHECK_THAT(error, Catch::Contains("_FIBRE_COORD: vertex 2 has fibre coordinate"));
      CHECK_THAT(error, Catch::Contains("expected a finite number"));
    }
}

TEST_CASE("fibres: stored as four normalized signed bytes a vertex", "[loader][fibres]") {
  test::ScratchDir dir("fibre_encoding");
  const nlohmann::json doc = writtenJson(dir);
  const nlohmann::json &acc = doc["accessors"][fibreAccessor(doc)];
  CHECK(acc["type"] == "VEC4");
  CHECK(acc["componentType"] == 5120);
  CHECK(acc.value("normalized", false));
  CHECK(acc["count"] == 4);
  CHECK(doc["bufferViews"][acc["bufferView"].get<int>()]["byteLength"] == 16);
}

TEST_CASE("fibres: a mesh without them is written and read without them", "[loader][fibres]") {
  test::ScratchDir dir("fibre_none");
  MeshData plain = fibredTetrahedron();
  plain.fibres.clear();
  const nlohmann::json doc = writtenJson(dir, plain);
  CHECK_FALSE(doc["meshes"][0]["primitives"][0]["attributes"].contains("_FIBRE"));
  CHECK_FALSE(doc["meshes"][0]["primitives"][0]["attributes"].contains("_FIBRE_COORD")); // no use alone
  const std::string path = dir.path("plain.glb");
  REQUIRE(writeGltf(sceneOf(plain), path));
  Result<Scene> loaded = loadModel(path);
  REQUIRE(loaded);
  CHECK(loaded->structures().at(0).meshes.at(0).fibres.empty());
}

TEST_CASE("fibres: turn with their node's rotation and keep their tendon fraction", "[loader][fibres]") {
  test::ScratchDir dir("fibre_node_rotation");
  nlohmann::json doc = writtenJson(dir);
  // A quarter turn about +Z (x, y, z, w): +Y becomes -X, and -Z stays -Z.
  const float h = std::sqrt(0.5f);
  doc["nodes"][0]["rotation"] = {0.0, 0.0, h, h};
  Result<Scene> loaded = loadJson(dir, doc);
  REQUIRE(loaded);
  const std::vector<glm::vec4> &f = loaded->structures().at(0).meshes.at(0).fibres;
  REQUIRE(f.size() == 4);
  CHECK(f[0].x == Approx(-1.0f).margin(1.0 / 127));
  CHECK(f[0].y == Approx(0.0f).margin(1.0 / 127));
  CHECK(f[3].z == Approx(-1.0f).margin(1.0 / 127));
  CHECK(f[3].w == Approx(1.0f).margin(1.0 / 127));
  CHECK(f[2].w == Approx(0.6f).margin(1.0 / 127));
}

TEST_CASE("fibres: float and normalized short encodings are read too", "[loader][fibres]") {
  test::ScratchDir dir("fibre_other_encodings");
  SECTION("floats") {
    nlohmann::json doc = writtenJson(dir);
    const float values[16] = {0, 1, 0, 0, 1, 0, 0, 0.5f, 0, 0, 1, 1, 0, -1, 0, 0.25f};
    replaceFibreData(dir, doc, std::string(reinterpret_cast<const char *>(values), sizeof values), 5126);
    doc["accessors"][fibreAccessor(doc)].erase("normalized");
    Result<Scene> loaded = loadJson(dir, doc);
    REQUIRE(loaded);
    const std::vector<glm::vec4> &f = loaded->structures().at(0).meshes.at(0).fibres;
    REQUIRE(f.size() == 4);
    CHECK(f[1] == glm::vec4(1, 0, 0, 0.5f));
    CHECK(f[3] == glm::vec4(0, -1, 0, 0.25f));
  }
  SECTION("normalized shorts") {
    nlohmann::json doc = writtenJson(dir);
    const std::int16_t values[16] = {0, 32767, 0,     0,     -32768, 0, 0,      32767,
                                     0, 0,     32767, 16384, 0,      0, -32767, 0};
    replaceFibreData(dir, doc, std::string(reinterpret_cast<const char *>(values), sizeof values), 5122);
    Result<Scene> loaded = loadJson(dir, doc);
    REQUIRE(loaded);
    const std::vector<glm::vec4> &f = loaded->structures().at(0).meshes.at(0).fibres;
    REQUIRE(f.size() == 4);
    CHECK(f[1].x == -1.0f); // -32768 clamps to -1 (glTF 2.0 section 3.11)
    CHECK(f[1].w == 1.0f);
    CHECK(f[2].w == Approx(0.5f).margin(1e-4));
  }
}

TEST_CASE("fibres: a broken attribute is refused with a precise message", "[loader][fibres]") {
  test::ScratchDir dir("fibre_broken");
  const nlohmann::json good = writtenJson(dir);
  const int a = fibreAccessor(good);
  const std::string where = "meshes[0].primitives[0] _FIBRE: accessors[" + std::to_string(a) + "]";
  auto refused = [&](const nlohmann::json &doc) {
    Result<Scene> loaded = loadJson(dir, doc);
    REQUIRE_FALSE(loaded);
    return loaded.error();
  };

  SECTION("one value short of the vertex count") {
    nlohmann::json doc = good;
    doc["accessors"][a]["count"] = 3;
    CHECK_THAT(refused(doc), Catch::Contains(where + ": has 3 values but POSITION has 4 vertices"));
  }
  SECTION("three numbers per vertex") {
    nlohmann::json doc = good;
    doc["accessors"][a]["type"] = "VEC3";
    const std::string error = refused(doc);
    CHECK_THAT(error, Catch::Contains(where + ": has 3 components per vertex"));
    CHECK_THAT(error, Catch::Contains("type VEC4"));
  }
  SECTION("signed bytes that are not normalized") {
    nlohmann::json doc = good;
    doc["accessors"][a].erase("normalized");
    const std::string error = refused(doc);
    CHECK_THAT(error, Catch::Contains(where + ": componentType 5120 is not normalized"));
    CHECK_THAT(error, Catch::Contains("normalized signed byte (5120)"));
  }
  SECTION("unsigned bytes, which cannot say a direction's sign") {
    nlohmann::json doc = good;
    doc["accessors"][a]["componentType"] = 5121;
    CHECK_THAT(refused(doc), Catch::Contains(where + ": componentType 5121 is not allowed"));
  }
  SECTION("a buffer view too short for the count") {
    nlohmann::json doc = good;
    doc["bufferViews"][doc["accessors"][a]["bufferView"].get<int>()]["byteLength"] = 12;
    CHECK_THAT(refused(doc), Catch::Contains("_FIBRE: accessors[" + std::to_string(a) + "]: 4 elements"));
  }
  SECTION("a negative tendon fraction") {
    nlohmann::json doc = good;
    replaceFibreData(dir, doc, signedBytes({0, 127, 0, 0, 0, 127, 0, -64, 0, 127, 0, 0, 0, 127, 0, 0}), 5120);
    const std::string error = refused(doc);
    CHECK_THAT(error, Catch::Contains("_FIBRE: vertex 1 has tendon fraction (w) -0.50"));
    CHECK_THAT(error, Catch::Contains("outside [0, 1]"));
  }
  SECTION("a zero direction") {
    nlohmann::json doc = good;
    replaceFibreData(dir, doc, signedBytes({0, 127, 0, 0, 0, 127, 0, 0, 0, 0, 0, 64, 0, 127, 0, 0}), 5120);
    const std::string error = refused(doc);
    CHECK_THAT(error, Catch::Contains("_FIBRE: vertex 2 has a fibre direction of length 0.0"));
    CHECK_THAT(error, Catch::Contains("expected a unit vector"));
  }
  SECTION("a float that is not a number") {
    nlohmann::json doc = good;
    float values[16] = {0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0};
    values[3 * 4 + 1] = std::numeric_limits<float>::quiet_NaN();
    replaceFibreData(dir, doc, std::string(reinterpret_cast<const char *>(values), sizeof values), 5126);
    CHECK_THAT(refused(doc), Catch::Contains("_FIBRE: vertex 3 has a fibre direction of length nan"));
  }
}

#ifdef ATLAS_HAVE_MODELGEN
TEST_CASE("fibres: the generator mirrors them with the mesh and samples unit directions", "[model][fibres]") {
  MeshData left = fibredTetrahedron();
  const MeshData right = modelgen::mirrorX(left);
  REQUIRE(right.fibres.size() == left.fibres.size());
  for (std::size_t v = 0; v < left.fibres.size(); ++v) {
    CHECK(right.fibres[v].x == -left.fibres[v].x);
    CHECK(right.fibres[v].y == left.fibres[v].y);
    CHECK(right.fibres[v].z == left.fibres[v].z);
    CHECK(right.fibres[v].w == left.fibres[v].w);
  }
  CHECK(right.fibreCoords == left.fibreCoords); // constant along the mirrored fibres too

  // Coordinates are sampled per vertex; one that is not finite becomes 0 (the loader refuses those).
  const std::vector<float> coords = modelgen::sampleFibreCoords(left, [](const glm::vec3 &p) {
    return p.z > 0.5f ? std::numeric_limits<float>::infinity() : 10.0f * p.x - p.y;
  });
  CHECK(coords == std::vector<float>{0.0f, 10.0f, -1.0f, 0.0f});

  // Lengths other than one, a tendon fraction out of range and a direction that is not one.
  const std::vector<glm::vec4> sampled = modelgen::sampleFibres(left, [](const glm::vec3 &p) {
    if (p.x > 0.5f)
      return glm::vec4(0.0f, 0.0f, 0.0f, 0.5f);
    return glm::vec4(p + glm::vec3(0.0f, 2.0f, 0.0f), p.z > 0.5f ? 3.0f : -1.0f);
  });
  REQUIRE(sampled.size() == left.positions.size());
  for (std::size_t v = 0; v < sampled.size(); ++v) {
    INFO("vertex " << v);
    CHECK(glm::length(glm::vec3(sampled[v])) == Approx(1.0f));
    CHECK(sampled[v].w >= 0.0f);
    CHECK(sampled[v].w <= 1.0f);
  }
  CHECK(sampled[1] == glm::vec4(0, 1, 0, 0.5f)); // no direction: +Y, as documented
  CHECK(sampled[3].w == 1.0f);
  CHECK(sampled[2].y == Approx(1.0f));
}
#endif

// The bundled model, once regenerated with issue 12's generator: every muscle carries fibres (belly
// and tendon both present), the right side's are the left's mirrored, and nothing else has any.
TEST_CASE("fibres: the bundled model's muscles carry them, mirrored, and nothing else does",
          "[model][fibres]") {
  const Scene &model = test::committedModel();
  int muscles = 0;
  for (const Structure &s : model.structures()) {
    INFO(s.id);
    for (const MeshData &m : s.meshes) {
      if (s.system != System::Muscle) {
        CHECK(m.fibres.empty());
        continue;
      }
      ++muscles;
      REQUIRE(m.fibres.size() == m.positions.size());
      std::size_t belly = 0, tendon = 0;
      for (const glm::vec4 &f : m.fibres) {
        belly += f.w < 0.1f ? 1 : 0;
        tendon += f.w > 0.9f ? 1 : 0;
      }
      CHECK(belly > m.fibres.size() / 10);  // a fleshy belly
      CHECK(tendon > m.fibres.size() / 20); // and tendons at its ends
    }
    if (s.system != System::Muscle || s.side != "right")
      continue;
    const Structure *left = model.find(s.id.substr(0, s.id.size() - 5) + "left");
    REQUIRE(left);
    REQUIRE(left->meshes.size() == s.meshes.size());
    for (std::size_t k = 0; k < s.meshes.size(); ++k) {
      const std::vector<glm::vec4> &r = s.meshes[k].fibres, &l = left->meshes[k].fibres;
      REQUIRE(r.size() == l.size());
      std::size_t mirrored = 0;
      for (std::size_t v = 0; v < r.size(); ++v)
        mirrored += glm::length(r[v] - glm::vec4(-l[v].x, l[v].y, l[v].z, l[v].w)) < 1e-5f ? 1 : 0;
      CHECK(mirrored == r.size());
    }
  }
  CHECK(muscles >= 6); // three scalenes a side
}
