// The content is written in the project's own words: no run of 9 or more consecutive words may be
// shared with the seed article (../shared/seed, beside the project as the README says). Measured in
// December 2026, the longest shared runs are 8 words: a question a reader asks ("should I see a
// doctor if the pain ...") and a fixed anatomical phrase ("on the upper surface of the first rib").
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kLongestAllowedRun = 8;

std::string readAll(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Lower-case words of letters and digits (an apostrophe inside a word is kept: "don't").
std::vector<std::string> words(const std::string &text) {
  std::vector<std::string> out;
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (std::isalnum(c) || (c == '\'' && !word.empty() && i + 1 < text.size() &&
                            std::isalpha(static_cast<unsigned char>(text[i + 1]))))
      word += static_cast<char>(std::tolower(c));
    else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  return out;
}

std::string run(const std::vector<std::string> &w, std::size_t at, std::size_t n) {
  std::string joined;
  for (std::size_t i = at; i < at + n; ++i)
    joined += (i == at ? "" : " ") + w[i];
  return joined;
}

// Every run of n words of `w`.
std::set<std::string> runs(const std::vector<std::string> &w, std::size_t n) {
  std::set<std::string> out;
  for (std::size_t i = 0; i + n <= w.size(); ++i)
    out.insert(run(w, i, n));
  return out;
}

} // namespace

TEST_CASE("own words: the word-run check finds a copied sentence and passes a paraphrase",
          "[content][ownwords]") {
  const std::vector<std::string> seed =
      words("The scalenus posterior is the smallest and deepest of the three "
            "scalene muscles, lying behind the scalenus medius.");
  const std::set<std::string> seedRuns = runs(seed, kLongestAllowedRun + 1);
  const std::vector<std::string> copied =
      words("Note: the scalenus posterior is the smallest and deepest of the three.");
  const std::vector<std::string> own =
      words("Of the three scalenes, the posterior one is the deepest and smallest.");
  int copiedHits = 0, ownHits = 0;
  for (std::size_t i = 0; i + kLongestAllowedRun + 1 <= copied.size(); ++i)
    copiedHits += seedRuns.count(run(copied, i, kLongestAllowedRun + 1)) ? 1 : 0;
  for (std::size_t i = 0; i + kLongestAllowedRun + 1 <= own.size(); ++i)
    ownHits += seedRuns.count(run(own, i, kLongestAllowedRun + 1)) ? 1 : 0;
  CHECK(copiedHits > 0);
  CHECK(ownHits == 0);
}

TEST_CASE("own words: no content file shares 9 or more words in a row with the seed article",
          "[content][ownwords]") {
  const fs::path source(ATLAS_SOURCE_DIR);
  const fs::path seedPath = source / ".." / "shared" / "seed" / "scalenus-posterior-article.txt";
  INFO("the seed article is read from " << seedPath.string() << " (shared material beside the project)");
  REQUIRE(fs::is_regular_file(seedPath));
  const std::set<std::string> seedRuns = runs(words(readAll(seedPath)), kLongestAllowedRun + 1);
  REQUIRE(seedRuns.size() > 1000); // the whole article, not an empty or truncated file
  int files = 0;
  for (const auto &entry : fs::recursive_directory_iterator(source / "content")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".yaml")
      continue;
    ++files;
    const std::vector<std::string> w = words(readAll(entry.path()));
    for (std::size_t i = 0; i + kLongestAllowedRun + 1 <= w.size(); ++i) {
      const std::string text = run(w, i, kLongestAllowedRun + 1);
      INFO(entry.path().string() << ": \"" << text << "\"");
      CHECK(seedRuns.count(text) == 0);
    }
  }
  CHECK(files > 20);
}
