#include "modelgen/mesher.h"

#include "modelgen/mesh_check.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <meshoptimizer.h>
#include <thread>
#include <unordered_map>
#include <vector>

namespace atlas::modelgen {
namespace {

// The six tetrahedra of the Freudenthal (Kuhn) split of a cube: each walks from corner 0 to corner 7
// along one permutation of the axes. Neighbouring cubes then share face diagonals, so the extracted
// surface has no cracks. Corner c sits at (c & 1, (c >> 1) & 1, (c >> 2) & 1).
constexpr std::array<std::array<int, 4>, 6> kTets = {{
    {0, 1, 3, 7},
    {0, 1, 5, 7},
    {0, 2, 3, 7},
    {0, 2, 6, 7},
    {0, 4, 5, 7},
    {0, 4, 6, 7},
}};

glm::ivec3 cornerOffset(int c) {
  return {c & 1, (c >> 1) & 1, (c >> 2) & 1};
}

// Sign of the volume of the tetrahedron a, b, c, d given as cube corners.
int orientation(int a, int b, int c, int d) {
  const glm::ivec3 pa = cornerOffset(a), u = cornerOffset(b) - pa, v = cornerOffset(c) - pa,
                   w = cornerOffset(d) - pa;
  const int det =
      u.x * (v.y * w.z - v.z * w.y) - u.y * (v.x * w.z - v.z * w.x) + u.z * (v.x * w.y - v.y * w.x);
  return det > 0 ? 1 : -1;
}

struct Grid {
  glm::vec3 origin;
  float step;
  glm::ivec3 n; // points per axis
  std::size_t index(int i, int j, int k) const { return (static_cast<std::size_t>(k) * n.y + j) * n.x + i; }
  glm::vec3 point(int i, int j, int k) const { return origin + glm::vec3(i, j, k) * step; }
};

// Samples f on every grid point. Blocks of 8^3 points far from the surface only get their sign: with
// a distance bound whose slope is below kLipschitz, no sign change can happen inside such a block.
std::vector<float> sample(const Sdf &f, const Grid &grid) {
  constexpr int kBlock = 8;
  constexpr float kLipschitz = 2.0f;
  std::vector<float> values(static_cast<std::size_t>(grid.n.x) * grid.n.y * grid.n.z);
  const glm::ivec3 blocks = (grid.n + glm::ivec3(kBlock - 1)) / kBlock;
  const float blockRadius = 0.5f * std::sqrt(3.0f) * kBlock * grid.step;
  auto work = [&](int first, int stride) {
    for (int bk = first; bk < blocks.z; bk += stride)
      for (int bj = 0; bj < blocks.y; ++bj)
        for (int bi = 0; bi < blocks.x; ++bi) {
          const glm::ivec3 lo(bi * kBlock, bj * kBlock, bk * kBlock);
          const glm::ivec3 hi = glm::min(lo + glm::ivec3(kBlock), grid.n);
          const glm::vec3 centre = grid.origin + (glm::vec3(lo + hi - glm::ivec3(1)) * 0.5f) * grid.step;
          const float d = f(centre);
          const bool far = std::abs(d) > kLipschitz * (blockRadius + grid.step);
          for (int k = lo.z; k < hi.z; ++k)
            for (int j = lo.y; j < hi.y; ++j)
              for (int i = lo.x; i < hi.x; ++i)
                values[grid.index(i, j, k)] = far ? (d > 0.0f ? 1e3f : -1e3f) : f(grid.point(i, j, k));
        }
  };
  std::thread helper(work, 1, 2);
  work(0, 2);
  helper.join();
  return values;
}

// Edge collapses occasionally fold a sliver into two coincident triangles of opposite winding (a
// zero-volume fin) that makes three or more triangles share an edge; removing both leaves a clean surface.
void removeFins(std::vector<std::uint32_t> &indices) {
  const std::size_t n = indices.size() / 3;
  std::vector<std::array<std::uint32_t, 4>> keys(n);
  for (std::size_t t = 0; t < n; ++t) {
    std::array<std::uint32_t, 3> v{indices[3 * t], indices[3 * t + 1], indices[3 * t + 2]};
    std::sort(v.begin(), v.end());
    keys[t] = {v[0], v[1], v[2], static_cast<std::uint32_t>(t)};
  }
  std::sort(keys.begin(), keys.end());
  std::vector<bool> drop(n, false);
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && keys[j][0] == keys[i][0] && keys[j][1] == keys[i][1] && keys[j][2] == keys[i][2])
      ++j;
    if (j - i >= 2)
      for (std::size_t k = i; k < j; ++k)
        drop[keys[k][3]] = true;
    i = j;
  }
  std::vector<std::uint32_t> kept;
  kept.reserve(indices.size());
  for (std::size_t t = 0; t < n; ++t)
    if (!drop[t])
      kept.insert(kept.end(), {indices[3 * t], indices[3 * t + 1], indices[3 * t + 2]});
  indices = std::move(kept);
}

