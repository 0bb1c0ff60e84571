// The self-test's progress file (session/quiz_progress): round trip, interrupted and corrupt files,
// unknown keys kept, import and export, and the XDG data folder.
#include "session/quiz_progress.h"

#include "support/scratch_dir.h"

#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

using namespace atlas::quiz;
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A progress with a few answered cards, one of them keyed for a structure no model has.
QuizProgress sampleProgress() {
  QuizProgress progress;
  CardState medius;
  medius = review(medius, 5, 20000);
  medius = review(medius, 4, 20001);
  progress.cards["find:scalenus_medius_left"] = medius;
  progress.cards["attachment:scalenus_posterior_right"] = review(CardState{}, 2, 20002);
  progress.cards["name:scalenus_minimus_right"] = review(CardState{}, 3, 20003);
  return progress;
}

// The files in `dir` whose names start with `prefix`.
std::vector<std::string> filesStartingWith(const fs::path &dir, const std::string &prefix) {
  std::vector<std::string> names;
  for (const auto &entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().rfind(prefix, 0) == 0)
      names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

bool sameCards(const QuizProgress &a, const QuizProgress &b) {
  if (a.cards.size() != b.cards.size())
    return false;
  for (const auto &[key, card] : a.cards) {
    const auto it = b.cards.find(key);
    if (it == b.cards.end())
      return false;
    const CardState &o = it->second;
    if (card.repetitions != o.repetitions || card.easiness != o.easiness || card.interval != o.interval ||
        card.due != o.due || card.lapses != o.lapses || card.lastGrade != o.lastGrade ||
        card.reviews != o.reviews || card.lastReview != o.lastReview)
      return false;
  }
  return true;
}

// Sets an environment variable for one test and puts the old value back.
struct ScopedEnv {
  std::string name;
  std::optional<std::string> previous;
  ScopedEnv(const std::string &n, const std::string &value) : name(n) {
    if (const char *old = std::getenv(n.c_str()))
      previous = old;
    ::setenv(n.c_str(), value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (previous)
      ::setenv(name.c_str(), previous->c_str(), 1);
    else
      ::unsetenv(name.c_str());
  }
};

int failRename(const char *, const char *) {
  errno = EIO;
  return -1;
}

} // namespace

TEST_CASE("Quiz progress survives a save and a load unchanged", "[quiz][progress]") {
  atlas::test::ScratchDir scratch("quiz-progress-round-trip");
  const fs::path file = scratch.dir / "data" / "progress.json";
  const QuizProgress progress = sampleProgress();
  REQUIRE(saveProgressFile(file, progress)); // creates the folder
  const ProgressLoad load = loadProgressFile(file);
  INFO(load.message);
  CHECK(load.message.empty());
  CHECK(load.movedAside.empty());
  CHECK(sameCards(load.progress, progress));
  // The same progress gives the same bytes.
  CHECK(progressJsonText(load.progress) == readFile(file));
}

TEST_CASE("Quiz progress: a missing file is no progress and no message", "[quiz][progress]") {
  atlas::test::ScratchDir scratch("quiz-progress-missing");
  const ProgressLoad load = loadProgressFile(scratch.dir / "progress.json");
  CHECK(load.message.empty());
  CHECK(load.progress.cards.empty());
  CHECK(load.canSave);
}

TEST_CASE("Quiz progress: fields and keys this version does not know are written back", "[quiz][progress]") {
  atlas::test::ScratchDir scratch("quiz-progress-unknown");
  const std::string text = R"({"format": "scalene-atlas-progress", "version": 1, "streak": {"days": 4},
    "cards": {"find:c5": {"n": 1, "ef": 2.6, "interval": 1, "due": 9, "lapses": 0, "lastGrade": 5,
                          "reviews": 1, "last": 8, "note": "asked in the exam"},
              "hologram:c9": {"n": 0, "colour": "blue"}}})";
  const fs::path file = scratch.write("progress.json", text);
  ProgressLoad load = loadProgressFile(file);
  INFO(load.message);
  REQUIRE(load.message.empty());
  REQUIRE(load.progress.cards.count("hologram:c9") == 1); // an unknown kind is kept
  load.progress.cards["find:c5"] = review(load.progress.cards["find:c5"], 4, 9);
  REQUIRE(saveProgressFile(file, load.progress));
  const nlohmann::json saved = nlohmann::json::parse(readFile(file));
  CHECK(saved["streak"]["days"] == 4);
  CHECK(saved["cards"]["find:c5"]["note"] == "asked in the exam");
  CHECK(saved["cards"]["find:c5"]["reviews"] == 2);
  CHECK(saved["cards"]["hologram:c9"]["colour"] == "blue");
}

