#include "ui/file_browser.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace atlas::ui {
namespace fs = std::filesystem;
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

} // namespace

bool isModelFileName(const std::string &name) {
  const std::string ext = lower(fs::path(name).extension().string());
  return ext == ".glb" || ext == ".gltf" || ext == ".obj" || ext == ".stl" || ext == ".ply";
}

bool isQuestionSetFileName(const std::string &name) {
  const std::string ext = lower(fs::path(name).extension().string());
  return ext == ".yaml" || ext == ".yml";
}

std::vector<FolderEntry> listFolder(const std::string &folder, FileFilter wanted) {
  std::vector<FolderEntry> entries;
  std::error_code ec;
  fs::directory_iterator it(folder.empty() ? "." : folder, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.')
      continue;
    std::error_code typeError;
    const bool isFolder = it->is_directory(typeError); // follows links, as opening does
    if (isFolder || (wanted(name) && !typeError))
      entries.push_back({name, isFolder});
  }
  std::sort(entries.begin(), entries.end(), [](const FolderEntry &a, const FolderEntry &b) {
    return a.folder != b.folder ? a.folder : a.name < b.name;
  });
  return entries;
}

std::string completePath(const std::string &typed, FileFilter wanted) {
  if (typed.empty())
    return typed;
  std::error_code ec;
  if (typed.back() != '/' && fs::is_directory(typed, ec) && fs::path(typed).filename() != "." &&
      fs::path(typed).filename() != "..")
    return typed + "/";
  const std::size_t slash = typed.rfind('/');
  const std::string folder = slash == std::string::npos ? std::string() : typed.substr(0, slash + 1);
  const std::string prefix = slash == std::string::npos ? typed : typed.substr(slash + 1);
  std::vector<FolderEntry> matches;
  for (FolderEntry &e : listFolder(folder.empty() ? "." : folder, wanted))
    if (e.name.compare(0, prefix.size(), prefix) == 0)
      matches.push_back(std::move(e));
  if (matches.empty())
    return typed;
  if (matches.size() == 1)
    return folder + matches[0].name + (matches[0].folder ? "/" : "");
  std::string common = matches[0].name;
  for (const FolderEntry &e : matches) {
    std::size_t n = 0;
    while (n < common.size() && n < e.name.size() && common[n] == e.name[n])
      ++n;
    common.resize(n);
  }
  return folder + common;
}

void addRecentFile(std::vector<std::string> &recent, const std::string &path) {
  if (path.empty())
    return;
  recent.erase(std::remove(recent.begin(), recent.end(), path), recent.end());
  recent.insert(recent.begin(), path);
  if (recent.size() > kMaxRecentFiles)
    recent.resize(kMaxRecentFiles);
}

std::vector<std::string> filterRecentFiles(const std::vector<std::string> &recent, const std::string &query) {
  const std::string q = lower(query);
  std::vector<std::string> shown;
  for (const std::string &path : recent)
    if (lower(path).find(q) != std::string::npos)
      shown.push_back(path);
  return shown;
}

} // namespace atlas::ui
