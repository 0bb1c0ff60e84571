// Lessons (issue 16): the file format (content/lesson.h) read, checked with file:line problems and
// written back with unknown fields kept; the bundled lessons against the model, the article and the
// bibliography; and the Session going through, authoring and saving a lesson (session_lesson.cpp).
#include "content/article.h"
#include "content/content_load.h"
#include "content/lesson.h"
#include "session/session.h"

#include "article_test_support.h"
#include "model_test_support.h"
#include "support/scratch_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace atlas;
using namespace atlas::content;

namespace {

const std::string kContentDir = std::string(ATLAS_SOURCE_DIR) + "/content";
const std::string kLessonsDir = kContentDir + "/lessons";

std::shared_ptr<const Article> bundledArticle() {
  static const auto article =
      std::make_shared<const Article>(loadArticleWith(kContentDir, test::contentKnowledge()));
  return article;
}

// A session on the bundled model with the knowledge base and the article, as the viewer has it.
Session bundledSession() {
  Session session;
  session.setScene(test::committedModel());
  session.setKnowledge(test::contentKnowledge());
  session.article = bundledArticle();
  session.setViewport(1280, 720);
  return session;
}

std::string readAll(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const char *kSmallLesson = R"(title: Two steps
audience: class
future_field: kept as it is
steps:
  - title: First
    text: The first step.
    camera: {view: anterior, frame: [c5]}
    select: [c5]
    shiny: true
  - title: Second
    text: The second step.
    patient: In plain words.
    camera: {target: [0.0, 0.1, 0.0], distance: 0.3, orientation: [1, 0, 0, 0]}
    hide: [c6]
    source: article
    labels: false
    pins:
      - {structure: c5, point: [0.001, 0.002, 0.003], note: here}
)";

} // namespace

TEST_CASE("a lesson file is read step by step with every field", "[lesson]") {
  const LessonLoad load = parseLesson(kSmallLesson, "small.yaml", LessonIds{});
  INFO(test::joined(load.problems));
  REQUIRE(load.problems.empty());
  REQUIRE(load.lesson);
  const Lesson &lesson = *load.lesson;
  CHECK(lesson.title == "Two steps");
  REQUIRE(lesson.steps.size() == 2);
  CHECK(lesson.steps[0].camera.view == StandardView::Anterior);
  CHECK(lesson.steps[0].camera.frame == std::vector<std::string>{"c5"});
  CHECK_FALSE(lesson.steps[0].camera.exact);
  CHECK(lesson.steps[0].select == std::vector<std::string>{"c5"});
  const LessonStep &second = lesson.steps[1];
  REQUIRE(second.camera.exact);
  CHECK(second.camera.exact->distance == Approx(0.3f));
  CHECK(second.camera.exact->target[1] == Approx(0.1f));
  CHECK(second.source == SourceMode::Article);
  CHECK_FALSE(second.labels);
  CHECK(second.textFor(true) == "In plain words.");
  CHECK(second.textFor(false) == "The second step.");
  REQUIRE(second.pins.size() == 1);
  CHECK(second.pins[0].point[2] == Approx(0.003f));
  CHECK(second.pins[0].note == "here");
  CHECK(second.line == 10); // the line of its '- title:'
}

TEST_CASE("a lesson round-trips through its YAML with unknown fields kept", "[lesson]") {
  const LessonLoad first = parseLesson(kSmallLesson, "small.yaml", LessonIds{});
  REQUIRE(first.lesson);
  const std::string written = lessonToYaml(*first.lesson);
  CHECK(written.find("future_field: kept as it is") != std::string::npos);
  CHECK(written.find("shiny: true") != std::string::npos);
  const LessonLoad second = parseLesson(written, "written.yaml", LessonIds{});
  INFO(written);
  REQUIRE(second.problems.empty());
  REQUIRE(second.lesson);
  CHECK(lessonToYaml(*second.lesson) == written); // stable: a second save changes nothing
  REQUIRE(second.lesson->steps.size() == 2);
  const LessonStep &a = first.lesson->steps[1], &b = second.lesson->steps[1];
  CHECK(b.title == a.title);
  CHECK(b.patient == a.patient);
  CHECK(b.hide == a.hide);
  CHECK(b.labels == a.labels);
  CHECK(b.source == a.source);
  REQUIRE(b.camera.exact);
  CHECK(b.camera.exact->distance == Approx(a.camera.exact->distance));
  CHECK(b.pins.size() == a.pins.size());
}

