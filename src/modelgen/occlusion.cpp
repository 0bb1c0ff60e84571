#include "modelgen/occlusion.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <thread>

namespace atlas::modelgen {
namespace {

constexpr std::uint32_t kLeafSize = 4;

bool skeletal(System s) {
  return s == System::Bone || s == System::Disc || s == System::Cartilage;
}

// Entry distance of the ray into the box, or infinity when it misses it within maxT.
float enterBox(const glm::vec3 &lo, const glm::vec3 &hi, const glm::vec3 &origin, const glm::vec3 &invDir,
               float maxT) {
  const glm::vec3 t0 = (lo - origin) * invDir, t1 = (hi - origin) * invDir;
  const glm::vec3 near = glm::min(t0, t1), far = glm::max(t0, t1);
  const float enter = std::max(std::max(near.x, near.y), std::max(near.z, 0.0f));
  const float leave = std::min(std::min(far.x, far.y), std::min(far.z, maxT));
  return enter <= leave ? enter : std::numeric_limits<float>::infinity();
}

// An orthonormal frame around unit n without a branch on the axes (Duff et al. 2017, "Building an
// Orthonormal Basis, Revisited", JCGT 6(1)).
void frameAround(const glm::vec3 &n, glm::vec3 &t, glm::vec3 &b) {
  const float sign = std::copysign(1.0f, n.z);
  const float a = -1.0f / (sign + n.z);
  const float c = n.x * n.y * a;
  t = glm::vec3(1.0f + sign * n.x * n.x * a, sign * c, -sign * n.x);
  b = glm::vec3(c, sign + n.y * n.y * a, -n.y);
}

// A fixed per-vertex angle (integer hash, no clock, no global state): the same ray pattern turned
// differently at neighbouring vertices, so that sampling error is noise the smoothing removes, not
// stripes that follow the pattern.
float turnOf(std::uint32_t v) {
  v ^= v >> 16;
  v *= 0x7feb352dU;
  v ^= v >> 15;
  v *= 0x846ca68bU;
  v ^= v >> 16;
  return static_cast<float>(v) * (6.2831853f / 4294967296.0f);
}

// Vertex neighbours over the triangle edges, compressed: neighbours of v are list[start[v]..start[v+1]).
struct Neighbours {
  std::vector<std::uint32_t> start, list;
};

Neighbours neighboursOf(const MeshData &mesh) {
  const std::size_t n = mesh.positions.size();
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  edges.reserve(mesh.indices.size() * 2);
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3)
    for (int e = 0; e < 3; ++e) {
      const std::uint32_t a = mesh.indices[i + e], b = mesh.indices[i + (e + 1) % 3];
      edges.emplace_back(a, b);
      edges.emplace_back(b, a);
    }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  Neighbours out;
  out.start.assign(n + 1, 0);
  for (const auto &e : edges)
    ++out.start[e.first + 1];
  for (std::size_t v = 0; v < n; ++v)
    out.start[v + 1] += out.start[v];
  out.list.reserve(edges.size());
  for (const auto &e : edges)
    out.list.push_back(e.second);
  return out;
}

void smooth(std::vector<float> &values, const Neighbours &nb, int passes) {
  std::vector<float> next(values.size());
  for (int pass = 0; pass < passes; ++pass) {
    for (std::size_t v = 0; v < values.size(); ++v) {
      const std::uint32_t first = nb.start[v], last = nb.start[v + 1];
      if (first == last) {
        next[v] = values[v];
        continue;
      }
      float sum = 0.0f;
      for (std::uint32_t k = first; k < last; ++k)
        sum += values[nb.list[k]];
      next[v] = 0.5f * values[v] + 0.5f * sum / static_cast<float>(last - first);
    }
    values.swap(next);
  }
}

} // namespace

OccluderBvh::OccluderBvh(const std::vector<const MeshData *> &meshes) {
  std::vector<Triangle> source;
  std::vector<glm::vec3> centroids;
  for (const MeshData *m : meshes)
    for (std::size_t i = 0; i + 2 < m->indices.size(); i += 3) {
      const glm::vec3 a = m->positions[m->indices[i]], b = m->positions[m->indices[i + 1]],
                      c = m->positions[m->indices[i + 2]];
      source.push_back({a, b - a, c - a});
      centroids.push_back((a + b + c) / 3.0f);
    }
  if (source.empty())
    return;
  std::vector<std::uint32_t> order(source.size());
  for (std::uint32_t i = 0; i < order.size(); ++i)
    order[i] = i;
  nodes_.reserve(2 * source.size() / kLeafSize + 1);
  build(order, centroids, 0, static_cast<std::uint32_t>(order.size()), source);
  triangles_.reserve(source.size());
  for (std::uint32_t i : order)
    triangles_.push_back(source[i]);
}

