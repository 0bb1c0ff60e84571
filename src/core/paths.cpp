#include "core/paths.h"

#include <cstdlib>
#include <system_error>

namespace atlas::paths {
namespace fs = std::filesystem;

fs::path executableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::current_path() : exe.parent_path();
}

fs::path findDataDir(const std::string &name) {
  const char *overrideRoot = std::getenv("SCALENE_ATLAS_DATA");
  if (overrideRoot && *overrideRoot && fs::is_directory(fs::path(overrideRoot) / name))
    return fs::path(overrideRoot) / name;
  const fs::path exeDir = executableDir();
  // Build trees put the binary in build/src/app or build/; installs use <prefix>/share/scalene-atlas.
  for (const fs::path &root :
       {exeDir, exeDir.parent_path(), exeDir.parent_path().parent_path(),
        exeDir.parent_path().parent_path().parent_path(), exeDir.parent_path() / "share" / "scalene-atlas"}) {
    std::error_code ec;
    if (fs::is_directory(root / name, ec))
      return root / name;
  }
#ifdef ATLAS_SOURCE_DIR
  if (fs::is_directory(fs::path(ATLAS_SOURCE_DIR) / name))
    return fs::path(ATLAS_SOURCE_DIR) / name;
#endif
  return {};
}

fs::path defaultModel() {
  const fs::path dir = findDataDir("assets");
  return dir.empty() ? fs::path("assets/cervical_region.glb") : dir / "cervical_region.glb";
}

fs::path settingsFile() {
  const char *xdg = std::getenv("XDG_CONFIG_HOME");
  const char *home = std::getenv("HOME");
  fs::path base = (xdg && *xdg) ? fs::path(xdg) : fs::path(home ? home : ".") / ".config";
  return base / "scalene-atlas" / "settings.json";
}

fs::path dataDir() {
  const char *xdg = std::getenv("XDG_DATA_HOME");
  const char *home = std::getenv("HOME");
  if (xdg && *xdg && fs::path(xdg).is_absolute())
    return fs::path(xdg) / "scalene-atlas";
  return fs::path(home ? home : ".") / ".local" / "share" / "scalene-atlas";
}

} // namespace atlas::paths
