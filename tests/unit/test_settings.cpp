// Settings round-trip through JSON, are written atomically, and never lose what the user had: a bad
// file is moved aside, unknown keys are written back, and every value not used is named in a warning.
#include "support/scratch_dir.h"
#include "support/unprivileged_scope.h"
#include "ui/ui_settings.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <unistd.h>

using namespace atlas;
namespace fs = std::filesystem;
using test::UnprivilegedScope;

namespace {

// A scratch folder standing in for $XDG_CONFIG_HOME/scalene-atlas, removed afterwards.
// The settings file in a scratch folder, and what was moved aside beside it.
struct ScratchDir : test::ScratchDir {
  explicit ScratchDir(const std::string &name) : test::ScratchDir("settings-" + name) {}
  std::string settings() const { return path("settings.json"); }
  std::string write(const std::string &bytes) const {
    return test::ScratchDir::write("settings.json", bytes);
  }
  // The files that were moved aside: settings.json.bad-YYYYMMDD-HHMMSS
  std::vector<fs::path> asides() const {
    std::vector<fs::path> found;
    for (const auto &entry : fs::directory_iterator(dir))
      if (entry.path().filename() != "settings.json")
        found.push_back(entry.path());
    return found;
  }
};

std::string readAll(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// settings.json.bad-YYYYMMDD-HHMMSS
bool isAsideName(const std::string &name) {
  const std::string prefix = "settings.json.bad-";
  if (name.size() != prefix.size() + 15 || name.compare(0, prefix.size(), prefix) != 0)
    return false;
  for (std::size_t i = prefix.size(); i < name.size(); ++i)
    if (i == prefix.size() + 8 ? name[i] != '-' : !std::isdigit(static_cast<unsigned char>(name[i])))
      return false;
  return true;
}

// A corrupt file is kept under its aside name, the warning names both files, and the defaults are
// saved in its place.
void checkMovedAside(const ScratchDir &scratch, const std::string &original, const std::string &problem) {
  const ui::LoadedSettings loaded = ui::loadSettings(scratch.settings());
  CHECK(loaded.settings.scale == ui::UiSettings{}.scale);
  const std::vector<fs::path> asides = scratch.asides();
  REQUIRE(asides.size() == 1);
  CHECK(isAsideName(asides[0].filename().string()));
  CHECK(readAll(asides[0]) == original);
  CHECK_FALSE(fs::exists(scratch.settings()));
  REQUIRE(loaded.warnings.size() == 1);
  CHECK_THAT(loaded.warnings[0], Catch::StartsWith(scratch.settings() + ": " + problem));
  CHECK_THAT(loaded.warnings[0], Catch::Contains("moved aside to " + asides[0].string()));
  CHECK_THAT(loaded.warnings[0], Catch::EndsWith("using the default settings"));
  REQUIRE(ui::saveSettings(loaded.settings, scratch.settings()));
  CHECK(readAll(asides[0]) == original); // still there after saving
  CHECK(ui::loadSettings(scratch.settings()).warnings.empty());
}

} // namespace

TEST_CASE("UI settings round-trip through JSON", "[settings]") {
  ui::UiSettings s;
  s.scale = 2.0f;
  s.showHelp = true;
  s.showStructures = false;
  s.disclaimerSeen = true;
  const ui::LoadedSettings back = ui::settingsFromJson(ui::toJson(s), "settings.json");
  CHECK(back.warnings.empty());
  CHECK(back.settings.scale == 2.0f);
  CHECK(back.settings.showHelp);
  CHECK_FALSE(back.settings.showStructures);
  CHECK(back.settings.disclaimerSeen);
  CHECK(back.settings.extra.empty());
}

TEST_CASE("a wrongly typed or out-of-range value keeps its default and is named in a warning", "[settings]") {
  const ui::UiSettings defaults;
  struct Case {
    nlohmann::json json;
    std::string warning;
  };
  const Case cases[] = {
      {{{"ui_scale", 100}}, "f.json: \"ui_scale\": expected a number from 0.5 to 4, found 100; using 1.25"},
      {{{"ui_scale", 0.1}}, "f.json: \"ui_scale\": expected a number from 0.5 to 4, found 0.1; using 1.25"},
      {{{"ui_scale", "big"}},
       "f.json: \"ui_scale\": expected a number from 0.5 to 4, found \"big\"; using 1.25"},
      {{{"show_info", 0}}, "f.json: \"show_info\": expected true or false, found 0; using true"},
      {{{"show_help", "yes"}}, "f.json: \"show_help\": expected true or false, found \"yes\"; using false"},
      {{{"disclaimer_seen", nullptr}},
       "f.json: \"disclaimer_seen\": expected true or false, found null; using false"},
      {nlohmann::json::array({1, 2}), "f.json: expected a JSON object of settings, found [1,2]"},
  };
  for (const Case &c : cases) {
    INFO(c.json.dump());
    const ui::LoadedSettings loaded = ui::settingsFromJson(c.json, "f.json");
    REQUIRE(loaded.warnings.size() == 1);
    CHECK_THAT(loaded.warnings[0], Catch::StartsWith(c.warning));
    CHECK(loaded.settings.scale == defaults.scale);
    CHECK(loaded.settings.showInfo == defaults.showInfo);
    CHECK(loaded.settings.showHelp == defaults.showHelp);
    CHECK(loaded.settings.disclaimerSeen == defaults.disclaimerSeen);
  }
  // JSON text cannot hold them, but a json value can: NaN passes every comparison.
  for (const double odd : {std::nan(""), std::numeric_limits<double>::infinity()}) {
    const ui::LoadedSettings loaded = ui::settingsFromJson({{"ui_scale", odd}}, "f.json");
    CHECK(loaded.settings.scale == defaults.scale);
    REQUIRE(loaded.warnings.size() == 1);
    CHECK_THAT(loaded.warnings[0],
               Catch::StartsWith("f.json: \"ui_scale\": expected a number from 0.5 to 4"));
  }
}

TEST_CASE("keys this version does not know are kept and written back", "[settings]") {
  ScratchDir scratch("extra");
  scratch.write(R"({"ui_scale": 2, "show_info": "yes", "future_panel": {"docked": true, "width": 300},)"
                R"( "note": "mine"})");
  ui::LoadedSettings loaded = ui::loadSettings(scratch.settings());
  CHECK(loaded.settings.scale == 2.0f);
  CHECK(loaded.settings.showInfo); // the default
  REQUIRE(loaded.warnings.size() == 1);
  CHECK_THAT(loaded.warnings[0],
             Catch::StartsWith(scratch.settings() + ": \"show_info\": expected true or false"));
  loaded.settings.showHelp = true;
  REQUIRE(ui::saveSettings(loaded.settings, scratch.settings()));
  const nlohmann::json saved = nlohmann::json::parse(readAll(scratch.settings()));
  CHECK(saved["future_panel"] == nlohmann::json({{"docked", true}, {"width", 300}}));
  CHECK(saved["note"] == "mine");
  CHECK(saved["show_info"] == true);
  CHECK(saved["show_help"] == true);
  CHECK(saved["ui_scale"] == 2.0);
  CHECK(scratch.asides().empty());
}

TEST_CASE("settings are saved atomically, and no file means defaults without a word", "[settings]") {
  ScratchDir scratch("save");
  const ui::LoadedSettings first = ui::loadSettings(scratch.settings());
  CHECK(first.warnings.empty());
  CHECK(first.settings.scale == ui::UiSettings{}.scale);
  ui::UiSettings s;
  s.scale = 1.5f;
  REQUIRE(ui::saveSettings(s, scratch.settings()));
  CHECK(scratch.asides().empty()); // no temporary file left behind
  const ui::LoadedSettings loaded = ui::loadSettings(scratch.settings());
  CHECK(loaded.warnings.empty());
  CHECK(loaded.settings.scale == 1.5f);
}

TEST_CASE("a settings file that is not valid JSON is moved aside, not overwritten", "[settings]") {
  ScratchDir scratch("corrupt");
  const std::string original = "{ \"ui_scale\": 2, broken";
  scratch.write(original);
  checkMovedAside(scratch, original, "not valid JSON");
}

TEST_CASE("a settings file that is not a JSON object is moved aside", "[settings]") {
  ScratchDir scratch("array");
  const std::string original = "[1, 2, 3]\n";
  scratch.write(original);
  checkMovedAside(scratch, original, "expected a JSON object of settings, found [1,2,3]");
}

TEST_CASE("a bad settings file that cannot be moved aside is left alone and not saved over", "[settings]") {
  ScratchDir scratch("stuck");
  const std::string original = "not json at all";
  scratch.write(original);
  fs::permissions(scratch.dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  ui::LoadedSettings loaded = [&] {
    const UnprivilegedScope unprivileged; // root could rename in a read-only folder
    return ui::loadSettings(scratch.settings());
  }();
  fs::permissions(scratch.dir, fs::perms::owner_all, fs::perm_options::add);
  CHECK(loaded.settings.scale == ui::UiSettings{}.scale);
  REQUIRE(loaded.warnings.size() == 1);
  CHECK_THAT(loaded.warnings[0],
             Catch::Contains("could not be moved aside to " + scratch.settings() + ".bad-"));
  CHECK_THAT(loaded.warnings[0], Catch::Contains("the settings will not be saved"));
  // The folder is writable again, and still nothing is written over the user's file.
  Result<void> saved = ui::saveSettings(loaded.settings, scratch.settings());
  REQUIRE_FALSE(saved);
  CHECK_THAT(saved.error(), Catch::StartsWith(scratch.settings() + ": not valid JSON"));
  CHECK_THAT(saved.error(), Catch::EndsWith("the settings were not saved over it"));
  CHECK(readAll(scratch.settings()) == original);
  CHECK(scratch.asides().empty());
}

TEST_CASE("a directory at the settings path does not stop the app and is not replaced", "[settings]") {
  ScratchDir scratch("directory");
  fs::create_directories(fs::path(scratch.settings()) / "inside");
  ui::LoadedSettings loaded;
  REQUIRE_NOTHROW(loaded = ui::loadSettings(scratch.settings()));
  CHECK(loaded.settings.scale == ui::UiSettings{}.scale);
  REQUIRE(loaded.warnings.size() == 1);
  CHECK_THAT(loaded.warnings[0],
             Catch::StartsWith(scratch.settings() + ": is a directory, not a settings file"));
  CHECK_THAT(loaded.warnings[0], Catch::Contains("the settings will not be saved"));
  Result<void> saved = ui::saveSettings(loaded.settings, scratch.settings());
  REQUIRE_FALSE(saved);
  CHECK(saved.error() ==
        scratch.settings() + ": is a directory, not a settings file; the settings were not saved");
  CHECK(fs::is_directory(fs::path(scratch.settings()) / "inside"));
  CHECK(scratch.asides().empty());
}
