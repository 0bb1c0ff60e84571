#include "session/handout_plan.h"

#include "content/article_markdown.h"

#include <algorithm>
#include <cmath>

namespace atlas {

using content::Article;
using content::ArticleItem;
using content::ArticleSection;
using content::Claim;
using content::ClaimRole;
using content::KnowledgeBase;

std::size_t Handout::count(HandoutBlockKind kind) const {
  return static_cast<std::size_t>(
      std::count_if(blocks.begin(), blocks.end(), [kind](const HandoutBlock &b) { return b.kind == kind; }));
}

namespace {

// The patient handout's "What helps": the first entries of the drug-free treatments, in the article's
// order, so the key points stay on one or two A4 pages.
constexpr std::size_t patientTreatments = 3;

// The highlight colours are linear (the shader's space); the page wants sRGB.
glm::vec3 toSrgb(const glm::vec3 &linear) {
  return glm::pow(glm::clamp(linear, 0.0f, 1.0f), glm::vec3(1.0f / 2.2f));
}

// Everything the plan needs while it builds, and what it has cited so far.
struct Planner {
  const Scene &scene;
  const KnowledgeBase &kb;
  const Article &article;
  bool patient;
  SourceMode mode;
  Handout out;
  std::vector<std::string> workIds; // in order of first use

  std::string cites(const std::vector<std::string> &works) {
    std::string text;
    for (const std::string &id : works) {
      if (std::find(workIds.begin(), workIds.end(), id) == workIds.end())
        workIds.push_back(id);
      const content::Work *work = kb.bibliography().find(id);
      text += (text.empty() ? "" : "; ") + (work ? content::shortCite(*work) : id);
    }
    return text;
  }

  // The end of every handout: the full citations of what was cited, the disclaimer and the credit.
  void finish() {
    for (const std::string &work : workIds)
      if (const content::Work *w = kb.bibliography().find(work))
        out.sources.push_back(content::fullCite(*w));
      else
        out.sources.push_back(work);
    if (const ArticleSection *d = article.findSection("disclaimer")) {
      out.disclaimerTitle = d->title;
      if (!d->introFor(patient).empty())
        out.disclaimer.push_back(content::plainText(d->introFor(patient)));
      // The patient's pages keep to the statement itself; the specialist handout has all of it.
      if (!patient)
        for (const std::string &para : d->paragraphsFor(patient))
          out.disclaimer.push_back(content::plainText(para));
    }
    out.credit = std::string("Adapted in the project's own words from the article \"") +
                 content::ArticleCredit::title + "\" (" + content::ArticleCredit::publisher +
                 ", last updated " + content::ArticleCredit::updated + ").";
  }

  void add(HandoutBlockKind kind, const std::string &text, const std::string &term = "",
           const std::string &cite = "") {
    if (text.empty() && kind != HandoutBlockKind::Heading)
      return;
    HandoutBlock b;
    b.kind = kind;
    b.text = content::plainText(text);
    b.term = term;
    b.cite = cite;
    out.blocks.push_back(std::move(b));
  }

  // A picture of `structure` selected as in the app, the camera fitting `frame` (empty: the model's
  // view as the standard views frame it), with a colour key of the lit parts of `roles`.
  void picture(int structure, const std::string &caption, const std::vector<std::string> &frame,
               const std::string &showBest, float margin, const std::vector<HighlightRole> &roles) {
    HandoutBlock b;
    b.kind = HandoutBlockKind::Picture;
    PictureRequest &p = b.picture;
    p.caption = caption;
    p.select = scene.structures()[static_cast<std::size_t>(structure)].id;
    p.frame = frame;
    p.showBest = showBest;
    p.margin = margin;
    const std::vector<Highlight> lit = computeHighlights(scene, kb, structure, mode);
    for (const auto &[index, text] : highlightLabels(scene, lit, patient))
      for (const Highlight &h : lit)
        if (h.structure == index && std::find(roles.begin(), roles.end(), h.role) != roles.end())
          p.key.push_back({toSrgb(highlightColor(h.role)), text});
    out.blocks.push_back(std::move(b));
  }

