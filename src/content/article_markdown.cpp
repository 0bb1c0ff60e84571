#include "content/article_markdown.h"

#include <cctype>
#include <sstream>

namespace atlas::content {
namespace {

// Markdown anchors as GitHub and most renderers make them: lower case, spaces to '-', no punctuation.
std::string anchor(const std::string &title) {
  std::string out;
  for (unsigned char c : title) {
    if (std::isalnum(c))
      out += static_cast<char>(std::tolower(c));
    else if (c == ' ' || c == '-')
      out += '-';
  }
  return out;
}

// Link words stay as they read; the model ids they point at mean nothing on paper.
std::string prose(const std::string &text) {
  return plainText(text);
}

void writeNote(std::ostringstream &md, const SourceNote &note, bool patient) {
  md << "    > **" << (patient ? "Where books differ" : "Where the sources differ") << ":** " << note.text;
  if (!note.reference.empty() && !patient) { // the books' exact wording is for clinicians
    md << " *Standard references:* " << note.reference;
    if (!note.cite.empty())
      md << " (" << note.cite << ")";
  }
  md << "\n\n";
}

} // namespace

std::string articleMarkdown(const Article &article, bool patient) {
  std::ostringstream md;
  md << "# "
     << (patient ? "Scalenus posterior muscle spasm, in plain words" : "Scalenus posterior muscle spasm")
     << "\n\n";
  md << "*A Scalene Atlas handout — "
     << (patient ? "version for patients" : "version for clinicians and students") << ".*\n\n";
  md << "> Adapted in the project's own words from the article \"" << ArticleCredit::title << "\" ("
     << ArticleCredit::publisher << ", last updated " << ArticleCredit::updated
     << "). Facts are kept; the sentences are our own. Where the article differs from standard anatomy "
        "references, a note says so. This text is for education only and does not replace a clinician: "
        "see the disclaimer at the end.\n\n";

  md << "## Contents\n\n";
  for (std::size_t i = 0; i < article.sections.size(); ++i) {
    const ArticleSection &s = article.sections[i];
    const std::string heading = std::to_string(i + 1) + ". " + s.title;
    md << i + 1 << ". [" << s.title << "](#" << anchor(heading) << ")\n";
  }
  md << "\n";

  for (std::size_t i = 0; i < article.sections.size(); ++i) {
    const ArticleSection &s = article.sections[i];
    md << "## " << i + 1 << ". " << s.title << "\n\n";
    if (!s.introFor(patient).empty())
      md << prose(s.introFor(patient)) << "\n\n";
    for (const std::string &p : s.paragraphsFor(patient))
      md << prose(p) << "\n\n";
    std::string group;
    int number = 0;
    for (const ArticleItem &item : s.items) {
      if (!item.group.empty() && item.group != group) {
        group = item.group;
        md << "### " << group << "\n\n";
      }
      md << ++number << ". **" << prose(item.term) << "** — " << prose(patient ? item.patient : item.text)
         << "\n\n";
      for (const SourceNote &note : item.notes)
        writeNote(md, note, patient);
    }
  }

  md << "---\n\n";
  md << "*Source: \"" << ArticleCredit::title << "\", " << ArticleCredit::publisher << ", last updated "
     << ArticleCredit::updated << "; rewritten in the Scalene Atlas project's own words. Anatomy notes cite "
     << "the standard references named next to them.*\n";
  return md.str();
}

} // namespace atlas::content
