// Article: the seed article on scalenus posterior muscle spasm, retold in the project's own words,
// as loaded from content/article/*.yaml — one file per section, each with a clinician's and a
// patient's version. Text may carry inline links to model structures, written "[[id|words]]".
// No GL and no ImGui: the panels, the Markdown export and the tests all read this model.
//
// Contents: inline link markup · the data model · the section contract · loading and validation ·
// queries (which passages mention a structure) · source-difference notes from the knowledge base.
#pragma once

#include "content/content_text.h"
#include "scene/source_mode.h"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace atlas::content {

// ---- inline link markup -------------------------------------------------------------------------

// One stretch of text: plain when `link` is empty, otherwise the words of a link to a structure id.
struct TextRun {
  std::string text;
  std::string link;
};

// A problem in the markup, at a character offset of the text.
struct MarkupProblem {
  std::size_t offset = 0;
  std::string message;
};

// Splits "Arises from [[c5|C5]] to [[c7|C7]]." into runs; broken markup ("[[c5" without "]]", a
// link with no '|' or empty words) is kept as plain text and reported in `problems` when given.
std::vector<TextRun> parseInline(const std::string &text, std::vector<MarkupProblem> *problems = nullptr);
// The text as a reader sees it: the link words without the markup.
std::string plainText(const std::string &text);
// The structure ids linked inline, in order of appearance (repeats kept).
std::vector<std::string> inlineLinks(const std::string &text);

// ---- data model ---------------------------------------------------------------------------------

// Where the article and the standard references differ, next to the statement it concerns.
struct SourceNote {
  std::string text;      // what differs, in plain words
  std::string reference; // the standard references' version ("" when there is none to quote)
  std::string cite;      // the works behind `reference`
  std::string claimId;   // the knowledge-base claim the note comes from ("" for an item's own note)
};

// A clinician's note beside a statement: where a guideline or the evidence says otherwise
// (correction), what can go wrong with a treatment (risk), or how strong the evidence is (evidence).
// Every note cites at least one bibliography work (content/bibliography) by id.
struct ClinicalNote {
  std::string kind;                 // correction | risk | evidence
  std::string text;                 // for clinicians and students
  std::string patient;              // the same in plain words
  std::vector<std::string> sources; // bibliography work ids
  std::string file;
  int line = 0;
};

// How soon to get help, most urgent first. An item of "When to see a doctor" and a guideline red
// flag each name one tier by id.
struct UrgencyTier {
  const char *id;    // "emergency", "today", "soon"
  const char *title; // what to do, as the heading says it
};
const std::vector<UrgencyTier> &urgencyTiers();
// The tier's place in urgencyTiers() (0 = most urgent), or -1 for an unknown id.
int tierRank(const std::string &tierId);
// The tier's heading ("" for an unknown id).
std::string tierTitle(const std::string &tierId);

// A warning sign that neck-pain guidelines list beyond the article's own ten, with its tier.
struct RedFlag {
  std::string id;
  std::string tier;
  std::string text;                 // for clinicians and students
  std::string patient;              // plain words
  std::vector<std::string> sources; // bibliography work ids
  std::string file;
  int line = 0;
};

// A work cited by a note or a red flag, as the panel and the handout show it.
struct CitedWork {
  std::string id;
  std::string shortCite; // "NICE 2023"; the id itself until attachBibliography() runs
  std::string fullCite;  // one line for the Sources list ("" until attachBibliography() runs)
};

// One numbered entry of a section: a cause, a symptom, a treatment, a question...
struct ArticleItem {
  std::string id;                  // e.g. "causes.poor_posture"; unique across the article
  std::string term;                // the bold words that start the entry
  std::string group;               // optional sub-heading ("Origin and insertion")
  std::string text;                // clinician's text, may hold inline links
  std::string patient;             // plain-language text
  std::string note;                // the item's own source note ("" when none)
  std::vector<std::string> links;  // structure ids the entry is about
  std::vector<std::string> claims; // knowledge-base claim ids behind the entry
  std::vector<SourceNote> notes;   // resolved by attachClaimNotes(), plus `note`
  std::string tier;                // urgency tier id ("When to see a doctor"; "" elsewhere)
  std::vector<ClinicalNote> clinicalNotes;
  std::string file; // where it was read, for messages
  int line = 0;
};

struct ArticleSection {
  std::string id;
  std::string title;
  int order = 0;
  std::string intro, patientIntro;
  std::vector<std::string> paragraphs, patientParagraphs;
  std::vector<ArticleItem> items;
  std::vector<RedFlag> redFlags; // guideline warning signs, shown with the items of their tier
  std::string file;
  int line = 0;

  const std::string &introFor(bool patient) const { return patient ? patientIntro : intro; }
  const std::vector<std::string> &paragraphsFor(bool patient) const {
    return patient ? patientParagraphs : paragraphs;
  }
};

