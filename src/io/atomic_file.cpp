#include "io/atomic_file.h"

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace atlas {
namespace {

std::string errnoText(int error) {
  return std::strerror(error);
}

const char *kindOf(mode_t mode) {
  if (S_ISDIR(mode))
    return "a directory";
  if (S_ISFIFO(mode))
    return "a FIFO";
  if (S_ISCHR(mode))
    return "a character device";
  if (S_ISBLK(mode))
    return "a block device";
  if (S_ISSOCK(mode))
    return "a socket";
  return "not a regular file";
}

// Where the bytes really go: the path itself, or the fully resolved target of a symbolic link (so the
// link survives and the temporary file lies beside the file it replaces). `existing` is filled when
// something is there already.
struct Destination {
  std::string path;
  bool exists = false;
  struct stat existing {};
};

Result<Destination> findDestination(const std::string &path) {
  Destination d;
  d.path = path;
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno != ENOENT)
      return Error{path + ": cannot look at the path (" + errnoText(errno) + "); nothing was written"};
    return d; // a new file
  }
  if (S_ISLNK(st.st_mode)) {
    char resolved[PATH_MAX];
    if (!::realpath(path.c_str(), resolved)) {
      const int error = errno;
      if (error == ELOOP)
        return Error{path + ": is a symbolic link that loops; nothing was written"};
      std::error_code ec;
      const std::string to = std::filesystem::read_symlink(path, ec).string();
      if (error == ENOENT)
        return Error{path + ": is a symbolic link to " + to + ", which does not exist; nothing was written"};
      return Error{path + ": cannot follow the symbolic link to " + to + " (" + errnoText(error) +
                   "); nothing was written"};
    }
    d.path = resolved;
    if (::lstat(d.path.c_str(), &st) != 0)
      return Error{path + ": cannot look at " + d.path + " (" + errnoText(errno) + "); nothing was written"};
  }
  if (!S_ISREG(st.st_mode)) {
    const std::string what = d.path == path ? path + ": is " : path + ": links to " + d.path + ", which is ";
    return Error{what + kindOf(st.st_mode) + ", not a regular file; nothing was written"};
  }
  d.exists = true;
  d.existing = st;
  return d;
}

// Creates "<target>.tmp-<unique>" with O_EXCL. A new file is created 0666 so the kernel applies the
// umask; a replacement starts private and gets the old file's mode once it is complete.
int createTemporary(const std::string &target, bool replacing, std::string &name) {
  const auto seed =
      static_cast<unsigned long long>(std::chrono::steady_clock::now().time_since_epoch().count() ^
                                      (static_cast<long long>(::getpid()) << 32));
  for (unsigned attempt = 0; attempt < 100; ++attempt) {
    char suffix[40];
    std::snprintf(suffix, sizeof suffix, ".tmp-%llx", seed + attempt * 0x9E3779B97F4A7C15ull);
    name = target + suffix;
    const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, replacing ? 0600 : 0666);
    if (fd >= 0 || errno != EEXIST)
      return fd;
  }
  errno = EEXIST;
  return -1;
}

bool writeAll(int fd, const std::string &bytes) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      if (n == 0)
        errno = EIO;
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

// The rename is durable only once the folder's entry is on disk; best effort (some file systems
// refuse fsync on a directory).
void syncFolder(const std::string &file) {
  const std::string folder = std::filesystem::path(file).parent_path().string();
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

} // namespace

Result<void> writeFileAtomically(const std::string &path, const std::string &bytes) {
  return detail::writeFileAtomically(path, bytes, &std::rename);
}

Result<void> detail::writeFileAtomically(const std::string &path, const std::string &bytes,
                                         RenameFunction renameFile) {
  Result<Destination> found = findDestination(path);
  if (!found)
    return Error{found.error()};
  const Destination &d = *found;
  const std::filesystem::path target(d.path);
  std::error_code ec;
  if (target.has_parent_path() && !std::filesystem::is_directory(target.parent_path(), ec))
    return Error{path + ": the folder " + target.parent_path().string() + " does not exist"};

  std::string tmp;
  const int fd = createTemporary(d.path, d.exists, tmp);
  if (fd < 0)
    return Error{path + ": cannot create a temporary file in " +
                 (target.has_parent_path() ? target.parent_path().string() : std::string(".")) + " (" +
                 errnoText(errno) + "); nothing was written"};
  auto fail = [&](const std::string &what) {
    const std::string why = errnoText(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return Error{path + ": " + what + " (" + why + "); nothing was written"};
  };
  if (!writeAll(fd, bytes))
    return fail("write failed");
  if (d.exists) {
    // Owner first: chown clears set-id bits that the chmod then restores. Only root (or a group
    // member changing the group) may do it; otherwise the file becomes ours, as any editor's would.
    if (d.existing.st_uid != ::geteuid() || d.existing.st_gid != ::getegid())
      (void)::fchown(fd, d.existing.st_uid, d.existing.st_gid);
    if (::fchmod(fd, d.existing.st_mode & 07777) != 0)
      return fail("cannot keep the file's permissions");
  }
  if (::fsync(fd) != 0)
    return fail("could not flush the file to disk");
  if (::close(fd) != 0) {
    const std::string why = errnoText(errno);
    ::unlink(tmp.c_str());
    return Error{path + ": could not flush the file to disk (" + why + "); nothing was written"};
  }
  if (renameFile(tmp.c_str(), d.path.c_str()) != 0) {
    const std::string why = errnoText(errno);
    ::unlink(tmp.c_str());
    return Error{path + ": cannot replace the file (" + why + "); nothing was written"};
  }
  syncFolder(d.path);
  return {};
}

} // namespace atlas
