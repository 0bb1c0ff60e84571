// End-to-end: the self-test through the real binary — --quiz DECK --seed S --questions N, --answer in
// order, and the "quiz" part of --state (issue 15). No GL is needed: no picture is taken.
#include "render/run_app.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace atlas;
using namespace atlas::test;

namespace {

std::string joined(const nlohmann::json &ids) {
  std::string list;
  for (const auto &id : ids)
    list += (list.empty() ? "" : ",") + id.get<std::string>();
  return list;
}

} // namespace

TEST_CASE("quiz from the command line: --quiz, --answer and --state run a quiz end to end",
          "[render][quiz]") {
  const std::string model = bundledModelPath();
  const std::string state = outputPath("quiz.json");
  // Progress in the test's own folder (never the user's), fresh each time the test runs.
  const std::string progress = outputPath("progress.json");
  std::filesystem::remove(progress);
  const std::vector<std::string> start{model, "--headless", "--quiz", "all",     "--seed", "7", "--questions",
                                       "5",   "--progress", progress, "--today", "20000"};

  std::vector<std::string> args = start;
  args.insert(args.end(), {"--state", state});
  AppRun run = runApp(args);
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  const nlohmann::json asked = readJson(state)["quiz"];
  CHECK(asked["deck"] == "all");
  CHECK(asked["seed"] == 7);
  CHECK(asked["index"] == 0);
  CHECK(asked["score"] == 0.0);
  REQUIRE(asked["questions"].size() == 5);

  // The right answers, as ids (a click on the model, or the option's id): all five score.
  args = start;
  std::vector<std::string> answers;
  for (const auto &q : asked["questions"]) {
    CHECK(q["given"].is_null());
    CHECK(!q["prompt"].get<std::string>().empty());
    answers.push_back(joined(q["expected"]));
    args.insert(args.end(), {"--answer", answers.back()});
  }
  args.insert(args.end(), {"--state", state});
  run = runApp(args);
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  const nlohmann::json answered = readJson(state)["quiz"];
  CHECK(answered["index"] == 4);
  CHECK(answered["score"] == 5.0);
  CHECK(answered["finished"] == true);
  for (std::size_t i = 0; i < 5; ++i) {
    INFO(answered["questions"][i].dump());
    // The same seed asks the same questions in another run.
    CHECK(answered["questions"][i]["prompt"] == asked["questions"][i]["prompt"]);
    CHECK(answered["questions"][i]["given"] == answers[i]);
    CHECK(answered["questions"][i]["correct"] == true);
  }
  // Practice mode: the last answer is on the model.
  const nlohmann::json whole = readJson(state);
  CHECK(whole["panel"] == "Quiz");
  CHECK(!whole["selection"].empty());

  // A wrong answer scores nothing.
  args = start;
  args.insert(args.end(), {"--answer", "certainly not this", "--state", state});
  run = runApp(args);
  REQUIRE(run.exitCode == 0);
  const nlohmann::json wrong = readJson(state)["quiz"];
  CHECK(wrong["questions"][0]["correct"] == false);
  CHECK(wrong["score"] == 0.0);
}

TEST_CASE("quiz from the command line: --quiz refuses an unknown deck with the list of decks",
          "[render][quiz]") {
  const AppRun bad = runApp(
      {bundledModelPath(), "--headless", "--quiz", "spleen", "--progress", outputPath("progress.json")});
  CHECK(bad.exitCode == 1);
  CHECK_THAT(bad.err, Catch::Contains("no quiz deck 'spleen'"));
  CHECK_THAT(bad.err, Catch::Contains("scalenus_posterior"));
  const AppRun orphan = runApp({bundledModelPath(), "--headless", "--answer", "c5"});
  CHECK(orphan.exitCode != 0);
  CHECK_THAT(orphan.err, Catch::Contains("--answer needs a quiz"));
}

TEST_CASE(
    "quiz from the command line: --quiz keeps progress: answers are saved, the missed card comes back first",
    "[render][quiz]") {
  const std::string progress = outputPath("progress.json");
  std::filesystem::remove(progress);
  const std::string state = outputPath("quiz.json");
  const std::vector<std::string> start{bundledModelPath(), "--headless", "--quiz",      "find",
                                       "--seed",           "4",          "--questions", "3",
                                       "--progress",       progress,     "--today",     "20000"};
  std::vector<std::string> args = start;
  args.insert(args.end(), {"--state", state});
  AppRun run = runApp(args);
  REQUIRE(run.exitCode == 0);
  CHECK_FALSE(std::filesystem::exists(progress)); // nothing answered yet
  const nlohmann::json asked = readJson(state)["quiz"]["questions"];
  REQUIRE(asked.size() == 3);

  // Right, right, then the third missed.
  args = start;
  args.insert(args.end(), {"--answer", joined(asked[0]["expected"]), "--answer", joined(asked[1]["expected"]),
                           "--answer", "certainly not this", "--state", state});
  run = runApp(args);
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  REQUIRE(std::filesystem::exists(progress));
  const nlohmann::json saved = readJson(progress)["cards"];
  CHECK(saved.size() == 3);
  const std::string missed = asked[2]["card"].get<std::string>();
  REQUIRE(saved.contains(missed));
  CHECK(saved[missed]["lapses"] == 1);

  // The same seed with that progress, the same day: the missed card is asked first.
  args = start;
  args.insert(args.end(), {"--state", state});
  run = runApp(args);
  REQUIRE(run.exitCode == 0);
  const nlohmann::json again = readJson(state)["quiz"]["questions"];
  CHECK(again[0]["card"] == missed);

  // A corrupt file: kept aside with a message, and the quiz still runs and saves afresh.
  { std::ofstream(progress, std::ios::trunc) << "{\"cards\": [garbage"; }
  args = start;
  args.insert(args.end(), {"--answer", "certainly not this", "--state", state});
  run = runApp(args);
  REQUIRE(run.exitCode == 0);
  CHECK_THAT(run.err, Catch::Contains("corrupt"));
  bool keptAside = false;
  for (const auto &entry : std::filesystem::directory_iterator(std::filesystem::path(progress).parent_path()))
    keptAside = keptAside || entry.path().filename().string().rfind("progress.json.corrupt", 0) == 0;
  CHECK(keptAside);
  CHECK(readJson(progress)["cards"].size() == 1);
  CHECK(readJson(state)["quiz"]["index"] == 0);
}

TEST_CASE("quiz from the command line: --quiz takes a bundled teacher set as a deck", "[render][quiz]") {
  const std::string state = outputPath("quiz.json");
  const AppRun run =
      runApp({bundledModelPath(), "--headless", "--quiz", "scalenes_and_thoracic_outlet", "--seed", "2",
              "--questions", "3", "--progress", outputPath("progress.json"), "--state", state});
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  const nlohmann::json quiz = readJson(state)["quiz"];
  CHECK(quiz["deck"] == "scalenes_and_thoracic_outlet");
  REQUIRE(quiz["questions"].size() == 3);
  for (const auto &q : quiz["questions"])
    CHECK_THAT(q["card"].get<std::string>(), Catch::Contains(":scalenes_and_thoracic_outlet/"));
}
