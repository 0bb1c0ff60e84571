// The article panel: the seed article beside the model, section by section, in the clinician's or
// the patient's words. Outline and search at the top; the sections below as collapsible headings
// with numbered entries, bold terms, source-difference notes and links that select structures.
// Passages that mention the selected structure are marked, and the first is scrolled into view
// when the selection changes. Also: the reading entries of the menu bar and the disclaimer window.
//
// Contents: text flow (word wrap with links and search hits) · passages · the panel · menu ·
// disclaimer · the right-hand dispatcher.
#include "ui/panels.h"

#include "content/article.h"
#include "content/article_markdown.h"
#include "content/article_view.h"
#include "ui/text_flow.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <imgui.h>

namespace atlas::ui {
namespace {

using content::Article;
using content::ArticleItem;
using content::ArticleSection;
using content::ArticleView;

// ---- colours ------------------------------------------------------------------------------------

ImU32 noteColor() {
  return IM_COL32(240, 200, 130, 255);
}
ImU32 clinicalNoteColor() {
  return IM_COL32(150, 205, 240, 255);
}
ImU32 citeColor() {
  return IM_COL32(120, 170, 255, 255);
}
// Emergency red, same-day amber, routine green: the colours a triage list uses.
ImU32 tierColor(const std::string &tier) {
  if (tier == "emergency")
    return IM_COL32(255, 95, 85, 255);
  if (tier == "today")
    return IM_COL32(245, 175, 60, 255);
  return IM_COL32(140, 205, 120, 255);
}
ImU32 markColor(float alpha) {
  const glm::vec3 c = highlightColor(HighlightRole::Selected); // same colour as the selection in 3D
  auto channel = [](float v) { return static_cast<int>(std::clamp(std::sqrt(v), 0.0f, 1.0f) * 255.0f); };
  return IM_COL32(channel(c.r), channel(c.g), channel(c.b), static_cast<int>(alpha * 255.0f));
}

// ---- passages -----------------------------------------------------------------------------------

struct PassageContext {
  FrameContext &ctx;
  ArticleView &view;
  float wrapRight = 0.0f;
  bool scrolledThisFrame = false;
  std::vector<std::pair<std::string, float>> headings{}; // section id, heading top (screen y)
};

// Draws a passage between begin() and end(): a bar and a tint when it is marked for the selection.
class MarkedBlock {
public:
  MarkedBlock(PassageContext &pc, const std::string &id, bool marked) : pc_(pc), marked_(marked) {
    const ArticleView &view = pc_.view;
    const bool target = view.markCursor < view.marked.size() && view.marked[view.markCursor] == id;
    if (marked_ && target && view.scrollToMark && !pc_.scrolledThisFrame) {
      ImGui::SetScrollHereY(0.12f);
      pc_.view.scrollToMark = false;
      pc_.scrolledThisFrame = true;
    }
    start_ = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
  }
  ~MarkedBlock() {
    ImDrawList *draw = ImGui::GetWindowDrawList();
    if (marked_) {
      draw->ChannelsSetCurrent(0);
      const float end = ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y * 0.5f;
      const float bar = ImGui::GetFontSize() * 0.22f;
      draw->AddRectFilled(ImVec2(start_.x - bar * 2.5f, start_.y - 2.0f), ImVec2(pc_.wrapRight + 4.0f, end),
                          markColor(0.13f), 4.0f);
      draw->AddRectFilled(ImVec2(start_.x - bar * 2.5f, start_.y - 2.0f), ImVec2(start_.x - bar * 1.5f, end),
                          markColor(0.95f), 2.0f);
    }
    draw->ChannelsMerge();
  }

private:
  PassageContext &pc_;
  bool marked_;
  ImVec2 start_;
};

void selectLink(FrameContext &ctx, const std::string &id) {
  if (!id.empty())
    ctx.commands.push_back(SelectCommand{id, /*frame=*/true});
}

void drawParagraph(PassageContext &pc, const std::string &passageId, const std::string &markup, bool marked) {
  MarkedBlock block(pc, passageId, marked);
  std::vector<Word> words;
  appendMarkup(words, markup, pc.ctx.fonts.body, ImGui::GetColorU32(ImGuiCol_Text), pc.view.search,
               pc.ctx.session);
  selectLink(pc.ctx, flowWords(words, 0.0f, pc.wrapRight, pc.ctx.session, pc.ctx.itemRects));
  ImGui::Spacing();
}

// The short citations of a note's works, on one line under it; the full citation shows on hover
// and a click opens the work in the Sources panel.
void drawCites(PassageContext &pc, const std::vector<std::string> &sources, float indent) {
  const Article *article = pc.ctx.session.article.get();
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x + indent, ImGui::GetCursorScreenPos().y));
  ImGui::TextColored(ImGui::GetStyle().Colors[ImGuiCol_TextDisabled],
                     "Source%s:", sources.size() == 1 ? "" : "s");
  for (const std::string &id : sources) {
    const content::CitedWork *work = article ? article->findCited(id) : nullptr;
    ImGui::SameLine();
    ImGui::PushID(id.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, citeColor());
    ImGui::TextUnformatted(work ? work->shortCite.c_str() : id.c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
      ImGui::SetTooltip("%s", work && !work->fullCite.empty() ? work->fullCite.c_str() : id.c_str());
    }
    if (ImGui::IsItemClicked())
      pc.ctx.commands.push_back(ShowSourceCommand{id});
    if (&id != &sources.back()) {
      ImGui::SameLine(0.0f, 0.0f);
      ImGui::TextDisabled(";");
    }
    ImGui::PopID();
  }
}

