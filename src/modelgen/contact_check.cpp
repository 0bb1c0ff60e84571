#include "modelgen/contact_check.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace atlas::modelgen {
namespace {

using glm::vec3;

// Closest point of triangle abc to p (Ericson, Real-Time Collision Detection §5.1.5).
vec3 closestOnTriangle(const vec3 &p, const vec3 &a, const vec3 &b, const vec3 &c) {
  const vec3 ab = b - a, ac = c - a, ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0 && d2 <= 0)
    return a;
  const vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0 && d4 <= d3)
    return b;
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0)
    return a + ab * (d1 / (d1 - d3));
  const vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0 && d5 <= d6)
    return c;
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0)
    return a + ac * (d2 / (d2 - d6));
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0)
    return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
  const float denom = 1.0f / (va + vb + vc);
  return a + ab * (vb * denom) + ac * (vc * denom);
}

struct Crossing {
  float at;
  bool front; // which way the triangle faces along the ray
};

// A ray through a shared edge or vertex hits every triangle there: one crossing of the surface
// where those triangles face the same way.
std::vector<float> merged(std::vector<Crossing> hits) {
  std::sort(hits.begin(), hits.end(), [](const Crossing &l, const Crossing &r) { return l.at < r.at; });
  std::vector<float> out;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const float eps = 1e-5f * (1.0f + std::abs(hits[i].at)); // float rounding of one crossing
    if (i > 0 && hits[i].at - hits[i - 1].at < eps && hits[i].front == hits[i - 1].front)
      continue;
    out.push_back(hits[i].at);
  }
  return out;
}

} // namespace

SurfaceIndex::SurfaceIndex(const std::vector<MeshData> &meshes, float scale, float cell) : cell_(cell) {
  bool first = true;
  for (const MeshData &m : meshes) {
    for (const vec3 &p : m.positions) {
      const vec3 q = p * scale;
      vertices_.push_back(q);
      lo_ = first ? q : glm::min(lo_, q);
      hi_ = first ? q : glm::max(hi_, q);
      first = false;
    }
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
      tris_.push_back({m.positions[m.indices[t]] * scale, m.positions[m.indices[t + 1]] * scale,
                       m.positions[m.indices[t + 2]] * scale});
  }
  if (tris_.empty())
    return;
  lo_ -= vec3(cell_ * 0.5f);
  hi_ += vec3(cell_ * 0.5f);
  // Distance queries use cells twice as coarse as the ray columns: fewer, fuller cells.
  const float c3 = cell_ * 2.0f;
  for (int k = 0; k < 3; ++k)
    dims_[k] = std::max(1, static_cast<int>(std::ceil((hi_[k] - lo_[k]) / c3)));
  cells3_.resize(static_cast<std::size_t>(dims_.x) * dims_.y * dims_.z);
  for (int k = 0; k < 3; ++k) {
    Grid2 &g = columns_[k];
    g.axis = k;
    const int u = (k + 1) % 3, v = (k + 2) % 3;
    g.nu = std::max(1, static_cast<int>(std::ceil((hi_[u] - lo_[u]) / cell_)));
    g.nv = std::max(1, static_cast<int>(std::ceil((hi_[v] - lo_[v]) / cell_)));
    g.cells.resize(static_cast<std::size_t>(g.nu) * g.nv);
  }
  for (std::size_t t = 0; t < tris_.size(); ++t) {
    const Tri &tr = tris_[t];
    const vec3 lo = glm::min(tr.a, glm::min(tr.b, tr.c)), hi = glm::max(tr.a, glm::max(tr.b, tr.c));
    glm::ivec3 i0, i1;
    for (int k = 0; k < 3; ++k) {
      i0[k] = std::clamp(static_cast<int>((lo[k] - lo_[k]) / c3), 0, dims_[k] - 1);
      i1[k] = std::clamp(static_cast<int>((hi[k] - lo_[k]) / c3), 0, dims_[k] - 1);
    }
    for (int z = i0.z; z <= i1.z; ++z)
      for (int y = i0.y; y <= i1.y; ++y)
        for (int x = i0.x; x <= i1.x; ++x)
          cells3_[(static_cast<std::size_t>(z) * dims_.y + y) * dims_.x + x].push_back(static_cast<int>(t));
    for (Grid2 &g : columns_) {
      const int u = (g.axis + 1) % 3, v = (g.axis + 2) % 3;
      const int u0 = cellIndex(lo[u], u, g.nu), u1 = cellIndex(hi[u], u, g.nu);
      const int v0 = cellIndex(lo[v], v, g.nv), v1 = cellIndex(hi[v], v, g.nv);
      for (int j = v0; j <= v1; ++j)
        for (int i = u0; i <= u1; ++i)
          g.cells[static_cast<std::size_t>(j) * g.nu + i].push_back(static_cast<int>(t));
    }
  }
}

