// Bibliography: the works the content cites (textbooks, papers, guidelines, web pages, the seed
// article), with complete details, read from content/bibliography/*.yaml. Claims and clinical notes
// cite works by id; see content/README.md for the format.
#pragma once

#include "content/content_text.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace atlas::content {

struct Work {
  std::string id;      // [a-z0-9_]+, unique across all bibliography files
  std::string kind;    // textbook | paper | review | guideline | website | seed_article
  std::string authors; // people or an organisation
  std::string title;
  std::string publisher; // publisher or journal: one of the two is required
  std::string journal;
  std::string details; // volume(issue):pages, edition
  std::string doi;
  std::string url;
  int year = 0;
  std::string file;
  int line = 0;
};

struct Bibliography {
  std::vector<Work> works;
  std::vector<std::string> problems; // "file:line: message"
  const Work *find(std::string_view id) const;
  std::set<std::string> ids() const;
};

// The kinds a work may have, in the order the Sources panel groups them.
const std::vector<std::string> &workKinds();
// "Textbooks", "Papers", ... for a kind.
std::string workKindLabel(const std::string &kind);

// Reads contentDir/bibliography/*.yaml in name order. Files are read only from that folder.
Bibliography loadBibliography(const std::string &contentDir);
// The same checks on files already in memory, in the order given.
Bibliography loadBibliographyFromTexts(const std::vector<ContentText> &files);

// "Standring 2016", "NICE 2023", "Rusnak-Smith et al. 2001".
std::string shortCite(const Work &work);
// One line: "Authors (year). Title. Journal details. doi:... url".
std::string fullCite(const Work &work);

} // namespace atlas::content
