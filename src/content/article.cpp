// Contents: inline markup · contract · loading (one section file at a time, then the whole-article
// checks) · queries · claim notes.
#include "content/article.h"

#include "content/yaml_file.h"
#include "scene/paired_ids.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

namespace atlas::content {

// ---- inline markup ------------------------------------------------------------------------------

std::vector<TextRun> parseInline(const std::string &text, std::vector<MarkupProblem> *problems) {
  std::vector<TextRun> runs;
  auto addPlain = [&runs](const std::string &s) {
    if (s.empty())
      return;
    if (!runs.empty() && runs.back().link.empty())
      runs.back().text += s;
    else
      runs.push_back({s, ""});
  };
  auto report = [problems](std::size_t offset, std::string message) {
    if (problems)
      problems->push_back({offset, std::move(message)});
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find("[[", pos);
    if (open == std::string::npos) {
      addPlain(text.substr(pos));
      break;
    }
    addPlain(text.substr(pos, open - pos));
    const std::size_t close = text.find("]]", open + 2);
    const std::size_t nextOpen = text.find("[[", open + 2);
    if (close == std::string::npos || (nextOpen != std::string::npos && nextOpen < close)) {
      report(open, "link '" + text.substr(open, 24) + "...' has no closing ']]'");
      addPlain("[[");
      pos = open + 2;
      continue;
    }
    const std::string inner = text.substr(open + 2, close - open - 2);
    const std::size_t bar = inner.find('|');
    std::string id = bar == std::string::npos ? std::string() : inner.substr(0, bar);
    std::string words = bar == std::string::npos ? std::string() : inner.substr(bar + 1);
    if (bar == std::string::npos || id.empty() || words.empty()) {
      report(open, "link '[[" + inner + "]]' should be written [[structure_id|words shown]]");
      addPlain(bar == std::string::npos ? inner : words.empty() ? id : words);
    } else {
      runs.push_back({words, id});
    }
    pos = close + 2;
  }
  return runs;
}

std::string plainText(const std::string &text) {
  std::string out;
  for (const TextRun &run : parseInline(text))
    out += run.text;
  return out;
}

std::vector<std::string> inlineLinks(const std::string &text) {
  std::vector<std::string> ids;
  for (const TextRun &run : parseInline(text))
    if (!run.link.empty())
      ids.push_back(run.link);
  return ids;
}

// ---- data model ---------------------------------------------------------------------------------

const ArticleSection *Article::findSection(const std::string &id) const {
  for (const ArticleSection &s : sections)
    if (s.id == id)
      return &s;
  return nullptr;
}

const ArticleItem *Article::findItem(const std::string &id) const {
  for (const ArticleSection &s : sections)
    for (const ArticleItem &item : s.items)
      if (item.id == id)
        return &item;
  return nullptr;
}

const ArticleSection *Article::sectionOfItem(const std::string &itemId) const {
  for (const ArticleSection &s : sections)
    for (const ArticleItem &item : s.items)
      if (item.id == itemId)
        return &s;
  return nullptr;
}

const CitedWork *Article::findCited(const std::string &workId) const {
  for (const CitedWork &work : cited)
    if (work.id == workId)
      return &work;
  return nullptr;
}

std::size_t Article::itemCount() const {
  std::size_t n = 0;
  for (const ArticleSection &s : sections)
    n += s.items.size();
  return n;
}

// ---- urgency tiers ------------------------------------------------------------------------------

const std::vector<UrgencyTier> &urgencyTiers() {
  static const std::vector<UrgencyTier> tiers = {
      {"emergency", "Emergency now: call an ambulance or go to the emergency department"},
      {"today", "See a doctor today"},
      {"soon", "See a doctor soon (within days to a week)"}};
  return tiers;
}

int tierRank(const std::string &tierId) {
  const std::vector<UrgencyTier> &tiers = urgencyTiers();
  for (std::size_t i = 0; i < tiers.size(); ++i)
    if (tierId == tiers[i].id)
      return static_cast<int>(i);
  return -1;
}

std::string tierTitle(const std::string &tierId) {
  const int rank = tierRank(tierId);
  return rank < 0 ? std::string() : urgencyTiers()[static_cast<std::size_t>(rank)].title;
}

bool hasTiers(const ArticleSection &section) {
  return !section.redFlags.empty() || std::any_of(section.items.begin(), section.items.end(),
                                                  [](const ArticleItem &item) { return !item.tier.empty(); });
}

std::vector<TierBlock> tierBlocks(const ArticleSection &section) {
  std::vector<TierBlock> blocks;
  TierBlock untiered;
  for (std::size_t i = 0; i < section.items.size(); ++i)
    if (tierRank(section.items[i].tier) < 0)
      untiered.items.emplace_back(static_cast<int>(i) + 1, &section.items[i]);
  if (!untiered.items.empty())
    blocks.push_back(std::move(untiered));
  for (const UrgencyTier &tier : urgencyTiers()) {
    TierBlock block{tier.id, {}, {}};
    for (std::size_t i = 0; i < section.items.size(); ++i)
      if (section.items[i].tier == tier.id)
        block.items.emplace_back(static_cast<int>(i) + 1, &section.items[i]);
    for (const RedFlag &flag : section.redFlags)
      if (flag.tier == tier.id)
        block.redFlags.push_back(&flag);
    if (!block.items.empty() || !block.redFlags.empty())
      blocks.push_back(std::move(block));
  }
  return blocks;
}

// ---- contract -----------------------------------------------------------------------------------

const std::vector<SectionContract> &articleContract() {
  static const std::vector<SectionContract> contract = {{"overview", 0},
                                                        {"anatomy", 6},
                                                        {"functions", 6},
                                                        {"types", 6},
                                                        {"causes", 20},
                                                        {"symptoms", 20},
                                                        {"diagnosis", 20},
                                                        {"treatment_non_drug", 30},
                                                        {"treatment_drug", 20},
                                                        {"surgery", 10},
                                                        {"prevention", 10},
                                                        {"see_doctor", 10},
                                                        {"faq", 15},
                                                        {"conclusion", 0},
                                                        {"disclaimer", 0}};
  return contract;
}

// ---- loading ------------------------------------------------------------------------------------
namespace {

struct Checker {
  const std::set<std::string> &structureIds;
  const std::set<std::string> &claimIds;
  const std::set<std::string> &workIds;
  Problems &problems;