void drawClinicalNote(PassageContext &pc, const content::ClinicalNote &note, float indent) {
  const bool patient = pc.view.patientMode;
  ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.15f));
  std::vector<Word> words;
  appendWords(words, std::string(content::clinicalNoteLabel(note.kind, patient)) + ":", "", pc.ctx.fonts.bold,
              clinicalNoteColor(), "");
  appendMarkup(words, " " + (patient ? note.patient : note.text), pc.ctx.fonts.body, clinicalNoteColor(),
               pc.view.search, pc.ctx.session);
  selectLink(pc.ctx, flowWords(words, indent, pc.wrapRight, pc.ctx.session));
  drawCites(pc, note.sources, indent);
}

void drawItem(PassageContext &pc, const ArticleItem &item, int number) {
  const bool patient = pc.view.patientMode;
  MarkedBlock block(pc, item.id, content::isMarked(pc.view, item.id));
  const float gutter = ImGui::GetFontSize() * 2.0f;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  // The number sits right-aligned in the gutter, the entry flows beside it.
  const std::string label = std::to_string(number) + ".";
  const float labelWidth = ImGui::CalcTextSize(label.c_str()).x;
  ImGui::GetWindowDrawList()->AddText(ImVec2(start.x + gutter - labelWidth - ImGui::GetFontSize() * 0.4f,
                                             start.y + (lineHeight() - ImGui::GetFontSize()) * 0.5f),
                                      ImGui::GetColorU32(ImGuiCol_TextDisabled), label.c_str());
  std::vector<Word> words;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  appendMarkup(words, item.term, pc.ctx.fonts.bold, text, pc.view.search, pc.ctx.session);
  // The term of an entry about parts of the model shows them: the first is selected, the rest lit.
  const std::string mainLink = item.links.empty() ? std::string() : item.links.front();
  for (Word &w : words)
    if (w.link.empty() && !mainLink.empty()) {
      w.link = mainLink;
      w.quiet = true;
    }
  appendWords(words, " \xe2\x80\x94", "", pc.ctx.fonts.body, ImGui::GetColorU32(ImGuiCol_TextDisabled), "");
  appendMarkup(words, " " + (patient ? item.patient : item.text), pc.ctx.fonts.body, text, pc.view.search,
               pc.ctx.session);
  std::string clicked = flowWords(words, gutter, pc.wrapRight, pc.ctx.session);
  for (const content::SourceNote &note : item.notes) {
    ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.15f));
    std::vector<Word> noteWords;
    appendWords(noteWords, patient ? "Where books differ:" : "Where the sources differ:", "",
                pc.ctx.fonts.bold, noteColor(), "");
    appendWords(noteWords, " " + note.text, "", pc.ctx.fonts.body, noteColor(), pc.view.search);
    if (!note.reference.empty() && !patient) { // the books' exact wording is for clinicians
      appendWords(noteWords, " Standard references:", "", pc.ctx.fonts.bold, noteColor(), "");
      appendWords(noteWords, " " + note.reference + (note.cite.empty() ? "" : " (" + note.cite + ")"), "",
                  pc.ctx.fonts.body, noteColor(), pc.view.search);
    }
    const std::string noteClick =
        flowWords(noteWords, gutter + ImGui::GetFontSize(), pc.wrapRight, pc.ctx.session);
    if (clicked.empty())
      clicked = noteClick;
  }
  for (const content::ClinicalNote &note : item.clinicalNotes)
    drawClinicalNote(pc, note, gutter + ImGui::GetFontSize());
  if (!clicked.empty() && clicked == mainLink)
    pc.ctx.commands.push_back(
        ShowPartsCommand{mainLink, std::vector<std::string>(item.links.begin() + 1, item.links.end()), true});
  else
    selectLink(pc.ctx, clicked);
  ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.35f));
}

