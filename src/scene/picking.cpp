#include "scene/picking.h"

#include <algorithm>
#include <numeric>

namespace atlas {
namespace {

constexpr std::uint32_t kLeafSize = 4;

// Slab test; returns the entry distance or a negative value when the ray misses.
float hitBounds(const Bounds &b, const glm::vec3 &origin, const glm::vec3 &invDir, float maxT) {
  const glm::vec3 t0 = (b.min - origin) * invDir;
  const glm::vec3 t1 = (b.max - origin) * invDir;
  const glm::vec3 lo = glm::min(t0, t1), hi = glm::max(t0, t1);
  const float tNear = std::max(std::max(lo.x, lo.y), std::max(lo.z, 0.0f));
  const float tFar = std::min(std::min(hi.x, hi.y), std::min(hi.z, maxT));
  return tNear <= tFar ? tNear : -1.0f;
}

} // namespace

PickingIndex::PickingIndex(const Scene &scene) {
  std::vector<glm::vec3> centroids;
  const auto &structures = scene.structures();
  for (std::size_t s = 0; s < structures.size(); ++s)
    for (const MeshData &mesh : structures[s].meshes)
      for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        const glm::vec3 &a = mesh.positions[mesh.indices[i]];
        const glm::vec3 &b = mesh.positions[mesh.indices[i + 1]];
        const glm::vec3 &c = mesh.positions[mesh.indices[i + 2]];
        triangles_.push_back({a, b - a, c - a, static_cast<std::int32_t>(s)});
        centroids.push_back((a + b + c) / 3.0f);
      }
  if (triangles_.empty())
    return;
  std::vector<std::uint32_t> order(triangles_.size());
  std::iota(order.begin(), order.end(), 0u);
  nodes_.reserve(2 * triangles_.size() / kLeafSize + 1);
  build(0, static_cast<std::uint32_t>(triangles_.size()), order, centroids);
  // Leaves refer to ranges of `order`; store the triangles in that order so leaves are contiguous.
  std::vector<Triangle> sorted(triangles_.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    sorted[i] = triangles_[order[i]];
  triangles_ = std::move(sorted);
}

std::uint32_t PickingIndex::build(std::uint32_t first, std::uint32_t count, std::vector<std::uint32_t> &order,
                                  const std::vector<glm::vec3> &centroids) {
  const std::uint32_t index = static_cast<std::uint32_t>(nodes_.size());
  nodes_.emplace_back();
  Bounds bounds, centroidBounds;
  for (std::uint32_t i = first; i < first + count; ++i) {
    const Triangle &t = triangles_[order[i]];
    bounds.extend(t.v0);
    bounds.extend(t.v0 + t.e1);
    bounds.extend(t.v0 + t.e2);
    centroidBounds.extend(centroids[order[i]]);
  }
  nodes_[index].bounds = bounds;
  const glm::vec3 extent = centroidBounds.size();
  if (count <= kLeafSize || std::max({extent.x, extent.y, extent.z}) <= 0.0f) {
    nodes_[index].first = first;
    nodes_[index].count = count;
    return index;
  }
  // Median split on the longest axis of the centroids: balanced, cheap to build, good enough for
  // the roughly uniform triangles of anatomical meshes.
  const int axis = extent.x > extent.y ? (extent.x > extent.z ? 0 : 2) : (extent.y > extent.z ? 1 : 2);
  const std::uint32_t half = count / 2;
  std::nth_element(order.begin() + first, order.begin() + first + half, order.begin() + first + count,
                   [&](std::uint32_t a, std::uint32_t b) { return centroids[a][axis] < centroids[b][axis]; });
  const std::uint32_t left = build(first, half, order, centroids);
  const std::uint32_t right = build(first + half, count - half, order, centroids);
  nodes_[index].left = left;
  nodes_[index].right = right;
  return index;
}

std::optional<PickHit> PickingIndex::pick(const Ray &ray, const std::function<bool(int)> &accept) const {
  if (nodes_.empty())
    return std::nullopt;
  const glm::vec3 invDir = 1.0f / ray.direction; // IEEE infinities make the slab test work on axes
  float best = std::numeric_limits<float>::max();
  int bestStructure = -1;
  std::uint32_t stack[128];
  int top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const Node &node = nodes_[stack[--top]];
    if (hitBounds(node.bounds, ray.origin, invDir, best) < 0.0f)
      continue;
    if (node.count == 0) {
      // Visit the nearer child first so `best` shrinks early.
      const float dl = hitBounds(nodes_[node.left].bounds, ray.origin, invDir, best);
      const float dr = hitBounds(nodes_[node.right].bounds, ray.origin, invDir, best);
      if (top + 2 > 128)
        continue; // depth is ~log2(n/4); 128 is never reached for any model we can load
      if (dl >= 0.0f && dr >= 0.0f) {
        stack[top++] = dl < dr ? node.right : node.left;
        stack[top++] = dl < dr ? node.left : node.right;
      } else if (dl >= 0.0f) {
        stack[top++] = node.left;
      } else if (dr >= 0.0f) {
        stack[top++] = node.right;
      }
      continue;
    }
    for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
      const Triangle &t = triangles_[i];
      // Möller–Trumbore, two-sided: open meshes are pickable from behind too.
      const glm::vec3 p = glm::cross(ray.direction, t.e2);
      const float det = glm::dot(t.e1, p);
      if (std::abs(det) < 1e-12f)
        continue;
      const float inv = 1.0f / det;
      const glm::vec3 s = ray.origin - t.v0;
      const float u = glm::dot(s, p) * inv;
      if (u < 0.0f || u > 1.0f)
        continue;
      const glm::vec3 q = glm::cross(s, t.e1);
      const float v = glm::dot(ray.direction, q) * inv;
      if (v < 0.0f || u + v > 1.0f)
        continue;
      const float dist = glm::dot(t.e2, q) * inv;
      if (dist > 0.0f && dist < best && accept(t.structure)) {
        best = dist;
        bestStructure = t.structure;
      }
    }
  }
  if (bestStructure < 0)
    return std::nullopt;
  return PickHit{bestStructure, best, ray.origin + ray.direction * best};
}

} // namespace atlas