TEST_CASE("bad lesson files are refused with the file and line of the problem", "[lesson]") {
  LessonIds ids;
  ids.structures = {"c5", "c6"};
  ids.sections = {"anatomy"};
  ids.works = {"gray41"};
  SECTION("not YAML") {
    const LessonLoad load = parseLesson("title: [unclosed\n", "broken.yaml", ids);
    CHECK_FALSE(load.lesson);
    REQUIRE_FALSE(load.problems.empty());
    CHECK(load.problems[0].rfind("broken.yaml:", 0) == 0);
  }
  SECTION("no steps") {
    const LessonLoad load = parseLesson("title: Empty\nsteps: []\n", "empty.yaml", ids);
    CHECK_FALSE(load.lesson);
    CHECK(test::anyContains(load.problems, "empty.yaml:2", "at least one step"));
  }
  SECTION("a step without text is skipped, the rest kept") {
    const LessonLoad load =
        parseLesson("title: T\nsteps:\n  - title: A\n  - title: B\n    text: b\n", "t.yaml", ids);
    REQUIRE(load.lesson);
    CHECK(load.lesson->steps.size() == 1);
    CHECK(test::anyContains(load.problems, "t.yaml:3", "'text' is missing"));
  }
  SECTION("unknown ids, views, sections, sources and numbers") {
    const LessonLoad load = parseLesson(R"(title: T
steps:
  - title: A
    text: a
    select: [c5, no_such_part]
    camera: {view: sideways}
    section: nowhere
    sources: [no_such_work]
  - title: B
    text: b
    camera: {target: [0, nan, 0], distance: 1, orientation: [1, 0, 0, 0]}
)",
                                        "ids.yaml", ids);
    REQUIRE(load.lesson);
    CHECK(test::anyContains(load.problems, "ids.yaml:5", "no_such_part"));
    CHECK(test::anyContains(load.problems, "ids.yaml:6", "sideways"));
    CHECK(test::anyContains(load.problems, "ids.yaml:7", "nowhere"));
    CHECK(test::anyContains(load.problems, "ids.yaml:8", "no_such_work"));
    CHECK(test::anyContains(load.problems, "ids.yaml:11", "finite number"));
    CHECK(load.lesson->steps[0].select == std::vector<std::string>{"c5"}); // the known id stays
  }
}

TEST_CASE("the bundled lessons load cleanly against the model, the article and the bibliography",
          "[lesson]") {
  Session session = bundledSession();
  std::vector<std::string> problems;
  const std::vector<Lesson> lessons = loadLessons(kLessonsDir, session.lessonIds(), problems);
  INFO(test::joined(problems));
  CHECK(problems.empty());
  REQUIRE(lessons.size() == 3);
  int patientLessons = 0;
  for (const Lesson &lesson : lessons) {
    INFO(lesson.file);
    CHECK(lesson.steps.size() >= 4);
    patientLessons += lesson.audience == "patient";
    for (const LessonStep &step : lesson.steps) {
      INFO(step.title);
      CHECK_FALSE(step.sources.empty()); // every step says where its facts come from
      CHECK(step.text.size() < 700);     // a step is read from a projector: a short paragraph
    }
  }
  CHECK(patientLessons == 1);
}

