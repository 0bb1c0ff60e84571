// File > Open's logic without ImGui: the folder listing, Tab completion and the recent-files list.
#include "support/scratch_dir.h"
#include "ui/file_browser.h"
#include "ui/ui_settings.h"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace atlas;
using atlas::test::ScratchDir;

namespace {

std::vector<std::string> names(const std::vector<ui::FolderEntry> &entries) {
  std::vector<std::string> out;
  for (const ui::FolderEntry &e : entries)
    out.push_back(e.name + (e.folder ? "/" : ""));
  return out;
}

} // namespace

TEST_CASE("a folder lists its folders, then its model files, and leaves other files and hidden ones out",
          "[file_browser]") {
  ScratchDir scratch("file-browser-list");
  scratch.write("neck.glb", "x");
  scratch.write("arm.STL", "x");
  scratch.write("notes.txt", "x");
  scratch.write("scene.fbx", "x");
  scratch.write(".hidden.glb", "x");
  scratch.write("models/a.obj", "x");
  std::filesystem::create_directory(scratch.path("empty"));
  CHECK(names(ui::listFolder(scratch.dir.string())) ==
        std::vector<std::string>{"empty/", "models/", "arm.STL", "neck.glb"});
  CHECK(ui::listFolder(scratch.path("no-such-folder")).empty());
}

TEST_CASE("Tab completes a path from its folder's model files and folders", "[file_browser]") {
  ScratchDir scratch("file-browser-complete");
  scratch.write("cervical_region.glb", "x");
  scratch.write("cervical_region_old.ply", "x");
  scratch.write("cervical.txt", "x");
  scratch.write("thorax/ribs.obj", "x");
  const std::string d = scratch.dir.string() + "/";
  SECTION("one match: the whole name") {
    CHECK(ui::completePath(d + "tho") == d + "thorax/");
  }
  SECTION("several: their common prefix, not a text file") {
    CHECK(ui::completePath(d + "cerv") == d + "cervical_region");
  }
  SECTION("then on into the folder") {
    CHECK(ui::completePath(d + "thorax/r") == d + "thorax/ribs.obj");
  }
  SECTION("a folder gets its slash") {
    CHECK(ui::completePath(d + "thorax") == d + "thorax/");
  }
  SECTION("no match: unchanged") {
    CHECK(ui::completePath(d + "zzz") == d + "zzz");
  }
  SECTION("empty: unchanged") {
    CHECK(ui::completePath("").empty());
  }
}

TEST_CASE("recent files: newest first, no duplicates, at most ten, searchable", "[file_browser]") {
  std::vector<std::string> recent;
  for (int i = 0; i < 12; ++i)
    ui::addRecentFile(recent, "/models/m" + std::to_string(i) + ".glb");
  REQUIRE(recent.size() == ui::kMaxRecentFiles);
  CHECK(recent.front() == "/models/m11.glb");
  CHECK(recent.back() == "/models/m2.glb");
  ui::addRecentFile(recent, "/models/m5.glb"); // opened again: moves to the top, once
  CHECK(recent.front() == "/models/m5.glb");
  CHECK(std::count(recent.begin(), recent.end(), "/models/m5.glb") == 1);
  CHECK(recent.size() == ui::kMaxRecentFiles);
  CHECK(ui::filterRecentFiles(recent, "M1") ==
        std::vector<std::string>{"/models/m11.glb", "/models/m10.glb"});
  CHECK(ui::filterRecentFiles(recent, "").size() == recent.size());
}

TEST_CASE("recent files round-trip through the settings file, and a bad entry is named and dropped",
          "[file_browser][settings]") {
  ui::UiSettings s;
  s.recentFiles = {"/a/one.glb", "/b/two.obj"};
  CHECK(ui::settingsFromJson(ui::toJson(s)).recentFiles == s.recentFiles);
  const ui::LoadedSettings loaded = ui::settingsFromJson(
      nlohmann::json::parse(R"({"recent_files": ["/a/one.glb", 7, "/c/three.stl"], "future_key": 1})"),
      "settings.json");
  CHECK(loaded.settings.recentFiles == std::vector<std::string>{"/a/one.glb", "/c/three.stl"});
  REQUIRE(loaded.warnings.size() == 1);
  CHECK(loaded.warnings[0].find("\"recent_files\"") != std::string::npos);
  CHECK(loaded.settings.extra.contains("future_key")); // unknown keys still kept
  CHECK(!loaded.settings.extra.contains("recent_files"));
  const ui::LoadedSettings wrongType =
      ui::settingsFromJson(nlohmann::json::parse(R"({"recent_files": "x.glb"})"), "settings.json");
  CHECK(wrongType.settings.recentFiles.empty());
  CHECK(wrongType.warnings.size() == 1);
}