// "When to see a doctor": a coloured heading per urgency tier, most urgent first, the guideline
// red flags of that tier with their sources, then the article's signs of the same tier.
void drawTiers(PassageContext &pc, const ArticleSection &section) {
  const bool patient = pc.view.patientMode;
  for (const content::TierBlock &block : content::tierBlocks(section)) {
    if (!block.tier.empty()) {
      ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.25f));
      std::vector<Word> heading;
      appendWords(heading, content::tierTitle(block.tier), "", pc.ctx.fonts.bold, tierColor(block.tier), "");
      flowWords(heading, 0.0f, pc.wrapRight, pc.ctx.session);
    }
    if (!block.redFlags.empty()) {
      std::vector<Word> label;
      appendWords(label,
                  patient ? "Warning signs that doctors' guidelines list:"
                          : "Red flags from neck-pain guidelines:",
                  "", pc.ctx.fonts.bold, ImGui::GetColorU32(ImGuiCol_TextDisabled), "");
      flowWords(label, ImGui::GetFontSize() * 2.0f, pc.wrapRight, pc.ctx.session);
    }
    for (const content::RedFlag *flag : block.redFlags) {
      const float indent = ImGui::GetFontSize() * 2.0f;
      const ImVec2 at = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddCircleFilled(
          ImVec2(at.x + indent - ImGui::GetFontSize() * 0.6f, at.y + lineHeight() * 0.5f),
          ImGui::GetFontSize() * 0.16f, tierColor(block.tier));
      std::vector<Word> words;
      appendMarkup(words, patient ? flag->patient : flag->text, pc.ctx.fonts.body,
                   ImGui::GetColorU32(ImGuiCol_Text), pc.view.search, pc.ctx.session);
      selectLink(pc.ctx, flowWords(words, indent, pc.wrapRight, pc.ctx.session));
      drawCites(pc, flag->sources, indent + ImGui::GetFontSize());
      ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.2f));
    }
    if (!block.redFlags.empty() && !block.items.empty()) {
      std::vector<Word> label;
      appendWords(label,
                  patient ? "Signs from the article in this group:" : "The article's signs in this tier:", "",
                  pc.ctx.fonts.bold, ImGui::GetColorU32(ImGuiCol_TextDisabled), "");
      flowWords(label, ImGui::GetFontSize() * 2.0f, pc.wrapRight, pc.ctx.session);
    }
    for (const auto &[number, item] : block.items)
      if (content::itemMatches(*item, pc.view.search, patient))
        drawItem(pc, *item, number);
  }
}

void drawSection(PassageContext &pc, const Article &article, const ArticleSection &section, int number) {
  ArticleView &view = pc.view;
  const bool searching = !view.search.empty();
  const bool wantOpen = content::sectionExpanded(view, article, section);
  if (searching && !wantOpen)
    return; // sections without hits are left out while searching
  if (view.scrollToSection && view.section == section.id && !pc.scrolledThisFrame) {
    ImGui::SetScrollHereY(0.0f);
    view.scrollToSection = false;
    pc.scrolledThisFrame = true;
  }
  pc.headings.emplace_back(section.id, ImGui::GetCursorScreenPos().y);
  ImGui::PushID(section.id.c_str());
  ImGui::PushFont(pc.ctx.fonts.heading);
  ImGui::SetNextItemOpen(wantOpen, ImGuiCond_Always);
  const std::string title = std::to_string(number) + ".  " + section.title;
  const bool sectionMarked = content::isMarked(view, section.id);
  const bool anyMarked = sectionMarked || std::any_of(section.items.begin(), section.items.end(),
                                                      [&view](const ArticleItem &item) {
                                                        return content::isMarked(view, item.id);
                                                      });
  if (anyMarked)
    ImGui::PushStyleColor(ImGuiCol_Text, markColor(1.0f));
  const bool open = ImGui::CollapsingHeader(title.c_str());
  if (anyMarked)
    ImGui::PopStyleColor();
  ImGui::PopFont();
  if (!searching && open != wantOpen) {
    if (open) {
      view.openSections.insert(section.id);
      view.section = section.id;
    } else {
      view.openSections.erase(section.id);
    }
  }
  if (open) {
    ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.2f));
    const bool patient = view.patientMode;
    const bool textHit = !searching || content::sectionTextMatches(section, view.search, patient);
    if (textHit) {
      drawParagraph(pc, section.id, section.introFor(patient), sectionMarked);
      for (const std::string &p : section.paragraphsFor(patient))
        drawParagraph(pc, section.id, p, sectionMarked);
    }
    if (content::hasTiers(section)) {
      drawTiers(pc, section);
      ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.5f));
      ImGui::PopID();
      return;
    }
    std::string group;
    int n = 0;
    for (const ArticleItem &item : section.items) {
      ++n;
      if (!content::itemMatches(item, view.search, patient))
        continue;
      if (!item.group.empty() && item.group != group) {
        group = item.group;
        ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.25f));
        ImGui::PushFont(pc.ctx.fonts.bold);
        ImGui::TextColored(ImGui::GetStyle().Colors[ImGuiCol_TextDisabled], "%s", group.c_str());
        ImGui::PopFont();
      }
      drawItem(pc, item, n);
    }
    ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.5f));
  }
  ImGui::PopID();
}

