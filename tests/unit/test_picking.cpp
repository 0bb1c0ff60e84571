// Picking: the BVH ray cast returns the front-most visible structure, exactly at the pixel.
#include "scene/picking.h"
#include "scene/view_state.h"
#include "support/fixtures.h"

#include <catch2/catch.hpp>

using namespace atlas;

namespace {
Ray rayTo(const glm::vec3 &point, const glm::vec3 &from) {
  return {from, glm::normalize(point - from)};
}
} // namespace

TEST_CASE("the ray cast finds the nearest structure and misses empty space", "[picking]") {
  const Scene scene = test::makeTestScene();
  const PickingIndex index(scene);
  CHECK(index.triangleCount() == scene.triangleCount());
  ViewState view(scene.structures().size());
  const glm::vec3 eye(0.0f, 0.0f, 0.5f);
  auto sphere = view.pick(index, rayTo({0.03f, 0.01f, 0.0f}, eye));
  REQUIRE(sphere);
  CHECK(scene.structures()[static_cast<std::size_t>(sphere->structure)].id == "sphere_bone");
  CHECK(sphere->distance == Approx(0.5f - 0.025f).margin(2e-3));
  auto nerve = view.pick(index, rayTo({0.0f, -0.03f, 0.0f}, eye));
  REQUIRE(nerve);
  CHECK(scene.structures()[static_cast<std::size_t>(nerve->structure)].id == "thin_nerve");
  // 1.5 mm above the 1 mm-radius nerve: nothing there.
  CHECK_FALSE(view.pick(index, rayTo({0.0f, -0.0285f, 0.0f}, eye)));
}

TEST_CASE("hidden structures are skipped and ghosted ones only hit when nothing solid is there",
          "[picking]") {
  const Scene scene = test::makeTestScene();
  const PickingIndex index(scene);
  ViewState view(scene.structures().size());
  const int bone = scene.indexOf("sphere_bone");
  // A ray along -X through the sphere and then the box.
  const Ray ray{{0.2f, 0.01f, 0.0f}, {-1.0f, 0.0f, 0.0f}};
  CHECK(view.pick(index, ray)->structure == bone);
  view.setVisibility(bone, Visibility::Hidden);
  CHECK(view.pick(index, ray)->structure == scene.indexOf("box_muscle"));
  view.setVisibility(scene.indexOf("box_muscle"), Visibility::Ghosted);
  view.setVisibility(bone, Visibility::Ghosted);
  CHECK(view.pick(index, ray)->structure == bone); // all ghosted: the nearest ghost
  view.setVisibility(scene.indexOf("box_muscle"), Visibility::Visible);
  CHECK(view.pick(index, ray)->structure == scene.indexOf("box_muscle")); // solid beats a nearer ghost
}

TEST_CASE("every triangle of a dense mesh is reachable through the hierarchy", "[picking]") {
  const Scene scene = test::makeTestScene();
  const PickingIndex index(scene);
  const MeshData &sphere = scene.find("sphere_bone")->meshes[0];
  ViewState view(scene.structures().size());
  int hits = 0;
  for (std::size_t i = 0; i + 2 < sphere.indices.size(); i += 3 * 7) {
    const glm::vec3 c = (sphere.positions[sphere.indices[i]] + sphere.positions[sphere.indices[i + 1]] +
                         sphere.positions[sphere.indices[i + 2]]) /
                        3.0f;
    const glm::vec3 outward = glm::normalize(c - glm::vec3(0.03f, 0.01f, 0.0f));
    auto hit = view.pick(index, Ray{c + outward * 0.001f, -outward});
    if (hit && hit->structure == scene.indexOf("sphere_bone"))
      ++hits;
    else
      FAIL_CHECK("missed triangle " << i / 3);
  }
  CHECK(hits > 100);
}
