// The --state and --list JSON always print: names, ids and paths that are not valid UTF-8 (a model
// file may hold any bytes) become U+FFFD instead of making nlohmann's dump() throw.
#include "session/session.h"
#include "support/fixtures.h"

#include <catch2/catch.hpp>

using namespace atlas;

namespace {

const std::string kBadId = "bone\xff\xfe";                      // bytes that are never UTF-8
const std::string kBadName = "Sph\xe8re (Latin-1)";             // a Latin-1 e-grave
const std::string kGoodName = "Scal\xc3\xa8ne \xe2\x80\x93 ok"; // valid UTF-8 stays exactly as it is
const std::string kReplacement = "\xef\xbf\xbd";                // U+FFFD

Session sessionWithBadText() {
  Scene source = test::makeTestScene();
  Scene scene;
  scene.sourcePath = "/models/caf\xe9.glb";
  for (Structure structure : source.structures()) {
    if (structure.id == "sphere_bone") {
      structure.id = kBadId;
      structure.name = kBadName;
    } else if (structure.id == "box_muscle") {
      structure.name = kGoodName;
    }
    scene.add(std::move(structure));
  }
  Session session;
  session.setScene(std::move(scene));
  session.setViewport(640, 360);
  return session;
}

bool isAscii(const std::string &text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x80)
      return false;
  return true;
}

} // namespace

TEST_CASE("the state JSON prints even when the model's text is not UTF-8", "[session][utf8]") {
  Session session = sessionWithBadText();
  REQUIRE(session.apply(SelectCommand{kBadId}));
  REQUIRE(session.apply(SetVisibilityCommand{"thin_nerve", Visibility::Hidden}));
  session.articleView.search = "search \xc0\xaf"; // an overlong '/', from the command line
  const nlohmann::json state = session.stateJson();
  std::string text;
  REQUIRE_NOTHROW(text = state.dump(2));
  const nlohmann::json back = nlohmann::json::parse(text);
  const std::string selected = back["selected"].get<std::string>();
  CHECK_THAT(selected, Catch::StartsWith("bone") && Catch::Contains(kReplacement));
  CHECK(isAscii(selected.substr(0, 4)));
  CHECK_THAT(back["model"].get<std::string>(),
             Catch::StartsWith("/models/caf") && Catch::EndsWith(".glb") && Catch::Contains(kReplacement));
  CHECK_THAT(back["article"]["search"].get<std::string>(),
             Catch::StartsWith("search ") && Catch::Contains(kReplacement));
  CHECK(back["visibility"]["hidden"] == nlohmann::json::array({"thin_nerve"}));
}

TEST_CASE("the structure list prints even when a name is not UTF-8, and valid text is unchanged",
          "[session][utf8]") {
  const Session session = sessionWithBadText();
  std::string text;
  REQUIRE_NOTHROW(text = session.structureListJson().dump(2));
  const nlohmann::json list = nlohmann::json::parse(text);
  REQUIRE(list.size() == 3);
  bool sawBad = false, sawGood = false;
  for (const nlohmann::json &entry : list) {
    const std::string name = entry["name"].get<std::string>();
    if (name.rfind("Sph", 0) == 0) {
      sawBad = true;
      CHECK_THAT(name, Catch::Contains(kReplacement) && Catch::EndsWith("re (Latin-1)"));
      CHECK_THAT(entry["id"].get<std::string>(), Catch::StartsWith("bone") && Catch::Contains(kReplacement));
    }
    if (entry["id"] == "box_muscle") {
      sawGood = true;
      CHECK(name == kGoodName);
    }
  }
  CHECK(sawBad);
  CHECK(sawGood);
}
