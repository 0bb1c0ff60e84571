// The generator's ambient-occlusion bake (issue 11) on shapes whose answer is known: open convex
// surfaces stay open, the floor of a narrow slot and a plate under a resting ball darken, the result
// does not depend on the thread count, and bones are shaded by bones alone.
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/mesher.h"
#include "modelgen/occlusion.h"

#include <catch2/catch.hpp>

using namespace atlas;
using namespace atlas::modelgen;

namespace {

// Meshes f < 0 inside [lo, hi] (mm) with smooth normals, as the generator does before it converts
// to metres; the bake works in any unit given options in the same unit.
MeshData meshOf(const Sdf &f, const vec3 &lo, const vec3 &hi, float step = 0.4f) {
  Bounds box;
  box.extend(lo);
  box.extend(hi);
  MeshingOptions options;
  options.step = step;
  MeshData mesh = meshSdf(f, box, options);
  computeSmoothNormals(mesh);
  return mesh;
}

OcclusionOptions millimetres() {
  OcclusionOptions o;
  o.maxDistance = 10.0f;
  o.bias = 0.05f;
  o.skip = 0.1f;
  return o;
}

// The vertex nearest p whose normal points along `facing` (within ~25 degrees); it must lie within
// `within` of p (mesh units).
std::size_t vertexNear(const MeshData &mesh, const vec3 &p, const vec3 &facing, float within = 1.0f) {
  std::size_t best = mesh.positions.size();
  float bestDistance = 1e30f;
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    const float d = glm::length(mesh.positions[v] - p);
    if (glm::dot(mesh.normals[v], facing) > 0.9f && d < bestDistance) {
      bestDistance = d;
      best = v;
    }
  }
  REQUIRE(best < mesh.positions.size());
  CHECK(bestDistance < within);
  return best;
}

// A 20 mm block with a slot 2 mm wide and 8 mm deep cut down into its top face.
float slottedBlock(const vec3 &p) {
  const float block = sdRoundBox(p, vec3(0.0f), vec3(10.0f), 0.5f);
  const float slot = sdRoundBox(p, vec3(0.0f, 10.0f, 0.0f), vec3(1.0f, 8.0f, 7.0f), 0.2f);
  return std::max(block, -slot);
}

} // namespace

TEST_CASE("occlusion: a lone sphere is open everywhere, with no dark speckles", "[modelgen][occlusion]") {
  const MeshData sphere =
      meshOf([](const vec3 &p) { return sdSphere(p, vec3(0.0f), 6.0f); }, vec3(-7.0f), vec3(7.0f));
  const OccluderBvh bvh({&sphere});
  const std::vector<float> ao = bakeOcclusion(sphere, {&bvh}, millimetres());
  REQUIRE(ao.size() == sphere.positions.size());
  CHECK(*std::min_element(ao.begin(), ao.end()) > 0.97f);
  CHECK(*std::max_element(ao.begin(), ao.end()) <= 1.0f);
}

TEST_CASE("occlusion: the floor of a narrow slot is far darker than the open top", "[modelgen][occlusion]") {
  const MeshData block = meshOf(slottedBlock, vec3(-11.0f), vec3(11.0f));
  const OccluderBvh bvh({&block});
  const std::vector<float> ao = bakeOcclusion(block, {&bvh}, millimetres());
  const float floor = ao[vertexNear(block, vec3(0.0f, 2.0f, 0.0f), vec3(0, 1, 0))];
  const float wall = ao[vertexNear(block, vec3(-1.0f, 5.0f, 0.0f), vec3(1, 0, 0))];
  const float rim = ao[vertexNear(block, vec3(-1.0f, 9.0f, 0.0f), vec3(1, 0, 0))];
  const float top = ao[vertexNear(block, vec3(-6.0f, 10.0f, 0.0f), vec3(0, 1, 0))];
  const float side = ao[vertexNear(block, vec3(10.0f, 0.0f, 0.0f), vec3(1, 0, 0))];
  INFO("floor " << floor << ", wall " << wall << ", wall by the rim " << rim << ", top " << top << ", side "
                << side);
  CHECK(top > 0.95f);
  CHECK(side > 0.95f);
  CHECK(floor < 0.45f);
  CHECK(wall < 0.45f);
  CHECK(rim > wall + 0.1f); // the wall lightens towards the opening
  CHECK(rim < top - 0.2f);
}

