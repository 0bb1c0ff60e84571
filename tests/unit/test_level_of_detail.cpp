// Motion detail: the coarse meshes drawn while the camera moves, and the view fingerprint that lets
// the viewer keep the image of the model when only the panels change.
#include "scene/level_of_detail.h"
#include "scene/view_state.h"
#include "support/fixtures.h"
#include "support/shapes.h"

#include <catch2/catch.hpp>

using namespace atlas;

namespace {
Scene sphereScene(int rings, int segments) {
  Scene scene;
  Structure s;
  s.id = "sphere";
  s.meshes.push_back(test::makeSphere(glm::vec3(0.0f), 0.02f, rings, segments, glm::vec4(1.0f)));
  scene.add(std::move(s));
  return scene;
}
} // namespace

TEST_CASE("a fine mesh gets a coarse index list over the same vertices", "[lod]") {
  const Scene scene = sphereScene(96, 192);
  const MeshData &mesh = scene.structures()[0].meshes[0];
  const CoarseMesh simplified = simplifyForMotion(mesh);
  const std::vector<std::uint32_t> &coarse = simplified.indices;
  REQUIRE(!coarse.empty());
  // The reported error is a distance in model units (not relative to the extent): a fraction of a
  // millimetre on this 2 cm sphere, and of the order of how far the coarse facets' centres fall
  // inside the sphere (meshoptimizer's estimate is approximate, hence the factor).
  CHECK(simplified.error > 0.0f);
  CHECK(simplified.error < 0.0005f);
  float sag = 0.0f;
  for (std::size_t t = 0; t < coarse.size(); t += 3) {
    const glm::vec3 mid =
        (mesh.positions[coarse[t]] + mesh.positions[coarse[t + 1]] + mesh.positions[coarse[t + 2]]) / 3.0f;
    sag = std::max(sag, 0.02f - glm::length(mid));
  }
  CHECK(sag <= simplified.error * 3.0f);
  CHECK(coarse.size() % 3 == 0);
  CHECK(coarse.size() * 3 < mesh.indices.size()); // at most a third of the triangles
  for (std::uint32_t i : coarse)
    REQUIRE(i < mesh.positions.size());
  // Still a sphere: every kept vertex lies on it (the simplifier only removes vertices).
  const Bounds full = mesh.bounds();
  Bounds kept;
  for (std::uint32_t i : coarse)
    kept.extend(mesh.positions[i]);
  CHECK(glm::length(kept.max - full.max) < 0.002f);
  CHECK(glm::length(kept.min - full.min) < 0.002f);
}

TEST_CASE("small meshes keep every triangle", "[lod]") {
  const Scene scene = sphereScene(8, 12); // 192 triangles: below the minimum
  CHECK(simplifyForMotion(scene.structures()[0].meshes[0]).indices.empty());
}

TEST_CASE("the background builder gives the same detail as building in place", "[lod]") {
  const Scene scene = sphereScene(64, 128);
  const MotionDetail direct = buildMotionDetail(scene, 7);
  MotionDetailBuilder builder;
  CHECK(!builder.running());
  CHECK(!builder.takeIfReady());
  builder.start(scene, 7);
  CHECK(builder.startedGeneration() == 7);
  const std::optional<MotionDetail> built = builder.wait();
  REQUIRE(built);
  CHECK(built->sceneGeneration == 7);
  REQUIRE(built->meshes.size() == direct.meshes.size());
  CHECK(built->meshes[0][0].indices == direct.meshes[0][0].indices);
  CHECK(built->meshes[0][0].error == direct.meshes[0][0].error);
  CHECK(built->fullTriangles == scene.triangleCount());
  CHECK(built->coarseTriangles < built->fullTriangles / 3);
  CHECK(!builder.running());
}

TEST_CASE("the view fingerprint follows what changes the drawn model, not the labels", "[lod]") {
  ViewState view(3);
  const std::uint64_t start = view.fingerprint();
  CHECK(ViewState(3).fingerprint() == start); // a fingerprint of content, not of identity

  ViewState labels = view;
  labels.labels = !labels.labels;
  CHECK(labels.fingerprint() == start);

  ViewState hidden = view;
  hidden.setVisibility(1, Visibility::Hidden);
  CHECK(hidden.fingerprint() != start);
  ViewState ghosted = view;
  ghosted.setVisibility(1, Visibility::Ghosted);
  CHECK(ghosted.fingerprint() != hidden.fingerprint());

  ViewState selected = view;
  selected.selected = 2;
  CHECK(selected.fingerprint() != start);
  ViewState highlighted = selected;
  highlighted.highlights.push_back({0, HighlightRole::Origin, SourceMode::Reference});
  CHECK(highlighted.fingerprint() != selected.fingerprint());
  ViewState article = selected;
  article.highlights.push_back({0, HighlightRole::Origin, SourceMode::Article});
  CHECK(article.fingerprint() != highlighted.fingerprint());

  ViewState focus = view;
  focus.focus = !focus.focus;
  CHECK(focus.fingerprint() != start);
}
