#include "content/knowledge_ids.h"

#include "content/bibliography.h"
#include "content/yaml_file.h"

#include <filesystem>

namespace atlas::content {
namespace {

std::string scalar(const YAML::Node &map, const char *key) {
  const YAML::Node value = map[key];
  return value && value.IsScalar() ? value.Scalar() : std::string();
}

// A claim's `cite: [ids]` as short cites ("Standring 2016; Gray 1918"); an id the bibliography lacks
// stays as written (the knowledge base reports it).
std::string citeText(const YAML::Node &claim, const Bibliography &bibliography) {
  const YAML::Node cite = claim["cite"];
  if (!cite || !cite.IsSequence())
    return scalar(claim, "cite");
  std::string out;
  for (const YAML::Node &id : cite) {
    if (!id.IsScalar())
      continue;
    const Work *work = bibliography.find(id.Scalar());
    out += (out.empty() ? "" : "; ") + (work ? shortCite(*work) : id.Scalar());
  }
  return out;
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
  // The bibliography lives beside the structures folder (content/bibliography).
  fs::path structures(dir);
  if (!structures.has_filename()) // "content/structures/"
    structures = structures.parent_path();
  const Bibliography bibliography = loadBibliography(structures.parent_path().string());
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
        ClaimNote note{scalar(c, "id"),     scalar(c, "text"),         scalar(c, "note"),
                       scalar(c, "source"), citeText(c, bibliography), scalar(c, "differs_from")};
        ids.claims.emplace(note.id, note);
      }
  }
  return ids;
}

} // namespace atlas::content
