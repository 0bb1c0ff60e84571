// The window's input queue: every press and every release reaches a frame of its own, in order, so
// a tap, a quick key chord or a double-click is never lost between two frames (Dear ImGui 1.86
// samples input once per frame).
#include "app/input_queue.h"

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

using namespace atlas;

namespace {

InputEvent button(int b, bool down) {
  return InputEvent{InputEvent::Kind::MouseButton, b, down};
}
InputEvent key(int k, bool down) {
  return InputEvent{InputEvent::Kind::Key, k, down, 0, 0, down ? GLFW_PRESS : GLFW_RELEASE};
}
// A press of the first button, collected at `time` (seconds).
InputEvent press(double time) {
  InputEvent e = button(0, true);
  e.time = time;
  return e;
}
InputEvent cursor(double x, double y) {
  InputEvent e{InputEvent::Kind::CursorPos};
  e.x = x;
  e.y = y;
  return e;
}

} // namespace

TEST_CASE("a tap's press and release reach two frames, at the place of the tap", "[input]") {
  InputQueue queue;
  queue.push(cursor(100, 50));
  queue.push(button(0, true));
  queue.push(button(0, false));
  queue.push(cursor(300, 200)); // the pointer moves on before the next frame

  std::vector<InputEvent> first = queue.takeFrame();
  REQUIRE(first.size() == 2);
  CHECK(queue.mouseDown(0));
  CHECK(queue.cursorX() == 100);
  CHECK(queue.cursorY() == 50);

  std::vector<InputEvent> second = queue.takeFrame();
  REQUIRE(second.size() == 1);
  CHECK(second[0].kind == InputEvent::Kind::MouseButton);
  CHECK_FALSE(queue.mouseDown(0));
  CHECK(queue.cursorX() == 100); // released where it was pressed: a click, not a drag

  std::vector<InputEvent> third = queue.takeFrame();
  REQUIRE(third.size() == 1);
  CHECK(queue.cursorX() == 300);
  CHECK(queue.empty());
  CHECK(queue.takeFrame().empty());
}

TEST_CASE("a quick double-click gives four frames: down, up, down, up", "[input]") {
  InputQueue queue;
  for (int i = 0; i < 2; ++i) {
    queue.push(button(0, true));
    queue.push(button(0, false));
  }
  std::vector<bool> seen;
  while (!queue.empty()) {
    queue.takeFrame();
    seen.push_back(queue.mouseDown(0));
  }
  CHECK(seen == std::vector<bool>{true, false, true, false});
}

TEST_CASE("a double-click is told by when the presses arrived, however late frames take them", "[input]") {
  InputQueue queue;
  queue.push(cursor(100, 100));
  queue.push(press(10.0));
  queue.push(button(0, false));
  queue.push(press(10.28)); // 0.28 s later, as a person double-clicks
  queue.push(button(0, false));
  queue.takeFrame();
  CHECK_FALSE(queue.doubleClicked(0));
  queue.takeFrame();
  queue.takeFrame();
  CHECK(queue.doubleClicked(0)); // the frame that takes the second press
  queue.takeFrame();
  CHECK_FALSE(queue.doubleClicked(0));

  queue.push(press(20.0));
  queue.push(button(0, false));
  queue.push(press(20.6)); // too slow: two clicks
  while (!queue.empty()) {
    queue.takeFrame();
    CHECK_FALSE(queue.doubleClicked(0));
  }
  queue.push(press(30.0));
  queue.push(button(0, false));
  queue.push(cursor(130, 100)); // moved 30 px: two clicks
  queue.push(press(30.2));
  while (!queue.empty()) {
    queue.takeFrame();
    CHECK_FALSE(queue.doubleClicked(0));
  }
}

TEST_CASE("a second press found late by a poll after a slow frame still makes a double-click", "[input]") {
  InputQueue queue;
  queue.push(cursor(100, 100));
  queue.push(press(10.0)); // collected at once (the app was waiting for input)
  queue.collected(10.0);
  queue.push(button(0, false));
  // The click's frame takes a second (software rendering, sanitizers); the next poll finds the
  // second press stamped 11.0, though it may have come any time after 10.1.
  queue.collected(10.1);
  queue.collecting(false);
  queue.push(press(11.0));
  queue.push(button(0, false));
  queue.collected(11.0);
  bool doubled = false;
  while (!queue.empty()) {
    queue.takeFrame();
    doubled = doubled || queue.doubleClicked(0);
  }
  CHECK(doubled);

  // While the app waited for input, events are stamped as they come: 0.8 s apart is two clicks.
  queue.collecting(true);
  queue.push(press(20.0));
  queue.push(button(0, false));
  queue.collected(20.0);
  queue.collecting(true);
  queue.push(press(20.8));
  queue.push(button(0, false));
  queue.collected(20.8);
  while (!queue.empty()) {
    queue.takeFrame();
    CHECK_FALSE(queue.doubleClicked(0));
  }
  // A poll after a slow frame that ended long after the first press: two clicks still.
  queue.collecting(true);
  queue.push(press(30.0));
  queue.push(button(0, false));
  queue.collected(30.9);
  queue.collecting(false);
  queue.push(press(31.5));
  while (!queue.empty()) {
    queue.takeFrame();
    CHECK_FALSE(queue.doubleClicked(0));
  }
}

