// Running text for the reading panels: words laid out with word wrap at a given right edge, with
// bold terms, inline links to structures (underlined, clickable when the model has them) and
// highlighted search hits, at a generous line height for reading from a distance. ImGui only.
#pragma once

#include "session/session.h"

#include <imgui.h>
#include <map>
#include <string>
#include <vector>

namespace atlas::ui {

struct Word {
  std::string text;
  std::string link; // structure id, "" for plain words
  ImFont *font = nullptr;
  ImU32 color = 0;
  bool spaceBefore = false;
  bool hit = false;   // part of a search hit
  bool quiet = false; // a link shown as plain text, underlined only under the mouse (item terms)
};

// Line height of running text: 1.38 x the font size.
float lineHeight();

// Appends the words of plain text; words overlapping a case-insensitive `needle` are hits.
void appendWords(std::vector<Word> &words, const std::string &text, const std::string &link, ImFont *font,
                 ImU32 color, const std::string &needle);
// Appends text with "[[id|words]]" links; links the loaded model lacks get a muted colour.
void appendMarkup(std::vector<Word> &words, const std::string &markup, ImFont *font, ImU32 color,
                  const std::string &needle, const Session &session);
// Lays the words out from the cursor (plus `indent`), wrapping at screen x `right`, and advances
// the cursor below them. Returns the id of a link clicked this frame, or "". `linkRects`, when given,
// receives the first visible word of each link as "article.link.<id>" (window tests click it).
std::string flowWords(const std::vector<Word> &words, float indent, float right, const Session &session,
                      std::map<std::string, glm::vec4> *linkRects = nullptr);

// One paragraph of marked-up text in the body font and text colour; returns a clicked link id.
std::string flowParagraph(const std::string &markup, float indent, float right, const Session &session,
                          const std::string &needle = "");

} // namespace atlas::ui
