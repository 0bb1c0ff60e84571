#include "render/run_app.h"

#include "io/png.h"
#include "support/fixtures.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace atlas::test {
namespace fs = std::filesystem;

namespace {
std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
} // namespace

ProcessRun runProcess(const std::vector<std::string> &argvIn, const std::vector<std::string> &extraEnv) {
  static int counter = 0;
  const std::string stem =
      testOutputDir() + "/run-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
  const std::string outPath = stem + ".out", errPath = stem + ".err";
  std::vector<std::string> argv(argvIn);
  std::vector<char *> cargv;
  for (std::string &a : argv)
    cargv.push_back(a.data());
  cargv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> env(extraEnv);
  for (char **e = environ; *e; ++e)
    env.emplace_back(*e); // later duplicates lose: getenv() finds the first
  std::vector<char *> cenv;
  for (std::string &e : env)
    cenv.push_back(e.data());
  cenv.push_back(nullptr);
  pid_t pid = 0;
  ProcessRun run;
  if (posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, cargv.data(), cenv.data()) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  run.out = slurp(outPath);
  run.err = slurp(errPath);
  fs::remove(outPath);
  fs::remove(errPath);
  return run;
}

AppRun runApp(const std::vector<std::string> &args, const std::vector<std::string> &extraEnv) {
  std::vector<std::string> argv{ATLAS_APP_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return runProcess(argv, extraEnv);
}

std::string fixturePath(const std::string &name) {
  return std::string(ATLAS_TEST_FIXTURE_DIR) + "/" + name;
}

std::string testOutputDir() {
  // CTest runs test cases in parallel, each in its own process: one folder per test case, named after
  // it, so no two tests ever share a file (two once both wrote scene-anterior.png, at two sizes).
  std::string folder;
  for (char c : Catch::getResultCapture().getCurrentTestName())
    folder += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  const fs::path dir = fs::path(ATLAS_TEST_OUTPUT_DIR) / folder.substr(0, 120);
  fs::create_directories(dir);
  return dir.string();
}

std::string outputPath(const std::string &name) {
  return testOutputDir() + "/" + name;
}

Image readImage(const std::string &path) {
  Result<Image> image = readPng(path);
  INFO(path);
  REQUIRE(image);
  return *image;
}

nlohmann::json readJson(const std::string &path) {
  std::ifstream in(path);
  INFO(path);
  REQUIRE(in);
  return nlohmann::json::parse(in);
}

bool nearColor(const std::uint8_t *p, int r, int g, int b, int tolerance) {
  return std::abs(p[0] - r) <= tolerance && std::abs(p[1] - g) <= tolerance &&
         std::abs(p[2] - b) <= tolerance;
}

int differingPixels(const Image &a, const Image &b, int tolerance, int rows) {
  int differing = 0;
  for (int y = 0; y < (rows < 0 ? a.height : rows); ++y)
    for (int x = 0; x < a.width; ++x)
      for (int c = 0; c < 3; ++c)
        if (std::abs(static_cast<int>(a.pixel(x, y)[c]) - static_cast<int>(b.pixel(x, y)[c])) > tolerance) {
          ++differing;
          break;
        }
  return differing;
}

std::string bundledModelPath() {
  return std::string(ATLAS_SOURCE_DIR) + "/assets/cervical_region.glb";
}

RightPanelDifference rightPanelDifference(const Image &a, const Image &b) {
  RightPanelDifference out;
  for (int y = 60; y < a.height - 60; ++y)
    for (int x = 0; x < a.width; ++x) {
      const std::uint8_t *pa = a.pixel(x, y), *pb = b.pixel(x, y);
      bool differs = false;
      for (int c = 0; c < 3; ++c)
        differs = differs || std::abs(int(pa[c]) - int(pb[c])) > 12;
      if (!differs)
        continue;
      if (x > a.width * 3 / 4)
        ++out.right;
      else if (x < a.width / 5)
        ++out.left;
    }
  return out;
}

double foregroundFraction(const Image &image) {
  // The background is a vertical gradient: compare each pixel with the left-edge pixel of its row.
  std::size_t foreground = 0;
  for (int y = 0; y < image.height; ++y) {
    const std::uint8_t *edge = image.pixel(0, y);
    for (int x = 0; x < image.width; ++x)
      if (!nearColor(image.pixel(x, y), edge[0], edge[1], edge[2], 6))
        ++foreground;
  }
  return static_cast<double>(foreground) / (static_cast<double>(image.width) * image.height);
}

} // namespace atlas::test
