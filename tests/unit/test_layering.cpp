// The layers include only downwards (src/CMakeLists.txt): scanned from the sources, so a new file or
// a new include that breaks the order fails here, not in a review.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kSrc = fs::path(ATLAS_SOURCE_DIR) / "src";

// The project headers `file` includes ("dir/name.h").
std::vector<std::string> projectIncludes(const fs::path &file) {
  std::vector<std::string> found;
  std::ifstream in(file);
  std::string line;
  const std::string directive = "#include \"";
  while (std::getline(in, line))
    if (line.rfind(directive, 0) == 0) {
      const std::size_t end = line.find('"', directive.size());
      if (end != std::string::npos)
        found.push_back(line.substr(directive.size(), end - directive.size()));
    }
  return found;
}

bool isSource(const fs::path &file) {
  return file.extension() == ".h" || file.extension() == ".cpp";
}

// Every include of a file in `dir` that starts with one of `forbidden`, as "file: include".
std::vector<std::string> backEdges(const std::string &dir, const std::vector<std::string> &forbidden) {
  std::vector<std::string> bad;
  for (const fs::directory_entry &entry : fs::directory_iterator(kSrc / dir))
    if (isSource(entry.path()))
      for (const std::string &include : projectIncludes(entry.path()))
        for (const std::string &prefix : forbidden)
          if (include.rfind(prefix, 0) == 0)
            bad.push_back(dir + "/" + entry.path().filename().string() + ": " + include);
  return bad;
}

// Fails once per back edge, naming it.
void checkNone(const std::vector<std::string> &edges) {
  for (const std::string &edge : edges)
    FAIL_CHECK("back edge: " << edge);
  CHECK(edges.empty());
}

} // namespace

TEST_CASE("the include scan finds the includes of a real file", "[layering]") {
  // Guards the scan itself: a parser that found nothing would pass every check below.
  const std::vector<std::string> includes = projectIncludes(kSrc / "session" / "model_load_job.cpp");
  CHECK(std::find(includes.begin(), includes.end(), "session/model_load_job.h") != includes.end());
  CHECK_FALSE(backEdges("app", {"session/"}).empty());
}

TEST_CASE("lower layers include nothing from the layers above them", "[layering]") {
  checkNone(backEdges("core", {"scene/", "io/", "render/", "content/", "session/", "ui/", "app/"}));
  checkNone(backEdges("scene", {"io/", "render/", "content/", "session/", "ui/", "app/"}));
  checkNone(backEdges("content", {"render/", "session/", "ui/", "app/"}));
  checkNone(backEdges("session", {"render/", "ui/", "app/"}));
  checkNone(backEdges("ui", {"app/"}));
}

TEST_CASE("the viewer library includes nothing else of app", "[layering]") {
  // atlas_viewer's sources live in app/ beside the command line and the window loop.
  const std::vector<std::string> viewer = {"viewer.h",
                                           "viewer.cpp",
                                           "viewport_input.cpp",
                                           "input_queue.h",
                                           "input_queue.cpp",
                                           "viewer_handout.h",
                                           "viewer_handout.cpp",
                                           "viewer_font_texture.h",
                                           "viewer_font_texture.cpp"};
  std::vector<std::string> bad;
  for (const std::string &name : viewer) {
    REQUIRE(fs::exists(kSrc / "app" / name));
    for (const std::string &include : projectIncludes(kSrc / "app" / name))
      if (include.rfind("app/", 0) == 0 &&
          std::find(viewer.begin(), viewer.end(), include.substr(4)) == viewer.end())
        bad.push_back(name + ": " + include);
  }
  checkNone(bad);
}
