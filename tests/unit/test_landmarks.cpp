// Named bony landmarks: written to and read from glTF extras (with the loader's own checks on hostile
// values), shown and named by a click in the Session, and described in the knowledge base.
#include "content/knowledge_base.h"
#include "io/gltf_writer.h"
#include "io/model_loader.h"
#include "session/session.h"
#include "support/fixtures.h"
#include "support/scratch_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace atlas;
using test::ScratchDir;

namespace {

bool contains(const std::string &text, const std::string &part) {
  return text.find(part) != std::string::npos;
}

// The one-triangle glTF with extras.landmarks set to `landmarks` on its node, loaded from memory.
Result<Scene> loadWithLandmarks(const nlohmann::json &landmarks) { // any JSON value
  nlohmann::json doc = nlohmann::json::parse(test::makeGltfJson({}));
  doc["nodes"][0]["extras"] = {{"system", "bone"}, {"landmarks", landmarks}};
  const std::string text = doc.dump();
  return loadModelFromMemory(reinterpret_cast<const unsigned char *>(text.data()), text.size(), "gltf",
                             "marks.gltf");
}
nlohmann::json mark(const std::string &id) {
  return {{"id", id}, {"name", "A mark"}, {"position", {0.1, 0.2, 0.0}}, {"normal", {0.0, 0.0, 2.0}}};
}
// The error for one hostile landmark list, which must name the file, the node and the field.
std::string refusalOf(const nlohmann::json &landmarks) {
  Result<Scene> scene = loadWithLandmarks(landmarks);
  REQUIRE_FALSE(scene);
  INFO(scene.error());
  CHECK(contains(scene.error(), "marks.gltf: nodes[0] (\"triangle\").extras.landmarks"));
  return scene.error();
}
// A list of landmark entries ({x} alone would be read as x itself, not an array of one).
std::string refusal(const std::vector<nlohmann::json> &landmarks) {
  return refusalOf(nlohmann::json(landmarks));
}

} // namespace

TEST_CASE("landmarks survive a glTF round trip in order, and stay out of the text extras",
          "[landmarks][loader]") {
  const ScratchDir scratch("landmarks");
  Scene written = test::makeLandmarkScene();
  written.structures()[0].extras["region"] = "neck";
  const std::string path = scratch.path("marks.glb");
  REQUIRE(writeGltf(written, path, {}));
  Result<Scene> read = loadModel(path);
  REQUIRE(read);
  const Structure *bone = read->find("sphere_bone");
  REQUIRE(bone);
  const auto &expected = written.structures()[0].landmarks;
  REQUIRE(bone->landmarks.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(bone->landmarks[i].id == expected[i].id);
    CHECK(bone->landmarks[i].name == expected[i].name);
    CHECK(glm::distance(bone->landmarks[i].position, expected[i].position) < 1e-7f);
    CHECK(glm::distance(bone->landmarks[i].normal, expected[i].normal) < 1e-6f);
  }
  CHECK(bone->extras.count("landmarks") == 0);
  CHECK(bone->extras.at("region") == "neck");
  CHECK(read->find("box_muscle")->landmarks.empty());
}

TEST_CASE("a landmark's normal is normalised on loading", "[landmarks][loader]") {
  Result<Scene> scene = loadWithLandmarks(nlohmann::json::array({mark("triangle.a")}));
  INFO((scene ? std::string() : scene.error()));
  REQUIRE(scene);
  const Landmark &l = scene->structures()[0].landmarks.at(0);
  CHECK(l.id == "triangle.a");
  CHECK(glm::distance(l.normal, glm::vec3(0, 0, 1)) < 1e-6f);
  CHECK(glm::distance(l.position, glm::vec3(0.1f, 0.2f, 0.0f)) < 1e-7f);
}

TEST_CASE("landmarks that are not an array are refused", "[landmarks][loader][hostile]") {
  CHECK(contains(refusalOf(nlohmann::json{{"id", "x"}}), "extras.landmarks: must be an array of objects"));
  CHECK(contains(refusalOf("c2.dens"), "extras.landmarks: must be an array of objects"));
}

TEST_CASE("a landmark that is not an object is refused", "[landmarks][loader][hostile]") {
  CHECK(contains(refusal({mark("a.b"), 42}), "extras.landmarks[1]: must be an object"));
}

