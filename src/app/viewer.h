// Viewer: puts a Session on screen — the renderer for the 3D view and the ImGui interface on top.
// Needs a current OpenGL 3.3 context (a window's or a headless one); owns the GPU copy of the model
// and re-uploads it when the session's model changes.
#pragma once

#include "app/input_queue.h"
#include "app/viewer_font_texture.h"
#include "render/gpu_scene.h"
#include "render/renderer.h"
#include "render/scene_buffers.h"
#include "scene/level_of_detail.h"
#include "session/model_load_job.h"
#include "session/session.h"
#include "ui/fonts.h"
#include "ui/ui_settings.h"

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
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
  // Builds the fonts and the interface's GL objects now rather than in the first frame, so that work
  // can overlap the model's loading.
  void prepareInterface();
  // Lets ImGui lay out auto-sized windows without drawing (headless screenshots need a settled UI).
  void settleInterface(int width, int height);

  // Samples per pixel of still frames (0 turns multisampling off); frames drawn while the camera
  // moves use none, and the coarse meshes once they are built.
  void setSceneSamples(int samples) { sceneSamples_ = samples; }
  // True while the last image of the model is a coarse one that a still frame will replace: the
  // window keeps drawing until then.
  bool refining() const { return lastSceneCoarse_; }
  // The next frame draws the model again even if nothing changed (benchmarks).
  void invalidateSceneImage() { lastScene_.reset(); }
  // Builds the coarse meshes now and waits for them (benchmarks; the window builds them on the
  // first move, in the background).
  void prepareMotionDetail();
  // What the last frame did with the model: drew it in full, drew it coarse, or reused the image.
  enum class SceneDraw { Full, Coarse, Reused };
  SceneDraw lastSceneDraw() const { return lastSceneDraw_; }
  // Wall time of the last frame's parts, ms: the application's own work (frame logic, building the
  // interface, commands) and the two parts that hand work to OpenGL (the model and the interface's
  // draw lists; on a software renderer the driver's vertex work runs inside these calls).
  struct FrameCost {
    double application = 0.0, sceneSubmission = 0.0, interfaceSubmission = 0.0;
  };
  const FrameCost &lastFrameCost() const { return frameCost_; }

  // Opening a model without blocking: a worker loads it while frames keep coming, and the interface
  // shows progress and Cancel. When it is done the model replaces the session's; on failure or
  // cancel the session keeps what it had and the status bar says why.
  void openModel(const std::string &path); // File > Open, a dropped file
  void adoptLoading(ModelLoadJob job);     // the start-up load begun by main()
  // Puts a loaded model into the session, and its coarse meshes beside the GPU copy.
  void installModel(LoadedModel loaded);
  bool loading() const { return loading_.active(); }
  // What the last frame's check of the load found.
  enum class LoadEvent { None, Installed, Failed };
  LoadEvent lastLoadEvent() const { return loadEvent_; }

  // Window input waits here until a frame takes it (see InputQueue); the window's callbacks push.
  InputQueue &input() { return input_; }
  // True when the last frame showed what the one before it showed and changed nothing: no command,
  // no new image of the model, the same interface. Until then the window keeps drawing, so the
  // result of a click or a key is on screen without waiting for the next event.
  bool settled() const { return settled_; }
  // Collect, for --window-state, the names of visible windows and the rectangles of named controls.
  void setRecordPresentation(bool record) { recordPresentation_ = record; }
  // The session's state plus what the last frame showed: "interface": {"windows", "items",
  // "selected"} (the selection the panels were built with).
  nlohmann::json presentedStateJson() const;
  // Where the last frame's interface put the 3D view, panels, legend and labels (null without one).
  const nlohmann::json &screenLayout() const { return screenLayout_; }

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
  void drawScene(int width, int height, GLuint destination, float dt);
  void takeMotionDetail();
  void pollLoading();
  void exportArticle(const std::string &path); // File > Export article
  // File > Export handout: after the frame is drawn, the pictures offscreen, then the PDF; the
  // window's framebuffer is bound again afterwards.
  void exportHandoutNow(int width, int height, GLuint framebuffer);
  std::string handoutPath_;
  bool handoutOfLesson_ = false; // the handout asked for is of the open lesson
  void takeScreenshot(int width, int height,
                      GLuint framebuffer); // File > Save screenshot: the frame just drawn

  Session &session_;
  ui::UiSettings settings_;
  std::optional<Renderer> renderer_;
  GpuScene gpu_;
  std::uint64_t uploadedGeneration_ = 0;
  std::uint64_t uploadedSkin_ = ~std::uint64_t{0}; // FunctionAnimation::skinGeneration() of the GPU's blends
  ImGuiContext *imgui_ = nullptr;
  GLFWwindow *window_ = nullptr;
  ui::FontSet fonts_;
  FontTexture fontTexture_; // the glyphs, uploaded when the scale changes
  float fontScale_ = 0.0f;
  std::vector<Command> commands_;
  std::string status_;
  std::string errorMessage_;   // shown over the 3D view until the user dismisses it
  std::string screenshotPath_; // File > Save screenshot, taken screenshotFrames_ frames later
  int screenshotFrames_ = 0;
  bool quit_ = false;
  int contextStructure_ = -1;       // target of the right-click menu
  bool doubleClickRelease_ = false; // the next left release ends a double-click on the 3D view

  InputQueue input_;
  void takeFrameInput();
  bool settled_ = false;
  std::uint64_t interfaceHash_ = 0; // the last frame's ImGui draw lists, hashed
  bool recordPresentation_ = false;
  std::map<std::string, glm::vec4> itemRects_;
  std::vector<std::string> visibleWindows_;
  nlohmann::json screenLayout_; // the last frame's, for --state ("layout")
  int interfaceSelection_ = -1; // the selection the last frame's panels were built with

  // Everything the image of the model depends on; equal keys mean the kept image is still right.
  struct SceneKey {
    Camera camera;
    int width = 0, height = 0;
    Session::ViewArea area;
    std::uint64_t view = 0, generation = 0;
    std::uint64_t pose = 0; // the animated function's pose (issue 14)
    glm::vec3 backgroundTop{0.0f}, backgroundBottom{0.0f};
    bool operator==(const SceneKey &o) const;
  };
  ModelLoadJob loading_;
  bool loadingStartup_ = false; // the start-up load: the window applies the command line after it
  LoadEvent loadEvent_ = LoadEvent::None;
  std::optional<MotionDetail> pendingMotion_; // built by the load's worker, uploaded with the model

  SceneBuffers sceneBuffers_;
  MotionDetailBuilder motionDetail_;
  int sceneSamples_ = 4;
  std::optional<SceneKey> lastScene_;
  bool lastSceneCoarse_ = false;
  SceneDraw lastSceneDraw_ = SceneDraw::Full;
  float sinceCameraMoved_ = 1.0e9f; // seconds
  FrameCost frameCost_;
};

} // namespace atlas