// ---- panel --------------------------------------------------------------------------------------

int searchHits(const Article &article, const ArticleView &view) {
  int hits = 0;
  for (const ArticleSection &s : article.sections) {
    hits += content::sectionTextMatches(s, view.search, view.patientMode) ? 1 : 0;
    for (const ArticleItem &item : s.items)
      hits += content::itemMatches(item, view.search, view.patientMode) ? 1 : 0;
  }
  return hits;
}

// The outline follows the reader: when the text is scrolled by hand (wheel, scrollbar, keys), the
// section whose heading has passed the top of the text becomes the current one. The panel's own
// scrolls (to a chosen section or a mark) are not the reader's: they leave the choice as it is.
void followReading(PassageContext &pc) {
  ImGuiStorage *storage = ImGui::GetStateStorage();
  const ImGuiID lastId = ImGui::GetID("reading.scroll"), askedId = ImGui::GetID("reading.asked");
  const float scroll = ImGui::GetScrollY();
  // A scroll asked for in one frame is applied in the next one.
  const bool asked = pc.scrolledThisFrame || pc.view.scrollToSection || pc.view.scrollToMark;
  const bool askedBefore = storage->GetBool(askedId, true);
  if (!asked && !askedBefore && scroll != storage->GetFloat(lastId, scroll)) {
    const std::string reading =
        content::sectionAt(pc.headings, ImGui::GetWindowPos().y + ImGui::GetFontSize() * 2.0f);
    if (!reading.empty())
      pc.view.section = reading;
  }
  storage->SetFloat(lastId, scroll);
  storage->SetBool(askedId, asked);
}

void drawToolbar(FrameContext &ctx, const Article &article, ArticleView &view) {
  // Outline: previous / section / next.
  const auto &sections = article.sections;
  int current = 0;
  for (std::size_t i = 0; i < sections.size(); ++i)
    if (sections[i].id == view.section)
      current = static_cast<int>(i);
  if (ImGui::ArrowButton("##previous", ImGuiDir_Left) && current > 0)
    content::goToSection(view, article, sections[static_cast<std::size_t>(current - 1)].id);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Previous section");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() -
                          ImGui::GetStyle().ItemSpacing.x);
  const std::string preview = sections.empty() ? std::string("(no article)")
                                               : std::to_string(current + 1) + ". " +
                                                     sections[static_cast<std::size_t>(current)].title;
  if (ImGui::BeginCombo("##outline", preview.c_str(), ImGuiComboFlags_HeightLargest)) {
    for (std::size_t i = 0; i < sections.size(); ++i) {
      const std::string label = std::to_string(i + 1) + ". " + sections[i].title;
      if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == current))
        content::goToSection(view, article, sections[i].id);
      const std::size_t entries = sections[i].items.size();
      if (entries > 0 && ImGui::IsItemHovered())
        ImGui::SetTooltip("%zu numbered entr%s", entries, entries == 1 ? "y" : "ies");
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Right) && current + 1 < static_cast<int>(sections.size()))
    content::goToSection(view, article, sections[static_cast<std::size_t>(current + 1)].id);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Next section");

  // Search.
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "%s", view.search.c_str());
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::InputTextWithHint("##search", "Search the article...", buffer, sizeof buffer))
    view.search = buffer;

  // Reading for patients, and what a patient needs one click away.
  ImGui::Checkbox("Reading for patients", &view.patientMode);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Plain-language version: short sentences, no jargon");
  if (view.patientMode && article.findSection("see_doctor")) {
    ImGui::SameLine();
    if (ImGui::Button("When to see a doctor")) {
      view.search.clear();
      content::goToSection(view, article, "see_doctor");
    }
  }
  // The simplest view of the muscle for a patient: it alone lit, everything solid, seen from the
  // side where it shows (the front view hides this deep muscle); the reader's place is kept.
  const char *muscle = "scalenus_posterior_right";
  if (view.patientMode && ctx.session.scene().find(muscle)) {
    if (ImGui::Button("Show me the muscle"))
      ctx.commands.push_back(ShowPartsCommand{muscle, {}, true, true});
    markItem(ctx, "article.show_muscle");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("The muscle on the right side of the neck, seen from where it shows");
    ImGui::SameLine();
  }
  ImGui::SameLine();
  if (ImGui::Button("Disclaimer"))
    view.disclaimerOpen = true;
}

} // namespace

