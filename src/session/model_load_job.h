// ModelLoadJob: opens a model on a worker thread — the file, then (at start-up) the knowledge base and
// the article checked against it — while the window keeps drawing or the headless run creates its GL
// context. The interface reads progress() and may cancel(); the main thread installs the result, so
// the Session is only ever touched by one thread.
#pragma once

#include "content/article.h"
#include "content/knowledge_base.h"
#include "core/log.h"
#include "core/result.h"
#include "io/model_loader.h"
#include "scene/level_of_detail.h"
#include "scene/scene.h"
#include "session/session.h"

#include <atomic>
#include <future>
#include <memory>
#include <optional>
#include <string>

namespace atlas {

struct LoadedModel {
  Scene scene;
  bool withContent = false; // the knowledge base and the article below were loaded too
  content::KnowledgeLoad knowledge;
  std::shared_ptr<content::Article> article;
  std::optional<MotionDetail> motion; // the coarse meshes for moving frames, when asked for
  std::vector<log::Message> messages; // logged on the worker; replayed by installLoadedModel
  double modelMs = 0.0, contentMs = 0.0, motionMs = 0.0; // worker time, for --timings
};

class ModelLoadJob {
public:
  // What a load does besides reading the model.
  struct Extras {
    bool content = false;      // content/ (knowledge base, article), checked against the bundled model's ids
    bool motionDetail = false; // the coarse meshes, so the first frames after the load are cheap
  };
  // Starts loading `path` (waiting for any earlier load of this job first).
  void start(const std::string &path, Extras extras, const LoadLimits &limits = {});
  bool active() const { return state_ && state_->result.valid(); }
  float progress() const; // 0..1 over the whole job: the file is most of it
  const std::string &path() const { return path_; }
  void cancel(); // the worker stops at its next check; takeIfDone() then gives the "cancelled" error

  std::optional<Result<LoadedModel>> takeIfDone(); // nullopt while the worker runs or when idle
  Result<LoadedModel> wait();                      // blocks until the worker is done

private:
  struct State {
    LoadProgress progress;
    std::atomic<int> stage{0}; // 0 reading the model, 1 content, 2 motion detail
    std::future<Result<LoadedModel>> result;
  };
  std::unique_ptr<State> state_; // stable address: the worker reports into it
  std::string path_;
};

// Loads the model and the extras on the calling thread: the worker's job. `stage`, when given, says
// which part is running.
Result<LoadedModel> loadModelAndContent(const std::string &path, ModelLoadJob::Extras extras,
                                        const LoadLimits &limits, std::atomic<int> *stage = nullptr);

// Waits for `loading` (under --timings: the wait and the worker's phases). The error is the
// loader's one-line message.
Result<LoadedModel> waitForLoad(ModelLoadJob &loading);
// Waits and installs into the session (runs without a viewer).
Result<void> finishLoading(Session &session, ModelLoadJob &loading);

// Puts a loaded model into the session: the scene, then, when loaded with it, the knowledge base and
// the article. The worker's messages and the content's problems (file:line each) go to the log.
void installLoadedModel(Session &session, LoadedModel loaded);

} // namespace atlas
