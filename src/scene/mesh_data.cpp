#include "scene/mesh_data.h"

namespace atlas {

Bounds MeshData::bounds() const {
  Bounds b;
  for (const glm::vec3 &p : positions)
    b.extend(p);
  return b;
}

void computeSmoothNormals(MeshData &mesh) {
  mesh.normals.assign(mesh.positions.size(), glm::vec3(0.0f));
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const std::uint32_t a = mesh.indices[i], b = mesh.indices[i + 1], c = mesh.indices[i + 2];
    // The cross product's length is twice the area, so larger faces weigh more.
    const glm::vec3 n =
        glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    mesh.normals[a] += n;
    mesh.normals[b] += n;
    mesh.normals[c] += n;
  }
  for (glm::vec3 &n : mesh.normals) {
    const float len = glm::length(n);
    n = len > 0.0f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f);
  }
}

} // namespace atlas
