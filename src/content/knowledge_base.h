// KnowledgeBase: what the project says about each structure — names, descriptions, and the claims
// (origin, insertion, nerve and blood supply, actions, relations), each with its source. Loaded from
// content/structures/*.yaml, content/sources.yaml and content/bibliography/*.yaml (the works claims
// cite); see content/README.md for the format.
#pragma once

#include "content/bibliography.h"
#include "content/content_text.h"
#include "scene/source_mode.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace atlas::content {

enum class ClaimRole { Origin, Insertion, NerveSupply, BloodSupply, Action, Relation };
const char *claimRoleName(ClaimRole role);  // "origin", "insertion", "nerve_supply", ...
const char *claimRoleLabel(ClaimRole role); // "Origin", "Insertion", "Nerve supply", ...
std::optional<ClaimRole> claimRoleFromName(const std::string &name);

// One fact with its source. Claims written for "{side}" exist once per side, with the same id.
struct Claim {
  std::string id;
  std::string subject; // structure id the claim is about
  ClaimRole role = ClaimRole::Relation;
  std::vector<std::string> targets; // structure ids it points at
  std::string text;
  SourceMode source = SourceMode::Reference;
  std::vector<std::string> works; // ids of the bibliography's works (`cite: [gray41, gray1918]`)
  std::string cite;               // for display: "Standring 2016; Gray 1918" (the ids until resolved)
  bool variation = false;         // a version the references themselves report as variation
  std::string differsFrom;        // id of the claim (other source) it disagrees with
  std::string note;               // plain words on the difference
  std::string file;
  int line = 0;
};

struct StructureEntry {
  std::string id, name, latin, fma, system, side;
  std::string description; // for students
  std::string patient;     // plain language
  std::string file;
  int line = 0;
};

// A named bony landmark (its id is "<bone id>.<name>", the model's Landmark::id) with what the project
// says about it and where that comes from.
struct LandmarkEntry {
  std::string id, name;
  std::string description;        // one or two sentences, the project's own words
  std::string source;             // a sources.yaml id ("reference")
  std::vector<std::string> works; // bibliography ids when `cite:` is a list
  std::string cite; // for display (short cites), or, written as text, works of the source "; "-separated
  std::string file;
  int line = 0;
};

struct Source {
  std::string id, title, author, updated, note;
  std::vector<std::string> works;
};

class KnowledgeBase {
public:
  const std::vector<StructureEntry> &structures() const { return structures_; }
  const std::vector<Claim> &claims() const { return claims_; }
  const std::vector<Source> &sources() const { return sources_; }

  const StructureEntry *findStructure(const std::string &id) const;
  const Claim *findClaim(const std::string &id) const; // the first side's copy
  const Source *findSource(const std::string &id) const;
  const std::vector<LandmarkEntry> &landmarks() const { return landmarks_; }
  const LandmarkEntry *findLandmark(const std::string &id) const;
  std::vector<const Claim *> claimsAbout(const std::string &subject) const;
  std::vector<const Claim *> claimsTargeting(const std::string &target) const;
  std::set<std::string> claimIds() const;
  // The works the claims cite (empty when loaded without content/bibliography).
  const Bibliography &bibliography() const { return bibliography_; }

  // Used by the loader.
  void addStructure(StructureEntry entry);
  void addClaim(Claim claim);
  void addSource(Source source);
  void addLandmark(LandmarkEntry entry);
  // Keeps the bibliography and turns every claim's and landmark's `cite` into short cites.
  void setBibliography(Bibliography bibliography);

private:
  std::vector<StructureEntry> structures_;
  std::vector<Claim> claims_;
  std::vector<Source> sources_;
  std::map<std::string, std::size_t> structureIndex_;
  std::vector<LandmarkEntry> landmarks_;
  Bibliography bibliography_;
};

struct KnowledgeLoad {
  KnowledgeBase knowledge;
  std::vector<std::string> problems; // "file:line: message", one per problem; loading goes on
};

// Loads every content/structures/*.yaml, content/sources.yaml and content/bibliography/*.yaml under
// `contentDir`, with citationProblems. When `modelIds` is not empty, ids that the model lacks are
// problems too.
KnowledgeLoad loadKnowledgeBase(const std::string &contentDir, const std::set<std::string> &modelIds = {});
// The same checks on files already in memory: the structures files in the order given, then
// sources.yaml. `folder` names the structures folder in messages about the whole knowledge base.
KnowledgeLoad loadKnowledgeBaseFromTexts(const std::vector<ContentText> &structureFiles,
                                         const ContentText &sources, const std::string &folder,
                                         const std::set<std::string> &modelIds = {});
// The same with the bibliography files too (in the order given), checked with citationProblems.
KnowledgeLoad loadKnowledgeBaseFromTexts(const std::vector<ContentText> &structureFiles,
                                         const ContentText &sources,
                                         const std::vector<ContentText> &bibliographyFiles,
                                         const std::string &folder,
                                         const std::set<std::string> &modelIds = {});

// The sources rule: every claim cites at least one work, and every work a claim or landmark cites is in
// `bibliography`. One "file:line: ..." message per problem.
std::vector<std::string> citationProblems(const KnowledgeBase &knowledge, const Bibliography &bibliography);

// The consistency check of the model's landmarks: one problem ("<folder>: model landmark 'id' has no
// description ...") for each id of `landmarkIds` the knowledge base does not describe.
std::vector<std::string> undescribedLandmarks(const KnowledgeBase &knowledge,
                                              const std::vector<std::string> &landmarkIds,
                                              const std::string &folder);

// "{side}" → right/left and "{Side}" → Right/Left; texts without a placeholder come back once.
std::vector<std::pair<std::string, std::string>> expandSides(const std::string &text);
std::string applySide(const std::string &text, const std::string &side);

} // namespace atlas::content
