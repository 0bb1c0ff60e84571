// Mouse and keyboard on the 3D view (window mode): orbit, pan, zoom, click to select, double-click
// to frame, hover names, and the keyboard shortcuts listed in the Help panel. ImGui already collects
// the input; we act on it only when the pointer or keyboard is not busy with a panel.
#include "app/viewer.h"

#include <GLFW/glfw3.h>
#include <algorithm>
#include <imgui.h>
#include <imgui_internal.h> // ClosePopupToLevel: Esc closes a menu from outside it

namespace atlas {

void Viewer::handleViewportInput(int width, int height) {
  ImGuiIO &io = ImGui::GetIO();
  // Window coordinates differ from framebuffer pixels on high-DPI screens.
  const float sx = io.DisplaySize.x > 0 ? static_cast<float>(width) / io.DisplaySize.x : 1.0f;
  const float sy = io.DisplaySize.y > 0 ? static_cast<float>(height) / io.DisplaySize.y : 1.0f;
  const ImVec2 mouse = io.MousePos;
  Camera &camera = session_.camera();

  if (!io.WantCaptureMouse) {
    const bool shift = io.KeyShift;
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f) && !shift) {
      const float speed = 3.5f / std::max(io.DisplaySize.y, 1.0f);
      camera.orbit(-io.MouseDelta.x * speed, -io.MouseDelta.y * speed);
    } else if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 3.0f) ||
               ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 3.0f) ||
               (shift && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f))) {
      camera.pan(io.MouseDelta.x / std::max(io.DisplaySize.y, 1.0f),
                 io.MouseDelta.y / std::max(io.DisplaySize.y, 1.0f));
    }
    if (io.MouseWheel != 0.0f) {
      // Toward the point under the cursor, which stays there; toward the centre over empty space.
      const float factor = std::pow(0.88f, io.MouseWheel);
      if (const auto point = session_.pointAt(mouse.x * sx, mouse.y * sy))
        camera.zoomToward(factor, *point);
      else
        camera.zoom(factor);
    }
    const bool released = ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    const ImVec2 drag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
      // The first click of the pair has selected (or cleared) already; picking again would find
      // whatever the opening Info panel has shifted under the pointer since, so frame that one.
      if (session_.selected() >= 0)
        session_.frameSelection(true);
      // Its release is not a click of its own: by then the camera is turning to the selection, and
      // a click there would pick whatever has moved under the pointer (or clear the selection).
      doubleClickRelease_ = true;
    } else if (released && doubleClickRelease_) {
      doubleClickRelease_ = false;
    } else if (released && !io.MouseDownOwned[ImGuiMouseButton_Left] && // a press that closed a menu
               drag.x * drag.x + drag.y * drag.y < 16.0f) {             // is the interface's: no click
      // Ctrl toggles the part in or out of the selection; Shift (a click, not a pan) adds it.
      const SelectMode mode = io.KeyCtrl    ? SelectMode::Toggle
                              : io.KeyShift ? SelectMode::Add
                                            : SelectMode::Replace;
      if (!session_.quizTakesClicks())
        session_.clickAt(mouse.x * sx, mouse.y * sy, mode);
      else if (const auto hit = session_.structureAt(mouse.x * sx, mouse.y * sy))
        // A quiz question waits for a click: the part under the pointer is the answer, not a selection.
        commands_.push_back(
            QuizPickCommand{session_.scene().structures()[static_cast<std::size_t>(*hit)].id});
    }
    const ImVec2 rightDrag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Right, 0.0f);
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Right) && !io.MouseDownOwned[ImGuiMouseButton_Right] &&
        rightDrag.x * rightDrag.x + rightDrag.y * rightDrag.y < 16.0f) {
      if (auto hit = session_.structureAt(mouse.x * sx, mouse.y * sy)) {
        contextStructure_ = *hit;
        ImGui::OpenPopup("structure-menu");
      }
    }
    if (!ImGui::IsAnyMouseDown() && ImGui::IsMousePosValid() && !session_.quizHidesNames()) {
      if (auto hovered = session_.structureAt(mouse.x * sx, mouse.y * sy))
        ImGui::SetTooltip(
            "%s", session_.scene().structures()[static_cast<std::size_t>(*hovered)].displayName().c_str());
    }
  }

  if (io.WantCaptureKeyboard)
    return;
  // Presentation mode: the keys a presentation clicker sends step through the lesson, Esc leaves;
  // nothing else, so a stray key never changes what the class sees.
  auto anyPressed = [](std::initializer_list<int> keys) {
    return std::any_of(keys.begin(), keys.end(), [](int key) { return ImGui::IsKeyPressed(key, true); });
  };
  if (session_.presenting()) {
    if (anyPressed({GLFW_KEY_RIGHT, GLFW_KEY_DOWN, GLFW_KEY_PAGE_DOWN, GLFW_KEY_SPACE, GLFW_KEY_N}))
      commands_.push_back(StepLessonCommand{+1});
    if (anyPressed({GLFW_KEY_LEFT, GLFW_KEY_UP, GLFW_KEY_PAGE_UP, GLFW_KEY_BACKSPACE, GLFW_KEY_P}))
      commands_.push_back(StepLessonCommand{-1});
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false) || ImGui::IsKeyPressed(GLFW_KEY_F5, false))
      commands_.push_back(PresentCommand{false});
    return;
  }
  if (session_.lesson()) { // a lesson open: F5 presents it, Page Up/Down step through it
    if (ImGui::IsKeyPressed(GLFW_KEY_F5, false) && !session_.lesson()->steps.empty())
      commands_.push_back(PresentCommand{true});
    if (anyPressed({GLFW_KEY_PAGE_DOWN}))
      commands_.push_back(StepLessonCommand{+1});
    if (anyPressed({GLFW_KEY_PAGE_UP}))
      commands_.push_back(StepLessonCommand{-1});
  }
  if (session_.functionAnimation().active()) { // the function's player: space plays or pauses, , and . step
    if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false))
      commands_.push_back(PlayFunctionCommand{!session_.functionAnimation().playing()});
    if (anyPressed({GLFW_KEY_COMMA}))
      commands_.push_back(StepFunctionCommand{-1});
    if (anyPressed({GLFW_KEY_PERIOD}))
      commands_.push_back(StepFunctionCommand{1});
  }
  const std::pair<int, StandardView> viewKeys[] = {
      {GLFW_KEY_1, StandardView::Anterior}, {GLFW_KEY_2, StandardView::Posterior},
      {GLFW_KEY_3, StandardView::Left},     {GLFW_KEY_4, StandardView::Right},
      {GLFW_KEY_5, StandardView::Superior}, {GLFW_KEY_6, StandardView::Inferior},
      {GLFW_KEY_0, StandardView::Default},  {GLFW_KEY_HOME, StandardView::Default}};
  for (const auto &[key, view] : viewKeys)
    if (ImGui::IsKeyPressed(key, false))
      commands_.push_back(SetViewCommand{view});
  const int selected = session_.selected();
  const std::string selectedId =
      selected >= 0 ? session_.scene().structures()[static_cast<std::size_t>(selected)].id : std::string();
  if (ImGui::IsKeyPressed(GLFW_KEY_F, false))
    commands_.push_back(FrameSelectionCommand{});
  if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
    // Esc closes an open menu and nothing more; with none open it clears the selection.
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
      ImGui::ClosePopupToLevel(0, true);
    else
      commands_.push_back(SelectCommand{});
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_A, false) && !io.KeyCtrl)
    commands_.push_back(ShowAllCommand{});
  if (!selectedId.empty()) { // every selected part, when several are
    if (ImGui::IsKeyPressed(GLFW_KEY_H, false))
      commands_.push_back(SetSelectionVisibilityCommand{Visibility::Hidden});
    if (ImGui::IsKeyPressed(GLFW_KEY_G, false))
      commands_.push_back(SetSelectionVisibilityCommand{Visibility::Ghosted});
    if (ImGui::IsKeyPressed(GLFW_KEY_I, false))
      commands_.push_back(IsolateSelectionCommand{});
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_S, false))
    commands_.push_back(SetSourceCommand{session_.sourceMode() != SourceMode::Article});
  if (ImGui::IsKeyPressed(GLFW_KEY_L, false))
    commands_.push_back(SetLabelsCommand{!session_.view().labels});
  if (ImGui::IsKeyPressed(GLFW_KEY_F1, false))
    settings_.showHelp = !settings_.showHelp;
  if (ImGui::IsKeyPressed(GLFW_KEY_P, false) && !io.KeyCtrl) // the side panels to thin rails, and back
    settings_.panelsCollapsed = !settings_.panelsCollapsed;
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false))
    quit_ = true;
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O, false) && !loading_.active())
    settings_.openFileRequested = true;
}

} // namespace atlas
