// The info panel: what the selected structure is (names, FMA id, description) and every claim about
// it grouped by role — origin, insertion, nerve supply, blood supply, actions, relations — each with
// its source. Where the article and the standard references disagree, the panel says so in plain
// words. Every structure a claim names is a button that selects it.
#include "ui/panels.h"

#include <imgui.h>

namespace atlas::ui {
namespace {

using content::Claim;
using content::ClaimRole;

const ImVec4 kArticleColor(1.0f, 0.72f, 0.30f, 1.0f);
const ImVec4 kReferenceColor(0.55f, 0.80f, 1.0f, 1.0f);

void sourceBadge(const Claim &claim) {
  const bool article = claim.source == SourceMode::Article;
  ImGui::TextColored(article ? kArticleColor : kReferenceColor, article ? "[Article]" : "[Reference]");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", claim.cite.c_str());
}

void targetButtons(FrameContext &ctx, const Claim &claim) {
  const Scene &scene = ctx.session.scene();
  for (const std::string &target : claim.targets) {
    const Structure *s = scene.find(target);
    if (!s)
      continue;
    ImGui::PushID(target.c_str());
    const std::string label = s->displayName();
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFontSize() * 2.0f)
      ImGui::NewLine();
    if (ImGui::SmallButton(label.c_str()))
      ctx.commands.push_back(SelectCommand{target, true});
    ImGui::SameLine();
    ImGui::PopID();
  }
  ImGui::NewLine();
}

// The claim's works as short cites ("Standring 2016"); each opens the Sources panel at that work.
void citeButtons(FrameContext &ctx, const Claim &claim) {
  const content::Bibliography &bib = ctx.session.knowledge().bibliography();
  ImGui::TextDisabled("Source:");
  for (const std::string &id : claim.works) {
    const content::Work *work = bib.find(id);
    const std::string label = work ? content::shortCite(*work) : id;
    ImGui::SameLine();
    ImGui::PushID(id.c_str());
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFontSize())
      ImGui::NewLine();
    if (ImGui::SmallButton(label.c_str()))
      ctx.commands.push_back(ShowSourceCommand{id});
    if (work && ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", content::fullCite(*work).c_str());
    ImGui::PopID();
  }
}

void drawClaim(FrameContext &ctx, const Claim &claim, bool highlighted) {
  ImGui::PushID(&claim);
  sourceBadge(claim);
  ImGui::SameLine();
  // The claim that is not lit in the model is greyed, still wrapped and readable.
  if (!highlighted)
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::TextWrapped("%s", claim.text.c_str());
  if (!highlighted)
    ImGui::PopStyleColor();
  if (!claim.note.empty()) {
    // The difference, in words a student understands, next to the claim that makes it.
    ImGui::PushStyleColor(ImGuiCol_Text, kArticleColor);
    ImGui::Indent();
    // Two standard sources can disagree too (e.g. Gray's 1918 against a later text).
    ImGui::TextWrapped(claim.source == SourceMode::Article ? "Differs from the standard references: %s"
                                                           : "Sources disagree: %s",
                       claim.note.c_str());
    ImGui::Unindent();
    ImGui::PopStyleColor();
  }
  targetButtons(ctx, claim);
  citeButtons(ctx, claim);
  ImGui::PopID();
}

} // namespace

