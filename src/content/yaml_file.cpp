#include "content/yaml_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/eventhandler.h>

namespace atlas::content {
namespace {

// `size`: "5000000 bytes", "more than 4194304 bytes".
std::string sizeProblem(const std::string &name, const std::string &size) {
  return name + ": " + size + "; a content file may be at most " + std::to_string(kMaxContentFileBytes) +
         " bytes (4 MiB)";
}

const char *kindOf(mode_t mode) {
  if (S_ISFIFO(mode))
    return "a named pipe (FIFO)";
  if (S_ISDIR(mode))
    return "a folder";
  if (S_ISCHR(mode) || S_ISBLK(mode))
    return "a device";
  if (S_ISSOCK(mode))
    return "a socket";
  return "not a plain file";
}

std::string notRegular(const std::string &path, mode_t mode) {
  return path + ": not a regular file; skipped (it is " + kindOf(mode) + ")";
}

// Is `inner` (canonical) strictly below `root` (canonical)?
bool isInside(const std::filesystem::path &inner, const std::filesystem::path &root) {
  auto [r, i] = std::mismatch(root.begin(), root.end(), inner.begin(), inner.end());
  return r == root.end() && i != inner.end();
}

class FileDescriptor {
public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor &) = delete;
  FileDescriptor &operator=(const FileDescriptor &) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  int get() const { return fd_; }

private:
  int fd_;
};

// What the event scan refuses, at the place it begins.
struct Refusal {
  YAML::Mark mark;
  std::string message;
};

// Sees the parser's events before any node is built: anchors, aliases and document starts.
class ContentEvents : public YAML::EventHandler {
public:
  std::vector<std::pair<std::string, YAML::Mark>> anchors; // in order: anchor_t k is anchors[k - 1]

  void OnDocumentStart(const YAML::Mark &mark) override {
    if (++documents_ > 1)
      throw Refusal{mark, "a content file holds one YAML document; a second begins here"};
  }
  void OnAnchor(const YAML::Mark &mark, const std::string &name) override {
    anchors.emplace_back(name, mark);
  }
  void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    if (anchor >= 1 && anchor <= anchors.size()) {
      const auto &[name, at] = anchors[anchor - 1];
      throw Refusal{mark, "YAML aliases (*" + name +
                              ") are not allowed in content files; write the text out in full (the anchor &" +
                              name + " is on line " + std::to_string(at.line + 1) + ")"};
    }
    throw Refusal{mark, "YAML aliases (*name) are not allowed in content files; write the text out in full"};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override {}
  void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

private:
  std::size_t documents_ = 0;
};

// Throws Refusal for an alias, an anchor or a second document; YAML::Exception for a syntax error.
void scanEvents(const std::string &text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  ContentEvents events;
  while (parser.HandleNextDocument(events))
    if (!events.anchors.empty()) { // an anchor nothing refers to (an alias would have thrown)
      const auto &[name, at] = events.anchors.front();
      throw Refusal{at, "YAML anchors (&" + name + ") are not allowed in content files; remove it"};
    }
}

} // namespace

Result<std::string> readContentFile(const std::string &path, const std::string &folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path real = fs::canonical(path, ec);
  if (ec)
    return Error{path + ": cannot open the file (" + ec.message() + ")"};
  const std::string folderName = folder.empty() ? fs::path(path).parent_path().string() : folder;
  const fs::path root = fs::canonical(folderName.empty() ? fs::path(".") : fs::path(folderName), ec);
  if (ec)
    return Error{path + ": cannot open its folder " + folderName + " (" + ec.message() + ")"};
  if (!isInside(real, root))
    return Error{path + ": a link to " + real.string() + ", outside " + folderName +
                 "; not followed (content files must lie in their folder)"};
  // stat first, so a FIFO or a device is never opened; O_NONBLOCK and fstat cover a swap in between.
  struct stat info {};
  if (::stat(real.c_str(), &info) != 0)
    return Error{path + ": cannot open the file (" + std::strerror(errno) + ")"};
  if (!S_ISREG(info.st_mode))
    return Error{notRegular(path, info.st_mode)};
  const FileDescriptor fd(::open(real.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0)
    return Error{path + ": cannot open the file (" + std::strerror(errno) + ")"};
  if (::fstat(fd.get(), &info) != 0)
    return Error{path + ": cannot read the file (" + std::strerror(errno) + ")"};
  if (!S_ISREG(info.st_mode))
    return Error{notRegular(path, info.st_mode)};
  if (static_cast<std::uintmax_t>(info.st_size) > kMaxContentFileBytes)
    return Error{sizeProblem(path, std::to_string(info.st_size) + " bytes")};
  // Reads to the end, but never past the limit: a file that grew since fstat is refused too.
  std::string text;
  text.reserve(static_cast<std::size_t>(info.st_size));
  char chunk[65536];
  for (;;) {
    const ssize_t n = ::read(fd.get(), chunk, sizeof chunk);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return Error{path + ": cannot read the file (" + std::strerror(errno) + ")"};
    if (n == 0)
      return text;
    text.append(chunk, static_cast<std::size_t>(n));
    if (text.size() > kMaxContentFileBytes)
      return Error{sizeProblem(path, "more than " + std::to_string(kMaxContentFileBytes) + " bytes")};
  }
}

Result<YAML::Node> loadYamlFile(const std::string &path, const std::string &folder) {
  Result<std::string> text = readContentFile(path, folder);
  if (!text)
    return Error{text.error()};
  return parseYaml(*text, path);
}

Result<YAML::Node> parseYaml(const std::string &text, const std::string &name) {
  if (text.size() > kMaxContentFileBytes)
    return Error{sizeProblem(name, std::to_string(text.size()) + " bytes")};
  try {
    scanEvents(text); // before YAML::Load: nothing is built from a refused file
    return YAML::Load(text);
  } catch (const Refusal &r) {
    return Error{name + ":" + std::to_string(r.mark.line + 1) + ": " + r.message};
  } catch (const YAML::Exception &e) {
    return Error{name + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                 ": " + e.msg};
  }
}

std::string where(const std::string &file, const YAML::Node &node) {
  const YAML::Mark mark = node.Mark();
  return mark.is_null() ? file : file + ":" + std::to_string(mark.line + 1);
}

std::vector<std::string> yamlFilesIn(const std::string &dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".yaml" || it->path().extension() == ".yml")
      files.push_back(it->path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<std::string> readString(const std::string &file, const YAML::Node &map, const char *key,
                                      bool required, Problems &problems) {
  const YAML::Node value = map[key];
  if (!value || value.IsNull()) {
    if (required)
      problems.add(file, map, std::string("field '") + key + "' is missing");
    return std::nullopt;
  }
  if (!value.IsScalar()) {
    problems.add(file, value, std::string("field '") + key + "' should be text");
    return std::nullopt;
  }
  return value.Scalar();
}

std::optional<std::vector<std::string>> readStringList(const std::string &file, const YAML::Node &map,
                                                       const char *key, bool required, Problems &problems) {
  const YAML::Node value = map[key];
  if (!value || value.IsNull()) {
    if (required)
      problems.add(file, map, std::string("field '") + key + "' is missing");
    return std::nullopt;
  }
  if (!value.IsSequence()) {
    problems.add(file, value, std::string("field '") + key + "' should be a list like [a, b]");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const YAML::Node &item : value) {
    if (!item.IsScalar()) {
      problems.add(file, item, std::string("every entry of '") + key + "' should be text");
      continue;
    }
    out.push_back(item.Scalar());
  }
  return out;
}

} // namespace atlas::content
