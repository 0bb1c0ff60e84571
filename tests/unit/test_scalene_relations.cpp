// The relations of the scalenes that every physiotherapy exam asks about (issue 12): the phrenic
// nerve on scalenus anterior, the subclavian vein in front of it and the artery behind, the nerves
// that pierce scalenus medius, the interscalene gap, and the dome of the pleura under the muscles.
// The knowledge-base checks run on content/ alone; the highlight checks run twice: on a scene built
// from the knowledge base's own ids (no geometry), and on the bundled model once it has the new
// structures (the lead regenerates assets/cervical_region.glb).
#include "content/knowledge_base.h"
#include "content/readability.h"
#include "io/model_loader.h"
#include "session/highlights.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace atlas;
using content::Claim;
using content::ClaimRole;

namespace {

const content::KnowledgeLoad &knowledge() {
  static const content::KnowledgeLoad load =
      content::loadKnowledgeBase(std::string(ATLAS_SOURCE_DIR) + "/content");
  return load;
}

bool endsWith(const std::string &s, const std::string &tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Every structure its reference relation claims (not variations) name, as highlights use them.
std::set<std::string> relationTargets(const std::string &subject) {
  std::set<std::string> out;
  for (const Claim *c : knowledge().knowledge.claimsAbout(subject))
    if (c->role == ClaimRole::Relation && !c->variation && c->source == SourceMode::Reference)
      out.insert(c->targets.begin(), c->targets.end());
  return out;
}

// A scene with one empty structure per knowledge-base entry: the highlight logic needs ids and
// systems, not meshes.
Scene sceneOfKnowledgeIds() {
  Scene scene;
  for (const content::StructureEntry &e : knowledge().knowledge.structures()) {
    Structure s;
    s.id = e.id;
    s.name = e.name;
    s.side = e.side;
    s.system = systemFromName(e.system).value_or(System::Other);
    scene.add(std::move(s));
  }
  return scene;
}

std::set<std::string> relatedIds(const Scene &scene, const std::string &selected) {
  const int index = scene.indexOf(selected);
  REQUIRE(index >= 0);
  std::set<std::string> out;
  for (const Highlight &h : computeHighlights(scene, knowledge().knowledge, index, SourceMode::Reference))
    if (h.role == HighlightRole::Related)
      out.insert(scene.structures()[static_cast<std::size_t>(h.structure)].id);
  return out;
}

const char *const kNewStructures[] = {"phrenic_nerve_left",         "phrenic_nerve_right",
                                      "dorsal_scapular_nerve_left", "long_thoracic_nerve_left",
                                      "suprascapular_nerve_left",   "subclavian_vein_left",
                                      "internal_jugular_vein_left", "brachiocephalic_vein_left",
                                      "suprascapular_artery_left",  "internal_thoracic_artery_left",
                                      "common_carotid_artery_left", "common_carotid_artery_right",
                                      "brachiocephalic_trunk",      "aortic_arch",
                                      "cervical_pleura_left",       "suprapleural_membrane_left"};

} // namespace

TEST_CASE("the root-of-neck structures have entries with a system, texts and sourced relations",
          "[knowledge][content][scalene_relations]") {
  const content::KnowledgeLoad &load = knowledge();
  for (const std::string &problem : load.problems)
    FAIL_CHECK(problem);
  const content::Bibliography &bib = load.knowledge.bibliography();
  for (const char *id : kNewStructures) {
    INFO(id);
    const content::StructureEntry *entry = load.knowledge.findStructure(id);
    REQUIRE(entry);
    CHECK(systemFromName(entry->system).has_value()); // a system the model knows too
    CHECK_FALSE(entry->description.empty());
    CHECK_FALSE(entry->patient.empty());
    // At least one relation rests on a textbook or a study.
    bool sourced = false;
    for (const Claim *c : load.knowledge.claimsAbout(id))
      for (const std::string &work : c->works)
        if (const content::Work *w = bib.find(work);
            c->role == ClaimRole::Relation && w && (w->kind == "textbook" || w->kind == "paper"))
          sourced = true;
    CHECK(sourced);
  }
  CHECK(load.knowledge.findStructure("cervical_pleura_right")->system == "pleura");
  CHECK(load.knowledge.findStructure("suprapleural_membrane_right")->system == "fascia");
  CHECK(load.knowledge.findStructure("subclavian_vein_right")->system == "vein");
  // The brachiocephalic trunk is on the right only.
  CHECK_FALSE(load.knowledge.findStructure("brachiocephalic_trunk_left"));
  CHECK(load.knowledge.findStructure("brachiocephalic_trunk")->side == "midline");
}

TEST_CASE("scalenus anterior names the phrenic nerve, the subclavian vein in front and the artery behind",
          "[knowledge][scalene_relations]") {
  for (const char *side : {"left", "right"}) {
    const std::string s(side);
    INFO(side);
    const std::set<std::string> related = relationTargets("scalenus_anterior_" + s);
    for (const char *id : {"phrenic_nerve_", "subclavian_vein_", "subclavian_artery_", "scalenus_medius_",
                           "rib1_", "lower_trunk_", "cervical_pleura_"})
      CHECK(related.count(id + s) == 1);
    // ... and the nerve names the muscle back, from its lateral to its medial border.
    const std::set<std::string> phrenic = relationTargets("phrenic_nerve_" + s);
    CHECK(phrenic.count("scalenus_anterior_" + s) == 1);
    CHECK(phrenic.count("c4_ventral_ramus_" + s) == 1);
  }
  const Claim *front = knowledge().knowledge.findClaim("scalenus_anterior.relation.phrenic_nerve");
  REQUIRE(front);
  CHECK_THAT(front->text, Catch::Contains("lateral") && Catch::Contains("medial"));
  const Claim *roots = knowledge().knowledge.findClaim("phrenic_nerve.relation.roots");
  REQUIRE(roots);
  CHECK_THAT(roots->text, Catch::Contains("C3") && Catch::Contains("C5"));
}

TEST_CASE("the interscalene gap holds the trunks and the artery, never the subclavian vein",
          "[knowledge][scalene_relations]") {
  for (const char *id :
       {"scalenus_anterior.relation.interscalene_gap", "scalenus_medius.relation.interscalene_gap"}) {
    INFO(id);
    const Claim *gap = knowledge().knowledge.findClaim(id);
    REQUIRE(gap);
    CHECK(gap->role == ClaimRole::Relation);
    const std::set<std::string> targets(gap->targets.begin(), gap->targets.end());
    for (const char *part : {"rib1_right", "upper_trunk_right", "middle_trunk_right", "lower_trunk_right",
                             "subclavian_artery_right"})
      CHECK(targets.count(part) == 1);
    CHECK(targets.count("subclavian_vein_right") == 0);
    CHECK_THAT(gap->text, Catch::Contains("vein"));
  }
}

TEST_CASE("the nerves that pierce scalenus medius are its relations, and they name it back",
          "[knowledge][scalene_relations]") {
  const std::set<std::string> medius = relationTargets("scalenus_medius_left");
  CHECK(medius.count("dorsal_scapular_nerve_left") == 1);
  CHECK(medius.count("long_thoracic_nerve_left") == 1);
  CHECK(medius.count("dorsal_scapular_nerve_right") == 0); // the same side only
  CHECK(relationTargets("dorsal_scapular_nerve_left").count("scalenus_medius_left") == 1);
  CHECK(relationTargets("long_thoracic_nerve_left").count("scalenus_medius_left") == 1);
  const Claim *roots = knowledge().knowledge.findClaim("long_thoracic_nerve.relation.scalenus_medius");
  REQUIRE(roots);
  CHECK_THAT(roots->text, Catch::Contains("C7") && Catch::Contains("in front"));
}

TEST_CASE("the right subclavian artery comes from the brachiocephalic trunk, the left from the arch",
          "[knowledge][scalene_relations]") {
  const std::set<std::string> right = relationTargets("subclavian_artery_right");
  const std::set<std::string> left = relationTargets("subclavian_artery_left");
  CHECK(right.count("brachiocephalic_trunk") == 1);
  CHECK(left.count("brachiocephalic_trunk") == 0);
  CHECK(left.count("aortic_arch") == 1);
  CHECK(right.count("aortic_arch") == 0);
  const Claim *arch = knowledge().knowledge.findClaim("subclavian_artery.relation.origin_left");
  REQUIRE(arch);
  CHECK(arch->subject == "subclavian_artery_left");
  CHECK_THAT(arch->text, Catch::Contains("arch of the aorta"));
  const std::set<std::string> trunk = relationTargets("brachiocephalic_trunk");
  CHECK(trunk.count("subclavian_artery_right") == 1);
  CHECK(trunk.count("common_carotid_artery_right") == 1);
}

TEST_CASE("the dome of the pleura lies under the scalenes and the first rib, and the needling risk is "
          "said",
          "[knowledge][scalene_relations]") {
  const std::set<std::string> dome = relationTargets("cervical_pleura_right");
  for (const char *part : {"scalenus_anterior_right", "scalenus_medius_right", "rib1_right",
                           "subclavian_artery_right", "subclavian_vein_right", "suprapleural_membrane_right"})
    CHECK(dome.count(part) == 1);
  const Claim *needling = knowledge().knowledge.findClaim("cervical_pleura.relation.needling");
  REQUIRE(needling);
  CHECK_THAT(needling->text, Catch::Contains("pneumothorax"));
  const std::set<std::string> membrane = relationTargets("suprapleural_membrane_left");
  CHECK(membrane.count("c7") == 1);
  CHECK(membrane.count("rib1_left") == 1);
}

TEST_CASE("a claim about a left structure never points at a right one, and the other way round",
          "[knowledge][scalene_relations]") {
  std::size_t sided = 0;
  for (const Claim &c : knowledge().knowledge.claims()) {
    const bool left = endsWith(c.subject, "_left"), right = endsWith(c.subject, "_right");
    if (!left && !right)
      continue;
    ++sided;
    for (const std::string &t : c.targets) {
      INFO(c.id << " (" << c.subject << ") -> " << t);
      CHECK_FALSE(endsWith(t, left ? "_right" : "_left"));
    }
  }
  CHECK(sided > 100);
}

TEST_CASE("the patient texts of the new structures are plain (Flesch-Kincaid grade 8 or below)",
          "[knowledge][readability][scalene_relations]") {
  for (const char *id : kNewStructures) {
    const content::StructureEntry *entry = knowledge().knowledge.findStructure(id);
    REQUIRE(entry);
    INFO(id << ": " << entry->patient);
    CHECK(content::fleschKincaidGrade(entry->patient) <= 8.0);
  }
}

TEST_CASE("selecting a scalene lights its relations: the phrenic nerve, the piercing nerves, the dome",
          "[highlights][scalene_relations]") {
  const Scene scene = sceneOfKnowledgeIds();
  const std::set<std::string> anterior = relatedIds(scene, "scalenus_anterior_left");
  CHECK(anterior.count("phrenic_nerve_left") == 1);
  CHECK(anterior.count("subclavian_vein_left") == 1);
  CHECK(anterior.count("cervical_pleura_left") == 1);
  CHECK(anterior.count("phrenic_nerve_right") == 0);
  const std::set<std::string> medius = relatedIds(scene, "scalenus_medius_left");
  CHECK(medius.count("dorsal_scapular_nerve_left") == 1);
  CHECK(medius.count("long_thoracic_nerve_left") == 1);
  // The reverse view: the nerve lights the muscle it lies on.
  CHECK(relatedIds(scene, "phrenic_nerve_right").count("scalenus_anterior_right") == 1);
  CHECK(relatedIds(scene, "cervical_pleura_right").count("scalenus_medius_right") == 1);
}

// Needs the regenerated bundled model (issue 12 adds the structures to assets/cervical_region.glb).
TEST_CASE("on the bundled model, scalenus anterior lights the phrenic nerve and scalenus medius the "
          "nerves that pierce it",
          "[highlights][model][scalene_relations]") {
  Result<Scene> model = loadModel(std::string(ATLAS_SOURCE_DIR) + "/assets/cervical_region.glb");
  REQUIRE(model);
  const std::set<std::string> anterior = relatedIds(*model, "scalenus_anterior_left");
  CHECK(anterior.count("phrenic_nerve_left") == 1);
  CHECK(anterior.count("subclavian_vein_left") == 1);
  const std::set<std::string> medius = relatedIds(*model, "scalenus_medius_left");
  CHECK(medius.count("dorsal_scapular_nerve_left") == 1);
  CHECK(medius.count("long_thoracic_nerve_left") == 1);
}
