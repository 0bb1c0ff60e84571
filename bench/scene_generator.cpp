#include "scene_generator.h"

#include <cmath>
#include <string>

namespace atlas::bench {
namespace {

constexpr float kPi = 3.14159265358979f;

// Quads of a (rows+1) x (cols+1) vertex grid, wrapping around in the column direction.
void gridIndices(MeshData &mesh, std::uint32_t rows, std::uint32_t cols) {
  for (std::uint32_t r = 0; r < rows; ++r)
    for (std::uint32_t c = 0; c < cols; ++c) {
      const std::uint32_t a = r * (cols + 1) + c, b = a + 1, d = a + cols + 1, e = d + 1;
      mesh.indices.insert(mesh.indices.end(), {a, d, b, b, d, e});
    }
}

MeshData sphere(const glm::vec3 &centre, float radius, std::uint32_t stacks, std::uint32_t slices) {
  MeshData mesh;
  for (std::uint32_t i = 0; i <= stacks; ++i) {
    const float theta = kPi * static_cast<float>(i) / static_cast<float>(stacks);
    for (std::uint32_t j = 0; j <= slices; ++j) {
      const float phi = 2.0f * kPi * static_cast<float>(j) / static_cast<float>(slices);
      const glm::vec3 n(std::sin(theta) * std::cos(phi), std::cos(theta), std::sin(theta) * std::sin(phi));
      mesh.positions.push_back(centre + radius * n);
      mesh.normals.push_back(n);
    }
  }
  gridIndices(mesh, stacks, slices);
  mesh.color = {0.85f, 0.8f, 0.7f, 1.0f};
  return mesh;
}

// A tube of radius `radius` along a gentle S-curve from `start`, `length` long in +Y.
MeshData tube(const glm::vec3 &start, float length, float radius, std::uint32_t rings,
              std::uint32_t segments) {
  MeshData mesh;
  for (std::uint32_t i = 0; i <= rings; ++i) {
    const float t = static_cast<float>(i) / static_cast<float>(rings);
    const glm::vec3 c = start + glm::vec3(0.2f * length * std::sin(2.0f * kPi * t), length * t, 0.0f);
    for (std::uint32_t j = 0; j <= segments; ++j) {
      const float phi = 2.0f * kPi * static_cast<float>(j) / static_cast<float>(segments);
      const glm::vec3 n(std::cos(phi), 0.0f, std::sin(phi));
      mesh.positions.push_back(c + radius * n);
      mesh.normals.push_back(n);
    }
  }
  gridIndices(mesh, rings, segments);
  mesh.color = {0.95f, 0.85f, 0.2f, 1.0f};
  return mesh;
}

} // namespace

Scene generateLargeScene(std::size_t targetTriangles) {
  // Sphere: 2 * 100 * 50 = 10,000 triangles; tube: 2 * 50 * 100 = 10,000 triangles.
  constexpr std::size_t kPerStructure = 10'000;
  const std::size_t count = std::max<std::size_t>(2, targetTriangles / kPerStructure);
  const int side = static_cast<int>(std::ceil(std::cbrt(static_cast<double>(count))));
  const float spacing = 0.2f / static_cast<float>(side); // a 20 cm block, like the bundled model
  Scene scene;
  scene.description = "generated benchmark scene";
  for (std::size_t n = 0; n < count; ++n) {
    const int x = static_cast<int>(n) % side, y = static_cast<int>(n) / side % side,
              z = static_cast<int>(n) / (side * side);
    const glm::vec3 at =
        glm::vec3(static_cast<float>(x), static_cast<float>(y), static_cast<float>(z)) * spacing -
        glm::vec3(0.1f);
    Structure s;
    if (n % 2 == 0) {
      s.id = "sphere_" + std::to_string(n);
      s.system = System::Bone;
      s.meshes.push_back(sphere(at, 0.4f * spacing, 50, 100));
    } else {
      s.id = "tube_" + std::to_string(n);
      s.system = System::Nerve;
      s.meshes.push_back(
          tube(at - glm::vec3(0.0f, 0.4f * spacing, 0.0f), 0.8f * spacing, 0.08f * spacing, 100, 50));
    }
    scene.add(std::move(s));
  }
  return scene;
}

} // namespace atlas::bench
