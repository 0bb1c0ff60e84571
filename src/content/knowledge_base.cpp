// Section index: 1. roles  2. KnowledgeBase queries  3. loading one structures file  4. loadKnowledgeBase
#include "content/knowledge_base.h"

#include "content/yaml_file.h"

#include <algorithm>
#include <array>
#include <filesystem>

namespace atlas::content {
namespace fs = std::filesystem;

// ---- 1. roles ---------------------------------------------------------------------------------

namespace {
struct RoleNames {
  ClaimRole role;
  const char *name;
  const char *label;
};
constexpr std::array<RoleNames, 6> kRoles{{
    {ClaimRole::Origin, "origin", "Origin"},
    {ClaimRole::Insertion, "insertion", "Insertion"},
    {ClaimRole::NerveSupply, "nerve_supply", "Nerve supply"},
    {ClaimRole::BloodSupply, "blood_supply", "Blood supply"},
    {ClaimRole::Action, "action", "Actions"},
    {ClaimRole::Relation, "relation", "Relations"},
}};

// "a; b; c": how cites are shown in one line.
std::string joinCites(const std::vector<std::string> &parts) {
  std::string out;
  for (const std::string &p : parts)
    out += (out.empty() ? "" : "; ") + p;
  return out;
}
} // namespace

const char *claimRoleName(ClaimRole role) {
  for (const auto &r : kRoles)
    if (r.role == role)
      return r.name;
  return "relation";
}

const char *claimRoleLabel(ClaimRole role) {
  for (const auto &r : kRoles)
    if (r.role == role)
      return r.label;
  return "Relations";
}

std::optional<ClaimRole> claimRoleFromName(const std::string &name) {
  for (const auto &r : kRoles)
    if (name == r.name)
      return r.role;
  return std::nullopt;
}

std::string applySide(const std::string &text, const std::string &side) {
  std::string out = text;
  const std::string cap =
      side.empty() ? side : std::string(1, static_cast<char>(std::toupper(side[0]))) + side.substr(1);
  for (const auto &[from, to] : {std::pair<std::string, std::string>{"{side}", side}, {"{Side}", cap}}) {
    for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size()))
      out.replace(at, from.size(), to);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> expandSides(const std::string &text) {
  if (text.find("{side}") == std::string::npos && text.find("{Side}") == std::string::npos)
    return {{"", text}};
  return {{"right", applySide(text, "right")}, {"left", applySide(text, "left")}};
}

// ---- 2. KnowledgeBase queries -----------------------------------------------------------------

const StructureEntry *KnowledgeBase::findStructure(const std::string &id) const {
  auto it = structureIndex_.find(id);
  return it == structureIndex_.end() ? nullptr : &structures_[it->second];
}

const Claim *KnowledgeBase::findClaim(const std::string &id) const {
  for (const Claim &c : claims_)
    if (c.id == id)
      return &c;
  return nullptr;
}

const Source *KnowledgeBase::findSource(const std::string &id) const {
  for (const Source &s : sources_)
    if (s.id == id)
      return &s;
  return nullptr;
}

std::vector<const Claim *> KnowledgeBase::claimsAbout(const std::string &subject) const {
  std::vector<const Claim *> out;
  for (const Claim &c : claims_)
    if (c.subject == subject)
      out.push_back(&c);
  return out;
}

std::vector<const Claim *> KnowledgeBase::claimsTargeting(const std::string &target) const {
  std::vector<const Claim *> out;
  for (const Claim &c : claims_)
    if (std::find(c.targets.begin(), c.targets.end(), target) != c.targets.end())
      out.push_back(&c);
  return out;
}

std::set<std::string> KnowledgeBase::claimIds() const {
  std::set<std::string> ids;
  for (const Claim &c : claims_)
    ids.insert(c.id);
  return ids;
}

void KnowledgeBase::addStructure(StructureEntry entry) {
  structureIndex_.emplace(entry.id, structures_.size());
  structures_.push_back(std::move(entry));
}
void KnowledgeBase::addClaim(Claim claim) {
  claims_.push_back(std::move(claim));
}
const LandmarkEntry *KnowledgeBase::findLandmark(const std::string &id) const {
  for (const LandmarkEntry &l : landmarks_)
    if (l.id == id)
      return &l;
  return nullptr;
}
void KnowledgeBase::addLandmark(LandmarkEntry entry) {
  landmarks_.push_back(std::move(entry));
}
void KnowledgeBase::addSource(Source source) {
  sources_.push_back(std::move(source));
}

void KnowledgeBase::setBibliography(Bibliography bibliography) {
  bibliography_ = std::move(bibliography);
  const auto shortCites = [this](const std::vector<std::string> &ids) {
    std::vector<std::string> cites;
    for (const std::string &id : ids) {
      const Work *work = bibliography_.find(id);
      cites.push_back(work ? shortCite(*work) : id);
    }
    return joinCites(cites);
  };
  for (Claim &c : claims_)
    c.cite = shortCites(c.works);
  for (LandmarkEntry &l : landmarks_)
    if (!l.works.empty())
      l.cite = shortCites(l.works);
}

std::vector<std::string> citationProblems(const KnowledgeBase &knowledge, const Bibliography &bibliography) {
  std::vector<std::string> problems;
  const auto check = [&](const std::string &where, const std::string &what,
                         const std::vector<std::string> &ids) {
    if (ids.empty())
      problems.push_back(where + ": " + what + " cites no work (cite: [work id, ...])");
    for (const std::string &id : ids)
      if (!bibliography.find(id))
        problems.push_back(where + ": " + what + " cites '" + id +
                           "', which no content/bibliography file defines");
  };
  std::set<std::string> seen; // a "{side}" claim exists twice with the same id: report it once
  for (const Claim &c : knowledge.claims())
    if (seen.insert(c.id).second)
      check(c.file + ":" + std::to_string(c.line), "claim '" + c.id + "'", c.works);
  for (const LandmarkEntry &l : knowledge.landmarks())
    if (!l.works.empty() && seen.insert(l.file + ":" + std::to_string(l.line)).second)
      check(l.file + ":" + std::to_string(l.line), "landmark '" + l.id + "'", l.works);
  return problems;
}

// ---- 3. loading one structures file -------------------------------------------------------------

namespace {

const std::set<std::string> kSystems{"bone",      "muscle", "nerve",  "artery", "vein",
                                     "cartilage", "disc",   "pleura", "fascia"};

struct Loader {
  KnowledgeBase &kb;
  const std::set<std::string> &modelIds;
  Problems problems;
  std::set<std::string> claimIdsSeen;

