// The coarse level of detail carried in the model file (issue 17, start-up): the generator stores each
// mesh's coarse index list in its glTF primitive, the loader reads it back after its own checks, and the
// viewer's motion detail uses it instead of simplifying at start-up. A list that does not fit its
// primitive is refused with the file, the primitive and the reason.
#include "io/gltf_writer.h"
#include "io/model_loader.h"
#include "model_test_support.h"
#include "scene/level_of_detail.h"
#include "support/fixtures.h"
#include "support/scratch_dir.h"
#include "support/shapes.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

using namespace atlas;

namespace {

Scene sphereScene() {
  Scene scene;
  Structure s;
  s.id = "sphere";
  s.meshes.push_back(test::makeSphere(glm::vec3(0.0f), 0.02f, 96, 192, glm::vec4(1.0f)));
  scene.add(std::move(s));
  return scene;
}

// Writes `scene` as a .glb in `dir` and loads it again.
Result<Scene> roundTrip(const Scene &scene, const test::ScratchDir &dir) {
  const std::string path = dir.path("model.glb");
  if (Result<void> written = writeGltf(scene, path); !written)
    return Error{written.error()};
  return loadModel(path);
}

// A one-triangle glTF whose primitive gets `extras` (and `mode`), the coarse list pointing at the
// primitive's own index accessor (accessor 1).
std::string triangleWithExtras(const nlohmann::json &extras, int mode = 4) {
  nlohmann::json gltf = nlohmann::json::parse(test::makeGltfJson({}));
  gltf["meshes"][0]["primitives"][0]["extras"] = extras;
  gltf["meshes"][0]["primitives"][0]["mode"] = mode;
  return gltf.dump();
}

bool contains(const std::string &text, const std::string &part) {
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("a coarse list written with the model is read back as it was", "[lod][loader]") {
  Scene scene = sphereScene();
  attachCoarseMeshes(scene);
  const MeshData &written = scene.structures()[0].meshes[0];
  REQUIRE(!written.coarseIndices.empty());
  CHECK(written.coarseIndices.size() * 3 < written.indices.size());

  const test::ScratchDir dir("coarse_round_trip");
  Result<Scene> loaded = roundTrip(scene, dir);
  REQUIRE(loaded);
  const MeshData &read = loaded->structures()[0].meshes[0];
  CHECK(read.coarseIndices == written.coarseIndices);
  CHECK(read.coarseError == Approx(written.coarseError).epsilon(1e-6));
  // The same as simplifying the loaded mesh afresh: the file saves the work, not changes the result.
  MeshData without = read;
  without.coarseIndices.clear();
  const CoarseMesh fresh = simplifyForMotion(without);
  CHECK(fresh.indices == read.coarseIndices);
}

TEST_CASE("the motion detail takes the file's coarse list instead of simplifying", "[lod][loader]") {
  Scene scene = sphereScene();
  MeshData &mesh = scene.structures()[0].meshes[0];
  // A list the simplifier would never make: the mesh's first ten triangles.
  mesh.coarseIndices.assign(mesh.indices.begin(), mesh.indices.begin() + 30);
  mesh.coarseError = 0.00125f;
  const test::ScratchDir dir("coarse_used");
  Result<Scene> loaded = roundTrip(scene, dir);
  REQUIRE(loaded);
  const MotionDetail detail = buildMotionDetail(*loaded, 1);
  REQUIRE(detail.meshes.size() == 1);
  CHECK(detail.meshes[0][0].indices == mesh.coarseIndices);
  CHECK(detail.meshes[0][0].error == Approx(0.00125f));
  CHECK(detail.coarseTriangles == 10);
  // The loading worker moves the lists out of the scene rather than keeping two copies.
  Scene taken = *loaded;
  const MotionDetail moved = takeMotionDetail(taken, 1);
  CHECK(moved.meshes[0][0].indices == mesh.coarseIndices);
  CHECK(moved.meshes[0][0].error == Approx(0.00125f));
  CHECK(taken.structures()[0].meshes[0].coarseIndices.empty());

  // A model without coarse lists is simplified at load, as before.
  Scene plain = sphereScene();
  Result<Scene> plainLoaded = roundTrip(plain, dir);
  REQUIRE(plainLoaded);
  CHECK(plainLoaded->structures()[0].meshes[0].coarseIndices.empty());
  const MotionDetail simplified = buildMotionDetail(*plainLoaded, 1);
  CHECK(!simplified.meshes[0][0].indices.empty());
  CHECK(simplified.meshes[0][0].indices != mesh.coarseIndices);
}

TEST_CASE("a coarse list that does not fit its primitive is refused, naming it", "[lod][loader][errors]") {
  const test::ScratchDir dir("coarse_hostile");
  auto loadWith = [&](const std::vector<std::uint32_t> &coarse, float error) {
    Scene scene;
    Structure s;
    s.id = "triangle";
    MeshData mesh;
    mesh.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}};
    mesh.indices = {0, 1, 2, 2, 1, 3};
    mesh.coarseIndices = coarse;
    mesh.coarseError = error;
    s.meshes.push_back(mesh);
    scene.add(std::move(s));
    return roundTrip(scene, dir);
  };
  SECTION("an index past the last vertex") {
    Result<Scene> r = loadWith({0, 1, 7}, 0.0f);
    REQUIRE(!r);
    CHECK(contains(r.error(), "model.glb"));
    CHECK(contains(r.error(), "primitives[0] extras.coarse.indices: index 2 is 7, past the last of 4"));
  }
  SECTION("indices that do not make whole triangles") {
    Result<Scene> r = loadWith({0, 1, 2, 1}, 0.0f);
    REQUIRE(!r);
    CHECK(contains(r.error(), "4 indices do not make whole triangles"));
  }
  SECTION("more indices than the primitive's own list") {
    Result<Scene> r = loadWith({0, 1, 2, 2, 1, 3, 0, 1, 3}, 0.0f);
    REQUIRE(!r);
    CHECK(contains(r.error(), "9 indices, more than the primitive's own 6"));
  }
  SECTION("a negative error") {
    Result<Scene> r = loadWith({0, 1, 2}, -1.0f);
    REQUIRE(!r);
    CHECK(contains(r.error(), "extras.coarse.error: -1.0"));
    CHECK(contains(r.error(), "is not a distance"));
  }
  SECTION("a fitting list loads") {
    Result<Scene> r = loadWith({0, 1, 2}, 0.001f);
    REQUIRE(r);
    CHECK(r->structures()[0].meshes[0].coarseIndices == std::vector<std::uint32_t>{0, 1, 2});
  }
}