TEST_CASE("a tapped Ctrl+Q keeps Ctrl down in the frame that sees Q", "[input]") {
  InputQueue queue;
  queue.push(key(GLFW_KEY_LEFT_CONTROL, true));
  queue.push(key(GLFW_KEY_Q, true));
  queue.push(key(GLFW_KEY_Q, false));
  queue.push(key(GLFW_KEY_LEFT_CONTROL, false));

  std::vector<InputEvent> first = queue.takeFrame();
  REQUIRE(first.size() == 2); // Ctrl and Q down together
  CHECK(first[0].code == GLFW_KEY_LEFT_CONTROL);
  CHECK(first[1].code == GLFW_KEY_Q);
  CHECK(first[1].down);
  std::vector<InputEvent> second = queue.takeFrame();
  REQUIRE(second.size() == 1); // Q's release, seen with Ctrl still held, as it happened
  CHECK(second[0].code == GLFW_KEY_Q);
  CHECK_FALSE(second[0].down);
  std::vector<InputEvent> third = queue.takeFrame();
  REQUIRE(third.size() == 1);
  CHECK(third[0].code == GLFW_KEY_LEFT_CONTROL);
  CHECK(queue.empty());
}

TEST_CASE("Ctrl released before Q (as xdotool sends a chord) is still down when Q is seen", "[input]") {
  InputQueue queue;
  queue.push(key(GLFW_KEY_LEFT_CONTROL, true));
  queue.push(key(GLFW_KEY_Q, true));
  queue.push(key(GLFW_KEY_LEFT_CONTROL, false));
  queue.push(key(GLFW_KEY_Q, false));
  std::vector<InputEvent> first = queue.takeFrame();
  REQUIRE(first.size() == 2);
  CHECK(first[0].down);
  CHECK(first[1].down);
  CHECK(queue.takeFrame().size() == 2);
}

TEST_CASE("a Ctrl-click keeps Ctrl down in the frame that sees the press", "[input]") {
  InputQueue queue;
  queue.push(key(GLFW_KEY_LEFT_CONTROL, true));
  queue.push(button(0, true));
  queue.push(key(GLFW_KEY_LEFT_CONTROL, false));
  queue.push(button(0, false));
  CHECK(queue.takeFrame().size() == 2); // Ctrl and the press; Ctrl's release waits
  CHECK(queue.mouseDown(0));
  std::vector<InputEvent> second = queue.takeFrame();
  REQUIRE(second.size() == 2); // the release came after Ctrl's: it is seen without Ctrl, as it was
  CHECK(second[0].kind == InputEvent::Kind::Key);
  CHECK_FALSE(queue.mouseDown(0));
}

TEST_CASE("typed text and scrolling are not held back by key changes", "[input]") {
  InputQueue queue;
  queue.push(key(GLFW_KEY_A, true));
  queue.push(InputEvent{InputEvent::Kind::Char, 'a'});
  InputEvent scroll{InputEvent::Kind::Scroll};
  scroll.y = 1.0;
  queue.push(scroll);
  queue.push(scroll);
  queue.push(key(GLFW_KEY_A, false));
  std::vector<InputEvent> first = queue.takeFrame();
  CHECK(first.size() == 4); // press, its character, both wheel steps
  CHECK(queue.size() == 1);
}

TEST_CASE("buttons other than the first are tracked separately", "[input]") {
  InputQueue queue;
  queue.push(button(1, true));
  queue.push(button(0, true));
  queue.push(button(1, false));
  std::vector<InputEvent> first = queue.takeFrame();
  CHECK(first.size() == 2);
  CHECK(queue.mouseDown(0));
  CHECK(queue.mouseDown(1));
  queue.takeFrame();
  CHECK_FALSE(queue.mouseDown(1));
  CHECK(queue.mouseDown(0));
  CHECK_FALSE(queue.mouseDown(7)); // out of range: never down
}
