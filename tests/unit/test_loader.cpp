// Loader tests: every format the viewer reads, and every kind of bad input gives a precise error.
#include "io/gltf_writer.h"
#include "io/model_loader.h"
#include "support/fixtures.h"
#include "support/scratch_dir.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace atlas;

namespace {
std::vector<test::FixtureFile> fixtures() {
  return test::fixtureList();
}
std::string fixture(const std::string &name) {
  return std::string(ATLAS_TEST_FIXTURE_DIR) + "/" + name;
}
} // namespace

TEST_CASE("glTF binary and JSON keep node names, extras, colours and geometry", "[loader]") {
  for (const char *name : {"scene.glb", "scene.gltf"}) {
    Result<Scene> scene = loadModel(fixture(name));
    REQUIRE(scene);
    REQUIRE(scene->structures().size() == 3);
    const Structure *bone = scene->find("sphere_bone");
    REQUIRE(bone);
    CHECK(bone->system == System::Bone);
    CHECK(bone->side == "left");
    CHECK(bone->extras.at("id") == "sphere_bone");
    CHECK(bone->meshes.at(0).color.r == Approx(0.86f));
    CHECK(bone->triangleCount() == test::makeTestScene().find("sphere_bone")->triangleCount());
    const Bounds b = bone->bounds();
    CHECK(b.center().x == Approx(0.03f).margin(1e-4));
    CHECK(b.size().x == Approx(0.05f).margin(1e-4));
    CHECK(scene->description == "Test scene made by the Scalene Atlas test suite.");
  }
}

TEST_CASE("Assimp formats load into the same scene model with node names as ids", "[loader]") {
  Result<Scene> obj = loadModel(fixture("scene.obj"));
  REQUIRE(obj);
  CHECK(obj->find("sphere_bone") != nullptr);
  CHECK(obj->find("box_muscle") != nullptr);
  CHECK(obj->find("thin_nerve") != nullptr);
  CHECK(obj->triangleCount() == test::makeTestScene().triangleCount());
  // STL and PLY carry no names: the fixtures hold one mesh each (the sphere as STL, the box as PLY),
  // and every triangle and the mesh's extent must arrive unchanged.
  const Scene made = test::makeTestScene();
  const std::pair<const char *, const char *> files[] = {{"scene.stl", "sphere_bone"},
                                                         {"scene.ply", "box_muscle"}};
  for (const auto &[name, madeFrom] : files) {
    INFO(name);
    Result<Scene> s = loadModel(fixture(name));
    REQUIRE(s);
    const Structure &source = *made.find(madeFrom);
    CHECK(s->triangleCount() == source.triangleCount());
    const Bounds got = s->bounds(), want = source.bounds();
    for (int axis = 0; axis < 3; ++axis) {
      CHECK(got.min[axis] == Approx(want.min[axis]).margin(1e-5));
      CHECK(got.max[axis] == Approx(want.max[axis]).margin(1e-5));
    }
    for (const Structure &st : s->structures())
      for (const MeshData &m : st.meshes)
        CHECK(m.normals.size() == m.positions.size());
  }
}

TEST_CASE("every broken or hostile file gives a precise error naming the file", "[loader][errors]") {
  for (const test::FixtureFile &f : fixtures()) {
    if (f.expectError.empty())
      continue;
    INFO(f.name);
    Result<Scene> scene = loadModel(fixture(f.name));
    REQUIRE_FALSE(scene);
    CHECK_THAT(scene.error(), Catch::Contains(f.name));
    CHECK_THAT(scene.error(), Catch::Contains(f.expectError));
    CHECK(scene.error().find('\n') == std::string::npos);
  }
}

TEST_CASE("a missing file and a folder are reported as such", "[loader][errors]") {
  Result<Scene> missing = loadModel(fixture("does_not_exist.glb"));
  REQUIRE_FALSE(missing);
  CHECK_THAT(missing.error(), Catch::Contains("no such file"));
  Result<Scene> folder = loadModel(ATLAS_TEST_FIXTURE_DIR);
  REQUIRE_FALSE(folder);
  CHECK_THAT(folder.error(), Catch::Contains("not a regular file"));
}

TEST_CASE("the file-size limit refuses before reading", "[loader][errors]") {
  LoadLimits tiny;
  tiny.maxFileBytes = 100;
  Result<Scene> scene = loadModel(fixture("scene.glb"), tiny);
  REQUIRE_FALSE(scene);
  CHECK_THAT(scene.error(), Catch::Contains("more than the limit"));
}

