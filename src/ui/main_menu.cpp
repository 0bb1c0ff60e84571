#include "ui/panels.h"

#include "ui/file_browser.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <imgui.h>

namespace atlas::ui {

namespace {
constexpr const char *kOpenPopup = "Open a model";
constexpr const char *kScreenshotPopup = "Save screenshot";
constexpr const char *kExportPopup = "Export article";
constexpr const char *kHandoutPopup = "Export handout";
constexpr const char *kQuizSetPopup = "Open a question set";

// The File menu's dialogs between frames: which one to open next, the folder being browsed (its
// entries read once per visit, not every frame), the recent-files search and the output paths.
struct FileDialogs {
  bool screenshotRequested = false, exportRequested = false, handoutRequested = false;
  bool quizSetRequested = false;
  std::string quizSetPath; // File > Open question set...: the path field, browsed like Open's
  std::string browsed;
  std::vector<FolderEntry> entries;
  std::string recentFilter;
  std::string screenshotPath, exportPath, handoutPath;
};
FileDialogs &dialogs() {
  static FileDialogs state;
  return state;
}

std::string homeFolder() {
  const char *home = std::getenv("HOME");
  return home && *home ? std::string(home) : std::string(".");
}

// The folder the Open dialog browses: the typed path's folder, or the home folder.
std::string folderOf(const std::string &typed) {
  const std::size_t slash = typed.rfind('/');
  if (slash == std::string::npos)
    return homeFolder() + "/";
  return typed.substr(0, slash + 1);
}

std::string timeStamp() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
  return stamp;
}

int completeCallback(ImGuiInputTextCallbackData *data) {
  if (data->EventFlag != ImGuiInputTextFlags_CallbackCompletion)
    return 0;
  const std::string typed(data->Buf, static_cast<std::size_t>(data->BufTextLen));
  const FileFilter wanted =
      data->UserData ? *static_cast<const FileFilter *>(data->UserData) : isModelFileName;
  const std::string completed = completePath(typed, wanted);
  if (completed != typed) {
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, completed.c_str());
  }
  return 0;
}

// A path field with a button; true when the user confirmed (Return or the button).
bool pathField(FrameContext &ctx, std::string &path, const char *button, const char *name, bool completion,
               const FileFilter *wanted = nullptr) {
  if (ImGui::IsWindowAppearing())
    ImGui::SetKeyboardFocusHere();
  char buffer[1024];
  std::snprintf(buffer, sizeof buffer, "%s", path.c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 32.0f);
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
  if (completion)
    flags |= ImGuiInputTextFlags_CallbackCompletion;
  const bool entered =
      ImGui::InputTextWithHint("##path", "/path/to/file", buffer, sizeof buffer, flags,
                               completion ? completeCallback : nullptr, const_cast<FileFilter *>(wanted));
  markItem(ctx, (std::string(name) + ".path").c_str());
  path = buffer;
  const bool pressed = ImGui::Button(button);
  markItem(ctx, (std::string(name) + ".ok").c_str());
  return (pressed || entered) && !path.empty();
}

// The folder of `path` and its entries (`wanted` files); a double-click on a file opens it with `open`.
template <typename Open> void drawFolderBrowser(std::string &path, FileFilter wanted, Open open) {
  FileDialogs &d = dialogs();
  const std::string folder = folderOf(path);
  if (folder != d.browsed || ImGui::IsWindowAppearing()) {
    d.browsed = folder;
    d.entries = listFolder(folder, wanted);
  }
  ImGui::TextDisabled("In %s", folder.c_str());
  ImGui::BeginChild("##entries",
                    ImVec2(ImGui::GetFontSize() * 32.0f, ImGui::GetTextLineHeightWithSpacing() * 8.0f), true);
  if (folder != "/" && ImGui::Selectable("../")) {
    std::filesystem::path up = std::filesystem::path(folder).parent_path().parent_path();
    path = up.string() == "/" ? "/" : up.string() + "/";
  }
  for (const FolderEntry &e : d.entries) {
    const std::string label = e.folder ? e.name + "/" : e.name;
    if (ImGui::Selectable(label.c_str(), folder + e.name == path, ImGuiSelectableFlags_AllowDoubleClick)) {
      path = folder + label; // a folder: enter it; a file: choose it
      if (!e.folder && ImGui::IsMouseDoubleClicked(0)) {
        open(path);
        ImGui::CloseCurrentPopup();
      }
    }
  }
  ImGui::EndChild();
}

