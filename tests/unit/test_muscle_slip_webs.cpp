// Issue 12 (lecturer review, twelfth pass): scalenus medius's origins read from behind as a ladder of
// rolled tabs joined to the belly by thin strands, and scalenus anterior's slips as four separate
// straps with dark gaps between them. In life the slips unite at once into one belly (Gray's Anatomy
// 41st ed.; REFERENCE.md §4.3: within 15-20 mm of the lowest origin [E]): below its short tendon each
// slip is part of the muscle's fleshy sheet. Measured on the model's meshes at the generator's
// measuring points along each slip.
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen/muscle_sections.h"
#include "modelgen_test_support.h"

#include <map>
#include <string>

using namespace atlas;
using modelgen::MuscleSection;

TEST_CASE("model: below its tendon each slip of scalenus anterior and medius is part of the belly's sheet",
          "[model][muscle][tendons][slow]") {
  // 5 mm from its tubercle a slip is a tendon of its own (test_muscle_tendons); 10 mm from it the
  // section through the slip runs on into its neighbour or the belly, at least 3 times the tendon's
  // area (measured 5.7-21). Slips kept apart by a groove down to their joins measured 0.7-1.1 times
  // (anterior's C4 slip, medius's C3 and C7: straps, one with a thin neck). The highest slip of each
  // runs alone above the belly's start (medius's belly fans up towards it) and is left out.
  const auto &marks = test::specMetrics().landmarks;
  const std::map<std::string, int> slips = {{"scalenus_anterior", 4}, {"scalenus_medius", 6}};
  for (const auto &[muscle, count] : slips)
    for (int i = 1; i < count; ++i) {
      const std::string name = muscle + ".slip" + std::to_string(i) + "_tendon";
      const modelgen::SurfaceIndex &mesh = test::surfaceOf(muscle + "_left");
      const MuscleSection tendon = modelgen::measureSectionAt(mesh, marks, name);
      const MuscleSection lower = modelgen::measureSectionAt(mesh, marks, name + "10");
      INFO(name << ": " << tendon.area << " mm2 at 5 mm, " << lower.area << " mm2 (" << lower.width << " x "
                << lower.thickness << " mm) at 10 mm");
      REQUIRE(tendon.found);
      REQUIRE(lower.found);
      CHECK(lower.area >= 3.0f * tendon.area);
    }
}

#endif
