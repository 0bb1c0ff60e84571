// A real X display for window tests: its own Xvfb server, the app in a window on it, and real input
// sent through the XTEST extension by xdotool (the same path as a mouse or a touchpad tap).
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace atlas::test {

// A child process; killed (if still running) when destroyed.
class ChildProcess {
public:
  ChildProcess() = default;
  ChildProcess(const std::vector<std::string> &argv, const std::vector<std::string> &extraEnv,
               const std::string &stdoutPath, const std::string &stderrPath);
  ChildProcess(ChildProcess &&other) noexcept : pid_(other.pid_), status_(other.status_) { other.pid_ = -1; }
  ChildProcess &operator=(ChildProcess &&other) noexcept {
    if (this != &other) {
      terminate();
      pid_ = other.pid_;
      status_ = other.status_;
      other.pid_ = -1;
    }
    return *this;
  }
  ~ChildProcess();
  bool started() const { return pid_ > 0; }
  // Waits for the process to end: its exit code (128 + signal when killed), or nullopt on timeout.
  std::optional<int> waitExit(std::chrono::milliseconds timeout);
  void terminate();

private:
  pid_t pid_ = -1;
  std::optional<int> status_;
};

class XSession {
public:
  // Starts Xvfb on a free display number with one screen of `width` x `height`; REQUIREs success.
  XSession(int width, int height);
  const std::string &display() const { return display_; }
  // Runs xdotool with these arguments on this display; REQUIREs exit 0 and returns its output.
  std::string xdotool(const std::vector<std::string> &args) const;

private:
  std::string display_;
  ChildProcess server_;
};

// The app in a window on `x`, writing its --window-state to a file in this test's folder.
class WindowApp {
public:
  // `settings`: the settings.json the app finds (empty: none, a first start).
  WindowApp(const XSession &x, const std::vector<std::string> &args, const std::string &settings = {});
  ~WindowApp();
  // Waits until the state file satisfies `ready` (re-read every 50 ms); the last state read is kept.
  // Returns false on timeout.
  template <typename Predicate> bool waitFor(Predicate ready, std::chrono::milliseconds timeout) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    do {
      if (std::optional<nlohmann::json> s = readState(); s && ready(*s)) {
        state_ = *s;
        return true;
      }
      pause();
    } while (std::chrono::steady_clock::now() < end);
    if (std::optional<nlohmann::json> s = readState())
      state_ = *s;
    return false;
  }
  const nlohmann::json &state() const { return state_; }
  // The X window id (xdotool search), found once the app has shown its first frame.
  const std::string &windowId() const { return windowId_; }
  ChildProcess &process() { return process_; }
  std::string stderrText() const;

private:
  std::optional<nlohmann::json> readState() const;
  static void pause();
  std::string folder_, statePath_, stderrPath_, windowId_;
  nlohmann::json state_;
  ChildProcess process_;
};

// The centre of a named control's rectangle in the state's "interface"."items" (window coordinates).
std::optional<std::pair<int, int>> itemCentre(const nlohmann::json &state, const std::string &name);
bool windowShown(const nlohmann::json &state, const std::string &prefix);
// Settings for a start past the disclaimer.
inline const std::string kDisclaimerSeen = R"({"disclaimer_seen": true})";

// Moves the pointer onto (px, py) and lets the window draw the hover, then taps: press and release
// back to back, as a touchpad tap or `xdotool click` sends them, with `modifier` ("ctrl", "shift")
// held when given.
void tap(const XSession &x, WindowApp &app, int px, int py, const std::string &modifier = "");

// The centre of the 3D view (the state's "view_area"), in window coordinates.
std::pair<int, int> viewCentre(const nlohmann::json &state);

} // namespace atlas::test
