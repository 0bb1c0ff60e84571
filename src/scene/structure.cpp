#include "scene/structure.h"

#include <array>
#include <utility>

namespace atlas {
namespace {
constexpr std::array<std::pair<System, const char *>, 11> kSystemNames{{
    {System::Bone, "bone"},
    {System::Muscle, "muscle"},
    {System::Nerve, "nerve"},
    {System::Artery, "artery"},
    {System::Cartilage, "cartilage"},
    {System::Disc, "disc"},
    {System::Vein, "vein"},
    {System::Pleura, "pleura"},
    {System::Fascia, "fascia"},
    {System::Attachment, "attachment"},
    {System::Other, "other"},
}};
} // namespace

const char *systemName(System system) {
  for (const auto &[value, name] : kSystemNames)
    if (value == system)
      return name;
  return "other";
}

std::optional<System> systemFromName(const std::string &name) {
  for (const auto &[value, text] : kSystemNames)
    if (name == text)
      return value;
  return std::nullopt;
}

std::size_t Structure::triangleCount() const {
  std::size_t n = 0;
  for (const MeshData &m : meshes)
    n += m.triangleCount();
  return n;
}

Bounds Structure::bounds() const {
  Bounds b;
  for (const MeshData &m : meshes)
    b.extend(m.bounds());
  return b;
}

std::optional<glm::vec3> Structure::vertexCentroid() const {
  glm::vec3 sum(0.0f);
  std::size_t n = 0;
  for (const MeshData &m : meshes)
    for (const glm::vec3 &p : m.positions) {
      sum += p;
      ++n;
    }
  if (n == 0)
    return std::nullopt;
  return sum / static_cast<float>(n);
}

} // namespace atlas
