#include "app/viewer.h"

#include "app/viewer_handout.h"
#include "content/article_markdown.h"
#include "core/log.h"
#include "io/atomic_file.h"
#include "io/png.h"
#include "render/gl.h"
#include "ui/file_browser.h"
#include "ui/panels.h"

#include <GLFW/glfw3.h>
#include <cfloat>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h> // the list of windows a frame drew, for --window-state
#include <utility>

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
  // The backend's callbacks are not installed: the window's input goes through the InputQueue
  // (run_window.cpp pushes, beginUiFrame hands it to the backend a frame at a time).
  if (window)
    ImGui_ImplGlfw_InitForOpenGL(window, false);
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
  const bool newScale = fontScale_ != settings_.scale;
  if (newScale) {
    // Font sizes are baked into the atlas: rebuild it when the scale changes.
    fonts_ = ui::loadFonts(settings_.scale);
    ui::applyStyle(settings_.scale);
    fontScale_ = settings_.scale;
  }
  // The first call creates the backend's device objects, its own RGBA font texture among them.
  ImGui_ImplOpenGL3_NewFrame();
  if (newScale)
    fontTexture_.upload(*ImGui::GetIO().Fonts);
}

void Viewer::takeFrameInput() {
  for (const InputEvent &e : input_.takeFrame()) {
    switch (e.kind) {
    case InputEvent::Kind::Key:
      ImGui_ImplGlfw_KeyCallback(window_, e.code, e.scancode, e.action, e.mods);
      break;
    case InputEvent::Kind::Char:
      ImGui_ImplGlfw_CharCallback(window_, static_cast<unsigned>(e.code));
      break;
    case InputEvent::Kind::Scroll:
      ImGui_ImplGlfw_ScrollCallback(window_, e.x, e.y);
      break;
    case InputEvent::Kind::Focus:
      ImGui_ImplGlfw_WindowFocusCallback(window_, e.code);
      break;
    case InputEvent::Kind::CursorEnter:
      ImGui_ImplGlfw_CursorEnterCallback(window_, e.code);
      break;
    case InputEvent::Kind::MouseButton: // the queue keeps the buttons' state; applied below
      break;
    case InputEvent::Kind::CursorPos:
      break;
    }
  }
}

void Viewer::beginUiFrame(int width, int height, float dt) {
  prepareInterface();
  if (window_) {
    takeFrameInput();
    ImGui_ImplGlfw_NewFrame();
    // The backend reads the buttons and the pointer as they are now; the frame must see them as the
    // events it was given left them (a tap's press in one frame, its release in the next).
    ImGuiIO &io = ImGui::GetIO();
    for (int b = 0; b < InputQueue::kMouseButtons; ++b)
      io.MouseDown[b] = input_.mouseDown(b);
    if (input_.hasCursor() && io.MousePos.x > -FLT_MAX * 0.5f)
      io.MousePos = ImVec2(static_cast<float>(input_.cursorX()), static_cast<float>(input_.cursorY()));
  } else {
    ImGuiIO &io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DeltaTime = dt > 0.0f ? dt : 1.0f / 60.0f;
  }
  ImGui::NewFrame();
  // Double-clicks by when the presses arrived (InputQueue), not by when frames saw them. This ImGui
  // answers IsMouseDoubleClicked() from the click count, so that is what must say two.
  ImGuiIO &io = ImGui::GetIO();
  if (window_)
    for (int b = 0; b < InputQueue::kMouseButtons; ++b)
      if (input_.doubleClicked(b) && io.MouseClicked[b]) {
        io.MouseDoubleClicked[b] = true;
        io.MouseClickedCount[b] = std::max<ImU16>(io.MouseClickedCount[b], 2);
      }
}

namespace {
// Where the interface put its parts this frame, as --state reports them ("layout"): rectangles
// [x, y, w, h] in interface pixels (the image's pixels in headless runs).
nlohmann::json screenLayoutJson(const ui::Layout &layout, const glm::vec4 &view) {
  const auto rect = [](const glm::vec4 &r) { return nlohmann::json::array({r.x, r.y, r.z, r.w}); };
  nlohmann::json panels = nlohmann::json::array(), labels = nlohmann::json::array();
  for (const ui::Layout::Named &p : layout.panels)
    panels.push_back({{"name", p.name}, {"rect", rect(p.rect)}});
  for (const ui::Layout::Named &l : layout.labels)
    labels.push_back({{"id", l.name}, {"text", l.text}, {"rect", rect(l.rect)}});
  return {{"view", rect(view)},
          {"panels", panels},
          {"legend", layout.legend ? rect(*layout.legend) : nlohmann::json()},
          {"toolbar", layout.toolbar ? rect(*layout.toolbar) : nlohmann::json()},
          {"labels", labels},
          {"labels_hidden", layout.labelsHidden},
          {"more", layout.more ? rect(*layout.more) : nlohmann::json()},
          {"presentation_text", layout.presentationText ? rect(*layout.presentationText) : nlohmann::json()},
          {"presentation_text_px", layout.presentationTextPx}};
}
} // namespace

