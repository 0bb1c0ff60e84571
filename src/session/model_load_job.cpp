#include "session/model_load_job.h"

#include "core/log.h"
#include "core/paths.h"
#include "core/phase_timings.h"
#include "session/session_content.h"

#include <chrono>

namespace atlas {

Result<LoadedModel> loadModelAndContent(const std::string &path, ModelLoadJob::Extras extras,
                                        const LoadLimits &limits, std::atomic<int> *stage) {
  using Clock = std::chrono::steady_clock;
  const auto ms = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
  };
  const Clock::time_point start = Clock::now();
  log::Capture capture; // the caller may be a worker: its messages go to the main thread
  Result<Scene> scene = loadModel(path, limits);
  if (!scene)
    return Error{scene.error()};
  LoadedModel loaded;
  loaded.scene = std::move(*scene);
  const Clock::time_point modelDone = Clock::now();
  loaded.modelMs = ms(start, modelDone);
  if (extras.content) {
    if (stage)
      *stage = 1;
    loaded.withContent = true;
    loaded.knowledge = loadKnowledgeFor(loaded.scene);
    if (const std::string dir = paths::findDataDir("content").string(); !dir.empty())
      loaded.article =
          std::make_shared<content::Article>(content::loadArticleWith(dir, loaded.knowledge.knowledge));
    loaded.contentMs = ms(modelDone, Clock::now());
  }
  if (extras.motionDetail) {
    if (stage)
      *stage = 2;
    const Clock::time_point motionStart = Clock::now();
    // The file's coarse lists move into the motion detail; the rest are simplified here.
    loaded.motion = takeMotionDetail(loaded.scene, 0); // the generation is set when installed
    loaded.motionMs = ms(motionStart, Clock::now());
  }
  loaded.messages = capture.take();
  return loaded;
}

void installLoadedModel(Session &session, LoadedModel loaded) {
  log::replay(loaded.messages);
  session.setScene(std::move(loaded.scene));
  if (!loaded.withContent)
    return;
  for (const std::string &problem : loaded.knowledge.problems)
    log::warning(problem);
  session.setKnowledge(std::move(loaded.knowledge.knowledge));
  installArticle(session, std::move(loaded.article));
}

Result<LoadedModel> waitForLoad(ModelLoadJob &loading) {
  Result<LoadedModel> loaded = loading.wait();
  timings::mark("wait for the model and content");
  if (loaded) {
    timings::report("model load (worker: file, validation)", loaded->modelMs);
    timings::report("content load (worker: knowledge base, article)", loaded->contentMs);
    timings::report("coarse meshes (worker)", loaded->motionMs);
  }
  return loaded;
}

Result<void> finishLoading(Session &session, ModelLoadJob &loading) {
  Result<LoadedModel> loaded = waitForLoad(loading);
  if (!loaded)
    return Error{loaded.error()};
  installLoadedModel(session, std::move(*loaded));
  return {};
}

float ModelLoadJob::progress() const {
  if (!state_)
    return 0.0f;
  switch (state_->stage.load()) {
  case 0:
    return 0.85f * state_->progress.fraction.load();
  case 1:
    return 0.88f;
  default:
    return 0.94f;
  }
}

void ModelLoadJob::start(const std::string &path, Extras extras, const LoadLimits &limits) {
  if (active())
    state_->result.wait();
  state_ = std::make_unique<State>();
  path_ = path;
  LoadLimits withProgress = limits;
  withProgress.progress = &state_->progress;
  State *state = state_.get();
  state_->result = std::async(std::launch::async, [path, extras, withProgress, state]() {
    try {
      return loadModelAndContent(path, extras, withProgress, &state->stage);
    } catch (const std::exception &e) { // never let an exception die with the worker
      return Result<LoadedModel>(Error{path + ": unexpected failure while loading: " + e.what()});
    }
  });
}

void ModelLoadJob::cancel() {
  if (state_)
    state_->progress.cancel = true;
}

std::optional<Result<LoadedModel>> ModelLoadJob::takeIfDone() {
  if (!active() || state_->result.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    return std::nullopt;
  return state_->result.get();
}

Result<LoadedModel> ModelLoadJob::wait() {
  if (!active())
    return Error{"no model is being loaded"};
  return state_->result.get();
}

} // namespace atlas
