// Issue 12: muscles, nerves and vessels lie against their neighbours instead of running through them.
// The exemptions the measurement allows (a muscle inside the bone it is fixed to, within its footprint;
// a nerve through the muscle it pierces; a branch inside the vessel it leaves) on simple shapes first,
// then every pair of structures of the committed model (test_model_reproducible proves it is the
// generator's output). Failures name the pair, the depth and where (mm, frame of REFERENCE.md §1).
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen/tube_junctions.h"
#include "modelgen_test_support.h"
#include "support/shapes.h"

using namespace atlas;
using test::solid;

namespace {

const glm::vec4 kGrey{0.8f, 0.8f, 0.8f, 1.0f};

// A "nerve" (a 4 mm ball; the measurement counts vertices, so the shapes are finely meshed) centred
// on the +X face of a 20 mm box-shaped "muscle": it runs 4 mm into the muscle.
Scene nerveThroughMuscle(const std::string &pierces) {
  Scene scene;
  scene.add(solid("scalenus_medius_left", System::Muscle,
                  test::makeBox({0, 0, 0}, {0.010f, 0.010f, 0.010f}, kGrey)));
  Structure nerve = solid("dorsal_scapular_nerve_left", System::Nerve,
                          test::makeSphere({0.010f, 0, 0}, 0.004f, 48, 96, kGrey));
  if (!pierces.empty())
    nerve.extras["pierces"] = pierces;
  scene.add(std::move(nerve));
  return scene;
}

} // namespace

TEST_CASE("contacts: soft tissues are measured, and only in the everything scope", "[contacts]") {
  const Scene scene = nerveThroughMuscle("");
  CHECK(modelgen::penetrations(scene, 0.5f, modelgen::ContactScope::Skeleton).empty());
  const std::vector<modelgen::Penetration> found =
      modelgen::penetrations(scene, 0.5f, modelgen::ContactScope::Everything);
  REQUIRE(found.size() == 1);
  INFO(modelgen::describe(found[0]));
  // The box's corners are not inside the ball: the report is the nerve running into the muscle.
  CHECK(found[0].by == "dorsal_scapular_nerve_left");
  CHECK(found[0].into == "scalenus_medius_left");
  CHECK(found[0].depth == Approx(4.0f).margin(0.2));
}

TEST_CASE("contacts: a nerve that pierces a muscle in the model's data is allowed through it only",
          "[contacts]") {
  const Scene pierced = nerveThroughMuscle("scalenus_anterior_left,scalenus_medius_left");
  CHECK(modelgen::penetrations(pierced, 0.5f, modelgen::ContactScope::Everything).empty());
  const modelgen::ContactExemptions exemptions(pierced);
  CHECK(exemptions.allows("dorsal_scapular_nerve_left", "scalenus_medius_left", {0, 0, 0}));
  CHECK(exemptions.allows("scalenus_medius_left", "dorsal_scapular_nerve_left", {0, 0, 0}));
  CHECK_FALSE(exemptions.allows("dorsal_scapular_nerve_left", "scalenus_posterior_left", {0, 0, 0}));
  // Another muscle's name does not let it through this one.
  const Scene other = nerveThroughMuscle("scalenus_posterior_left");
  CHECK(modelgen::penetrations(other, 0.5f, modelgen::ContactScope::Everything).size() == 1);
}

