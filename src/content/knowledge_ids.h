// KnowledgeIds: the structure ids and claims declared by the knowledge-base files
// (content/structures/*.yaml), read without the knowledge base's own validation. The article loader
// and the Markdown export use it to check links and to find the source notes of claims; the
// knowledge base proper (knowledge_base.h) reports the problems of those files.
#pragma once

#include "content/article.h"

#include <map>
#include <set>
#include <string>

namespace atlas::content {

struct KnowledgeIds {
  std::set<std::string> structures;        // "{side}" expanded to right and left
  std::map<std::string, ClaimNote> claims; // by claim id
  std::set<std::string> claimIds() const;
  ClaimLookup lookup() const; // valid while this object lives
};

// Reads every *.yaml of `dir`; files that do not parse are skipped (the knowledge base reports them).
KnowledgeIds readKnowledgeIds(const std::string &dir);

} // namespace atlas::content
