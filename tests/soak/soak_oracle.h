// Independent answers the soak checks the app against. They share no code with what they check: a
// click is answered by testing every triangle of the model (not the picking index), and whether a
// frame shows the model is answered by casting rays at a grid of pixels and comparing each with an
// image of the empty background.
#pragma once

#include "core/image.h"
#include "scene/camera.h"
#include "scene/scene.h"
#include "scene/view_state.h"

#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace atlas::soak {

struct OracleHit {
  int structure = -1; // -1: the ray meets nothing accepted
  float distance = std::numeric_limits<float>::infinity();
};

// Built once per model: the boxes of every mesh, so each ray skips the meshes it cannot meet. The
// scene must outlive it (the driver makes a new one after a reload).
class Oracle {
public:
  explicit Oracle(const Scene &scene);

  // The nearest triangle the ray crosses (either face), among structures `accept` takes.
  OracleHit nearestHit(const Ray &ray, const std::function<bool(int)> &accept) const;

  // What a click selects, by the rule the user sees: the nearest solid (shown, not x-ray) part, and
  // only when the ray meets none of those, the nearest x-ray part. Hidden parts are never hit.
  OracleHit clickTarget(const ViewState &view, const Ray &ray) const;

  // Does the app's pick agree? The same part, or another part met at the same depth within
  // `tolerance` (where two surfaces meet, either is right); a miss only when the oracle misses too.
  bool pickAgrees(const ViewState &view, const Ray &ray, int picked, float tolerance, std::string *why) const;

  // A frame drawn without the interface over the whole image, checked at grid x grid pixels: where a
  // ray through the pixel meets a drawn part, the pixel must differ from the empty background, and
  // where it meets nothing, equal it. Silhouettes round differently in the rasteriser and the ray,
  // so up to `allowedMisses` pixels of each kind may disagree. Returns "" or what disagreed.
  std::string framesTheModel(const ViewState &view, const Camera &camera, const Image &frame,
                             const Image &background, int grid, int allowedMisses) const;

private:
  struct MeshRef {
    int structure;
    const MeshData *mesh;
    Bounds box;
  };
  std::vector<MeshRef> meshes_;
};

} // namespace atlas::soak