void drawInfoPanel(FrameContext &ctx) {
  const Session &session = ctx.session;
  if (!ctx.settings.showInfo || session.selected() < 0)
    return;
  const Structure &s = session.scene().structures()[static_cast<std::size_t>(session.selected())];
  const content::KnowledgeBase &kb = session.knowledge();
  const content::StructureEntry *entry = kb.findStructure(s.id);
  placeRightPanel(ctx, 24.0f, 0.34f);
  if (!ImGui::Begin("Info", &ctx.settings.showInfo, kRightPanelFlags)) {
    ImGui::End();
    return;
  }
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextWrapped("%s", s.displayName().c_str());
  ImGui::PopFont();
  const std::string latin = entry ? entry->latin : s.latin;
  if (!latin.empty())
    ImGui::TextDisabled("%s", latin.c_str());
  std::string facts = systemName(s.system);
  const std::string fma = entry && !entry->fma.empty() ? entry->fma : s.fma;
  if (!fma.empty())
    facts += "  ·  FMA:" + fma;
  facts += "  ·  " + s.id;
  ImGui::TextDisabled("%s", facts.c_str());

  const std::size_t gathered = session.selection().size();
  if (gathered > 1) {
    // Several parts gathered with Ctrl/Shift: the buttons act on all of them; the text below is
    // about the last one picked.
    std::string names;
    for (int member : session.selection())
      names += (names.empty() ? "" : ", ") +
               session.scene().structures()[static_cast<std::size_t>(member)].displayName();
    ImGui::TextWrapped("%zu selected: %s", gathered, names.c_str());
    markItem(ctx, "info.selection");
  }
  if (ImGui::Button("Frame"))
    ctx.commands.push_back(FrameSelectionCommand{});
  ImGui::SameLine();
  if (ImGui::Button(gathered > 1 ? "Isolate all" : "Isolate"))
    ctx.commands.push_back(IsolateSelectionCommand{});
  markItem(ctx, "info.isolate");
  ImGui::SameLine();
  if (ImGui::Button(gathered > 1 ? "Hide all" : "Hide"))
    ctx.commands.push_back(SetSelectionVisibilityCommand{Visibility::Hidden});
  ImGui::SameLine();
  if (ImGui::Button("Clear"))
    ctx.commands.push_back(SelectCommand{});
  ImGui::Separator();

  ImGui::BeginChild("info-body");
  // A landmark named by a click on its marker comes first: it is what the user asked about.
  if (const auto picked = session.pickedLandmark())
    if (const Landmark *mark = landmarkOf(session.scene(), *picked)) {
      ImGui::TextColored(ImVec4(0.35f, 0.70f, 0.95f, 1.0f), "Landmark: %s", mark->name.c_str());
      markItem(ctx, "info.landmark");
      if (const content::LandmarkEntry *about = kb.findLandmark(mark->id)) {
        ImGui::TextWrapped("%s", about->description.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("Source: %s", about->cite.c_str());
        ImGui::PopStyleColor();
      } else {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("The knowledge base has no description of %s.", mark->id.c_str());
        ImGui::PopStyleColor();
      }
      ImGui::Separator();
    }
  if (s.attachment) {
    ImGui::TextWrapped("%s of %s on %s.",
                       s.attachment->role == AttachmentRole::Origin ? "Origin" : "Insertion",
                       session.scene().find(s.attachment->muscle)
                           ? session.scene().find(s.attachment->muscle)->displayName().c_str()
                           : s.attachment->muscle.c_str(),
                       session.scene().find(s.attachment->bone)
                           ? session.scene().find(s.attachment->bone)->displayName().c_str()
                           : s.attachment->bone.c_str());
    const char *source = s.attachment->source == AttachmentSource::Both
                             ? "Named by both the standard references and the article."
                         : s.attachment->source == AttachmentSource::Article
                             ? "Named only by the article; the standard references differ."
                             : "Standard references; the article gives another site.";
    ImGui::TextColored(s.attachment->source == AttachmentSource::Article ? kArticleColor : kReferenceColor,
                       "%s", source);
  }
  if (entry) {
    ImGui::TextWrapped("%s", entry->description.c_str());
    ImGui::Spacing();
  }

  const SourceMode mode = session.sourceMode();
  const auto claims = kb.claimsAbout(s.id);
  for (ClaimRole role : {ClaimRole::Origin, ClaimRole::Insertion, ClaimRole::NerveSupply,
                         ClaimRole::BloodSupply, ClaimRole::Action, ClaimRole::Relation}) {
    std::vector<const Claim *> primary, variations;
    for (const Claim *c : claims)
      if (c->role == role)
        (c->variation ? variations : primary).push_back(c);
    if (primary.empty() && variations.empty())
      continue;
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(content::claimRoleLabel(role));
    ImGui::PopFont();
    const Claim *shown = primaryClaim(kb, s.id, role, mode);
    // The claim that lights up in the model first, then the other source's version.
    std::stable_sort(primary.begin(), primary.end(),
                     [&](const Claim *a, const Claim *b) { return a == shown && b != shown; });
    for (const Claim *c : primary)
      drawClaim(ctx, *c, role == ClaimRole::Action || role == ClaimRole::Relation || c == shown);
    if (!variations.empty()) {
      ImGui::PushID(static_cast<int>(role));
      if (ImGui::TreeNode("Reported variation")) {
        for (const Claim *c : variations)
          drawClaim(ctx, *c, true);
        ImGui::TreePop();
      }
      ImGui::PopID();
    }
    ImGui::Spacing();
  }
  // Reverse view for bones, nerves and arteries: what attaches here, what this supplies.
  std::vector<const Claim *> incoming;
  for (const Claim *c : kb.claimsTargeting(s.id))
    if (!c->variation && c->role != ClaimRole::Relation && c->role != ClaimRole::Action &&
        primaryClaim(kb, c->subject, c->role, mode) == c)
      incoming.push_back(c);
  if (!incoming.empty()) {
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(s.system == System::Bone ? "Muscles attached here" : "Supplies");
    ImGui::PopFont();
    for (const Claim *c : incoming) {
      ImGui::PushID(c);
      const Structure *subject = session.scene().find(c->subject);
      if (subject && ImGui::SmallButton(subject->displayName().c_str()))
        ctx.commands.push_back(SelectCommand{c->subject, true});
      ImGui::SameLine();
      ImGui::TextDisabled("%s", content::claimRoleLabel(c->role));
      ImGui::PopID();
    }
  }
  if (entry && !entry->patient.empty()) {
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextDisabled("In plain words");
    ImGui::TextWrapped("%s", entry->patient.c_str());
  }
  ImGui::EndChild();
  ImGui::End();
}

} // namespace atlas::ui
