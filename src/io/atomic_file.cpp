#include "io/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace atlas {

Result<bool> writeFileAtomically(const std::string &path, const std::string &bytes) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path() && !fs::exists(target.parent_path(), ec))
    return Error{path + ": the folder " + target.parent_path().string() + " does not exist"};
  std::string tmp = path + ".tmp-XXXXXX";
  const int fd = mkstemp(tmp.data());
  if (fd < 0)
    return Error{path + ": cannot create a temporary file (" + std::strerror(errno) + ")"};
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      return Error{path + ": write failed (" + why + ")"};
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp creates 0600; user files should be readable like any other document.
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return Error{path + ": could not flush the file to disk"};
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return Error{path + ": cannot replace the file (" + why + ")"};
  }
  return true;
}

} // namespace atlas
