#include "content/article_markdown.h"

#include <algorithm>
#include <cctype>
#include <set>
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

// "(NICE 2023; Stiell et al. 2001)": the short citations of a note's works.
std::string cites(const Article &article, const std::vector<std::string> &ids) {
  std::string out;
  for (const std::string &id : ids) {
    const CitedWork *work = article.findCited(id);
    out += (out.empty() ? "" : "; ") + (work ? work->shortCite : id);
  }
  return out.empty() ? out : " (" + out + ")";
}

void writeClinicalNote(std::ostringstream &md, const Article &article, const ClinicalNote &note,
                       bool patient) {
  md << "    > **" << clinicalNoteLabel(note.kind, patient) << ":** "
     << prose(patient ? note.patient : note.text) << cites(article, note.sources) << "\n\n";
}

void writeItem(std::ostringstream &md, const Article &article, const ArticleItem &item, int number,
               bool patient) {
  md << number << ". **" << prose(item.term) << "** — " << prose(patient ? item.patient : item.text)
     << "\n\n";
  for (const SourceNote &note : item.notes)
    writeNote(md, note, patient);
  for (const ClinicalNote &note : item.clinicalNotes)
    writeClinicalNote(md, article, note, patient);
}

// "When to see a doctor": a heading per urgency tier, most urgent first, the guideline red flags
// of that tier and then the article's items of the same tier.
void writeTiers(std::ostringstream &md, const Article &article, const ArticleSection &s, bool patient) {
  for (const TierBlock &block : tierBlocks(s)) {
    if (!block.tier.empty())
      md << "### " << tierTitle(block.tier) << "\n\n";
    // The guideline's signs first: they are the fuller list, and the first screen should show them.
    if (!block.redFlags.empty())
      md << (patient ? "Warning signs that doctors' guidelines list:"
                     : "Red flags from neck-pain guidelines:")
         << "\n\n";
    for (const RedFlag *flag : block.redFlags)
      md << "- " << prose(patient ? flag->patient : flag->text) << cites(article, flag->sources) << "\n";
    if (!block.redFlags.empty())
      md << "\n";
    if (!block.redFlags.empty() && !block.items.empty())
      md << (patient ? "Signs from the article in this group:" : "The article's signs in this tier:")
         << "\n\n";
    for (const auto &[number, item] : block.items)
      writeItem(md, article, *item, number, patient);
  }
}

// The teaching entries the handout shows: all for students, those with a patient version for patients.
std::vector<const TeachingEntry *> handoutEntries(const Teaching *teaching, bool patient) {
  std::vector<const TeachingEntry *> shown;
  if (teaching)
    for (const TeachingEntry &entry : teaching->entries)
      if (!patient || entry.hasPatientVersion())
        shown.push_back(&entry);
  return shown;
}

// "(Standring 2016; Sanders et al. 2007)" from the bibliography; an id it lacks stays as it is.
std::string teachingCites(const Bibliography *bibliography, const std::vector<std::string> &ids) {
  std::string out;
  for (const std::string &id : ids) {
    const Work *work = bibliography ? bibliography->find(id) : nullptr;
    out += (out.empty() ? "" : "; ") + (work ? shortCite(*work) : id);
  }
  return out;
}

void writeTeaching(std::ostringstream &md, const std::vector<const TeachingEntry *> &entries,
                   const Bibliography *bibliography, bool patient) {
  md << "## " << teachingHeading(patient) << "\n\n";
  md << (patient ? "These short notes explain some parts near the scalene muscles. They are not about "
                   "the article, and they do not replace a visit to a doctor or physiotherapist."
                 : "Teaching entries independent of the article: the relations and tests students are "
                   "examined on, each with its sources.")
     << "\n\n";
  for (const TeachingEntry *entry : entries) {
    md << "### " << entry->titleFor(patient) << "\n\n";
    md << entry->textFor(patient) << "\n\n";
    md << "*" << (entry->sources.size() == 1 ? "Source" : "Sources") << ":* "
       << teachingCites(bibliography, entry->sources) << "\n\n";
  }
}

} // namespace

const char *teachingHeading(bool patient) {
  return patient ? "More about the neck, the top rib and the arm"
                 : "For students: the root of the neck and the thoracic outlet";
}

const char *clinicalNoteLabel(const std::string &kind, bool patient) {
  if (kind == "correction")
    return patient ? "Please note" : "Correction";
  if (kind == "risk")
    return "Risks";
  return patient ? "What studies show" : "Evidence";
}

