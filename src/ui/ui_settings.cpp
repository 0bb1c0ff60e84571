#include "ui/ui_settings.h"

#include "io/atomic_file.h"
#include "ui/file_browser.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sys/stat.h>

namespace atlas::ui {
namespace {

constexpr float kMinScale = 0.5f, kMaxScale = 4.0f;
const char *const kKnownKeys[] = {"ui_scale",  "show_structures", "show_info",
                                  "show_help", "disclaimer_seen", "recent_files"};

// A value as the warning shows it: short, and safe to print whatever bytes the file held.
std::string shown(const nlohmann::json &value) {
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() > 40)
    text = text.substr(0, 37) + "...";
  return text;
}

std::string formatScale(float value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", static_cast<double>(value));
  return text;
}

// "settings.json.bad-20240131-142501"; a second bad file within the same second gets "-2", "-3", ...
std::string asideName(const std::string &path) {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
  const std::string base = path + ".bad-" + stamp;
  std::string name = base;
  struct stat st {};
  for (int n = 2; ::lstat(name.c_str(), &st) == 0; ++n)
    name = base + "-" + std::to_string(n);
  return name;
}

// A settings file that cannot be used is kept, not overwritten: it moves aside and the defaults are
// saved in its place later. If it cannot move, nothing may be saved over it.
void setAside(LoadedSettings &loaded, const std::string &path, const std::string &problem) {
  const std::string aside = asideName(path);
  if (std::rename(path.c_str(), aside.c_str()) == 0) {
    loaded.warnings.push_back(path + ": " + problem + "; moved aside to " + aside +
                              "; using the default settings");
    return;
  }
  const std::string why = std::strerror(errno);
  loaded.settings.saveRefused = path + ": " + problem + ", and it could not be moved aside to " + aside +
                                " (" + why + "); the settings were not saved over it";
  loaded.warnings.push_back(path + ": " + problem + "; it could not be moved aside to " + aside + " (" + why +
                            "), so it is left as it is and the settings will not be saved; using the "
                            "default settings");
}

const char *kindOf(const std::filesystem::file_status &status) {
  switch (status.type()) {
  case std::filesystem::file_type::directory:
    return "a directory";
  case std::filesystem::file_type::fifo:
    return "a FIFO";
  case std::filesystem::file_type::character:
    return "a character device";
  case std::filesystem::file_type::block:
    return "a block device";
  case std::filesystem::file_type::socket:
    return "a socket";
  default:
    return "not a regular file";
  }
}

} // namespace

nlohmann::json toJson(const UiSettings &s) {
  nlohmann::json json = s.extra.is_object() ? s.extra : nlohmann::json::object();
  json["ui_scale"] = s.scale;
  json["show_structures"] = s.showStructures;
  json["show_info"] = s.showInfo;
  json["show_help"] = s.showHelp;
  json["disclaimer_seen"] = s.disclaimerSeen;
  json["recent_files"] = s.recentFiles;
  return json;
}

LoadedSettings settingsFromJson(const nlohmann::json &json, const std::string &source) {
  LoadedSettings loaded;
  UiSettings &s = loaded.settings;
  if (!json.is_object()) {
    loaded.warnings.push_back(source + ": expected a JSON object of settings, found " + shown(json) +
                              "; using the default settings");
    return loaded;
  }
  auto warn = [&](const std::string &key, const std::string &expected, const nlohmann::json &found,
                  const std::string &used) {
    loaded.warnings.push_back(source + ": \"" + key + "\": expected " + expected + ", found " + shown(found) +
                              "; using " + used);
  };
  if (auto it = json.find("ui_scale"); it != json.end()) {
    const double value = it->is_number() ? it->get<double>() : NAN;
    if (std::isfinite(value) && value >= kMinScale && value <= kMaxScale)
      s.scale = static_cast<float>(value);
    else
      warn("ui_scale", "a number from 0.5 to 4", *it, formatScale(s.scale));
  }
  auto flag = [&](const char *key, bool &out) {
    auto it = json.find(key);
    if (it == json.end())
      return;
    if (it->is_boolean())
      out = it->get<bool>();
    else
      warn(key, "true or false", *it, out ? "true" : "false");
  };
  flag("show_structures", s.showStructures);
  flag("show_info", s.showInfo);
  flag("show_help", s.showHelp);
  flag("disclaimer_seen", s.disclaimerSeen);
  if (auto it = json.find("recent_files"); it != json.end()) {
    // Each usable entry is kept; one that is not a path is named and dropped.
    if (!it->is_array()) {
      warn("recent_files", "a list of file paths", *it, "none");
    } else {
      for (const nlohmann::json &entry : *it) {
        if (entry.is_string() && !entry.get<std::string>().empty()) {
          if (s.recentFiles.size() < kMaxRecentFiles)
            s.recentFiles.push_back(entry.get<std::string>());
        } else {
          warn("recent_files", "a file path", entry, "the others");
        }
      }
    }
  }
  s.extra = json;
  for (const char *key : kKnownKeys)
    s.extra.erase(key);
  return loaded;
}

UiSettings settingsFromJson(const nlohmann::json &json) {
  return settingsFromJson(json, "settings").settings;
}

LoadedSettings loadSettings(const std::string &path) {
  namespace fs = std::filesystem;
  LoadedSettings loaded;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec); // follows a link, as reading does
  if (status.type() == fs::file_type::not_found) {
    if (fs::is_symlink(fs::symlink_status(path, ec))) // saving will say why it cannot write there
      loaded.warnings.push_back(path + ": is a symbolic link to " + fs::read_symlink(path, ec).string() +
                                ", which does not exist; using the default settings");
    return loaded; // first start: defaults
  }
  if (ec) {
    loaded.warnings.push_back(path + ": cannot look at the settings file (" + ec.message() +
                              "); using the default settings");
    return loaded;
  }
  if (status.type() != fs::file_type::regular) {
    // Not ours to move (it may be a system object, or a folder the user made): leave it, and do not
    // try to save over it.
    const std::string problem = path + ": is " + std::string(kindOf(status)) + ", not a settings file";
    loaded.warnings.push_back(problem + "; it is left as it is and the settings will not be saved; using "
                                        "the default settings");
    loaded.settings.saveRefused = problem + "; the settings were not saved";
    return loaded;
  }
  std::string text;
  try {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      setAside(loaded, path, std::string("cannot be read (") + std::strerror(errno) + ")");
      return loaded;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const std::exception &e) { // libstdc++'s filebuf throws on read errors (EIO)
    setAside(loaded, path, std::string("cannot be read (") + e.what() + ")");
    return loaded;
  }
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception &e) {
    setAside(loaded, path, std::string("not valid JSON (") + e.what() + ")");
    return loaded;
  }
  if (!json.is_object()) {
    setAside(loaded, path, "expected a JSON object of settings, found " + shown(json));
    return loaded;
  }
  return settingsFromJson(json, path);
}

Result<void> saveSettings(const UiSettings &settings, const std::string &path) {
  if (!settings.saveRefused.empty())
    return Error{settings.saveRefused};
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  return writeFileAtomically(
      path, toJson(settings).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

} // namespace atlas::ui