  bool knownId(const std::string &id) const { return modelIds.empty() || modelIds.count(id) > 0; }

  void loadStructure(const std::string &file, const YAML::Node &node) {
    if (!node.IsMap()) {
      problems.add(file, node, "each entry of 'structures' must be a map with id, name, latin, system, ...");
      return;
    }
    const std::size_t before = problems.messages().size();
    auto id = readString(file, node, "id", true, problems);
    auto name = readString(file, node, "name", true, problems);
    auto latin = readString(file, node, "latin", true, problems);
    auto system = readString(file, node, "system", true, problems);
    auto description = readString(file, node, "description", true, problems);
    auto patient = readString(file, node, "patient", true, problems);
    if (system && !kSystems.count(*system))
      problems.add(file, node["system"],
                   "system '" + *system +
                       "' is not one of bone, muscle, nerve, artery, vein, pleura, fascia, cartilage, disc");
    if (problems.messages().size() != before || !id)
      return;
    for (const auto &[side, expandedId] : expandSides(*id)) {
      if (kb.findStructure(expandedId)) {
        problems.add(file, node, "structure id '" + expandedId + "' is defined twice");
        continue;
      }
      if (!knownId(expandedId)) {
        problems.add(file, node, "structure id '" + expandedId + "' is not in the model");
        continue;
      }
      StructureEntry e;
      e.id = expandedId;
      e.name = applySide(*name, side);
      e.latin = applySide(*latin, side);
      e.system = *system;
      e.side = side.empty() ? std::string("midline") : side;
      e.description = applySide(*description, side);
      e.patient = applySide(*patient, side);
      const char *fmaKey = side == "right" ? "fma_right" : side == "left" ? "fma_left" : "fma";
      if (auto fma = readString(file, node, fmaKey, false, problems))
        e.fma = *fma;
      else if (auto shared = readString(file, node, "fma", false, problems))
        e.fma = *shared;
      e.file = file;
      e.line = lineOf(node);
      kb.addStructure(std::move(e));
    }
  }

