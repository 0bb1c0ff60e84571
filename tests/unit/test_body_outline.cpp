// The patient view's "where this is" outline: the bundled model's neck parts fall inside the neck,
// and the outline is a closed, sensible shape in the model frame.
#include "io/model_loader.h"
#include "scene/body_outline.h"

#include <catch2/catch.hpp>

using namespace atlas;

TEST_CASE("the body outline is one closed shape, symmetric, with the neck narrower than the shoulders",
          "[patient][outline]") {
  const std::vector<glm::vec2> &outline = bodyOutlineFront();
  REQUIRE(outline.size() > 10);
  for (const glm::vec2 &p : outline) {
    bool mirrored = false;
    for (const glm::vec2 &q : outline)
      mirrored = mirrored || glm::length(q - glm::vec2(-p.x, p.y)) < 1e-6f;
    CHECK(mirrored);
  }
  CHECK(insideBodyOutline({0.0f, 0.0f}));         // C7's body: the base of the neck
  CHECK(insideBodyOutline({0.0f, 0.25f}));        // the head
  CHECK_FALSE(insideBodyOutline({0.12f, 0.08f})); // beside the neck, above the shoulder
  CHECK(insideBodyOutline({0.12f, -0.06f}));      // the shoulder
  CHECK_FALSE(insideBodyOutline({0.0f, 0.40f}));  // above the head
}

TEST_CASE("every scalene and the spine of the bundled model lie inside the outline's neck and chest",
          "[patient][outline]") {
  Result<Scene> scene = loadModel(std::string(ATLAS_SOURCE_DIR) + "/assets/cervical_region.glb");
  REQUIRE(scene);
  int checked = 0;
  for (const Structure &s : scene->structures()) {
    if (s.system != System::Muscle && s.id != "c1" && s.id != "c7" && s.id.rfind("rib1", 0) != 0)
      continue;
    INFO(s.id);
    std::size_t outside = 0;
    for (const MeshData &mesh : s.meshes)
      for (const glm::vec3 &p : mesh.positions)
        outside += insideBodyOutline({p.x, p.y}) ? 0 : 1;
    CHECK(outside == 0);
    ++checked;
  }
  CHECK(checked >= 10);
}
