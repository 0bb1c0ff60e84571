#include "scene/picking.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace atlas {
namespace {

constexpr std::uint32_t kLeafSize = 4;

float surfaceArea(const Bounds &b) {
  if (b.empty())
    return 0.0f;
  const glm::vec3 d = b.size();
  return 2.0f * (d.x * d.y + d.y * d.z + d.z * d.x);
}

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
  // Binned surface-area heuristic (Wald 2007): triangles go into kBins slabs by centroid along each
  // axis, and the split between slabs that minimises (area x count) on both sides wins. It builds in
  // linear time per level like a median split, but rays visit fewer nodes where triangles cluster
  // (tubercles, facets) and empty space is large (between the vertebrae and ribs).
  constexpr int kBins = 16;
  struct Bin {
    Bounds bounds;
    std::uint32_t count = 0;
  };
  float bestCost = std::numeric_limits<float>::max();
  int bestAxis = -1, bestSplit = 0;
  for (int axis = 0; axis < 3; ++axis) {
    if (extent[axis] <= 0.0f)
      continue;
    const float scale = static_cast<float>(kBins) / extent[axis];
    Bin bins[kBins];
    for (std::uint32_t i = first; i < first + count; ++i) {
      const int b = std::min(
          kBins - 1, static_cast<int>((centroids[order[i]][axis] - centroidBounds.min[axis]) * scale));
      const Triangle &t = triangles_[order[i]];
      bins[b].count++;
      bins[b].bounds.extend(t.v0);
      bins[b].bounds.extend(t.v0 + t.e1);
      bins[b].bounds.extend(t.v0 + t.e2);
    }
    // Sweep from the right, then from the left, accumulating area and count.
    float rightArea[kBins];
    std::uint32_t rightCount[kBins];
    Bounds acc;
    std::uint32_t n = 0;
    for (int b = kBins - 1; b > 0; --b) {
      acc.extend(bins[b].bounds);
      n += bins[b].count;
      rightArea[b] = surfaceArea(acc);
      rightCount[b] = n;
    }
    acc = Bounds{};
    n = 0;
    for (int b = 0; b < kBins - 1; ++b) {
      acc.extend(bins[b].bounds);
      n += bins[b].count;
      if (n == 0 || rightCount[b + 1] == 0)
        continue;
      const float cost =
          surfaceArea(acc) * static_cast<float>(n) + rightArea[b + 1] * static_cast<float>(rightCount[b + 1]);
      if (cost < bestCost) {
        bestCost = cost;
        bestAxis = axis;
        bestSplit = b;
      }
    }
  }
  std::uint32_t half = count / 2;
  if (bestAxis >= 0) {
    const float scale = static_cast<float>(kBins) / extent[bestAxis];
    const float origin = centroidBounds.min[bestAxis];
    const auto middle =
        std::partition(order.begin() + first, order.begin() + first + count, [&](std::uint32_t t) {
          return std::min(kBins - 1, static_cast<int>((centroids[t][bestAxis] - origin) * scale)) <=
                 bestSplit;
        });
    half = static_cast<std::uint32_t>(middle - (order.begin() + first));
  }
  if (half == 0 || half == count) { // all centroids in one bin: split at the median instead
    const int axis = extent.x > extent.y ? (extent.x > extent.z ? 0 : 2) : (extent.y > extent.z ? 1 : 2);
    half = count / 2;
    std::nth_element(
        order.begin() + first, order.begin() + first + half, order.begin() + first + count,
        [&](std::uint32_t a, std::uint32_t b) { return centroids[a][axis] < centroids[b][axis]; });
  }
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
