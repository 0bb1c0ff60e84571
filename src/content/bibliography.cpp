// Section index: 1. kinds  2. queries  3. reading one file  4. loading  5. citations
#include "content/bibliography.h"

#include "content/yaml_file.h"

#include <algorithm>
#include <filesystem>

namespace atlas::content {
namespace fs = std::filesystem;

// ---- 1. kinds ---------------------------------------------------------------------------------

const std::vector<std::string> &workKinds() {
  static const std::vector<std::string> kinds{"textbook",  "paper",   "review",
                                              "guideline", "website", "seed_article"};
  return kinds;
}

std::string workKindLabel(const std::string &kind) {
  if (kind == "textbook")
    return "Textbooks";
  if (kind == "paper")
    return "Papers";
  if (kind == "review")
    return "Reviews";
  if (kind == "guideline")
    return "Guidelines";
  if (kind == "website")
    return "Web pages";
  if (kind == "seed_article")
    return "The article this atlas started from";
  return kind;
}

// ---- 2. queries -------------------------------------------------------------------------------

const Work *Bibliography::find(std::string_view id) const {
  for (const Work &w : works)
    if (w.id == id)
      return &w;
  return nullptr;
}

std::set<std::string> Bibliography::ids() const {
  std::set<std::string> out;
  for (const Work &w : works)
    out.insert(w.id);
  return out;
}

// ---- 3. reading one file ----------------------------------------------------------------------

namespace {

const std::vector<std::string> kKeys{"id",        "kind",    "authors", "title", "year",
                                     "publisher", "journal", "details", "doi",   "url"};

bool isWorkId(const std::string &id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool isYear(const std::string &text) {
  return text.size() == 4 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A text field of a work: empty when absent; a problem when present but not text.
std::string field(const std::string &file, const YAML::Node &node, const char *key, const std::string &label,
                  Problems &problems) {
  const YAML::Node value = node[key];
  if (!value || value.IsNull())
    return {};
  if (!value.IsScalar()) {
    problems.add(file, value, label + ": field '" + key + "' should be text");
    return {};
  }
  return value.Scalar();
}

void readWork(const std::string &file, const YAML::Node &node, Bibliography &bib, Problems &problems) {
  if (!node.IsMap()) {
    problems.add(file, node, "each entry of 'works' must be a map with id, kind, authors, title, year, ...");
    return;
  }
  const std::size_t before = problems.messages().size();
  Work w;
  w.file = file;
  w.line = lineOf(node);
  w.id = field(file, node, "id", "a work", problems);
  const std::string label = "work '" + (w.id.empty() ? std::string("?") : w.id) + "'";
  for (const auto &entry : node)
    if (const std::string key = entry.first.as<std::string>("");
        std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end())
      problems.add(file, entry.first, label + " has an unknown field '" + key + "'");
  if (w.id.empty())
    problems.add(file, node, "a work has no id");
  else if (!isWorkId(w.id))
    problems.add(file, node["id"], label + ": id must use only a-z, 0-9 and _");
  else if (const Work *first = bib.find(w.id))
    problems.add(file, node,
                 label + " is defined twice (first at " + first->file + ":" + std::to_string(first->line) +
                     ")");
  w.kind = field(file, node, "kind", label, problems);
  w.authors = field(file, node, "authors", label, problems);
  w.title = field(file, node, "title", label, problems);
  w.publisher = field(file, node, "publisher", label, problems);
  w.journal = field(file, node, "journal", label, problems);
  w.details = field(file, node, "details", label, problems);
  w.doi = field(file, node, "doi", label, problems);
  w.url = field(file, node, "url", label, problems);
  const std::string year = field(file, node, "year", label, problems);
  const auto &kinds = workKinds();
  if (w.kind.empty())
    problems.add(file, node, label + " has no kind");
  else if (std::find(kinds.begin(), kinds.end(), w.kind) == kinds.end())
    problems.add(file, node["kind"],
                 label + ": kind '" + w.kind +
                     "' is not one of textbook, paper, review, guideline, website, "
                     "seed_article");
  if (w.authors.empty())
    problems.add(file, node, label + " has no authors");
  if (w.title.empty())
    problems.add(file, node, label + " has no title");
  if (year.empty())
    problems.add(file, node, label + " has no year");
  else if (!isYear(year))
    problems.add(file, node["year"], label + ": year '" + year + "' is not a number like 2016");
  else
    w.year = std::stoi(year);
  if (w.publisher.empty() && w.journal.empty())
    problems.add(file, node, label + " has neither a publisher nor a journal");
  if (problems.messages().size() == before)
    bib.works.push_back(std::move(w));
}

void readFile(const std::string &file, const Result<YAML::Node> &doc, Bibliography &bib, Problems &problems) {
  if (!doc) {
    problems.add(doc.error());
    return;
  }
  // operator[] on a scalar document throws in yaml-cpp: check the kind first.
  const YAML::Node list = doc->IsMap() ? (*doc)["works"] : YAML::Node();
  if (!list || !list.IsSequence()) {
    problems.add(file, *doc, "expected a list 'works'");
    return;
  }
  for (const auto &entry : *doc)
    if (const std::string key = entry.first.as<std::string>(""); key != "works")
      problems.add(file, entry.first, "unknown section '" + key + "' (expected 'works')");
  for (const YAML::Node &node : list)
    readWork(file, node, bib, problems);
}

} // namespace

// ---- 4. loading -------------------------------------------------------------------------------

Bibliography loadBibliography(const std::string &contentDir) {
  Bibliography bib;
  Problems problems;
  const fs::path dir = fs::path(contentDir) / "bibliography";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    bib.problems.push_back(dir.string() + ": the bibliography folder is missing");
    return bib;
  }
  // readContentFile refuses links that leave the folder and anything but a regular file.
  for (const std::string &file : yamlFilesIn(dir.string()))
    readFile(file, loadYamlFile(file, dir.string()), bib, problems);
  bib.problems = problems.messages();
  return bib;
}

Bibliography loadBibliographyFromTexts(const std::vector<ContentText> &files) {
  Bibliography bib;
  Problems problems;
  for (const ContentText &file : files)
    readFile(file.name, parseYaml(file.text, file.name), bib, problems);
  bib.problems = problems.messages();
  return bib;
}

// ---- 5. citations -----------------------------------------------------------------------------

namespace {

// The first author's family name: "Standring S" -> "Standring"; an organisation keeps its name
// up to the first comma ("National Institute ..." stays whole unless the publisher abbreviates it).
// "Blanpied PR" names a person (surname, then up to three capital initials); "World Health
// Organization" and "Coxib and traditional NSAID Trialists' (CNT) Collaboration" do not.
bool personal(const std::string &author) {
  const std::size_t space = author.rfind(' ');
  if (space == std::string::npos || space + 1 >= author.size() || author.size() - space - 1 > 3)
    return false;
  for (std::size_t i = space + 1; i < author.size(); ++i)
    if (author[i] < 'A' || author[i] > 'Z')
      return false;
  return true;
}

std::string firstAuthor(const Work &work) {
  std::string first = work.authors.substr(0, work.authors.find(','));
  if (const std::size_t paren = first.find(" (");
      paren != std::string::npos && first.back() == ')' && first.find(')') == first.size() - 1)
    first = first.substr(0, paren); // "Standring S (ed.)", "Lischka MF (as cited by ...)"
  return first;
}

std::string leadName(const Work &work) {
  const std::string &a = work.authors;
  if (!a.empty() && a.front() == '[') // "[Authors not recorded]": name the journal or publisher instead
    return work.journal.empty() ? work.publisher : work.journal;
  const std::string first = firstAuthor(work);
  if (personal(first))
    return first.substr(0, first.rfind(' '));
  // A group: its acronym with what follows ("CNT Collaboration"), or a shorter publisher ("NICE").
  const std::size_t open = first.find('('), close = first.find(')');
  if (open != std::string::npos && close != std::string::npos && close > open + 1)
    return first.substr(open + 1, close - open - 1) + first.substr(close + 1);
  if (!work.publisher.empty() && work.publisher.size() < first.size())
    return work.publisher;
  const std::size_t etAl = first.find(" et al");
  return etAl == std::string::npos ? first : first.substr(0, etAl);
}

bool severalAuthors(const Work &work) {
  return work.authors.find(',') != std::string::npos || work.authors.find(" et al") != std::string::npos ||
         work.authors.find(" and ") != std::string::npos || work.authors.find(" & ") != std::string::npos;
}

} // namespace

std::string shortCite(const Work &work) {
  std::string out = leadName(work);
  const std::string first = firstAuthor(work);
  const bool person = personal(first) || first.find(" et al") != std::string::npos ||
                      (first.find(' ') == std::string::npos && work.kind != "website");
  if (person && !work.authors.empty() && work.authors.front() != '[' && severalAuthors(work))
    out += " et al.";
  return out + " " + std::to_string(work.year);
}

std::string fullCite(const Work &work) {
  std::string out = work.authors + " (" + std::to_string(work.year) + "). " + work.title;
  if (!out.empty() && out.back() != '.' && out.back() != '?')
    out += '.';
  const std::string &venue = work.journal.empty() ? work.publisher : work.journal;
  out += " " + venue;
  if (!work.details.empty())
    out += (work.journal.empty() ? ", " : " ") + work.details;
  if (out.back() != '.')
    out += '.';
  if (!work.doi.empty())
    out += " doi:" + work.doi;
  if (!work.url.empty())
    out += " " + work.url;
  return out;
}

} // namespace atlas::content