bool drawArticlePanel(FrameContext &ctx) {
  if (!ctx.reading || ctx.reading->panel != content::ReadingPanel::Article)
    return false;
  ArticleView &view = *ctx.reading;
  const Session &session = ctx.session;
  static const Article empty;
  const Article &article = session.article ? *session.article : empty;
  const std::string selectedId =
      session.selected() >= 0 ? session.scene().structures()[static_cast<std::size_t>(session.selected())].id
                              : "";
  content::followSelection(view, article, selectedId);

  placeRightPanel(ctx, 36.0f, 0.46f);
  bool open = true;
  if (!ImGui::Begin("Article", &open, kRightPanelFlags)) {
    ImGui::End();
    return true;
  }
  if (!open)
    view.panel = content::ReadingPanel::None;
  drawToolbar(ctx, article, view);

  // What the marks and the search mean, in one line.
  if (!view.search.empty()) {
    const int hits = searchHits(article, view);
    ImGui::TextColored(ImVec4(0.92f, 0.75f, 0.25f, 1.0f), "%d passage%s contain \"%s\"", hits,
                       hits == 1 ? "" : "s", view.search.c_str());
  } else if (!selectedId.empty()) {
    const Structure *s = session.scene().find(selectedId);
    const std::string name = s ? s->displayName() : selectedId;
    const std::size_t n = view.marked.size();
    ImGui::PushStyleColor(ImGuiCol_Text, markColor(1.0f));
    if (n == 0)
      ImGui::TextWrapped("The article does not mention %s.", name.c_str());
    else {
      if (n > 1) {
        // Step through the marks: a teacher can walk the class through every mention.
        const std::string label = "Next " + std::to_string(view.markCursor % n + 1) + "/" + std::to_string(n);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_Text]);
        if (ImGui::Button(label.c_str()))
          content::nextMark(view, article);
        ImGui::PopStyleColor();
        ImGui::SameLine();
      }
      ImGui::TextWrapped("%zu passage%s mention %s (marked).", n, n == 1 ? "" : "s", name.c_str());
    }
    ImGui::PopStyleColor();
  } else {
    ImGui::TextDisabled("Select a part in 3D to mark the text about it.");
  }
  if (!article.problems.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.7f, 0.35f, 1.0f));
    const std::string label = std::to_string(article.problems.size()) + " problem" +
                              (article.problems.size() == 1 ? "" : "s") + " in the article files###problems";
    if (ImGui::TreeNode(label.c_str())) {
      for (const std::string &p : article.problems)
        ImGui::TextWrapped("%s", p.c_str());
      ImGui::TreePop();
    }
    ImGui::PopStyleColor();
  }
  ImGui::Separator();

  ImGui::BeginChild("body", ImVec2(0, 0), false, ImGuiWindowFlags_NoSavedSettings);
  PassageContext pc{ctx, view};
  // Lines of about 65 characters read comfortably, also from the back of a lecture room.
  const float left = ImGui::GetCursorScreenPos().x;
  pc.wrapRight = left + std::min(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 0.5f,
                                 ImGui::GetFontSize() * 33.0f);
  ImGui::Indent(ImGui::GetFontSize() * 0.5f);
  pc.wrapRight = std::max(pc.wrapRight, ImGui::GetCursorScreenPos().x + ImGui::GetFontSize() * 8.0f);
  for (std::size_t i = 0; i < article.sections.size(); ++i)
    drawSection(pc, article, article.sections[i], static_cast<int>(i) + 1);
  if (!view.search.empty() && searchHits(article, view) == 0)
    ImGui::TextDisabled("No passage contains \"%s\".", view.search.c_str());
  followReading(pc);
  ImGui::Unindent(ImGui::GetFontSize() * 0.5f);
  // Credit, always at the end of the text.
  ImGui::Spacing();
  ImGui::PushTextWrapPos(pc.wrapRight - ImGui::GetWindowPos().x);
  ImGui::TextDisabled("Adapted in our own words from \"%s\" (%s, last updated %s).",
                      content::ArticleCredit::title, content::ArticleCredit::publisher,
                      content::ArticleCredit::updated);
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  markItem(ctx, "article.body");
  ImGui::End();
  return true;
}

