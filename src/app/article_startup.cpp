#include "app/article_startup.h"

#include "content/article_markdown.h"
#include "content/article_sources.h"
#include "content/content_load.h"
#include "core/log.h"
#include "core/paths.h"
#include "io/atomic_file.h"

#include <cstdio>

namespace atlas {
namespace {

std::string selectedId(const Session &session) {
  const int selected = session.selected();
  return selected >= 0 ? session.scene().structures()[static_cast<std::size_t>(selected)].id : std::string();
}

} // namespace

void loadArticle(Session &session) {
  const std::string dir = paths::findDataDir("content").string();
  if (dir.empty()) {
    log::warning("content folder not found: the article is unavailable");
    return;
  }
  installArticle(session,
                 std::make_shared<content::Article>(content::loadArticleWith(dir, session.knowledge())));
}

void installArticle(Session &session, std::shared_ptr<content::Article> article) {
  if (!article) {
    log::warning("content folder not found: the article is unavailable");
    return;
  }
  for (const std::string &problem : article->problems)
    log::warning(problem);
  if (const std::string dir = paths::findDataDir("content").string(); !dir.empty()) {
    auto teaching = std::make_shared<content::Teaching>(content::loadTeachingWith(dir, session.knowledge()));
    for (const std::string &problem : teaching->problems)
      log::warning(problem);
    session.teaching = std::move(teaching);
  }
  if (!article->sections.empty()) {
    session.articleView.section = article->sections.front().id;
    session.articleView.openSections.insert(article->sections.front().id);
  }
  session.article = std::move(article);
}

Result<bool> applyArticleOptions(Session &session, const Options &options) {
  content::ArticleView &view = session.articleView;
  if (options.panel == "article")
    view.panel = content::ReadingPanel::Article;
  else if (options.panel == "functions")
    view.panel = content::ReadingPanel::Functions;
  else if (options.panel == "disclaimer")
    view.disclaimerOpen = true;
  else if (options.panel == "sources")
    session.sourcesView.open = true;
  else if (options.panel == "teaching")
    session.teachingView.open = true;
  else if (!options.panel.empty()) // structures, info: the model panels, no reading panel
    view.panel = content::ReadingPanel::None;
  if (!options.showSource.empty())
    if (Result<bool> shown = session.apply(ShowSourceCommand{options.showSource}); !shown)
      return Error{"--show-source: " + shown.error()};
  if (!options.showTeaching.empty())
    if (Result<bool> shown = session.apply(ShowTeachingCommand{options.showTeaching}); !shown)
      return Error{"--show-teaching: " + shown.error()};
  view.patientMode = view.patientMode || options.patient;
  view.search = options.search;
  if (!session.article)
    return options.section.empty() ? Result<bool>(true) : Error{"--section: the article is not loaded"};
  const content::Article &article = *session.article;
  content::followSelection(view, article, selectedId(session));
  if (!options.section.empty()) {
    if (!content::goToSection(view, article, options.section)) {
      std::string known;
      for (const content::ArticleSection &s : article.sections)
        known += (known.empty() ? "" : ", ") + s.id;
      return Error{"--section " + options.section + ": no such section (expected one of " + known + ")"};
    }
    if (view.panel == content::ReadingPanel::None)
      view.panel = content::ReadingPanel::Article;
  }
  if (!options.showFunction.empty()) {
    // Issue 14: the function in motion, posed at --time (rest without it), its working muscles lit. A
    // model without joints still shows the parts (shownFunction set) unless a pose was asked for.
    view.shownFunction.clear();
    if (Result<bool> shown =
            session.apply(ShowFunctionCommand{options.showFunction, options.functionTime.value_or(0.0f),
                                              /*play=*/false, /*frame=*/false,
                                              /*cleanView=*/false});
        !shown && (options.functionTime || !options.exportAnimation.empty() || view.shownFunction.empty()))
      return Error{"--show-function: " + shown.error()};
    content::followSelection(view, article, selectedId(session));
  }
  return true;
}

// A handout is the whole article or nothing: every section of the article (content::articleContract(),
// the article's own list, in order) must be there, and no content file may have a problem — a missing
// or broken file would otherwise leave a handout that silently lacks text or source notes.
int exportArticle(const Options &options) {
  const std::string dir = paths::findDataDir("content").string();
  if (dir.empty()) {
    std::fprintf(stderr, "scalene-atlas: error: --export-article: content folder not found\n");
    return 1;
  }
  content::KnowledgeLoad knowledge = content::loadKnowledgeBase(dir);
  const content::Article article = content::loadArticleWith(dir, knowledge.knowledge);
  const content::Teaching teaching = content::loadTeachingWith(dir, knowledge.knowledge);
  std::vector<std::string> problems = knowledge.problems;
  problems.insert(problems.end(), article.problems.begin(), article.problems.end());
  problems.insert(problems.end(), teaching.problems.begin(), teaching.problems.end());
  for (const std::string &problem : problems)
    std::fprintf(stderr, "scalene-atlas: error: %s\n", problem.c_str());
  std::string missing;
  std::size_t missingCount = 0;
  for (const content::SectionContract &section : content::articleContract())
    if (!article.findSection(section.id)) {
      missing += (missing.empty() ? "" : ", ") + std::string(section.id);
      ++missingCount;
    }
  if (!missing.empty()) {
    std::fprintf(stderr,
                 "scalene-atlas: error: --export-article: %s/article lacks %zu of the article's %zu "
                 "sections (%s); nothing written\n",
                 dir.c_str(), missingCount, content::articleContract().size(), missing.c_str());
    return 1;
  }
  if (!problems.empty()) {
    std::fprintf(stderr,
                 "scalene-atlas: error: --export-article: %zu problem(s) in the content files of %s (above); "
                 "nothing written\n",
                 problems.size(), dir.c_str());
    return 1;
  }
  if (Result<bool> written = writeFileAtomically(
          options.exportArticle,
          content::articleMarkdown(article, options.patient, &teaching, &knowledge.knowledge.bibliography()));
      !written) {
    std::fprintf(stderr, "scalene-atlas: error: %s\n", written.error().c_str());
    return 1;
  }
  return 0;
}

} // namespace atlas
