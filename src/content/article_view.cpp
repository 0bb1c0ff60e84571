#include "content/article_view.h"

#include "scene/paired_ids.h"

#include <algorithm>

namespace atlas::content {

const char *readingPanelTitle(ReadingPanel panel) {
  switch (panel) {
  case ReadingPanel::Article:
    return "Article";
  case ReadingPanel::Functions:
    return "Functions";
  case ReadingPanel::None:
    break;
  }
  return "";
}

bool goToSection(ArticleView &view, const Article &article, const std::string &section) {
  if (!article.findSection(section))
    return false;
  view.section = section;
  view.openSections.insert(section);
  view.scrollToSection = true;
  view.scrollToMark = false;
  return true;
}

bool followSelection(ArticleView &view, const Article &article, const std::string &structureId) {
  if (view.markedFor == structureId)
    return false;
  view.markedFor = structureId;
  view.marked = passagesMentioning(article, structureId);
  view.scrollToMark = false;
  view.markCursor = 0;
  for (const std::string &id : view.marked) {
    const ArticleSection *section = article.findSection(id);
    if (!section)
      section = article.sectionOfItem(id);
    if (!section)
      continue;
    view.openSections.insert(section->id);
    // A patient reading keeps their place: the passages are marked, the page does not jump.
    if (!view.scrollToMark && !view.patientMode) {
      view.section = section->id;
      view.scrollToMark = true;
      view.scrollToSection = false;
    }
  }
  return true;
}

bool nextMark(ArticleView &view, const Article &article) {
  if (view.marked.empty())
    return false;
  view.markCursor = (view.markCursor + 1) % view.marked.size();
  const std::string &id = view.marked[view.markCursor];
  const ArticleSection *section = article.findSection(id);
  if (!section)
    section = article.sectionOfItem(id);
  if (section) {
    view.section = section->id;
    view.openSections.insert(section->id);
  }
  view.search.clear(); // a search could hide the passage
  view.scrollToMark = true;
  view.scrollToSection = false;
  return true;
}

FunctionOnModel functionOnModel(const ArticleItem &function, const std::string &selectedId) {
  // The article links the right-hand structures as the example of each pair.
  const bool left = isLeftId(selectedId);
  auto onSide = [left](const std::string &id) {
    const std::string other = otherSide(id);
    return left && isLeftId(other) ? other : id;
  };
  FunctionOnModel shown{onSide("scalenus_posterior_right"), {}};
  for (const std::string &id : function.links)
    if (id.rfind("scalenus_posterior_", 0) != 0) // the muscle itself is the selection
      shown.parts.push_back(onSide(id));
  return shown;
}

bool isMarked(const ArticleView &view, const std::string &passageId) {
  return std::find(view.marked.begin(), view.marked.end(), passageId) != view.marked.end();
}

bool sectionExpanded(const ArticleView &view, const Article &article, const ArticleSection &section) {
  if (!view.search.empty()) {
    if (sectionTextMatches(section, view.search, view.patientMode))
      return true;
    return std::any_of(section.items.begin(), section.items.end(), [&view](const ArticleItem &item) {
      return itemMatches(item, view.search, view.patientMode);
    });
  }
  (void)article;
  return view.openSections.count(section.id) > 0;
}

std::string sectionAt(const std::vector<std::pair<std::string, float>> &headings, float readingLine) {
  if (headings.empty())
    return {};
  std::string reading = headings.front().first;
  for (const auto &[id, top] : headings)
    if (top <= readingLine)
      reading = id;
  return reading;
}

std::vector<std::string> itemsShown(const ArticleView &view, const Article &article) {
  std::vector<std::string> ids;
  for (const ArticleSection &section : article.sections) {
    if (!sectionExpanded(view, article, section))
      continue;
    for (const ArticleItem &item : section.items)
      if (itemMatches(item, view.search, view.patientMode))
        ids.push_back(item.id);
  }
  return ids;
}

nlohmann::json articleStateJson(const ArticleView &view, const Article *article) {
  nlohmann::json json;
  json["panel_shown"] = view.panel == ReadingPanel::Article;
  json["functions_shown"] = view.panel == ReadingPanel::Functions;
  json["patient_mode"] = view.patientMode;
  json["search"] = view.search;
  if (!article) {
    json["section"] = nullptr;
    json["items_shown"] = nlohmann::json::array();
    json["marked"] = nlohmann::json::array();
    json["problems"] = nlohmann::json::array();
    return json;
  }
  const std::string section =
      view.section.empty() && !article->sections.empty() ? article->sections.front().id : view.section;
  json["section"] = section.empty() ? nlohmann::json() : nlohmann::json(section);
  json["items_shown"] = itemsShown(view, *article);
  json["marked"] = view.marked;
  json["marked_for"] = view.markedFor.empty() ? nlohmann::json() : nlohmann::json(view.markedFor);
  json["problems"] = article->problems;
  return json;
}

} // namespace atlas::content
