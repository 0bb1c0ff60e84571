#include "io/handout_pdf.h"

#include "io/atomic_file.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <utility>

namespace atlas {
namespace {

// A4 in PostScript points, with margins of 15 to 18 mm and the page number below the text area.
constexpr double mm = 72.0 / 25.4;
constexpr double pageWidth = 210.0 * mm, pageHeight = 297.0 * mm;
constexpr double marginX = 17.0 * mm, marginTop = 15.0 * mm, marginBottom = 18.0 * mm;
constexpr double textLeft = marginX, textRight = pageWidth - marginX;
constexpr double textTop = marginTop, textBottom = pageHeight - marginBottom;
constexpr double boxPadding = 3.5 * mm;

struct Rgb {
  double r, g, b;
};
constexpr Rgb ink{0.08, 0.08, 0.10}, muted{0.35, 0.35, 0.38}, headingInk{0.05, 0.27, 0.45};
// The tiers' colours, most urgent first: red, amber, blue (the panel's order and meaning).
constexpr Rgb tierInk[] = {{0.70, 0.05, 0.05}, {0.62, 0.35, 0.00}, {0.05, 0.30, 0.55}};

std::string escaped(const std::string &text) {
  gchar *e = g_markup_escape_text(text.c_str(), static_cast<gssize>(text.size()));
  std::string out(e);
  g_free(e);
  return out;
}

struct LayoutDeleter {
  void operator()(PangoLayout *l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

// Places text and pictures down the pages, breaking between lines; draws the page number and closes
// an open box at each break. Run once to count the pages and once more to draw them with the count.
class PageFlow {
public:
  PageFlow(cairo_t *cr, const Handout &handout, int pageCount)
      : cr_(cr), handout_(handout), pageCount_(pageCount),
        body_(handout.patient ? "DejaVu Sans, Sans 10" : "DejaVu Sans, Sans 9.5"),
        fontMap_(pango_cairo_font_map_new()), context_(pango_font_map_create_context(fontMap_)) {}
  // The font map is the handout's own, not Pango's per-thread default: it is freed here with its
  // fontconfig patterns, instead of living in thread-local storage for the rest of the process
  // (where LeakSanitizer, which the tests run without scanning dynamic TLS, reports it as leaked).
  ~PageFlow() {
    g_object_unref(context_);
    g_object_unref(fontMap_);
  }
  PageFlow(const PageFlow &) = delete;
  PageFlow &operator=(const PageFlow &) = delete;

  int page() const { return page_; }

  // Wrapped Pango markup at the current position, broken between lines at the foot of a page.
  void text(const std::string &markup, const std::string &font, Rgb colour, double indent = 0.0,
            double spaceBefore = 0.0) {
    LayoutPtr layout = makeLayout(markup, font, textRight - textLeft - indent - 2.0 * boxIndent());
    y_ += spaceBefore;
    PangoLayoutIter *it = pango_layout_get_iter(layout.get());
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      const double height = logical.height / double(PANGO_SCALE);
      const double baseline = (pango_layout_iter_get_baseline(it) - logical.y) / double(PANGO_SCALE);
      ensure(height);
      cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
      cairo_move_to(cr_, textLeft + boxIndent() + indent + logical.x / double(PANGO_SCALE), y_ + baseline);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
      y_ += height;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
  }

  double height(const std::string &markup, const std::string &font, double indent = 0.0) {
    LayoutPtr layout = makeLayout(markup, font, textRight - textLeft - indent - 2.0 * boxIndent());
    int w = 0, h = 0;
    pango_layout_get_size(layout.get(), &w, &h);
    return h / double(PANGO_SCALE);
  }

  // Entries side by side in two columns of about equal height, filled in order, so a long list takes
  // half the length. What does not fit on the page goes on in two columns on the next.
  // `continued` (Pango markup, may be empty) heads the part carried over to a new page.
  void twoColumns(const std::vector<std::string> &markups, const std::string &font, double indent,
                  const std::string &continued = "", const std::string &continuedFont = "",
                  Rgb continuedColour = ink) {
    constexpr double gap = 5.0 * mm, between = 1.5;
    const double columnWidth = (textRight - textLeft - 2.0 * boxIndent() - indent - gap) / 2.0;
    std::vector<LayoutPtr> layouts;
    std::vector<double> heights;
    for (const std::string &markup : markups) {
      layouts.push_back(makeLayout(markup, font, columnWidth));
      int w = 0, h = 0;
      pango_layout_get_size(layouts.back().get(), &w, &h);
      heights.push_back(h / double(PANGO_SCALE) + between);
    }
    // Entries [from, to): the split that makes the taller column shortest, and that height.
    auto balance = [&heights](std::size_t from, std::size_t to) {
      double total = 0.0;
      for (std::size_t k = from; k < to; ++k)
        total += heights[k];
      std::pair<std::size_t, double> best{to, total};
      double above = 0.0;
      for (std::size_t k = from; k <= to; ++k) {
        if (std::max(above, total - above) < best.second)
          best = {k, std::max(above, total - above)};
        if (k < to)
          above += heights[k];
      }
      return best;
    };
    for (std::size_t from = 0; from < layouts.size();) {
      std::size_t to = layouts.size();
      while (to > from && y_ + balance(from, to).second > textBottom)
        --to;
      if (to == from) { // not even one entry fits here
        if (y_ <= textTop + boxPadding + 0.5)
          to = from + 1; // taller than a page: placed anyway
        else {
          newPage();
          continue;
        }
      }
      const auto [split, tallest] = balance(from, to);
      double y[2] = {y_, y_};
      for (std::size_t k = from; k < to; ++k) {
        const int column = k < split ? 0 : 1;
        cairo_set_source_rgb(cr_, ink.r, ink.g, ink.b);
        cairo_move_to(cr_, textLeft + boxIndent() + indent + column * (columnWidth + gap),
                      y[column] + between);
        pango_cairo_show_layout(cr_, layouts[k].get());
        y[column] += heights[k];
      }
      y_ += tallest;
      from = to;
      if (from < layouts.size()) {
        newPage();
        if (!continued.empty())
          text(continued, continuedFont, continuedColour);
      }
    }
  }

  // A new page unless `needed` points still fit on this one.
  void ensure(double needed) {
    if (y_ + needed > textBottom && y_ > textTop + (inBox_ ? boxPadding : 0.0) + 0.5)
      newPage();
  }

  void space(double points) { y_ = std::min(y_ + points, textBottom); }

  void heading(const std::string &title, bool sub) {
    const std::string font = handout_.patient
                                 ? (sub ? "DejaVu Sans, Sans Bold 12" : "DejaVu Sans, Sans Bold 14")
                                 : (sub ? "DejaVu Sans, Sans Bold 11" : "DejaVu Sans, Sans Bold 13.5");
    const std::string markup = escaped(title);
    // Kept with the first lines of what follows.
    ensure(height(markup, font) + (sub ? 4.0 : 7.0) + 28.0);
    text(markup, font, sub ? ink : headingInk, 0.0, sub ? 4.0 : 7.0);
    space(2.0);
  }

  void paragraph(const std::string &markup, double indent = 0.0) { text(markup, body_, ink, indent, 3.0); }
  void small(const std::string &markup, Rgb colour, double indent = 0.0, double spaceBefore = 2.0) {
    text(markup, handout_.patient ? "DejaVu Sans, Sans 9" : "DejaVu Sans, Sans 8.5", colour, indent,
         spaceBefore);
  }

  // `besideMarkup`: a paragraph that may sit in the column beside a narrow picture; returns whether
  // it was placed there.
  bool picture(const PictureRequest &request, const Image *image, const std::string &besideMarkup = "") {
    const double width = std::min(request.printWidthMm * mm, textRight - textLeft - boxIndent());
    const double aspect = image && !image->empty() ? double(image->height) / image->width
                                                   : double(request.heightPx) / std::max(request.widthPx, 1);
    const double height = width * aspect;
    // A narrow picture has its key and caption beside it; a wide one, centred, under it.
    const bool beside = textRight - textLeft - width >= 55.0 * mm;
    ensure(height + (beside ? 8.0 : 30.0));
    space(4.0);
    const double x = beside ? textLeft : textLeft + (textRight - textLeft - width) / 2.0;
    const double top = y_;
    if (image && !image->empty()) {
      cairo_surface_t *surface = toSurface(*image);
      cairo_save(cr_);
      cairo_translate(cr_, x, y_);
      cairo_scale(cr_, width / image->width, height / image->height);
      cairo_set_source_surface(cr_, surface, 0, 0);
      cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_GOOD);
      cairo_paint(cr_);
      cairo_restore(cr_);
      cairo_surface_destroy(surface);
    }
    cairo_set_source_rgb(cr_, muted.r, muted.g, muted.b);
    cairo_set_line_width(cr_, 0.5);
    cairo_rectangle(cr_, x, y_, width, height);
    cairo_stroke(cr_);
    const double textX = beside ? x + width + 5.0 * mm : x;
    y_ = beside ? top : y_ + height + 3.0;
    key(request.key, textX, beside ? textRight : x + width, beside);
    if (!request.caption.empty())
      small("<i>" + escaped(request.caption) + "</i>", muted, textX - textLeft, 1.0);
    const bool placed = beside && !besideMarkup.empty() &&
                        y_ + 6.0 + this->height(besideMarkup, body_, textX - textLeft) <= top + height;
    if (placed)
      text(besideMarkup, body_, ink, textX - textLeft, 6.0);
    y_ = std::max(y_, top + height);
    space(4.0);
    return placed;
  }

  // The boxed section: what is placed between begin and end is framed, one frame per page it spans.
  void beginBox(double firstLines) {
    ensure(firstLines + 2.0 * boxPadding);
    space(6.0);
    inBox_ = true;
    boxTop_ = y_;
    y_ += boxPadding;
  }
  void endBox() {
    y_ += boxPadding;
    strokeBox();
    inBox_ = false;
    space(6.0);
  }

  // The foot of the last page; the caller finishes the surface.
  void finish() { footer(); }

private:
  double boxIndent() const { return inBox_ ? boxPadding : 0.0; }

  LayoutPtr makeLayout(const std::string &markup, const std::string &font, double width) {
    pango_cairo_update_context(cr_, context_);
    LayoutPtr layout(pango_layout_new(context_));
    PangoFontDescription *desc = pango_font_description_from_string(font.c_str());
    pango_layout_set_font_description(layout.get(), desc);
    pango_font_description_free(desc);
    if (width > 0.0) // otherwise one line as wide as its text (the colour key)
      pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_markup(layout.get(), markup.c_str(), -1);
    return layout;
  }

  // The picture's colour key: a swatch and the part's name, flowed in lines under the picture.
  void key(const std::vector<PictureKeyEntry> &entries, double left, double right, bool oneAnEntry) {
    const std::string font = handout_.patient ? "DejaVu Sans, Sans 9.5" : "DejaVu Sans, Sans 8.5";
    double x = left;
    double lineHeight = 0.0;
    for (const PictureKeyEntry &entry : entries) {
      LayoutPtr layout = makeLayout(escaped(entry.text), font, 0.0);
      int w = 0, h = 0;
      pango_layout_get_size(layout.get(), &w, &h);
      const double width = w / double(PANGO_SCALE), height = h / double(PANGO_SCALE);
      const double swatch = height * 0.7;
      if (x > left && (oneAnEntry || x + swatch + 3.0 + width > right)) {
        x = left;
        y_ += lineHeight + 1.0;
        lineHeight = 0.0;
      }
      ensure(height);
      cairo_set_source_rgb(cr_, entry.color.r, entry.color.g, entry.color.b);
      cairo_rectangle(cr_, x, y_ + (height - swatch) / 2.0, swatch, swatch);
      cairo_fill(cr_);
      cairo_set_source_rgb(cr_, ink.r, ink.g, ink.b);
      cairo_move_to(cr_, x + swatch + 3.0, y_);
      pango_cairo_show_layout(cr_, layout.get());
      x += swatch + 3.0 + width + 10.0;
      lineHeight = std::max(lineHeight, height);
    }
    y_ += lineHeight;
  }

  static cairo_surface_t *toSurface(const Image &image) {
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height);
    cairo_surface_flush(surface);
    unsigned char *data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < image.height; ++y) {
      auto *row = reinterpret_cast<std::uint32_t *>(data + static_cast<std::size_t>(y) * stride);
      for (int x = 0; x < image.width; ++x) {
        const std::uint8_t *p = image.pixel(x, y);
        row[x] = 0xff000000u | (std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2];
      }
    }
    cairo_surface_mark_dirty(surface);
    return surface;
  }