TEST_CASE("going to a step shows its selection, visibility, source and labels", "[lesson]") {
  Session session = bundledSession();
  REQUIRE(session.apply(OpenLessonCommand{kLessonsDir + "/01_scalenus_posterior_five_minutes.yaml"}));
  REQUIRE(session.lessonStep() == 0);
  const Scene &scene = session.scene();
  const int posterior = scene.indexOf("scalenus_posterior_right");
  CHECK(session.selected() == posterior);
  REQUIRE(session.apply(GoToLessonStepCommand{1, false}));
  CHECK(session.view().visibility(scene.indexOf("scalenus_medius_right")) == Visibility::Hidden);
  REQUIRE(session.apply(GoToLessonStepCommand{3, false}));
  CHECK(session.sourceMode() == SourceMode::Article);
  // Going back shows the earlier step exactly again: what step 4 changed does not leak into step 2.
  REQUIRE(session.apply(GoToLessonStepCommand{1, false}));
  CHECK(session.sourceMode() == SourceMode::Reference);
  CHECK(session.view().visibility(scene.indexOf("clavicle_left")) == Visibility::Visible);
  REQUIRE(session.lessonPins().size() == 1);
  CHECK(session.lessonPins()[0].structure == scene.indexOf("c5"));
  // A clicker pressed once too often stays on the last step, whose motion plays from rest.
  REQUIRE(session.apply(GoToLessonStepCommand{4, false}));
  CHECK(session.functionAnimation().active());
  CHECK(session.functionAnimation().playing());
  REQUIRE(session.functionAnimation().motion());
  CHECK(session.functionAnimation().motion()->function == "functions.lateral_neck_flexion");
  REQUIRE(session.apply(StepLessonCommand{+1}));
  CHECK(session.lessonStep() == 4);
  CHECK_FALSE(session.apply(GoToLessonStepCommand{9, false}));
  // The camera glides to the next step: animated, then at the step's view.
  REQUIRE(session.apply(StepLessonCommand{-1}));
  CHECK_FALSE(session.functionAnimation().active()); // step 4 has no motion: the model is at rest
  CHECK(session.animating());
  while (session.advance(0.1f)) {
  }
  CHECK(session.lessonStep() == 3);
}

TEST_CASE("a step added from the view keeps that view and survives saving and opening again", "[lesson]") {
  test::ScratchDir scratch("lesson_authoring");
  Session session = bundledSession();
  REQUIRE(session.apply(NewLessonCommand{"My lesson", "class"}));
  REQUIRE(session.apply(SelectCommand{"scalenus_medius_left"}));
  REQUIRE(session.apply(SetVisibilityCommand{"c7", Visibility::Ghosted}));
  REQUIRE(session.apply(SetSourceCommand{true}));
  REQUIRE(session.apply(SetViewCommand{StandardView::Left}));
  while (session.advance(0.1f)) {
  }
  const Camera camera = session.camera();
  REQUIRE(session.apply(AddLessonStepCommand{"Medius from the left", "The largest scalene."}));
  REQUIRE(session.apply(SelectCommand{"c4"}));
  REQUIRE(session.apply(AddLessonStepCommand{"C4", ""}));
  REQUIRE(session.apply(MoveLessonStepCommand{1, -1})); // C4 first now
  REQUIRE(session.apply(AddLessonPinCommand{"c4", glm::vec3(0.0f, 0.1f, 0.0f), "a pin"}));
  REQUIRE(session.lesson()->steps.size() == 2);
  CHECK(session.lesson()->steps[0].title == "C4");
  CHECK(session.lessonChanged());

  const std::string path = scratch.path("my_lesson.yaml");
  REQUIRE(session.apply(SaveLessonCommand{path}));
  CHECK_FALSE(session.lessonChanged());
  Session again = bundledSession();
  REQUIRE(again.apply(OpenLessonCommand{path}));
  REQUIRE(again.lesson()->steps.size() == 2);
  CHECK(again.lesson()->steps[0].pins.size() == 1);
  REQUIRE(again.apply(GoToLessonStepCommand{1, false}));
  CHECK(again.selected() == again.scene().indexOf("scalenus_medius_left"));
  CHECK(again.view().visibility(again.scene().indexOf("c7")) == Visibility::Ghosted);
  CHECK(again.sourceMode() == SourceMode::Article);
  CHECK(glm::distance(again.camera().target, camera.target) < 1e-4f);
  CHECK(again.camera().distance == Approx(camera.distance).epsilon(1e-4));
  CHECK(std::abs(glm::dot(again.camera().orientation, camera.orientation)) == Approx(1.0f).epsilon(1e-4));

  SECTION("deleting steps") {
    REQUIRE(again.apply(DeleteLessonStepCommand{0}));
    CHECK(again.lesson()->steps.size() == 1);
    CHECK(again.lessonStep() == 0);
  }
}