// Median split on the longest axis of the centroids; leaves keep their triangles contiguous in
// `order`. nth_element is deterministic for the same input, so the tree is too.
std::uint32_t OccluderBvh::build(std::vector<std::uint32_t> &order, std::vector<glm::vec3> &centroids,
                                 std::uint32_t begin, std::uint32_t end,
                                 const std::vector<Triangle> &source) {
  const std::uint32_t index = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back({});
  glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
  glm::vec3 clo = lo, chi = hi;
  for (std::uint32_t i = begin; i < end; ++i) {
    const Triangle &t = source[order[i]];
    for (const glm::vec3 &p : {t.a, t.a + t.ab, t.a + t.ac}) {
      lo = glm::min(lo, p);
      hi = glm::max(hi, p);
    }
    clo = glm::min(clo, centroids[order[i]]);
    chi = glm::max(chi, centroids[order[i]]);
  }
  nodes_[index].lo = lo;
  nodes_[index].hi = hi;
  if (end - begin <= kLeafSize) {
    nodes_[index].first = begin;
    nodes_[index].count = end - begin;
    return index;
  }
  const glm::vec3 extent = chi - clo;
  const int axis = extent.x >= extent.y && extent.x >= extent.z ? 0 : (extent.y >= extent.z ? 1 : 2);
  const std::uint32_t mid = begin + (end - begin) / 2;
  std::nth_element(order.begin() + begin, order.begin() + mid, order.begin() + end,
                   [&centroids, axis](std::uint32_t a, std::uint32_t b) {
                     return centroids[a][axis] < centroids[b][axis] ||
                            (centroids[a][axis] == centroids[b][axis] && a < b);
                   });
  build(order, centroids, begin, mid, source);
  const std::uint32_t second = build(order, centroids, mid, end, source);
  nodes_[index].first = second;
  return index;
}

float OccluderBvh::nearestHit(const glm::vec3 &origin, const glm::vec3 &dir, float maxT) const {
  if (nodes_.empty())
    return maxT;
  const glm::vec3 invDir(1.0f / dir.x, 1.0f / dir.y, 1.0f / dir.z);
  float best = maxT;
  std::uint32_t stack[64];
  int top = 0;
  if (enterBox(nodes_[0].lo, nodes_[0].hi, origin, invDir, best) == std::numeric_limits<float>::infinity())
    return maxT;
  stack[top++] = 0;
  while (top > 0) {
    const Node &node = nodes_[stack[--top]];
    if (node.count > 0) {
      for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
        // Moller-Trumbore, both sides of the triangle.
        const Triangle &t = triangles_[i];
        const glm::vec3 p = glm::cross(dir, t.ac);
        const float det = glm::dot(t.ab, p);
        if (det == 0.0f)
          continue;
        const float inv = 1.0f / det;
        const glm::vec3 s = origin - t.a;
        const float u = glm::dot(s, p) * inv;
        if (u < 0.0f || u > 1.0f)
          continue;
        const glm::vec3 q = glm::cross(s, t.ab);
        const float v = glm::dot(dir, q) * inv;
        if (v < 0.0f || u + v > 1.0f)
          continue;
        const float d = glm::dot(t.ac, q) * inv;
        if (d > 0.0f && d < best)
          best = d;
      }
      continue;
    }
    const std::uint32_t a = static_cast<std::uint32_t>(&node - nodes_.data()) + 1, b = node.first;
    const float ta = enterBox(nodes_[a].lo, nodes_[a].hi, origin, invDir, best);
    const float tb = enterBox(nodes_[b].lo, nodes_[b].hi, origin, invDir, best);
    const float inf = std::numeric_limits<float>::infinity();
    // The nearer child is popped first, so its hits can cut the farther one short.
    if (ta <= tb) {
      if (tb != inf && top < 64)
        stack[top++] = b;
      if (ta != inf && top < 64)
        stack[top++] = a;
    } else {
      if (ta != inf && top < 64)
        stack[top++] = a;
      if (tb != inf && top < 64)
        stack[top++] = b;
    }
  }
  return best;
}

