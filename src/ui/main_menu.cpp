#include "ui/panels.h"

#include <cstdio>
#include <imgui.h>

namespace atlas::ui {

namespace {
constexpr const char *kOpenPopup = "Open a model";
} // namespace

void drawOpenFilePopup(FrameContext &ctx) {
  if (ctx.settings.openFileRequested) {
    ImGui::OpenPopup(kOpenPopup);
    ctx.settings.openFileRequested = false;
  }
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(kOpenPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize))
    return;
  ImGui::TextUnformatted("glTF (.glb, .gltf), OBJ, STL, PLY, FBX, DAE and other mesh files.");
  ImGui::TextDisabled("You can also drop a file on the window.");
  if (ImGui::IsWindowAppearing())
    ImGui::SetKeyboardFocusHere();
  char path[1024];
  std::snprintf(path, sizeof path, "%s", ctx.settings.openPath.c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 32.0f);
  const bool entered = ImGui::InputTextWithHint("##path", "/path/to/model.glb", path, sizeof path,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  ctx.settings.openPath = path; // kept between openings, like a file dialog's last folder
  if ((ImGui::Button("Open") || entered) && !ctx.settings.openPath.empty()) {
    ctx.commands.push_back(OpenFileCommand{ctx.settings.openPath});
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void drawMainMenu(FrameContext &ctx) {
  if (!ImGui::BeginMainMenuBar())
    return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open...", "Ctrl+O", false, ctx.loading == nullptr))
      ctx.settings.openFileRequested = true;
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
    bool attachments = ctx.session.view().showAllAttachments;
    if (ImGui::MenuItem("All attachment sites", nullptr, &attachments))
      ctx.commands.push_back(SetAttachmentsShownCommand{attachments});
    bool focus = ctx.session.view().focus;
    if (ImGui::MenuItem("Dim the rest when selecting", nullptr, &focus))
      ctx.commands.push_back(SetFocusCommand{focus});
    ImGui::Separator();
    ImGui::MenuItem("Structures panel", nullptr, &ctx.settings.showStructures);
    ImGui::MenuItem("Info panel", nullptr, &ctx.settings.showInfo);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Settings")) {
    float scale = ctx.settings.scale;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    if (ImGui::SliderFloat("UI scale", &scale, 0.75f, 3.0f, "%.2f")) {
      ctx.settings.scale = scale;
      ctx.requestScaleChange = true;
    }
    ImGui::EndMenu();
  }
  drawReadingMenu(ctx);
  if (ImGui::BeginMenu("Help")) {
    ImGui::MenuItem("Keyboard and mouse", "F1", &ctx.settings.showHelp);
    ImGui::EndMenu();
  }
  ctx.layout.menuHeight = ImGui::GetWindowSize().y;
  ImGui::EndMainMenuBar();
}

} // namespace atlas::ui