void Viewer::buildInterface() {
  ui::FrameContext ctx{session_, settings_, fonts_, commands_, ui::Layout{}};
  ctx.contextStructure = contextStructure_;
  interfaceSelection_ = session_.selected();
  itemRects_.clear();
  if (recordPresentation_)
    ctx.itemRects = &itemRects_;
  ctx.reading = &session_.articleView;
  ctx.sources = &session_.sourcesView;
  ui::LoadingStatus status;
  if (loading_.active()) {
    status.file = loading_.path();
    status.fraction = loading_.progress();
    ctx.loading = &status;
  }
  ctx.errorMessage = &errorMessage_;
  ctx.viewMoving =
      sinceCameraMoved_ == 0.0f || session_.animating() || session_.functionAnimation().playing();
  ui::drawInterface(ctx, status_);
  if (ctx.requestCancelLoading)
    loading_.cancel();
  if (!ctx.exportArticlePath.empty())
    exportArticle(ctx.exportArticlePath);
  if (!ctx.exportHandoutPath.empty()) {
    handoutPath_ = ctx.exportHandoutPath;
    handoutOfLesson_ = ctx.exportHandoutOfLesson;
  }
  if (!ctx.screenshotPath.empty()) { // taken once the dialog has gone from the screen
    screenshotPath_ = ctx.screenshotPath;
    screenshotFrames_ = 2;
  }
  // The 3D view fills the space between the panels, so the model is centred where it can be seen.
  const glm::vec4 area = ui::sceneArea(ctx);
  const ImGuiIO &io = ImGui::GetIO();
  const float sx = static_cast<float>(session_.viewportWidth()) / std::max(io.DisplaySize.x, 1.0f);
  const float sy = static_cast<float>(session_.viewportHeight()) / std::max(io.DisplaySize.y, 1.0f);
  session_.setViewArea({static_cast<int>(area.x * sx), static_cast<int>(area.y * sy),
                        static_cast<int>(area.z * sx), static_cast<int>(area.w * sy)});
  screenLayout_ = screenLayoutJson(ctx.layout, area);
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

void Viewer::exportArticle(const std::string &path) {
  // The same Markdown as --export-article; the patient version when the reader has it on.
  if (!session_.article) {
    errorMessage_ = "The article is not loaded, so there is nothing to export.";
    return;
  }
  const bool patient = session_.articleView.patientMode;
  if (Result<void> written = writeFileAtomically(
          path, content::articleMarkdown(*session_.article, patient, session_.teaching.get(),
                                         &session_.knowledge().bibliography()));
      !written) {
    log::error(written.error());
    errorMessage_ = written.error();
    status_ = "Could not export the article";
  } else {
    status_ = std::string(patient ? "Article for patients" : "Article") + " exported to " + path;
  }
}

void Viewer::exportHandoutNow(int width, int height, GLuint framebuffer) {
  const std::string path = std::exchange(handoutPath_, std::string());
  const bool patient = session_.articleView.patientMode;
  Result<void> written = exportHandout(*this, session_, patient, path, handoutOfLesson_);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
  glViewport(0, 0, width, height);
  session_.setViewport(width, height);
  settled_ = false; // the model is drawn again for the window
  if (!written) {
    log::error(written.error());
    errorMessage_ = written.error();
    status_ = "Could not export the handout";
  } else {
    status_ = std::string(patient ? "Handout for patients" : "Handout") + " exported to " + path;
  }
}

void Viewer::takeScreenshot(int width, int height, GLuint framebuffer) {
  // The window's back buffer, interface included, before it is swapped to the screen.
  Image image;
  image.width = width;
  image.height = height;
  image.rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  std::vector<std::uint8_t> rows(image.rgba.size());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
  const std::size_t stride = static_cast<std::size_t>(width) * 4;
  for (int y = 0; y < height; ++y) // GL's rows run bottom to top
    std::memcpy(image.rgba.data() + static_cast<std::size_t>(y) * stride,
                rows.data() + static_cast<std::size_t>(height - 1 - y) * stride, stride);
  for (std::size_t i = 3; i < image.rgba.size(); i += 4)
    image.rgba[i] = 255;
  if (Result<void> written = writePng(image, screenshotPath_); !written) {
    log::error(written.error());
    errorMessage_ = written.error();
    status_ = "Could not save the screenshot";
  } else {
    status_ = "Screenshot saved to " + screenshotPath_;
  }
  screenshotPath_.clear();
}

void Viewer::openModel(const std::string &path) {
  if (ui::isQuestionSetFileName(path)) { // a .yaml dropped on the window: a lesson
    commands_.push_back(OpenLessonCommand{path});
    return;
  }
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
    // Nothing is lost: the session still has the model it had. The full message goes where the
    // user is looking (a box over the 3D view); the status bar keeps a short line.
    const std::string &why = done->error();
    log::error(why); // first: the window's log sink puts it on the status bar, shortened below
    const std::string name = std::filesystem::path(loading_.path()).filename().string();
    const std::string cancelled = kLoadCancelled;
    if (why.size() >= cancelled.size() &&
        why.compare(why.size() - cancelled.size(), cancelled.size(), cancelled) == 0) {
      status_ = "Opening " + name + " was cancelled"; // the user asked for it: no box to dismiss
    } else {
      errorMessage_ = why;
      status_ = "Could not open " + name;
    }
    loadEvent_ = LoadEvent::Failed;
    return;
  }
  installModel(std::move(**done));
  if (!loadingStartup_) // opened from the window: File > Open recent offers it next time
    ui::addRecentFile(settings_.recentFiles,
                      std::filesystem::absolute(loading_.path()).lexically_normal().string());
  sinceCameraMoved_ = 0.0f; // the first frames are coarse (and quick); the full one follows
  status_.clear();
  errorMessage_.clear();
  if (!loadingStartup_) // the start-up view waits for the command line's options
    session_.setStandardView(StandardView::Default, false);
  loadEvent_ = LoadEvent::Installed;
}

