#include "session/landmarks.h"

#include "session/session.h"

#include <algorithm>

namespace atlas {

const Landmark *landmarkOf(const Scene &scene, const LandmarkRef &ref) {
  if (ref.structure < 0 || static_cast<std::size_t>(ref.structure) >= scene.structures().size())
    return nullptr;
  const auto &list = scene.structures()[static_cast<std::size_t>(ref.structure)].landmarks;
  if (ref.index < 0 || static_cast<std::size_t>(ref.index) >= list.size())
    return nullptr;
  return &list[static_cast<std::size_t>(ref.index)];
}

std::optional<LandmarkRef> findLandmark(const Scene &scene, const std::string &id) {
  const auto &structures = scene.structures();
  for (std::size_t s = 0; s < structures.size(); ++s)
    for (std::size_t i = 0; i < structures[s].landmarks.size(); ++i)
      if (structures[s].landmarks[i].id == id)
        return LandmarkRef{static_cast<int>(s), static_cast<int>(i)};
  return std::nullopt;
}

namespace {

bool facesCamera(const Session &session, const Landmark &l) {
  return glm::dot(l.normal, session.camera().eye() - l.position) > 0.0f;
}

// Nothing solid and drawn lies between the eye and the point. The landmark sits on its bone's
// surface, give or take the mesh's facets: hits within 1 % of the distance of it do not count.
bool unobstructed(const Session &session, const glm::vec3 &point) {
  const glm::vec3 eye = session.camera().eye();
  const glm::vec3 toward = point - eye;
  const float distance = glm::length(toward);
  if (distance < 1e-9f)
    return true;
  const ViewState &view = session.view();
  const auto hit = session.pickingIndex().pick({eye, toward / distance}, [&view](int s) {
    return view.isDrawn(s) && view.visibility(s) == Visibility::Visible;
  });
  return !hit || hit->distance >= distance * 0.99f;
}

} // namespace

std::vector<LandmarkOnScreen> landmarksOnScreen(const Session &session) {
  std::vector<LandmarkOnScreen> out;
  const auto &structures = session.scene().structures();
  const Session::ViewArea area = session.viewArea();
  for (std::size_t s = 0; s < structures.size(); ++s) {
    if (structures[s].landmarks.empty() || !session.view().isDrawn(static_cast<int>(s)))
      continue;
    for (std::size_t i = 0; i < structures[s].landmarks.size(); ++i) {
      const Landmark &l = structures[s].landmarks[i];
      LandmarkOnScreen entry{{static_cast<int>(s), static_cast<int>(i)}, std::nullopt};
      const auto p = session.projectToImage(l.position);
      const bool inside = p && p->x >= static_cast<float>(area.x) && p->y >= static_cast<float>(area.y) &&
                          p->x < static_cast<float>(area.x + area.width) &&
                          p->y < static_cast<float>(area.y + area.height);
      if (inside && facesCamera(session, l) && unobstructed(session, l.position))
        entry.screen = *p;
      out.push_back(entry);
    }
  }
  return out;
}

std::optional<LandmarkRef> landmarkNearHit(const Session &session, const PickHit &hit,
                                           const glm::vec2 &pixel) {
  if (hit.structure < 0 || static_cast<std::size_t>(hit.structure) >= session.scene().structures().size())
    return std::nullopt;
  const auto &list = session.scene().structures()[static_cast<std::size_t>(hit.structure)].landmarks;
  std::optional<LandmarkRef> best;
  float bestScore = 1.0f; // 1: at the edge of either radius
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Landmark &l = list[i];
    float score = glm::distance(l.position, hit.point) / kLandmarkPickDistance;
    // On screen only for a marker on the near side: one behind the bone may project onto the click.
    if (facesCamera(session, l))
      if (const auto p = session.projectToImage(l.position))
        score = std::min(score, glm::distance(*p, pixel) / kLandmarkPickPixels);
    if (score <= bestScore) {
      bestScore = score;
      best = LandmarkRef{hit.structure, static_cast<int>(i)};
    }
  }
  return best;
}

nlohmann::json landmarksStateJson(const Session &session) {
  using nlohmann::json;
  const Scene &scene = session.scene();
  json items = json::array();
  if (session.landmarksShown())
    for (const LandmarkOnScreen &entry : landmarksOnScreen(session)) {
      const Landmark &l = *landmarkOf(scene, entry.ref);
      json item{{"id", l.id},
                {"name", l.name},
                {"structure", scene.structures()[static_cast<std::size_t>(entry.ref.structure)].id}};
      if (entry.screen)
        item["screen"] = {entry.screen->x, entry.screen->y};
      items.push_back(item);
    }
  json picked;
  if (const auto ref = session.pickedLandmark())
    if (const Landmark *l = landmarkOf(scene, *ref)) {
      picked = {{"id", l->id},
                {"name", l->name},
                {"structure", scene.structures()[static_cast<std::size_t>(ref->structure)].id}};
      const content::LandmarkEntry *entry = session.knowledge().findLandmark(l->id);
      picked["description"] = entry ? json(entry->description) : json();
      if (const auto p = session.projectToImage(l->position))
        picked["screen"] = {p->x, p->y};
    }
  return json{{"shown", session.landmarksShown()}, {"items", items}, {"picked", picked}};
}

} // namespace atlas