std::string articleMarkdown(const Article &article, bool patient) {
  return articleMarkdown(article, patient, nullptr, nullptr);
}

std::string articleMarkdown(const Article &article, bool patient, const Teaching *teaching,
                            const Bibliography *bibliography) {
  const std::vector<const TeachingEntry *> teachingEntries = handoutEntries(teaching, patient);
  // The entries sit before the disclaimer (the last word of a handout), or last when there is none.
  std::size_t teachingAt = article.sections.size();
  for (std::size_t i = 0; i < article.sections.size(); ++i)
    if (article.sections[i].id == "disclaimer")
      teachingAt = i;
  std::ostringstream md;
  md << "# "
     << (patient ? "Scalenus posterior muscle spasm, in plain words" : "Scalenus posterior muscle spasm")
     << "\n\n";
  md << "*A Scalene Atlas handout — "
     << (patient ? "version for patients" : "version for clinicians and students") << ".*\n\n";
  md << "> Adapted in the project's own words from the article \"" << ArticleCredit::title << "\" ("
     << ArticleCredit::publisher << ", last updated " << ArticleCredit::updated
     << "). Facts are kept; the sentences are our own. Where the article differs from standard anatomy "
        "references or from clinical guidelines, a note says so, with its source. This text is for education "
        "only and does not replace a clinician: "
        "see the disclaimer at the end.\n\n";

  md << "## Contents\n\n";
  for (std::size_t i = 0; i < article.sections.size(); ++i) {
    const ArticleSection &s = article.sections[i];
    if (i == teachingAt && !teachingEntries.empty())
      md << "- [" << teachingHeading(patient) << "](#" << anchor(teachingHeading(patient)) << ")\n";
    const std::string heading = std::to_string(i + 1) + ". " + s.title;
    md << i + 1 << ". [" << s.title << "](#" << anchor(heading) << ")\n";
  }
  if (teachingAt == article.sections.size() && !teachingEntries.empty())
    md << "- [" << teachingHeading(patient) << "](#" << anchor(teachingHeading(patient)) << ")\n";
  md << "\n";

  for (std::size_t i = 0; i < article.sections.size(); ++i) {
    const ArticleSection &s = article.sections[i];
    if (i == teachingAt && !teachingEntries.empty())
      writeTeaching(md, teachingEntries, bibliography, patient);
    md << "## " << i + 1 << ". " << s.title << "\n\n";
    if (!s.introFor(patient).empty())
      md << prose(s.introFor(patient)) << "\n\n";
    for (const std::string &p : s.paragraphsFor(patient))
      md << prose(p) << "\n\n";
    if (hasTiers(s)) {
      writeTiers(md, article, s, patient);
      continue;
    }
    std::string group;
    int number = 0;
    for (const ArticleItem &item : s.items) {
      if (!item.group.empty() && item.group != group) {
        group = item.group;
        md << "### " << group << "\n\n";
      }
      writeItem(md, article, item, ++number, patient);
    }
  }

  if (teachingAt == article.sections.size() && !teachingEntries.empty())
    writeTeaching(md, teachingEntries, bibliography, patient);

  // One alphabetical list, as a reference list is read: the article's works and the teaching entries'.
  std::set<std::string> lines;
  for (const CitedWork &work : article.cited)
    lines.insert(work.fullCite.empty() ? work.id : work.fullCite);
  for (const TeachingEntry *entry : teachingEntries)
    for (const std::string &id : entry->sources) {
      const Work *work = bibliography ? bibliography->find(id) : nullptr;
      lines.insert(work ? fullCite(*work) : id);
    }
  if (!lines.empty()) {
    md << "## Sources\n\n";
    if (teachingEntries.empty())
      md << (patient ? "The notes and warning signs above come from these works:"
                     : "Works cited by the clinical notes and red flags above:");
    else
      md << (patient ? "The notes, warning signs and extra notes above come from these works:"
                     : "Works cited by the clinical notes, red flags and teaching entries above:");
    md << "\n\n";
    for (const std::string &line : lines)
      md << "- " << line << "\n";
    md << "\n";
  }

  md << "---\n\n";
  md << "*Source: \"" << ArticleCredit::title << "\", " << ArticleCredit::publisher << ", last updated "
     << ArticleCredit::updated << "; rewritten in the Scalene Atlas project's own words. Anatomy notes cite "
     << "the standard references named next to them.*\n";
  return md.str();
}

} // namespace atlas::content
