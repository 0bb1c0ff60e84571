// The soak's random choice (tests/soak/soak_plan.h): a pure function of the seed, so a printed seed
// replays a run; every interaction it draws is valid for the model and article it was drawn for.
#include "soak/soak_plan.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>

using namespace atlas;
using soak::Interaction;
using soak::Kind;

namespace {

const soak::World kWorld{102, 15, 60, 6};

bool same(const Interaction &a, const Interaction &b) {
  return a.kind == b.kind && a.target == b.target && a.others == b.others && a.x == b.x && a.y == b.y &&
         a.frames == b.frames && a.flag == b.flag;
}

} // namespace

TEST_CASE("soak: the same seed draws the same interactions, another seed others") {
  const std::vector<Interaction> a = soak::planInteractions(12345, 2000, kWorld);
  const std::vector<Interaction> b = soak::planInteractions(12345, 2000, kWorld);
  const std::vector<Interaction> c = soak::planInteractions(12346, 2000, kWorld);
  REQUIRE(a.size() == 2000);
  REQUIRE(b.size() == 2000);
  int differing = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    REQUIRE(same(a[i], b[i]));
    differing += same(a[i], c[i]) ? 0 : 1;
  }
  CHECK(differing > 1000);
  // A shorter plan is the start of a longer one: the step a failure names replays the same way.
  const std::vector<Interaction> head = soak::planInteractions(12345, 10, kWorld);
  for (std::size_t i = 0; i < head.size(); ++i)
    CHECK(same(head[i], a[i]));
}

TEST_CASE("soak: each step's description names what a replay needs") {
  // A failure prints the step's description: it must name the kind, the target and the frame count.
  for (const Interaction &in : soak::planInteractions(2024, 3000, kWorld)) {
    const std::string text = soak::describe(in);
    INFO(text);
    CHECK(!text.empty());
    if (in.target >= 0)
      CHECK(text.find("#" + std::to_string(in.target)) != std::string::npos);
    if (in.frames > 1)
      CHECK(text.find("(" + std::to_string(in.frames) + " frames)") != std::string::npos);
  }
}

TEST_CASE("soak: every interaction is valid for the world it was drawn for") {
  const std::vector<Interaction> plan = soak::planInteractions(7, 20000, kWorld);
  std::set<Kind> kinds;
  for (const Interaction &in : plan) {
    kinds.insert(in.kind);
    INFO(soak::describe(in));
    CHECK(in.frames >= 1);
    CHECK(in.frames <= 6);
    switch (in.kind) {
    case Kind::Select:
    case Kind::Hide:
    case Kind::Ghost:
    case Kind::Show:
    case Kind::Isolate:
    case Kind::IsolateFew:
      CHECK(in.target >= 0);
      CHECK(in.target < kWorld.structures);
      for (int o : in.others) {
        CHECK(o >= 0);
        CHECK(o < kWorld.structures);
      }
      break;
    case Kind::Pick:
      CHECK(in.x >= 0.0f);
      CHECK(in.x < 1.0f);
      CHECK(in.y >= 0.0f);
      CHECK(in.y < 1.0f);
      break;
    case Kind::Orbit:
    case Kind::Pan:
    case Kind::Zoom:
      CHECK(in.x >= -1.0f);
      CHECK(in.x < 1.0f);
      break;
    case Kind::Section:
      CHECK(in.target >= 0);
      CHECK(in.target < kWorld.sections);
      break;
    case Kind::ArticleLink:
      CHECK(in.target >= 0);
      CHECK(in.target < kWorld.articleItems);
      break;
    case Kind::ShowFunction:
      CHECK(in.target >= 0);
      CHECK(in.target < kWorld.functions);
      break;
    case Kind::Search:
    case Kind::Filter:
      CHECK(in.target >= 0);
      CHECK(in.target < static_cast<int>(soak::searchTexts().size()));
      break;
    default:
      break;
    }
  }
  // 20,000 draws meet every kind, the rare reload (3 in ~1000) included.
  CHECK(kinds.size() == static_cast<std::size_t>(Kind::Count));
}

TEST_CASE("soak: without an article only model interactions are drawn") {
  const soak::World modelOnly{3, 0, 0, 0};
  for (const Interaction &in : soak::planInteractions(99, 5000, modelOnly)) {
    INFO(soak::describe(in));
    CHECK(in.kind != Kind::Section);
    CHECK(in.kind != Kind::NextMark);
    CHECK(in.kind != Kind::ArticleLink);
    CHECK(in.kind != Kind::ShowFunction);
    if (in.target >= 0 && (in.kind == Kind::Select || in.kind == Kind::Hide || in.kind == Kind::Isolate))
      CHECK(in.target < 3);
  }
}

TEST_CASE("soak: search texts are valid UTF-8 for the state file") {
  for (const std::string &text : soak::searchTexts())
    CHECK_NOTHROW(nlohmann::json(text).dump());
}