TEST_CASE("a coarse entry of the wrong shape is refused before any data is read", "[lod][loader][errors]") {
  const test::ScratchDir dir("coarse_shape");
  auto load = [&](const std::string &json) { return loadModel(dir.write("model.gltf", json)); };
  SECTION("not an object") {
    Result<Scene> r = load(triangleWithExtras({{"coarse", 5}}));
    REQUIRE(!r);
    CHECK(contains(r.error(), "model.gltf: meshes[0].primitives[0] extras.coarse: expected an object"));
  }
  SECTION("an accessor index that is not an integer") {
    Result<Scene> r = load(triangleWithExtras({{"coarse", {{"indices", "1"}, {"error", 0.0}}}}));
    REQUIRE(!r);
    CHECK(contains(r.error(), "extras.coarse.indices: expected an accessor index"));
  }
  SECTION("an accessor that does not exist") {
    Result<Scene> r = load(triangleWithExtras({{"coarse", {{"indices", 99}, {"error", 0.0}}}}));
    REQUIRE(!r);
    CHECK(contains(r.error(), "accessor index 99 is out of range"));
  }
  SECTION("an error that is not a number") {
    Result<Scene> r = load(triangleWithExtras({{"coarse", {{"indices", 1}, {"error", "small"}}}}));
    REQUIRE(!r);
    CHECK(contains(r.error(), "extras.coarse.error: expected a number"));
  }
  SECTION("on a triangle strip") {
    Result<Scene> r = load(triangleWithExtras({{"coarse", {{"indices", 1}, {"error", 0.0}}}}, 5));
    REQUIRE(!r);
    CHECK(contains(r.error(), "only a triangle list (mode 4)"));
  }
  SECTION("the primitive's own index list as its coarse list loads") {
    Result<Scene> r = load(triangleWithExtras({{"coarse", {{"indices", 1}, {"error", 0.0}}}}));
    REQUIRE(r);
    CHECK(r->structures()[0].meshes[0].coarseIndices == std::vector<std::uint32_t>{0, 1, 2});
  }
}

TEST_CASE("the bundled model carries every coarse list the simplifier makes, none stale", "[lod][model]") {
  const Scene &scene = test::committedModel();
  std::size_t carried = 0;
  for (const Structure &s : scene.structures())
    for (std::size_t m = 0; m < s.meshes.size(); ++m) {
      MeshData bare = s.meshes[m];
      bare.coarseIndices.clear();
      const CoarseMesh fresh = simplifyForMotion(bare);
      INFO(s.id << " mesh " << m << ": " << s.meshes[m].coarseIndices.size()
                << " coarse indices in the file, " << fresh.indices.size() << " from the simplifier");
      const bool same = s.meshes[m].coarseIndices == fresh.indices;
      CHECK(same);
      if (!fresh.indices.empty())
        CHECK(s.meshes[m].coarseError == Approx(fresh.error).epsilon(1e-5));
      carried += s.meshes[m].coarseIndices.empty() ? 0 : 1;
    }
  CHECK(carried > scene.structures().size() / 2); // most parts are fine enough to have one
}
