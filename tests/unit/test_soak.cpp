// The soak driver's random choice (app/soak.h): a pure function of the seed, so a printed seed
// replays a run; every interaction it draws is valid for the model and article it was drawn for.
#include "app/cli.h"
#include "app/soak.h"

#include <catch2/catch.hpp>

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

Result<ParsedCommandLine> parse(std::vector<const char *> args) {
  args.insert(args.begin(), "scalene-atlas");
  return parseCommandLine(static_cast<int>(args.size()), args.data());
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

TEST_CASE("soak: the sequence of a seed does not depend on the standard library") {
  // Only mt19937's raw output is used, which the standard fixes: these are the same everywhere.
  std::mt19937 rng(12345);
  CHECK(rng() == 3992670690u);
  const std::vector<Interaction> plan = soak::planInteractions(12345, 5, kWorld);
  std::string described;
  for (const Interaction &in : plan)
    described += soak::describe(in) + "; ";
  CHECK(described == "zoom 0.780309,-0.367249 (2 frames); view #2; reading-panel #2; select #86; show-all; ");
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

TEST_CASE("cli: --soak and --seed") {
  auto parsed = parse({"--soak", "25", "--seed", "42"});
  REQUIRE(parsed);
  CHECK(parsed->options.soak == 25);
  REQUIRE(parsed->options.seed);
  CHECK(*parsed->options.seed == 42u);
  CHECK(parsed->options.exitAfterCommands()); // the soak is headless
  CHECK(parsed->options.width == 480);        // small and without multisampling by default
  CHECK(parsed->options.height == 320);
  CHECK(parsed->options.samples == 0);

  parsed = parse({"--soak", "3", "--size", "640x400", "--samples", "4"});
  REQUIRE(parsed);
  CHECK(parsed->options.width == 640);
  CHECK(parsed->options.height == 400);
  CHECK(parsed->options.samples == 4);
  CHECK_FALSE(parsed->options.seed);

  parsed = parse({});
  REQUIRE(parsed);
  CHECK(parsed->options.soak == 0);
  CHECK(parsed->options.samples == 4);
  CHECK(parsed->options.width == 1280);

  CHECK_FALSE(parse({"--soak", "0"}));
  CHECK_FALSE(parse({"--soak", "-5"}));
  CHECK_FALSE(parse({"--soak", "many"}));
  CHECK_FALSE(parse({"--soak", "5", "--seed", "-1"}));
}
