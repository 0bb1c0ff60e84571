// Command-line parsing: every option, and a clear error for each kind of bad value.
#include "app/cli.h"

#include <catch2/catch.hpp>

using namespace atlas;

namespace {
Result<ParsedCommandLine> parse(std::vector<const char *> args) {
  args.insert(args.begin(), "scalene-atlas");
  return parseCommandLine(static_cast<int>(args.size()), args.data());
}
} // namespace

TEST_CASE("options are parsed into the Options struct", "[cli]") {
  auto r = parse({"model.glb", "--headless", "--size",  "1920x1080",    "--view",  "left",    "--select",
                  "c5",        "--pick",     "100,200", "--screenshot", "out.png", "--no-ui", "--state",
                  "s.json",    "--hide",     "a,b",     "--hide",       "c",       "--ghost", "d"});
  REQUIRE(r);
  const Options &o = r->options;
  CHECK(o.file == "model.glb");
  CHECK(o.headless);
  CHECK(o.width == 1920);
  CHECK(o.height == 1080);
  CHECK(o.view == StandardView::Left);
  CHECK(o.select == "c5");
  REQUIRE(o.pick);
  CHECK(o.pick->first == 100.0f);
  CHECK(o.pick->second == 200.0f);
  CHECK(o.screenshot == "out.png");
  CHECK(o.noUi);
  CHECK(o.statePath == "s.json");
  CHECK(o.hide == std::vector<std::string>{"a", "b", "c"});
  CHECK(o.ghost == std::vector<std::string>{"d"});
  CHECK(o.exitAfterCommands());
}

TEST_CASE("the --help option prints the options and asks to exit", "[cli]") {
  auto r = parse({"--help"});
  REQUIRE(r);
  CHECK(r->exitNow);
  CHECK_THAT(r->output, Catch::Contains("--screenshot"));
  CHECK_THAT(r->output, Catch::Contains("--pick"));
}

TEST_CASE("bad values give one clear message", "[cli]") {
  struct Case {
    std::vector<const char *> args;
    const char *fragment;
  };
  const Case cases[] = {
      {{"--size", "big"}, "WIDTHxHEIGHT"},
      {{"--size", "0x100"}, "WIDTHxHEIGHT"},
      {{"--view", "sideways"}, "anterior, posterior"},
      {{"--pick", "10"}, "X,Y"},
      {{"--pick", "5000,10"}, "outside"},
      {{"--ui-scale", "9"}, "0.5 to 4"},
      // NaN passes every comparison, and infinity is no scale either.
      {{"--ui-scale", "nan"}, "0.5 to 4"},
      {{"--ui-scale", "inf"}, "0.5 to 4"},
      {{"--pick", "nan,nan"}, "X,Y"},
      {{"--pick", "10,nan"}, "X,Y"},
      {{"--pick", "inf,10"}, "X,Y"},
      {{"--pick", "1e25,10"}, "outside"},
      {{"--pick", "10,-1e39"}, "X,Y"},
      {{"--no-such-option"}, "see --help"},
  };
  for (const Case &c : cases) {
    auto r = parse(c.args);
    INFO(c.args[0]);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains(c.fragment));
  }
}

TEST_CASE("a lesson is opened at a step and presented from the command line", "[cli][lesson]") {
  auto r = parse({"--lesson", "my.yaml", "--step", "3", "--present"});
  REQUIRE(r);
  CHECK(r->options.lesson == "my.yaml");
  REQUIRE(r->options.lessonStep);
  CHECK(*r->options.lessonStep == 3);
  CHECK(r->options.present);
  auto zero = parse({"--lesson", "my.yaml", "--step", "0"});
  REQUIRE_FALSE(zero);
  CHECK(zero.error().find("--step") != std::string::npos);
  for (std::vector<const char *> alone : {std::vector<const char *>{"--present"}, {"--step", "2"}}) {
    auto refused = parse(alone);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().find("needs --lesson") != std::string::npos);
  }
}