struct Article {
  std::vector<ArticleSection> sections; // in reading order
  std::vector<std::string> problems;    // "file:line: message", one per problem found while loading
  std::vector<CitedWork> cited;         // every work the notes and red flags cite, in order of first use

  const CitedWork *findCited(const std::string &workId) const;

  const ArticleSection *findSection(const std::string &id) const;
  const ArticleItem *findItem(const std::string &id) const;
  // The section an item belongs to (nullptr for an unknown id).
  const ArticleSection *sectionOfItem(const std::string &itemId) const;
  std::size_t itemCount() const;
};

// The credit line every export and the panel show.
struct ArticleCredit {
  static constexpr const char *title = "Scalenus Posterior Muscle Spasm";
  static constexpr const char *publisher = "Rxharun";
  static constexpr const char *updated = "2025-04-13";
};

// ---- the section contract -----------------------------------------------------------------------

// The sections of the article in reading order, with the number of items each must have (0 for
// sections made of paragraphs only). Issue 5 fixes these counts; the loader and the tests check them.
struct SectionContract {
  const char *id;
  int items;
};
const std::vector<SectionContract> &articleContract();

// ---- loading ------------------------------------------------------------------------------------

// Reads every *.yaml file of `dir` (in file-name order) and checks it: YAML syntax (file:line:col),
// required fields, duplicate section and item ids, link ids (inline and `links:`) against
// `structureIds`, claim ids against `claimIds`, and the sections, their order and item counts
// against articleContract(), clinical notes and red flags (at least one source each, source ids
// against `workIds`, tiers known and in order, most urgent first). Every problem is reported with file and
// line in Article::problems and everything else still loads. An empty id set skips that check.
Article loadArticle(const std::string &dir, const std::set<std::string> &structureIds,
                    const std::set<std::string> &claimIds, const std::set<std::string> &workIds = {});
// The same checks on section files already in memory, in the order given (loadArticle sorts by file
// name); `dir` names the article folder in messages about the whole article.
Article loadArticleFromTexts(const std::vector<ContentText> &files, const std::string &dir,
                             const std::set<std::string> &structureIds, const std::set<std::string> &claimIds,
                             const std::set<std::string> &workIds = {});

// ---- queries ------------------------------------------------------------------------------------

// "scalenus_posterior_left" <-> "scalenus_posterior_right"; "" for unpaired ids. The article links
// to the right-hand structure as the example of the pair, so both sides find the same text.
std::string otherSide(const std::string &id);

// Does the entry mention the structure (its `links:` or an inline link, either side of a pair)?
bool mentions(const ArticleItem &item, const std::string &structureId);
// Does the section's own text (intro, paragraphs, either version) link to the structure inline?
bool sectionTextMentions(const ArticleSection &section, const std::string &structureId);

// The passages that mention a structure, in reading order: the id of each item that mentions it,
// and the id of each section whose own text does.
std::vector<std::string> passagesMentioning(const Article &article, const std::string &structureId);

// Case-insensitive search in the version being read (term, text, notes); returns the item ids.
bool itemMatches(const ArticleItem &item, const std::string &needle, bool patient);
bool sectionTextMatches(const ArticleSection &section, const std::string &needle, bool patient);
// Byte ranges [begin, end) of every case-insensitive occurrence of `needle` in `text`.
std::vector<std::pair<std::size_t, std::size_t>> findAll(const std::string &text, const std::string &needle);

// ---- urgency tiers ------------------------------------------------------------------------------

// A section's text by tier, most urgent first: the numbered items of each tier (with their number
// in the section) and the guideline red flags of that tier. Items without a tier come first, in a
// block whose `tier` is "".
struct TierBlock {
  std::string tier;
  std::vector<std::pair<int, const ArticleItem *>> items;
  std::vector<const RedFlag *> redFlags;
};
bool hasTiers(const ArticleSection &section);
std::vector<TierBlock> tierBlocks(const ArticleSection &section);

// ---- notes from the knowledge base --------------------------------------------------------------

// What the article needs to know of a knowledge-base claim (the knowledge base's Claim has these).
struct ClaimNote {
  std::string id, text, note;
  SourceMode source = SourceMode::Reference;
  std::string cite, differsFrom;
};
using ClaimLookup = std::function<std::optional<ClaimNote>(const std::string &id)>;

// Fills ArticleItem::notes: the item's own `note`, then for each of its claims that carries a note,
// that note with the standard references' version of the fact (the claim it differs from).
void attachClaimNotes(Article &article, const ClaimLookup &lookup);

// ---- the bibliography ---------------------------------------------------------------------------

// How a work id reads in the panel and the handout; the loader calls it for every id cited.
using CiteLookup = std::function<std::optional<CitedWork>(const std::string &workId)>;
// Fills Article::cited's short and full citations (content/bibliography.h's shortCite, fullCite).
void attachCitations(Article &article, const CiteLookup &lookup);

} // namespace atlas::content
