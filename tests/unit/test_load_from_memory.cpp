// The in-memory entry points the fuzz targets use (loadModelFromMemory, loadKnowledgeBaseFromTexts,
// loadArticleFromTexts): same results and same validation as loading the files, and a model in
// memory cannot reach other files.
#include "content/article.h"
#include "content/knowledge_base.h"
#include "io/model_loader.h"
#include "support/fixtures.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace atlas;
namespace fs = std::filesystem;

namespace {
std::string fixture(const std::string &name) {
  return std::string(ATLAS_TEST_FIXTURE_DIR) + "/" + name;
}
std::string readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
Result<Scene> fromMemory(const std::string &bytes, const std::string &hint) {
  return loadModelFromMemory(reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size(), hint,
                             "memory." + hint);
}
std::vector<content::ContentText> yamlFiles(const fs::path &dir) {
  std::vector<fs::path> paths;
  for (const auto &entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".yaml")
      paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<content::ContentText> files;
  for (const fs::path &p : paths)
    files.push_back({p.string(), readFile(p)});
  return files;
}
} // namespace

TEST_CASE("Models from memory load like the same files", "[loader][memory]") {
  for (const char *name : {"scene.glb", "scene.gltf", "scene.obj", "scene.stl", "scene.ply"}) {
    INFO(name);
    Result<Scene> file = loadModel(fixture(name));
    Result<Scene> memory = fromMemory(readFile(fixture(name)), fs::path(name).extension().string());
    REQUIRE(file);
    REQUIRE(memory);
    CHECK(memory->structures().size() == file->structures().size());
    CHECK(memory->triangleCount() == file->triangleCount());
    CHECK(memory->sourcePath.empty());
  }
}

TEST_CASE("Models from memory get the same validation, with the given name in messages", "[loader][memory]") {
  for (const test::FixtureFile &f : test::fixtureList()) {
    if (f.expectError.empty() || f.name.rfind("uri_", 0) == 0)
      continue; // URIs are refused earlier from memory (below)
    INFO(f.name);
    const std::string ext = fs::path(f.name).extension().string().substr(1); // "glb", ...
    Result<Scene> memory = fromMemory(readFile(fixture(f.name)), ext);
    REQUIRE_FALSE(memory);
    CHECK(memory.error().rfind("memory." + ext + ": ", 0) == 0);
    if (f.expectError != f.name) // Assimp's broken files only promise their name in the message
      CHECK(memory.error().find(f.expectError) != std::string::npos);
  }
  CHECK_FALSE(fromMemory("", "glb"));
  CHECK_FALSE(fromMemory("", "obj"));
  Result<Scene> badHint = fromMemory("v 0 0 0\n", "../obj");
  REQUIRE_FALSE(badHint);
  CHECK(badHint.error().find("is not a file extension") != std::string::npos);
}

TEST_CASE("A model in memory cannot refer to other files", "[loader][memory]") {
  test::GltfJsonOptions beside;
  beside.bufferUri = "triangle.bin"; // would be fine beside a file on disk
  Result<Scene> gltf = fromMemory(test::makeGltfJson(beside), "gltf");
  REQUIRE_FALSE(gltf);
  CHECK(gltf.error().find("cannot refer to other files") != std::string::npos);

  // Assimp reads no side files either: the material library is not found, the geometry still loads.
  const std::string obj = "mtllib /etc/passwd\nusemtl x\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n";
  Result<Scene> scene = fromMemory(obj, ".obj");
  REQUIRE(scene);
  CHECK(scene->triangleCount() == 1);
}

TEST_CASE("Content from memory loads like the content folder", "[content][memory]") {
  const fs::path content = fs::path(ATLAS_SOURCE_DIR) / "content";
  const content::KnowledgeLoad fromDir = content::loadKnowledgeBase(content.string());
  const content::KnowledgeLoad fromTexts = content::loadKnowledgeBaseFromTexts(
      yamlFiles(content / "structures"),
      {(content / "sources.yaml").string(), readFile(content / "sources.yaml")},
      (content / "structures").string());
  CHECK(fromTexts.problems == fromDir.problems);
  CHECK(fromTexts.knowledge.structures().size() == fromDir.knowledge.structures().size());
  CHECK(fromTexts.knowledge.claims().size() == fromDir.knowledge.claims().size());
  CHECK(fromTexts.knowledge.sources().size() == fromDir.knowledge.sources().size());

  const std::set<std::string> ids = [&] {
    std::set<std::string> s;
    for (const auto &entry : fromDir.knowledge.structures())
      s.insert(entry.id);
    return s;
  }();
  const std::string articleDir = (content / "article").string();
  const content::Article a = content::loadArticle(articleDir, ids, fromDir.knowledge.claimIds());
  const content::Article b =
      content::loadArticleFromTexts(yamlFiles(articleDir), articleDir, ids, fromDir.knowledge.claimIds());
  CHECK(b.problems == a.problems);
  CHECK(b.sections.size() == a.sections.size());
  CHECK(b.itemCount() == a.itemCount());

  // Messages name the text's name and line, as for a file.
  const content::Article broken =
      content::loadArticleFromTexts({{"given/name.yaml", "id: overview\ntitle: [\n"}}, "given", {}, {});
  REQUIRE_FALSE(broken.problems.empty());
  CHECK(broken.problems.front().rfind("given/name.yaml:", 0) == 0);
}
