// The generator's description (assets/model/*.json) is read strictly (issue 11): an unknown key, a
// missing required key or id, a wrong type or a dangling reference is an error naming the file, the
// object and the key, instead of silently becoming a default.
#ifdef ATLAS_HAVE_MODELGEN
#include "model_test_support.h"
#include "modelgen/spec.h"
#include "support/scratch_dir.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

using namespace atlas;
using nlohmann::json;

namespace {

json readJsonFile(const std::string &path) {
  std::ifstream in(path);
  return json::parse(in);
}

// Copies the real description into a scratch folder, lets `edit` change one file, and loads it.
Result<modelgen::ModelSpec> loadEdited(const test::ScratchDir &scratch, const std::string &file,
                                       const std::function<void(json &)> &edit) {
  for (const auto &entry : std::filesystem::directory_iterator(test::modelSpecDir()))
    if (entry.path().extension() == ".json")
      std::filesystem::copy_file(entry.path(), scratch.dir / entry.path().filename(),
                                 std::filesystem::copy_options::overwrite_existing);
  json j = readJsonFile(scratch.path(file));
  edit(j);
  scratch.write(file, j.dump(2));
  return modelgen::loadModelSpec(scratch.dir.string());
}

std::string errorOf(const Result<modelgen::ModelSpec> &r) {
  REQUIRE_FALSE(r);
  return r.error();
}

} // namespace

TEST_CASE("model spec: the bundled description loads, comments and all", "[model][spec]") {
  test::ScratchDir scratch("spec_ok");
  Result<modelgen::ModelSpec> spec = loadEdited(scratch, "skeleton.json", [](json &j) {
    j["_note"] = "keys starting with an underscore are comments";
    j["vertebrae"][0]["_why"] = "so are these";
  });
  INFO((spec ? std::string() : spec.error()));
  REQUIRE(spec);
  CHECK(spec->vertebrae.size() >= 9);
  CHECK(spec->discs.size() >= 6);
}

TEST_CASE("model spec: an unknown key names the file, the object and the known keys", "[model][spec]") {
  test::ScratchDir scratch("spec_unknown");
  std::string id;
  const std::string error = errorOf(loadEdited(scratch, "skeleton.json", [&](json &j) {
    id = j["vertebrae"][3]["id"].get<std::string>();
    j["vertebrae"][3]["supSlop"] = 4.0; // a typo of supSlope
  }));
  CHECK_THAT(error, Catch::Contains("skeleton.json: vertebrae[3] (\"" + id + "\"): unknown key \"supSlop\""));
  CHECK_THAT(error, Catch::Contains("expected one of"));
  CHECK_THAT(error, Catch::Contains("supSlope"));
}

TEST_CASE("model spec: unknown keys are refused at every level", "[model][spec]") {
  test::ScratchDir scratch("spec_levels");
  CHECK_THAT(errorOf(loadEdited(scratch, "muscles.json", [](json &j) { j["muscels"] = json::array(); })),
             Catch::Contains("muscles.json: unknown key \"muscels\""));
  CHECK_THAT(errorOf(loadEdited(scratch, "muscles.json",
                                [](json &j) {
                                  j["muscles"][0]["footprints"][0]["at"]["ofset"] = {1, 2, 3};
                                })),
             Catch::Contains("footprints[0]: \"at\": unknown key \"ofset\"; expected one of at, offset"));
  CHECK_THAT(errorOf(loadEdited(scratch, "ribs.json", [](json &j) { j["manubrium"]["width"] = 40; })),
             Catch::Contains("ribs.json: manubrium: unknown key \"width\""));
  CHECK_THAT(
      errorOf(loadEdited(scratch, "structures.json", [](json &j) { j["structures"][0]["fmaa"] = "1"; })),
      Catch::Contains("structures.json: structures[0] (\""));
  CHECK_THAT(errorOf(loadEdited(scratch, "vessels.json", [](json &j) { j["tubes"][0]["diametre"] = 3; })),
             Catch::Contains("vessels.json: tubes[0] (\""));
}