  // Inline markup and link ids inside one text field.
  void checkText(const std::string &file, const YAML::Node &node, const std::string &field,
                 const std::string &text) const {
    std::vector<MarkupProblem> markup;
    const std::vector<TextRun> runs = parseInline(text, &markup);
    for (const MarkupProblem &m : markup)
      problems.add(file, node, "in '" + field + "': " + m.message);
    for (const TextRun &run : runs)
      if (!run.link.empty())
        checkStructure(file, node, "in '" + field + "': link [[" + run.link + "|" + run.text + "]]",
                       run.link);
  }
  void checkStructure(const std::string &file, const YAML::Node &node, const std::string &what,
                      const std::string &id) const {
    if (!structureIds.empty() && !structureIds.count(id))
      problems.add(file, node, what + " points at '" + id + "', which is not a structure id of the model");
  }
  void checkClaim(const std::string &file, const YAML::Node &node, const std::string &id) const {
    if (!claimIds.empty() && !claimIds.count(id))
      problems.add(file, node,
                   "claim '" + id + "' is not a claim id of the knowledge base (content/structures)");
  }
  // A clinical statement without a source, or citing a work the bibliography lacks, is refused.
  void checkSources(const std::string &file, const YAML::Node &node, const std::string &what,
                    const std::vector<std::string> &sources) const {
    if (sources.empty())
      problems.add(file, node, what + " cites no source; add 'sources: [work_id]' (content/bibliography)");
    for (const std::string &id : sources)
      if (!workIds.empty() && !workIds.count(id))
        problems.add(file, node,
                     what + " cites '" + id +
                         "', which is not a work id of the bibliography (content/bibliography)");
  }
  void checkTier(const std::string &file, const YAML::Node &node, const std::string &what,
                 const std::string &tier) const {
    if (!tier.empty() && tierRank(tier) < 0)
      problems.add(file, node, what + " has tier '" + tier + "'; expected emergency, today or soon");
  }
};

// Fields of a map that are not in `known`, reported with the names that are.
void reportUnknownKeys(const std::string &file, const YAML::Node &node, const std::set<std::string> &known,
                       const std::string &what, Problems &problems) {
  std::string expected;
  for (const std::string &k : known)
    expected += (expected.empty() ? "" : ", ") + k;
  for (const auto &entry : node) {
    const std::string key = entry.first.Scalar();
    if (!known.count(key))
      problems.add(file, entry.first,
                   "unknown field '" + key + "' in " + what + " (expected " + expected + ")");
  }
}

// A list field's node for line numbers: the field itself when present, else the map.
YAML::Node nodeFor(const YAML::Node &map, const char *key) {
  const YAML::Node value = map[key];
  return value ? value : map;
}

std::optional<ClinicalNote> readClinicalNote(const std::string &file, const YAML::Node &node,
                                             const std::string &itemId, const Checker &check) {
  Problems &problems = check.problems;
  const std::string what = "a clinical note of item '" + itemId + "'";
  if (!node.IsMap()) {
    problems.add(file, node, what + " should be a map with kind, text, patient and sources");
    return std::nullopt;
  }
  ClinicalNote note;
  note.file = file;
  note.line = lineOf(node);
  Problems fields;
  note.kind = readString(file, node, "kind", true, fields).value_or("");
  note.text = readString(file, node, "text", true, fields).value_or("");
  note.patient = readString(file, node, "patient", true, fields).value_or("");
  note.sources = readStringList(file, node, "sources", false, fields).value_or(std::vector<std::string>{});
  for (const std::string &message : fields.messages())
    problems.add(message + " (" + what + ")");
  static const std::set<std::string> kinds = {"correction", "risk", "evidence"};
  if (!note.kind.empty() && !kinds.count(note.kind))
    problems.add(file, nodeFor(node, "kind"),
                 what + " has kind '" + note.kind + "'; expected correction, risk or evidence");
  reportUnknownKeys(file, node, {"kind", "text", "patient", "sources"}, what, problems);
  check.checkText(file, nodeFor(node, "text"), "text", note.text);
  check.checkText(file, nodeFor(node, "patient"), "patient", note.patient);
  check.checkSources(file, nodeFor(node, "sources"), what, note.sources);
  return note;
}

std::optional<RedFlag> readRedFlag(const std::string &file, const YAML::Node &node, const Checker &check) {
  Problems &problems = check.problems;
  if (!node.IsMap()) {
    problems.add(file, node,
                 "every entry of 'red_flags' should be a map with id, tier, text, patient, sources");
    return std::nullopt;
  }
  RedFlag flag;
  flag.file = file;
  flag.line = lineOf(node);
  const std::optional<std::string> id = readString(file, node, "id", true, problems);
  if (!id)
    return std::nullopt;
  flag.id = *id;
  const std::string what = "red flag '" + flag.id + "'";
  Problems fields;
  flag.tier = readString(file, node, "tier", true, fields).value_or("");
  flag.text = readString(file, node, "text", true, fields).value_or("");
  flag.patient = readString(file, node, "patient", true, fields).value_or("");
  flag.sources = readStringList(file, node, "sources", false, fields).value_or(std::vector<std::string>{});
  for (const std::string &message : fields.messages())
    problems.add(message + " (" + what + ")");
  reportUnknownKeys(file, node, {"id", "tier", "text", "patient", "sources"}, what, problems);
  check.checkTier(file, nodeFor(node, "tier"), what, flag.tier);
  check.checkText(file, nodeFor(node, "text"), "text", flag.text);
  check.checkText(file, nodeFor(node, "patient"), "patient", flag.patient);
  check.checkSources(file, nodeFor(node, "sources"), what, flag.sources);
  return flag;
}

std::optional<ArticleItem> readItem(const std::string &file, const YAML::Node &node, const Checker &check) {
  Problems &problems = check.problems;
  if (!node.IsMap()) {
    problems.add(file, node, "every entry of 'items' should be a map with id, term, text and patient");
    return std::nullopt;
  }
  ArticleItem item;
  item.file = file;
  item.line = lineOf(node);
  const std::optional<std::string> id = readString(file, node, "id", true, problems);
  if (!id)
    return std::nullopt;
  item.id = *id;
  // Field problems name the item, so "field 'term' is missing" says which entry.
  Problems fields;
  item.term = readString(file, node, "term", true, fields).value_or("");
  item.text = readString(file, node, "text", true, fields).value_or("");
  item.patient = readString(file, node, "patient", true, fields).value_or("");
  item.group = readString(file, node, "group", false, fields).value_or("");
  item.note = readString(file, node, "note", false, fields).value_or("");
  item.links = readStringList(file, node, "links", false, fields).value_or(std::vector<std::string>{});
  item.claims = readStringList(file, node, "claims", false, fields).value_or(std::vector<std::string>{});
  item.tier = readString(file, node, "tier", false, fields).value_or("");
  for (const std::string &message : fields.messages())
    problems.add(message + " (item '" + item.id + "')");
  static const std::set<std::string> known = {"id",   "term",  "group",  "text", "patient",
                                              "note", "links", "claims", "tier", "clinical_notes"};
  reportUnknownKeys(file, node, known, "item '" + item.id + "'", problems);
  check.checkTier(file, nodeFor(node, "tier"), "item '" + item.id + "'", item.tier);
  if (const YAML::Node notes = node["clinical_notes"]) {
    if (!notes.IsSequence())
      problems.add(file, notes,
                   "field 'clinical_notes' of item '" + item.id +
                       "' should be a list of notes starting with '- kind:'");
    else
      for (const YAML::Node &n : notes)
        if (std::optional<ClinicalNote> note = readClinicalNote(file, n, item.id, check))
          item.clinicalNotes.push_back(std::move(*note));
  }
  check.checkText(file, nodeFor(node, "term"), "term", item.term);
  check.checkText(file, nodeFor(node, "text"), "text", item.text);
  check.checkText(file, nodeFor(node, "patient"), "patient", item.patient);
  check.checkText(file, nodeFor(node, "note"), "note", item.note);
  for (const std::string &link : item.links)
    check.checkStructure(file, nodeFor(node, "links"), "'links' of item '" + item.id + "'", link);
  for (const std::string &claim : item.claims)
    check.checkClaim(file, nodeFor(node, "claims"), claim);
  return item;
}

// In a section with tiers every item has one, and the items run from the most urgent tier down, so
// the first screen of the section shows what needs help now.
void checkTierOrder(const ArticleSection &section, Problems &problems) {
  if (!hasTiers(section))
    return;
  int previous = 0;
  for (const ArticleItem &item : section.items) {
    const int rank = tierRank(item.tier);
    if (item.tier.empty())
      problems.add(item.file + ":" + std::to_string(item.line) + ": item '" + item.id + "' of section '" +
                   section.id + "' has no tier; every item of a section with tiers needs one");
    else if (rank >= 0 && rank < previous)
      problems.add(item.file + ":" + std::to_string(item.line) + ": item '" + item.id + "' (tier " +
                   item.tier + ") comes after a less urgent item; list the items most urgent first");
    previous = std::max(previous, rank);
  }
}

std::optional<ArticleSection> readSection(const std::string &file, const YAML::Node &root,
                                          const Checker &check) {
  Problems &problems = check.problems;
  if (!root.IsMap()) {
    problems.add(file, root, "a section file should be a map with id, title, order, intro, patient_intro");
    return std::nullopt;
  }
  ArticleSection section;
  section.file = file;
  section.line = lineOf(root);
  const std::optional<std::string> id = readString(file, root, "id", true, problems);
  if (!id)
    return std::nullopt;
  section.id = *id;
  section.title = readString(file, root, "title", true, problems).value_or(section.id);
  if (const std::optional<std::string> order = readString(file, root, "order", true, problems)) {
    try {
      section.order = root["order"].as<int>();
    } catch (const YAML::Exception &) {
      problems.add(file, root["order"], "field 'order' should be a whole number, not '" + *order + "'");
    }
  }
  section.intro = readString(file, root, "intro", true, problems).value_or("");
  section.patientIntro = readString(file, root, "patient_intro", true, problems).value_or("");
  section.paragraphs =
      readStringList(file, root, "paragraphs", false, problems).value_or(std::vector<std::string>{});
  section.patientParagraphs =
      readStringList(file, root, "patient_paragraphs", false, problems).value_or(std::vector<std::string>{});
  if (section.paragraphs.size() != section.patientParagraphs.size())
    problems.add(file, nodeFor(root, "patient_paragraphs"),
                 "section '" + section.id + "' has " + std::to_string(section.paragraphs.size()) +
                     " paragraphs but " + std::to_string(section.patientParagraphs.size()) +
                     " patient_paragraphs; write a plain-language version of each");
  check.checkText(file, nodeFor(root, "intro"), "intro", section.intro);
  check.checkText(file, nodeFor(root, "patient_intro"), "patient_intro", section.patientIntro);
  for (const std::string &p : section.paragraphs)
    check.checkText(file, nodeFor(root, "paragraphs"), "paragraphs", p);
  for (const std::string &p : section.patientParagraphs)
    check.checkText(file, nodeFor(root, "patient_paragraphs"), "patient_paragraphs", p);
  static const std::set<std::string> known = {
      "id",    "title",    "order", "intro", "patient_intro", "paragraphs", "patient_paragraphs",
      "items", "red_flags"};
  reportUnknownKeys(file, root, known, "section '" + section.id + "'", problems);
  if (const YAML::Node items = root["items"]) {
    if (!items.IsSequence()) {
      problems.add(file, items, "field 'items' should be a list of entries starting with '- id:'");
    } else {
      for (const YAML::Node &node : items)
        if (std::optional<ArticleItem> item = readItem(file, node, check))
          section.items.push_back(std::move(*item));
    }
  }
  if (const YAML::Node flags = root["red_flags"]) {
    if (!flags.IsSequence()) {
      problems.add(file, flags, "field 'red_flags' should be a list of entries starting with '- id:'");
    } else {
      for (const YAML::Node &node : flags)
        if (std::optional<RedFlag> flag = readRedFlag(file, node, check))
          section.redFlags.push_back(std::move(*flag));
    }
  }
  checkTierOrder(section, problems);
  return section;
}

// Every work id cited by a note or a red flag, in reading order, each once.
std::vector<CitedWork> citedWorks(const Article &article) {
  std::vector<CitedWork> cited;
  std::set<std::string> seen;
  auto add = [&](const std::vector<std::string> &ids) {
    for (const std::string &id : ids)
      if (seen.insert(id).second)
        cited.push_back({id, id, ""});
  };
  for (const ArticleSection &s : article.sections) {
    for (const ArticleItem &item : s.items)
      for (const ClinicalNote &note : item.clinicalNotes)
        add(note.sources);
    for (const RedFlag &flag : s.redFlags)
      add(flag.sources);
  }
  return cited;
}

// One parsed section file (or its syntax error).
struct SectionDoc {
  std::string file;
  Result<YAML::Node> root;
};

// Reads every section, then the whole-article checks: duplicates, the contract, order.
Article checkArticle(const std::vector<SectionDoc> &docs, const std::string &dir,
                     const std::set<std::string> &structureIds, const std::set<std::string> &claimIds,
                     const std::set<std::string> &workIds) {
  Article article;
  Problems problems;
  const Checker check{structureIds, claimIds, workIds, problems};
  for (const SectionDoc &doc : docs) {
    if (!doc.root) {
      problems.add(doc.root.error());
      continue;
    }
    if (std::optional<ArticleSection> section = readSection(doc.file, *doc.root, check))
      article.sections.push_back(std::move(*section));
  }

  // Whole-article checks: duplicates, the contract, order.
  std::map<std::string, const ArticleSection *> sectionById;
  std::map<std::string, const ArticleItem *> itemById;
  for (const ArticleSection &s : article.sections) {
    if (auto [it, inserted] = sectionById.emplace(s.id, &s); !inserted)
      problems.add(s.file + ":" + std::to_string(s.line) + ": section id '" + s.id +
                   "' is used again (first in " + it->second->file + ")");
    for (const ArticleItem &item : s.items)
      if (auto [it, inserted] = itemById.emplace(item.id, &item); !inserted)
        problems.add(item.file + ":" + std::to_string(item.line) + ": item id '" + item.id +
                     "' is used again (first at " + it->second->file + ":" +
                     std::to_string(it->second->line) + ")");
  }
  const std::vector<SectionContract> &contract = articleContract();
  for (std::size_t i = 0; i < contract.size(); ++i) {
    const SectionContract &c = contract[i];
    auto found = sectionById.find(c.id);
    if (found == sectionById.end()) {
      problems.add(dir + ": section '" + std::string(c.id) + "' is missing (the article has " +
                   std::to_string(contract.size()) + " sections; this one is number " +
                   std::to_string(i + 1) + ")");
      continue;
    }
    const ArticleSection &s = *found->second;
    if (static_cast<int>(s.items.size()) != c.items)
      problems.add(s.file + ":" + std::to_string(s.line) + ": section '" + s.id + "' has " +
                   std::to_string(s.items.size()) + " items; the article has " + std::to_string(c.items));
    if (s.order != static_cast<int>(i) + 1)
      problems.add(s.file + ":" + std::to_string(s.line) + ": section '" + s.id + "' has order " +
                   std::to_string(s.order) + "; in the article it is section " + std::to_string(i + 1));
  }
  for (const ArticleSection &s : article.sections) {
    const bool inContract = std::any_of(contract.begin(), contract.end(),
                                        [&s](const SectionContract &c) { return s.id == c.id; });
    if (!inContract)
      problems.add(s.file + ":" + std::to_string(s.line) + ": section '" + s.id +
                   "' is not a section of the article (expected one of overview, anatomy, functions, ...)");
  }
  std::stable_sort(article.sections.begin(), article.sections.end(),
                   [](const ArticleSection &a, const ArticleSection &b) { return a.order < b.order; });
  article.cited = citedWorks(article);
  article.problems = problems.messages();
  return article;
}

} // namespace

Article loadArticle(const std::string &dir, const std::set<std::string> &structureIds,
                    const std::set<std::string> &claimIds, const std::set<std::string> &workIds) {
  const std::vector<std::string> files = yamlFilesIn(dir);
  if (files.empty()) {
    Article article;
    article.problems.push_back(dir + ": no article files (*.yaml) found");
    return article;
  }
  std::vector<SectionDoc> docs;
  for (const std::string &file : files)
    docs.push_back({file, loadYamlFile(file, dir)});
  return checkArticle(docs, dir, structureIds, claimIds, workIds);
}

Article loadArticleFromTexts(const std::vector<ContentText> &files, const std::string &dir,
                             const std::set<std::string> &structureIds, const std::set<std::string> &claimIds,
                             const std::set<std::string> &workIds) {
  std::vector<SectionDoc> docs;
  for (const ContentText &file : files)
    docs.push_back({file.name, parseYaml(file.text, file.name)});
  return checkArticle(docs, dir, structureIds, claimIds, workIds);
}

// ---- queries ------------------------------------------------------------------------------------

std::string otherSide(const std::string &id) {
  return otherSideId(id);
}

namespace {

bool sameStructure(const std::string &link, const std::string &id) {
  return !id.empty() && (link == id || link == otherSide(id));
}

bool textMentions(const std::string &text, const std::string &id) {
  for (const std::string &link : inlineLinks(text))
    if (sameStructure(link, id))
      return true;
  return false;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool contains(const std::string &haystack, const std::string &needle) {
  return !findAll(haystack, needle).empty();
}

} // namespace

bool mentions(const ArticleItem &item, const std::string &structureId) {
  for (const std::string &link : item.links)
    if (sameStructure(link, structureId))
      return true;
  return textMentions(item.term, structureId) || textMentions(item.text, structureId) ||
         textMentions(item.patient, structureId);
}

bool sectionTextMentions(const ArticleSection &section, const std::string &structureId) {
  if (textMentions(section.intro, structureId) || textMentions(section.patientIntro, structureId))
    return true;
  for (const auto *list : {&section.paragraphs, &section.patientParagraphs})
    for (const std::string &p : *list)
      if (textMentions(p, structureId))
        return true;
  return false;
}

std::vector<std::string> passagesMentioning(const Article &article, const std::string &structureId) {
  std::vector<std::string> ids;
  if (structureId.empty())
    return ids;
  for (const ArticleSection &s : article.sections) {
    if (sectionTextMentions(s, structureId))
      ids.push_back(s.id);
    for (const ArticleItem &item : s.items)
      if (mentions(item, structureId))
        ids.push_back(item.id);
  }
  return ids;
}

std::vector<std::pair<std::size_t, std::size_t>> findAll(const std::string &text, const std::string &needle) {
  std::vector<std::pair<std::size_t, std::size_t>> hits;
  if (needle.empty())
    return hits;
  const std::string hay = lower(text), pin = lower(needle);
  for (std::size_t pos = hay.find(pin); pos != std::string::npos; pos = hay.find(pin, pos + pin.size()))
    hits.emplace_back(pos, pos + pin.size());
  return hits;
}

bool itemMatches(const ArticleItem &item, const std::string &needle, bool patient) {
  if (needle.empty())
    return true;
  if (contains(plainText(item.term), needle) ||
      contains(plainText(patient ? item.patient : item.text), needle))
    return true;
  for (const SourceNote &note : item.notes)
    if (contains(note.text, needle) || contains(note.reference, needle))
      return true;
  for (const ClinicalNote &note : item.clinicalNotes)
    if (contains(plainText(patient ? note.patient : note.text), needle))
      return true;
  return false;
}

bool sectionTextMatches(const ArticleSection &section, const std::string &needle, bool patient) {
  if (needle.empty())
    return true;
  if (contains(section.title, needle) || contains(plainText(section.introFor(patient)), needle))
    return true;
  for (const std::string &p : section.paragraphsFor(patient))
    if (contains(plainText(p), needle))
      return true;
  return false;
}

// ---- claim notes --------------------------------------------------------------------------------

void attachClaimNotes(Article &article, const ClaimLookup &lookup) {
  for (ArticleSection &section : article.sections)
    for (ArticleItem &item : section.items) {
      item.notes.clear();
      if (!item.note.empty())
        item.notes.push_back({item.note, "", "", ""});
      if (!lookup)
        continue;
      for (const std::string &id : item.claims) {
        const std::optional<ClaimNote> claim = lookup(id);
        if (!claim || claim->note.empty())
          continue;
        SourceNote note{claim->note, "", "", claim->id};
        if (!claim->differsFrom.empty())
          if (const std::optional<ClaimNote> reference = lookup(claim->differsFrom)) {
            note.reference = reference->text;
            note.cite = reference->cite;
          }
        item.notes.push_back(std::move(note));
      }
    }
}

// ---- citations ----------------------------------------------------------------------------------

void attachCitations(Article &article, const CiteLookup &lookup) {
  if (!lookup)
    return;
  for (CitedWork &work : article.cited)
    if (const std::optional<CitedWork> found = lookup(work.id)) {
      work.shortCite = found->shortCite;
      work.fullCite = found->fullCite;
    }
}

} // namespace atlas::content
