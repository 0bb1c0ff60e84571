// The picture handout's content (--export-handout FILE.pdf [--patient], File > Export handout): which
// headings, paragraphs, pictures, the "When to see a doctor" tiers box, the sources and the
// disclaimer, in reading order. A pure function of the model, the knowledge base and the article, so
// it is tested without GL; the app renders each PictureRequest and io/handout_pdf.h lays the pages out.
// Every word comes from the content files (content/structures, content/article): the plan only chooses
// and orders them. A lesson's steps can become blocks of the same kinds (heading, picture, paragraph).
#pragma once

#include "content/article.h"
#include "content/knowledge_base.h"
#include "content/lesson.h"
#include "scene/scene.h"
#include "session/highlights.h"

#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace atlas {

// One line of a picture's colour key: the highlight colour and what it marks ("Origin: C5").
struct PictureKeyEntry {
  glm::vec3 color{0.0f};
  std::string text;
};

// A picture to render offscreen with the app's renderer, as the 3D view would show it.
struct PictureRequest {
  std::string caption;
  std::string select;             // the structure selected: its highlights light up as in the app
  std::vector<std::string> frame; // the structures the camera fits (their joint box)
  std::string showBest;           // the view looks from where most of this structure is in sight
  float margin = 1.0f;            // the fitted box grows by this factor about its centre
  // Soft tissue x-rayed but the lit parts of `frame`, so attachment sites under a muscle show on the bone.
  bool xraySoftTissue = false;
  std::vector<PictureKeyEntry> key; // the highlighted parts, in highlight order
  // A lesson's step (from 0): the picture shows that step as the lesson does (its selection,
  // visibility, source and camera) instead of `select` and `frame`; -1 when not a lesson's picture.
  int lessonStep = -1;
  // Print size and resolution: 1600 px across a 16 cm wide picture is about 250 dpi.
  double printWidthMm = 160.0;
  int widthPx = 1600, heightPx = 1000;
};

// One warning sign: the article's (a short term and its text) or a guideline's red flag (text and cites).
struct HandoutSign {
  std::string term; // "" for red flags, and for patients (their text says it in plain words)
  std::string text;
  std::string cite;
};

// The urgency tiers of "When to see a doctor", most urgent first, as the boxed section shows them.
struct HandoutTier {
  std::string title; // what to do ("Emergency now: call ...")
  std::vector<HandoutSign> signs;
};

enum class HandoutBlockKind { Heading, Subheading, Paragraph, Item, Note, Picture, Tiers };

struct HandoutBlock {
  HandoutBlockKind kind = HandoutBlockKind::Paragraph;
  std::string text;               // plain text (inline link markup removed)
  std::string term;               // Item: the bold words that start it; Note: its label
  std::string cite;               // short cites shown after the text ("" when none)
  PictureRequest picture;         // Picture only
  std::vector<HandoutTier> tiers; // Tiers only
};

struct Handout {
  std::string title, subtitle;
  bool patient = false;
  std::vector<HandoutBlock> blocks;    // the body, in reading order
  std::vector<std::string> sources;    // full citations of every work the body cites, in order of use
  std::string disclaimerTitle;         // the article's Disclaimer section: at the end, always
  std::vector<std::string> disclaimer; // its text in the version read (for patients: its opening statement)
  std::string credit;                  // the seed article the text is adapted from

  // How many blocks of this kind (tests).
  std::size_t count(HandoutBlockKind kind) const;
};

// The structure a handout describes when nothing is selected.
inline constexpr const char *defaultHandoutStructure = "scalenus_posterior_right";

// The handout for `structureId` (a structure the model has; "" means defaultHandoutStructure):
//  - specialist: its name and description, a picture of where it lies, then its origin, insertion
//    and supply, each as its claims with their cites and a picture with those parts lit and framed,
//    its actions and relations, the article's passages that mention it (with clinical notes), the
//    "When to see a doctor" tiers, the sources, the disclaimer;
//  - patient (`patient`): a picture of where the muscle is with plain labels, the structure's plain
//    description, what a spasm is (the overview), what helps (the first entries of the drug-free
//    treatments), the tiers box in plain words, the sources and the disclaimer: one or two A4 pages.
Handout planHandout(const Scene &scene, const content::KnowledgeBase &kb, const content::Article &article,
                    const std::string &structureId, bool patient, SourceMode mode = SourceMode::Reference);

// The handout of a lesson (--export-handout FILE.pdf --lesson FILE): its title, then one block per
// step (heading, the step's picture, its text in the version read, its pins, its sources), the
// sources, the disclaimer and the credit as in planHandout.
Handout planLessonHandout(const Scene &scene, const content::KnowledgeBase &kb,
                          const content::Article &article, const content::Lesson &lesson, bool patient,
                          SourceMode mode = SourceMode::Reference);

} // namespace atlas