TEST_CASE("Quiz progress: a file cut short at any byte is found corrupt, kept aside and never overwritten",
          "[quiz][progress]") {
  atlas::test::ScratchDir scratch("quiz-progress-truncated");
  const std::string full = progressJsonText(sampleProgress());
  const std::size_t end = full.find_last_of('}'); // the bytes after it are the final newline
  REQUIRE(end != std::string::npos);
  const fs::path file = scratch.dir / "progress.json";
  for (std::size_t cut = 0; cut <= end; ++cut) {
    const std::string part = full.substr(0, cut);
    scratch.write("progress.json", part);
    const ProgressLoad load = loadProgressFile(file);
    INFO("cut at " << cut << ": " << load.message);
    // "progress.json: byte N: expected ..." with N inside the file.
    REQUIRE(load.message.rfind("progress.json: byte ", 0) == 0);
    const std::size_t byte = std::stoul(load.message.substr(20));
    CHECK(byte <= cut);
    CHECK(load.message.find("expected") != std::string::npos);
    CHECK(load.progress.cards.empty());
    CHECK(load.canSave);
    // Moved aside under a new name each time: the earlier copies are all still there, unchanged.
    REQUIRE(load.movedAside == file.string() + ".corrupt-" + std::to_string(cut + 1));
    CHECK(readFile(load.movedAside) == part);
    CHECK_FALSE(fs::exists(file));
  }
  CHECK(readFile(file.string() + ".corrupt-1").empty());
  CHECK(readFile(file.string() + ".corrupt-" + std::to_string(end + 1)) == full.substr(0, end));
  // The whole text (with or without its final newline) loads.
  scratch.write("progress.json", full.substr(0, end + 1));
  CHECK(loadProgressFile(file).message.empty());
}

TEST_CASE("Quiz progress: a write interrupted at any byte leaves the previous file readable",
          "[quiz][progress]") {
  atlas::test::ScratchDir scratch("quiz-progress-interrupted");
  const fs::path file = scratch.dir / "progress.json";
  const QuizProgress before = sampleProgress();
  REQUIRE(saveProgressFile(file, before));
  const std::string previous = readFile(file);
  QuizProgress after = before;
  after.cards["relation:phrenic_nerve_right"] = review(CardState{}, 5, 20010);
  const std::string next = progressJsonText(after);

  // A crash while the new bytes go out leaves at most a partial temporary file beside the target:
  // whatever its length, the target is the previous file and loads as before.
  for (std::size_t cut = 0; cut < next.size(); ++cut) {
    scratch.write("progress.json.tmp-crashed", next.substr(0, cut));
    const ProgressLoad load = loadProgressFile(file);
    INFO("temporary file cut at " << cut);
    REQUIRE(load.message.empty());
    REQUIRE(sameCards(load.progress, before));
  }
  fs::remove(scratch.dir / "progress.json.tmp-crashed");

  // A save whose last step (the rename) fails leaves the previous file and no partial file.
  const auto failed = detail::saveProgressFile(file, after, &failRename);
  CHECK_FALSE(failed);
  CHECK(readFile(file) == previous);
  CHECK(filesStartingWith(scratch.dir, "progress.json") == std::vector<std::string>{"progress.json"});

  // A save that completes replaces it whole.
  REQUIRE(saveProgressFile(file, after));
  CHECK(readFile(file) == next);
  CHECK(filesStartingWith(scratch.dir, "progress.json") == std::vector<std::string>{"progress.json"});
}

TEST_CASE("Quiz progress: wrong structure, wrong types and unknown versions are refused with a byte",
          "[quiz][progress]") {
  const std::string good = progressJsonText(sampleProgress());
  CHECK(parseProgress(good, "progress.json"));

  const auto refused = [](const std::string &text) {
    const auto parsed = parseProgress(text, "progress.json");
    REQUIRE_FALSE(parsed);
    return parsed.error();
  };
  CHECK(refused("[1, 2]") == "progress.json: byte 0: expected a JSON object, found array");
  const std::string newer = R"({"format": "scalene-atlas-progress", "version": 7, "cards": {}})";
  CHECK(refused(newer).find("byte " + std::to_string(newer.find("\"version\"")) +
                            ": expected version 1, found 7") != std::string::npos);
  CHECK(refused(R"({"version": 1, "cards": {}})").find("expected \"format\"") != std::string::npos);
  const std::string wrongType =
      R"({"format": "scalene-atlas-progress", "version": 1, "cards": {"find:c5": {"ef": "high"}}})";
  const std::string message = refused(wrongType);
  CHECK(message.find("byte " + std::to_string(wrongType.find("\"find:c5\""))) != std::string::npos);
  CHECK(message.find("card 'find:c5': expected 'ef'") != std::string::npos);
  CHECK(
      refused(R"({"format": "scalene-atlas-progress", "version": 1, "cards": {"find:c5": {"lastGrade": 9}}})")
          .find("expected 'lastGrade' between -1 and 5") != std::string::npos);
  CHECK(refused(R"({"format": "scalene-atlas-progress", "version": 1, "cards": []})")
            .find("expected \"cards\"") != std::string::npos);
}