int SurfaceIndex::cellIndex(float v, int axis, int n) const {
  return std::clamp(static_cast<int>((v - lo_[axis]) / cell_), 0, n - 1);
}

const std::vector<int> &SurfaceIndex::column(const vec3 &p, int axis) const {
  const Grid2 &g = columns_[axis];
  const int u = (axis + 1) % 3, v = (axis + 2) % 3;
  if (tris_.empty() || p[u] < lo_[u] || p[u] > hi_[u] || p[v] < lo_[v] || p[v] > hi_[v])
    return none_;
  return g.cells[static_cast<std::size_t>(cellIndex(p[v], v, g.nv)) * g.nu + cellIndex(p[u], u, g.nu)];
}

std::vector<float> SurfaceIndex::axisCrossings(const vec3 &p, int axis) const {
  const int u = (axis + 1) % 3, v = (axis + 2) % 3;
  // The meshes come off one sampling grid, so a line from one mesh's vertex along an axis can run
  // exactly through another mesh's edges, where the crossing is counted twice or not at all (a C6
  // vertex read as 0.86 mm inside C5). Moving the line a ten-thousandth of a cell off the grid, by
  // unequal amounts, keeps it off every edge and changes no distance that matters.
  const glm::vec2 q(p[u] + cell_ * 1.37e-4f, p[v] + cell_ * 2.91e-4f);
  std::vector<Crossing> hits;
  for (int t : column(p, axis)) {
    const Tri &tr = tris_[t];
    const glm::vec2 a(tr.a[u], tr.a[v]), b(tr.b[u], tr.b[v]), c(tr.c[u], tr.c[v]);
    const auto edge = [](const glm::vec2 &e0, const glm::vec2 &e1, const glm::vec2 &x) {
      return (e1.x - e0.x) * (x.y - e0.y) - (e1.y - e0.y) * (x.x - e0.x);
    };
    const float area = edge(a, b, c);
    if (std::abs(area) < 1e-12f)
      continue; // parallel to the line
    const float la = edge(b, c, q) / area, lb = edge(c, a, q) / area, lc = edge(a, b, q) / area;
    if (la < 0 || lb < 0 || lc < 0)
      continue;
    hits.push_back({la * tr.a[axis] + lb * tr.b[axis] + lc * tr.c[axis], area > 0});
  }
  return merged(std::move(hits));
}

std::vector<float> SurfaceIndex::rayCrossings(const vec3 &origin, const vec3 &dir) const {
  std::vector<Crossing> hits;
  for (const Tri &tr : tris_) {
    const vec3 e1 = tr.b - tr.a, e2 = tr.c - tr.a, pv = glm::cross(dir, e2);
    const float det = glm::dot(e1, pv);
    if (std::abs(det) < 1e-12f)
      continue;
    const vec3 tv = origin - tr.a;
    const float u = glm::dot(tv, pv) / det;
    if (u < 0 || u > 1)
      continue;
    const vec3 qv = glm::cross(tv, e1);
    const float v = glm::dot(dir, qv) / det;
    if (v < 0 || u + v > 1)
      continue;
    const float t = glm::dot(e2, qv) / det;
    if (t > 0)
      hits.push_back({t, det > 0});
  }
  return merged(std::move(hits));
}

bool SurfaceIndex::inside(const vec3 &p) const {
  if (tris_.empty() || glm::any(glm::lessThan(p, lo_)) || glm::any(glm::greaterThan(p, hi_)))
    return false;
  int votes = 0;
  for (int axis = 0; axis < 3; ++axis) {
    const std::vector<float> along = axisCrossings(p, axis);
    const auto above = std::count_if(along.begin(), along.end(), [&](float a) { return a > p[axis]; });
    votes += above % 2;
  }
  return votes >= 2;
}

