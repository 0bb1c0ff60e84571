// Shared by the test_model_*.cpp files: the committed model, loaded once per test process, and small
// geometric helpers (point-triangle distance, ray casting) for measuring it in millimetres.
#pragma once

#include "io/model_loader.h"
#include "scene/scene.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <glm/glm.hpp>
#include <optional>
#include <string>

namespace atlas::test {

inline std::string committedModelPath() {
  return std::string(ATLAS_SOURCE_DIR) + "/assets/cervical_region.glb";
}
inline std::string modelSpecDir() {
  return std::string(ATLAS_SOURCE_DIR) + "/assets/model";
}

// The bundled model as the viewer loads it (positions in metres).
inline const Scene &committedModel() {
  static const Scene scene = [] {
    Result<Scene> loaded = loadGltf(committedModelPath());
    if (!loaded)
      FAIL("cannot load the bundled model: " << loaded.error());
    return loaded.value();
  }();
  return scene;
}

// The committed model, or a draft named by ATLAS_ROUTES_GLB (to measure a generated model before it
// is committed: the route and gap tests).
inline const Scene &modelUnderTest() {
  static const Scene scene = [] {
    const char *other = std::getenv("ATLAS_ROUTES_GLB");
    if (!other || !*other)
      return committedModel();
    Result<Scene> loaded = loadGltf(other);
    if (!loaded)
      FAIL("cannot load " << other << ": " << loaded.error());
    return loaded.value();
  }();
  return scene;
}

inline const Structure &structureOf(const std::string &id) {
  const Structure *s = committedModel().find(id);
  if (!s)
    FAIL("missing structure " << id);
  return *s;
}

// A named landmark of the model under test (a bone's glTF extras), in mm.
inline glm::vec3 modelLandmarkMm(const std::string &structure, const std::string &id) {
  const Structure *s = modelUnderTest().find(structure);
  if (!s)
    FAIL("missing structure " << structure);
  for (const Landmark &l : s->landmarks)
    if (l.id == id)
      return l.position * 1000.0f;
  FAIL(structure << " has no landmark " << id);
  return {};
}

// Closest distance from p to triangle abc (Ericson, Real-Time Collision Detection §5.1.5).
inline float pointTriangleDistance(const glm::vec3 &p, const glm::vec3 &a, const glm::vec3 &b,
                                   const glm::vec3 &c) {
  const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0 && d2 <= 0)
    return glm::length(ap);
  const glm::vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0 && d4 <= d3)
    return glm::length(bp);
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0)
    return glm::length(p - (a + ab * (d1 / (d1 - d3))));
  const glm::vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0 && d5 <= d6)
    return glm::length(cp);
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0)
    return glm::length(p - (a + ac * (d2 / (d2 - d6))));
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0)
    return glm::length(p - (b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)))));
  const float denom = 1.0f / (va + vb + vc);
  return glm::length(p - (a + ab * (vb * denom) + ac * (vc * denom)));
}

// Distance (same units as the mesh) from p to the nearest triangle of the structure's meshes.
inline float distanceToStructure(const glm::vec3 &p, const Structure &s) {
  float best = 1e9f;
  for (const MeshData &m : s.meshes)
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      const glm::vec3 &a = m.positions[m.indices[t]], &b = m.positions[m.indices[t + 1]],
                      &c = m.positions[m.indices[t + 2]];
      const glm::vec3 lo = glm::min(a, glm::min(b, c)), hi = glm::max(a, glm::max(b, c));
      const glm::vec3 gap = glm::max(lo - p, glm::max(p - hi, glm::vec3(0.0f)));
      if (glm::length(gap) >= best)
        continue;
      best = std::min(best, pointTriangleDistance(p, a, b, c));
    }
  return best;
}

// Nearest hit distance of the ray origin + t * dir (t > 0) with the structure (Moller-Trumbore).
inline std::optional<float> rayHit(const Structure &s, const glm::vec3 &origin, const glm::vec3 &dir) {
  std::optional<float> best;
  for (const MeshData &m : s.meshes)
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      const glm::vec3 &a = m.positions[m.indices[t]], &b = m.positions[m.indices[t + 1]],
                      &c = m.positions[m.indices[t + 2]];
      const glm::vec3 e1 = b - a, e2 = c - a, pv = glm::cross(dir, e2);
      const float det = glm::dot(e1, pv);
      if (std::abs(det) < 1e-12f)
        continue;
      const glm::vec3 tv = origin - a;
      const float u = glm::dot(tv, pv) / det;
      if (u < 0 || u > 1)
        continue;
      const glm::vec3 qv = glm::cross(tv, e1);
      const float v = glm::dot(dir, qv) / det;
      if (v < 0 || u + v > 1)
        continue;
      const float dist = glm::dot(e2, qv) / det;
      if (dist > 0 && (!best || dist < *best))
        best = dist;
    }
  return best;
}

} // namespace atlas::test
