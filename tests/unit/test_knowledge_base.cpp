// The knowledge base: the real content loads cleanly against the bundled model (every model id has an
// entry, every entry names a model id), and broken files give file:line messages while the rest loads.
#include "content/knowledge_base.h"
#include "io/model_loader.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace atlas;
namespace fs = std::filesystem;

namespace {
const Scene &bundledModel() {
  static const Scene scene = [] {
    Result<Scene> s = loadModel(std::string(ATLAS_SOURCE_DIR) + "/assets/cervical_region.glb");
    REQUIRE(s);
    return std::move(*s);
  }();
  return scene;
}
std::set<std::string> modelIds() {
  std::set<std::string> ids;
  for (const Structure &s : bundledModel().structures())
    ids.insert(s.id);
  return ids;
}
std::string contentDir() {
  return std::string(ATLAS_SOURCE_DIR) + "/content";
}
} // namespace

TEST_CASE("the knowledge base and the bundled model name the same structures", "[knowledge]") {
  const content::KnowledgeLoad load = content::loadKnowledgeBase(contentDir(), modelIds());
  for (const std::string &problem : load.problems)
    FAIL_CHECK(problem);
  std::size_t anatomical = 0;
  for (const Structure &s : bundledModel().structures()) {
    if (s.system == System::Attachment)
      continue;
    ++anatomical;
    INFO(s.id);
    const content::StructureEntry *entry = load.knowledge.findStructure(s.id);
    REQUIRE(entry);
    CHECK(entry->system == systemName(s.system));
    CHECK(entry->fma == s.fma);
    CHECK_FALSE(entry->description.empty());
    CHECK_FALSE(entry->patient.empty());
  }
  CHECK(load.knowledge.structures().size() == anatomical);
}

TEST_CASE("every muscle has one primary reference claim per role, and the article's differences are flagged",
          "[knowledge]") {
  const content::KnowledgeBase kb = content::loadKnowledgeBase(contentDir(), modelIds()).knowledge;
  using content::ClaimRole;
  for (const char *muscle : {"scalenus_anterior_right", "scalenus_medius_left", "scalenus_posterior_right"}) {
    INFO(muscle);
    for (ClaimRole role :
         {ClaimRole::Origin, ClaimRole::Insertion, ClaimRole::NerveSupply, ClaimRole::BloodSupply}) {
      int primary = 0;
      for (const content::Claim *c : kb.claimsAbout(muscle))
        primary += c->role == role && c->source == SourceMode::Reference && !c->variation;
      CHECK(primary == 1);
    }
  }
  const content::Claim *insertion = kb.findClaim("scalenus_posterior.insertion.article");
  REQUIRE(insertion);
  CHECK(insertion->differsFrom == "scalenus_posterior.insertion.reference");
  CHECK_THAT(insertion->note, Catch::Contains("scalenus anterior"));
  // Variation in the references is recorded, not hidden.
  int nerveVariations = 0;
  for (const content::Claim *c : kb.claimsAbout("scalenus_posterior_right"))
    nerveVariations += c->role == ClaimRole::NerveSupply && c->variation;
  CHECK(nerveVariations >= 2);
}

TEST_CASE("broken knowledge-base files give file:line messages and the rest still loads",
          "[knowledge][errors]") {
  const fs::path dir = fs::temp_directory_path() / ("atlas-kb-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "structures");
  fs::copy_file(contentDir() + "/sources.yaml", dir / "sources.yaml");
  std::ofstream(dir / "structures" / "a_good.yaml") << "structures:\n"
                                                       "  - id: c5\n"
                                                       "    name: C5\n"
                                                       "    latin: Vertebra cervicalis V\n"
                                                       "    system: bone\n"
                                                       "    description: A vertebra.\n"
                                                       "    patient: A neck bone.\n";
  std::ofstream(dir / "structures" / "b_bad.yaml") << "structures:\n"
                                                      "  - id: c6\n"
                                                      "    name: C6\n"
                                                      "    system: bone\n"
                                                      "    description: Missing its latin name.\n"
                                                      "    patient: x\n"
                                                      "  - id: c5\n"
                                                      "    name: C5 again\n"
                                                      "    latin: x\n"
                                                      "    system: bone\n"
                                                      "    description: x\n"
                                                      "    patient: x\n"
                                                      "  - id: not_a_bone\n"
                                                      "    name: Nothing\n"
                                                      "    latin: x\n"
                                                      "    system: bone\n"
                                                      "    description: x\n"
                                                      "    patient: x\n";
  std::ofstream(dir / "structures" / "c_syntax.yaml") << "structures:\n  - id: c7\n    name: [unclosed\n";
  const content::KnowledgeLoad load = content::loadKnowledgeBase(dir.string(), {"c5", "c6", "c7"});
  const std::string bad = (dir / "structures" / "b_bad.yaml").string();
  const std::string syntax = (dir / "structures" / "c_syntax.yaml").string();
  auto has = [&](const std::string &fragment) {
    return std::any_of(load.problems.begin(), load.problems.end(),
                       [&](const std::string &p) { return p.find(fragment) != std::string::npos; });
  };
  CHECK(has(bad + ":2: field 'latin' is missing"));
  CHECK(has(bad + ":7: structure id 'c5' is defined twice"));
  CHECK(has(bad + ":13: structure id 'not_a_bone' is not in the model"));
  CHECK(has(syntax + ":4:"));
  CHECK(has("model structure 'c7' has no entry"));
  // The good entry is still there.
  REQUIRE(load.knowledge.findStructure("c5"));
  CHECK(load.knowledge.findStructure("c5")->name == "C5");
  fs::remove_all(dir);
}

TEST_CASE("{side} placeholders expand to both sides", "[knowledge]") {
  const auto both = content::expandSides("rib2_{side}");
  REQUIRE(both.size() == 2);
  CHECK(both[0].second == "rib2_right");
  CHECK(both[1].second == "rib2_left");
  CHECK(content::applySide("{Side} scalenus", "left") == "Left scalenus");
  CHECK(content::expandSides("c5").size() == 1);
}
