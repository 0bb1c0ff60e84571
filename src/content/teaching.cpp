#include "content/teaching.h"

#include "content/yaml_file.h"

#include <algorithm>
#include <filesystem>
#include <map>

namespace atlas::content {
namespace {

void readEntry(const std::string &file, const YAML::Node &node, const std::set<std::string> &structureIds,
               const std::set<std::string> &workIds, Teaching &teaching, Problems &problems) {
  if (!node.IsMap()) {
    problems.add(file, node, "every entry should be a map with id, title, text, links, sources");
    return;
  }
  TeachingEntry entry;
  entry.file = file;
  entry.line = lineOf(node);
  const std::optional<std::string> id = readString(file, node, "id", true, problems);
  if (!id)
    return;
  entry.id = *id;
  const std::string what = "teaching entry '" + entry.id + "'";
  Problems fields;
  entry.title = readString(file, node, "title", true, fields).value_or("");
  entry.text = readString(file, node, "text", true, fields).value_or("");
  entry.patient = readString(file, node, "patient", false, fields).value_or("");
  entry.patientTitle = readString(file, node, "patient_title", false, fields).value_or("");
  entry.patientNone = readString(file, node, "patient_none", false, fields).value_or("");
  entry.links = readStringList(file, node, "links", false, fields).value_or(std::vector<std::string>{});
  entry.awaits = readStringList(file, node, "awaits", false, fields).value_or(std::vector<std::string>{});
  entry.sources = readStringList(file, node, "sources", false, fields).value_or(std::vector<std::string>{});
  for (const std::string &message : fields.messages())
    problems.add(message + " (" + what + ")");
  static const std::set<std::string> known = {"id",           "title", "patient_title", "text",   "patient",
                                              "patient_none", "links", "awaits",        "sources"};
  for (const auto &field : node)
    if (!known.count(field.first.Scalar()))
      problems.add(
          file, field.first,
          "unknown field '" + field.first.Scalar() + "' in " + what +
              " (expected id, title, patient_title, text, patient or patient_none, links, awaits, sources)");
  // A patient sees every entry in patient mode: either its plain version or, where a plain version
  // would not help, the reason, so that no entry silently falls back to the students' words.
  if (!entry.patient.empty() && entry.patientTitle.empty())
    problems.add(file, node,
                 what + " has a patient version but no 'patient_title:' (the title in plain words)");
  if (entry.patient.empty() == entry.patientNone.empty())
    problems.add(file, node,
                 what + (entry.patient.empty() ? " has no patient version; add 'patient:' (plain words) or "
                                                 "'patient_none:' (why a patient needs none)"
                                               : " has both 'patient:' and 'patient_none:'; keep one"));
  const YAML::Node linksNode = node["links"] ? node["links"] : node;
  for (const std::string &link : entry.links)
    if (!structureIds.empty() && !structureIds.count(link))
      problems.add(file, linksNode,
                   what + " links '" + link +
                       "', which is not a structure id of the model (list it under awaits)");
  const YAML::Node sourcesNode = node["sources"] ? node["sources"] : node;
  if (entry.sources.empty())
    problems.add(file, sourcesNode,
                 what + " cites no source; add 'sources: [work_id]' (content/bibliography)");
  for (const std::string &source : entry.sources)
    if (!workIds.empty() && !workIds.count(source))
      problems.add(file, sourcesNode,
                   what + " cites '" + source +
                       "', which is not a work id of the bibliography (content/bibliography)");
  teaching.entries.push_back(std::move(entry));
}

} // namespace

const TeachingEntry *Teaching::find(const std::string &id) const {
  for (const TeachingEntry &entry : entries)
    if (entry.id == id)
      return &entry;
  return nullptr;
}

const TeachingEntry *Teaching::findOrFirst(const std::string &id) const {
  const TeachingEntry *entry = find(id);
  return entry ? entry : entries.empty() ? nullptr : &entries.front();
}

Teaching loadTeaching(const std::string &dir, const std::set<std::string> &structureIds,
                      const std::set<std::string> &workIds) {
  Teaching teaching;
  Problems problems;
  const std::vector<std::string> files = yamlFilesIn(dir);
  if (files.empty()) {
    teaching.problems.push_back(dir + ": no teaching files (*.yaml) found");
    return teaching;
  }
  for (const std::string &file : files) {
    const Result<YAML::Node> root = loadYamlFile(file, dir);
    if (!root) {
      problems.add(root.error());
      continue;
    }
    const YAML::Node list = (*root)["entries"];
    if (!root->IsMap() || !list || !list.IsSequence()) {
      problems.add(file, *root, "a teaching file should hold a list 'entries:'");
      continue;
    }
    for (const auto &field : *root)
      if (field.first.Scalar() != "entries")
        problems.add(file, field.first,
                     "unknown section '" + field.first.Scalar() + "' (expected 'entries')");
    for (const YAML::Node &node : list)
      readEntry(file, node, structureIds, workIds, teaching, problems);
  }
  std::map<std::string, const TeachingEntry *> byId;
  for (const TeachingEntry &entry : teaching.entries)
    if (auto [it, inserted] = byId.emplace(entry.id, &entry); !inserted)
      problems.add(entry.file + ":" + std::to_string(entry.line) + ": teaching entry id '" + entry.id +
                   "' is used again (first at " + it->second->file + ":" + std::to_string(it->second->line) +
                   ")");
  teaching.problems = problems.messages();
  return teaching;
}

} // namespace atlas::content
