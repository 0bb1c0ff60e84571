// The functions panel: the six key functions of scalenus posterior from the article, each with its
// description and a button that shows it on the model — the muscle selected and the parts it moves
// lit up beside it. A static depiction: the motion itself is for a later version.
#include "ui/panels.h"

#include "content/article.h"
#include "content/article_view.h"
#include "ui/text_flow.h"

#include <algorithm>
#include <imgui.h>

namespace atlas::ui {
namespace {

std::string nameOf(const Session &session, const std::string &id) {
  const Structure *s = session.scene().find(id);
  return s ? s->displayName() : id;
}

} // namespace

bool drawFunctionsPanel(FrameContext &ctx) {
  if (!ctx.reading || ctx.reading->panel != content::ReadingPanel::Functions)
    return false;
  content::ArticleView &view = *ctx.reading;
  const Session &session = ctx.session;
  const content::ArticleSection *section =
      session.article ? session.article->findSection("functions") : nullptr;

  placeRightPanel(ctx, 30.0f, 0.4f);
  bool open = true;
  if (!ImGui::Begin("Functions", &open, kRightPanelFlags)) {
    ImGui::End();
    return true;
  }
  if (!open)
    view.panel = content::ReadingPanel::None;
  if (!section) {
    ImGui::TextWrapped("The article's functions section is not loaded (content/article/03_functions.yaml).");
    ImGui::End();
    return true;
  }
  const bool patient = view.patientMode;
  flowParagraph(section->introFor(patient), 0.0f,
                ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x, session);
  ImGui::Checkbox("Reading for patients", &view.patientMode);

  const std::string selectedId =
      session.selected() >= 0 ? session.scene().structures()[static_cast<std::size_t>(session.selected())].id
                              : "";
  const std::string muscle = content::functionOnModel(content::ArticleItem{}, selectedId).muscle;
  const bool haveMuscle = session.scene().indexOf(muscle) >= 0;
  ImGui::Separator();

  ImGui::BeginChild("functions");
  int number = 0;
  for (const content::ArticleItem &item : section->items) {
    ++number;
    ImGui::PushID(item.id.c_str());
    const bool shown = view.shownFunction == item.id && selectedId == muscle;
    ImGui::PushFont(ctx.fonts.heading);
    if (shown)
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.35f, 0.85f, 0.75f, 1.0f));
    ImGui::Text("%d. %s", number, content::plainText(item.term).c_str());
    if (shown)
      ImGui::PopStyleColor();
    ImGui::PopFont();
    const float right = ImGui::GetCursorScreenPos().x +
                        std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 30.0f);
    const std::string clicked = flowParagraph(patient ? item.patient : item.text, 0.0f, right, session);
    for (const content::SourceNote &note : item.notes) {
      const ImU32 color = IM_COL32(240, 200, 130, 255);
      std::vector<Word> words;
      appendWords(words, patient ? "Where books differ:" : "Where the sources differ:", "", ctx.fonts.bold,
                  color, "");
      appendWords(words, " " + note.text, "", ctx.fonts.body, color, "");
      flowWords(words, ImGui::GetFontSize(), right, session);
    }
    if (!clicked.empty())
      ctx.commands.push_back(SelectCommand{clicked, /*frame=*/true});

    const std::vector<std::string> parts = content::functionOnModel(item, selectedId).parts;
    if (!haveMuscle)
      ImGui::BeginDisabled();
    if (ImGui::Button(shown ? "Shown on the model" : "Show on model")) {
      ctx.commands.push_back(ShowPartsCommand{muscle, parts, /*frame=*/true, /*cleanView=*/true});
      view.shownFunction = item.id;
    }
    if (!haveMuscle) {
      ImGui::EndDisabled();
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("The loaded model has no %s", muscle.c_str());
    }
    if (shown) {
      // The static depiction: what lights up, named, with what the model lacks said plainly.
      std::string lit = nameOf(session, muscle) + " (selected)";
      for (const std::string &id : parts)
        lit += ", " + (session.scene().indexOf(id) >= 0 ? nameOf(session, id) : id + " (not in this model)");
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextDisabled("On the model: %s. A still picture; the movement itself comes later.", lit.c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.6f));
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::End();
  return true;
}

} // namespace atlas::ui