  std::vector<std::string> litIds(int structure, std::initializer_list<HighlightRole> roles) const {
    std::vector<std::string> ids;
    for (const Highlight &h : computeHighlights(scene, kb, structure, mode))
      if (std::find(roles.begin(), roles.end(), h.role) != roles.end())
        ids.push_back(scene.structures()[static_cast<std::size_t>(h.structure)].id);
    return ids;
  }

  void clinicalNotes(const ArticleItem &item) {
    for (const content::ClinicalNote &note : item.clinicalNotes)
      add(HandoutBlockKind::Note, patient ? note.patient : note.text,
          content::clinicalNoteLabel(note.kind, patient), cites(note.sources));
  }

  void tiers() {
    const ArticleSection *section = article.findSection("see_doctor");
    if (!section || !content::hasTiers(*section))
      return;
    HandoutBlock b;
    b.kind = HandoutBlockKind::Tiers;
    b.term = section->title;
    b.text = content::plainText(section->introFor(patient));
    for (const content::TierBlock &block : content::tierBlocks(*section)) {
      HandoutTier tier{content::tierTitle(block.tier), {}};
      for (const auto &[number, item] : block.items)
        tier.signs.push_back(
            {patient ? "" : item->term, content::plainText(patient ? item->patient : item->text), ""});
      for (const content::RedFlag *flag : block.redFlags)
        tier.signs.push_back(
            {"", content::plainText(patient ? flag->patient : flag->text), cites(flag->sources)});
      b.tiers.push_back(std::move(tier));
    }
    out.blocks.push_back(std::move(b));
  }

  // The claims of one role with their cites; the article's own version and variations say so.
  void claims(const std::string &id, ClaimRole role) {
    for (const Claim *claim : kb.claimsAbout(id)) {
      if (claim->role != role)
        continue;
      const char *whose = claim->variation                       ? "Variation"
                          : claim->source == SourceMode::Article ? "The article"
                                                                 : "Standard references";
      add(HandoutBlockKind::Item, claim->text, whose, cites(claim->works));
      if (!claim->note.empty())
        add(HandoutBlockKind::Note, claim->note, "Where sources differ");
    }
  }

  void articlePassages(const std::string &id) {
    bool headed = false;
    for (const ArticleSection &section : article.sections) {
      if (section.id == "see_doctor" || section.id == "disclaimer")
        continue; // the tiers box and the end of the handout
      std::vector<const ArticleItem *> items;
      for (const ArticleItem &item : section.items)
        if (content::mentions(item, id))
          items.push_back(&item);
      const bool ownText = content::sectionTextMentions(section, id);
      if (items.empty() && !ownText)
        continue;
      if (!headed)
        add(HandoutBlockKind::Heading, "From the article");
      headed = true;
      add(HandoutBlockKind::Subheading, section.title);
      if (ownText)
        add(HandoutBlockKind::Paragraph, section.intro);
      for (const ArticleItem *item : items) {
        add(HandoutBlockKind::Item, item->text, item->term);
        for (const content::SourceNote &note : item->notes)
          add(HandoutBlockKind::Note, note.text + (note.reference.empty() ? "" : " " + note.reference),
              "Where sources differ", note.cite);
        clinicalNotes(*item);
      }
    }
  }

