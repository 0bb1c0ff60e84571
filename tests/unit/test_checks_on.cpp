// Programmer-error checks stay on in the build the tests run (issue 17): RelWithDebInfo defines
// NDEBUG, which would silently compile an assert() out. Each misuse below must abort the process; it
// runs in a forked child so the test itself survives to see how the child ended.
#include "core/result.h"
#include "scene/scene.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>
#include <functional>
#include <sys/wait.h>
#include <unistd.h>

using namespace atlas;

namespace {

// The signal that ended `misuse` run in a child process, or 0 when it returned normally.
int signalEnding(const std::function<void()> &misuse) {
  std::fflush(nullptr);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    if (!std::freopen("/dev/null", "w", stderr)) // the check's message is expected; keep the log clean
      _exit(3);
    misuse();
    _exit(0);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

} // namespace

TEST_CASE("checks: reading the value of a failed Result aborts", "[checks]") {
  const int ended = signalEnding([] {
    Result<int> failed = Error{"no such file"};
    volatile int read = failed.value();
    (void)read;
  });
  CHECK(ended == SIGABRT);
}

TEST_CASE("checks: adding a second structure with the same id aborts", "[checks]") {
  const int ended = signalEnding([] {
    Scene scene;
    Structure first, second;
    first.id = second.id = "c5";
    scene.add(first);
    scene.add(second);
  });
  CHECK(ended == SIGABRT);
}

TEST_CASE("checks: correct use does not abort", "[checks]") {
  // The harness itself: a child that misuses nothing ends normally, so the checks above can fail.
  const int ended = signalEnding([] {
    Result<int> fine = 3;
    Scene scene;
    Structure only;
    only.id = "c5";
    scene.add(only);
    if (fine.value() != 3)
      _exit(4);
  });
  CHECK(ended == 0);
}