// Where a collapse pinched two sheets of the surface together along an edge or at a vertex, gives each
// sheet its own copy of the shared vertices: the fans of triangles around a vertex that are joined
// through manifold edges keep one vertex each. Positions are unchanged.
void splitPinchedVertices(MeshData &mesh) {
  const std::size_t triangles = mesh.indices.size() / 3;
  std::map<std::pair<std::uint32_t, std::uint32_t>, int> edgeUse;
  for (std::size_t t = 0; t < triangles; ++t)
    for (int i = 0; i < 3; ++i) {
      const std::uint32_t a = mesh.indices[3 * t + i], b = mesh.indices[3 * t + (i + 1) % 3];
      ++edgeUse[{std::min(a, b), std::max(a, b)}];
    }
  std::vector<std::vector<std::uint32_t>> around(mesh.positions.size());
  for (std::size_t t = 0; t < triangles; ++t)
    for (int i = 0; i < 3; ++i)
      around[mesh.indices[3 * t + i]].push_back(static_cast<std::uint32_t>(t));
  const std::size_t vertexCount = mesh.positions.size();
  for (std::uint32_t v = 0; v < vertexCount; ++v) {
    const auto &fan = around[v];
    if (fan.size() < 2)
      continue;
    // Union-find over the triangles around v, joined through edges (v, w) used exactly twice.
    std::vector<std::size_t> parent(fan.size());
    for (std::size_t i = 0; i < fan.size(); ++i)
      parent[i] = i;
    auto find = [&](std::size_t i) {
      while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
      return i;
    };
    std::map<std::uint32_t, std::size_t> firstWith;
    for (std::size_t i = 0; i < fan.size(); ++i)
      for (int k = 0; k < 3; ++k) {
        const std::uint32_t w = mesh.indices[3 * fan[i] + k];
        if (w == v || edgeUse[{std::min(v, w), std::max(v, w)}] != 2)
          continue;
        auto [it, fresh] = firstWith.emplace(w, i);
        if (!fresh)
          parent[find(i)] = find(it->second);
      }
    std::map<std::size_t, std::uint32_t> copyOf;
    for (std::size_t i = 0; i < fan.size(); ++i) {
      const std::size_t root = find(i);
      if (copyOf.empty())
        copyOf[root] = v;
      auto it = copyOf.find(root);
      if (it == copyOf.end()) {
        it = copyOf.emplace(root, static_cast<std::uint32_t>(mesh.positions.size())).first;
        mesh.positions.push_back(mesh.positions[v]);
      }
      if (it->second == v)
        continue;
      std::uint32_t *tri = &mesh.indices[3 * fan[i]];
      for (int k = 0; k < 3; ++k)
        if (tri[k] != v) {
          --edgeUse[{std::min(v, tri[k]), std::max(v, tri[k])}];
          ++edgeUse[{std::min(it->second, tri[k]), std::max(it->second, tri[k])}];
        }
      for (int k = 0; k < 3; ++k)
        if (tri[k] == v)
          tri[k] = it->second;
    }
  }
}

} // namespace

