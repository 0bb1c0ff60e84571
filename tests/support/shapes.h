// Simple closed meshes for test fixtures: made here, never downloaded.
#pragma once

#include "scene/mesh_data.h"

namespace atlas::test {

MeshData makeBox(const glm::vec3 &center, const glm::vec3 &halfSize, const glm::vec4 &color);
MeshData makeSphere(const glm::vec3 &center, float radius, int rings, int segments, const glm::vec4 &color);
// A closed tube along +X from `start`, with flat caps.
MeshData makeCylinderX(const glm::vec3 &start, float length, float radius, int segments,
                       const glm::vec4 &color);

} // namespace atlas::test