void Viewer::applyCommands() {
  for (const Command &command : commands_)
    if (const auto *open = std::get_if<OpenFileCommand>(&command)) {
      openModel(open->path); // on the worker: the window keeps drawing
    } else if (Result<void> ok = session_.apply(command); !ok) {
      status_ = ok.error();
      log::error(ok.error());
      // A lesson that cannot be opened or saved is said in a box (file:line), not only on the status bar.
      if (std::holds_alternative<OpenLessonCommand>(command) ||
          std::holds_alternative<SaveLessonCommand>(command))
        errorMessage_ = ok.error();
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

// A hash of everything the interface's draw lists would put on screen: equal hashes on two frames
// mean the second showed nothing new.
std::uint64_t hashDrawData(const ImDrawData *data) {
  std::uint64_t h = 1469598103934665603ull;
  const auto mix = [&h](const void *bytes, std::size_t size) {
    const auto *p = static_cast<const unsigned char *>(bytes);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      h = (h ^ word) * 1099511628211ull;
      h ^= h >> 29;
    }
    for (; i < size; ++i)
      h = (h ^ p[i]) * 1099511628211ull;
  };
  if (!data)
    return h;
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList *list = data->CmdLists[l];
    mix(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    mix(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd &cmd : list->CmdBuffer) {
      mix(&cmd.ClipRect, sizeof cmd.ClipRect);
      mix(&cmd.TextureId, sizeof cmd.TextureId);
      mix(&cmd.ElemCount, sizeof cmd.ElemCount);
      mix(&cmd.IdxOffset, sizeof cmd.IdxOffset);
    }
  }
  return h;
}

} // namespace

nlohmann::json Viewer::presentedStateJson() const {
  nlohmann::json state = session_.stateJson();
  nlohmann::json items = nlohmann::json::object();
  for (const auto &[name, r] : itemRects_)
    items[name] = {r.x, r.y, r.z, r.w};
  const auto &structures = session_.scene().structures();
  const bool known =
      interfaceSelection_ >= 0 && static_cast<std::size_t>(interfaceSelection_) < structures.size();
  state["layout"] = screenLayout_;
  state["interface"] = {
      {"windows", visibleWindows_},
      {"items", items},
      {"ui_scale", settings_.scale},
      {"status", status_},
      {"message", errorMessage_},
      {"selected", known ? nlohmann::json(structures[static_cast<std::size_t>(interfaceSelection_)].id)
                         : nlohmann::json()}};
  return state;
}

