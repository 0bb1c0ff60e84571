// The Sources panel: every work of the bibliography (content/bibliography), grouped by kind, each as
// one full citation, with a search box. ShowSourceCommand opens it scrolled to one work, which it
// highlights; a short cite under a claim in the Info panel (or a note in the article) leads here.
#include "ui/panels.h"

#include "content/bibliography.h"

#include <algorithm>
#include <cctype>
#include <imgui.h>

namespace atlas::ui {
namespace {

const ImVec4 kFocusColor(1.0f, 0.85f, 0.35f, 1.0f);

std::string lowered(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool matches(const content::Work &work, const std::string &search) {
  if (search.empty())
    return true;
  return lowered(content::fullCite(work) + " " + work.id).find(lowered(search)) != std::string::npos;
}

// ImGui::InputText into a std::string without imgui_stdlib: a fixed buffer is plenty for a search.
void searchBox(std::string &search) {
  char buffer[128] = {};
  search.copy(buffer, sizeof(buffer) - 1);
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::InputTextWithHint("##sources-search", "Search authors, titles, journals...", buffer,
                               sizeof(buffer)))
    search = buffer;
}

void drawWork(const content::Work &work, Session::SourcesView &view) {
  const bool focused = work.id == view.focused;
  ImGui::PushID(work.id.c_str());
  if (focused) {
    ImGui::PushStyleColor(ImGuiCol_Text, kFocusColor);
    if (view.scrollToFocus) {
      ImGui::SetScrollHereY(0.2f);
      view.scrollToFocus = false;
    }
  }
  ImGui::Bullet();
  ImGui::SameLine();
  ImGui::TextWrapped("%s", content::fullCite(work).c_str());
  if (focused)
    ImGui::PopStyleColor();
  if (ImGui::IsItemClicked())
    view.focused = work.id;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("id: %s (%s:%d)", work.id.c_str(), work.file.c_str(), work.line);
  ImGui::PopID();
}

} // namespace

bool drawSourcesPanel(FrameContext &ctx) {
  if (!ctx.sources || !ctx.sources->open)
    return false;
  Session::SourcesView &view = *ctx.sources;
  const content::Bibliography &bib = ctx.session.knowledge().bibliography();
  placeRightPanel(ctx, 28.0f, 0.38f);
  bool open = true;
  const bool shown = ImGui::Begin("Sources", &open, kRightPanelFlags);
  if (!open)
    ctx.commands.push_back(ShowSourceCommand{"", false});
  if (!shown) {
    ImGui::End();
    return true;
  }
  ImGui::TextWrapped("Every work the anatomy and the clinical notes cite, with its full details.");
  searchBox(view.search);
  markItem(ctx, "sources.search");
  ImGui::Separator();
  ImGui::BeginChild("sources-body");
  std::size_t listed = 0;
  for (const std::string &kind : content::workKinds()) {
    std::vector<const content::Work *> group;
    for (const content::Work &w : bib.works)
      if (w.kind == kind && matches(w, view.search))
        group.push_back(&w);
    if (group.empty())
      continue;
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(content::workKindLabel(kind).c_str());
    ImGui::PopFont();
    for (const content::Work *w : group)
      drawWork(*w, view);
    ImGui::Spacing();
    listed += group.size();
  }
  if (bib.works.empty())
    ImGui::TextDisabled("No bibliography is loaded (content/bibliography).");
  else if (listed == 0)
    ImGui::TextDisabled("No work matches \"%s\".", view.search.c_str());
  ImGui::EndChild();
  markItem(ctx, "sources.body");
  ImGui::End();
  return true;
}

} // namespace atlas::ui
