// End-to-end: a teacher's question set opened with --quiz-file (issue 15). A good set is a deck that
// --quiz runs, with readable options for its `source` questions; a bad one is reported with file:line
// and the app goes on without it; a link out of the set's folder is not followed. No GL is needed.
#include "render/run_app.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace atlas;
using namespace atlas::test;

namespace {

// A set of two questions: one clicked on the model, one choosing between two claims' versions.
const char *const kGoodSet = R"(id: lab_revision
title: Lab revision
audience: Second-year physiotherapy students
questions:
  - id: posterior_insertion
    kind: attachment
    prompt: Click the rib scalenus posterior (right) inserts on.
    answer: [rib2_right]
    explanation: The thin tendon ends on the outer face of rib 2.
    cite: [gray41]
  - id: posterior_insertion_source
    kind: source
    prompt: Which is the standard references' version of where scalenus posterior ends?
    answer: [scalenus_posterior.insertion.reference]
    options: [scalenus_posterior.insertion.article, scalenus_posterior.insertion.reference]
    explanation: The references say rib 2; the article says rib 1.
    cite: [gray41, rxharun_2025]
)";

// Line 7 names a kind that does not exist, line 13 an id the model lacks.
const char *const kBadSet = R"(id: broken_set
title: Broken
audience: Nobody
questions:
  - id: one
    prompt: What is this?
    kind: guess
    answer: [c5]
    explanation: None.
    cite: [gray41]
  - id: two
    kind: find
    answer: [spleen]
    prompt: Click the spleen.
    explanation: None.
    cite: [gray41]
)";

std::string writeFile(const std::filesystem::path &path, const char *text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::trunc) << text;
  return path.string();
}

std::vector<std::string> headless(const std::vector<std::string> &more) {
  std::vector<std::string> args{bundledModelPath(),          "--headless", "--progress",
                                outputPath("progress.json"), "--today",    "20000"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

} // namespace

TEST_CASE("quiz file from the command line: a good set is a deck with readable source options",
          "[render][quiz]") {
  std::filesystem::remove(outputPath("progress.json"));
  const std::string set = writeFile(outputPath("sets/lab_revision.yaml"), kGoodSet);
  const std::string state = outputPath("quiz.json");
  AppRun run = runApp(headless(
      {"--quiz-file", set, "--quiz", "lab_revision", "--seed", "3", "--questions", "2", "--state", state}));
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  CHECK(run.err.find("lab_revision.yaml:") == std::string::npos); // no problem reported
  const nlohmann::json asked = readJson(state);
  CHECK(asked["quiz"]["deck"] == "lab_revision");
  CHECK(asked["quiz_set_problems"].empty());
  bool listed = false;
  for (const auto &s : asked["quiz_sets"])
    listed = listed || (s["id"] == "lab_revision" && s["questions"] == 2);
  CHECK(listed);
  REQUIRE(asked["quiz"]["questions"].size() == 2);

  // The source question's options are what the claims say, never their ids.
  std::vector<std::string> answers;
  for (const auto &q : asked["quiz"]["questions"]) {
    if (q["kind"] == "source") {
      REQUIRE(q["options"].size() == 2);
      for (const auto &option : q["options"]) {
        CHECK(option.get<std::string>().find("scalenus_posterior.") == std::string::npos);
        CHECK_THAT(option.get<std::string>(), Catch::Contains("rib"));
      }
      // Answered by the label the student reads.
      CHECK_THAT(q["expected_names"][0].get<std::string>(), Catch::Contains("second rib"));
      answers.push_back(q["expected_names"][0].get<std::string>());
    } else {
      answers.push_back(q["expected"][0].get<std::string>());
    }
  }
  std::vector<std::string> args =
      headless({"--quiz-file", set, "--quiz", "lab_revision", "--seed", "3", "--questions", "2"});
  for (const std::string &answer : answers)
    args.insert(args.end(), {"--answer", answer});
  args.insert(args.end(), {"--state", state});
  run = runApp(args);
  INFO(run.err);
  REQUIRE(run.exitCode == 0);
  const nlohmann::json answered = readJson(state)["quiz"];
  CHECK(answered["score"] == 2.0);
  CHECK(answered["finished"] == true);
}

TEST_CASE("quiz file from the command line: a bad set is reported with file:line and the app goes on",
          "[render][quiz]") {
  const std::string set = writeFile(outputPath("sets/broken.yaml"), kBadSet);
  const std::string state = outputPath("state.json");
  const AppRun run = runApp(headless({"--quiz-file", set, "--state", state}));
  INFO(run.err);
  CHECK(run.exitCode == 0); // reported, not fatal
  CHECK_THAT(run.err, Catch::Contains("broken.yaml:7:"));
  CHECK_THAT(run.err, Catch::Contains("guess"));
  CHECK_THAT(run.err, Catch::Contains("broken.yaml:13:"));
  CHECK_THAT(run.err, Catch::Contains("spleen"));
  const nlohmann::json written = readJson(state);
  REQUIRE(written["quiz_set_problems"].size() >= 2);
  CHECK_THAT(written["quiz_set_problems"][0].get<std::string>(), Catch::Contains("broken.yaml:"));
  for (const auto &s : written["quiz_sets"])
    CHECK(s["id"] != "broken_set"); // no question survived, so no deck

  // A missing file: a clear message, and the quiz the user asked for still starts.
  const AppRun missing = runApp(headless({"--quiz-file", outputPath("sets/nothing-here.yaml"), "--quiz",
                                          "find", "--questions", "1", "--state", state}));
  INFO(missing.err);
  CHECK(missing.exitCode == 0);
  CHECK_THAT(missing.err, Catch::Contains("nothing-here.yaml"));
  CHECK(readJson(state)["quiz"]["deck"] == "find");
}

TEST_CASE("quiz file from the command line: nothing outside the set's folder is read", "[render][quiz]") {
  // A link in the named folder to a good set elsewhere is refused, not followed.
  const std::string elsewhere = writeFile(outputPath("elsewhere/lab_revision.yaml"), kGoodSet);
  const std::filesystem::path link = outputPath("sets/linked.yaml");
  std::filesystem::create_directories(link.parent_path());
  std::filesystem::remove(link);
  std::filesystem::create_symlink(elsewhere, link);
  const std::string state = outputPath("state.json");
  const AppRun run = runApp(headless({"--quiz-file", link.string(), "--state", state}));
  INFO(run.err);
  CHECK(run.exitCode == 0);
  CHECK_THAT(run.err, Catch::Contains("linked.yaml"));
  const nlohmann::json written = readJson(state); // kept alive while its sets are walked
  for (const auto &s : written["quiz_sets"])
    CHECK(s["id"] != "lab_revision");
}
