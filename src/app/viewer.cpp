#include "app/viewer.h"

#include "core/log.h"
#include "render/gl.h"
#include "ui/panels.h"

#include <GLFW/glfw3.h>
#include <chrono>
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

void Viewer::prepareInterface() {
  ImGui::SetCurrentContext(imgui_);
  if (fontScale_ != settings_.scale) {
    // Font sizes are baked into the atlas: rebuild it (and the GL texture) when the scale changes.
    fonts_ = ui::loadFonts(settings_.scale);
    ui::applyStyle(settings_.scale);
    // Only the font texture: rebuilding every device object leaves ImGui 1.86's backend with new,
    // empty vertex buffers it believes are as large as before, so it draws no interface at all
    // (GL_INVALID_VALUE). The first frame creates the texture with the other objects.
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    if (fontScale_ != 0.0f)
      ImGui_ImplOpenGL3_CreateFontsTexture();
    fontScale_ = settings_.scale;
  }
  ImGui_ImplOpenGL3_NewFrame(); // creates the device objects (font texture, shader) when missing
}

void Viewer::beginUiFrame(int width, int height, float dt) {
  prepareInterface();
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
  ui::LoadingStatus status;
  if (loading_.active()) {
    status.file = loading_.path();
    status.fraction = loading_.progress();
    ctx.loading = &status;
  }
  ui::drawInterface(ctx, status_);
  if (ctx.requestCancelLoading)
    loading_.cancel();
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

void Viewer::openModel(const std::string &path) {
  if (loading_.active()) {
    status_ = "still opening " + loading_.path() + ": wait for it or cancel it first";
    return;
  }
  loading_.start(path, {/*content=*/false, /*motionDetail=*/true}); // knowledge base and article stay
  loadingStartup_ = false;
}

void Viewer::adoptLoading(ModelLoadJob job) {
  loading_ = std::move(job);
  loadingStartup_ = true;
}

void Viewer::installModel(LoadedModel loaded) {
  std::optional<MotionDetail> motion = std::move(loaded.motion);
  installLoadedModel(session_, std::move(loaded));
  if (motion) { // uploaded with the model
    motion->sceneGeneration = session_.sceneGeneration();
    pendingMotion_ = std::move(motion);
  }
}

void Viewer::pollLoading() {
  loadEvent_ = LoadEvent::None;
  std::optional<Result<LoadedModel>> done = loading_.takeIfDone();
  if (!done)
    return;
  if (!*done) {
    // Nothing is lost: the session still has the model it had.
    status_ = done->error();
    log::error(done->error());
    loadEvent_ = LoadEvent::Failed;
    return;
  }
  installModel(std::move(**done));
  sinceCameraMoved_ = 0.0f; // the first frames are coarse (and quick); the full one follows
  status_.clear();
  if (!loadingStartup_) // the start-up view waits for the command line's options
    session_.setStandardView(StandardView::Default, false);
  loadEvent_ = LoadEvent::Installed;
}

void Viewer::applyCommands() {
  for (const Command &command : commands_)
    if (const auto *open = std::get_if<OpenFileCommand>(&command)) {
      openModel(open->path); // on the worker: the window keeps drawing
    } else if (Result<bool> ok = session_.apply(command); !ok) {
      status_ = ok.error();
      log::error(ok.error());
    }
  commands_.clear();
}

namespace {

bool sameCamera(const Camera &a, const Camera &b) {
  return a.target == b.target && a.distance == b.distance && a.orientation == b.orientation &&
         a.fovY == b.fovY && a.sceneRadius == b.sceneRadius;
}

// A still image replaces the coarse one only after the camera has rested this long, so a slow drag
// (a mouse event now and then) is not interrupted by full-quality frames between the events.
constexpr float kRefineAfterSeconds = 0.15f;

} // namespace

bool Viewer::SceneKey::operator==(const SceneKey &o) const {
  return sameCamera(camera, o.camera) && width == o.width && height == o.height && area.x == o.area.x &&
         area.y == o.area.y && area.width == o.area.width && area.height == o.area.height && view == o.view &&
         generation == o.generation && backgroundTop == o.backgroundTop &&
         backgroundBottom == o.backgroundBottom;
}

void Viewer::prepareMotionDetail() {
  if (!gpu_.hasMotionDetail()) {
    if (!motionDetail_.running() || motionDetail_.startedGeneration() != uploadedGeneration_)
      motionDetail_.start(session_.scene(), uploadedGeneration_);
    if (std::optional<MotionDetail> detail = motionDetail_.wait();
        detail && detail->sceneGeneration == uploadedGeneration_)
      gpu_.uploadMotionDetail(*detail);
  }
}

void Viewer::takeMotionDetail() {
  if (std::optional<MotionDetail> detail = motionDetail_.takeIfReady();
      detail && detail->sceneGeneration == uploadedGeneration_ && !gpu_.hasMotionDetail())
    gpu_.uploadMotionDetail(*detail);
}

void Viewer::drawScene(int width, int height, GLuint destination, float dt) {
  const Session::ViewArea a = session_.viewArea();
  const glm::ivec4 viewRect(a.x, a.y, a.width, a.height);
  SceneKey key{session_.camera(),
               width,
               height,
               a,
               session_.view().fingerprint(),
               uploadedGeneration_,
               renderer_->background.top,
               renderer_->background.bottom};
  const bool cameraMoved = lastScene_ && !sameCamera(key.camera, lastScene_->camera);
  sinceCameraMoved_ = cameraMoved ? 0.0f : sinceCameraMoved_ + dt;
  const bool moving = cameraMoved || session_.animating() || sinceCameraMoved_ < kRefineAfterSeconds;
  if (moving && !gpu_.hasMotionDetail() && !motionDetail_.running())
    motionDetail_.start(session_.scene(), uploadedGeneration_); // first move: build in the background
  takeMotionDetail();

  // A multisampled destination (an older caller's own target) cannot take a blit from the image:
  // draw straight into it.
  GLint destinationSamples = 0;
  glGetIntegerv(GL_SAMPLE_BUFFERS, &destinationSamples);
  if (destinationSamples > 0 || !sceneBuffers_.ensure(width, height, sceneSamples_)) {
    glBindFramebuffer(GL_FRAMEBUFFER, destination);
    renderer_->draw(session_.scene(), gpu_, session_.view(), session_.camera(), width, height, viewRect,
                    moving);
    lastScene_.reset();
    lastSceneCoarse_ = false;
    lastSceneDraw_ = moving ? SceneDraw::Coarse : SceneDraw::Full;
    return;
  }
  const bool unchanged = lastScene_ && *lastScene_ == key;
  if (unchanged && (moving || !lastSceneCoarse_)) {
    lastSceneDraw_ = SceneDraw::Reused;
  } else if (moving) {
    sceneBuffers_.bindImage();
    renderer_->draw(session_.scene(), gpu_, session_.view(), session_.camera(), width, height, viewRect,
                    true);
    lastSceneCoarse_ = true;
    lastSceneDraw_ = SceneDraw::Coarse;
  } else {
    sceneBuffers_.bindMultisampled();
    renderer_->draw(session_.scene(), gpu_, session_.view(), session_.camera(), width, height, viewRect,
                    false);
    sceneBuffers_.resolve();
    lastSceneCoarse_ = false;
    lastSceneDraw_ = SceneDraw::Full;
  }
  lastScene_ = key;
  sceneBuffers_.copyImageTo(destination);
}

void Viewer::renderFrame(int width, int height, float dt, bool withUi) {
  using Clock = std::chrono::steady_clock;
  const auto ms = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
  };
  const Clock::time_point start = Clock::now();
  GLint destination = 0; // the caller's framebuffer: the window's, or a headless target
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &destination);
  session_.setViewport(width, height);
  pollLoading();
  session_.advance(dt);
  if (uploadedGeneration_ != session_.sceneGeneration()) {
    gpu_.upload(session_.scene());
    uploadedGeneration_ = session_.sceneGeneration();
    if (pendingMotion_ && pendingMotion_->sceneGeneration == uploadedGeneration_)
      gpu_.uploadMotionDetail(*pendingMotion_);
    pendingMotion_.reset();
  }
  if (withUi) {
    beginUiFrame(width, height, dt);
    buildInterface();
    if (window_)
      handleViewportInput(width, height);
  }
  if (!withUi)
    session_.setViewArea({});
  const Clock::time_point sceneStart = Clock::now();
  drawScene(width, height, static_cast<GLuint>(destination), dt);
  const Clock::time_point sceneEnd = Clock::now();
  Clock::time_point uiDrawStart = sceneEnd, uiDrawEnd = sceneEnd;
  if (withUi) {
    glViewport(0, 0, width, height);
    ImGui::Render();
    uiDrawStart = Clock::now();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    uiDrawEnd = Clock::now();
    applyCommands();
  }
  frameCost_.sceneSubmission = ms(sceneStart, sceneEnd);
  frameCost_.interfaceSubmission = ms(uiDrawStart, uiDrawEnd);
  frameCost_.application =
      ms(start, Clock::now()) - frameCost_.sceneSubmission - frameCost_.interfaceSubmission;
}

} // namespace atlas
