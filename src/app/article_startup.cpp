#include "app/article_startup.h"

#include "content/article_markdown.h"
#include "content/article_sources.h"
#include "content/content_load.h"
#include "core/paths.h"
#include "io/atomic_file.h"
#include "session/startup_commands.h"

#include <cstdio>

namespace atlas {
Result<void> applyArticleOptions(Session &session, const Options &options) {
  ReadingRequest request;
  request.panel = options.panel;
  request.showSource = options.showSource;
  request.showTeaching = options.showTeaching;
  request.section = options.section;
  request.search = options.search;
  request.patient = options.patient;
  request.showFunction = options.showFunction;
  request.functionTime = options.functionTime;
  request.animationWanted = !options.exportAnimation.empty();
  const std::optional<ReadingFailure> failed = applyReadingRequest(session, request);
  if (!failed)
    return {};
  const char *option = "--show-function";
  switch (failed->step) {
  case ReadingStep::ShowSource:
    option = "--show-source";
    break;
  case ReadingStep::ShowTeaching:
    option = "--show-teaching";
    break;
  case ReadingStep::Section:
    option = "--section";
    break;
  case ReadingStep::ShowFunction:
    break;
  }
  // "--section nowhere: no such section (...)", "--show-source: no work with id 'x'"
  return Error{std::string(option) + (failed->subject.empty() ? "" : " " + failed->subject) + ": " +
               failed->message};
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
  if (Result<void> written = writeFileAtomically(
          options.exportArticle,
          content::articleMarkdown(article, options.patient, &teaching, &knowledge.knowledge.bibliography()));
      !written) {
    std::fprintf(stderr, "scalene-atlas: error: %s\n", written.error().c_str());
    return 1;
  }
  return 0;
}

} // namespace atlas