  void loadClaim(const std::string &file, const YAML::Node &node) {
    if (!node.IsMap()) {
      problems.add(file, node,
                   "each entry of 'claims' must be a map with id, subject, role, targets, text, source");
      return;
    }
    const std::size_t before = problems.messages().size();
    auto id = readString(file, node, "id", true, problems);
    auto subject = readString(file, node, "subject", true, problems);
    auto roleName = readString(file, node, "role", true, problems);
    auto targets = readStringList(file, node, "targets", true, problems);
    auto text = readString(file, node, "text", true, problems);
    auto source = readString(file, node, "source", true, problems);
    auto cite = readStringList(file, node, "cite", true, problems);
    auto differsFrom = readString(file, node, "differs_from", false, problems);
    auto note = readString(file, node, "note", false, problems);
    auto variation = readString(file, node, "variation", false, problems);
    std::optional<ClaimRole> role;
    if (roleName && !(role = claimRoleFromName(*roleName)))
      problems.add(file, node["role"],
                   "role '" + *roleName +
                       "' is not one of origin, insertion, nerve_supply, blood_supply, action, relation");
    if (source && *source != "reference" && *source != "article")
      problems.add(file, node["source"], "source '" + *source + "' is not 'reference' or 'article'");
    if (differsFrom && !note)
      problems.add(file, node, "claim with 'differs_from' needs a 'note' explaining the difference");
    if (variation && *variation != "true" && *variation != "false")
      problems.add(file, node["variation"], "variation must be true or false");
    if (id && !claimIdsSeen.insert(*id).second)
      problems.add(file, node, "claim id '" + *id + "' is used twice");
    if (problems.messages().size() != before)
      return;
    for (const auto &[side, expandedSubject] : expandSides(*subject)) {
      Claim c;
      c.id = *id;
      c.subject = expandedSubject;
      c.role = *role;
      c.text = applySide(*text, side);
      c.source = *sourceModeFromName(*source); // checked above: reference or article
      c.works = *cite;
      c.cite = joinCites(*cite);
      c.variation = variation && *variation == "true";
      c.differsFrom = differsFrom.value_or("");
      c.note = note ? applySide(*note, side) : std::string();
      c.file = file;
      c.line = lineOf(node);
      bool ok = true;
      if (!knownId(c.subject)) {
        problems.add(file, node, "subject '" + c.subject + "' is not in the model");
        ok = false;
      }
      for (const std::string &t : *targets) {
        // A sided target in a midline claim has no side to take: keep the text as written.
        const std::string target = side.empty() ? t : applySide(t, side);
        if (!knownId(target)) {
          problems.add(file, node["targets"], "target '" + target + "' is not in the model");
          ok = false;
        }
        c.targets.push_back(target);
      }
      if (ok)
        kb.addClaim(std::move(c));
    }
  }

  // landmarks: [{id: "<bone>.<name>", name, description, source, cite}]; "{side}" as for structures.
  void loadLandmark(const std::string &file, const YAML::Node &node) {
    static const std::set<std::string> kKeys{"id", "name", "description", "source", "cite"};
    if (!node.IsMap()) {
      problems.add(file, node,
                   "each entry of 'landmarks' must be a map with id, name, description, source, cite");
      return;
    }
    const std::size_t before = problems.messages().size();
    for (const auto &field : node)
      if (const std::string key = field.first.as<std::string>(""); !kKeys.count(key))
        problems.add(file, field.first,
                     "unknown field '" + key +
                         "' in a landmark (expected id, name, description, source, cite)");
    auto id = readString(file, node, "id", true, problems);
    auto name = readString(file, node, "name", true, problems);
    auto description = readString(file, node, "description", true, problems);
    auto source = readString(file, node, "source", true, problems);
    // `cite:` is a list of bibliography ids, or (older form) text naming works of the source.
    std::optional<std::string> cite;
    std::optional<std::vector<std::string>> works;
    if (node["cite"] && node["cite"].IsSequence())
      works = readStringList(file, node, "cite", true, problems);
    else
      cite = readString(file, node, "cite", true, problems);
    if (works)
      cite = joinCites(*works);
    if (id && (id->find('.') == std::string::npos || id->front() == '.' || id->back() == '.'))
      problems.add(file, node["id"], "landmark id '" + *id + "' must be '<structure id>.<name>'");
    if (problems.messages().size() != before)
      return;
    for (const auto &[side, expandedId] : expandSides(*id)) {
      if (kb.findLandmark(expandedId)) {
        problems.add(file, node, "landmark id '" + expandedId + "' is defined twice");
        continue;
      }
      const std::string bone = expandedId.substr(0, expandedId.find('.'));
      if (!knownId(bone)) {
        problems.add(file, node,
                     "landmark '" + expandedId + "': structure '" + bone + "' is not in the model");
        continue;
      }
      LandmarkEntry entry{
          expandedId,  applySide(*name, side), applySide(*description, side), *source, {}, *cite, file,
          lineOf(node)};
      entry.works = works.value_or(std::vector<std::string>{});
      kb.addLandmark(std::move(entry));
    }
  }

