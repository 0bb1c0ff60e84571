#include "app/input_queue.h"

#include <GLFW/glfw3.h>
#include <algorithm>

namespace atlas {
namespace {

bool isModifierKey(int key) {
  return key >= GLFW_KEY_LEFT_SHIFT && key <= GLFW_KEY_RIGHT_SUPER;
}

} // namespace

std::vector<InputEvent> InputQueue::takeFrame() {
  std::vector<InputEvent> frame;
  std::vector<int> changedButtons, changedKeys;
  doubleClicked_.fill(false);
  const auto seen = [](const std::vector<int> &codes, int code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
  };
  while (!events_.empty()) {
    const InputEvent &e = events_.front();
    if (e.kind == InputEvent::Kind::MouseButton) {
      if (seen(changedButtons, e.code))
        break; // its second change goes to the next frame, so the first one is seen
      changedButtons.push_back(e.code);
      if (e.code >= 0 && e.code < kMouseButtons) {
        const auto b = static_cast<std::size_t>(e.code);
        mouseDown_[b] = e.down;
        if (e.down) {
          const double dx = cursorX_ - lastPressX_[b], dy = cursorY_ - lastPressY_[b];
          // Found late by a poll after a slow frame, the press may have come as early as the last
          // collection: the pair is a double-click if it can have been one.
          doubleClicked_[b] = e.earliest - lastPressTime_[b] <= kDoubleClickSeconds &&
                              dx * dx + dy * dy <= kDoubleClickPixels * kDoubleClickPixels;
          // A third press starts a new pair rather than making another double-click.
          lastPressTime_[b] = doubleClicked_[b] ? -1e9 : e.time;
          lastPressX_[b] = cursorX_;
          lastPressY_[b] = cursorY_;
        }
      }
    } else if (e.kind == InputEvent::Kind::Key) {
      if (seen(changedKeys, e.code))
        break;
      // A modifier changing after another key or a button changed waits too: xdotool's Ctrl+Q sends
      // Ctrl down, Q down, Ctrl up, Q up, and Q must be seen with Ctrl still held.
      if (isModifierKey(e.code) &&
          (!changedButtons.empty() ||
           std::any_of(changedKeys.begin(), changedKeys.end(), [](int k) { return !isModifierKey(k); })))
        break;
      changedKeys.push_back(e.code);
    } else if (e.kind == InputEvent::Kind::CursorPos) {
      // A move after a button changed in this frame waits, so the press or release is seen where it
      // happened (a press, a move and a release in one frame would otherwise be a drag).
      if (!changedButtons.empty())
        break;
      hasCursor_ = true;
      cursorX_ = e.x;
      cursorY_ = e.y;
    }
    frame.push_back(e);
    events_.pop_front();
  }
  return frame;
}

} // namespace atlas