  void strokeBox() {
    cairo_set_source_rgb(cr_, tierInk[0].r, tierInk[0].g, tierInk[0].b);
    cairo_set_line_width(cr_, 1.4);
    cairo_rectangle(cr_, textLeft, boxTop_, textRight - textLeft, y_ - boxTop_);
    cairo_stroke(cr_);
  }

  void footer() {
    const std::string number =
        "page " + std::to_string(page_) + " of " + std::to_string(pageCount_ > 0 ? pageCount_ : page_);
    LayoutPtr left = makeLayout(escaped(handout_.title), "DejaVu Sans, Sans 8", textRight - textLeft);
    LayoutPtr right = makeLayout(escaped(number), "DejaVu Sans, Sans 8", textRight - textLeft);
    pango_layout_set_alignment(right.get(), PANGO_ALIGN_RIGHT);
    const double y = pageHeight - marginBottom + 8.0 * mm;
    cairo_set_source_rgb(cr_, muted.r, muted.g, muted.b);
    cairo_set_line_width(cr_, 0.4);
    cairo_move_to(cr_, textLeft, y - 2.0);
    cairo_line_to(cr_, textRight, y - 2.0);
    cairo_stroke(cr_);
    cairo_move_to(cr_, textLeft, y);
    pango_cairo_show_layout(cr_, left.get());
    cairo_move_to(cr_, textLeft, y);
    pango_cairo_show_layout(cr_, right.get());
  }

