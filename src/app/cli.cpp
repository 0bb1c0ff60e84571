#include "app/cli.h"

#include "scene/camera.h"

#include <CLI/CLI.hpp>
#include <cmath>
#include <sstream>

namespace atlas {
namespace {

std::vector<std::string> splitIds(const std::vector<std::string> &values) {
  std::vector<std::string> ids;
  for (const std::string &value : values) {
    std::stringstream stream(value);
    std::string id;
    while (std::getline(stream, id, ','))
      if (!id.empty())
        ids.push_back(id);
  }
  return ids;
}

} // namespace

Result<ParsedCommandLine> parseCommandLine(int argc, const char *const *argv) {
  ParsedCommandLine parsed;
  Options &o = parsed.options;
  CLI::App app{
      "Scalene Atlas: an interactive 3D atlas of the lower cervical spine, the first and second ribs and "
      "the scalene muscles.\nWith no FILE it opens the bundled model. The model frame is anatomical: +X "
      "is the patient's left, +Y superior, +Z anterior (metres).",
      "scalene-atlas"};
  std::string size, pick, view, source = "reference", panel, quizMode = "practice";
  std::vector<std::string> hide, ghost, isolate, frame;
  app.add_option("FILE", o.file, "Model to open: .glb/.gltf, .obj, .stl or .ply (other formats are refused)");
  app.add_flag("--headless", o.headless, "Render offscreen without a window (EGL), run the actions and exit");
  app.add_option("--size", size, "Image or window size in pixels, WxH (default 1280x720)");
  app.add_option("--view", view,
                 "Camera view: anterior, posterior, left, right, superior, inferior or default");
  app.add_option("--select", o.select,
                 "Select a structure by id, as a click would; ID,ID... selects several, as Ctrl+clicks");
  app.add_option("--pick", pick, "Left-click at pixel X,Y of the final image (after --view/--size)");
  app.add_option("--screenshot", o.screenshot, "Render one frame and write it as PNG (implies --headless)");
  app.add_flag("--no-ui", o.noUi, "Leave the interface out of the screenshot");
  app.add_option("--state", o.statePath,
                 "Write the app state after all actions as JSON (implies --headless)");
  app.add_flag("--list", o.list, "Print every structure of the model as JSON and exit");
  app.add_option("--hide", hide, "Hide structures: ID[,ID...]");
  app.add_option("--ghost", ghost, "Show structures as x-ray: ID[,ID...]");
  app.add_option("--isolate", isolate, "Show only these structures: ID[,ID...]");
  app.add_option("--frame", frame,
                 "After the view is set, move the camera in to fit these structures: ID[,ID...] (close-ups)");
  app.add_option("--ui-scale", o.uiScale, "Interface scale (0.5 to 4; 1.25 by default)");
  app.add_option("--samples", o.samples, "Multisampling for headless images (0 to turn off; default 4)");
  app.add_flag("--timings", o.timings, "Print the start-up phases' times to stderr (benchmarks)");
  app.add_option(
      "--benchmark-frames", o.benchmarkFrames,
      "After the screenshot, render N frames orbiting and N still, and print frame times to stderr");
  app.add_option("--source", source, "Whose anatomy lights up: reference (standard, default) or article")
      ->check(CLI::IsMember(std::vector<std::string>{sourceModeName(SourceMode::Reference),
                                                     sourceModeName(SourceMode::Article)}));
  std::string labels = "on";
  app.add_option("--labels", labels, "Leader-line labels for the highlighted parts: on (default) or off")
      ->check(CLI::IsMember({"on", "off"}));
  app.add_flag("--landmarks", o.landmarks,
               "Show the named bony landmarks of the bones on show (markers and leader-line labels)");
  app.add_option("--landmark", o.landmark,
                 "Name a landmark by id (e.g. c2.dens), as a click on its marker does; its bone is selected");
  app.add_option("--panel", panel,
                 "Open a panel: article, functions, disclaimer, sources, teaching, structures, info or "
                 "progress (the self-test's)")
      ->check(CLI::IsMember(panelNames()));
  app.add_option("--show-source", o.showSource,
                 "Open the Sources panel at this work of content/bibliography (e.g. gray41)");
  app.add_option("--show-teaching", o.showTeaching,
                 "Open the Teaching panel at this entry of content/teaching (e.g. teaching.phrenic_nerve)");
  app.add_option("--section", o.section,
                 "Open the article at this section id (overview, anatomy, causes, ...)");
  app.add_option("--search", o.search, "Search the article for this text (hits are highlighted)");
  app.add_flag("--patient", o.patient,
               "Read the article's plain-language version (panels, --export-article, --export-handout)");
  app.add_option("--show-function", o.showFunction,
                 "Show a key function on the model as its button does (respiration, posture, ...)");
  app.add_option("--time", o.functionTime,
                 "With --show-function: pose the model at T through the function's loop (0 rest, 0.5 peak)")
      ->check(CLI::Range(0.0f, 1.0f));
  app.add_option(
      "--export-animation", o.exportAnimation,
      "With --show-function: write its loop as an animated GIF to FILE.gif and exit (--size, --frames)");
  app.add_option("--frames", o.animationFrames, "Frames of --export-animation (default 24)")
      ->check(CLI::Range(2, 600));
  app.add_option("--export-article", o.exportArticle,
                 "Write the whole article as a Markdown handout to FILE.md and exit (no model or GL needed)");
  app.add_option("--export-handout", o.exportHandout,
                 "Write a picture handout of the selection (default scalenus_posterior_right) as a PDF to "
                 "FILE.pdf and exit; with --patient, the key points for a patient on one or two pages; with "
                 "--lesson, one picture and its text per step of the lesson");
  app.add_option("--quiz", o.quizDeck,
                 "Start a self-test on a deck: all, a kind (find, name, attachment, supply, relation, "
                 "source), a system (bone, muscle, nerve, artery, vein, vessel...), landmarks or "
                 "scalenus_posterior");
  app.add_option("--seed", o.quizSeed, "The quiz's random seed: the same seed gives the same questions");
  app.add_option("--questions", o.quizQuestions, "How many questions the quiz asks (default 10)");
  app.add_option("--quiz-mode", quizMode, "practice (feedback after each answer, default) or exam")
      ->check(CLI::IsMember({"practice", "exam"}));
  app.add_option("--answer", o.answers,
                 "Answer the quiz's current question: a name, an id, an option or ID,ID... (repeatable, "
                 "in order)")
      ->allow_extra_args(false);
  app.add_option("--quiz-file", o.quizFile,
                 "Open a teacher's question set (YAML, format in content/README.md); its id is a --quiz "
                 "deck. A bad file is reported with file:line and the app goes on without it");
  app.add_option("--progress", o.progressFile,
                 "The self-test's progress file (default $XDG_DATA_HOME/scalene-atlas/progress.json)");
  app.add_option("--today", o.today,
                 "The day the quiz scheduler takes as today, in days since 1970-01-01 (default: the clock)");
  app.add_option(
      "--lesson", o.lesson,
      "Open a lesson (a YAML file of steps, e.g. content/lessons/scalenus_posterior_five_minutes.yaml) "
      "at its first step, or at --step; with --export-handout, one block per step");
  app.add_option("--step", o.lessonStep, "The lesson's step to show, from 1")->check(CLI::PositiveNumber);
  app.add_flag("--present", o.present,
               "Present the lesson: panels away, the step's text in large type beside the model (arrow keys, "
               "Page Up/Down and space step through it, Esc leaves)");
  app.add_option("--window-state", o.windowState,
                 "Window mode: write the state of the frame on screen as JSON to FILE whenever it changes "
                 "(for tests and automation)");
  app.set_version_flag("--version", "scalene-atlas 0.1.0");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp &) {
    parsed.exitNow = true;
    parsed.output = app.help();
    return parsed;
  } catch (const CLI::CallForVersion &) {
    parsed.exitNow = true;
    parsed.output = "scalene-atlas 0.1.0\n";
    return parsed;
  } catch (const CLI::ParseError &e) {
    return Error{std::string(e.what()) + " (see --help)"};
  }
  if ((o.lessonStep || o.present) && o.lesson.empty())
    return Error{std::string(o.present ? "--present" : "--step") + " needs --lesson FILE"};
  if (!size.empty()) {
    int w = 0, h = 0;
    char x = 0, extra = 0;
    if (std::sscanf(size.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X') || w < 1 ||
        h < 1 || w > 16384 || h > 16384)
      return Error{"--size " + size + ": expected WIDTHxHEIGHT, e.g. 1920x1080 (1 to 16384 each)"};
    o.width = w;
    o.height = h;
  }
  if (!pick.empty()) {
    float px = 0, py = 0;
    char comma = 0, extra = 0;
    // "nan" and "inf" scan as floats, and NaN passes every comparison below.
    if (std::sscanf(pick.c_str(), "%f%c%f%c", &px, &comma, &py, &extra) != 3 || comma != ',' ||
        !std::isfinite(px) || !std::isfinite(py))
      return Error{"--pick " + pick + ": expected X,Y in pixels, e.g. 640,360"};
    if (px < 0 || py < 0 || px >= static_cast<float>(o.width) || py >= static_cast<float>(o.height))
      return Error{"--pick " + pick + ": outside the " + std::to_string(o.width) + "x" +
                   std::to_string(o.height) + " image"};
    o.pick = std::make_pair(px, py);
  }
  // The names become enums here, once; the layers below never compare option text.
  if (!view.empty()) {
    o.view = standardViewFromName(view);
    if (!o.view)
      return Error{"--view " + view +
                   ": expected anterior, posterior, left, right, superior, inferior or default"};
  }
  o.source = *sourceModeFromName(source); // IsMember has checked it
  if (!panel.empty())
    o.panel = panelFromName(panel);               // IsMember has checked it
  o.quizMode = *quiz::quizModeFromName(quizMode); // IsMember has checked it
  if (o.uiScale && (!std::isfinite(*o.uiScale) || *o.uiScale < 0.5f || *o.uiScale > 4.0f))
    return Error{"--ui-scale: expected a value from 0.5 to 4"};
  if (o.samples < 0 || o.samples > 16)
    return Error{"--samples: expected 0 to 16"};
  if (!o.answers.empty() && o.quizDeck.empty())
    return Error{"--answer needs a quiz: add --quiz DECK"};
  if (o.quizQuestions < 1)
    return Error{"--questions: expected 1 or more"};
  if ((o.functionTime || !o.exportAnimation.empty()) && o.showFunction.empty())
    return Error{std::string(o.functionTime ? "--time" : "--export-animation") +
                 " needs a function: add --show-function ID"};
  o.labels = labels == "on";
  o.hide = splitIds(hide);
  o.ghost = splitIds(ghost);
  o.isolate = splitIds(isolate);
  o.frame = splitIds(frame);
  return parsed;
}

} // namespace atlas
