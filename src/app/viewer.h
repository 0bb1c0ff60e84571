// Viewer: puts a Session on screen — the renderer for the 3D view and the ImGui interface on top.
// Needs a current OpenGL 3.3 context (a window's or a headless one); owns the GPU copy of the model
// and re-uploads it when the session's model changes.
#pragma once

#include "render/gpu_scene.h"
#include "render/renderer.h"
#include "session/session.h"
#include "ui/fonts.h"
#include "ui/ui_settings.h"

#include <memory>
#include <string>

struct GLFWwindow;
struct ImGuiContext;

namespace atlas {

class Viewer {
public:
  // `window` is null for headless use: then ImGui runs without a platform backend.
  static Result<std::unique_ptr<Viewer>> create(Session &session, ui::UiSettings settings,
                                                GLFWwindow *window);
  ~Viewer();
  Viewer(const Viewer &) = delete;
  Viewer &operator=(const Viewer &) = delete;

  // Draws one frame into the bound framebuffer: the scene, then the interface unless `withUi` is
  // false. `dt` is the time since the previous frame (camera animation).
  void renderFrame(int width, int height, float dt, bool withUi);
  // Lets ImGui lay out auto-sized windows without drawing (headless screenshots need a settled UI).
  void settleInterface(int width, int height);

  ui::UiSettings &settings() { return settings_; }
  Session &session() { return session_; }
  void setStatus(const std::string &message) { status_ = message; }
  bool quitRequested() const { return quit_; }

private:
  Viewer(Session &session, ui::UiSettings settings) : session_(session), settings_(std::move(settings)) {}
  void beginUiFrame(int width, int height, float dt);
  void buildInterface();
  void handleViewportInput(int width, int height);
  void applyCommands();

  Session &session_;
  ui::UiSettings settings_;
  std::optional<Renderer> renderer_;
  GpuScene gpu_;
  std::uint64_t uploadedGeneration_ = 0;
  ImGuiContext *imgui_ = nullptr;
  GLFWwindow *window_ = nullptr;
  ui::FontSet fonts_;
  float fontScale_ = 0.0f;
  std::vector<Command> commands_;
  std::string status_;
  bool quit_ = false;
  int contextStructure_ = -1; // target of the right-click menu
};

} // namespace atlas
