// A large synthetic scene for the picking and memory benchmarks: finely subdivided spheres and
// curved tubes laid out in a block about the size of the bundled model, ~2 million triangles.
#pragma once

#include "scene/scene.h"

#include <cstddef>

namespace atlas::bench {

// About `targetTriangles` triangles, half in spheres (System::Bone) and half in tubes
// (System::Nerve), each structure ~10,000 triangles.
Scene generateLargeScene(std::size_t targetTriangles = 2'000'000);

} // namespace atlas::bench