TEST_CASE("occlusion: the same bake whatever the thread count, run after run", "[modelgen][occlusion]") {
  const MeshData block = meshOf(slottedBlock, vec3(-11.0f), vec3(11.0f), 0.6f);
  const OccluderBvh bvh({&block});
  OcclusionOptions options = millimetres();
  options.threads = 1;
  const std::vector<float> one = bakeOcclusion(block, {&bvh}, options);
  options.threads = 3;
  const std::vector<float> three = bakeOcclusion(block, {&bvh}, options);
  const std::vector<float> again = bakeOcclusion(block, {&bvh}, options);
  CHECK(one == three);
  CHECK(three == again);
  // Not a constant: the slot is in there.
  CHECK(*std::min_element(one.begin(), one.end()) < 0.6f);
}

TEST_CASE("occlusion: bones shade the meshes beside them, muscles and discs shade no bone",
          "[modelgen][occlusion]") {
  // A plate with a ball resting on it, 0.5 mm above; baked as a scene in metres like the model.
  auto toMetres = [](MeshData m) {
    for (vec3 &p : m.positions)
      p *= 0.001f;
    return m;
  };
  const MeshData plate =
      toMetres(meshOf([](const vec3 &p) { return sdRoundBox(p, vec3(0.0f), vec3(12.0f, 1.0f, 12.0f), 0.3f); },
                      vec3(-13.0f, -2.0f, -13.0f), vec3(13.0f, 2.0f, 13.0f)));
  const MeshData ball =
      toMetres(meshOf([](const vec3 &p) { return sdSphere(p, vec3(0.0f, 5.5f, 0.0f), 4.0f); },
                      vec3(-5.0f, 1.0f, -5.0f), vec3(5.0f, 10.0f, 5.0f)));
  auto sceneWith = [&](System ballSystem) {
    Scene scene;
    Structure p;
    p.id = "plate";
    p.system = System::Bone;
    p.meshes.push_back(plate);
    scene.add(std::move(p));
    Structure b;
    b.id = "ball";
    b.system = ballSystem;
    b.meshes.push_back(ball);
    scene.add(std::move(b));
    bakeSceneOcclusion(scene);
    return scene;
  };
  const Scene bones = sceneWith(System::Bone);
  const Scene muscle = sceneWith(System::Muscle);
  const Scene disc = sceneWith(System::Disc);
  const MeshData &plateWithBone = bones.find("plate")->meshes[0];
  const MeshData &plateWithMuscle = muscle.find("plate")->meshes[0];
  const MeshData &plateWithDisc = disc.find("plate")->meshes[0];
  const std::size_t under = vertexNear(plateWithBone, vec3(0.0f, 0.001f, 0.0f), vec3(0, 1, 0), 0.001f);
  const std::size_t away = vertexNear(plateWithBone, vec3(0.0f, 0.001f, 0.0095f), vec3(0, 1, 0), 0.001f);
  INFO("under the bone ball " << plateWithBone.occlusion[under] << ", away " << plateWithBone.occlusion[away]
                              << ", under the muscle ball " << plateWithMuscle.occlusion[under]);
  CHECK(plateWithBone.occlusion[under] < 0.5f);
  CHECK(plateWithBone.occlusion[away] > 0.9f);
  CHECK(plateWithMuscle.occlusion[under] > 0.95f);
  CHECK(plateWithDisc.occlusion[under] > 0.95f);
  // The muscle ball is still shaded by the bone under it.
  const MeshData &ballAsMuscle = muscle.find("ball")->meshes[0];
  const std::size_t bottom = vertexNear(ballAsMuscle, vec3(0.0f, 0.0015f, 0.0f), vec3(0, -1, 0), 0.001f);
  CHECK(ballAsMuscle.occlusion[bottom] < 0.5f);
  CHECK(disc.find("ball")->meshes[0].occlusion[bottom] < 0.5f);
}
#endif
