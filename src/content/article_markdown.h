// The article as a Markdown handout (--export-article FILE.md [--patient]): a heading per section,
// its items as a numbered list with bold terms, the source-difference notes under the statements
// they concern, the clinical notes with their sources, the urgency tiers of "When to see a
// doctor", the teaching entries (content/teaching) before the disclaimer, a Sources list of the works
// cited, the credit to the seed article and the disclaimer. Same files, same words as the panels; the
// patient version uses the plain-language text throughout.
#pragma once

#include "content/article.h"
#include "content/bibliography.h"
#include "content/teaching.h"

#include <string>

namespace atlas::content {

std::string articleMarkdown(const Article &article, bool patient);
// The same with the teaching entries (students' text, or the patient versions for patients; an entry
// with no patient version is left out of the patient handout) and their works, whose citations come
// from `bibliography`, in the Sources list. Null `teaching` or `bibliography`: none.
std::string articleMarkdown(const Article &article, bool patient, const Teaching *teaching,
                            const Bibliography *bibliography);
// The heading of the teaching entries in the handout and the panel, for students or for patients.
const char *teachingHeading(bool patient);
// The label before a clinical note: "Correction" / "Risks" / "Evidence" ("Please note", "Risks",
// "What studies show" for patients). The panel uses the same words.
const char *clinicalNoteLabel(const std::string &kind, bool patient);

} // namespace atlas::content