  void specialist(int structure, const content::StructureEntry *entry) {
    const Structure &s = scene.structures()[static_cast<std::size_t>(structure)];
    add(HandoutBlockKind::Paragraph, entry ? entry->description : "");
    std::vector<std::string> around{s.id};
    for (const std::string &lit : litIds(structure, {HighlightRole::Origin, HighlightRole::Insertion,
                                                     HighlightRole::NerveSupply, HighlightRole::BloodSupply}))
      around.push_back(lit);
    picture(structure, "Where it lies, with its attachments and supply lit as in the app", around, s.id,
            1.05f,
            {HighlightRole::Selected, HighlightRole::Origin, HighlightRole::Insertion,
             HighlightRole::NerveSupply, HighlightRole::BloodSupply});
    // Attachments framed close: a footprint is small, so the box grows to show the bone around it.
    const struct {
      ClaimRole role;
      std::vector<HighlightRole> lit;
      float margin;
    } parts[] = {{ClaimRole::Origin, {HighlightRole::Origin}, 2.5f},
                 {ClaimRole::Insertion, {HighlightRole::Insertion}, 5.0f},
                 {ClaimRole::NerveSupply, {HighlightRole::NerveSupply, HighlightRole::BloodSupply}, 1.1f},
                 {ClaimRole::BloodSupply, {}, 1.0f}};
    for (const auto &part : parts) {
      add(HandoutBlockKind::Heading, content::claimRoleLabel(part.role));
      claims(s.id, part.role);
      std::vector<std::string> frame;
      for (const Highlight &h : computeHighlights(scene, kb, structure, mode))
        if (std::find(part.lit.begin(), part.lit.end(), h.role) != part.lit.end())
          frame.push_back(scene.structures()[static_cast<std::size_t>(h.structure)].id);
      if (frame.empty())
        continue;
      std::vector<HighlightRole> keyRoles = part.lit;
      keyRoles.push_back(HighlightRole::Selected);
      if (part.role == ClaimRole::NerveSupply)
        frame.push_back(s.id); // the nerves and vessels where they reach the muscle
      picture(
          structure,
          std::string(part.role == ClaimRole::NerveSupply ? "Supply" : content::claimRoleLabel(part.role)) +
              " lit and framed",
          frame, frame.front(), part.margin, keyRoles);
      PictureRequest &shown = out.blocks.back().picture;
      shown.xraySoftTissue = part.role != ClaimRole::NerveSupply;
      shown.printWidthMm = 130.0; // two pictures and their text to a page; still 250 dpi
      shown.widthPx = 1300;
      shown.heightPx = 800;
    }
    for (ClaimRole role : {ClaimRole::Action, ClaimRole::Relation}) {
      add(HandoutBlockKind::Heading, role == ClaimRole::Action ? "Actions" : "Relations");
      claims(s.id, role);
      if (out.blocks.back().kind == HandoutBlockKind::Heading)
        out.blocks.pop_back(); // no claims of this role
    }
    articlePassages(s.id);
    tiers();
  }