  void loadStructuresFile(const std::string &file, const Result<YAML::Node> &doc) {
    if (!doc) {
      problems.add(doc.error());
      return;
    }
    if (!doc->IsMap()) {
      problems.add(file, *doc, "expected a map with 'structures' and/or 'claims'");
      return;
    }
    for (const auto &entry : *doc) {
      const std::string key = entry.first.as<std::string>("");
      if (key != "structures" && key != "claims" && key != "landmarks")
        problems.add(file, entry.first,
                     "unknown section '" + key + "' (expected 'structures', 'claims' or 'landmarks')");
    }
    if (const YAML::Node list = (*doc)["structures"]) {
      if (!list.IsSequence())
        problems.add(file, list, "'structures' must be a list");
      else
        for (const YAML::Node &node : list)
          loadStructure(file, node);
    }
    if (const YAML::Node list = (*doc)["landmarks"]) {
      if (!list.IsSequence())
        problems.add(file, list, "'landmarks' must be a list");
      else
        for (const YAML::Node &node : list)
          loadLandmark(file, node);
    }
    if (const YAML::Node list = (*doc)["claims"]) {
      if (!list.IsSequence())
        problems.add(file, list, "'claims' must be a list");
      else
        for (const YAML::Node &node : list)
          loadClaim(file, node);
    }
  }

