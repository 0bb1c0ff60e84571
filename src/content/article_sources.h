// The article's citations from the bibliography: the short and full citations of every work its
// clinical notes and red flags cite, filled in once both are loaded.
#pragma once

#include "content/article.h"
#include "content/bibliography.h"

namespace atlas::content {

// Fills Article::cited from `bibliography` (shortCite, fullCite); ids it lacks keep the bare id.
void attachBibliography(Article &article, const Bibliography &bibliography);

} // namespace atlas::content
