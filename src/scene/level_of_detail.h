// Level of detail: each mesh gets a coarse index list over the same vertices (meshoptimizer's
// simplifier, about a tenth of the triangles) with the geometric error it makes. It is drawn while
// the camera moves (a software renderer cannot draw every triangle in a frame's time), and in still
// frames wherever its error projects to less than half a pixel, e.g. a whole vertebra seen from
// across the room. Built on a worker thread, so no frame waits for it. Pure CPU work: no GL.
#pragma once

#include "scene/scene.h"

#include <cstdint>
#include <future>
#include <optional>
#include <vector>

namespace atlas {

struct SimplifyTarget {
  float triangleRatio = 0.12f;    // keep about this share of the triangles
  float maxError = 0.01f;         // relative to the mesh's extent: 1 % of a 60 mm vertebra is 0.6 mm
  std::size_t minTriangles = 512; // smaller meshes are cheap already and keep every triangle
};

struct CoarseMesh {
  std::vector<std::uint32_t> indices; // over the full mesh's vertices; empty: the mesh is kept whole
  float error = 0.0f;                 // the largest deviation from the full mesh, model units (m)
};

// A coarse version of `mesh`; empty when the mesh is kept as it is (small, or the simplifier could
// not remove enough to be worth a second index list).
CoarseMesh simplifyForMotion(const MeshData &mesh, const SimplifyTarget &target = {});

// The mesh's own coarse list when it carries one (from the file), otherwise simplifyForMotion.
CoarseMesh coarseMeshFor(const MeshData &mesh, const SimplifyTarget &target = {});

// Stores simplifyForMotion's result in every mesh of `scene` (MeshData::coarseIndices), for a writer
// to carry in the file: the model generator does this so the viewer's start-up does not simplify.
void attachCoarseMeshes(Scene &scene, const SimplifyTarget &target = {});

// Coarse meshes of a whole scene: [structure][mesh].
struct MotionDetail {
  std::uint64_t sceneGeneration = 0;
  std::vector<std::vector<CoarseMesh>> meshes;
  std::size_t fullTriangles = 0, coarseTriangles = 0; // over the scene, coarse counting kept meshes
};

MotionDetail buildMotionDetail(const Scene &scene, std::uint64_t sceneGeneration,
                               const SimplifyTarget &target = {});
// The same, moving the file's coarse lists out of `scene` instead of copying them (the loading
// worker: the scene does not need them once the motion detail has them).
MotionDetail takeMotionDetail(Scene &scene, std::uint64_t sceneGeneration, const SimplifyTarget &target = {});

// Runs buildMotionDetail on a worker thread over a copy of the meshes' positions and indices, so
// the scene can change (or be replaced) while it runs; the result names the generation it is for.
class MotionDetailBuilder {
public:
  void start(const Scene &scene, std::uint64_t sceneGeneration);
  bool running() const { return pending_.valid(); }
  // The result once the worker has finished (without waiting); nullopt while it runs or when
  // nothing was started.
  std::optional<MotionDetail> takeIfReady();
  std::optional<MotionDetail> wait(); // blocks until the worker is done (benchmarks, tests)
  std::uint64_t startedGeneration() const { return generation_; }

private:
  std::future<MotionDetail> pending_;
  std::uint64_t generation_ = 0;
};

} // namespace atlas
