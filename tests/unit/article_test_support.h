// What the article tests share: a scratch copy of the article folder (content/article) that a test
// edits one file of, then loads (under the system's temporary folder, named after the test and the
// process, removed afterwards), and the way they print and search the loader's problem lines.
#pragma once

#include "content/content_load.h"
#include "content/knowledge_base.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace atlas::test {

// The project's content/ knowledge base, loaded once per test process exactly as the viewer loads it.
inline const content::KnowledgeBase &contentKnowledge() {
  static const content::KnowledgeLoad loaded =
      content::loadKnowledgeBase(std::string(ATLAS_SOURCE_DIR) + "/content");
  return loaded.knowledge;
}
inline const std::set<std::string> &contentStructureIds() {
  static const std::set<std::string> ids = content::structureIds(contentKnowledge());
  return ids;
}

// The problem lines one per line, for INFO().
inline std::string joined(const std::vector<std::string> &lines) {
  std::string out;
  for (const std::string &line : lines)
    out += line + "\n";
  return out;
}

// Does one message contain both `a` and `b`?
inline bool anyContains(const std::vector<std::string> &messages, const std::string &a,
                        const std::string &b = "") {
  for (const std::string &m : messages)
    if (m.find(a) != std::string::npos && m.find(b) != std::string::npos)
      return true;
  return false;
}

struct ScratchArticleFolder {
  std::filesystem::path dir;
  ScratchArticleFolder(const std::string &name, const std::string &articleDir) {
    dir =
        std::filesystem::temp_directory_path() / ("atlas-article-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    for (const auto &entry : std::filesystem::directory_iterator(articleDir))
      std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
  }
  ~ScratchArticleFolder() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  ScratchArticleFolder(const ScratchArticleFolder &) = delete;
  ScratchArticleFolder &operator=(const ScratchArticleFolder &) = delete;

  std::string read(const std::string &file) const {
    std::ifstream in(dir / file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  void write(const std::string &file, const std::string &text) const { std::ofstream(dir / file) << text; }
  // Replaces the first `from` in `file` with `to`; the test fails when `from` is not there.
  void replace(const std::string &file, const std::string &from, const std::string &to) const {
    std::string text = read(file);
    const std::size_t pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    text.replace(pos, from.size(), to);
    write(file, text);
  }
};

} // namespace atlas::test
