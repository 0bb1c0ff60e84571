#include "ui/text_flow.h"

#include "content/article.h"

#include <algorithm>
#include <cfloat>

namespace atlas::ui {
namespace {

ImU32 linkColor() {
  return IM_COL32(110, 190, 255, 255);
}
ImU32 missingLinkColor() {
  return IM_COL32(150, 170, 190, 255);
} // a link the loaded model lacks
ImU32 hitBackground() {
  return IM_COL32(235, 190, 60, 110);
}

} // namespace

float lineHeight() {
  return ImGui::GetFontSize() * 1.38f;
}

// ---- text flow ----------------------------------------------------------------------------------

// Appends the words of one stretch of text; `needle` hits are found within the stretch.
void appendWords(std::vector<Word> &words, const std::string &text, const std::string &link, ImFont *font,
                 ImU32 color, const std::string &needle) {
  const auto hits = content::findAll(text, needle);
  bool space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == ' ') {
      space = true;
      ++pos;
      continue;
    }
    std::size_t end = text.find(' ', pos);
    if (end == std::string::npos)
      end = text.size();
    Word w{text.substr(pos, end - pos), link, font, color, space, false};
    for (const auto &[b, e] : hits)
      if (b < end && e > pos)
        w.hit = true;
    words.push_back(std::move(w));
    space = false;
    pos = end;
  }
}

// Stretch of marked-up text (inline links) as words.
void appendMarkup(std::vector<Word> &words, const std::string &markup, ImFont *font, ImU32 color,
                  const std::string &needle, const Session &session) {
  bool pendingSpace = false; // the previous run ended in a space: the next word starts a new one
  for (const content::TextRun &run : content::parseInline(markup)) {
    const std::size_t first = words.size();
    const bool inModel = !run.link.empty() && session.scene().indexOf(run.link) >= 0;
    appendWords(words, run.text, run.link, font,
                run.link.empty() ? color : (inModel ? linkColor() : missingLinkColor()), needle);
    if (first < words.size()) {
      if (pendingSpace)
        words[first].spaceBefore = true;
      pendingSpace = false;
    }
    if (!run.text.empty() && run.text.back() == ' ')
      pendingSpace = true;
  }
}

// Lays the words out from the cursor, wrapping at `right` (screen x); draws them unless the block
// is off screen; links are clickable when the model has the structure. Returns the clicked id.
std::string flowWords(const std::vector<Word> &words, float indent, float right, const Session &session,
                      std::map<std::string, glm::vec4> *linkRects) {
  ImDrawList *draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float left = origin.x + indent;
  const float lineHeight = ui::lineHeight();
  const float pad = (lineHeight - ImGui::GetFontSize()) * 0.5f;
  const float space = ImGui::CalcTextSize(" ").x;
  const bool windowHovered = ImGui::IsWindowHovered();
  std::string clicked;
  float x = left, y = origin.y;
  bool lineEmpty = true;
  std::string previousLink;
  float previousEnd = 0.0f;
  for (const Word &w : words) {
    ImFont *font = w.font ? w.font : ImGui::GetFont();
    const ImVec2 size = font->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0.0f, w.text.c_str());
    const float gap = (w.spaceBefore && !lineEmpty) ? space : 0.0f;
    if (!lineEmpty && x + gap + size.x > right) {
      x = left;
      y += lineHeight;
      lineEmpty = true;
    }
    const bool newLine = lineEmpty;
    const float start = x + (lineEmpty ? 0.0f : gap);
    const ImVec2 min(start, y + pad), max(start + size.x, y + pad + ImGui::GetFontSize());
    const bool visible = ImGui::IsRectVisible(min, max);
    if (visible && w.hit)
      draw->AddRectFilled(ImVec2(min.x - 2.0f, y + 1.0f), ImVec2(max.x + 2.0f, y + lineHeight - 1.0f),
                          hitBackground(), 3.0f);
    if (visible)
      draw->AddText(font, ImGui::GetFontSize(), min, w.color, w.text.c_str());
    if (!w.link.empty() && visible) {
      const bool clickable = session.scene().indexOf(w.link) >= 0;
      if (linkRects) // the first word of the first occurrence on screen
        linkRects->emplace("article.link." + w.link, glm::vec4(min.x, min.y, max.x - min.x, max.y - min.y));
      const bool hovered = windowHovered && ImGui::IsMouseHoveringRect(min, max);
      // One underline under all the words of a link, gaps included.
      const float from = previousLink == w.link && !newLine ? previousEnd : min.x;
      if (clickable && (!w.quiet || hovered))
        draw->AddLine(ImVec2(from, max.y + 1.0f), ImVec2(max.x, max.y + 1.0f), w.color,
                      hovered ? 2.0f : 1.0f);
      if (hovered) {
        const Structure *s = session.scene().find(w.link);
        if (clickable) {
          ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
          ImGui::SetTooltip("Show %s in 3D", s ? s->displayName().c_str() : w.link.c_str());
          if (ImGui::IsMouseClicked(ImGuiMouseButton_Left))
            clicked = w.link;
        } else {
          ImGui::SetTooltip("%s is not part of the loaded model", w.link.c_str());
        }
      }
    }
    x = start + size.x;
    lineEmpty = false;
    previousLink = w.link;
    previousEnd = x;
  }
  ImGui::Dummy(ImVec2(std::max(1.0f, right - origin.x), y - origin.y + lineHeight));
  return clicked;
}

std::string flowParagraph(const std::string &markup, float indent, float right, const Session &session,
                          const std::string &needle) {
  std::vector<Word> words;
  appendMarkup(words, markup, ImGui::GetFont(), ImGui::GetColorU32(ImGuiCol_Text), needle, session);
  return flowWords(words, indent, right, session);
}

} // namespace atlas::ui