std::vector<float> bakeOcclusion(const MeshData &mesh, const std::vector<const OccluderBvh *> &occluders,
                                 const OcclusionOptions &options) {
  const std::size_t count = mesh.positions.size();
  std::vector<float> result(count, 1.0f);
  if (mesh.normals.size() != count || options.rays <= 0 || count == 0)
    return result;
  // Cosine-weighted directions in the vertex frame (z = normal): an even spiral over the unit disc
  // lifted onto the hemisphere, so each ray stands for an equal share of the irradiance. The disc
  // stops at 0.94 (rays at least 20 degrees above the tangent plane): a smoothed normal tilted a few
  // degrees off the true one would send rays lower than that into the vertex's own surface.
  const int rays = options.rays;
  std::vector<glm::vec3> pattern(static_cast<std::size_t>(rays));
  const float golden = 2.39996323f; // radians
  for (int i = 0; i < rays; ++i) {
    const float r = 0.94f * std::sqrt((static_cast<float>(i) + 0.5f) / static_cast<float>(rays));
    const float phi = golden * static_cast<float>(i);
    pattern[static_cast<std::size_t>(i)] =
        glm::vec3(r * std::cos(phi), r * std::sin(phi), std::sqrt(std::max(0.0f, 1.0f - r * r)));
  }
  const float maxT = options.maxDistance;
  auto bakeVertex = [&](std::size_t v) {
    const glm::vec3 n = mesh.normals[v];
    const float length = glm::length(n);
    if (!(length > 1e-6f))
      return 1.0f;
    const glm::vec3 normal = n / length;
    glm::vec3 t, b;
    frameAround(normal, t, b);
    const float turn = turnOf(static_cast<std::uint32_t>(v));
    const float c = std::cos(turn), s = std::sin(turn);
    const glm::vec3 origin = mesh.positions[v] + normal * options.bias;
    float blocked = 0.0f;
    for (const glm::vec3 &local : pattern) {
      const float x = c * local.x - s * local.y, y = s * local.x + c * local.y;
      const glm::vec3 dir = glm::normalize(t * x + b * y + normal * local.z);
      // The first stretch of each ray is skipped: on a finely meshed convex surface a ray close to
      // the horizon can graze a neighbouring facet tilted above the smoothed normal's plane.
      const glm::vec3 start = origin + dir * options.skip;
      float hit = maxT - options.skip;
      for (const OccluderBvh *o : occluders)
        hit = o->nearestHit(start, dir, hit);
      hit += options.skip;
      // Near hits darken fully, those at the edge of the reach hardly: no hard rim where walls end.
      const float f = 1.0f - hit / maxT;
      blocked += f * (2.0f - f);
    }
    return 1.0f - blocked / static_cast<float>(rays);
  };
  // Fixed interleaved chunks, each result written to its own slot: the same output for any thread
  // count and any scheduling.
  constexpr std::size_t kChunk = 256;
  unsigned threads = options.threads ? options.threads : std::min(8u, std::thread::hardware_concurrency());
  threads = std::max(1u, threads);
  auto work = [&](unsigned first) {
    for (std::size_t begin = first * kChunk; begin < count; begin += threads * kChunk)
      for (std::size_t v = begin; v < std::min(count, begin + kChunk); ++v)
        result[v] = bakeVertex(v);
  };
  std::vector<std::thread> helpers;
  for (unsigned k = 1; k < threads; ++k)
    helpers.emplace_back(work, k);
  work(0);
  for (std::thread &h : helpers)
    h.join();
  smooth(result, neighboursOf(mesh), options.smoothingPasses);
  return result;
}

void bakeSceneOcclusion(Scene &scene, const OcclusionOptions &options) {
  std::vector<const MeshData *> bones, softSkeleton;
  for (const Structure &s : scene.structures())
    for (const MeshData &m : s.meshes) {
      if (s.system == System::Bone)
        bones.push_back(&m);
      else if (skeletal(s.system))
        softSkeleton.push_back(&m);
    }
  const OccluderBvh boneBvh(bones), softBvh(softSkeleton);
  for (Structure &s : scene.structures())
    for (MeshData &m : s.meshes) {
      if (s.system == System::Bone) {
        m.occlusion = bakeOcclusion(m, {&boneBvh}, options);
      } else if (skeletal(s.system)) {
        m.occlusion = bakeOcclusion(m, {&boneBvh, &softBvh}, options);
      } else {
        const OccluderBvh self({&m});
        m.occlusion = bakeOcclusion(m, {&boneBvh, &softBvh, &self}, options);
      }
    }
}

} // namespace atlas::modelgen