TEST_CASE("a landmark without a string id or name is refused", "[landmarks][loader][hostile]") {
  nlohmann::json noId = mark("a.b");
  noId.erase("id");
  CHECK(contains(refusal({noId}), "extras.landmarks[0].id: must be a non-empty string"));
  nlohmann::json numberName = mark("a.b");
  numberName["name"] = 7;
  CHECK(contains(refusal({numberName}), "extras.landmarks[0].name: must be a non-empty string"));
  nlohmann::json emptyName = mark("a.b");
  emptyName["name"] = "";
  CHECK(contains(refusal({emptyName}), "extras.landmarks[0].name: must be a non-empty string"));
}

TEST_CASE("a landmark id used twice in the model is refused", "[landmarks][loader][hostile]") {
  CHECK(contains(refusal({mark("a.b"), mark("a.c"), mark("a.b")}),
                 "extras.landmarks[2].id: landmark id 'a.b' is used twice in the model"));
}

TEST_CASE("a landmark position that is not three numbers is refused", "[landmarks][loader][hostile]") {
  nlohmann::json two = mark("a.b");
  two["position"] = {1.0, 2.0};
  CHECK(contains(refusal({two}), "extras.landmarks[0].position: must be an array of three numbers"));
  nlohmann::json text = mark("a.b");
  text["position"] = {1.0, "2", 3.0};
  CHECK(contains(refusal({text}), "extras.landmarks[0].position: element 1 is not a number"));
  nlohmann::json missing = mark("a.b");
  missing.erase("position");
  CHECK(contains(refusal({missing}), "extras.landmarks[0].position: must be an array of three numbers"));
}

TEST_CASE("a landmark position beyond the coordinate limit is refused", "[landmarks][loader][hostile]") {
  nlohmann::json far = mark("a.b");
  far["position"] = {0.0, 1e25, 0.0};
  CHECK(contains(refusal({far}), "extras.landmarks[0].position: element 1 is not finite or lies beyond"));
  nlohmann::json huge = mark("a.b");
  huge["normal"] = {1e300, 0.0, 0.0};
  CHECK(contains(refusal({huge}), "extras.landmarks[0].normal: element 0 is not finite"));
}

TEST_CASE("a zero landmark normal is refused", "[landmarks][loader][hostile]") {
  nlohmann::json zero = mark("a.b");
  zero["normal"] = {0.0, 0.0, 0.0};
  CHECK(contains(refusal({zero}), "extras.landmarks[0].normal: is zero"));
}

// ---- the session --------------------------------------------------------------------------------

namespace {
Session landmarkSession() {
  Session s;
  s.setScene(test::makeLandmarkScene());
  s.setViewport(800, 600);
  s.setStandardView(StandardView::Anterior, false);
  return s;
}
} // namespace

TEST_CASE("shown landmarks are listed in the state with a screen position when in sight",
          "[landmarks][session]") {
  Session s = landmarkSession();
  CHECK(s.stateJson()["landmarks"]["items"].empty()); // off until asked
  REQUIRE(s.apply(SetLandmarksShownCommand{true}));
  const nlohmann::json state = s.stateJson()["landmarks"];
  CHECK(state["shown"] == true);
  std::map<std::string, nlohmann::json> items;
  for (const auto &item : state["items"])
    items[item["id"].get<std::string>()] = item;
  REQUIRE(items.size() == 3);
  CHECK(items["sphere_bone.front"]["structure"] == "sphere_bone");
  CHECK(items["sphere_bone.front"]["name"] == "Front pole");
  const auto front = s.projectToImage(glm::vec3(0.03f, 0.01f, 0.025f));
  REQUIRE(front);
  CHECK(items["sphere_bone.front"]["screen"][0].get<float>() == Approx(front->x));
  CHECK(items["sphere_bone.front"]["screen"][1].get<float>() == Approx(front->y));
  CHECK_FALSE(items["sphere_bone.back"].contains("screen")); // behind the sphere
  // A hidden bone's landmarks are not shown.
  REQUIRE(s.apply(SetVisibilityCommand{"sphere_bone", Visibility::Hidden}));
  CHECK(s.stateJson()["landmarks"]["items"].empty());
}

