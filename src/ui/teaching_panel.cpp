// The Teaching panel: the teaching entries (content/teaching) that students are examined on (the
// interscalene triangle, the outlet's spaces, the clinical tests...), one list and the entry chosen
// below it with its sources and its parts of the model. In patient reading it shows the plain
// versions. Every action is a Command: a short cite opens the Sources panel (ShowSourceCommand), a
// part selects and frames it (SelectCommand), "Show on the model" lights them all (ShowPartsCommand).
#include "ui/panels.h"

#include "content/bibliography.h"
#include "content/teaching.h"

#include <imgui.h>

namespace atlas::ui {
namespace {

const ImVec4 kCiteColor(0.47f, 0.67f, 1.0f, 1.0f); // the article panel's cite blue

void drawEntryList(FrameContext &ctx, const content::Teaching &teaching, const content::TeachingEntry &shown,
                   bool patient) {
  // A fixed share of the panel, so the entry below it keeps most of the room.
  const float height =
      ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(teaching.entries.size()) + 0.5f);
  ImGui::BeginChild("teaching-list", ImVec2(0.0f, std::min(height, ImGui::GetContentRegionAvail().y * 0.4f)),
                    true);
  for (const content::TeachingEntry &entry : teaching.entries) {
    ImGui::PushID(entry.id.c_str());
    const bool plainMissing = patient && !entry.hasPatientVersion();
    if (plainMissing)
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    if (ImGui::Selectable(entry.titleFor(patient).c_str(), &entry == &shown))
      ctx.commands.push_back(ShowTeachingCommand{entry.id});
    if (ImGui::IsItemHovered()) // long titles are cut at the panel's edge
      ImGui::SetTooltip("%s", entry.titleFor(patient).c_str());
    if (plainMissing)
      ImGui::PopStyleColor();
    markItem(ctx, ("teaching.entry." + entry.id).c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
}

// "Sources: Standring 2016; Sanders et al. 2007": each opens the Sources panel at its work.
void drawCites(FrameContext &ctx, const std::vector<std::string> &sources) {
  const content::Bibliography &bib = ctx.session.knowledge().bibliography();
  ImGui::TextDisabled("Source%s:", sources.size() == 1 ? "" : "s");
  for (const std::string &id : sources) {
    const content::Work *work = bib.find(id);
    const std::string label = work ? content::shortCite(*work) : id;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFontSize())
      ImGui::NewLine();
    ImGui::PushID(id.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, kCiteColor);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
      ImGui::SetTooltip("%s", work ? content::fullCite(*work).c_str() : id.c_str());
    }
    if (ImGui::IsItemClicked())
      ctx.commands.push_back(ShowSourceCommand{id});
    markItem(ctx, ("teaching.cite." + id).c_str());
    if (&id != &sources.back()) {
      ImGui::SameLine(0.0f, 0.0f);
      ImGui::TextDisabled(";");
    }
    ImGui::PopID();
  }
}

// The entry's parts of the model: all at once, and (for students) one button per part. Ids the
// open model lacks are left out; the parts the model does not have yet are named.
void drawModelLinks(FrameContext &ctx, const content::TeachingEntry &entry, bool patient) {
  const Scene &scene = ctx.session.scene();
  std::vector<std::string> present;
  for (const std::string &id : entry.links)
    if (scene.find(id))
      present.push_back(id);
  if (!present.empty()) {
    if (ImGui::Button(patient ? "Show me these parts" : "Show all on the model"))
      ctx.commands.push_back(ShowPartsCommand{
          present.front(), std::vector<std::string>(present.begin() + 1, present.end()), true});
    markItem(ctx, "teaching.show_parts");
  }
  if (patient)
    return;
  ImGui::TextDisabled("On the model:");
  for (const std::string &id : present) {
    const std::string label = scene.find(id)->displayName();
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFontSize() * 2.0f)
      ImGui::NewLine();
    ImGui::PushID(id.c_str());
    if (ImGui::SmallButton(label.c_str()))
      ctx.commands.push_back(SelectCommand{id, /*frame=*/true});
    markItem(ctx, ("teaching.link." + id).c_str());
    ImGui::PopID();
  }
  if (!entry.awaits.empty()) {
    std::string missing;
    for (const std::string &what : entry.awaits)
      missing += (missing.empty() ? "" : ", ") + what;
    ImGui::TextDisabled("Not in the model yet: %s", missing.c_str());
  }
}

} // namespace

bool drawTeachingPanel(FrameContext &ctx) {
  const Session &session = ctx.session;
  if (!session.teachingView.open)
    return false;
  const bool patient = session.articleView.patientMode;
  placeRightPanel(ctx, 28.0f, 0.38f);
  bool open = true;
  const bool shown = ImGui::Begin("Teaching", &open, kRightPanelFlags);
  if (!open)
    ctx.commands.push_back(ShowTeachingCommand{"", false});
  if (!shown) {
    ImGui::End();
    return true;
  }
  const content::TeachingEntry *entry =
      session.teaching ? session.teaching->findOrFirst(session.teachingView.entry) : nullptr;
  if (!entry) {
    ImGui::TextDisabled("No teaching entries are loaded (content/teaching).");
    ImGui::End();
    return true;
  }
  ImGui::TextWrapped("%s", patient ? "Short notes on the parts near the scalene muscles, in plain words."
                                   : "What students are examined on at the root of the neck, with sources.");
  drawEntryList(ctx, *session.teaching, *entry, patient);
  ImGui::BeginChild("teaching-entry");
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextWrapped("%s", entry->titleFor(patient).c_str());
  ImGui::PopFont();
  if (patient && !entry->hasPatientVersion())
    ImGui::TextDisabled("For students; a plain version would not help here: %s", entry->patientNone.c_str());
  else
    ImGui::TextWrapped("%s", entry->textFor(patient).c_str());
  markItem(ctx, "teaching.text");
  ImGui::Spacing();
  drawCites(ctx, entry->sources);
  ImGui::Spacing();
  drawModelLinks(ctx, *entry, patient);
  ImGui::EndChild();
  ImGui::End();
  return true;
}

} // namespace atlas::ui
