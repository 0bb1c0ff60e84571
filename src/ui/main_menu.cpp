#include "ui/panels.h"

#include <imgui.h>

namespace atlas::ui {

void drawMainMenu(FrameContext &ctx) {
  if (!ImGui::BeginMainMenuBar())
    return;
  if (ImGui::BeginMenu("File")) {
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
