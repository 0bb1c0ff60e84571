// The article as a Markdown handout (--export-article FILE.md [--patient]): a heading per section,
// its items as a numbered list with bold terms, the source-difference notes under the statements
// they concern, the clinical notes with their sources, the urgency tiers of "When to see a
// doctor", a Sources list of the works cited, the credit to the seed article and the disclaimer. Same files,
// same words as the panels; the patient version uses the plain-language text throughout.
#pragma once

#include "content/article.h"

#include <string>

namespace atlas::content {

std::string articleMarkdown(const Article &article, bool patient);
// The label before a clinical note: "Correction" / "Risks" / "Evidence" ("Please note", "Risks",
// "What studies show" for patients). The panel uses the same words.
const char *clinicalNoteLabel(const std::string &kind, bool patient);

} // namespace atlas::content
