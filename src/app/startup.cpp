#include "app/startup.h"

#include "app/article_startup.h"

#include "content/content_load.h"
#include "core/log.h"
#include "core/paths.h"

#include <ctime>
#include <filesystem>

namespace atlas {

namespace fs = std::filesystem;

namespace {

// The bundled teacher sets (content/quizzes) as quiz decks, once; their problems say file:line.
void loadBundledQuizSets(Session &session) {
  if (session.quizSets)
    return;
  if (const std::string dir = paths::findDataDir("content").string(); !dir.empty()) {
    content::QuizSets sets = content::loadQuizSetsWith(dir, session.knowledge());
    for (const std::string &problem : sets.problems)
      log::warning(problem);
    session.quizSets = std::make_shared<const content::QuizSets>(std::move(sets));
  }
}

} // namespace

void applyStartupCamera(Session &session, const Options &options) {
  // A quiz's first name-it question has turned the camera to the part it lights: that view stays.
  const bool quizView =
      !options.view && session.quiz() && session.quiz()->current() && !session.quiz()->current()->lit.empty();
  if (!quizView)
    session.setStandardView(options.view.value_or(StandardView::Default), false);
  if (!options.frame.empty()) {
    // A close-up: the view's direction, moved in to fit the named structures.
    std::vector<int> parts;
    for (const std::string &id : options.frame)
      if (const int index = session.scene().indexOf(id); index >= 0)
        parts.push_back(index);
    const Session::ViewArea area = session.viewArea();
    framePoints(session.camera(), session.viewPoints(parts),
                static_cast<float>(area.width) / static_cast<float>(area.height > 0 ? area.height : 1));
  }
  if (session.lesson()) { // the step's own camera, once the 3D view's area is known
    session.apply(GoToLessonStepCommand{options.lessonStep.value_or(1) - 1, false});
    if (!options.labels) // --labels off wins over the step's labels (a picture without them, tests)
      session.apply(SetLabelsCommand{false});
  }
  if (options.pick)
    session.clickAt(options.pick->first, options.pick->second);
}

Result<void> applyStartupOptions(Session &session, const Options &options, bool withCamera) {
  session.setViewport(options.width, options.height);
  if (options.source == SourceMode::Article)
    session.apply(SetSourceCommand{true});
  session.apply(SetLabelsCommand{options.labels});
  if (options.landmarks)
    session.apply(SetLandmarksShownCommand{true});
  for (const auto &[ids, flag] :
       {std::pair{&options.isolate, "--isolate"}, std::pair{&options.frame, "--frame"}})
    for (const std::string &id : *ids)
      if (session.scene().indexOf(id) < 0)
        return Error{std::string(flag) + ": no structure with id '" + id + "'"};
  if (!options.isolate.empty()) {
    std::vector<int> keep;
    for (const std::string &id : options.isolate)
      keep.push_back(session.scene().indexOf(id));
    session.apply(ShowAllCommand{});
    for (std::size_t i = 0; i < session.scene().structures().size(); ++i)
      if (std::find(keep.begin(), keep.end(), static_cast<int>(i)) == keep.end())
        session.apply(SetVisibilityCommand{session.scene().structures()[i].id, Visibility::Hidden});
  }
  for (const auto &[ids, visibility, flag] : {std::tuple{&options.hide, Visibility::Hidden, "--hide"},
                                              std::tuple{&options.ghost, Visibility::Ghosted, "--ghost"}})
    for (const std::string &id : *ids)
      if (Result<void> ok = session.apply(SetVisibilityCommand{id, visibility}); !ok)
        return Error{std::string(flag) + ": " + ok.error()};
  // "--select a,b,c" gathers several parts as Ctrl+clicks do; the last is the one described.
  std::string ids = options.select;
  for (SelectMode mode = SelectMode::Replace; !ids.empty(); mode = SelectMode::Add) {
    const std::size_t comma = ids.find(',');
    const std::string id = ids.substr(0, comma);
    ids = comma == std::string::npos ? std::string() : ids.substr(comma + 1);
    if (id.empty())
      return Error{"--select: an empty id in '" + options.select + "'; expected ID[,ID...]"};
    if (Result<void> ok = session.apply(SelectCommand{id, false, mode}); !ok)
      return Error{"--select: " + ok.error()};
  }
  if (!options.landmark.empty())
    if (Result<void> ok = session.apply(PickLandmarkCommand{options.landmark}); !ok)
      return Error{"--landmark: " + ok.error()};
  // The clock is read here, at the edge: the session only ever sees a day number.
  session.quizMemory.today = options.today
                                 ? *options.today
                                 : quiz::dayFromUnixSeconds(static_cast<std::int64_t>(std::time(nullptr)));
  session.quizMemory.file =
      options.progressFile.empty() ? quiz::defaultProgressFile() : fs::path(options.progressFile);
  loadBundledQuizSets(session);
  if (!options.quizFile.empty()) { // a bad set is reported, never fatal: the app goes on without it
    const Result<void> ok = session.apply(OpenQuizSetCommand{options.quizFile});
    if (!ok)
      log::warning("--quiz-file: " + ok.error());
    for (const std::string &problem : session.quizSetProblems)
      if (ok || ok.error().find(problem) == std::string::npos)
        log::warning(problem);
  }
  if (!options.quizDeck.empty()) {
    if (Result<void> ok = session.apply(
            StartQuizCommand{options.quizDeck, options.quizSeed, options.quizQuestions, options.quizMode});
        !ok)
      return Error{"--quiz: " + ok.error()};
    for (const std::string &answer : options.answers)
      if (Result<void> ok = session.apply(AnswerQuizCommand{answer}); !ok)
        return Error{"--answer " + answer + ": " + ok.error()};
    if (!session.quizMemory.message().empty())
      log::warning(session.quizMemory.message()); // e.g. a corrupt progress file kept aside
  }
  if (!options.lesson.empty()) {
    if (Result<void> ok = session.apply(OpenLessonCommand{options.lesson}); !ok)
      return Error{"--lesson: " + ok.error()};
    if (session.lessonView.message.find("problems") != std::string::npos)
      log::warning(session.lessonView.message); // opened, with steps skipped
    const std::size_t steps = session.lesson()->steps.size();
    if (options.lessonStep && static_cast<std::size_t>(*options.lessonStep) > steps)
      return Error{"--step " + std::to_string(*options.lessonStep) + ": the lesson has " +
                   std::to_string(steps) + " steps"};
    if (options.present)
      session.apply(PresentCommand{true});
  }
  if (options.panel == PanelName::Progress)
    session.apply(ShowQuizProgressCommand{true});
  if (withCamera)
    applyStartupCamera(session, options);
  return applyArticleOptions(session, options);
}

} // namespace atlas
