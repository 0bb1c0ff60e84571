// Click to learn on the bundled model: what lights up for a muscle, a bone, a nerve and an artery,
// under the standard references and as stated in the article.
#include "content/knowledge_base.h"
#include "io/model_loader.h"
#include "session/session.h"

#include <catch2/catch.hpp>
#include <map>

using namespace atlas;

namespace {
Session &session() {
  static Session s = [] {
    Session s;
    REQUIRE(s.open(std::string(ATLAS_SOURCE_DIR) + "/assets/cervical_region.glb"));
    s.setKnowledge(content::loadKnowledgeBase(std::string(ATLAS_SOURCE_DIR) + "/content").knowledge);
    return s;
  }();
  return s;
}

// role -> the ids highlighted with it ("bone" for footprints, so attachments read as bones)
std::map<std::string, std::set<std::string>> highlightsOf(const std::string &id, bool article) {
  Session &s = session();
  REQUIRE(s.apply(SetSourceCommand{article}));
  REQUIRE(s.apply(SelectCommand{id}));
  std::map<std::string, std::set<std::string>> out;
  const nlohmann::json state = s.stateJson();
  for (const auto &h : state["highlighted"])
    out[h["role"].get<std::string>()].insert(h.contains("bone") ? h["bone"].get<std::string>()
                                                                : h["id"].get<std::string>());
  return out;
}
} // namespace

TEST_CASE("scalenus posterior under the standard references", "[highlights]") {
  auto h = highlightsOf("scalenus_posterior_right", false);
  CHECK(h["selected"] == std::set<std::string>{"scalenus_posterior_right"});
  CHECK(h["origin"] == std::set<std::string>{"c4", "c5", "c6"});
  CHECK(h["insertion"] == std::set<std::string>{"rib2_right"});
  CHECK(h["nerve_supply"] ==
        std::set<std::string>{"c4_ventral_ramus_right", "c5_ventral_ramus_right", "c6_ventral_ramus_right"});
  CHECK(h["blood_supply"] == std::set<std::string>{"ascending_cervical_artery_right"});
  // The origin sites are the footprints on the bones, not whole bones.
  const nlohmann::json state = session().stateJson();
  for (const auto &entry : state["highlighted"])
    if (entry["role"] == "origin")
      CHECK_THAT(entry["id"].get<std::string>(), Catch::StartsWith("scalenus_posterior_right.origin."));
}

TEST_CASE("scalenus posterior as stated in the article", "[highlights]") {
  auto h = highlightsOf("scalenus_posterior_right", true);
  CHECK(h["origin"] == std::set<std::string>{"c5", "c6", "c7"});
  CHECK(h["insertion"] == std::set<std::string>{"rib1_right"});
  CHECK(h["nerve_supply"] == std::set<std::string>{"c5_ventral_ramus_right", "c6_ventral_ramus_right",
                                                   "c7_ventral_ramus_right", "c8_ventral_ramus_right"});
  CHECK(h["blood_supply"].count("deep_cervical_artery_right") == 1);
  const nlohmann::json state = session().stateJson();
  for (const auto &entry : state["highlighted"])
    if (entry["role"] != "selected" && entry["role"] != "related")
      CHECK(entry["source"] == "article");
}

TEST_CASE("a bone shows the muscles attached to it and where", "[highlights]") {
  auto h = highlightsOf("rib2_right", false);
  CHECK(h["insertion"].count("rib2_right") == 1);
  CHECK(h["related"].count("scalenus_posterior_right") == 1);
  auto c5 = highlightsOf("c5", false);
  CHECK(c5["origin"].count("c5") == 1);
  CHECK(c5["related"].count("scalenus_posterior_right") == 1);
  CHECK(c5["related"].count("scalenus_posterior_left") == 1);
}

TEST_CASE("a nerve and an artery show what they supply", "[highlights]") {
  CHECK(highlightsOf("c5_ventral_ramus_right", false)["related"].count("scalenus_posterior_right") == 1);
  CHECK(highlightsOf("ascending_cervical_artery_right", false)["related"].count("scalenus_posterior_right") ==
        1);
  // The left nerve supplies the left muscle, not the right one.
  CHECK(highlightsOf("c5_ventral_ramus_left", false)["related"].count("scalenus_posterior_right") == 0);
}

TEST_CASE("attachment footprints are drawn only when they mean something", "[highlights]") {
  Session &s = session();
  REQUIRE(s.apply(SetSourceCommand{false}));
  REQUIRE(s.apply(SelectCommand{""}));
  const int footprint = s.scene().indexOf("scalenus_posterior_right.insertion.rib2_right");
  const int articleFootprint = s.scene().indexOf("scalenus_posterior_right.insertion.rib1_right");
  REQUIRE(footprint >= 0);
  REQUIRE(articleFootprint >= 0);
  CHECK_FALSE(s.view().isDrawn(footprint));
  REQUIRE(s.apply(SelectCommand{"scalenus_posterior_right"}));
  CHECK(s.view().isDrawn(footprint));
  CHECK_FALSE(s.view().isDrawn(articleFootprint)); // the article's site stays off in standard mode
  REQUIRE(s.apply(SetSourceCommand{true}));
  CHECK(s.view().isDrawn(articleFootprint));
  CHECK_FALSE(s.view().isDrawn(footprint));
  REQUIRE(s.apply(SetSourceCommand{false}));
}
