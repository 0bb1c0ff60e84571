#include "io/model_files.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace atlas::model_files {
namespace fs = std::filesystem;

namespace {

std::string typeOf(mode_t mode) {
  if (S_ISDIR(mode))
    return "a folder";
  if (S_ISFIFO(mode))
    return "a FIFO";
  if (S_ISSOCK(mode))
    return "a socket";
  if (S_ISCHR(mode))
    return "a character device";
  if (S_ISBLK(mode))
    return "a block device";
  return "not a plain file";
}

// Closes a descriptor on every way out.
struct Descriptor {
  int fd;
  explicit Descriptor(int d) : fd(d) {}
  ~Descriptor() {
    if (fd >= 0)
      ::close(fd);
  }
  Descriptor(const Descriptor &) = delete;
  Descriptor &operator=(const Descriptor &) = delete;
};

// Reads exactly `size` bytes from `fd`. The error is a reason, without a prefix.
Result<std::vector<unsigned char>> readExactly(int fd, std::uint64_t size, LoadProgress *progress,
                                               float progressShare) {
  std::vector<unsigned char> bytes(static_cast<std::size_t>(size));
  constexpr std::size_t kBlock = 4u << 20; // a cancel is seen between blocks
  for (std::size_t done = 0; done < bytes.size();) {
    const std::size_t want = std::min(kBlock, bytes.size() - done);
    const ssize_t got = ::read(fd, bytes.data() + done, want);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0)
      return Error{"cannot read the file at byte " + std::to_string(done) + " (" + std::strerror(errno) +
                   ")"};
    if (got == 0)
      return Error{"the file became shorter while it was read (byte " + std::to_string(done) + ")"};
    done += static_cast<std::size_t>(got);
    if (progress) {
      if (progress->cancel)
        return Error{kLoadCancelled};
      progress->fraction = progressShare * static_cast<float>(done) / static_cast<float>(bytes.size());
    }
  }
  return bytes;
}

} // namespace

Result<std::vector<unsigned char>> readModelFile(const std::string &path, std::uint64_t maxBytes,
                                                 LoadProgress *progress, float progressShare) {
  // stat first: opening a device can have effects of its own, so only a regular file is opened.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return Error{path + ": cannot open the file (" + std::strerror(errno) + ")"};
  if (!S_ISREG(st.st_mode))
    return Error{path + ": not a regular file (" + typeOf(st.st_mode) + ")"};
  // O_NONBLOCK: should the name have become a FIFO since, open returns at once instead of waiting.
  Descriptor file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (file.fd < 0)
    return Error{path + ": cannot open the file (" + std::strerror(errno) + ")"};
  if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode))
    return Error{path + ": not a regular file (" + typeOf(st.st_mode) + ")"};
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > maxBytes)
    return Error{path + ": file is " + std::to_string(size) + " bytes, more than the limit of " +
                 std::to_string(maxBytes)};
  Result<std::vector<unsigned char>> bytes = readExactly(file.fd, size, progress, progressShare);
  if (!bytes)
    return Error{path + ": " + bytes.error()};
  return bytes;
}

Result<std::string> percentDecode(const std::string &uri) {
  const auto hex = [](char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c - 'A' + 10;
  };
  std::string out;
  out.reserve(uri.size());
  for (std::size_t i = 0; i < uri.size(); ++i) {
    const char c = uri[i];
    if (c == '+') { // tinygltf decodes '+' as a space (form encoding), so the file it opens has one
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= uri.size() || !std::isxdigit(static_cast<unsigned char>(uri[i + 1])) ||
          !std::isxdigit(static_cast<unsigned char>(uri[i + 2])))
        return Error{"has a '%' at character " + std::to_string(i + 1) +
                     " that is not followed by two hex digits"};
      out += static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  if (out.find('\0') != std::string::npos)
    return Error{"contains a NUL character"};
  return out;
}

std::string shortened(const std::string &text, std::size_t maxChars) {
  return text.size() <= maxChars ? text : text.substr(0, maxChars) + "...";
}

Result<SideFiles> SideFiles::forModel(const std::string &modelPath, std::uint64_t byteBudget) {
  fs::path folder = fs::path(modelPath).parent_path();
  if (folder.empty())
    folder = ".";
  std::error_code ec;
  fs::path canonical = fs::canonical(folder, ec);
  if (ec)
    return Error{modelPath + ": cannot resolve the model's folder (" + ec.message() + ")"};
  return SideFiles(std::move(canonical), byteBudget);
}

SideFiles::Resolved SideFiles::resolve(const std::string &name, bool absoluteAllowed) const {
  const auto refuse = [](std::string why, bool missing = false) {
    return Resolved{{}, Refusal{std::move(why), missing}};
  };
  if (name.empty())
    return refuse("is empty; expected the name of a file beside the model");
  if (name.find('\0') != std::string::npos)
    return refuse("contains a NUL character");
  const fs::path given(name);
  if (given.is_absolute() && !absoluteAllowed)
    return refuse("absolute paths are not allowed; the file must be beside the model");
  // The error_code forms: a name the system refuses (too long, ...) is an error, not an exception.
  std::error_code ec;
  const fs::path resolved = fs::weakly_canonical(given.is_absolute() ? given : folder_ / given, ec);
  if (ec)
    return refuse("cannot resolve the path (" + ec.message() + ")");
  const auto [folderEnd, _] = std::mismatch(folder_.begin(), folder_.end(), resolved.begin(), resolved.end());
  if (folderEnd != folder_.end())
    return refuse("leaves the model's folder; the file must be beside the model or below it");
  struct stat st {};
  if (::stat(resolved.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR)
      return refuse("no such file in the model's folder (" + resolved.string() + ")", true);
    return refuse("cannot read " + resolved.string() + " (" + std::strerror(errno) + ")");
  }
  if (!S_ISREG(st.st_mode))
    return refuse("is not a regular file (" + typeOf(st.st_mode) + ")");
  if (static_cast<std::uint64_t>(st.st_size) > bytesLeft_)
    return refuse("is " + std::to_string(st.st_size) + " bytes, more than the " + std::to_string(bytesLeft_) +
                  " bytes the limit leaves for the model's files");
  return Resolved{resolved, {}};
}

Result<std::vector<unsigned char>> SideFiles::read(const fs::path &resolved) {
  // O_NOFOLLOW: `resolved` has no links left in it; one that appeared since is refused.
  Descriptor file(::open(resolved.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW));
  if (file.fd < 0)
    return Error{"cannot open " + resolved.string() + " (" + std::strerror(errno) + ")"};
  struct stat st {};
  if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode))
    return Error{"is not a regular file (" + typeOf(st.st_mode) + ")"};
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > bytesLeft_)
    return Error{"is " + std::to_string(size) + " bytes, more than the " + std::to_string(bytesLeft_) +
                 " bytes the limit leaves for the model's files"};
  Result<std::vector<unsigned char>> bytes = readExactly(file.fd, size, nullptr, 0.0f);
  if (bytes)
    bytesLeft_ -= size;
  return bytes;
}

} // namespace atlas::model_files
