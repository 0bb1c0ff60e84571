// Axis-aligned bounding box in model space (metres).
#pragma once

#include <glm/glm.hpp>
#include <limits>

namespace atlas {

struct Bounds {
  glm::vec3 min{std::numeric_limits<float>::max()};
  glm::vec3 max{-std::numeric_limits<float>::max()};

  bool empty() const { return min.x > max.x; }
  void extend(const glm::vec3 &p) {
    min = glm::min(min, p);
    max = glm::max(max, p);
  }
  void extend(const Bounds &b) {
    if (!b.empty()) {
      extend(b.min);
      extend(b.max);
    }
  }
  glm::vec3 center() const { return (min + max) * 0.5f; }
  glm::vec3 size() const { return empty() ? glm::vec3(0.0f) : max - min; }
  float radius() const { return empty() ? 0.0f : glm::length(max - min) * 0.5f; }
};

} // namespace atlas
