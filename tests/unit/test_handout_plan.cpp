// The picture handout's plan (session/handout_plan.h) on the bundled model and the project's content:
// which blocks, in which order, with which pictures — checked without GL.
#include "content/content_load.h"
#include "io/model_loader.h"
#include "session/handout_plan.h"

#include "model_test_support.h"
#include <algorithm>

#include <catch2/catch.hpp>

using namespace atlas;

namespace {

const std::string contentDir = std::string(ATLAS_SOURCE_DIR) + "/content";

const content::KnowledgeBase &knowledge() {
  static const content::KnowledgeBase kb = content::loadKnowledgeBase(contentDir).knowledge;
  return kb;
}
const content::Article &article() {
  static const content::Article loaded = content::loadArticleWith(contentDir, knowledge());
  return loaded;
}
Handout plan(const std::string &id, bool patient) {
  return planHandout(test::committedModel(), knowledge(), article(), id, patient);
}

std::vector<std::string> headings(const Handout &h) {
  std::vector<std::string> out;
  for (const HandoutBlock &b : h.blocks)
    if (b.kind == HandoutBlockKind::Heading)
      out.push_back(b.text);
  return out;
}

std::vector<const PictureRequest *> pictures(const Handout &h) {
  std::vector<const PictureRequest *> out;
  for (const HandoutBlock &b : h.blocks)
    if (b.kind == HandoutBlockKind::Picture)
      out.push_back(&b.picture);
  return out;
}

const HandoutBlock *tiersBox(const Handout &h) {
  for (const HandoutBlock &b : h.blocks)
    if (b.kind == HandoutBlockKind::Tiers)
      return &b;
  return nullptr;
}

bool anyKeyMentions(const PictureRequest &p, const std::string &words) {
  return std::any_of(p.key.begin(), p.key.end(),
                     [&](const PictureKeyEntry &e) { return e.text.find(words) != std::string::npos; });
}

} // namespace

TEST_CASE("the handout plan without a selection describes the right scalenus posterior", "[handout]") {
  const Handout h = plan("", false);
  const content::StructureEntry *entry = knowledge().findStructure(defaultHandoutStructure);
  REQUIRE(entry != nullptr);
  CHECK(h.title == entry->name);
  REQUIRE_FALSE(h.blocks.empty());
  CHECK(h.blocks.front().kind == HandoutBlockKind::Paragraph);
  CHECK(h.blocks.front().text == content::plainText(entry->description));
}

TEST_CASE("the specialist handout shows origin, insertion and supply, each with a picture lit for it",
          "[handout]") {
  const Handout h = plan("scalenus_posterior_right", false);
  const std::vector<std::string> heads = headings(h);
  for (const char *expected : {"Origin", "Insertion", "Nerve supply", "Blood supply", "From the article"})
    CHECK(std::find(heads.begin(), heads.end(), expected) != heads.end());
  const std::vector<const PictureRequest *> shots = pictures(h);
  REQUIRE(shots.size() == 4); // where it lies, origin, insertion, supply
  for (const PictureRequest *p : shots) {
    CHECK(p->select == "scalenus_posterior_right");
    CHECK_FALSE(p->frame.empty());
    CHECK_FALSE(p->key.empty());
    // Print resolution: at least 200 dots per inch across the printed width.
    CHECK(p->widthPx / (p->printWidthMm / 25.4) >= 200.0);
    for (const std::string &id : p->frame)
      CHECK(test::committedModel().indexOf(id) >= 0);
  }
  // The origin picture frames the origin's attachment sites on C4-C6 and names them in its key.
  CHECK(anyKeyMentions(*shots[1], "Origin"));
  CHECK_FALSE(anyKeyMentions(*shots[1], "Insertion"));
  CHECK(shots[1]->xraySoftTissue);
  CHECK(anyKeyMentions(*shots[2], "Insertion"));
  CHECK(anyKeyMentions(*shots[3], "ramus"));
  // Every claim of the structure's attachments comes with its cites.
  std::size_t cited = 0;
  for (const HandoutBlock &b : h.blocks)
    if (b.kind == HandoutBlockKind::Item && !b.cite.empty())
      ++cited;
  CHECK(cited >= 6);
}

TEST_CASE("the handout ends with its sources and the disclaimer, every cited work listed once", "[handout]") {
  for (const bool patient : {false, true}) {
    INFO((patient ? "patient" : "specialist"));
    const Handout h = plan("scalenus_posterior_right", patient);
    REQUIRE_FALSE(h.sources.empty());
    std::vector<std::string> sorted = h.sources;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    const content::ArticleSection *disclaimer = article().findSection("disclaimer");
    REQUIRE(disclaimer != nullptr);
    CHECK(h.disclaimerTitle == disclaimer->title);
    REQUIRE_FALSE(h.disclaimer.empty());
    CHECK(h.disclaimer.front() == content::plainText(disclaimer->introFor(patient)));
    // The body holds neither: they come after it.
    for (const HandoutBlock &b : h.blocks)
      CHECK(b.text != h.disclaimer.front());
  }
}

