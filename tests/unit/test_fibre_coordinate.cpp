// The striations follow the fibres without a staircase (lecturer review of close-ups): the generator
// bakes per vertex a coordinate that is constant along each fibre (MeshData::fibreCoords, glTF
// _FIBRE_COORD), and the shader draws its level sets. Measured on the model under test
// (ATLAS_ROUTES_GLB may name a draft): in the direction of the fibres, over each triangle, the
// coordinate hardly changes, far less than the shader's former lines across the interpolated direction
// (dot(p - centre, across(p)), mesh.frag's fallback for files without the coordinate) change on the
// same triangles.
#include "model_test_support.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

using namespace atlas;

namespace {

// mesh.frag's fallback striation value at a vertex: the two line sets across the fibre, each weighted
// by how steeply the surface crosses its plane (8th power), as the shader mixes them.
struct AcrossLines {
  float a, b;   // mm
  float wa, wb; // weights
};
AcrossLines acrossLines(const glm::vec3 &fromCentreMm, const glm::vec3 &fibre, const glm::vec3 &normal) {
  const glm::vec3 across = glm::normalize(glm::cross(
      fibre, std::abs(fibre.x) < 0.9f ? glm::vec3(1.0f, 0.0f, 0.0f) : glm::vec3(0.0f, 1.0f, 0.0f)));
  const glm::vec3 across2 = glm::cross(fibre, across);
  const float na = glm::dot(normal, across2), nb = glm::dot(normal, across);
  return {glm::dot(fromCentreMm, across), glm::dot(fromCentreMm, across2), std::pow(na, 8.0f),
          std::pow(nb, 8.0f)};
}

float percentile(std::vector<float> values, float share) {
  REQUIRE_FALSE(values.empty());
  const auto k = static_cast<std::size_t>(share * static_cast<float>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
  return values[k];
}

// Per triangle of a muscle's fleshy belly (the lines the lecturer saw break up; the tendon's are fainter
// and finer) where the fibre lies in the surface: the gradients (per mm) of the baked coordinate and of
// the former two line sets, each interpolated linearly from the corners (the former per-pixel value
// differs inside a triangle, but not in its change from corner to corner), with the fibre direction in
// the triangle's plane and the former sets' weights.
struct TriangleLines {
  std::uint32_t triangle; // index of its first index
  glm::vec3 normal, fibre;
  glm::vec3 baked, formerA, formerB;
  float weightA, weightB;
};

std::vector<TriangleLines> fleshyTriangles(const MeshData &mesh) {
  const glm::vec3 centre = mesh.bounds().center() * 1000.0f;
  std::vector<TriangleLines> out;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t v[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
    const glm::vec3 p0 = mesh.positions[v[0]] * 1000.0f, e1 = mesh.positions[v[1]] * 1000.0f - p0,
                    e2 = mesh.positions[v[2]] * 1000.0f - p0; // mm
    const glm::vec3 n = glm::cross(e1, e2);
    const float area2 = glm::length(n);
    const glm::vec3 sum =
        glm::vec3(mesh.fibres[v[0]]) + glm::vec3(mesh.fibres[v[1]]) + glm::vec3(mesh.fibres[v[2]]);
    const bool fleshy = std::max({mesh.fibres[v[0]].w, mesh.fibres[v[1]].w, mesh.fibres[v[2]].w}) < 0.5f;
    if (!fleshy || area2 < 0.01f || glm::length(sum) < 1e-3f)
      continue;
    TriangleLines l;
    l.triangle = static_cast<std::uint32_t>(t);
    l.normal = n / area2;
    l.fibre = glm::normalize(sum);
    if (std::abs(glm::dot(l.fibre, l.normal)) > 0.45f) // more than about 25 degrees out of the surface
      continue;
    l.fibre = glm::normalize(l.fibre - l.normal * glm::dot(l.fibre, l.normal));
    auto gradient = [&](const std::array<float, 3> &f) {
      return (glm::cross(l.normal, e2) * (f[1] - f[0]) + glm::cross(e1, l.normal) * (f[2] - f[0])) / area2;
    };
    l.baked = gradient({mesh.fibreCoords[v[0]], mesh.fibreCoords[v[1]], mesh.fibreCoords[v[2]]});
    std::array<float, 3> a{}, b{};
    l.weightA = l.weightB = 0.0f;
    for (int k = 0; k < 3; ++k) {
      const AcrossLines c =
          acrossLines(mesh.positions[v[k]] * 1000.0f - centre, glm::vec3(mesh.fibres[v[k]]), l.normal);
      a[k] = c.a;
      b[k] = c.b;
      l.weightA += c.wa;
      l.weightB += c.wb;
    }
    l.formerA = gradient(a);
    l.formerB = gradient(b);
    out.push_back(l);
  }
  return out;
}

// Degrees between the lines (level sets) of two gradients on neighbouring triangles; negative where
// either has lines further apart than 5 mm or closer than 0.25 mm (a wrap or a seam, which the
// shader's filter fades).
float kink(const TriangleLines &x, const glm::vec3 &gx, const TriangleLines &y, const glm::vec3 &gy) {
  const glm::vec3 dx = glm::cross(x.normal, gx), dy = glm::cross(y.normal, gy);
  const float lx = glm::length(dx), ly = glm::length(dy);
  if (lx < 0.2f || ly < 0.2f || lx > 4.0f || ly > 4.0f)
    return -1.0f;
  return glm::degrees(std::acos(std::clamp(std::abs(glm::dot(dx, dy)) / (lx * ly), 0.0f, 1.0f)));
}

} // namespace

TEST_CASE("model: the striation coordinate is constant along the fibres of every scalene",
          "[model][muscle][fibres]") {
  const Scene &model = test::modelUnderTest();
  for (const char *muscle : {"scalenus_anterior", "scalenus_medius", "scalenus_posterior"})
    for (const char *side : {"left", "right"}) {
      const std::string id = std::string(muscle) + "_" + side;
      INFO(id);
      const Structure *s = model.find(id);
      REQUIRE(s != nullptr);
      const MeshData &mesh = s->meshes.front();
      REQUIRE(mesh.fibres.size() == mesh.positions.size());
      REQUIRE(mesh.fibreCoords.size() == mesh.positions.size());
      for (const float c : mesh.fibreCoords)
        REQUIRE(std::isfinite(c));
      const std::vector<TriangleLines> lines = fleshyTriangles(mesh);
      REQUIRE(lines.size() > mesh.indices.size() / 3 / 3);

      // Along the fibres: lines crossed per mm of fibre (lines 1 mm apart in both, the shader's belly
      // period). The baked lines may turn from the centre line's direction where the section twists
      // or fans, the former ones wherever `across` changes from vertex to vertex.
      std::vector<float> baked, former;
      for (const TriangleLines &l : lines) {
        baked.push_back(std::abs(glm::dot(l.baked, l.fibre)));
        former.push_back((std::abs(glm::dot(l.formerA, l.fibre)) * l.weightA +
                          std::abs(glm::dot(l.formerB, l.fibre)) * l.weightB) /
                         std::max(l.weightA + l.weightB, 1e-6f));
      }
      // The staircase: how much the lines turn from one triangle to its neighbour.
      std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::size_t>> byEdge;
      for (std::size_t k = 0; k < lines.size(); ++k)
        for (int c = 0; c < 3; ++c) {
          const std::uint32_t i = mesh.indices[lines[k].triangle + c];
          const std::uint32_t j = mesh.indices[lines[k].triangle + (c + 1) % 3];
          byEdge[{std::min(i, j), std::max(i, j)}].push_back(k);
        }
      std::vector<float> bakedKinks, formerKinks;
      for (const auto &[edge, pair] : byEdge) {
        if (pair.size() != 2)
          continue;
        const TriangleLines &x = lines[pair[0]], &y = lines[pair[1]];
        if (const float b = kink(x, x.baked, y, y.baked); b >= 0.0f)
          bakedKinks.push_back(b);
        const float a = kink(x, x.formerA, y, y.formerA), c = kink(x, x.formerB, y, y.formerB);
        const float wa = x.weightA + y.weightA, wb = x.weightB + y.weightB;
        if (a >= 0.0f && c >= 0.0f)
          formerKinks.push_back((a * wa + c * wb) / std::max(wa + wb, 1e-6f));
      }
      REQUIRE(bakedKinks.size() > lines.size() / 2);
      REQUIRE(formerKinks.size() > lines.size() / 2);
      const float bakedAlong = percentile(baked, 0.5f), formerAlong = percentile(former, 0.5f);
      const float bakedKink = percentile(bakedKinks, 0.5f), formerKink = percentile(formerKinks, 0.5f);
      INFO(lines.size() << " fleshy triangles. Lines crossed per mm along the fibres, median / 90th "
                           "percentile: baked "
                        << bakedAlong << " / " << percentile(baked, 0.9f) << ", former " << formerAlong
                        << " / " << percentile(former, 0.9f) << ". Turn of the lines between neighbouring "
                        << "triangles (degrees), median / 90th percentile: baked " << bakedKink << " / "
                        << percentile(bakedKinks, 0.9f) << ", former " << formerKink << " / "
                        << percentile(formerKinks, 0.9f));
      CHECK(bakedAlong < 0.15f); // under a sixth of a line per mm of fibre
      CHECK(bakedKink < 5.0f);   // and smooth from triangle to triangle
      CHECK(bakedKink < 0.75f * formerKink);
      CHECK((formerAlong >= 0.15f || formerKink >= 5.0f)); // the former lines failed the same measures
    }
}

TEST_CASE("model: the right scalenes' fibre coordinates are the left's", "[model][muscle][fibres]") {
  const Scene &model = test::modelUnderTest();
  for (const char *muscle : {"scalenus_anterior", "scalenus_medius", "scalenus_posterior"}) {
    INFO(muscle);
    const Structure *left = model.find(std::string(muscle) + "_left");
    const Structure *right = model.find(std::string(muscle) + "_right");
    REQUIRE(left != nullptr);
    REQUIRE(right != nullptr);
    CHECK(right->meshes.front().fibreCoords == left->meshes.front().fibreCoords);
    // Not a constant: lines go round every section (tens of them, a millimetre apart).
    const auto [lo, hi] =
        std::minmax_element(left->meshes.front().fibreCoords.begin(), left->meshes.front().fibreCoords.end());
    CHECK(*hi - *lo > 10.0f);
  }
}
