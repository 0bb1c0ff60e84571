// Reading the project's YAML content files with messages that point at the file and line, e.g.
// "content/structures/ribs.yaml:12: field 'latin' is missing". Used by every content loader.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace atlas::content {

// The largest content file read (the biggest real one is a few tens of KiB).
constexpr std::size_t kMaxContentFileBytes = std::size_t{4} << 20; // 4 MiB

// The text of one content file listed in `folder` (the file's own folder when empty). Refused with a
// message naming the file: anything but a regular file ("not a regular file; skipped" — a FIFO is
// never opened for a blocking read), a link that resolves outside `folder` (not followed), and a
// file over kMaxContentFileBytes.
Result<std::string> readContentFile(const std::string &path, const std::string &folder = "");
// readContentFile, then parseYaml.
Result<YAML::Node> loadYamlFile(const std::string &path, const std::string &folder = "");
// Parses text already in memory; `name` stands for the file in messages. A syntax error gives
// "file:line:column: message". Refused with "file:line: message": an anchor (&name) or alias (*name),
// which content never needs and which multiply memory when expanded; a second document ('---'); and
// text over kMaxContentFileBytes.
Result<YAML::Node> parseYaml(const std::string &text, const std::string &name);

// The content files of a folder: every *.yaml and *.yml entry, in name order (messages and lists do
// not shuffle); none when the folder cannot be read. Not only regular files: a FIFO or a link out of
// the folder is then refused by readContentFile with a message, not skipped in silence.
std::vector<std::string> yamlFilesIn(const std::string &dir);

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

// The 1-based line a node starts on, for "file:line" messages; 0 when the parser kept no mark.
inline int lineOf(const YAML::Node &node) {
  return node.Mark().is_null() ? 0 : node.Mark().line + 1;
}

// Field readers: nullopt (and a problem when `required`) if absent or not of the expected kind.
std::optional<std::string> readString(const std::string &file, const YAML::Node &map, const char *key,
                                      bool required, Problems &problems);
std::optional<std::vector<std::string>> readStringList(const std::string &file, const YAML::Node &map,
                                                       const char *key, bool required, Problems &problems);

} // namespace atlas::content
