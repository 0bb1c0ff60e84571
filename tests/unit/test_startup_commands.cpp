// The start-up requests as the session's commands (session/startup_commands.h), and the names parsed
// once at the edge into enums: panels, sources, function ids (issue 17).
#include "app/article_startup.h"
#include "app/cli.h"
#include "core/enum_names.h"
#include "scene/motion.h"
#include "scene/source_mode.h"
#include "session/panel_name.h"
#include "session/session_content.h"
#include "session/startup_commands.h"

#include "article_test_support.h"
#include "model_test_support.h"

#include <array>
#include <catch2/catch.hpp>

using namespace atlas;

namespace {

// The bundled model with its content, put in the way the loading worker's result is
// (session/session_content.h).
Session sessionWithArticle() {
  Session session;
  session.setScene(test::committedModel());
  session.setViewport(1280, 720);
  session.setKnowledge(test::contentKnowledge());
  installArticle(session, std::make_shared<content::Article>(content::loadArticleWith(
                              std::string(ATLAS_SOURCE_DIR) + "/content", session.knowledge())));
  return session;
}

} // namespace

TEST_CASE("every panel name parses back to its panel and nothing else parses", "[startup][names]") {
  REQUIRE(panelNames().size() == 8);
  for (const std::string &name : panelNames()) {
    INFO(name);
    const std::optional<PanelName> panel = panelFromName(name);
    REQUIRE(panel);
    CHECK(panelName(*panel) == name);
  }
  for (const char *bad : {"", "Article", "article ", "settings", "quiz"})
    CHECK_FALSE(panelFromName(bad));
}

TEST_CASE("source names parse to the two accounts and nothing else", "[startup][names]") {
  for (const SourceMode mode : {SourceMode::Reference, SourceMode::Article})
    CHECK(sourceModeFromName(sourceModeName(mode)) == mode);
  CHECK(std::string(sourceModeName(SourceMode::Article)) == "article");
  CHECK_FALSE(sourceModeFromName("both"));
  CHECK_FALSE(sourceModeFromName("Article"));
}

TEST_CASE("a function id is spelt one way whichever way it is asked for", "[startup][names]") {
  CHECK(functionId("respiration") == "functions.respiration");
  CHECK(functionId("functions.respiration") == "functions.respiration");
  CHECK(functionId("function.respiration") == "functions.function.respiration");
  // The motions and the article agree: every function with a motion is named in the article's way.
  for (const std::string &id : motionFunctionIds())
    CHECK(functionId(id) == id);
}

TEST_CASE("a reading request opens what it names on a session without the article", "[startup][session]") {
  Session session;
  ReadingRequest request;
  request.panel = PanelName::Disclaimer;
  request.search = "rib";
  request.patient = true;
  CHECK_FALSE(applyReadingRequest(session, request));
  CHECK(session.articleView.disclaimerOpen);
  CHECK(session.articleView.patientMode);
  CHECK(session.articleView.search == "rib");

  request.section = "anatomy"; // a section needs the article
  const std::optional<ReadingFailure> failed = applyReadingRequest(session, request);
  REQUIRE(failed);
  CHECK(failed->step == ReadingStep::Section);
}

TEST_CASE("a reading request goes to the section and shows the function it names", "[startup][session]") {
  Session session = sessionWithArticle();
  ReadingRequest request;
  request.panel = PanelName::Info;
  request.section = session.article->sections.back().id;
  CHECK_FALSE(applyReadingRequest(session, request));
  CHECK(session.articleView.section == request.section);
  // A section opens the article even when the panel named was a model panel.
  CHECK(session.articleView.panel == content::ReadingPanel::Article);

  request.section = "no_such_section";
  const std::optional<ReadingFailure> badSection = applyReadingRequest(session, request);
  REQUIRE(badSection);
  CHECK(badSection->step == ReadingStep::Section);
  CHECK(badSection->subject == "no_such_section");
  CHECK_THAT(badSection->message, Catch::Contains("overview"));

  ReadingRequest function;
  function.showFunction = "lateral_neck_flexion"; // the short form, as the command line takes it
  function.functionTime = 0.5f;
  CHECK_FALSE(applyReadingRequest(session, function));
  CHECK(session.articleView.shownFunction == functionId(function.showFunction));
  REQUIRE(session.functionAnimation().motion());
  CHECK(session.functionAnimation().time() == Approx(0.5f));

  function.showFunction = "no_such_function";
  const std::optional<ReadingFailure> badFunction = applyReadingRequest(session, function);
  REQUIRE(badFunction);
  CHECK(badFunction->step == ReadingStep::ShowFunction);
}

TEST_CASE("the command line turns names into enums once and names the option that failed", "[startup][cli]") {
  const char *argv[] = {"scalene-atlas", "--panel", "progress", "--source", "article", "--view", "left"};
  const Result<ParsedCommandLine> parsed = parseCommandLine(7, argv);
  REQUIRE(parsed);
  CHECK(parsed->options.panel == PanelName::Progress);
  CHECK(parsed->options.source == SourceMode::Article);
  CHECK(parsed->options.view == StandardView::Left);

  const char *defaults[] = {"scalene-atlas"};
  const Result<ParsedCommandLine> plain = parseCommandLine(1, defaults);
  REQUIRE(plain);
  CHECK_FALSE(plain->options.panel);
  CHECK_FALSE(plain->options.view);
  CHECK(plain->options.source == SourceMode::Reference);

  for (const char *option : {"--panel", "--source", "--view"}) {
    const char *bad[] = {"scalene-atlas", option, "sideways"};
    INFO(option);
    CHECK_FALSE(parseCommandLine(3, bad));
  }

  Session session = sessionWithArticle();
  Options options;
  options.section = "no_such_section";
  const Result<void> section = applyArticleOptions(session, options);
  REQUIRE_FALSE(section);
  CHECK_THAT(section.error(), Catch::StartsWith("--section no_such_section: no such section"));
  options.section.clear();
  options.showFunction = "no_such_function";
  const Result<void> function = applyArticleOptions(session, options);
  REQUIRE_FALSE(function);
  CHECK_THAT(function.error(), Catch::StartsWith("--show-function: "));
}

TEST_CASE("the enum name tables are read both ways", "[startup][names]") {
  // core/enum_names.h serves the views, systems, quiz kinds and panels alike.
  enum class Colour { Red, Green, Blue };
  const std::array<std::pair<Colour, const char *>, 2> names{
      {{Colour::Red, "red"}, {Colour::Green, "green"}}};
  CHECK(std::string(nameIn(names, Colour::Green, "?")) == "green");
  CHECK(std::string(nameIn(names, Colour::Blue, "?")) == "?"); // not in the table
  CHECK(valueNamed(names, "red") == Colour::Red);
  CHECK_FALSE(valueNamed(names, "Red"));
  CHECK_FALSE(valueNamed(names, ""));
  for (const StandardView view : {StandardView::Default, StandardView::Anterior, StandardView::Inferior})
    CHECK(standardViewFromName(standardViewName(view)) == view);
}
