#include "modelgen/muscle_sections.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace atlas::modelgen {

MuscleSection measureSection(const SurfaceIndex &muscle, const glm::vec3 &centre, const glm::vec3 &tangent,
                             int rays) {
  MuscleSection out;
  out.centre = centre;
  if (glm::length(tangent) < 1e-6f || !muscle.inside(centre))
    return out;
  const glm::vec3 t = glm::normalize(tangent);
  // Any two unit axes spanning the section plane.
  const glm::vec3 helper = std::abs(t.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
  const glm::vec3 u = glm::normalize(glm::cross(t, helper)), v = glm::cross(t, u);
  std::vector<glm::vec2> outline;
  for (int i = 0; i < rays; ++i) {
    const float a = 6.2831853f * static_cast<float>(i) / static_cast<float>(rays);
    const glm::vec2 d(std::cos(a), std::sin(a));
    const std::vector<float> hits = muscle.rayCrossings(centre, u * d.x + v * d.y);
    if (!hits.empty())
      outline.push_back(d * hits.front());
  }
  if (outline.size() < static_cast<std::size_t>(rays) / 2)
    return out;
  float widest = 0.0f, narrowest = 1e9f;
  for (int k = 0; k < 180; ++k) {
    const float a = 3.14159265f * static_cast<float>(k) / 180.0f;
    const glm::vec2 axis(std::cos(a), std::sin(a));
    float lo = 1e9f, hi = -1e9f;
    for (const glm::vec2 &p : outline) {
      lo = std::min(lo, glm::dot(p, axis));
      hi = std::max(hi, glm::dot(p, axis));
    }
    widest = std::max(widest, hi - lo);
    narrowest = std::min(narrowest, hi - lo);
  }
  // The outline's points run round the centre in angle order: the shoelace sum over them.
  float twice = 0.0f;
  for (std::size_t i = 0; i < outline.size(); ++i) {
    const glm::vec2 &a = outline[i], &b = outline[(i + 1) % outline.size()];
    twice += a.x * b.y - a.y * b.x;
  }
  out.found = true;
  out.tangent = t;
  for (const glm::vec2 &p : outline)
    out.outline.push_back(centre + u * p.x + v * p.y);
  out.width = widest;
  out.thickness = narrowest;
  out.area = 0.5f * std::abs(twice);
  return out;
}

MuscleSection measureSectionAt(const SurfaceIndex &muscle, const std::map<std::string, glm::vec3> &points,
                               const std::string &name) {
  auto at = points.find(name), next = points.find(name + "_next");
  if (at == points.end() || next == points.end())
    return {};
  return measureSection(muscle, at->second, next->second - at->second);
}

float apparentWidth(const MuscleSection &section, const glm::vec3 &view) {
  if (!section.found)
    return 0.0f;
  const glm::vec3 across = glm::cross(glm::normalize(view), section.tangent);
  if (glm::length(across) < 1e-3f)
    return 0.0f;
  const glm::vec3 a = glm::normalize(across);
  float lo = 1e9f, hi = -1e9f;
  for (const glm::vec3 &p : section.outline) {
    lo = std::min(lo, glm::dot(p - section.centre, a));
    hi = std::max(hi, glm::dot(p - section.centre, a));
  }
  return hi - lo;
}

} // namespace atlas::modelgen
