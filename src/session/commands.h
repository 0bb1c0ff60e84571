// Command: what the UI panels and the input handlers ask the Session to do. Panels never change the
// session directly; they return commands, so every action also works from the command line and tests.
#pragma once

#include "scene/camera.h"
#include "scene/view_state.h"

#include <string>
#include <variant>

namespace atlas {

struct SelectCommand {
  std::string id; // empty clears the selection
  bool frame = false;
};
struct SetViewCommand {
  StandardView view = StandardView::Default;
};
struct FrameSelectionCommand {};
struct SetVisibilityCommand {
  std::string id;
  Visibility visibility = Visibility::Visible;
};
struct SetSystemVisibilityCommand {
  System system = System::Other;
  Visibility visibility = Visibility::Visible;
};
struct IsolateCommand {
  std::string id;
};
struct ShowAllCommand {};
struct SetFocusCommand {
  bool focus = true;
};
struct OpenFileCommand {
  std::string path;
};

using Command = std::variant<SelectCommand, SetViewCommand, FrameSelectionCommand, SetVisibilityCommand,
                             SetSystemVisibilityCommand, IsolateCommand, ShowAllCommand, SetFocusCommand,
                             OpenFileCommand>;

} // namespace atlas