TEST_CASE("contacts: a muscle may sink into its bone inside its footprint and nowhere else", "[contacts]") {
  Scene scene;
  scene.add(solid("rib1_left", System::Bone, test::makeBox({0, 0, 0}, {0.020f, 0.005f, 0.020f}, kGrey)));
  // The muscle's two ends (2.5 mm balls) sink 2.5 mm into the bone's upper face at x = -8 and +8 mm.
  Structure muscle = solid("scalenus_anterior_left", System::Muscle,
                           test::makeSphere({-0.008f, 0.005f, 0}, 0.0025f, 48, 96, kGrey));
  muscle.meshes.push_back(test::makeSphere({0.008f, 0.005f, 0}, 0.0025f, 48, 96, kGrey));
  scene.add(std::move(muscle));
  const std::vector<modelgen::Penetration> bare =
      modelgen::penetrations(scene, 0.5f, modelgen::ContactScope::Everything);
  REQUIRE(bare.size() == 1);
  CHECK(bare[0].by == "scalenus_anterior_left");
  CHECK(bare[0].depth == Approx(2.5f).margin(0.2));

  // A footprint over the left half only: the right half still counts, and is reported there.
  Structure footprint = solid("scalenus_anterior_left.insertion.rib1_left", System::Attachment,
                              test::makeBox({-0.008f, 0.0052f, 0}, {0.006f, 0.0002f, 0.004f}, kGrey));
  footprint.attachment = AttachmentSite{AttachmentRole::Insertion, "scalenus_anterior_left", "rib1_left",
                                        AttachmentSource::Reference};
  scene.add(std::move(footprint));
  const std::vector<modelgen::Penetration> half =
      modelgen::penetrations(scene, 0.5f, modelgen::ContactScope::Everything);
  REQUIRE(half.size() == 1);
  INFO(modelgen::describe(half[0]));
  CHECK(half[0].where.x > 0.0f);

  // Another muscle's footprint on the same bone does not excuse this one.
  const modelgen::ContactExemptions exemptions(scene, 3.0f);
  CHECK(exemptions.allows("scalenus_anterior_left", "rib1_left", {-8.0f, 4.0f, 0}));
  CHECK_FALSE(exemptions.allows("scalenus_medius_left", "rib1_left", {-8.0f, 4.0f, 0}));
  CHECK_FALSE(exemptions.allows("scalenus_anterior_left", "rib1_left", {8.0f, 4.0f, 0}));
}

TEST_CASE("contacts: a branch joins the vessel it leaves, a vessel passing by or a nerve does not",
          "[contacts]") {
  using modelgen::TubeCurve;
  const TubeCurve parent{"subclavian_artery_left", "artery", {{0, 0, 0}, {50.0f, 0, 0}}, 4.5f};
  // Starts on the parent's axis and climbs away.
  const TubeCurve branch{"vertebral_artery_left", "artery", {{20.0f, 0, 0}, {20.0f, 40.0f, 0}}, 2.2f};
  // Runs beside the parent, its axis 6 mm from the parent's: the walls touch, but its ends lie
  // outside the parent, so they are neighbours, not a branch and its parent.
  const TubeCurve passing{
      "inferior_thyroid_artery_left", "artery", {{-20.0f, 6.0f, 0}, {10.0f, 6.0f, 0}}, 1.5f};
  // A nerve ending on the artery is a drawing error, not a junction.
  const TubeCurve nerve{"phrenic_nerve_left", "nerve", {{30.0f, 0, 0}, {30.0f, 0, 40.0f}}, 1.0f};
  const auto joins = modelgen::tubeJunctions({parent, branch, passing, nerve});
  REQUIRE(joins.count("vertebral_artery_left") == 1);
  CHECK(joins.at("vertebral_artery_left") == std::vector<std::string>{"subclavian_artery_left"});
  CHECK(joins.count("inferior_thyroid_artery_left") == 0);
  CHECK(joins.count("phrenic_nerve_left") == 0);
  // The parent's ends lie far from the branch: it joins nothing itself.
  CHECK(joins.count("subclavian_artery_left") == 0);
}

TEST_CASE("model: no muscle, nerve or vessel runs into another structure by more than 0.5 mm",
          "[model][contacts]") {
  const Scene &model = test::committedModel();
  const modelgen::ContactExemptions exemptions(model);
  for (const auto &[by, into] : exemptions.passages())
    UNSCOPED_INFO("allowed by the model's data: " << by << " through " << into);
  const std::vector<modelgen::Penetration> found =
      modelgen::penetrations(model, 0.5f, modelgen::ContactScope::Everything);
  for (const modelgen::Penetration &p : found)
    FAIL_CHECK(modelgen::describe(p));
  CHECK(found.empty());
}

TEST_CASE("model: only nerves pierce, and only muscles", "[model][contacts]") {
  const Scene &model = test::committedModel();
  for (const Structure &s : model.structures()) {
    auto it = s.extras.find("pierces");
    if (it == s.extras.end())
      continue;
    INFO(s.id << " pierces " << it->second);
    CHECK(s.system == System::Nerve);
    std::size_t start = 0;
    while (start < it->second.size()) {
      const std::size_t end = std::min(it->second.find(',', start), it->second.size());
      const Structure *muscle = model.find(it->second.substr(start, end - start));
      REQUIRE(muscle != nullptr);
      CHECK(muscle->system == System::Muscle);
      CHECK(muscle->side == s.side);
      start = end + 1;
    }
  }
}
#endif