  void forPatient(int structure, const content::StructureEntry *entry) {
    const Structure &s = scene.structures()[static_cast<std::size_t>(structure)];
    add(HandoutBlockKind::Heading, "Where it is");
    // The muscle and where it attaches, with the neck around it for a sense of place.
    std::vector<std::string> around{s.id};
    for (const std::string &lit : litIds(structure, {HighlightRole::Origin, HighlightRole::Insertion}))
      around.push_back(lit);
    picture(structure, "", around, s.id, 1.15f,
            {HighlightRole::Selected, HighlightRole::Origin, HighlightRole::Insertion});
    // Smaller, so the key points keep to one or two pages; still 250 dpi.
    out.blocks.back().picture.printWidthMm = 80.0;
    out.blocks.back().picture.widthPx = 800;
    out.blocks.back().picture.heightPx = 520;
    add(HandoutBlockKind::Paragraph, entry ? entry->patient : "");
    if (const ArticleSection *overview = article.findSection("overview")) {
      add(HandoutBlockKind::Heading, "What a spasm is");
      add(HandoutBlockKind::Paragraph, overview->patientIntro);
    }
    if (const ArticleSection *helps = article.findSection("treatment_non_drug")) {
      add(HandoutBlockKind::Heading, "What helps");
      for (std::size_t i = 0; i < helps->items.size() && i < patientTreatments; ++i) {
        add(HandoutBlockKind::Item, helps->items[i].patient, helps->items[i].term);
        // Risks stay with the treatment they concern; evidence notes are left to the full article,
        // so the key points keep to two pages.
        for (const content::ClinicalNote &note : helps->items[i].clinicalNotes)
          if (note.kind == "risk")
            add(HandoutBlockKind::Note, note.patient, content::clinicalNoteLabel(note.kind, true),
                cites(note.sources));
      }
    }
    tiers();
  }
};

} // namespace

Handout planHandout(const Scene &scene, const KnowledgeBase &kb, const Article &article,
                    const std::string &structureId, bool patient, SourceMode mode) {
  Planner p{scene, kb, article, patient, mode, {}, {}};
  p.out.patient = patient;
  const std::string id = structureId.empty() ? defaultHandoutStructure : structureId;
  const int structure = scene.indexOf(id);
  const content::StructureEntry *entry = kb.findStructure(id);
  if (structure >= 0) {
    const Structure &s = scene.structures()[static_cast<std::size_t>(structure)];
    p.out.title = entry ? entry->name : s.displayName();
    p.out.subtitle = std::string("A Scalene Atlas handout — ") +
                     (patient ? "version for patients" : "version for clinicians and students");
    if (patient)
      p.forPatient(structure, entry);
    else
      p.specialist(structure, entry);
  }
  p.finish();
  return p.out;
}

Handout planLessonHandout(const Scene &scene, const KnowledgeBase &kb, const Article &article,
                          const content::Lesson &lesson, bool patient, SourceMode mode) {
  patient = patient || lesson.audience == "patient"; // a patient's lesson is read in plain words
  Planner p{scene, kb, article, patient, mode, {}, {}};
  p.out.patient = patient;
  p.out.title = lesson.title;
  p.out.subtitle = std::string("A Scalene Atlas lesson — ") + std::to_string(lesson.steps.size()) +
                   (lesson.steps.size() == 1 ? " step" : " steps");
  if (!lesson.summary.empty())
    p.add(HandoutBlockKind::Paragraph, lesson.summary);
  int number = 0;
  for (const content::LessonStep &step : lesson.steps) {
    p.add(HandoutBlockKind::Heading, std::to_string(number + 1) + ". " + step.title);
    // The picture is the step as the lesson shows it; its key lists the parts lit for the part
    // described (the last selected), as the legend in the app does.
    p.mode = step.source;
    const int described = step.select.empty() ? -1 : scene.indexOf(step.select.back());
    if (described >= 0)
      p.picture(described, "", step.select, step.select.back(), 1.0f, // the heading names it
                {HighlightRole::Selected, HighlightRole::Origin, HighlightRole::Insertion,
                 HighlightRole::NerveSupply, HighlightRole::BloodSupply, HighlightRole::Related});
    else {
      HandoutBlock b;
      b.kind = HandoutBlockKind::Picture;
      p.out.blocks.push_back(std::move(b));
    }
    PictureRequest &shot = p.out.blocks.back().picture;
    shot.lessonStep = number;
    // Beside its text (the PDF puts a narrow picture's paragraph to its right), so a lesson of five
    // steps keeps to about two pages; still 250 dpi.
    shot.printWidthMm = 80.0;
    shot.widthPx = 800;
    shot.heightPx = 560;
    p.add(HandoutBlockKind::Paragraph, step.textFor(patient), "", p.cites(step.sources));
    for (const content::LessonPin &pin : step.pins) {
      const int on = scene.indexOf(pin.structure);
      p.add(HandoutBlockKind::Item, pin.note,
            on >= 0 ? scene.structures()[static_cast<std::size_t>(on)].displayName() + ":" : "");
    }
    ++number;
  }
  // A patient takes the handout home: when to get help, with its urgency, is always on it.
  if (patient)
    p.tiers();
  p.finish();
  return p.out;
}

} // namespace atlas
