#include "soak/soak_oracle.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace atlas::soak {
namespace {

// Slab test: does the ray meet the box before `limit`?
bool meetsBox(const Bounds &b, const Ray &ray, float limit) {
  float near = 0.0f, far = limit;
  for (int axis = 0; axis < 3; ++axis) {
    const float d = ray.direction[axis];
    if (std::fabs(d) < 1e-12f) {
      if (ray.origin[axis] < b.min[axis] || ray.origin[axis] > b.max[axis])
        return false;
      continue;
    }
    float t0 = (b.min[axis] - ray.origin[axis]) / d, t1 = (b.max[axis] - ray.origin[axis]) / d;
    if (t0 > t1)
      std::swap(t0, t1);
    near = std::max(near, t0);
    far = std::min(far, t1);
    if (near > far)
      return false;
  }
  return true;
}

// Möller–Trumbore, both faces; the distance along the ray or a negative value for a miss.
float crossing(const Ray &ray, const glm::vec3 &a, const glm::vec3 &b, const glm::vec3 &c) {
  const glm::vec3 e1 = b - a, e2 = c - a;
  const glm::vec3 p = glm::cross(ray.direction, e2);
  const float det = glm::dot(e1, p);
  if (std::fabs(det) < 1e-14f)
    return -1.0f;
  const float inv = 1.0f / det;
  const glm::vec3 s = ray.origin - a;
  const float u = glm::dot(s, p) * inv;
  if (u < 0.0f || u > 1.0f)
    return -1.0f;
  const glm::vec3 q = glm::cross(s, e1);
  const float v = glm::dot(ray.direction, q) * inv;
  if (v < 0.0f || u + v > 1.0f)
    return -1.0f;
  const float t = glm::dot(e2, q) * inv;
  return t > 0.0f ? t : -1.0f;
}

bool differs(const std::uint8_t *a, const std::uint8_t *b, int tolerance) {
  for (int c = 0; c < 3; ++c)
    if (std::abs(static_cast<int>(a[c]) - static_cast<int>(b[c])) > tolerance)
      return true;
  return false;
}

} // namespace

Oracle::Oracle(const Scene &scene) {
  const auto &structures = scene.structures();
  for (std::size_t s = 0; s < structures.size(); ++s)
    for (const MeshData &mesh : structures[s].meshes)
      meshes_.push_back({static_cast<int>(s), &mesh, mesh.bounds()});
}

OracleHit Oracle::nearestHit(const Ray &ray, const std::function<bool(int)> &accept) const {
  OracleHit best;
  for (const MeshRef &ref : meshes_) {
    if (!accept(ref.structure) || !meetsBox(ref.box, ray, best.distance))
      continue;
    const MeshData &mesh = *ref.mesh;
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
      const float t = crossing(ray, mesh.positions[mesh.indices[i]], mesh.positions[mesh.indices[i + 1]],
                               mesh.positions[mesh.indices[i + 2]]);
      if (t > 0.0f && t < best.distance)
        best = {ref.structure, t};
    }
  }
  return best;
}

OracleHit Oracle::clickTarget(const ViewState &view, const Ray &ray) const {
  const OracleHit solid = nearestHit(
      ray, [&view](int s) { return view.isDrawn(s) && view.visibility(s) == Visibility::Visible; });
  if (solid.structure >= 0)
    return solid;
  return nearestHit(ray,
                    [&view](int s) { return view.isDrawn(s) && view.visibility(s) == Visibility::Ghosted; });
}

bool Oracle::pickAgrees(const ViewState &view, const Ray &ray, int picked, float tolerance,
                        std::string *why) const {
  const OracleHit expected = clickTarget(view, ray);
  auto say = [why](const std::string &text) {
    if (why)
      *why = text;
    return false;
  };
  if (expected.structure == picked)
    return true;
  if (expected.structure < 0)
    return say("the click selected structure " + std::to_string(picked) + " where the ray meets nothing");
  if (picked < 0)
    return say("the click selected nothing where the ray meets structure " +
               std::to_string(expected.structure));
  // Another part: right only if the ray meets it as near as the oracle's, in the same layer.
  const Visibility layer = view.visibility(expected.structure);
  const OracleHit other = nearestHit(ray, [picked, layer, &view](int s) {
    return s == picked && view.isDrawn(s) && view.visibility(s) == layer;
  });
  if (other.structure == picked && other.distance <= expected.distance + tolerance)
    return true;
  return say("the click selected structure " + std::to_string(picked) + ", the ray meets structure " +
             std::to_string(expected.structure) + " first");
}

std::string Oracle::framesTheModel(const ViewState &view, const Camera &camera, const Image &frame,
                                   const Image &background, int grid, int allowedMisses) const {
  if (frame.width != background.width || frame.height != background.height || frame.empty())
    return "the frame and the background image differ in size";
  int blankWhereHit = 0, drawnWhereEmpty = 0, hits = 0;
  for (int gy = 0; gy < grid; ++gy)
    for (int gx = 0; gx < grid; ++gx) {
      const int x = (2 * gx + 1) * frame.width / (2 * grid), y = (2 * gy + 1) * frame.height / (2 * grid);
      const Ray ray = camera.rayThroughPixel(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f,
                                             frame.width, frame.height);
      const bool hit = nearestHit(ray, [&view](int s) { return view.isDrawn(s); }).structure >= 0;
      const bool drawn = differs(frame.pixel(x, y), background.pixel(x, y), 3);
      hits += hit ? 1 : 0;
      if (hit && !drawn)
        ++blankWhereHit;
      if (!hit && drawn)
        ++drawnWhereEmpty;
    }
  if (blankWhereHit > allowedMisses)
    return std::to_string(blankWhereHit) + " of " + std::to_string(hits) +
           " sampled pixels where a ray meets the model show only the background";
  if (drawnWhereEmpty > allowedMisses)
    return std::to_string(drawnWhereEmpty) + " of " + std::to_string(grid * grid - hits) +
           " sampled pixels where a ray meets nothing are not the background";
  return {};
}

} // namespace atlas::soak
