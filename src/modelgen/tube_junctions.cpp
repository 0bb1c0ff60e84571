#include "modelgen/tube_junctions.h"

#include <algorithm>

namespace atlas::modelgen {
namespace {

float distanceToSegment(const glm::vec3 &p, const glm::vec3 &a, const glm::vec3 &b) {
  const glm::vec3 ab = b - a;
  const float len2 = glm::dot(ab, ab);
  const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
  return glm::length(p - (a + ab * t));
}

float distanceToCurve(const glm::vec3 &p, const std::vector<glm::vec3> &curve) {
  if (curve.size() == 1)
    return glm::length(p - curve.front());
  float best = 1e30f;
  for (std::size_t i = 0; i + 1 < curve.size(); ++i)
    best = std::min(best, distanceToSegment(p, curve[i], curve[i + 1]));
  return best;
}

} // namespace

std::map<std::string, std::vector<std::string>> tubeJunctions(const std::vector<TubeCurve> &tubes,
                                                              float slackMm) {
  std::map<std::string, std::vector<std::string>> out;
  for (const TubeCurve &tube : tubes) {
    if (tube.curve.empty())
      continue;
    for (const TubeCurve &other : tubes) {
      if (&other == &tube || other.system != tube.system || other.curve.empty())
        continue;
      const float reach = other.radius + slackMm;
      if (distanceToCurve(tube.curve.front(), other.curve) <= reach ||
          distanceToCurve(tube.curve.back(), other.curve) <= reach)
        out[tube.id].push_back(other.id);
    }
  }
  for (auto &[id, list] : out) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return out;
}

} // namespace atlas::modelgen
