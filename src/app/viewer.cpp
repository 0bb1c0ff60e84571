#include "app/viewer.h"

#include "core/log.h"
#include "render/gl.h"
#include "ui/panels.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace atlas {

Result<std::unique_ptr<Viewer>> Viewer::create(Session &session, ui::UiSettings settings,
                                               GLFWwindow *window) {
  std::unique_ptr<Viewer> v(new Viewer(session, std::move(settings)));
  Result<Renderer> renderer = Renderer::create();
  if (!renderer)
    return Error{renderer.error()};
  v->renderer_.emplace(std::move(*renderer));
  v->window_ = window;
  IMGUI_CHECKVERSION();
  v->imgui_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(v->imgui_);
  ImGuiIO &io = ImGui::GetIO();
  io.IniFilename = nullptr; // layout is fixed; never litter the working directory with imgui.ini
  if (window)
    ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  return v;
}

Viewer::~Viewer() {
  if (!imgui_)
    return;
  ImGui::SetCurrentContext(imgui_);
  ImGui_ImplOpenGL3_Shutdown();
  if (window_)
    ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext(imgui_);
}

void Viewer::beginUiFrame(int width, int height, float dt) {
  ImGui::SetCurrentContext(imgui_);
  if (fontScale_ != settings_.scale) {
    // Font sizes are baked into the atlas: rebuild it (and the GL texture) when the scale changes.
    fonts_ = ui::loadFonts(settings_.scale);
    ui::applyStyle(settings_.scale);
    ImGui_ImplOpenGL3_DestroyDeviceObjects();
    fontScale_ = settings_.scale;
  }
  ImGui_ImplOpenGL3_NewFrame();
  if (window_) {
    ImGui_ImplGlfw_NewFrame();
  } else {
    ImGuiIO &io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DeltaTime = dt > 0.0f ? dt : 1.0f / 60.0f;
  }
  ImGui::NewFrame();
}

void Viewer::buildInterface() {
  ui::FrameContext ctx{session_, settings_, fonts_, commands_, ui::Layout{}};
  ctx.contextStructure = contextStructure_;
  ctx.reading = &session_.articleView;
  ui::drawInterface(ctx, status_);
  // The 3D view fills the space between the panels, so the model is centred where it can be seen.
  const glm::vec4 area = ui::sceneArea(ctx);
  const ImGuiIO &io = ImGui::GetIO();
  const float sx = static_cast<float>(session_.viewportWidth()) / std::max(io.DisplaySize.x, 1.0f);
  const float sy = static_cast<float>(session_.viewportHeight()) / std::max(io.DisplaySize.y, 1.0f);
  session_.setViewArea({static_cast<int>(area.x * sx), static_cast<int>(area.y * sy),
                        static_cast<int>(area.z * sx), static_cast<int>(area.w * sy)});
  if (ctx.requestQuit)
    quit_ = true;
}

void Viewer::settleInterface(int width, int height) {
  session_.setViewport(width, height);
  beginUiFrame(width, height, 1.0f / 60.0f);
  buildInterface();
  ImGui::EndFrame();
  commands_.clear();
}

void Viewer::applyCommands() {
  for (const Command &command : commands_)
    if (Result<bool> ok = session_.apply(command); !ok) {
      status_ = ok.error();
      log::error(ok.error());
    }
  commands_.clear();
}

void Viewer::renderFrame(int width, int height, float dt, bool withUi) {
  session_.setViewport(width, height);
  session_.advance(dt);
  if (uploadedGeneration_ != session_.sceneGeneration()) {
    gpu_.upload(session_.scene());
    uploadedGeneration_ = session_.sceneGeneration();
  }
  if (withUi) {
    beginUiFrame(width, height, dt);
    buildInterface();
    if (window_)
      handleViewportInput(width, height);
  }
  if (!withUi)
    session_.setViewArea({});
  const Session::ViewArea a = session_.viewArea();
  renderer_->draw(session_.scene(), gpu_, session_.view(), session_.camera(), width, height,
                  glm::ivec4(a.x, a.y, a.width, a.height));
  if (withUi) {
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    applyCommands();
  }
}

} // namespace atlas
