#include "window/x_session.h"

#include "render/run_app.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace atlas::test {
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// This process's environment with `extra` ("NAME=value") in front, so that they win.
std::vector<std::string> environmentWith(const std::vector<std::string> &extra) {
  std::vector<std::string> env(extra);
  for (char **e = environ; *e; ++e)
    env.emplace_back(*e);
  return env;
}

std::vector<char *> cStrings(std::vector<std::string> &strings) {
  std::vector<char *> out;
  for (std::string &s : strings)
    out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

} // namespace

ChildProcess::ChildProcess(const std::vector<std::string> &argv, const std::vector<std::string> &extraEnv,
                           const std::string &stdoutPath, const std::string &stderrPath) {
  std::vector<std::string> args(argv), env = environmentWith(extraEnv);
  std::vector<char *> cargv = cStrings(args), cenv = cStrings(env);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, stdoutPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, stderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (posix_spawnp(&pid_, cargv[0], &actions, nullptr, cargv.data(), cenv.data()) != 0)
    pid_ = -1;
  posix_spawn_file_actions_destroy(&actions);
}

ChildProcess::~ChildProcess() {
  terminate();
}

std::optional<int> ChildProcess::waitExit(std::chrono::milliseconds timeout) {
  if (status_)
    return status_;
  if (pid_ <= 0)
    return std::nullopt;
  const auto end = std::chrono::steady_clock::now() + timeout;
  do {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      pid_ = -1;
      return status_;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  } while (std::chrono::steady_clock::now() < end);
  return std::nullopt;
}

void ChildProcess::terminate() {
  if (pid_ <= 0)
    return;
  ::kill(pid_, SIGTERM);
  if (!waitExit(std::chrono::seconds(5))) {
    ::kill(pid_, SIGKILL);
    waitExit(std::chrono::seconds(5));
  }
}

XSession::XSession(int width, int height) {
  // Xvfb picks a free display number itself and writes it to the descriptor given by -displayfd.
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const std::string folder = testOutputDir();
  server_ = ChildProcess({"Xvfb", "-displayfd", std::to_string(fds[1]), "-screen", "0",
                          std::to_string(width) + "x" + std::to_string(height) + "x24", "-nolisten", "tcp",
                          "-noreset"},
                         {}, folder + "/xvfb.out", folder + "/xvfb.err");
  ::close(fds[1]);
  INFO("Xvfb (Debian package xvfb) must be installed: scripts/atlas deps");
  REQUIRE(server_.started());
  std::string number;
  pollfd p{fds[0], POLLIN, 0};
  for (int waited = 0; waited < 30000 && number.find('\n') == std::string::npos; waited += 100) {
    if (::poll(&p, 1, 100) > 0) {
      char buffer[32];
      const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
      if (n <= 0)
        break;
      number.append(buffer, static_cast<std::size_t>(n));
    }
  }
  ::close(fds[0]);
  INFO("Xvfb said: " << slurp(folder + "/xvfb.err"));
  REQUIRE(number.find('\n') != std::string::npos);
  display_ = ":" + number.substr(0, number.find('\n'));
}

std::string XSession::xdotool(const std::vector<std::string> &args) const {
  const std::string folder = testOutputDir();
  std::vector<std::string> argv{"xdotool"};
  argv.insert(argv.end(), args.begin(), args.end());
  ChildProcess tool(argv, {"DISPLAY=" + display_}, folder + "/xdotool.out", folder + "/xdotool.err");
  INFO("xdotool (Debian package xdotool) must be installed: scripts/atlas deps");
  REQUIRE(tool.started());
  const std::optional<int> code = tool.waitExit(std::chrono::seconds(30));
  INFO("xdotool " << args.front() << ": " << slurp(folder + "/xdotool.err"));
  REQUIRE(code == 0);
  return slurp(folder + "/xdotool.out");
}

WindowApp::WindowApp(const XSession &x, const std::vector<std::string> &args, const std::string &settings) {
  folder_ = testOutputDir() + "/app";
  fs::remove_all(folder_);
  fs::create_directories(folder_ + "/config/scalene-atlas");
  if (!settings.empty())
    std::ofstream(folder_ + "/config/scalene-atlas/settings.json") << settings;
  statePath_ = folder_ + "/window-state.json";
  stderrPath_ = folder_ + "/stderr.txt";
  std::vector<std::string> argv{ATLAS_APP_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.insert(argv.end(), {"--window-state", statePath_});
  // Leak detection is off in the window's process: closing the window (glfwTerminate) unloads Mesa's
  // GLX driver with LLVM, whose process-lifetime allocations are then reported from an "unknown
  // module" that no suppression can name. The same code is leak-checked headless and in-process.
  const char *asan = std::getenv("ASAN_OPTIONS");
  process_ = ChildProcess(argv,
                          {"DISPLAY=" + x.display(), "XDG_CONFIG_HOME=" + folder_ + "/config",
                           "LIBGL_ALWAYS_SOFTWARE=1",
                           std::string("ASAN_OPTIONS=") + (asan ? asan : "") + ":detect_leaks=0"},
                          folder_ + "/stdout.txt", stderrPath_);
  REQUIRE(process_.started());
  // The first frame with the model in it: the window is mapped and the interface laid out.
  const bool shown = waitFor(
      [](const nlohmann::json &s) {
        return s.contains("interface") && !s["model"].get<std::string>().empty();
      },
      std::chrono::seconds(120));
  INFO("the app's stderr: " << stderrText());
  REQUIRE(shown);
  std::string id = x.xdotool({"search", "--name", "^Scalene Atlas$"});
  id = id.substr(0, id.find('\n'));
  REQUIRE_FALSE(id.empty());
  windowId_ = id;
}

WindowApp::~WindowApp() {
  process_.terminate();
}

std::string WindowApp::stderrText() const {
  return slurp(stderrPath_);
}

std::optional<nlohmann::json> WindowApp::readState() const {
  const std::string text = slurp(statePath_); // written atomically: whole or absent
  if (text.empty())
    return std::nullopt;
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception &) {
    return std::nullopt;
  }
}

void WindowApp::pause() {
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

std::optional<std::pair<int, int>> itemCentre(const nlohmann::json &state, const std::string &name) {
  if (!state.contains("interface") || !state["interface"]["items"].contains(name))
    return std::nullopt;
  const nlohmann::json &r = state["interface"]["items"][name];
  return std::make_pair(static_cast<int>(r[0].get<double>() + r[2].get<double>() / 2),
                        static_cast<int>(r[1].get<double>() + r[3].get<double>() / 2));
}

bool windowShown(const nlohmann::json &state, const std::string &prefix) {
  if (!state.contains("interface"))
    return false;
  for (const nlohmann::json &name : state["interface"]["windows"])
    if (name.get<std::string>().rfind(prefix, 0) == 0)
      return true;
  return false;
}

std::pair<int, int> viewCentre(const nlohmann::json &state) {
  const nlohmann::json &area = state["view_area"];
  return {area[0].get<int>() + area[2].get<int>() / 2, area[1].get<int>() + area[3].get<int>() / 2};
}

void tap(const XSession &x, WindowApp &app, int px, int py, const std::string &modifier) {
  x.xdotool({"mousemove", "--window", app.windowId(), std::to_string(px), std::to_string(py)});
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  if (modifier.empty())
    x.xdotool({"click", "1"});
  else
    x.xdotool({"keydown", modifier, "click", "1", "keyup", modifier});
}

} // namespace atlas::test
