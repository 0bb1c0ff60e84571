// A fresh folder for the files one test writes, under the system's temporary folder and named after
// the test and the process (parallel CTest runs never share one); removed afterwards, read-only
// parts included.
#pragma once

#include <filesystem>
#include <string>

namespace atlas::test {

struct ScratchDir {
  std::filesystem::path dir;
  explicit ScratchDir(const std::string &name);
  ~ScratchDir();
  ScratchDir(const ScratchDir &) = delete;
  ScratchDir &operator=(const ScratchDir &) = delete;

  std::string path(const std::string &name) const { return (dir / name).string(); }
  // Writes `bytes` to `name` (folders in it are created) and returns its path.
  std::string write(const std::string &name, const std::string &bytes) const;
  // Makes a FIFO called `name` (folders in it are created) and returns its path; throws on failure.
  std::string fifo(const std::string &name) const;
};

} // namespace atlas::test