void drawRecentFiles(FrameContext &ctx, bool inPopup) {
  FileDialogs &d = dialogs();
  char filter[256];
  std::snprintf(filter, sizeof filter, "%s", d.recentFilter.c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
  ImGui::InputTextWithHint("##recent_filter", "Search recent files", filter, sizeof filter);
  d.recentFilter = filter;
  for (const std::string &path : filterRecentFiles(ctx.settings.recentFiles, d.recentFilter)) {
    const std::string name = std::filesystem::path(path).filename().string();
    ImGui::PushID(path.c_str());
    if (ImGui::Selectable(name.c_str())) {
      ctx.commands.push_back(OpenFileCommand{path});
      if (inPopup)
        ImGui::CloseCurrentPopup();
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", path.c_str());
    ImGui::PopID();
  }
}

bool escapePressed() {
  return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
}

} // namespace

void drawOpenFilePopup(FrameContext &ctx) {
  FileDialogs &d = dialogs();
  if (ctx.settings.openFileRequested) {
    ImGui::OpenPopup(kOpenPopup);
    ctx.settings.openFileRequested = false;
  }
  if (d.screenshotRequested) {
    d.screenshotPath = homeFolder() +
                       (std::filesystem::is_directory(homeFolder() + "/Pictures") ? "/Pictures" : "") +
                       "/scalene-atlas-" + timeStamp() + ".png";
    ImGui::OpenPopup(kScreenshotPopup);
    d.screenshotRequested = false;
  }
  if (d.exportRequested) {
    const bool patient = ctx.reading && ctx.reading->patientMode;
    if (d.exportPath.empty() || d.exportPath.find("scalene-atlas-article") != std::string::npos)
      d.exportPath =
          homeFolder() + (patient ? "/scalene-atlas-article-patient.md" : "/scalene-atlas-article.md");
    ImGui::OpenPopup(kExportPopup);
    d.exportRequested = false;
  }
  if (d.handoutRequested) {
    const bool patient = ctx.reading && ctx.reading->patientMode;
    if (d.handoutPath.empty() || d.handoutPath.find("scalene-atlas-handout") != std::string::npos)
      d.handoutPath =
          homeFolder() + (patient ? "/scalene-atlas-handout-patient.pdf" : "/scalene-atlas-handout.pdf");
    ImGui::OpenPopup(kHandoutPopup);
    d.handoutRequested = false;
  }
  if (d.quizSetRequested) {
    if (d.quizSetPath.empty())
      d.quizSetPath = homeFolder() + "/";
    ImGui::OpenPopup(kQuizSetPopup);
    d.quizSetRequested = false;
  }
  const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
  ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal(kQuizSetPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    // A teacher's set (content/README.md, "Question sets"): checked like the bundled ones; a good one
    // becomes a deck under Quiz > Practice/Exam > Teacher sets, a bad one is reported with file:line.
    ImGui::TextUnformatted("A question set (.yaml). Tab completes the path.");
    static const FileFilter questionSets = isQuestionSetFileName;
    const bool open = pathField(ctx, d.quizSetPath, "Open", "quiz_set", true, &questionSets);
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escapePressed())
      ImGui::CloseCurrentPopup();
    else if (open) {
      ctx.commands.push_back(OpenQuizSetCommand{d.quizSetPath});
      ImGui::CloseCurrentPopup();
    }
    drawFolderBrowser(d.quizSetPath, isQuestionSetFileName,
                      [&ctx](const std::string &path) { ctx.commands.push_back(OpenQuizSetCommand{path}); });
    ImGui::EndPopup();
  }
  ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal(kOpenPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("glTF (.glb, .gltf), OBJ, STL or PLY. Tab completes the path.");
    ImGui::TextDisabled("You can also drop a file on the window.");
    const bool open = pathField(ctx, ctx.settings.openPath, "Open", "open", true);
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escapePressed())
      ImGui::CloseCurrentPopup();
    else if (open) {
      ctx.commands.push_back(OpenFileCommand{ctx.settings.openPath});
      ImGui::CloseCurrentPopup();
    }
    drawFolderBrowser(ctx.settings.openPath, isModelFileName,
                      [&ctx](const std::string &path) { ctx.commands.push_back(OpenFileCommand{path}); });
    if (!ctx.settings.recentFiles.empty()) {
      ImGui::Separator();
      ImGui::TextUnformatted("Recent");
      drawRecentFiles(ctx, true);
    }
    ImGui::EndPopup();
  }
  ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal(kScreenshotPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("A PNG of the window as it is now, panels included.");
    const bool save = pathField(ctx, d.screenshotPath, "Save", "screenshot", false);
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escapePressed())
      ImGui::CloseCurrentPopup();
    else if (save) {
      ctx.screenshotPath = d.screenshotPath;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal(kExportPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    const bool patient = ctx.reading && ctx.reading->patientMode;
    ImGui::TextUnformatted(patient ? "The article for patients as a Markdown handout."
                                   : "The article as a Markdown handout.");
    const bool save = pathField(ctx, d.exportPath, "Export", "export", false);
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escapePressed())
      ImGui::CloseCurrentPopup();
    else if (save) {
      ctx.exportArticlePath = d.exportPath;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal(kHandoutPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    const bool patient = ctx.reading && ctx.reading->patientMode;
    ImGui::TextUnformatted(patient
                               ? "A PDF for the patient: where the selected muscle is, what helps, when to "
                                 "see a doctor."
                               : "A PDF of the selected structure: pictures of its attachments and supply, "
                                 "the article's text, sources.");
    const bool save = pathField(ctx, d.handoutPath, "Export", "handout", false);
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escapePressed())
      ImGui::CloseCurrentPopup();
    else if (save) {
      ctx.exportHandoutPath = d.handoutPath;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

namespace {

// Settings > UI scale. The scale rebuilds the fonts, which moves the slider under the pointer: applied
// while dragging, a short drag fed on itself (1.25 ran to 3.00). The slider edits a pending value and
// the scale changes on release; the steps and presets change it at once.
constexpr float kMinScale = 0.75f, kMaxScale = 3.0f, kScaleStep = 0.25f;

void setScale(FrameContext &ctx, float scale) {
  scale = std::clamp(std::round(scale * 20.0f) / 20.0f, kMinScale, kMaxScale); // 0.05 steps
  if (scale == ctx.settings.scale)
    return;
  ctx.settings.scale = scale;
  ctx.requestScaleChange = true;
}

void drawScaleSettings(FrameContext &ctx) {
  ImGuiStorage *storage = ImGui::GetStateStorage();
  const ImGuiID pendingId = ImGui::GetID("ui_scale.pending");
  const float scale = ctx.settings.scale;
  ImGui::TextUnformatted("UI scale");
  if (ImGui::Button("-##ui_scale_down"))
    setScale(ctx, scale - kScaleStep);
  markItem(ctx, "settings.ui_scale_down");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Smaller (%.2f)", static_cast<double>(kScaleStep));
  ImGui::SameLine();
  float pending = storage->GetFloat(pendingId, scale);
  // Compact, so that the menu fits a 1280x720 window at the largest scale.
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
  ImGui::SliderFloat("##ui_scale", &pending, kMinScale, kMaxScale, "%.2f", ImGuiSliderFlags_AlwaysClamp);
  markItem(ctx, "settings.ui_scale");
  if (ImGui::IsItemDeactivatedAfterEdit())
    setScale(ctx, pending);
  // Only a slider in use keeps its own value; otherwise it shows the scale in use.
  storage->SetFloat(pendingId, ImGui::IsItemActive() ? pending : ctx.settings.scale);
  ImGui::SameLine();
  if (ImGui::Button("+##ui_scale_up"))
    setScale(ctx, scale + kScaleStep);
  markItem(ctx, "settings.ui_scale_up");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Larger (%.2f)", static_cast<double>(kScaleStep));
  const std::pair<float, const char *> presets[] = {
      {1.0f, "Laptop"}, {1.5f, "Projector"}, {2.0f, "Large room"}};
  for (const auto &[value, what] : presets) {
    char label[32];
    std::snprintf(label, sizeof label, "%.1f##ui_scale_preset", static_cast<double>(value));
    ImGui::PushID(what);
    if (presets[0].first != value)
      ImGui::SameLine();
    if (ImGui::Button(label))
      setScale(ctx, value);
    ImGui::PopID();
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", what);
  }
}

} // namespace

void drawMainMenu(FrameContext &ctx) {
  if (!ImGui::BeginMainMenuBar())
    return;
  const bool fileMenu = ImGui::BeginMenu("File");
  if (!fileMenu)
    markItem(ctx, "menu.file"); // the menu's title (only while closed: open, the popup is last)
  if (fileMenu) {
    if (ImGui::MenuItem("Open...", "Ctrl+O", false, ctx.loading == nullptr))
      ctx.settings.openFileRequested = true;
    if (ImGui::BeginMenu("Open recent", !ctx.settings.recentFiles.empty() && ctx.loading == nullptr)) {
      drawRecentFiles(ctx, false);
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Open question set..."))
      dialogs().quizSetRequested = true;
    markItem(ctx, "file.open_question_set");
    ImGui::Separator();
    if (ImGui::MenuItem("Save screenshot..."))
      dialogs().screenshotRequested = true;
    markItem(ctx, "file.save_screenshot");
    if (ImGui::MenuItem("Export article...", nullptr, false, ctx.session.article != nullptr))
      dialogs().exportRequested = true;
    markItem(ctx, "file.export_article");
    if (ImGui::MenuItem("Export handout...", nullptr, false, ctx.session.article != nullptr))
      dialogs().handoutRequested = true;
    markItem(ctx, "file.export_handout");
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q"))
      ctx.requestQuit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    const std::pair<StandardView, const char *> views[] = {
        {StandardView::Anterior, "1"}, {StandardView::Posterior, "2"}, {StandardView::Left, "3"},
        {StandardView::Right, "4"},    {StandardView::Superior, "5"},  {StandardView::Inferior, "6"},
        {StandardView::Default, "0"}};
    for (const auto &[view, key] : views) {
      std::string label = standardViewName(view);
      label[0] = static_cast<char>(std::toupper(label[0]));
      if (ImGui::MenuItem(label.c_str(), key))
        ctx.commands.push_back(SetViewCommand{view});
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Frame selection", "F"))
      ctx.commands.push_back(FrameSelectionCommand{});
    if (ImGui::MenuItem("Show all", "A"))
      ctx.commands.push_back(ShowAllCommand{});
    bool article = ctx.session.sourceMode() == SourceMode::Article;
    if (ImGui::MenuItem("Standard anatomy", "S", !article))
      ctx.commands.push_back(SetSourceCommand{false});
    if (ImGui::MenuItem("As stated in the article", "S", article))
      ctx.commands.push_back(SetSourceCommand{true});
    ImGui::Separator();
    bool labels = ctx.session.view().labels;
    if (ImGui::MenuItem("Labels", "L", &labels))
      ctx.commands.push_back(SetLabelsCommand{labels});
    bool landmarks = ctx.session.landmarksShown();
    if (ImGui::MenuItem("Bony landmarks", nullptr, &landmarks))
      ctx.commands.push_back(SetLandmarksShownCommand{landmarks});
    markItem(ctx, "view.landmarks");
    bool attachments = ctx.session.view().showAllAttachments;
    if (ImGui::MenuItem("All attachment sites", nullptr, &attachments))
      ctx.commands.push_back(SetAttachmentsShownCommand{attachments});
    bool focus = ctx.session.view().focus;
    if (ImGui::MenuItem("Dim the rest when selecting", nullptr, &focus))
      ctx.commands.push_back(SetFocusCommand{focus});
    ImGui::Separator();
    ImGui::MenuItem("Structures panel", nullptr, &ctx.settings.showStructures);
    ImGui::MenuItem("Info panel", nullptr, &ctx.settings.showInfo);
    if (ImGui::MenuItem("Sources", nullptr, ctx.session.sourcesView.open))
      ctx.commands.push_back(ShowSourceCommand{"", !ctx.session.sourcesView.open});
    if (ImGui::MenuItem("Teaching entries", nullptr, ctx.session.teachingView.open))
      ctx.commands.push_back(ShowTeachingCommand{"", !ctx.session.teachingView.open});
    markItem(ctx, "view.teaching");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Settings")) {
    drawScaleSettings(ctx);
    ImGui::EndMenu();
  } else {
    markItem(ctx, "menu.settings"); // the menu's title (only while closed: open, the popup is last)
  }
  drawReadingMenu(ctx);
  drawQuizMenu(ctx);
  drawLessonMenu(ctx);
  if (ImGui::BeginMenu("Help")) {
    ImGui::MenuItem("Keyboard and mouse", "F1", &ctx.settings.showHelp);
    ImGui::EndMenu();
  }
  ctx.layout.menuHeight = ImGui::GetWindowSize().y;
  ImGui::EndMainMenuBar();
}

} // namespace atlas::ui