TEST_CASE("saving never writes over a file that is not a lesson, and a bad lesson keeps the open one",
          "[lesson]") {
  test::ScratchDir scratch("lesson_safety");
  Session session = bundledSession();
  REQUIRE(session.apply(OpenLessonCommand{kLessonsDir + "/02_interscalene_gap_thoracic_outlet.yaml"}));
  const std::string notes = scratch.write("notes.yaml", "shopping: [milk]\n");
  const Result<void> refused = session.apply(SaveLessonCommand{notes});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().find("left as it is") != std::string::npos);
  CHECK(readAll(notes) == "shopping: [milk]\n");

  const std::string bad = scratch.write("bad.yaml", "title: Broken\nsteps:\n  - title: only a title\n");
  const Result<void> opened = session.apply(OpenLessonCommand{bad});
  REQUIRE_FALSE(opened);
  CHECK(opened.error().find("bad.yaml:3") != std::string::npos);
  CHECK(session.lesson()->title == "The interscalene gap and the thoracic outlet");
  CHECK_FALSE(session.apply(OpenLessonCommand{scratch.path("missing.yaml")}));
}

TEST_CASE("a step can name the labels it shows, for as long as its selection is on screen", "[lesson]") {
  Session session = bundledSession();
  REQUIRE(session.apply(OpenLessonCommand{kLessonsDir + "/01_scalenus_posterior_five_minutes.yaml"}));
  REQUIRE(session.apply(GoToLessonStepCommand{1, false})); // labels: the three origin sites
  const content::LessonStep *step = session.currentLessonStep();
  REQUIRE(step);
  REQUIRE_FALSE(step->labelIds.empty());
  CHECK(session.lessonShowsLabel("scalenus_posterior_right.origin.c5"));
  CHECK_FALSE(session.lessonShowsLabel("c5_ventral_ramus_right"));
  CHECK(lessonToYaml(*session.lesson()).find("labels: [scalenus_posterior_right.origin.c4") !=
        std::string::npos);
  REQUIRE(session.apply(SelectCommand{"c5"})); // the user's own selection: every label again
  CHECK(session.lessonShowsLabel("c5_ventral_ramus_right"));
}

TEST_CASE("presenting needs a lesson, and the state reports the step", "[lesson]") {
  Session session = bundledSession();
  CHECK_FALSE(session.apply(PresentCommand{true}));
  REQUIRE(session.apply(OpenLessonCommand{kLessonsDir + "/03_your_neck_patient.yaml"}));
  REQUIRE(session.apply(PresentCommand{true}));
  CHECK(session.presenting());
  const nlohmann::json state = session.stateJson();
  CHECK(state["lesson"]["presenting"] == true);
  CHECK(state["lesson"]["step"] == 1);
  CHECK(state["lesson"]["audience"] == "patient");
  REQUIRE(session.apply(CloseLessonCommand{}));
  CHECK_FALSE(session.presenting());
  CHECK(session.stateJson()["lesson"].is_null());
}
