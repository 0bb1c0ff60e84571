// What the content loaders refuse to read, on disk and through the in-memory entry points the fuzzer
// uses: a FIFO (never a read that blocks), a link out of the content folder, a file over 4 MiB, YAML
// anchors and aliases (the "billion laughs"), and a second YAML document. Each is one problem naming
// the file (and line), and the other files still load.
#include "content/article.h"
#include "content/knowledge_base.h"
#include "content/yaml_file.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <future>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace atlas;
using namespace atlas::content;
namespace fs = std::filesystem;

namespace {

const fs::path sourceContent = fs::path(ATLAS_SOURCE_DIR) / "content";

// A scratch copy of content/ (structures, sources.yaml, article) that a test may break.
struct ScratchContent {
  fs::path root, content;
  explicit ScratchContent(const std::string &name) {
    root = fs::temp_directory_path() / ("atlas-content-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(root);
    content = root / "content";
    fs::create_directories(root);
    fs::copy(sourceContent, content, fs::copy_options::recursive);
  }
  ~ScratchContent() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  fs::path structures() const { return content / "structures"; }
  fs::path article() const { return content / "article"; }
};

std::string joined(const std::vector<std::string> &lines) {
  std::string out;
  for (const std::string &line : lines)
    out += line + "\n";
  return out;
}

bool anyContains(const std::vector<std::string> &messages, const std::string &fragment) {
  return std::any_of(messages.begin(), messages.end(),
                     [&](const std::string &m) { return m.find(fragment) != std::string::npos; });
}

std::size_t countContaining(const std::vector<std::string> &messages, const std::string &fragment) {
  return static_cast<std::size_t>(std::count_if(messages.begin(), messages.end(), [&](const std::string &m) {
    return m.find(fragment) != std::string::npos;
  }));
}

// Runs `load` on another thread. If it has not returned in time it is blocked on the FIFO (the bug
// this guards against): the FIFO is opened for writing and closed, so the blocked open/read ends with
// end-of-file, and the test fails instead of hanging.
template <typename Load> auto loadWithoutHanging(Load load, const fs::path &fifo) {
  auto future = std::async(std::launch::async, load);
  if (future.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
    for (int attempt = 0; attempt < 100; ++attempt) { // a reader blocked in open() lets this succeed
      const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
      if (fd >= 0) {
        ::close(fd);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (future.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
      std::fprintf(stderr, "the loader is still blocked on %s after the FIFO was opened and closed\n",
                   fifo.c_str());
      std::_Exit(EXIT_FAILURE); // the future's destructor would wait for ever
    }
    future.get();
    FAIL("the loader blocked reading the FIFO " << fifo << " (unblocked after 20 s)");
  }
  return future.get();
}

// A structures file with one valid entry, for files that must not be read.
std::string oneStructure(const std::string &id) {
  return "structures:\n  - id: " + id +
         "\n    name: Outside\n    latin: Extra\n    system: bone\n    description: x\n    patient: y\n";
}

const ContentText kSources{"content/sources.yaml", "sources:\n  - id: reference\n    title: References\n"};

// 10^4 copies of one string from a 420-byte file: what a few more levels turn into gigabytes.
const std::string kLaughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" // line 1
                            "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"           // line 2
                            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"           // line 3
                            "structures: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"  // line 4
                            "items: [*d, *d]\n";                                         // line 5

} // namespace

TEST_CASE("a FIFO among the structures files is reported, not read, and the rest loads",
          "[content][knowledge][errors]") {
  const KnowledgeLoad reference = loadKnowledgeBase(sourceContent.string());
  REQUIRE(reference.problems.empty());
  ScratchContent scratch("fifo-kb");
  const fs::path fifo = scratch.structures() / "zz_pipe.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const KnowledgeLoad load =
      loadWithoutHanging([&] { return loadKnowledgeBase(scratch.content.string()); }, fifo);
  INFO(joined(load.problems));
  REQUIRE(load.problems.size() == 1);
  CHECK(load.problems[0] == fifo.string() + ": not a regular file; skipped (it is a named pipe (FIFO))");
  CHECK(load.knowledge.structures().size() == reference.knowledge.structures().size());
  CHECK(load.knowledge.claims().size() == reference.knowledge.claims().size());
}

TEST_CASE("a FIFO in the article folder, or as sources.yaml, is reported with its path",
          "[content][article][errors]") {
  SECTION("article") {
    ScratchContent scratch("fifo-article");
    const fs::path fifo = scratch.article() / "05_causes_pipe.yaml";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const Article article =
        loadWithoutHanging([&] { return loadArticle(scratch.article().string(), {}, {}); }, fifo);
    INFO(joined(article.problems));
    REQUIRE(article.problems.size() == 1);
    CHECK(article.problems[0] == fifo.string() + ": not a regular file; skipped (it is a named pipe (FIFO))");
    CHECK(article.sections.size() == articleContract().size());
  }
  SECTION("sources.yaml") {
    ScratchContent scratch("fifo-sources");
    const fs::path fifo = scratch.content / "sources.yaml";
    fs::remove(fifo);
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const KnowledgeLoad load =
        loadWithoutHanging([&] { return loadKnowledgeBase(scratch.content.string()); }, fifo);
    INFO(joined(load.problems));
    CHECK(anyContains(load.problems, fifo.string() + ": not a regular file; skipped"));
    CHECK_FALSE(load.knowledge.structures().empty());
  }
  SECTION("a folder named like a content file") {
    ScratchContent scratch("dir-article");
    fs::create_directory(scratch.article() / "16_folder.yaml");
    const Article article = loadArticle(scratch.article().string(), {}, {});
    INFO(joined(article.problems));
    REQUIRE(article.problems.size() == 1);
    CHECK(article.problems[0] ==
          (scratch.article() / "16_folder.yaml").string() + ": not a regular file; skipped (it is a folder)");
  }
}

TEST_CASE("links out of the content folder are not followed, links inside it are",
          "[content][knowledge][article][errors]") {
  ScratchContent scratch("links");
  // Valid content outside the folders: read, it would load without a problem.
  std::ofstream(scratch.root / "outside.yaml") << oneStructure("secret_outside");
  fs::create_symlink(scratch.root / "outside.yaml", scratch.structures() / "zz_absolute.yaml");
  fs::create_symlink("../../outside.yaml", scratch.structures() / "zz_relative.yaml");
  // sources.yaml is in content/, not in content/structures: a link to it leaves the folder too.
  fs::create_symlink("../sources.yaml", scratch.structures() / "zz_sources.yaml");
  // A link that stays inside the folder is an ordinary file.
  fs::rename(scratch.structures() / "ribs.yaml", scratch.structures() / "ribs.text");
  fs::create_symlink("ribs.text", scratch.structures() / "ribs.yaml");

  const KnowledgeLoad load = loadKnowledgeBase(scratch.content.string());
  INFO(joined(load.problems));
  CHECK(load.problems.size() == 3);
  const std::string outside = fs::canonical(scratch.root / "outside.yaml").string();
  for (const char *link : {"zz_absolute.yaml", "zz_relative.yaml"})
    CHECK(anyContains(load.problems, (scratch.structures() / link).string() + ": a link to " + outside +
                                         ", outside " + scratch.structures().string() + "; not followed"));
  CHECK(anyContains(load.problems, (scratch.structures() / "zz_sources.yaml").string() + ": a link to "));
  CHECK_FALSE(load.knowledge.findStructure("secret_outside"));
  CHECK(load.knowledge.findStructure("rib1_right")); // from ribs.yaml through its link

  fs::create_symlink(scratch.root / "outside.yaml", scratch.article() / "16_outside.yaml");
  const Article article = loadArticle(scratch.article().string(), {}, {});
  INFO(joined(article.problems));
  REQUIRE(article.problems.size() == 1);
  CHECK_THAT(article.problems[0], Catch::StartsWith((scratch.article() / "16_outside.yaml").string() +
                                                    ": a link to " + outside + ", outside "));
}

TEST_CASE("content files are at most 4 MiB", "[content][errors]") {
  ScratchContent scratch("size");
  const std::string atLimit = "# x\n" + std::string(kMaxContentFileBytes - 5, '#') + "\n";
  REQUIRE(atLimit.size() == kMaxContentFileBytes);
  std::ofstream(scratch.structures() / "limit.txt") << atLimit;
  const Result<std::string> read =
      readContentFile((scratch.structures() / "limit.txt").string(), scratch.structures().string());
  INFO(read.error());
  CHECK(read);

  // One byte more: a valid entry padded with a comment. Read, it would load without a problem.
  const fs::path big = scratch.structures() / "zz_big.yaml";
  std::string bigText = oneStructure("big_file") + "#";
  bigText += std::string(kMaxContentFileBytes + 1 - bigText.size() - 1, 'x') + "\n";
  REQUIRE(bigText.size() == kMaxContentFileBytes + 1);
  std::ofstream(big) << bigText;
  const KnowledgeLoad load = loadKnowledgeBase(scratch.content.string());
  INFO(joined(load.problems));
  REQUIRE(load.problems.size() == 1);
  CHECK(load.problems[0] ==
        big.string() + ": 4194305 bytes; a content file may be at most 4194304 bytes (4 MiB)");
  CHECK_FALSE(load.knowledge.findStructure("big_file"));
  CHECK(load.knowledge.findStructure("c5"));

  // The in-memory entry points keep the same limit.
  const KnowledgeLoad fromTexts =
      loadKnowledgeBaseFromTexts({{"content/structures/big.yaml", bigText}}, kSources, "content/structures");
  CHECK(anyContains(fromTexts.problems,
                    "content/structures/big.yaml: 4194305 bytes; a content file may be at most"));
}

TEST_CASE("YAML aliases and anchors are refused with file:line, on disk and in memory",
          "[content][knowledge][article][errors]") {
  SECTION("an alias in a structures file on disk") {
    ScratchContent scratch("alias");
    const fs::path file = scratch.structures() / "zz_alias.yaml";
    std::ofstream(file) << "structures:\n"
                           "  - id: aliased\n"
                           "    name: &words Repeated words\n"
                           "    latin: *words\n"
                           "    system: bone\n"
                           "    description: x\n"
                           "    patient: y\n";
    const KnowledgeLoad load = loadKnowledgeBase(scratch.content.string());
    INFO(joined(load.problems));
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0] ==
          file.string() + ":4: YAML aliases (*words) are not allowed in content files; write the text "
                          "out in full (the anchor &words is on line 3)");
    CHECK_FALSE(load.knowledge.findStructure("aliased"));
    CHECK(load.knowledge.findStructure("c5")); // the other files load
  }
  SECTION("the billion laughs, through loadKnowledgeBaseFromTexts and loadArticleFromTexts") {
    const KnowledgeLoad kb = loadKnowledgeBaseFromTexts({{"content/structures/laughs.yaml", kLaughs}},
                                                        kSources, "content/structures");
    INFO(joined(kb.problems));
    REQUIRE(kb.problems.size() == 1);
    CHECK_THAT(kb.problems[0],
               Catch::StartsWith("content/structures/laughs.yaml:2: YAML aliases (*a) are not allowed"));
    const Article article =
        loadArticleFromTexts({{"content/article/laughs.yaml", kLaughs}}, "content/article", {}, {});
    INFO(joined(article.problems));
    CHECK(countContaining(article.problems, "content/article/laughs.yaml") == 1);
    CHECK(anyContains(article.problems, "content/article/laughs.yaml:2: YAML aliases (*a) are not allowed"));
    CHECK(article.sections.empty());
  }
  SECTION("a merge key is an alias too") {
    const std::string text = "id: overview\n"
                             "title: &t Overview\n"
                             "order: 1\n"
                             "intro: x\n"
                             "patient_intro: y\n"
                             "items:\n"
                             "  - &base {id: overview.a, term: A, text: t, patient: p}\n"
                             "  - <<: *base\n";
    const Article article =
        loadArticleFromTexts({{"content/article/merge.yaml", text}}, "content/article", {}, {});
    INFO(joined(article.problems));
    CHECK(anyContains(article.problems,
                      "content/article/merge.yaml:8: YAML aliases (*base) are not allowed in content files"));
    CHECK_FALSE(article.findSection("overview"));
  }
  SECTION("an anchor nothing refers to") {
    const Result<YAML::Node> doc = parseYaml("a: 1\nb: &unused 2\n", "content/structures/anchor.yaml");
    REQUIRE_FALSE(doc);
    CHECK(doc.error() == "content/structures/anchor.yaml:2: YAML anchors (&unused) are not allowed in "
                         "content files; remove it");
  }
}

TEST_CASE("a content file holds one YAML document: a second '---' is reported at its line",
          "[content][knowledge][article][errors]") {
  SECTION("structures file on disk") {
    ScratchContent scratch("documents");
    const fs::path file = scratch.structures() / "zz_two.yaml";
    std::ofstream(file) << oneStructure("first_document") << "---\n" << oneStructure("second_document");
    const KnowledgeLoad load = loadKnowledgeBase(scratch.content.string());
    INFO(joined(load.problems));
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0] ==
          file.string() + ":8: a content file holds one YAML document; a second begins here");
    CHECK_FALSE(load.knowledge.findStructure("second_document"));
  }
  SECTION("in memory, knowledge base and article") {
    const std::string text =
        "# one\n---\n" + oneStructure("first_document") + "...\n---\n" + oneStructure("second_document");
    const KnowledgeLoad kb =
        loadKnowledgeBaseFromTexts({{"content/structures/two.yaml", text}}, kSources, "content/structures");
    INFO(joined(kb.problems));
    CHECK(anyContains(
        kb.problems,
        "content/structures/two.yaml:11: a content file holds one YAML document; a second begins here"));
    const Article article = loadArticleFromTexts(
        {{"content/article/two.yaml", "id: overview\n---\nid: anatomy\n"}}, "content/article", {}, {});
    INFO(joined(article.problems));
    CHECK(anyContains(
        article.problems,
        "content/article/two.yaml:2: a content file holds one YAML document; a second begins here"));
  }
  SECTION("one document with an explicit start and end is fine") {
    const Result<YAML::Node> doc = parseYaml("%YAML 1.2\n---\na: 1\n...\n# end\n", "one.yaml");
    INFO(doc.error());
    REQUIRE(doc);
    CHECK((*doc)["a"].as<int>() == 1);
  }
}
