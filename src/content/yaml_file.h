// Reading the project's YAML content files with messages that point at the file and line, e.g.
// "content/structures/ribs.yaml:12: field 'latin' is missing". Used by every content loader.
#pragma once

#include "core/result.h"

#include <optional>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace atlas::content {

// Parses a whole file; a syntax error gives "file:line:column: message".
Result<YAML::Node> loadYamlFile(const std::string &path);
// The same on text already in memory; `name` stands for the file in messages.
Result<YAML::Node> parseYaml(const std::string &text, const std::string &name);

// "file:line" of a node (line numbers start at 1).
std::string where(const std::string &file, const YAML::Node &node);

// Collects problems while loading one file, so one bad entry is reported and skipped while the rest
// of the file still loads.
class Problems {
public:
  void add(const std::string &file, const YAML::Node &node, const std::string &message) {
    messages_.push_back(where(file, node) + ": " + message);
  }
  void add(const std::string &message) { messages_.push_back(message); }
  const std::vector<std::string> &messages() const { return messages_; }
  bool empty() const { return messages_.empty(); }

private:
  std::vector<std::string> messages_;
};

// Field readers: nullopt (and a problem when `required`) if absent or not of the expected kind.
std::optional<std::string> readString(const std::string &file, const YAML::Node &map, const char *key,
                                      bool required, Problems &problems);
std::optional<std::vector<std::string>> readStringList(const std::string &file, const YAML::Node &map,
                                                       const char *key, bool required, Problems &problems);

} // namespace atlas::content