TEST_CASE("a click on a landmark's marker names it, and elsewhere on the bone it does not",
          "[landmarks][session]") {
  Session s = landmarkSession();
  const auto front = s.projectToImage(glm::vec3(0.03f, 0.01f, 0.025f));
  REQUIRE(front);
  s.clickAt(front->x + 2.0f, front->y + 1.0f);
  CHECK(s.selected() == s.scene().indexOf("sphere_bone"));
  CHECK_FALSE(s.pickedLandmark()); // landmarks not shown: a click only selects

  REQUIRE(s.apply(SetLandmarksShownCommand{true}));
  s.clickAt(front->x + 2.0f, front->y + 1.0f);
  REQUIRE(s.pickedLandmark());
  CHECK(landmarkOf(s.scene(), *s.pickedLandmark())->id == "sphere_bone.front");
  CHECK(s.stateJson()["landmarks"]["picked"]["id"] == "sphere_bone.front");
  CHECK(s.stateJson()["landmarks"]["picked"]["structure"] == "sphere_bone");

  // The sphere's rim, far from every landmark: the bone is selected, no landmark named.
  const auto rim = s.projectToImage(glm::vec3(0.03f + 0.0245f * 0.7071f, 0.01f - 0.0245f * 0.7071f, 0.003f));
  REQUIRE(rim);
  s.clickAt(rim->x, rim->y);
  CHECK(s.selected() == s.scene().indexOf("sphere_bone"));
  CHECK_FALSE(s.pickedLandmark());
  CHECK(s.stateJson()["landmarks"]["picked"].is_null());
}

TEST_CASE("a picked landmark goes when its bone is no longer selected or landmarks are hidden",
          "[landmarks][session]") {
  Session s = landmarkSession();
  REQUIRE(s.apply(PickLandmarkCommand{"sphere_bone.top"}));
  CHECK(s.selected() == s.scene().indexOf("sphere_bone"));
  REQUIRE(s.pickedLandmark());
  REQUIRE(s.apply(SelectCommand{"box_muscle"}));
  CHECK_FALSE(s.pickedLandmark());
  REQUIRE(s.apply(PickLandmarkCommand{"sphere_bone.top"}));
  REQUIRE(s.apply(SetLandmarksShownCommand{true}));
  REQUIRE(s.pickedLandmark());
  REQUIRE(s.apply(SetLandmarksShownCommand{false}));
  CHECK_FALSE(s.pickedLandmark());
  Result<void> unknown = s.apply(PickLandmarkCommand{"sphere_bone.nowhere"});
  REQUIRE_FALSE(unknown);
  CHECK(contains(unknown.error(), "no landmark with id 'sphere_bone.nowhere'"));
}

// ---- the knowledge base -------------------------------------------------------------------------

namespace {
const content::ContentText kSources{"content/sources.yaml", "sources:\n"
                                                            "  - id: reference\n"
                                                            "    title: Standard references\n"
                                                            "    works:\n"
                                                            "      - \"Book A\"\n"
                                                            "      - \"Book B\"\n"};
content::KnowledgeLoad loadMarks(const std::string &text) {
  return content::loadKnowledgeBaseFromTexts({{"content/structures/marks.yaml", text}}, kSources,
                                             "content/structures");
}
const std::string kGood = "landmarks:\n"
                          "  - id: \"rib1_{side}.scalene_tubercle\"\n"
                          "    name: \"{Side} scalene tubercle\"\n"
                          "    description: A spur for scalenus anterior.\n"
                          "    source: reference\n"
                          "    cite: \"Book A; Book B\"\n";
} // namespace

TEST_CASE("landmark descriptions load from the structures files, one per side", "[landmarks][content]") {
  const content::KnowledgeLoad load = loadMarks(kGood);
  CHECK(load.problems.empty());
  const content::LandmarkEntry *left = load.knowledge.findLandmark("rib1_left.scalene_tubercle");
  REQUIRE(left);
  CHECK(left->name == "Left scalene tubercle");
  CHECK(left->description == "A spur for scalenus anterior.");
  CHECK(left->cite == "Book A; Book B");
  CHECK(load.knowledge.findLandmark("rib1_right.scalene_tubercle"));
}

