// Named bony landmarks in the session: which are shown and where they fall on screen, which one a
// click names, and their part of the state JSON. A landmark is addressed by its bone and its place in
// that bone's list; its id (Landmark::id) is the contract the content and tests use.
#pragma once

#include "scene/picking.h"
#include "scene/scene.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace atlas {

class Session;

struct LandmarkRef {
  int structure = -1;
  int index = -1;
  bool operator==(const LandmarkRef &o) const { return structure == o.structure && index == o.index; }
};

// The landmark, or null when the reference is out of range for the scene.
const Landmark *landmarkOf(const Scene &scene, const LandmarkRef &ref);
std::optional<LandmarkRef> findLandmark(const Scene &scene, const std::string &id);

// A click names a landmark of the bone it hit when the hit lies within this distance of it (model
// units: metres for the bundled model) or the landmark's marker within kLandmarkPickPixels of the click.
inline constexpr float kLandmarkPickDistance = 0.004f;
inline constexpr float kLandmarkPickPixels = 12.0f;

struct LandmarkOnScreen {
  LandmarkRef ref;
  std::optional<glm::vec2> screen; // pixels of the whole image; only when in sight (see below)
};
// Every landmark of the bones drawn now, in scene order. `screen` is set when the point is inside
// the 3D view, its normal faces the camera and no solid drawn part lies in front of it.
std::vector<LandmarkOnScreen> landmarksOnScreen(const Session &session);

// The landmark of the hit bone nearest the click (see kLandmarkPickDistance), or none.
std::optional<LandmarkRef> landmarkNearHit(const Session &session, const PickHit &hit,
                                           const glm::vec2 &pixel);

// "landmarks": {"shown", "items": [{id, name, structure, screen?}], "picked": {...} | null}
nlohmann::json landmarksStateJson(const Session &session);

} // namespace atlas
