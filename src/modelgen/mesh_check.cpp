#include "modelgen/mesh_check.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace atlas::modelgen {

MeshPieces meshPieces(const MeshData &mesh) {
  std::vector<std::uint32_t> parent(mesh.positions.size());
  for (std::uint32_t v = 0; v < parent.size(); ++v)
    parent[v] = v;
  auto find = [&parent](std::uint32_t v) {
    while (parent[v] != v)
      v = parent[v] = parent[parent[v]];
    return v;
  };
  const std::size_t triangles = mesh.indices.size() / 3;
  for (std::size_t t = 0; t < triangles; ++t)
    for (int k = 1; k < 3; ++k)
      parent[find(mesh.indices[3 * t + k])] = find(mesh.indices[3 * t]);
  MeshPieces out;
  out.of.resize(triangles);
  std::vector<std::uint32_t> number(parent.size(), 0xffffffffu); // piece number by root vertex
  for (std::size_t t = 0; t < triangles; ++t) {
    std::uint32_t &n = number[find(mesh.indices[3 * t])];
    if (n == 0xffffffffu) {
      n = static_cast<std::uint32_t>(out.triangles.size());
      out.triangles.push_back(0);
    }
    out.of[t] = n;
    ++out.triangles[n];
  }
  return out;
}

MeshCheck checkMesh(const MeshData &mesh) {
  MeshCheck check;
  // Directed edges sorted by their undirected key; each key must appear exactly twice, once each way.
  struct Edge {
    std::uint32_t lo, hi;
    bool forward;
  };
  std::vector<Edge> edges;
  edges.reserve(mesh.indices.size());
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t v[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
    if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2])
      ++check.degenerateTriangles;
    for (int i = 0; i < 3; ++i) {
      const std::uint32_t a = v[i], b = v[(i + 1) % 3];
      edges.push_back({std::min(a, b), std::max(a, b), a < b});
    }
    const glm::dvec3 p0(mesh.positions[v[0]]), p1(mesh.positions[v[1]]), p2(mesh.positions[v[2]]);
    check.signedVolume += glm::dot(p0, glm::cross(p1, p2)) / 6.0;
  }
  std::sort(edges.begin(), edges.end(), [](const Edge &a, const Edge &b) {
    return a.lo != b.lo ? a.lo < b.lo : (a.hi != b.hi ? a.hi < b.hi : a.forward < b.forward);
  });
  for (std::size_t i = 0; i < edges.size();) {
    std::size_t j = i;
    while (j < edges.size() && edges[j].lo == edges[i].lo && edges[j].hi == edges[i].hi)
      ++j;
    const std::size_t n = j - i;
    if (n == 1)
      ++check.boundaryEdges;
    else if (n > 2)
      ++check.nonManifoldEdges;
    else if (edges[i].forward == edges[i + 1].forward)
      ++check.inconsistentEdges;
    i = j;
  }
  return check;
}

MeshData mirrorX(const MeshData &mesh) {
  MeshData out = mesh;
  for (glm::vec3 &p : out.positions)
    p.x = -p.x;
  for (glm::vec3 &n : out.normals)
    n.x = -n.x;
  for (glm::vec4 &f : out.fibres)
    f.x = -f.x;
  // fibreCoords stay: a coordinate constant along each fibre stays so in the mirror image.
  for (std::size_t t = 0; t + 2 < out.indices.size(); t += 3)
    std::swap(out.indices[t + 1], out.indices[t + 2]);
  return out;
}

std::vector<glm::vec4> sampleFibres(const MeshData &mesh,
                                    const std::function<glm::vec4(const glm::vec3 &)> &fibre) {
  std::vector<glm::vec4> out;
  out.reserve(mesh.positions.size());
  for (const glm::vec3 &p : mesh.positions) {
    const glm::vec4 f = fibre(p);
    const float len = glm::length(glm::vec3(f));
    // A zero or NaN direction would be normalised to NaN and break the glTF's byte encoding.
    const glm::vec3 dir = std::isfinite(len) && len > 1e-6f ? glm::vec3(f) / len : glm::vec3(0, 1, 0);
    const float tendon = std::isfinite(f.w) ? std::clamp(f.w, 0.0f, 1.0f) : 0.0f;
    out.emplace_back(dir, tendon);
  }
  return out;
}

std::vector<float> sampleFibreCoords(const MeshData &mesh,
                                     const std::function<float(const glm::vec3 &)> &coord) {
  std::vector<float> out;
  out.reserve(mesh.positions.size());
  for (const glm::vec3 &p : mesh.positions) {
    const float c = coord(p);
    out.push_back(std::isfinite(c) ? c : 0.0f);
  }
  return out;
}

} // namespace atlas::modelgen