TEST_CASE("landmark entries with problems are reported with file and line", "[landmarks][content]") {
  SECTION("an unknown field") {
    const auto load = loadMarks(kGood + "    colour: red\n");
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0] == "content/structures/marks.yaml:7: unknown field 'colour' in a landmark "
                              "(expected id, name, description, source, cite)");
  }
  SECTION("the same id twice") {
    const auto load = loadMarks(kGood + kGood.substr(std::string("landmarks:\n").size()));
    REQUIRE_FALSE(load.problems.empty());
    CHECK(load.problems[0] ==
          "content/structures/marks.yaml:7: landmark id 'rib1_right.scalene_tubercle' is defined twice");
  }
  SECTION("a missing description") {
    std::string text = kGood;
    text.erase(text.find("    description:"), text.find("    source:") - text.find("    description:"));
    const auto load = loadMarks(text);
    REQUIRE(load.problems.size() == 1);
    CHECK(contains(load.problems[0], "content/structures/marks.yaml:2: "));
    CHECK(contains(load.problems[0], "description"));
  }
  SECTION("an id that is not <structure>.<name>") {
    std::string text = kGood;
    text.replace(text.find("\"rib1_{side}.scalene_tubercle\""), 30, "scalene_tubercle");
    const auto load = loadMarks(text);
    REQUIRE(load.problems.size() == 1);
    CHECK(contains(load.problems[0], "marks.yaml:2: landmark id 'scalene_tubercle' must be"));
  }
  SECTION("a work the source does not list") {
    std::string text = kGood;
    text.replace(text.find("Book B"), 6, "Book C");
    const auto load = loadMarks(text);
    REQUIRE_FALSE(load.problems.empty());
    CHECK(contains(load.problems[0], "marks.yaml:2: landmark 'rib1_right.scalene_tubercle' cites 'Book C'"));
  }
}

TEST_CASE("the consistency check finds a model landmark without a description", "[landmarks][content]") {
  const content::KnowledgeLoad load = loadMarks(kGood);
  std::vector<std::string> ids;
  const Scene fixture = test::makeLandmarkScene();
  for (const Structure &st : fixture.structures())
    for (const Landmark &l : st.landmarks)
      ids.push_back(l.id);
  ids.push_back("rib1_left.scalene_tubercle");
  const auto problems = content::undescribedLandmarks(load.knowledge, ids, "content/structures");
  REQUIRE(problems.size() == 3); // the fixture's three; the described one passes
  CHECK(problems[0] ==
        "content/structures: model landmark 'sphere_bone.front' has no description in the knowledge base");
}

TEST_CASE("every landmark of the bundled model and of the contract has a description",
          "[landmarks][content]") {
  const content::KnowledgeLoad load = content::loadKnowledgeBase(std::string(ATLAS_SOURCE_DIR) + "/content");
  for (const std::string &problem : load.problems)
    CHECK(!contains(problem, "landmark"));
  Result<Scene> model = loadModel(std::string(ATLAS_SOURCE_DIR) + "/assets/cervical_region.glb");
  REQUIRE(model);
  std::vector<std::string> ids; // empty until the generator writes landmarks: then it checks them all
  for (const Structure &st : model->structures())
    for (const Landmark &l : st.landmarks)
      ids.push_back(l.id);
  CHECK(content::undescribedLandmarks(load.knowledge, ids, "content/structures").empty());
  // The contract's ids (docs of issue 11), described whether or not the model has them yet.
  std::vector<std::string> contract{
      "c2.dens",        "c1.anterior_tubercle",    "c5.spinous_tip",         "c7.spinous_tip",
      "t1.spinous_tip", "manubrium.jugular_notch", "manubrium.sternal_angle"};
  for (const std::string side : {"left", "right"}) {
    for (const std::string v : {"c3", "c4", "c5", "c6"})
      for (const std::string t : {"anterior_tubercle_", "posterior_tubercle_"})
        contract.push_back(v + "." + t + side);
    for (const std::string n : {"carotid_tubercle_", "foramen_transversarium_"})
      contract.push_back("c6." + n + side);
    for (const std::string n : {"uncinate_process_", "superior_facet_", "lamina_"})
      contract.push_back("c5." + n + side);
    for (const std::string n : {"head", "neck", "tubercle", "scalene_tubercle", "subclavian_artery_groove",
                                "subclavian_vein_groove"})
      contract.push_back("rib1_" + side + "." + n);
    for (const std::string n : {"angle", "serratus_anterior_tuberosity"})
      contract.push_back("rib2_" + side + "." + n);
    contract.push_back("manubrium.clavicular_notch_" + side);
  }
  CHECK(content::undescribedLandmarks(load.knowledge, contract, "content/structures").empty());
}
