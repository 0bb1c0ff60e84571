// Picking: which structure a ray hits first. A bounding-volume hierarchy over every triangle of the
// scene, built once per model; visibility is applied at query time so hiding needs no rebuild.
#pragma once

#include "scene/camera.h"
#include "scene/scene.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace atlas {

struct PickHit {
  int structure = -1;
  float distance = 0.0f;
  glm::vec3 point{0.0f};
};

class PickingIndex {
public:
  PickingIndex() = default;
  explicit PickingIndex(const Scene &scene);

  // Nearest hit among structures for which `accept(structureIndex)` is true.
  std::optional<PickHit> pick(const Ray &ray, const std::function<bool(int)> &accept) const;

  std::size_t triangleCount() const { return triangles_.size(); }
  std::size_t nodeCount() const { return nodes_.size(); }

private:
  struct Triangle {
    glm::vec3 v0, e1, e2;
    std::int32_t structure;
  };
  struct Node {
    Bounds bounds;
    std::uint32_t first = 0; // leaf: first triangle
    std::uint32_t count = 0; // leaf: triangle count; 0 marks an inner node
    std::uint32_t left = 0, right = 0;
  };
  std::uint32_t build(std::uint32_t first, std::uint32_t count, std::vector<std::uint32_t> &order,
                      const std::vector<glm::vec3> &centroids);

  std::vector<Triangle> triangles_;
  std::vector<Node> nodes_;
};

} // namespace atlas
