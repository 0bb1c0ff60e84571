// Click to learn on the bundled model, end to end: --pick on the pixel where a structure shows
// returns its id, and --select/--source report the attachments and supply in --state.
#include "content/knowledge_base.h"
#include "render/run_app.h"
#include "session/session.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>

using namespace atlas;
using namespace atlas::test;

namespace {
const std::string kModel = bundledModelPath();

// A pixel where `id` is the front-most structure and stays so in a 3x3 neighbourhood, found with
// the same camera maths the app uses; the app itself then has to agree.
std::optional<glm::ivec2> solidPixelOf(const std::string &id, StandardView view, int w, int h) {
  static Session session = [] {
    Session s;
    REQUIRE(s.open(kModel));
    return s;
  }();
  session.setViewport(w, h);
  session.setStandardView(view, false);
  const int target = session.scene().indexOf(id);
  REQUIRE(target >= 0);
  const Structure &s = session.scene().structures()[static_cast<std::size_t>(target)];
  for (const MeshData &m : s.meshes)
    for (std::size_t v = 0; v < m.positions.size(); v += 7) {
      auto p = session.camera().project(m.positions[v], w, h);
      if (!p)
        continue;
      const glm::ivec2 px(static_cast<int>(p->x), static_cast<int>(p->y));
      bool solid = px.x > 3 && px.y > 3 && px.x < w - 3 && px.y < h - 3;
      for (int dy = -1; solid && dy <= 1; ++dy)
        for (int dx = -1; solid && dx <= 1; ++dx)
          solid = session.structureAt(px.x + dx + 0.5f, px.y + dy + 0.5f) == target;
      if (solid)
        return px;
    }
  return std::nullopt;
}
} // namespace

TEST_CASE("clicking where a structure shows selects it, and the image shows it selected",
          "[render][picking]") {
  const int w = 1280, h = 720;
  struct Case {
    const char *id;
    StandardView view;
  };
  // The first view in which each structure shows solidly is the known view for its click.
  std::vector<Case> cases;
  for (const char *id : {"scalenus_posterior_right", "scalenus_medius_right", "scalenus_anterior_right", "c5",
                         "rib2_right", "c5_ventral_ramus_right"}) {
    for (StandardView view : {StandardView::Right, StandardView::Anterior, StandardView::Default,
                              StandardView::Posterior, StandardView::Superior, StandardView::Inferior})
      if (solidPixelOf(id, view, w, h)) {
        cases.push_back({id, view});
        break;
      }
    INFO(id);
    REQUIRE((!cases.empty() && cases.back().id == std::string(id)));
  }
  for (const Case &c : cases) {
    INFO(c.id << " from the " << standardViewName(c.view) << " view");
    auto px = solidPixelOf(c.id, c.view, w, h);
    REQUIRE(px);
    const std::string state = outputPath(std::string("click-") + c.id + ".json");
    const std::string png = outputPath(std::string("click-") + c.id + ".png");
    AppRun run = runApp(
        {kModel, "--headless", "--no-ui", "--size", "1280x720", "--view", standardViewName(c.view), "--pick",
         std::to_string(px->x) + "," + std::to_string(px->y), "--state", state, "--screenshot", png});
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK(readJson(state)["selected"] == c.id);
    // The pixel that was clicked is drawn in the selection colour (Okabe-Ito bluish green).
    const Image image = readImage(png);
    const std::uint8_t *p = image.pixel(px->x, px->y);
    CHECK(static_cast<int>(p[1]) > static_cast<int>(p[0]) + 20);
    CHECK(static_cast<int>(p[1]) > static_cast<int>(p[2]));
  }
}

TEST_CASE("selecting scalenus posterior reports its attachments and supply for each source",
          "[render][highlights]") {
  for (const char *source : {"reference", "article"}) {
    INFO(source);
    const std::string state = outputPath(std::string("sp-") + source + ".json");
    AppRun run = runApp(
        {kModel, "--headless", "--select", "scalenus_posterior_right", "--source", source, "--state", state});
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    const auto json = readJson(state);
    CHECK(json["source"] == source);
    std::map<std::string, std::set<std::string>> roles;
    for (const auto &h : json["highlighted"])
      roles[h["role"].get<std::string>()].insert(h.contains("bone") ? h["bone"].get<std::string>()
                                                                    : h["id"].get<std::string>());
    const bool article = std::string(source) == "article";
    CHECK(roles["origin"] ==
          (article ? std::set<std::string>{"c5", "c6", "c7"} : std::set<std::string>{"c4", "c5", "c6"}));
    CHECK(roles["insertion"] == std::set<std::string>{article ? "rib1_right" : "rib2_right"});
    CHECK(roles["nerve_supply"].count("c5_ventral_ramus_right") == 1);
    CHECK(roles["nerve_supply"].count("c4_ventral_ramus_right") == (article ? 0u : 1u));
    CHECK(roles["blood_supply"].count(article ? "deep_cervical_artery_right"
                                              : "ascending_cervical_artery_right") == 1);
  }
}
