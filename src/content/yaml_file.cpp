#include "content/yaml_file.h"

#include <fstream>
#include <sstream>

namespace atlas::content {

Result<YAML::Node> loadYamlFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error{path + ": cannot open the file"};
  std::stringstream text;
  text << in.rdbuf();
  return parseYaml(text.str(), path);
}

Result<YAML::Node> parseYaml(const std::string &text, const std::string &name) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception &e) {
    return Error{name + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                 ": " + e.msg};
  }
}

std::string where(const std::string &file, const YAML::Node &node) {
  const YAML::Mark mark = node.Mark();
  return mark.is_null() ? file : file + ":" + std::to_string(mark.line + 1);
}

std::optional<std::string> readString(const std::string &file, const YAML::Node &map, const char *key,
                                      bool required, Problems &problems) {
  const YAML::Node value = map[key];
  if (!value || value.IsNull()) {
    if (required)
      problems.add(file, map, std::string("field '") + key + "' is missing");
    return std::nullopt;
  }
  if (!value.IsScalar()) {
    problems.add(file, value, std::string("field '") + key + "' should be text");
    return std::nullopt;
  }
  return value.Scalar();
}

std::optional<std::vector<std::string>> readStringList(const std::string &file, const YAML::Node &map,
                                                       const char *key, bool required, Problems &problems) {
  const YAML::Node value = map[key];
  if (!value || value.IsNull()) {
    if (required)
      problems.add(file, map, std::string("field '") + key + "' is missing");
    return std::nullopt;
  }
  if (!value.IsSequence()) {
    problems.add(file, value, std::string("field '") + key + "' should be a list like [a, b]");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const YAML::Node &item : value) {
    if (!item.IsScalar()) {
      problems.add(file, item, std::string("every entry of '") + key + "' should be text");
      continue;
    }
    out.push_back(item.Scalar());
  }
  return out;
}

} // namespace atlas::content