TEST_CASE("model spec: a missing required key or id names the file and the key", "[model][spec]") {
  test::ScratchDir scratch("spec_missing");
  const std::string id =
      readJsonFile(test::modelSpecDir() + "/skeleton.json")["vertebrae"][0]["id"].get<std::string>();
  CHECK_THAT(errorOf(loadEdited(scratch, "skeleton.json", [](json &j) { j["vertebrae"][0].erase("kind"); })),
             Catch::Contains("skeleton.json: vertebrae[0] (\"" + id + "\"): missing key \"kind\""));
  // A vertebra's kind picks the shape it is built as: an unknown one is an error, not a typical vertebra.
  CHECK_THAT(
      errorOf(loadEdited(scratch, "skeleton.json", [](json &j) { j["vertebrae"][0]["kind"] = "lumbar"; })),
      Catch::Contains("skeleton.json: vertebrae[0] (\"" + id +
                      "\"): \"kind\": expected atlas, axis, typical, "
                      "prominens or thoracic, got \"lumbar\""));
  CHECK_THAT(errorOf(loadEdited(scratch, "skeleton.json", [](json &j) { j["discs"][1].erase("id"); })),
             Catch::Contains("skeleton.json: discs[1]: missing key \"id\""));
  CHECK_THAT(errorOf(loadEdited(scratch, "ribs.json", [](json &j) { j.erase("manubrium"); })),
             Catch::Contains("ribs.json: missing key \"manubrium\""));
}

TEST_CASE("model spec: wrong types and dangling references are errors", "[model][spec]") {
  test::ScratchDir scratch("spec_types");
  CHECK_THAT(
      errorOf(loadEdited(scratch, "skeleton.json", [](json &j) { j["vertebrae"][2]["bodyWidth"] = "wide"; })),
      Catch::Contains("\"bodyWidth\": wrong type"));
  CHECK_THAT(errorOf(loadEdited(scratch, "skeleton.json",
                                [](json &j) {
                                  j["vertebrae"][2]["tpTip"] = {1, 2};
                                })),
             Catch::Contains("\"tpTip\": expected [x, y, z]"));
  CHECK_THAT(errorOf(loadEdited(scratch, "skeleton.json", [](json &j) { j["discs"][0]["upper"] = "c33"; })),
             Catch::Contains("\"upper\": no vertebra \"c33\""));
  // A sinus's length (flareMm) must be a length: a negative one is refused with the key named.
  CHECK_THAT(errorOf(loadEdited(scratch, "vessels.json", [](json &j) { j["tubes"][0]["flareMm"] = -4.0; })),
             Catch::Contains("\"flareMm\": expected a length in mm of at least 0"));
  // A bulb's length, a bulb's width and an oval's ratio: out of range, refused with the key named.
  CHECK_THAT(errorOf(loadEdited(scratch, "vessels.json", [](json &j) { j["tubes"][0]["bulbMm"] = -1.0; })),
             Catch::Contains("\"bulbMm\": expected a length in mm of at least 0"));
  CHECK_THAT(errorOf(loadEdited(scratch, "vessels.json", [](json &j) { j["tubes"][0]["bulbWidth"] = 0.8; })),
             Catch::Contains("\"bulbWidth\": expected a multiple of the diameter from 1 to 2"));
  // A bulb deeper than it is wide (tubes[0] has no bulb: its width multiple is 1).
  CHECK_THAT(errorOf(loadEdited(scratch, "vessels.json", [](json &j) { j["tubes"][0]["bulbDepth"] = 1.2; })),
             Catch::Contains("\"bulbDepth\": expected a multiple of the depth from 1 to bulbWidth"));
  CHECK_THAT(errorOf(loadEdited(scratch, "vessels.json", [](json &j) { j["tubes"][0]["oval"] = 3.0; })),
             Catch::Contains("\"oval\": expected a width-to-depth ratio from 1 to 2"));
  // A web between a muscle's slips is a radius: negative or larger than a muscle, refused.
  for (const double web : {-1.0, 25.0})
    CHECK_THAT(
        errorOf(loadEdited(scratch, "muscles.json", [web](json &j) { j["muscles"][0]["slipWeb"] = web; })),
        Catch::Contains("muscles[0] (\"scalenus_anterior\"): \"slipWeb\": expected a radius in mm of 0-20"));
}
#endif
