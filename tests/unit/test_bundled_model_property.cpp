// Whether a model is the bundled anatomy (whose every id the knowledge base must describe) is a
// property the model carries (glTF asset extras "content", written by the generator), not a guess
// from one of its ids: a teacher's own model that happens to use the id "scalenus_posterior_right"
// is still the teacher's model, and its other ids are not reported as missing from the content.
#include "io/gltf_writer.h"
#include "io/model_loader.h"
#include "session/session_content.h"
#include "support/scratch_dir.h"

#include <catch2/catch.hpp>

using namespace atlas;

namespace {

// A user's model: one tetrahedron named like the bundled model's scalenus posterior.
Scene usersModel(const std::string &content) {
  MeshData mesh;
  mesh.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  mesh.indices = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};
  computeSmoothNormals(mesh);
  Structure s;
  s.id = "scalenus_posterior_right";
  s.system = System::Muscle;
  s.meshes.push_back(mesh);
  Scene scene;
  scene.content = content;
  scene.add(std::move(s));
  return scene;
}

} // namespace

TEST_CASE("the bundled model says it is the bundled anatomy, and the property survives glTF",
          "[loader][content]") {
  Result<Scene> bundled = loadModel(std::string(ATLAS_SOURCE_DIR) + "/assets/cervical_region.glb");
  REQUIRE(bundled);
  CHECK(bundled->isBundledAnatomy());

  const test::ScratchDir dir("bundled_property");
  for (const char *content : {"", "scalene-atlas"}) {
    INFO("content '" << content << "'");
    const std::string path = dir.path(std::string("model-") + content + ".glb");
    REQUIRE(writeGltf(usersModel(content), path));
    Result<Scene> loaded = loadModel(path);
    REQUIRE(loaded);
    CHECK(loaded->content == content);
    CHECK(loaded->isBundledAnatomy() == (std::string(content) == "scalene-atlas"));
  }
}

TEST_CASE("a user's model is not checked against the knowledge base, even with a bundled id", "[content]") {
  // Checked as the bundled anatomy, the one-part model lacks every other id the content describes.
  const content::KnowledgeLoad asBundled = loadKnowledgeFor(usersModel("scalene-atlas"));
  const content::KnowledgeLoad asUsers = loadKnowledgeFor(usersModel(""));
  CHECK(asBundled.problems.size() > asUsers.problems.size() + 10);
  for (const std::string &problem : asUsers.problems)
    CHECK(problem.find("not in the model") == std::string::npos);
}
