#include "content/article_sources.h"

namespace atlas::content {

void attachBibliography(Article &article, const Bibliography &bibliography) {
  attachCitations(article, [&bibliography](const std::string &id) -> std::optional<CitedWork> {
    const Work *work = bibliography.find(id);
    if (!work)
      return std::nullopt;
    return CitedWork{id, shortCite(*work), fullCite(*work)};
  });
}

} // namespace atlas::content
