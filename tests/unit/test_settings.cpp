// Settings round-trip through JSON and are written atomically.
#include "ui/ui_settings.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace atlas;

TEST_CASE("UI settings round-trip through JSON and clamp bad values", "[settings]") {
  ui::UiSettings s;
  s.scale = 2.0f;
  s.showHelp = true;
  s.showStructures = false;
  const ui::UiSettings back = ui::settingsFromJson(ui::toJson(s));
  CHECK(back.scale == 2.0f);
  CHECK(back.showHelp);
  CHECK_FALSE(back.showStructures);
  CHECK(ui::settingsFromJson({{"ui_scale", 100}}).scale == 4.0f);
  CHECK(ui::settingsFromJson({{"ui_scale", "big"}}).scale == ui::UiSettings{}.scale);
  CHECK(ui::settingsFromJson(nlohmann::json::array()).scale == ui::UiSettings{}.scale);
}

TEST_CASE("settings are saved atomically and a corrupt file is reported, not fatal", "[settings]") {
  const std::string dir = std::string(ATLAS_TEST_FIXTURE_DIR) + "/settings-test";
  std::filesystem::remove_all(dir);
  const std::string path = dir + "/settings.json";
  ui::UiSettings s;
  s.scale = 1.5f;
  REQUIRE(ui::saveSettings(s, path));
  for (const auto &entry : std::filesystem::directory_iterator(dir))
    CHECK(entry.path().filename() == "settings.json"); // no temporary file left behind
  Result<ui::UiSettings> loaded = ui::loadSettings(path);
  REQUIRE(loaded);
  CHECK(loaded->scale == 1.5f);
  std::ofstream(path) << "{ broken";
  Result<ui::UiSettings> corrupt = ui::loadSettings(path);
  REQUIRE_FALSE(corrupt);
  CHECK_THAT(corrupt.error(), Catch::Contains("settings.json"));
}
