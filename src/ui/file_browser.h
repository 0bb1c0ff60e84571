// The logic behind File > Open's path field and lists, without ImGui: the model files and folders
// of a folder, Tab completion of a typed path, and the recent-files list (newest first, at most
// kMaxRecentFiles, kept in the settings file).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace atlas::ui {

inline constexpr std::size_t kMaxRecentFiles = 10;

struct FolderEntry {
  std::string name; // the entry's name in its folder
  bool folder = false;
};

// True for the model formats the viewer opens: .glb .gltf .obj .stl .ply (any letter case).
bool isModelFileName(const std::string &name);
// True for a teacher's question set: .yaml or .yml (any letter case; content/quiz_set.h).
bool isQuestionSetFileName(const std::string &name);
// Which files a browser lists: model files, or question sets (File > Open question set...).
using FileFilter = bool (*)(const std::string &name);
// The folders and model files (or the files `wanted` accepts) in `folder`, folders first, each group
// sorted by name; hidden entries (a leading '.') are left out. A folder that cannot be read gives none.
std::vector<FolderEntry> listFolder(const std::string &folder, FileFilter wanted = isModelFileName);
// Tab in the path field: completes the last part of `typed` from its folder's entries (folders and
// model files, or the files `wanted` accepts). One match: the whole name (a folder gets a trailing
// '/'); several: their longest common prefix; none: `typed` unchanged. A typed folder without its '/'
// gets it.
std::string completePath(const std::string &typed, FileFilter wanted = isModelFileName);
// Puts `path` first, removing an earlier copy, and keeps at most kMaxRecentFiles.
void addRecentFile(std::vector<std::string> &recent, const std::string &path);
// The entries of `recent` whose path contains `query`, ignoring case (all of them for an empty query).
std::vector<std::string> filterRecentFiles(const std::vector<std::string> &recent, const std::string &query);

} // namespace atlas::ui
