// Teaching entries: what students are examined on about the root of the neck and the thoracic
// outlet (the interscalene triangle, the outlet's spaces, clinical tests...), written for the
// project and independent of the seed article. Read from content/teaching/*.yaml; each entry links
// the model's structures and cites works of content/bibliography. No GL, no ImGui.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace atlas::content {

struct TeachingEntry {
  std::string id; // "teaching.interscalene_triangle"; unique
  std::string title;
  std::string text;
  std::vector<std::string> links;   // structure ids of the model the entry is about
  std::vector<std::string> awaits;  // structures the model lacks yet, in words; linked when they arrive
  std::vector<std::string> sources; // bibliography work ids, at least one
  std::string file;
  int line = 0;
};

struct Teaching {
  std::vector<TeachingEntry> entries; // in file-name order, then file order
  std::vector<std::string> problems;  // "file:line: message"

  const TeachingEntry *find(const std::string &id) const;
};

// Reads every *.yaml of `dir` (a list `entries:`) and checks required fields, duplicate ids, link
// ids against `structureIds` and source ids against `workIds` (an empty set skips that check).
Teaching loadTeaching(const std::string &dir, const std::set<std::string> &structureIds,
                      const std::set<std::string> &workIds);

} // namespace atlas::content