TEST_CASE("the vertex limit refuses a model before allocating its vertices", "[loader][errors]") {
  LoadLimits small;
  small.maxTotalVertices = 100;
  Result<Scene> scene = loadModel(fixture("scene.glb"), small);
  REQUIRE_FALSE(scene);
  CHECK_THAT(scene.error(), Catch::Contains("more than the limit of 100 vertices after instancing"));
}

TEST_CASE("node transforms are baked and missing normals are computed", "[loader]") {
  // A node translated by +2 on X and scaled by -1 on Z (a mirror): positions move, the winding flips
  // so the face still points the way its computed normal says.
  test::GltfJsonOptions options;
  nlohmann::json doc = nlohmann::json::parse(test::makeGltfJson(options));
  doc["nodes"][0]["translation"] = {2.0, 0.0, 0.0};
  doc["nodes"][0]["scale"] = {1.0, 1.0, -1.0};
  const std::string path = fixture("transformed.gltf");
  std::ofstream(path) << doc.dump();
  Result<Scene> scene = loadModel(path);
  REQUIRE(scene);
  const MeshData &m = scene->structures().at(0).meshes.at(0);
  CHECK(m.positions[1].x == Approx(3.0f));
  REQUIRE(m.normals.size() == 3);
  // Triangle (0,0,0) (1,0,0) (0,1,0) faces +Z; mirrored in Z it must face -Z.
  const glm::vec3 faceNormal = glm::cross(m.positions[m.indices[1]] - m.positions[m.indices[0]],
                                          m.positions[m.indices[2]] - m.positions[m.indices[0]]);
  CHECK(faceNormal.z < 0.0f);
  CHECK(m.normals[0].z == Approx(faceNormal.z / glm::length(faceNormal)));
}

TEST_CASE("repeated node names become unique ids", "[loader]") {
  test::GltfJsonOptions options;
  nlohmann::json doc = nlohmann::json::parse(test::makeGltfJson(options));
  doc["nodes"].push_back({{"name", "triangle"}, {"mesh", 0}});
  doc["scenes"][0]["nodes"] = {0, 1};
  const std::string path = fixture("duplicate_names.gltf");
  std::ofstream(path) << doc.dump();
  Result<Scene> scene = loadModel(path);
  REQUIRE(scene);
  REQUIRE(scene->structures().size() == 2);
  CHECK(scene->structures()[0].id == "triangle");
  CHECK(scene->structures()[1].id == "triangle_2");
}

TEST_CASE("a footprint's role and source are read as names, and a part with an unknown role is no footprint",
          "[loader]") {
  for (const AttachmentRole role : {AttachmentRole::Origin, AttachmentRole::Insertion})
    CHECK(attachmentRoleFromName(attachmentRoleName(role)) == role);
  for (const AttachmentSource source :
       {AttachmentSource::Reference, AttachmentSource::Article, AttachmentSource::Both})
    CHECK(attachmentSourceFromName(attachmentSourceName(source)) == source);
  CHECK_FALSE(attachmentRoleFromName("Origin")); // exact names only, as the files write them

  Scene scene = test::makeTestScene();
  Structure footprint = scene.structures()[static_cast<std::size_t>(scene.indexOf("sphere_bone"))];
  footprint.id = "box_muscle.insertion.sphere_bone";
  footprint.system = System::Attachment;
  footprint.attachment =
      AttachmentSite{AttachmentRole::Insertion, "box_muscle", "sphere_bone", AttachmentSource::Article};
  scene.add(footprint);
  test::ScratchDir scratch("footprint_roles");
  GltfWriteOptions json;
  json.binary = false;
  REQUIRE(writeGltf(scene, scratch.path("roles.gltf"), json));

  Result<Scene> loaded = loadModel(scratch.path("roles.gltf"));
  REQUIRE(loaded);
  const Structure *read = loaded->find("box_muscle.insertion.sphere_bone");
  REQUIRE(read);
  REQUIRE(read->attachment);
  CHECK(read->attachment->role == AttachmentRole::Insertion);
  CHECK(read->attachment->source == AttachmentSource::Article);
  CHECK(read->attachment->namedBy(true));
  CHECK_FALSE(read->attachment->namedBy(false));
  CHECK(read->system == System::Attachment);

  // The same file with a role the app does not know: the part loads, but as no muscle's footprint.
  std::ifstream in(scratch.path("roles.gltf"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t at = text.find("\"insertion\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, 11, "\"sideways\"");
  Result<Scene> odd = loadModel(scratch.write("odd.gltf", text));
  REQUIRE(odd);
  const Structure *part = odd->find("box_muscle.insertion.sphere_bone");
  REQUIRE(part);
  CHECK_FALSE(part->attachment);
  CHECK(part->system == System::Other);
}
