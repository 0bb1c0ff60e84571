// The model generator's geometry kernels on simple shapes: the marching-tetrahedra mesher, the
// simplifier, swept tubes and the mirror, each checked for closed, outward, 2-manifold output.
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/mesh_check.h"
#include "modelgen/mesher.h"
#include "modelgen/tube.h"

#include <catch2/catch.hpp>

using namespace atlas;
using namespace atlas::modelgen;

TEST_CASE("mesher: a sphere becomes a closed outward 2-manifold of the right volume", "[modelgen]") {
  const Sdf sphere = [](const vec3 &p) { return sdSphere(p, vec3(0.3f, -0.2f, 0.1f), 5.0f); };
  Bounds box;
  box.extend(vec3(-5.0f, -5.5f, -5.0f));
  box.extend(vec3(5.5f, 5.0f, 5.5f));
  MeshingOptions options;
  options.step = 0.3f;
  MeshData mesh = meshSdf(sphere, box, options);
  MeshCheck check = checkMesh(mesh);
  CHECK(check.closedManifold());
  const double exact = 4.0 / 3.0 * 3.14159265 * 125.0;
  CHECK(check.signedVolume == Approx(exact).epsilon(0.02));

  options.targetTriangles = 800;
  simplifyMesh(mesh, options);
  check = checkMesh(mesh);
  CHECK(mesh.triangleCount() <= 800);
  CHECK(check.closedManifold());
  CHECK(check.degenerateTriangles == 0);
  CHECK(check.signedVolume == Approx(exact).epsilon(0.04));
}

TEST_CASE("mesher: two touching shapes and a hole stay 2-manifold", "[modelgen]") {
  // A ring (torus) and a thin plate: a hole and a sheet about three cells thick.
  const Sdf shape = [](const vec3 &p) {
    const float torus = glm::length(vec2(glm::length(vec2(p.x, p.z)) - 6.0f, p.y)) - 1.5f;
    const float plate = sdRoundBox(p, vec3(0, 4.0f, 0), vec3(5.0f, 0.45f, 5.0f), 0.2f);
    return std::min(torus, plate);
  };
  Bounds box;
  box.extend(vec3(-8, -2, -8));
  box.extend(vec3(8, 5, 8));
  MeshingOptions options;
  options.step = 0.3f;
  options.targetTriangles = 3000;
  MeshData mesh = meshSdf(shape, box, options);
  simplifyMesh(mesh, options);
  const MeshCheck check = checkMesh(mesh);
  CHECK(check.closedManifold());
  CHECK(check.signedVolume > 0.0);
}

namespace {

bool hasVertexNear(const MeshData &mesh, const vec3 &at, float radius) {
  for (const vec3 &p : mesh.positions)
    if (glm::length(p - at) < radius)
      return true;
  return false;
}

} // namespace

TEST_CASE("mesher: dropping specks removes a fleck and keeps every real piece", "[modelgen]") {
  // A body, a second body 0.64 times its size in radius and a fleck half a millimetre across.
  const Sdf shape = [](const vec3 &p) {
    return std::min({sdSphere(p, vec3(0.0f), 5.0f), sdSphere(p, vec3(-12.0f, 0, 0), 3.2f),
                     sdSphere(p, vec3(9.0f, 0, 0), 0.5f)});
  };
  Bounds box;
  box.extend(vec3(-16, -6, -6));
  box.extend(vec3(10, 6, 6));
  MeshingOptions options;
  options.step = 0.3f;
  MeshData mesh = meshSdf(shape, box, options);
  REQUIRE(meshPieces(mesh).triangles.size() == 3);
  REQUIRE(hasVertexNear(mesh, vec3(9.0f, 0, 0), 1.0f));
  const std::size_t before = mesh.positions.size();
  dropSpecks(mesh, 0.05f);
  CHECK(meshPieces(mesh).triangles.size() == 2);
  CHECK_FALSE(hasVertexNear(mesh, vec3(9.0f, 0, 0), 1.0f));
  CHECK(hasVertexNear(mesh, vec3(-12.0f, 0, 0), 3.5f));
  CHECK(mesh.positions.size() < before);
  for (const std::uint32_t v : mesh.indices)
    CHECK(v < mesh.positions.size());
  const MeshCheck check = checkMesh(mesh);
  CHECK(check.closedManifold());
  // Nothing to drop: the mesh comes back as it was.
  const MeshData again = mesh;
  dropSpecks(mesh, 0.05f);
  CHECK(mesh.indices == again.indices);
  CHECK(mesh.positions.size() == again.positions.size());
}

TEST_CASE("tube: a swept tube is closed, outward and follows its curve", "[modelgen]") {
  const std::vector<glm::vec3> curve = smoothCurve({{0, 0, 0}, {10, 5, 0}, {20, 0, 5}, {30, -5, 0}}, 1.0f);
  CHECK(polylineLength(curve) > 30.0f);
  const MeshData tube = sweepTube(curve, {1.5f}, 12);
  const MeshCheck check = checkMesh(tube);
  CHECK(check.closedManifold());
  CHECK(check.signedVolume > 0.0);
  // Roughly pi r^2 L.
  CHECK(check.signedVolume == Approx(3.14159 * 1.5 * 1.5 * polylineLength(curve)).epsilon(0.1));
}

TEST_CASE("mirror: reflecting through X = 0 keeps the normals outward", "[modelgen]") {
  const MeshData tube = sweepTube(smoothCurve({{1, 0, 0}, {5, 3, 1}, {9, 0, 2}}, 0.8f), {1.0f}, 10);
  const MeshData mirrored = mirrorX(tube);
  const MeshCheck a = checkMesh(tube), b = checkMesh(mirrored);
  CHECK(b.closedManifold());
  CHECK(b.signedVolume == Approx(a.signedVolume));
  CHECK(mirrored.bounds().max.x == Approx(-tube.bounds().min.x));
}

TEST_CASE("mesh check: it notices a hole, a flipped triangle and inside-out winding", "[modelgen]") {
  MeshData tube = sweepTube(smoothCurve({{0, 0, 0}, {5, 0, 0}}, 1.0f), {1.0f}, 8);
  MeshData holed = tube;
  holed.indices.resize(holed.indices.size() - 3);
  CHECK(checkMesh(holed).boundaryEdges > 0);
  MeshData flipped = tube;
  std::swap(flipped.indices[0], flipped.indices[1]);
  CHECK(checkMesh(flipped).inconsistentEdges > 0);
  MeshData inverted = tube;
  for (std::size_t t = 0; t < inverted.indices.size(); t += 3)
    std::swap(inverted.indices[t + 1], inverted.indices[t + 2]);
  CHECK(checkMesh(inverted).closedManifold());
  CHECK(checkMesh(inverted).signedVolume < 0.0);
}
#endif
