// Lecturer review of the bones, ninth pass (second round), measured on the model under test (the
// committed model, or the draft ATLAS_ROUTES_GLB names): from the side, C2's spine tapers from a massive
// root to its bifid end.
// Millimetres, frame of REFERENCE.md §1 (+X left, +Y up, +Z forward). Each failure names the numbers.
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen/spec.h"
#include "modelgen_test_support.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace atlas;
using modelgen::SurfaceIndex;

TEST_CASE("model: C2's spine tapers from a tall root to its bifid tip", "[model][bones][bones-ninth]") {
  // Gray's Anatomy 41st ed. (the axis): the spinous process is large and very strong, deep at its root,
  // bifid at its end; REFERENCE §2.5. Ninth pass (lecturer, b11): from the side a bar of even height.
  // Heights of the spine cut by the planes z = const (|x| <= 6 mm, within 15 mm of the tip's height),
  // every 0.5 mm from 4 mm (the tubercles) to 12 mm (the root, where it meets the laminae) in front of
  // its back-most point: the tallest section, near the root, is at least 18 mm tall and at least 6.5 mm
  // taller than the one 4 mm from the end (before, 16.7 and 5 mm: an even bar).
  const SurfaceIndex &bone = test::surfaceOf("c2");
  const glm::vec3 tip = test::spineTipMm(bone);
  auto heightAt = [&](float z) {
    float lo = 1e9f, hi = -1e9f;
    for (float x = -6.0f; x <= 6.0f + 1e-3f; x += 0.2f) {
      const std::vector<float> ys = bone.axisCrossings({x, 0.0f, z}, 1);
      // The piece nearest the tip's height: the spine, not the laminae or body above or below.
      for (std::size_t i = 0; i + 1 < ys.size(); i += 2)
        if (ys[i + 1] > tip.y - 15.0f && ys[i] < tip.y + 15.0f) {
          lo = std::min(lo, ys[i]);
          hi = std::max(hi, ys[i + 1]);
        }
    }
    return hi - lo;
  };
  const float end = heightAt(tip.z + 4.0f);
  float root = 0.0f, rootAt = 0.0f;
  std::string profile;
  for (float z = 4.0f; z <= 12.0f + 1e-3f; z += 0.5f) {
    const float h = heightAt(tip.z + z);
    profile += " " + std::to_string(h).substr(0, 4);
    if (h > root) {
      root = h;
      rootAt = z;
    }
  }
  INFO("C2's spine " << end << " mm tall 4 mm from its end, at most " << root << " mm (" << rootAt
                     << " mm from it); heights every 0.5 mm from 4 mm:" << profile);
  CHECK(root >= 18.0f);
  CHECK(root >= end + 6.5f);
}

#endif
