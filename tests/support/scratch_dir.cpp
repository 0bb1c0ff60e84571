#include "support/scratch_dir.h"

#include <fstream>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace atlas::test {
namespace fs = std::filesystem;

ScratchDir::ScratchDir(const std::string &name) {
  dir = fs::temp_directory_path() / ("atlas-" + name + "-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ec); // a read-only leftover
  fs::remove_all(dir);
  fs::create_directories(dir);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(dir, ec);
}

std::string ScratchDir::write(const std::string &name, const std::string &bytes) const {
  fs::create_directories((dir / name).parent_path());
  std::ofstream(dir / name, std::ios::binary) << bytes;
  return path(name);
}

std::string ScratchDir::fifo(const std::string &name) const {
  fs::create_directories((dir / name).parent_path());
  if (::mkfifo((dir / name).c_str(), 0600) != 0)
    throw std::runtime_error("cannot make the FIFO " + path(name));
  return path(name);
}

} // namespace atlas::test