MeshData meshSdf(const Sdf &f, const Bounds &box, const MeshingOptions &options) {
  Grid grid;
  grid.step = options.step;
  grid.origin = box.min - glm::vec3(2.0f * options.step);
  grid.n = glm::ivec3(glm::ceil((box.max - box.min) / options.step)) + glm::ivec3(5);
  std::vector<float> values = sample(f, grid);
  // The outermost layer is forced outside so that the surface is always closed.
  for (int k = 0; k < grid.n.z; ++k)
    for (int j = 0; j < grid.n.y; ++j)
      for (int i = 0; i < grid.n.x; ++i)
        if (i == 0 || j == 0 || k == 0 || i == grid.n.x - 1 || j == grid.n.y - 1 || k == grid.n.z - 1)
          values[grid.index(i, j, k)] = std::max(values[grid.index(i, j, k)], 1.0f);

  MeshData mesh;
  std::unordered_map<std::uint64_t, std::uint32_t> edgeVertex;
  auto vertexOn = [&](std::size_t a, std::size_t b, const glm::vec3 &pa, const glm::vec3 &pb) {
    const std::uint64_t key = (static_cast<std::uint64_t>(std::min(a, b)) << 32) | std::max(a, b);
    auto it = edgeVertex.find(key);
    if (it != edgeVertex.end())
      return it->second;
    const float va = values[a], vb = values[b];
    // Clamped so that no vertex lands exactly on a grid point (which would make zero-area triangles).
    const float t = std::clamp(va / (va - vb), 0.02f, 0.98f);
    const auto id = static_cast<std::uint32_t>(mesh.positions.size());
    mesh.positions.push_back(pa + (pb - pa) * t);
    edgeVertex.emplace(key, id);
    return id;
  };

  for (int k = 0; k + 1 < grid.n.z; ++k)
    for (int j = 0; j + 1 < grid.n.y; ++j)
      for (int i = 0; i + 1 < grid.n.x; ++i) {
        std::array<std::size_t, 8> idx;
        std::array<glm::vec3, 8> pos;
        int insideCount = 0;
        for (int c = 0; c < 8; ++c) {
          const glm::ivec3 o = cornerOffset(c);
          idx[c] = grid.index(i + o.x, j + o.y, k + o.z);
          pos[c] = grid.point(i + o.x, j + o.y, k + o.z);
          insideCount += values[idx[c]] < 0.0f ? 1 : 0;
        }
        if (insideCount == 0 || insideCount == 8)
          continue;
        for (const auto &tet : kTets) {
          std::array<int, 4> in{}, out{};
          int nin = 0, nout = 0;
          for (int c : tet)
            (values[idx[c]] < 0.0f ? in[nin++] : out[nout++]) = c;
          auto v = [&](int a, int b) { return vertexOn(idx[a], idx[b], pos[a], pos[b]); };
          auto emit = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
            mesh.indices.insert(mesh.indices.end(), {a, b, c});
          };
          if (nin == 1) {
            const int a = in[0], b = out[0], c = out[1], d = out[2];
            // With a positively oriented (a,b,c,d) the triangle (ab, ac, ad) faces away from a.
            if (orientation(a, b, c, d) > 0)
              emit(v(a, b), v(a, c), v(a, d));
            else
              emit(v(a, b), v(a, d), v(a, c));
          } else if (nin == 3) {
            const int a = out[0], b = in[0], c = in[1], d = in[2];
            if (orientation(a, b, c, d) > 0)
              emit(v(b, a), v(d, a), v(c, a));
            else
              emit(v(b, a), v(c, a), v(d, a));
          } else if (nin == 2) {
            const int a = in[0], b = in[1];
            int c = out[0], d = out[1];
            if (orientation(a, b, c, d) < 0)
              std::swap(c, d);
            emit(v(a, c), v(b, d), v(b, c));
            emit(v(a, c), v(a, d), v(b, d));
          }
        }
      }
  return mesh;
}

void projectOntoSurface(MeshData &mesh, const Sdf &f, float step) {
  const std::vector<glm::vec3> before = mesh.positions;
  const float reach = 0.5f * step, h = 0.1f * step;
  auto work = [&](std::size_t first, std::size_t stride) {
    for (std::size_t v = first; v < before.size(); v += stride) {
      const glm::vec3 start = before[v];
      glm::vec3 p = start;
      float d = f(p);
      for (int i = 0; i < 3 && std::abs(d) > 1e-4f * step; ++i) {
        const glm::vec3 g(f(p + glm::vec3(h, 0, 0)) - f(p - glm::vec3(h, 0, 0)),
                          f(p + glm::vec3(0, h, 0)) - f(p - glm::vec3(0, h, 0)),
                          f(p + glm::vec3(0, 0, h)) - f(p - glm::vec3(0, 0, h)));
        const float g2 = glm::dot(g, g);
        if (g2 < 1e-12f)
          break;
        // Newton on f along its gradient: the step is d / |grad f|, so a distance bound whose slope
        // is not one (a smooth union, a scaled field) still lands on the surface.
        glm::vec3 next = p - g * (d * 2.0f * h / g2);
        const glm::vec3 moved = next - start;
        if (glm::length(moved) > reach)
          next = start + moved * (reach / glm::length(moved));
        const float dn = f(next);
        if (std::abs(dn) >= std::abs(d))
          break;
        p = next;
        d = dn;
      }
      mesh.positions[v] = p;
    }
  };
  std::thread helper(work, 1, 2);
  work(0, 2);
  helper.join();
  // Undo the move of every vertex of a triangle that it turned over (or squashed flat).
  std::vector<bool> undo(before.size(), false);
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    const glm::vec3 was = glm::cross(before[b] - before[a], before[c] - before[a]);
    const glm::vec3 now =
        glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    if (glm::dot(was, now) <= 0.25f * glm::dot(was, was))
      undo[a] = undo[b] = undo[c] = true;
  }
  for (std::size_t v = 0; v < before.size(); ++v)
    if (undo[v])
      mesh.positions[v] = before[v];
}

