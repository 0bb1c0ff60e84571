// InputQueue: the window's input events in arrival order, handed to the interface a frame at a time.
//
// Dear ImGui 1.86 (Debian's) samples input once per frame: a key pressed and released within one
// frame is never seen down, and a click whose press and release arrive together (a touchpad tap,
// xdotool) relies on the backend's "just pressed" flag. Like the input queue of ImGui 1.87+, this
// queue gives each frame the events up to, not including, the second change of the same mouse
// button or key, so every press and every release is seen by the frame logic; the window keeps
// drawing frames while events wait here. Pure logic (no GLFW calls), so it is unit-tested.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <deque>
#include <vector>

namespace atlas {

struct InputEvent {
  enum class Kind { MouseButton, CursorPos, Scroll, Key, Char, Focus, CursorEnter };
  Kind kind = Kind::CursorPos;
  int code = 0;                           // mouse button, key, character (Char), or 0/1 (Focus, CursorEnter)
  bool down = false;                      // MouseButton and Key: pressed (or repeated) rather than released
  int scancode = 0, mods = 0, action = 0; // Key: as GLFW gives them, passed on unchanged
  double x = 0.0, y = 0.0;                // CursorPos: window coordinates; Scroll: offsets
  double time = 0.0;                      // seconds, when the event was collected (MouseButton)
  // The earliest it can have happened (set by push): the end of the collection before, when it was
  // found by a poll after a slow frame rather than delivered while the app waited.
  double earliest = 0.0;
};

class InputQueue {
public:
  static constexpr int kMouseButtons = 5;
  // Two presses of a button this close in time (when they arrived, not when a frame saw them: a slow
  // frame must not turn a double-click into two clicks) and in place make a double-click.
  static constexpr double kDoubleClickSeconds = 0.5; // the common desktop default
  static constexpr double kDoubleClickPixels = 6.0;

  // Around each glfwPollEvents / glfwWaitEvents: a poll finds what arrived at any time since the
  // last collection ended, a wait is handed each event as it arrives.
  void collecting(bool waiting) { collectingSince_ = waiting ? -1.0 : lastCollected_; }
  void collected(double now) { lastCollected_ = now; }
  void push(InputEvent event) {
    event.earliest = collectingSince_ >= 0.0 ? std::min(collectingSince_, event.time) : event.time;
    events_.push_back(event);
  }
  bool empty() const { return events_.empty(); }
  std::size_t size() const { return events_.size(); }

  // Removes and returns the events for the next frame, and updates the mouse state they leave.
  std::vector<InputEvent> takeFrame();

  // The mouse as of the events taken so far: buttons held, and the last cursor position (if any
  // arrived), so a press is seen where it happened even if the pointer has moved on since.
  bool mouseDown(int button) const {
    return button >= 0 && button < kMouseButtons && mouseDown_[static_cast<std::size_t>(button)];
  }
  // Whether the last takeFrame() gave the second press of a double-click of `button`.
  bool doubleClicked(int button) const {
    return button >= 0 && button < kMouseButtons && doubleClicked_[static_cast<std::size_t>(button)];
  }
  bool hasCursor() const { return hasCursor_; }
  double cursorX() const { return cursorX_; }
  double cursorY() const { return cursorY_; }

private:
  std::deque<InputEvent> events_;
  std::array<bool, kMouseButtons> mouseDown_{};
  std::array<bool, kMouseButtons> doubleClicked_{};
  std::array<double, kMouseButtons> lastPressTime_{-1e9, -1e9, -1e9, -1e9, -1e9};
  std::array<double, kMouseButtons> lastPressX_{}, lastPressY_{};
  double collectingSince_ = -1.0, lastCollected_ = 0.0;
  bool hasCursor_ = false;
  double cursorX_ = 0.0, cursorY_ = 0.0;
};

} // namespace atlas
