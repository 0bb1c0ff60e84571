// Loading on a worker thread: progress, cancel, errors, and the worker's messages reaching the main
// thread's log.
#include "core/log.h"
#include "io/model_loader.h"
#include "session/model_load_job.h"
#include "support/fixtures.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

using namespace atlas;

namespace {
std::string fixture(const std::string &name) {
  return std::string(ATLAS_TEST_FIXTURE_DIR) + "/" + name;
}
bool endsWith(const std::string &text, const std::string &tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}
} // namespace

TEST_CASE("a load reports its progress up to 1", "[loading]") {
  for (const char *name : {"scene.glb", "scene.gltf", "scene.obj", "scene.stl"}) {
    LoadProgress progress;
    LoadLimits limits;
    limits.progress = &progress;
    INFO(name);
    REQUIRE(loadModel(fixture(name), limits));
    CHECK(progress.fraction == 1.0f);
  }
}

TEST_CASE("a cancelled load stops with 'loading cancelled' and no scene", "[loading]") {
  for (const char *name : {"scene.glb", "scene.gltf", "scene.obj", "scene.ply"}) {
    LoadProgress progress;
    progress.cancel = true;
    LoadLimits limits;
    limits.progress = &progress;
    INFO(name);
    const Result<Scene> scene = loadModel(fixture(name), limits);
    REQUIRE(!scene);
    CHECK(endsWith(scene.error(), kLoadCancelled));
    CHECK(scene.error().find(name) != std::string::npos);
  }
}

TEST_CASE("the load job hands over the model from its worker", "[loading]") {
  ModelLoadJob job;
  CHECK(!job.active());
  CHECK(!job.takeIfDone());
  job.start(fixture("scene.glb"), {false, true});
  CHECK(job.active());
  CHECK(job.path() == fixture("scene.glb"));
  std::optional<Result<LoadedModel>> done;
  for (int i = 0; i < 1000 && !done; ++i) { // polled as the window does, frame after frame
    done = job.takeIfDone();
    if (!done)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(done);
  REQUIRE(*done);
  CHECK(!job.active());
  CHECK((*done)->scene.structures().size() >= 3);
  CHECK(!(*done)->withContent);
  REQUIRE((*done)->motion); // asked for: built on the worker
  CHECK((*done)->motion->meshes.size() == (*done)->scene.structures().size());
  CHECK(job.progress() > 0.9f);

  Session session;
  const std::uint64_t before = session.sceneGeneration();
  installLoadedModel(session, std::move(**done));
  CHECK(session.sceneGeneration() != before);
  CHECK(session.scene().find("box_muscle") != nullptr);
}

TEST_CASE("a failed load leaves the session's model as it was", "[loading]") {
  Session session;
  ModelLoadJob first;
  first.start(fixture("scene.glb"), {});
  Result<LoadedModel> good = first.wait();
  REQUIRE(good);
  installLoadedModel(session, std::move(*good));
  const std::uint64_t generation = session.sceneGeneration();

  ModelLoadJob job;
  job.start(fixture("truncated.glb"), {});
  const Result<LoadedModel> bad = job.wait();
  REQUIRE(!bad);
  CHECK(bad.error().find("truncated.glb") != std::string::npos);
  CHECK(session.sceneGeneration() == generation);
  CHECK(session.scene().find("box_muscle") != nullptr);
}

TEST_CASE("messages logged on the worker are replayed on the main thread", "[loading]") {
  std::vector<std::string> seen;
  log::setSink([&](log::Level, const std::string &message) { seen.push_back(message); });
  // Two nodes with one name: the loader logs that the second gets another id.
  test::GltfJsonOptions options;
  nlohmann::json doc = nlohmann::json::parse(test::makeGltfJson(options));
  doc["nodes"].push_back({{"name", "triangle"}, {"mesh", 0}});
  doc["scenes"][0]["nodes"] = {0, 1};
  const std::string path = fixture("worker_messages.gltf");
  std::ofstream(path) << doc.dump();
  ModelLoadJob job;
  job.start(path, {});
  Result<LoadedModel> loaded = job.wait();
  REQUIRE(loaded);
  CHECK(seen.empty()); // nothing reached the sink from the worker thread
  REQUIRE(!loaded->messages.empty());
  Session session;
  installLoadedModel(session, std::move(*loaded));
  log::setSink(nullptr);
  REQUIRE(!seen.empty());
  CHECK(seen.front().find("used twice") != std::string::npos);
}

TEST_CASE("a capture keeps this thread's messages and restores the sink after", "[loading]") {
  std::vector<std::string> seen;
  log::setSink([&](log::Level, const std::string &message) { seen.push_back(message); });
  std::vector<log::Message> kept;
  {
    log::Capture capture;
    log::warning("inside");
    kept = capture.take();
  }
  log::warning("outside");
  log::setSink(nullptr);
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].text == "inside");
  CHECK(kept[0].level == log::Level::Warning);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0] == "outside");
}
