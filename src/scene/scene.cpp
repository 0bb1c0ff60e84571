#include "scene/scene.h"

#include "core/check.h"

namespace atlas {

int Scene::add(Structure structure) {
  ATLAS_CHECK(index_.count(structure.id) == 0, "Scene::add(): duplicate structure id");
  const int index = static_cast<int>(structures_.size());
  index_.emplace(structure.id, index);
  structures_.push_back(std::move(structure));
  return index;
}

int Scene::indexOf(const std::string &id) const {
  auto it = index_.find(id);
  return it == index_.end() ? -1 : it->second;
}

const Structure *Scene::find(const std::string &id) const {
  const int i = indexOf(id);
  return i < 0 ? nullptr : &structures_[static_cast<std::size_t>(i)];
}

Bounds Scene::bounds() const {
  Bounds b;
  for (const Structure &s : structures_)
    b.extend(s.bounds());
  return b;
}

std::size_t Scene::triangleCount() const {
  std::size_t n = 0;
  for (const Structure &s : structures_)
    n += s.triangleCount();
  return n;
}

} // namespace atlas
