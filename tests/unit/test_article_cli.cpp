// The article's command-line options parse into Options, and wrong values are refused.
#include "app/cli.h"

#include <catch2/catch.hpp>

using namespace atlas;

namespace {
Result<ParsedCommandLine> parse(std::vector<const char *> args) {
  args.insert(args.begin(), "scalene-atlas");
  return parseCommandLine(static_cast<int>(args.size()), args.data());
}
} // namespace

TEST_CASE("the article options parse: --panel, --section, --search, --patient, --export-article",
          "[cli][article]") {
  Result<ParsedCommandLine> parsed =
      parse({"--panel", "article", "--section", "causes", "--search", "whiplash", "--patient"});
  REQUIRE(parsed);
  CHECK(parsed->options.panel == "article");
  CHECK(parsed->options.section == "causes");
  CHECK(parsed->options.search == "whiplash");
  CHECK(parsed->options.patient);
  CHECK_FALSE(parsed->options.exitAfterCommands());

  Result<ParsedCommandLine> exported = parse({"--export-article", "out.md", "--patient"});
  REQUIRE(exported);
  CHECK(exported->options.exportArticle == "out.md");
  CHECK(exported->options.exitAfterCommands());

  for (const char *panel : {"article", "functions", "disclaimer", "structures", "info"})
    CHECK(parse({"--panel", panel}));
  CHECK_FALSE(parse({"--panel", "sideways"}));
}