TEST_CASE("the patient handout: where the muscle is, what a spasm is, what helps, the tiers box",
          "[handout]") {
  const Handout h = plan("scalenus_posterior_right", true);
  CHECK(h.patient);
  const std::vector<std::string> heads = headings(h);
  CHECK(heads == std::vector<std::string>{"Where it is", "What a spasm is", "What helps"});
  const std::vector<const PictureRequest *> shots = pictures(h);
  REQUIRE(shots.size() == 1);
  CHECK(anyKeyMentions(*shots[0], "The muscle")); // plain labels, as patient reading shows them
  // The spasm is explained in the overview's patient words.
  const content::ArticleSection *overview = article().findSection("overview");
  REQUIRE(overview != nullptr);
  CHECK(std::any_of(h.blocks.begin(), h.blocks.end(), [&](const HandoutBlock &b) {
    return b.text == content::plainText(overview->patientIntro);
  }));
  // The tiers come last in the body, most urgent first, in patient words with no clinician's terms.
  const HandoutBlock *box = tiersBox(h);
  REQUIRE(box != nullptr);
  CHECK(&h.blocks.back() == box);
  CHECK(box->term == "When to see a doctor");
  REQUIRE(box->tiers.size() == content::urgencyTiers().size());
  for (std::size_t i = 0; i < box->tiers.size(); ++i) {
    CHECK(box->tiers[i].title == content::urgencyTiers()[i].title);
    CHECK_FALSE(box->tiers[i].signs.empty());
    for (const HandoutSign &sign : box->tiers[i].signs)
      CHECK(sign.term.empty());
  }
  const content::ArticleSection *seeDoctor = article().findSection("see_doctor");
  REQUIRE(seeDoctor != nullptr);
  std::size_t signs = 0;
  for (const HandoutTier &tier : box->tiers)
    signs += tier.signs.size();
  CHECK(signs == seeDoctor->items.size() + seeDoctor->redFlags.size()); // none left out
  // No clinician's text in the patient version: every item is a patient field.
  for (const HandoutBlock &b : h.blocks)
    if (b.kind == HandoutBlockKind::Item) {
      const content::ArticleSection *helps = article().findSection("treatment_non_drug");
      REQUIRE(helps != nullptr);
      CHECK(std::any_of(helps->items.begin(), helps->items.end(), [&](const content::ArticleItem &i) {
        return content::plainText(i.patient) == b.text;
      }));
    }
}

TEST_CASE("the specialist tiers box keeps the article's terms and the guidelines' cites", "[handout]") {
  const Handout handout = plan("scalenus_posterior_right", false); // the box points into it
  const HandoutBlock *box = tiersBox(handout);
  REQUIRE(box != nullptr);
  std::size_t terms = 0, cited = 0;
  for (const HandoutTier &tier : box->tiers)
    for (const HandoutSign &sign : tier.signs) {
      terms += sign.term.empty() ? 0 : 1;
      cited += sign.cite.empty() ? 0 : 1;
    }
  const content::ArticleSection *seeDoctor = article().findSection("see_doctor");
  REQUIRE(seeDoctor != nullptr);
  CHECK(terms == seeDoctor->items.size());
  CHECK(cited == seeDoctor->redFlags.size());
}

TEST_CASE("a structure the model lacks gives an empty handout body", "[handout]") {
  CHECK(plan("no_such_structure", false).blocks.empty());
  // A bone: no origin of its own, so no attachment pictures, but its description and the tiers.
  const Handout rib = plan("rib2_right", false);
  CHECK_FALSE(rib.blocks.empty());
  CHECK(tiersBox(rib) != nullptr);
}

TEST_CASE("a lesson's handout has a heading, a picture of the step and its text per step",
          "[handout][lesson]") {
  const Scene &scene = test::committedModel();
  for (const char *name : {"01_scalenus_posterior_five_minutes.yaml", "03_your_neck_patient.yaml"}) {
    const content::LessonLoad load = content::loadLessonFile(contentDir + "/lessons/" + name, {});
    REQUIRE(load.lesson);
    const content::Lesson &lesson = *load.lesson;
    const Handout handout = planLessonHandout(scene, knowledge(), article(), lesson, false);
    INFO(name);
    CHECK(handout.title == lesson.title);
    CHECK(handout.count(HandoutBlockKind::Heading) == lesson.steps.size());
    REQUIRE(handout.count(HandoutBlockKind::Picture) == lesson.steps.size());
    int step = 0;
    for (const HandoutBlock &block : handout.blocks)
      if (block.kind == HandoutBlockKind::Picture)
        CHECK(block.picture.lessonStep == step++); // each picture is its own step, in order
    CHECK_FALSE(handout.sources.empty());          // the steps' sources, in full
    CHECK_FALSE(handout.disclaimer.empty());
    // A patient's lesson is read in plain words and always ends with when to get help.
    const bool forPatient = lesson.audience == "patient";
    CHECK(handout.patient == forPatient);
    CHECK(handout.count(HandoutBlockKind::Tiers) == (forPatient ? 1u : 0u));
    // Each step's text follows its picture.
    const auto picture =
        std::find_if(handout.blocks.begin(), handout.blocks.end(),
                     [](const HandoutBlock &b) { return b.kind == HandoutBlockKind::Picture; });
    REQUIRE(picture + 1 < handout.blocks.end());
    CHECK((picture + 1)->text == content::plainText(lesson.steps[0].textFor(forPatient)));
  }
}
