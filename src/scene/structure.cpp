#include "scene/structure.h"

#include "core/enum_names.h"

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
constexpr std::array<std::pair<AttachmentRole, const char *>, 2> kRoleNames{{
    {AttachmentRole::Origin, "origin"},
    {AttachmentRole::Insertion, "insertion"},
}};
constexpr std::array<std::pair<AttachmentSource, const char *>, 3> kSourceNames{{
    {AttachmentSource::Reference, "reference"},
    {AttachmentSource::Article, "article"},
    {AttachmentSource::Both, "both"},
}};
} // namespace

const char *attachmentRoleName(AttachmentRole role) {
  return nameIn(kRoleNames, role, "origin");
}
std::optional<AttachmentRole> attachmentRoleFromName(std::string_view name) {
  return valueNamed(kRoleNames, name);
}
const char *attachmentSourceName(AttachmentSource source) {
  return nameIn(kSourceNames, source, "reference");
}
std::optional<AttachmentSource> attachmentSourceFromName(std::string_view name) {
  return valueNamed(kSourceNames, name);
}

const char *systemName(System system) {
  return nameIn(kSystemNames, system, "other");
}

std::optional<System> systemFromName(const std::string &name) {
  return valueNamed(kSystemNames, name);
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
