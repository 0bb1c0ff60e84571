#include "support/shapes.h"

#include <cmath>

namespace atlas::test {

MeshData makeBox(const glm::vec3 &c, const glm::vec3 &h, const glm::vec4 &color) {
  MeshData m;
  m.color = color;
  // One quad per face with its own vertices so normals stay flat.
  const glm::vec3 n[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  for (const glm::vec3 &normal : n) {
    const glm::vec3 u = std::abs(normal.y) > 0.5f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
    const glm::vec3 v = glm::cross(normal, u);
    const std::uint32_t base = static_cast<std::uint32_t>(m.positions.size());
    for (const auto &[a, b] : {std::pair{-1.f, -1.f}, {1.f, -1.f}, {1.f, 1.f}, {-1.f, 1.f}}) {
      m.positions.push_back(c + (normal + u * a + v * b) * h);
      m.normals.push_back(normal);
    }
    // u x v = normal, so (0,1,2) winds counter-clockwise seen from outside.
    m.indices.insert(m.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
  }
  return m;
}

MeshData makeSphere(const glm::vec3 &center, float radius, int rings, int segments, const glm::vec4 &color) {
  MeshData m;
  m.color = color;
  for (int r = 0; r <= rings; ++r) {
    const float theta = static_cast<float>(M_PI) * static_cast<float>(r) / static_cast<float>(rings);
    for (int s = 0; s <= segments; ++s) {
      const float phi =
          2.0f * static_cast<float>(M_PI) * static_cast<float>(s) / static_cast<float>(segments);
      const glm::vec3 n(std::sin(theta) * std::cos(phi), std::cos(theta), std::sin(theta) * std::sin(phi));
      m.positions.push_back(center + n * radius);
      m.normals.push_back(n);
    }
  }
  const auto at = [&](int r, int s) { return static_cast<std::uint32_t>(r * (segments + 1) + s); };
  for (int r = 0; r < rings; ++r)
    for (int s = 0; s < segments; ++s) {
      m.indices.insert(m.indices.end(), {at(r, s), at(r, s + 1), at(r + 1, s)});
      m.indices.insert(m.indices.end(), {at(r, s + 1), at(r + 1, s + 1), at(r + 1, s)});
    }
  return m;
}

MeshData makeCylinderX(const glm::vec3 &start, float length, float radius, int segments,
                       const glm::vec4 &color) {
  MeshData m;
  m.color = color;
  for (int end = 0; end < 2; ++end)
    for (int s = 0; s < segments; ++s) {
      const float phi =
          2.0f * static_cast<float>(M_PI) * static_cast<float>(s) / static_cast<float>(segments);
      m.positions.push_back(start + glm::vec3(end * length, radius * std::cos(phi), radius * std::sin(phi)));
    }
  const std::uint32_t n = static_cast<std::uint32_t>(segments);
  for (std::uint32_t s = 0; s < n; ++s) {
    const std::uint32_t a = s, b = (s + 1) % n;
    m.indices.insert(m.indices.end(), {a, b, b + n, a, b + n, a + n});
  }
  // Caps as fans around a centre vertex.
  const std::uint32_t c0 = static_cast<std::uint32_t>(m.positions.size());
  m.positions.push_back(start);
  m.positions.push_back(start + glm::vec3(length, 0, 0));
  for (std::uint32_t s = 0; s < n; ++s) {
    const std::uint32_t a = s, b = (s + 1) % n;
    m.indices.insert(m.indices.end(), {c0, b, a});
    m.indices.insert(m.indices.end(), {c0 + 1, a + n, b + n});
  }
  computeSmoothNormals(m);
  return m;
}

} // namespace atlas::test