  void loadSources(const std::string &file, const Result<YAML::Node> &doc) {
    if (!doc) {
      problems.add(doc.error());
      return;
    }
    // operator[] on a scalar document throws in yaml-cpp: check the kind first.
    const YAML::Node list = doc->IsMap() ? (*doc)["sources"] : YAML::Node();
    if (!list || !list.IsSequence()) {
      problems.add(file, *doc, "expected a list 'sources'");
      return;
    }
    for (const YAML::Node &node : list) {
      if (!node.IsMap()) {
        problems.add(file, node, "each source must be a map with id and title");
        continue;
      }
      auto id = readString(file, node, "id", true, problems);
      auto title = readString(file, node, "title", true, problems);
      if (!id || !title)
        continue;
      Source s;
      s.id = *id;
      s.title = *title;
      s.author = readString(file, node, "author", false, problems).value_or("");
      s.updated = readString(file, node, "updated", false, problems).value_or("");
      s.note = readString(file, node, "note", false, problems).value_or("");
      s.works = readStringList(file, node, "works", false, problems).value_or(std::vector<std::string>{});
      kb.addSource(std::move(s));
    }
  }
};

// Cross-file checks, once every file is in; then the problems go into `result`.
void finishKnowledgeBase(Loader &loader, KnowledgeLoad &result, const std::string &folder,
                         const std::set<std::string> &modelIds) {
  const KnowledgeBase &kb = result.knowledge;
  const std::set<std::string> claimIds = kb.claimIds();
  for (const Claim &c : kb.claims()) {
    if (!c.differsFrom.empty() && !claimIds.count(c.differsFrom) &&
        c.subject.find("_left") == std::string::npos)
      loader.problems.add(c.file + ":" + std::to_string(c.line) + ": differs_from '" + c.differsFrom +
                          "' names no claim");
    if (!kb.findSource(sourceModeName(c.source)) && c.subject.find("_left") == std::string::npos)
      loader.problems.add(c.file + ":" + std::to_string(c.line) + ": source '" + sourceModeName(c.source) +
                          "' is not defined in sources.yaml");
  }
  for (const std::string &id : modelIds)
    if (!kb.findStructure(id) && id.find('.') == std::string::npos)
      loader.problems.add(folder + ": model structure '" + id + "' has no entry in the knowledge base");
  for (const LandmarkEntry &l : kb.landmarks()) {
    const Source *source = kb.findSource(l.source);
    if (!source) {
      loader.problems.add(l.file + ":" + std::to_string(l.line) + ": source '" + l.source +
                          "' is not defined in sources.yaml");
      continue;
    }
    if (!l.works.empty())
      continue; // bibliography ids: citationProblems checks them
    // Each cited work must be one the source lists, spelled as there.
    for (std::size_t start = 0; start <= l.cite.size();) {
      const std::size_t end = std::min(l.cite.find("; ", start), l.cite.size());
      const std::string work = l.cite.substr(start, end - start);
      if (std::find(source->works.begin(), source->works.end(), work) == source->works.end())
        loader.problems.add(l.file + ":" + std::to_string(l.line) + ": landmark '" + l.id + "' cites '" +
                            work + "', which sources.yaml does not list under '" + l.source + "'");
      start = end + 2;
    }
  }

  result.problems = loader.problems.messages();
}

} // namespace

// ---- 4. loadKnowledgeBase ---------------------------------------------------------------------

namespace {
// The bibliography's own problems, then the citation rule, then the short cites for display.
void addBibliography(KnowledgeLoad &result, Bibliography bibliography) {
  result.problems.insert(result.problems.end(), bibliography.problems.begin(), bibliography.problems.end());
  const std::vector<std::string> cites = citationProblems(result.knowledge, bibliography);
  result.problems.insert(result.problems.end(), cites.begin(), cites.end());
  result.knowledge.setBibliography(std::move(bibliography));
}
} // namespace

std::vector<std::string> undescribedLandmarks(const KnowledgeBase &knowledge,
                                              const std::vector<std::string> &landmarkIds,
                                              const std::string &folder) {
  std::vector<std::string> problems;
  for (const std::string &id : landmarkIds)
    if (!knowledge.findLandmark(id))
      problems.push_back(folder + ": model landmark '" + id + "' has no description in the knowledge base");
  return problems;
}

KnowledgeLoad loadKnowledgeBase(const std::string &contentDir, const std::set<std::string> &modelIds) {
  KnowledgeLoad result;
  Loader loader{result.knowledge, modelIds, {}, {}};
  const fs::path dir = fs::path(contentDir) / "structures";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    result.problems.push_back(dir.string() + ": the knowledge-base folder is missing");
    return result;
  }
  // Every *.yaml entry is tried: one that is not a regular file, or links outside the folder, is a
  // problem that names it (never a read that blocks), and the other files still load.
  for (const std::string &file : yamlFilesIn(dir.string()))
    loader.loadStructuresFile(file, loadYamlFile(file, dir.string()));
  const std::string sources = (fs::path(contentDir) / "sources.yaml").string();
  loader.loadSources(sources, loadYamlFile(sources, contentDir));
  finishKnowledgeBase(loader, result, dir.string(), modelIds);
  addBibliography(result, loadBibliography(contentDir));
  return result;
}

KnowledgeLoad loadKnowledgeBaseFromTexts(const std::vector<ContentText> &structureFiles,
                                         const ContentText &sources, const std::string &folder,
                                         const std::set<std::string> &modelIds) {
  KnowledgeLoad result;
  Loader loader{result.knowledge, modelIds, {}, {}};
  for (const ContentText &file : structureFiles)
    loader.loadStructuresFile(file.name, parseYaml(file.text, file.name));
  loader.loadSources(sources.name, parseYaml(sources.text, sources.name));
  finishKnowledgeBase(loader, result, folder, modelIds);
  return result;
}

KnowledgeLoad loadKnowledgeBaseFromTexts(const std::vector<ContentText> &structureFiles,
                                         const ContentText &sources,
                                         const std::vector<ContentText> &bibliographyFiles,
                                         const std::string &folder, const std::set<std::string> &modelIds) {
  KnowledgeLoad result = loadKnowledgeBaseFromTexts(structureFiles, sources, folder, modelIds);
  addBibliography(result, loadBibliographyFromTexts(bibliographyFiles));
  return result;
}

} // namespace atlas::content
