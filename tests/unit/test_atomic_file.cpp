// writeFileAtomically: what is at the path is respected (links followed, FIFOs, devices and folders
// refused, permissions kept), and a write that fails at any step leaves the old file as it was.
#include "io/atomic_file.h"
#include "support/scratch_dir.h"
#include "support/unprivileged_scope.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <vector>

using namespace atlas;
namespace fs = std::filesystem;
using test::ScratchDir;
using test::UnprivilegedScope;

namespace {

std::string readAll(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

mode_t modeOf(const std::string &path) {
  struct stat st {};
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode;
}

// Names left in a folder besides the expected ones: a temporary file must never stay behind.
std::vector<std::string> namesIn(const fs::path &dir) {
  std::vector<std::string> names;
  for (const auto &entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Sets the umask for one scope.
struct UmaskScope {
  mode_t old;
  explicit UmaskScope(mode_t mask) : old(::umask(mask)) {}
  ~UmaskScope() { ::umask(old); }
};

} // namespace

TEST_CASE("a new file gets its bytes and 0666 less the umask, and no temporary file stays", "[atomic]") {
  ScratchDir scratch("new");
  const UmaskScope mask(027);
  const std::string path = scratch.path("out.json");
  REQUIRE(writeFileAtomically(path, "new bytes\n"));
  CHECK(readAll(path) == "new bytes\n");
  CHECK((modeOf(path) & 0777) == (0666 & ~027));
  CHECK(namesIn(scratch.dir) == std::vector<std::string>{"out.json"});
}

TEST_CASE("replacing a file keeps its permissions", "[atomic]") {
  ScratchDir scratch("mode");
  for (const mode_t mode : {mode_t(0600), mode_t(0640), mode_t(0604)}) {
    const std::string path = scratch.write("state.json", "old");
    REQUIRE(::chmod(path.c_str(), mode) == 0);
    REQUIRE(writeFileAtomically(path, "new"));
    CHECK(readAll(path) == "new");
    CHECK((modeOf(path) & 07777) == mode);
  }
  CHECK(namesIn(scratch.dir) == std::vector<std::string>{"state.json"});
}

TEST_CASE("a symbolic link is followed: its target is replaced and the link stays", "[atomic]") {
  ScratchDir scratch("link");
  fs::create_directories(scratch.dir / "real");
  fs::create_directories(scratch.dir / "links");
  const std::string target = scratch.write("real/settings.json", "old");
  REQUIRE(::chmod(target.c_str(), 0600) == 0);
  fs::create_symlink("../real/settings.json", scratch.dir / "links" / "one");
  fs::create_symlink("one", scratch.dir / "links" / "two"); // a link to a link
  for (const char *name : {"one", "two"}) {
    INFO(name);
    const std::string link = scratch.path(std::string("links/") + name);
    REQUIRE(writeFileAtomically(link, std::string("via ") + name));
    CHECK(fs::is_symlink(link));
    CHECK(readAll(target) == std::string("via ") + name);
    CHECK((modeOf(target) & 07777) == 0600);
  }
  CHECK(fs::read_symlink(scratch.dir / "links" / "one") == "../real/settings.json");
  CHECK(namesIn(scratch.dir / "real") == std::vector<std::string>{"settings.json"});
  CHECK(namesIn(scratch.dir / "links") == std::vector<std::string>{"one", "two"});
}

TEST_CASE("a dangling or looping link is refused and left as it is", "[atomic]") {
  ScratchDir scratch("badlink");
  fs::create_symlink("missing.json", scratch.dir / "dangling");
  fs::create_symlink("loop-b", scratch.dir / "loop-a");
  fs::create_symlink("loop-a", scratch.dir / "loop-b");
  Result<void> dangling = writeFileAtomically(scratch.path("dangling"), "x");
  REQUIRE_FALSE(dangling);
  CHECK_THAT(dangling.error(), Catch::Contains("dangling: is a symbolic link to missing.json, which does "
                                               "not exist; nothing was written"));
  Result<void> loop = writeFileAtomically(scratch.path("loop-a"), "x");
  REQUIRE_FALSE(loop);
  CHECK_THAT(loop.error(), Catch::Contains("loop-a: is a symbolic link that loops; nothing was written"));
  CHECK(namesIn(scratch.dir) == std::vector<std::string>{"dangling", "loop-a", "loop-b"});
  CHECK(fs::is_symlink(scratch.dir / "dangling"));
  CHECK(fs::is_symlink(scratch.dir / "loop-a"));
}

TEST_CASE("a FIFO is refused without being opened", "[atomic]") {
  ScratchDir scratch("fifo");
  const std::string fifo = scratch.path("pipe");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  fs::create_symlink("pipe", scratch.dir / "to-pipe");
  Result<void> direct = writeFileAtomically(fifo, "x"); // opening it for writing would block here
  REQUIRE_FALSE(direct);
  CHECK_THAT(direct.error(), Catch::Contains("pipe: is a FIFO, not a regular file; nothing was written"));
  Result<void> linked = writeFileAtomically(scratch.path("to-pipe"), "x");
  REQUIRE_FALSE(linked);
  CHECK_THAT(linked.error(),
             Catch::Contains("to-pipe: links to " + fs::canonical(fifo).string() + ", which is a FIFO"));
  CHECK(S_ISFIFO(modeOf(fifo)));
  CHECK(namesIn(scratch.dir) == std::vector<std::string>{"pipe", "to-pipe"});
}

TEST_CASE("a directory is refused", "[atomic]") {
  ScratchDir scratch("dir");
  fs::create_directories(scratch.dir / "folder");
  Result<void> r = writeFileAtomically(scratch.path("folder"), "x");
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error(), Catch::Contains("folder: is a directory, not a regular file; nothing was written"));
  CHECK(fs::is_directory(scratch.dir / "folder"));
  CHECK(namesIn(scratch.dir) == std::vector<std::string>{"folder"});
}

TEST_CASE("a character device is refused and left untouched", "[atomic]") {
  ScratchDir scratch("device");
  // A device node of our own where we may make one (root); else the system's /dev/null, which the
  // checks below prove untouched.
  std::string device = scratch.path("null");
  if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)
    device = "/dev/null";
  struct stat before {};
  REQUIRE(::lstat(device.c_str(), &before) == 0);
  REQUIRE(S_ISCHR(before.st_mode));
  Result<void> r = writeFileAtomically(device, "x");
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error(), Catch::Contains(device + ": is a character device, not a regular file"));
  struct stat after {};
  REQUIRE(::lstat(device.c_str(), &after) == 0);
  CHECK(S_ISCHR(after.st_mode));
  CHECK(after.st_ino == before.st_ino);
  CHECK(after.st_rdev == before.st_rdev);
  for (const auto &entry : fs::directory_iterator(fs::path(device).parent_path()))
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("a write into a read-only folder fails and the old file remains", "[atomic]") {
  ScratchDir scratch("readonly");
  const std::string path = scratch.write("handout.md", "old content");
  fs::permissions(scratch.dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  Result<void> r = [&] {
    const UnprivilegedScope unprivileged;
    return writeFileAtomically(path, "new content");
  }();
  fs::permissions(scratch.dir, fs::perms::owner_all, fs::perm_options::add);
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error(), Catch::Contains("handout.md: cannot create a temporary file"));
  CHECK_THAT(r.error(), Catch::Contains("nothing was written"));
  CHECK(readAll(path) == "old content");
  CHECK(namesIn(scratch.dir) == std::vector<std::string>{"handout.md"});
}

TEST_CASE("a write that fails half-way (file too large) leaves the old file and no temporary", "[atomic]") {
  ScratchDir scratch("partial");
  const std::string path = scratch.write("shot.png", "old picture");
  struct rlimit old {};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
  struct rlimit small = old;
  small.rlim_cur = 64; // the first write() stops at 64 bytes, the next fails with EFBIG
  void (*oldHandler)(int) = std::signal(SIGXFSZ, SIG_IGN);
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  Result<void> r = writeFileAtomically(path, std::string(4096, 'n'));
  ::setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, oldHandler);
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error(), Catch::Contains("shot.png: write failed"));
  CHECK(readAll(path) == "old picture");
  CHECK(namesIn(scratch.dir) == std::vector<std::string>{"shot.png"});
}

TEST_CASE("when the final rename fails the old file is intact and no temporary stays", "[atomic]") {
  ScratchDir scratch("rename");
  const std::string path = scratch.write("state.json", "old state");
  static std::string renamedFrom; // the function pointer cannot capture
  renamedFrom.clear();
  auto failingRename = [](const char *from, const char *) {
    renamedFrom = from;
    errno = EIO;
    return -1;
  };
  Result<void> r = detail::writeFileAtomically(path, "new state", failingRename);
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error(), Catch::Contains("state.json: cannot replace the file"));
  CHECK(readAll(path) == "old state");
  CHECK_THAT(renamedFrom, Catch::StartsWith(path + ".tmp-")); // the data was complete beside it
  CHECK_FALSE(fs::exists(renamedFrom));
  CHECK(namesIn(scratch.dir) == std::vector<std::string>{"state.json"});
}
