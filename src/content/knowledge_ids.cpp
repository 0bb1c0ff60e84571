#include "content/knowledge_ids.h"

#include "content/yaml_file.h"

#include <filesystem>

namespace atlas::content {
namespace {

std::string scalar(const YAML::Node &map, const char *key) {
  const YAML::Node value = map[key];
  return value && value.IsScalar() ? value.Scalar() : std::string();
}

void replaceAll(std::string &s, const std::string &from, const std::string &to) {
  for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}

} // namespace

std::set<std::string> KnowledgeIds::claimIds() const {
  std::set<std::string> ids;
  for (const auto &entry : claims)
    ids.insert(entry.first);
  return ids;
}

ClaimLookup KnowledgeIds::lookup() const {
  return [this](const std::string &id) -> std::optional<ClaimNote> {
    auto it = claims.find(id);
    if (it == claims.end())
      return std::nullopt;
    return it->second;
  };
}

KnowledgeIds readKnowledgeIds(const std::string &dir) {
  namespace fs = std::filesystem;
  KnowledgeIds ids;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".yaml")
      continue;
    Result<YAML::Node> root = loadYamlFile(it->path().string());
    if (!root || !root->IsMap())
      continue;
    if (const YAML::Node structures = (*root)["structures"]; structures && structures.IsSequence())
      for (const YAML::Node &s : structures) {
        const std::string id = s.IsMap() ? scalar(s, "id") : std::string();
        if (id.empty())
          continue;
        if (id.find("{side}") == std::string::npos) {
          ids.structures.insert(id);
          continue;
        }
        for (const char *side : {"right", "left"}) {
          std::string sided = id;
          replaceAll(sided, "{side}", side);
          ids.structures.insert(sided);
        }
      }
    if (const YAML::Node claims = (*root)["claims"]; claims && claims.IsSequence())
      for (const YAML::Node &c : claims) {
        if (!c.IsMap() || scalar(c, "id").empty())
          continue;
        ClaimNote note{scalar(c, "id"),     scalar(c, "text"), scalar(c, "note"),
                       scalar(c, "source"), scalar(c, "cite"), scalar(c, "differs_from")};
        ids.claims.emplace(note.id, note);
      }
  }
  return ids;
}

} // namespace atlas::content