void dropSpecks(MeshData &mesh, float share) {
  const std::size_t triangles = mesh.indices.size() / 3;
  if (triangles == 0)
    return;
  const MeshPieces pieces = meshPieces(mesh);
  const float least =
      share * static_cast<float>(*std::max_element(pieces.triangles.begin(), pieces.triangles.end()));
  std::vector<std::uint32_t> kept;
  kept.reserve(mesh.indices.size());
  for (std::size_t t = 0; t < triangles; ++t)
    if (static_cast<float>(pieces.triangles[pieces.of[t]]) >= least)
      kept.insert(kept.end(), mesh.indices.begin() + static_cast<std::ptrdiff_t>(3 * t),
                  mesh.indices.begin() + static_cast<std::ptrdiff_t>(3 * t + 3));
  if (kept.size() == mesh.indices.size())
    return;
  // Renumber the vertices still used, in their old order, so the result stays deterministic.
  constexpr std::uint32_t kUnused = 0xffffffffu;
  std::vector<std::uint32_t> renumber(mesh.positions.size(), kUnused);
  for (const std::uint32_t v : kept)
    renumber[v] = 0;
  std::vector<glm::vec3> positions;
  for (std::uint32_t v = 0; v < renumber.size(); ++v)
    if (renumber[v] != kUnused) {
      renumber[v] = static_cast<std::uint32_t>(positions.size());
      positions.push_back(mesh.positions[v]);
    }
  for (std::uint32_t &v : kept)
    v = renumber[v];
  mesh.positions = std::move(positions);
  mesh.indices = std::move(kept);
  mesh.normals.clear();
}

void simplifyMesh(MeshData &mesh, const MeshingOptions &options) {
  if (mesh.indices.empty())
    return;
  const float scale = meshopt_simplifyScale(&mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3));
  // Edge collapses can, rarely, pinch two sheets together. Each stage tries a few nearby triangle
  // targets and keeps the first result that is still a closed 2-manifold; when none is, it halves the
  // count instead and tries again from there, and otherwise keeps the last good mesh.
  auto attempt = [&](std::size_t target) {
    std::vector<std::uint32_t> simplified(mesh.indices.size());
    float achieved = 0.0f;
    simplified.resize(meshopt_simplify(simplified.data(), mesh.indices.data(), mesh.indices.size(),
                                       &mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3), target,
                                       options.maxError / scale, 0, &achieved));
    removeFins(simplified);
    MeshData candidate;
    candidate.positions = mesh.positions;
    candidate.indices = simplified;
    splitPinchedVertices(candidate);
    const MeshCheck check = checkMesh(candidate);
    const bool progress = simplified.size() < mesh.indices.size() * 9 / 10;
    if (std::getenv("ATLAS_MODELGEN_DEBUG"))
      std::fprintf(stderr, "simplify %zu -> %zu (target %zu): boundary %zu nonmanifold %zu\n",
                   mesh.indices.size() / 3, simplified.size() / 3, target / 3, check.boundaryEdges,
                   check.nonManifoldEdges);
    if (check.closedManifold() && check.degenerateTriangles == 0 && !simplified.empty() && progress) {
      mesh = std::move(candidate);
      return true;
    }
    return false;
  };
  const std::size_t goal = options.targetTriangles * 3;
  while (options.targetTriangles > 0 && goal < mesh.indices.size()) {
    bool accepted = false;
    for (std::size_t percent : {100, 104, 110, 120, 135})
      if (!accepted && goal * percent / 100 < mesh.indices.size())
        accepted = attempt(goal * percent / 100 / 3 * 3);
    if (accepted)
      break;
    for (std::size_t percent : {50, 46, 54, 40})
      if (!accepted)
        accepted = attempt(std::max(goal, mesh.indices.size() * percent / 100 / 3 * 3));
    if (!accepted)
      break;
  }
  meshopt_optimizeVertexCache(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(),
                              mesh.positions.size());
  std::vector<glm::vec3> compact(mesh.positions.size());
  const std::size_t count =
      meshopt_optimizeVertexFetch(compact.data(), mesh.indices.data(), mesh.indices.size(),
                                  mesh.positions.data(), mesh.positions.size(), sizeof(glm::vec3));
  compact.resize(count);
  mesh.positions = std::move(compact);
}

} // namespace atlas::modelgen