// ---- menu and disclaimer ------------------------------------------------------------------------

void drawReadingMenu(FrameContext &ctx) {
  if (!ctx.reading)
    return;
  ArticleView &view = *ctx.reading;
  auto toggle = [&view](const char *label, content::ReadingPanel panel) {
    const bool shown = view.panel == panel;
    if (ImGui::MenuItem(label, nullptr, shown))
      view.panel = shown ? content::ReadingPanel::None : panel;
  };
  toggle("Article", content::ReadingPanel::Article);
  toggle("Functions", content::ReadingPanel::Functions);
  if (ImGui::MenuItem("Disclaimer", nullptr, view.disclaimerOpen))
    view.disclaimerOpen = !view.disclaimerOpen;
}

void drawDisclaimerWindow(FrameContext &ctx) {
  if (!ctx.reading || !ctx.reading->disclaimerOpen)
    return;
  ArticleView &view = *ctx.reading;
  const ImGuiViewport *vp = ImGui::GetMainViewport();
  const float width = std::min(ImGui::GetFontSize() * 34.0f, vp->Size.x * 0.9f);
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width, std::min(ImGui::GetFontSize() * 30.0f, vp->Size.y * 0.85f)),
                           ImGuiCond_Always);
  // In front of everything while open: panels that appear later (the info panel and the legend once
  // the model has loaded and the start-up selection applies) would otherwise cover it.
  ImGui::SetNextWindowFocus();
  if (!ImGui::Begin("Disclaimer###disclaimer", &view.disclaimerOpen,
                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                        ImGuiWindowFlags_NoResize)) {
    ImGui::End();
    return;
  }
  const content::ArticleSection *section =
      ctx.session.article ? ctx.session.article->findSection("disclaimer") : nullptr;
  // The text scrolls; the button to close stays in sight below it.
  ImGui::BeginChild("text", ImVec2(0.0f, -ImGui::GetFrameHeightWithSpacing() * 1.3f));
  const float right =
      ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 0.5f;
  if (section) {
    std::vector<Word> words;
    appendMarkup(words, section->introFor(view.patientMode), ctx.fonts.bold,
                 ImGui::GetColorU32(ImGuiCol_Text), "", ctx.session);
    selectLink(ctx, flowWords(words, 0.0f, right, ctx.session));
    for (const std::string &p : section->paragraphsFor(view.patientMode)) {
      ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.3f));
      selectLink(ctx, flowParagraph(p, 0.0f, right, ctx.session));
    }
  } else {
    flowParagraph("Scalene Atlas is for education only and does not replace a doctor or another qualified "
                  "clinician.",
                  0.0f, right, ctx.session);
  }
  ImGui::EndChild();
  ImGui::Separator();
  const bool understood = ImGui::Button("I understand");
  markItem(ctx, "disclaimer.understand");
  if (understood)
    view.disclaimerOpen = false;
  ImGui::End();
}

bool drawReadingPanel(FrameContext &ctx) {
  if (!ctx.reading)
    return false;
  content::ArticleView &view = *ctx.reading;
  if (view.panel != view.drawnPanel && view.panel != content::ReadingPanel::None) {
    // On a small screen a reading panel beside the structure list would leave the model a strip:
    // opening one closes the list (View > Structures panel brings it back).
    const float width = ImGui::GetMainViewport()->Size.x;
    if (width < ImGui::GetFontSize() * 72.0f)
      ctx.settings.showStructures = false;
  }
  view.drawnPanel = view.panel;
  switch (view.panel) {
  case content::ReadingPanel::Article:
    return drawArticlePanel(ctx);
  case content::ReadingPanel::Functions:
    return drawFunctionsPanel(ctx);
  case content::ReadingPanel::None:
    break;
  }
  return false;
}

} // namespace atlas::ui
