// The picture handout as a PDF (cairo, with pango for the text): A4 pages with margins, the title,
// headings, wrapped paragraphs, the pictures at print resolution with their colour keys, the
// "When to see a doctor" tiers in a box, the sources and the disclaimer at the end, and "page N of M"
// at the foot of each page. Text is real text (selectable, searchable); fonts come from fontconfig.
// It lays out what session/handout_plan.h decided; it adds no words of its own but "Sources" and the
// page numbers. Built as its own library above the session (it reads the session's Handout).
#pragma once

#include "core/image.h"
#include "core/result.h"
#include "session/handout_plan.h"

#include <string>
#include <vector>

namespace atlas {

// The PDF's bytes: `pictures` holds one image per Picture block, in block order (a missing or empty
// image leaves a framed blank of the picture's size, so the text still reads).
Result<std::string> handoutPdf(const Handout &handout, const std::vector<Image> &pictures);

// The same, written atomically to `path` (io/atomic_file.h).
Result<void> writeHandoutPdf(const Handout &handout, const std::vector<Image> &pictures,
                             const std::string &path);

} // namespace atlas