float SurfaceIndex::distance(const vec3 &p, vec3 *nearest) const {
  if (tris_.empty())
    return INFINITY;
  const float c3 = cell_ * 2.0f;
  glm::ivec3 home;
  for (int k = 0; k < 3; ++k)
    home[k] = std::clamp(static_cast<int>((p[k] - lo_[k]) / c3), 0, dims_[k] - 1);
  const int maxRing = std::max(dims_.x, std::max(dims_.y, dims_.z));
  float best2 = INFINITY;
  vec3 bestPoint(0.0f);
  for (int r = 0; r <= maxRing; ++r) {
    for (int z = home.z - r; z <= home.z + r; ++z)
      for (int y = home.y - r; y <= home.y + r; ++y)
        for (int x = home.x - r; x <= home.x + r; ++x) {
          if (std::max({std::abs(x - home.x), std::abs(y - home.y), std::abs(z - home.z)}) != r)
            continue; // inner rings are done
          if (x < 0 || y < 0 || z < 0 || x >= dims_.x || y >= dims_.y || z >= dims_.z)
            continue;
          for (int t : cells3_[(static_cast<std::size_t>(z) * dims_.y + y) * dims_.x + x]) {
            const Tri &tr = tris_[t];
            const vec3 q = closestOnTriangle(p, tr.a, tr.b, tr.c);
            const float d2 = glm::dot(q - p, q - p);
            if (d2 < best2) {
              best2 = d2;
              bestPoint = q;
            }
          }
        }
    // Unvisited cells are at least r cells away from p (or from p clamped into the grid, which is
    // no farther from them than p).
    const float reach = static_cast<float>(r) * c3;
    if (best2 <= reach * reach)
      break;
  }
  if (nearest)
    *nearest = bestPoint;
  return std::sqrt(best2);
}

Penetration deepestInside(const SurfaceIndex &a, const SurfaceIndex &b,
                          const std::function<bool(const vec3 &)> &exempt) {
  Penetration out;
  for (const vec3 &v : a.vertices()) {
    if (glm::any(glm::lessThan(v, b.lo())) || glm::any(glm::greaterThan(v, b.hi())) || !b.inside(v))
      continue;
    if (exempt && exempt(v))
      continue;
    const float d = b.distance(v);
    if (d > out.depth) {
      out.depth = d;
      out.where = v;
    }
  }
  return out;
}