bool Viewer::SceneKey::operator==(const SceneKey &o) const {
  // Structured bindings name every field: a field added to SceneKey and not compared here is a
  // compile error ("wrong number of structured bindings"), not a stale picture on screen.
  const auto &[aCamera, aWidth, aHeight, aArea, aView, aGeneration, aPose, aTop, aBottom] = *this;
  const auto &[bCamera, bWidth, bHeight, bArea, bView, bGeneration, bPose, bTop, bBottom] = o;
  return sameCamera(aCamera, bCamera) && aWidth == bWidth && aHeight == bHeight && aArea.x == bArea.x &&
         aArea.y == bArea.y && aArea.width == bArea.width && aArea.height == bArea.height && aView == bView &&
         aGeneration == bGeneration && aPose == bPose && aTop == bTop && aBottom == bBottom;
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
               session_.functionAnimation().poseGeneration(),
               renderer_->background.top,
               renderer_->background.bottom};
  const bool cameraMoved = lastScene_ && !sameCamera(key.camera, lastScene_->camera);
  sinceCameraMoved_ = cameraMoved ? 0.0f : sinceCameraMoved_ + dt;
  // A playing function counts as moving: coarse meshes until it pauses (issue 14).
  const bool moving = cameraMoved || session_.animating() || session_.functionAnimation().playing() ||
                      sinceCameraMoved_ < kRefineAfterSeconds;
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
                    moving, session_.functionAnimation().skinnedDraw());
    lastScene_.reset();
    lastSceneCoarse_ = false;
    lastSceneDraw_ = moving ? SceneDraw::Coarse : SceneDraw::Full;
    return;
  }
  const bool unchanged = lastScene_ && *lastScene_ == key;
  if (unchanged && (moving || !lastSceneCoarse_)) {
    lastSceneDraw_ = SceneDraw::Reused;
  } else if (moving && sceneBuffers_.bindImage()) { // (no memory for its depth: drawn as a still frame)
    renderer_->draw(session_.scene(), gpu_, session_.view(), session_.camera(), width, height, viewRect, true,
                    session_.functionAnimation().skinnedDraw());
    lastSceneCoarse_ = true;
    lastSceneDraw_ = SceneDraw::Coarse;
  } else {
    sceneBuffers_.bindMultisampled();
    renderer_->draw(session_.scene(), gpu_, session_.view(), session_.camera(), width, height, viewRect,
                    false, session_.functionAnimation().skinnedDraw());
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
    uploadedSkin_ = ~std::uint64_t{0}; // the new model's vertices have no blends on the GPU yet
  }
  // Issue 14: the soft tissues' bone blends, once per skin (a posed function's skin is always the
  // current model's); the vertex shader poses the model.
  const FunctionAnimation &function = session_.functionAnimation();
  if (function.skinnedDraw() && function.skin() && uploadedSkin_ != function.skinGeneration()) {
    gpu_.uploadSkin(*function.skin());
    uploadedSkin_ = function.skinGeneration();
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
  // Input that arrived while the model was drawn is queued with its time now, not after the frame:
  // a slow frame must not stretch the time between a double-click's presses past the limit.
  if (window_) {
    input_.collecting(false);
    glfwPollEvents();
    input_.collected(glfwGetTime());
  }
  const Clock::time_point sceneEnd = Clock::now();
  Clock::time_point uiDrawStart = sceneEnd, uiDrawEnd = sceneEnd;
  if (withUi) {
    glViewport(0, 0, width, height);
    ImGui::Render();
    uiDrawStart = Clock::now();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    uiDrawEnd = Clock::now();
    if (!screenshotPath_.empty() && --screenshotFrames_ <= 0)
      takeScreenshot(width, height, static_cast<GLuint>(destination));
    const std::uint64_t interfaceHash = hashDrawData(ImGui::GetDrawData());
    settled_ = interfaceHash == interfaceHash_ && lastSceneDraw_ == SceneDraw::Reused && commands_.empty() &&
               session_.selected() == interfaceSelection_ && input_.empty() &&
               !settings_.openFileRequested && // Ctrl+O: the popup opens on the next frame
               screenshotPath_.empty();
    // A window that appeared this frame is measured while hidden (auto-size) and drawn in the next:
    // the frame is not the settled one yet.
    for (const ImGuiWindow *w : GImGui->Windows)
      if (w->Active && (w->HiddenFramesCannotSkipItems > 0 || w->HiddenFramesCanSkipItems > 0))
        settled_ = false;
    interfaceHash_ = interfaceHash;
    if (recordPresentation_) {
      visibleWindows_.clear();
      for (const ImGuiWindow *w : GImGui->Windows)
        if (w->Active && !w->Hidden && std::strncmp(w->Name, "Debug##", 7) != 0)
          visibleWindows_.emplace_back(w->Name);
    }
    applyCommands();
    if (!handoutPath_.empty())
      exportHandoutNow(width, height, static_cast<GLuint>(destination));
  } else {
    settled_ = lastSceneDraw_ == SceneDraw::Reused;
  }
  frameCost_.sceneSubmission = ms(sceneStart, sceneEnd);
  frameCost_.interfaceSubmission = ms(uiDrawStart, uiDrawEnd);
  frameCost_.application =
      ms(start, Clock::now()) - frameCost_.sceneSubmission - frameCost_.interfaceSubmission;
}

} // namespace atlas
