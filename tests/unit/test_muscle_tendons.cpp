// Issue 12 (lecturer review, seventh pass): the scalenes' origin tendons read as needles or white
// claws, and scalenus anterior read slimmer than REFERENCE.md §4.3 gives. Measured on the model's
// meshes at the generator's measuring points: each origin tendon 5 mm below its tubercle (a thin
// flat band, REFERENCE §4.3 about 5-6 mm wide; issue 12 about 1-1.5 mm thick), the tendon colour
// still there 10 mm down, and scalenus anterior's mid-belly near the middle of its range (≈ 15 x 8).
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen/model.h"
#include "modelgen/muscle_sections.h"
#include "modelgen_test_support.h"

#include <map>
#include <string>

using namespace atlas;
using modelgen::MuscleSection;

namespace {

// Slips per muscle: anterior C3-C6, medius C2-C7, posterior C4-C6 (REFERENCE §2.4, §4.3).
const std::map<std::string, int> kSlips = {
    {"scalenus_anterior", 4}, {"scalenus_medius", 6}, {"scalenus_posterior", 3}};

} // namespace

TEST_CASE("model: each origin tendon leaves its tubercle as a thin flat band",
          "[model][muscle][tendons][slow]") {
  // REFERENCE §4.3: about 5-6 mm wide per slip [E]; issue 12 (seventh pass): about 1-1.5 mm thick,
  // flat. 5 mm below the tubercle every tendon is at most 1.7 mm thick and at least three times as
  // wide as thick: a flat band, not a needle (the 1.8 mm tendons of the seventh pass measured more).
  const auto &marks = test::specMetrics().landmarks;
  for (const auto &[muscle, count] : kSlips)
    for (int i = 0; i < count; ++i) {
      const std::string name = muscle + ".slip" + std::to_string(i) + "_tendon";
      const MuscleSection s = modelgen::measureSectionAt(test::surfaceOf(muscle + "_left"), marks, name);
      INFO(name << ": " << s.width << " x " << s.thickness
                << " mm, expected 4-7 x 1-1.7, width >= 3 x thickness");
      REQUIRE(s.found);
      CHECK(s.width >= 4.0f);
      CHECK(s.width <= 7.0f);
      CHECK(s.thickness >= 1.0f);
      CHECK(s.thickness <= 1.7f);
      CHECK(s.width >= 3.0f * s.thickness);
    }
}

TEST_CASE("model: the origin tendons are whitish down to 10 mm below their tubercles",
          "[model][muscle][tendons][fibres][slow]") {
  // The tendon colour (fibre w) holds over the flat tendon: vertices within 3 mm of the section 10 mm
  // down are mostly tendon (w > 0.5; at least 55 %, the rest being the flesh or belly beside it), so
  // the white band is as long as the lecturer asked, not a tip (the seventh pass: 28-64 %).
  const auto &marks = test::specMetrics().landmarks;
  for (const auto &[muscle, count] : kSlips) {
    const Structure *s = test::modelUnderTest().find(muscle + "_left");
    REQUIRE(s != nullptr);
    const MeshData &mesh = s->meshes.front();
    REQUIRE(mesh.fibres.size() == mesh.positions.size());
    for (int i = 0; i < count; ++i) {
      const std::string name = muscle + ".slip" + std::to_string(i) + "_tendon10";
      REQUIRE(marks.count(name));
      const glm::vec3 at = marks.at(name);
      int near = 0, white = 0;
      for (std::size_t v = 0; v < mesh.positions.size(); ++v)
        if (glm::length(mesh.positions[v] * 1000.0f - at) < 3.0f) {
          ++near;
          white += mesh.fibres[v].w > 0.5f ? 1 : 0;
        }
      INFO(name << ": " << white << " of " << near << " vertices within 3 mm are tendon");
      REQUIRE(near > 3);
      CHECK(white * 20 >= near * 11);
    }
  }
}

TEST_CASE("model: scalenus anterior's mid-belly is near 15 x 8 mm", "[model][muscle][sections][slow]") {
  // REFERENCE §4.3: ≈ 15 x 8 mm [E]; the lecturer found anterior slimmer than that beside medius. The
  // section test allows 12-18 x 6-10; here it must lie in the middle of that range: 14-16.5 x 7.2-9.
  const MuscleSection s =
      modelgen::measureSectionAt(test::surfaceOf("scalenus_anterior_left"), test::specMetrics().landmarks,
                                 "scalenus_anterior.belly_mid");
  INFO("scalenus_anterior mid-belly: " << s.width << " x " << s.thickness << " mm");
  REQUIRE(s.found);
  CHECK(s.width >= 14.0f);
  CHECK(s.width <= 16.5f);
  CHECK(s.thickness >= 7.2f);
  CHECK(s.thickness <= 9.0f);
}

#endif