namespace {

// "a,b,c" -> {a, b, c}
std::vector<std::string> commaList(const std::string &text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    if (end > start)
      out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool inScope(const Structure &s, ContactScope scope) {
  if (scope == ContactScope::Skeleton)
    return s.system == System::Bone || s.system == System::Disc || s.system == System::Cartilage;
  return s.system != System::Attachment;
}

} // namespace

ContactExemptions::ContactExemptions(const Scene &scene, float footprintMarginMm) {
  for (const Structure &s : scene.structures()) {
    if (s.attachment) {
      const Bounds b = s.bounds();
      footprints_.push_back({s.attachment->muscle, s.attachment->bone,
                             b.min * 1000.0f - vec3(footprintMarginMm),
                             b.max * 1000.0f + vec3(footprintMarginMm)});
    }
    for (const char *key : {"pierces", "joins"}) {
      auto it = s.extras.find(key);
      if (it != s.extras.end())
        for (const std::string &other : commaList(it->second))
          passages_.insert({s.id, other});
    }
  }
}

bool ContactExemptions::allows(const std::string &by, const std::string &into, const vec3 &pointMm) const {
  // A branch and its parent overlap at the junction whichever of them is measured into the other.
  if (passages_.count({by, into}) || passages_.count({into, by}))
    return true;
  for (const Zone &z : footprints_)
    if ((z.muscle == by && z.bone == into) || (z.muscle == into && z.bone == by))
      if (glm::all(glm::greaterThanEqual(pointMm, z.lo)) && glm::all(glm::lessThanEqual(pointMm, z.hi)))
        return true;
  return false;
}

std::vector<Penetration> penetrations(const Scene &scene, float minDepthMm, ContactScope scope) {
  const ContactExemptions exemptions(scene);
  std::vector<const Structure *> solids;
  std::vector<SurfaceIndex> indices;
  for (const Structure &s : scene.structures())
    if (inScope(s, scope)) {
      solids.push_back(&s);
      indices.emplace_back(s.meshes, 1000.0f);
    }
  std::vector<Penetration> out;
  for (std::size_t i = 0; i < solids.size(); ++i)
    for (std::size_t j = i + 1; j < solids.size(); ++j) {
      const SurfaceIndex &a = indices[i], &b = indices[j];
      if (a.empty() || b.empty() || glm::any(glm::lessThan(a.hi(), b.lo())) ||
          glm::any(glm::lessThan(b.hi(), a.lo())))
        continue;
      const std::string &idA = solids[i]->id, &idB = solids[j]->id;
      Penetration ab = deepestInside(a, b, [&](const vec3 &v) { return exemptions.allows(idA, idB, v); });
      Penetration ba = deepestInside(b, a, [&](const vec3 &v) { return exemptions.allows(idB, idA, v); });
      ab.by = idA;
      ab.into = idB;
      ba.by = idB;
      ba.into = idA;
      const Penetration &deeper = ab.depth >= ba.depth ? ab : ba;
      if (deeper.depth > minDepthMm)
        out.push_back(deeper);
    }
  std::sort(out.begin(), out.end(), [](const Penetration &l, const Penetration &r) {
    return l.depth != r.depth ? l.depth > r.depth : l.by + l.into < r.by + r.into;
  });
  return out;
}

// ": 1.50 mm at (x, y, z) mm", the tail of both kinds of report.
static std::string millimetresAt(float value, const vec3 &where) {
  char text[160];
  std::snprintf(text, sizeof text, ": %.2f mm at (%.1f, %.1f, %.1f) mm", value, where.x, where.y, where.z);
  return text;
}

std::string describe(const Penetration &p) {
  return p.by + " into " + p.into + millimetresAt(p.depth, p.where);
}

JointGap gapNear(const SurfaceIndex &part, const SurfaceIndex &facetBone, const vec3 &near, float radius) {
  JointGap out;
  out.gap = INFINITY;
  for (const vec3 &v : part.vertices()) {
    if (glm::dot(v - near, v - near) > radius * radius)
      continue;
    const float d = facetBone.distance(v);
    const float signedGap = facetBone.inside(v) ? -d : d;
    if (signedGap < out.gap) {
      out.gap = signedGap;
      out.where = v;
    }
  }
  return out;
}

std::vector<JointGap> costalJointGaps(const Scene &scene,
                                      const std::map<std::string, std::vector<std::string>> &costalFacets,
                                      const std::map<std::string, vec3> &leftPointsMm, float radius) {
  std::vector<JointGap> out;
  std::map<std::string, SurfaceIndex> indices; // built once per structure
  const auto indexOf = [&](const std::string &id) -> const SurfaceIndex * {
    auto it = indices.find(id);
    if (it == indices.end()) {
      const Structure *s = scene.find(id);
      if (!s)
        return nullptr;
      it = indices.emplace(id, SurfaceIndex(s->meshes, 1000.0f)).first;
    }
    return &it->second;
  };
  for (const auto &[vertebra, points] : costalFacets)
    for (const std::string &point : points) {
      const auto dot = point.find('.');
      const auto at = leftPointsMm.find(point);
      if (dot == std::string::npos || at == leftPointsMm.end())
        continue;
      for (const char *side : {"_left", "_right"}) {
        const std::string rib = point.substr(0, dot) + side;
        const vec3 near = side[1] == 'l' ? at->second : vec3(-at->second.x, at->second.y, at->second.z);
        const SurfaceIndex *part = indexOf(rib), *bone = indexOf(vertebra);
        JointGap g;
        g.part = rib + point.substr(dot);
        g.facet = vertebra;
        g.gap = INFINITY;
        g.where = near;
        if (part && bone) {
          const JointGap measured = gapNear(*part, *bone, near, radius);
          g.gap = measured.gap;
          if (std::isfinite(measured.gap))
            g.where = measured.where;
        }
        out.push_back(g);
      }
    }
  return out;
}

std::string describe(const JointGap &g) {
  return g.part + " to " + g.facet + millimetresAt(g.gap, g.where);
}

} // namespace atlas::modelgen