  void newPage() {
    if (inBox_) {
      y_ += boxPadding / 2.0;
      strokeBox();
    }
    footer();
    cairo_show_page(cr_);
    ++page_;
    y_ = textTop;
    if (inBox_) {
      boxTop_ = y_;
      y_ += boxPadding;
    }
  }

  cairo_t *cr_;
  const Handout &handout_;
  int pageCount_;
  std::string body_;
  PangoFontMap *fontMap_;
  PangoContext *context_;
  int page_ = 1;
  double y_ = textTop;
  bool inBox_ = false;
  double boxTop_ = 0.0;
};

std::string withCite(const std::string &text, const std::string &cite) {
  return escaped(text) + (cite.empty() ? "" : " <span foreground='#555555'>(" + escaped(cite) + ")</span>");
}

std::string termLead(const std::string &term) {
  if (term.empty())
    return "";
  const char last = term.back();
  const bool stops = last == '.' || last == '?' || last == '!' || last == ':';
  return "<b>" + escaped(term) + (stops ? "" : ".") + "</b> ";
}

void drawTiers(PageFlow &flow, const HandoutBlock &block, bool patient) {
  const std::string titleFont = patient ? "DejaVu Sans, Sans Bold 12.5" : "DejaVu Sans, Sans Bold 13.5";
  flow.beginBox(flow.height(escaped(block.term), titleFont) + 40.0);
  flow.text(escaped(block.term), titleFont, tierInk[0]);
  if (!block.text.empty())
    flow.paragraph(escaped(block.text));
  for (std::size_t i = 0; i < block.tiers.size(); ++i) {
    const HandoutTier &tier = block.tiers[i];
    const Rgb colour = tierInk[std::min<std::size_t>(i, 2)];
    if (!tier.title.empty()) {
      const std::string font = patient ? "DejaVu Sans, Sans Bold 11" : "DejaVu Sans, Sans Bold 10";
      flow.ensure(flow.height(escaped(tier.title), font) + 24.0); // with its first signs
      flow.text(escaped(tier.title), font, colour, 0.0, 5.0);
    }
    std::vector<std::string> signs;
    for (const HandoutSign &sign : tier.signs)
      signs.push_back("• " + termLead(sign.term) + withCite(sign.text, sign.cite));
    const std::string titleFont = patient ? "DejaVu Sans, Sans Bold 11" : "DejaVu Sans, Sans Bold 10";
    flow.twoColumns(signs, patient ? "DejaVu Sans, Sans 9" : "DejaVu Sans, Sans 8.5", 0.0,
                    tier.title.empty() ? "" : escaped(tier.title) + " (continued)", titleFont, colour);
  }
  flow.endBox();
}

void layOut(PageFlow &flow, const Handout &handout, const std::vector<Image> &pictures) {
  flow.text("<b>" + escaped(handout.title) + "</b>", "DejaVu Sans, Sans Bold 18", headingInk);
  flow.small("<i>" + escaped(handout.subtitle) + "</i>", muted);
  flow.space(4.0);
  std::size_t pictureIndex = 0;
  bool skipParagraph = false; // placed beside the picture before it
  for (std::size_t b = 0; b < handout.blocks.size(); ++b) {
    const HandoutBlock &block = handout.blocks[b];
    if (std::exchange(skipParagraph, false))
      continue;
    switch (block.kind) {
    case HandoutBlockKind::Heading:
    case HandoutBlockKind::Subheading:
      // A heading over a picture moves with it to the next page rather than stay alone at the foot.
      if (b + 1 < handout.blocks.size() && handout.blocks[b + 1].kind == HandoutBlockKind::Picture) {
        const PictureRequest &p = handout.blocks[b + 1].picture;
        const double pictureHeightPt = p.printWidthMm * p.heightPx / std::max(1, p.widthPx) * 72.0 / 25.4;
        flow.ensure(pictureHeightPt + 40.0);
      }
      flow.heading(block.text, block.kind == HandoutBlockKind::Subheading);
      break;
    case HandoutBlockKind::Paragraph:
      flow.paragraph(withCite(block.text, block.cite));
      break;
    case HandoutBlockKind::Item:
      flow.paragraph(termLead(block.term) + withCite(block.text, block.cite), 8.0);
      break;
    case HandoutBlockKind::Note:
      flow.small("<i>" + escaped(block.term) + ":</i> " + withCite(block.text, block.cite), muted, 20.0);
      break;
    case HandoutBlockKind::Picture: {
      const Image *image = pictureIndex < pictures.size() ? &pictures[pictureIndex] : nullptr;
      ++pictureIndex;
      const HandoutBlock *next = b + 1 < handout.blocks.size() ? &handout.blocks[b + 1] : nullptr;
      skipParagraph = flow.picture(
          block.picture, image,
          next && next->kind == HandoutBlockKind::Paragraph ? withCite(next->text, next->cite) : "");
      break;
    }
    case HandoutBlockKind::Tiers:
      drawTiers(flow, block, handout.patient);
      break;
    }
  }
  if (!handout.sources.empty()) {
    flow.heading("Sources", false);
    std::vector<std::string> sources;
    for (std::size_t i = 0; i < handout.sources.size(); ++i)
      sources.push_back(std::to_string(i + 1) + ". " + escaped(handout.sources[i]));
    flow.twoColumns(sources, "DejaVu Sans, Sans 7.5", 0.0);
  }
  if (!handout.disclaimer.empty()) {
    flow.heading(handout.disclaimerTitle, handout.patient); // compact on the patient's two pages
    for (const std::string &p : handout.disclaimer)
      flow.small(escaped(p), ink, 0.0, 3.0);
  }
  if (!handout.credit.empty())
    flow.text("<i>" + escaped(handout.credit) + "</i>", "DejaVu Sans, Sans 7.5", muted, 0.0, 4.0);
}

cairo_status_t appendTo(void *closure, const unsigned char *data, unsigned int length) {
  if (closure)
    static_cast<std::string *>(closure)->append(reinterpret_cast<const char *>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// One pass over the handout into `out` (null: only count); returns the page count or an error.
Result<int> render(const Handout &handout, const std::vector<Image> &pictures, int pageCount,
                   std::string *out) {
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(appendTo, out, pageWidth, pageHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, handout.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Scalene Atlas");
  cairo_t *cr = cairo_create(surface);
  PageFlow flow(cr, handout, pageCount);
  layOut(flow, handout, pictures);
  flow.finish();
  const int pages = flow.page();
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return Error{std::string("cannot write the handout PDF: ") + cairo_status_to_string(status)};
  return pages;
}

} // namespace

Result<std::string> handoutPdf(const Handout &handout, const std::vector<Image> &pictures) {
  // The first pass counts the pages for "page N of M"; the second draws them.
  Result<int> pages = render(handout, pictures, 0, nullptr);
  if (!pages)
    return Error{pages.error()};
  std::string bytes;
  Result<int> drawn = render(handout, pictures, *pages, &bytes);
  // cairo's font caches are left alone: cairo_debug_reset_static_data() asserts (and aborts the
  // app) when a font is still alive anywhere, which Pango's own caches make a matter of timing: one
  // export in three of a patient's lesson aborted with it. The caches are reachable from cairo's
  // globals, so LeakSanitizer does not report them.
  if (!drawn)
    return Error{drawn.error()};
  return bytes;
}

Result<void> writeHandoutPdf(const Handout &handout, const std::vector<Image> &pictures,
                             const std::string &path) {
  Result<std::string> bytes = handoutPdf(handout, pictures);
  if (!bytes)
    return Error{path + ": " + bytes.error()};
  return writeFileAtomically(path, *bytes);
}

} // namespace atlas