TEST_CASE("Quiz progress: an unknown version is kept aside, not overwritten", "[quiz][progress]") {
  atlas::test::ScratchDir scratch("quiz-progress-version");
  const std::string newer = R"({"format": "scalene-atlas-progress", "version": 2, "cards": {}})";
  const fs::path file = scratch.write("progress.json", newer);
  scratch.write("progress.json.corrupt-1", "an older bad file");
  const ProgressLoad load = loadProgressFile(file);
  CHECK(load.message.find("expected version 1, found 2") != std::string::npos);
  CHECK(load.message.find("progress.json.corrupt-2") != std::string::npos);
  CHECK(readFile(scratch.dir / "progress.json.corrupt-1") == "an older bad file");
  CHECK(readFile(scratch.dir / "progress.json.corrupt-2") == newer);
  // The app goes on: the next save starts a fresh file.
  REQUIRE(saveProgressFile(file, sampleProgress()));
  CHECK(loadProgressFile(file).message.empty());
}

TEST_CASE("Quiz progress: an unreadable path (a folder) is moved aside with a message", "[quiz][progress]") {
  atlas::test::ScratchDir scratch("quiz-progress-folder");
  const fs::path file = scratch.dir / "progress.json";
  fs::create_directories(file / "inside");
  const ProgressLoad load = loadProgressFile(file);
  CHECK(load.message.rfind("progress.json: byte 0: expected a regular file", 0) == 0);
  CHECK(fs::is_directory(scratch.dir / "progress.json.corrupt-1" / "inside"));
  CHECK(load.canSave);
}

TEST_CASE("Quiz progress: export writes a copy, import merges the later review per card",
          "[quiz][progress]") {
  atlas::test::ScratchDir scratch("quiz-progress-import");
  QuizProgress home = sampleProgress();
  QuizProgress lab = sampleProgress();
  // The lab computer answered medius later; home answered posterior later; each has one of its own.
  lab.cards["find:scalenus_medius_left"] = review(lab.cards["find:scalenus_medius_left"], 5, 20007);
  lab.cardExtras["find:scalenus_medius_left"] = {{"note", "from the lab"}};
  home.cards["attachment:scalenus_posterior_right"] =
      review(home.cards["attachment:scalenus_posterior_right"], 5, 20008);
  lab.cards["supply:scalenus_anterior_left"] = review(CardState{}, 4, 20005);
  home.cards["relation:subclavian_vein_right"] = review(CardState{}, 4, 20006);

  const fs::path exported = scratch.dir / "lab-progress.json";
  REQUIRE(exportProgress(lab, exported));
  CHECK(readFile(exported) == progressJsonText(lab));

  const QuizProgress homeBefore = home;
  const auto taken = importProgress(home, exported);
  REQUIRE(taken);
  CHECK(*taken == 2); // medius (later in the lab) and the lab's own card
  CHECK(home.cards["find:scalenus_medius_left"].lastReview == 20007);
  CHECK(home.cardExtras["find:scalenus_medius_left"]["note"] == "from the lab");
  CHECK(home.cards["attachment:scalenus_posterior_right"].lastReview == 20008); // home's later review
  CHECK(home.cards.count("supply:scalenus_anterior_left") == 1);
  CHECK(home.cards.count("relation:subclavian_vein_right") == 1);
  CHECK(home.cards.size() == homeBefore.cards.size() + 1);

  // A bad file changes nothing and says why.
  QuizProgress untouched = homeBefore;
  const std::string good = readFile(exported);
  const fs::path bad = scratch.write("bad.json", good.substr(0, good.size() / 2));
  const auto refused = importProgress(untouched, bad);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().find("bad.json: byte ") != std::string::npos);
  CHECK(refused.error().find("nothing was imported") != std::string::npos);
  CHECK(sameCards(untouched, homeBefore));
  CHECK_FALSE(importProgress(untouched, scratch.dir / "none.json"));
  CHECK(sameCards(untouched, homeBefore));
}

TEST_CASE("Quiz progress lives in XDG_DATA_HOME, else ~/.local/share", "[quiz][progress]") {
  atlas::test::ScratchDir scratch("quiz-progress-xdg");
  {
    ScopedEnv data("XDG_DATA_HOME", scratch.dir.string());
    CHECK(defaultProgressFile() == scratch.dir / "scalene-atlas" / "progress.json");
    REQUIRE(saveProgressFile(defaultProgressFile(), sampleProgress()));
    CHECK(fs::is_regular_file(scratch.dir / "scalene-atlas" / "progress.json"));
  }
  {
    ScopedEnv data("XDG_DATA_HOME", "relative/not/allowed");
    ScopedEnv home("HOME", (scratch.dir / "home").string());
    CHECK(defaultProgressFile() ==
          scratch.dir / "home" / ".local" / "share" / "scalene-atlas" / "progress.json");
  }
}
