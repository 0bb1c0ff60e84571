// The command line: every option as a plain struct, parsed with CLI11. Used by main() and tested
// without starting the app.
#pragma once

#include "core/result.h"
#include "scene/camera.h"
#include "scene/source_mode.h"
#include "session/panel_name.h"
#include "session/quiz_mode.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace atlas {

struct Options {
  std::string file; // model to open; empty = the bundled model
  bool headless = false;
  int width = 1280, height = 720;
  std::optional<StandardView> view; // --view; none: the opening view
  std::string select;
  std::optional<std::pair<float, float>> pick;
  std::string screenshot;
  bool noUi = false;
  std::string statePath;
  bool list = false;
  std::vector<std::string> hide, ghost, isolate;
  std::vector<std::string> frame; // --frame: after the view, fit these structures (their joint box)
  std::optional<float> uiScale;
  int samples = 4;
  bool timings = false;                      // --timings: start-up phases to stderr
  int benchmarkFrames = 0;                   // --benchmark-frames N: frame times after the screenshot
  SourceMode source = SourceMode::Reference; // --source reference | article
  bool labels = true;
  bool landmarks = false;         // --landmarks: markers and labels for the bony landmarks
  std::string landmark;           // --landmark ID: name one landmark, as a click on its marker does
  std::optional<PanelName> panel; // --panel: the panel to open (session/panel_name.h)
  std::string showSource;         // --show-source ID: the Sources panel at this bibliography work
  std::string showTeaching;       // --show-teaching ID: the Teaching panel at this teaching entry
  std::string section;            // article section id to open
  std::string search;             // article search text
  bool patient = false;           // the article's plain-language version (panels and --export-article)
  std::string exportArticle;      // write the article as Markdown to this file and exit
  std::string exportHandout;      // write the picture handout of the selection as a PDF to this file and exit
  std::string showFunction;       // a key function to show on the model, as its button does
  // --time T: with --show-function, the model posed at T (0..1) through the function's loop (issue 14);
  // --export-animation FILE.gif [--frames N]: the loop as an animated GIF
  std::optional<float> functionTime;
  std::string exportAnimation;
  int animationFrames = 24;
  // --quiz DECK [--seed S] [--questions N] [--quiz-mode practice|exam]: start a self-test; each
  // --answer answers the current question, in order (session/quiz_run.h)
  std::string quizDeck;
  std::uint32_t quizSeed = 1;
  int quizQuestions = 10;
  quiz::QuizMode quizMode = quiz::QuizMode::Practice;
  std::vector<std::string> answers;
  // --quiz-file FILE: a teacher's question set to open (checked like content/quizzes; its id is a deck)
  std::string quizFile;
  // --progress FILE: the self-test's progress file (default $XDG_DATA_HOME/scalene-atlas/progress.json);
  // --today DAYS: the day number (days since 1970-01-01 UTC) the scheduler takes as today, for tests
  std::string progressFile;
  std::optional<std::int64_t> today;
  // --lesson FILE [--step N] [--present]: open a lesson at step N (from 1), presented or not
  std::string lesson;
  std::optional<int> lessonStep;
  bool present = false;
  // --window-state FILE: in the window, write the state of the last frame shown on screen to FILE
  // whenever it changes (tests and automation drive the real window with X input and read this)
  std::string windowState;
  bool exitAfterCommands() const {
    return headless || list || !screenshot.empty() || !statePath.empty() || !exportArticle.empty() ||
           !exportHandout.empty() || !exportAnimation.empty();
  }
};

struct ParsedCommandLine {
  Options options;
  bool exitNow = false; // --help or --version was handled
  int exitCode = 0;
  std::string output; // help text to print when exitNow
};

Result<ParsedCommandLine> parseCommandLine(int argc, const char *const *argv);

} // namespace atlas
