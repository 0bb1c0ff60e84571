// Lecturer review of the eighth pass (muscles 6.5/10): scalenus medius's C2 slip read as a round
// needle, its upper slips ran 26-46 mm as strands before the belly began, scalenus anterior showed a
// step across its mid-belly, and medius looked narrow from the side. Measured on the model's meshes
// at the generator's measuring points (REFERENCE.md §4.3).
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen/model.h"
#include "modelgen/muscle_sections.h"
#include "modelgen_test_support.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

using namespace atlas;
using modelgen::MuscleSection;

namespace {

const std::map<std::string, glm::vec3> &marks() {
  return test::specMetrics().landmarks;
}

} // namespace

TEST_CASE("ninth pass: scalenus medius's C2 slip is a flat tendon seen broad from the side",
          "[model][muscle][tendons][slow]") {
  // REFERENCE §4.3: a slip tendon about 5-6 mm wide; 1-1.5 mm thick. 10 mm below C2's tubercle the
  // slip is 4-7 mm wide and at least 2.5 times as wide as thick, and a side view (along X) shows at
  // least 3.5 mm of that width: a strap lying on the side of the neck, not a needle seen edge-on.
  const MuscleSection s = modelgen::measureSectionAt(test::surfaceOf("scalenus_medius_left"), marks(),
                                                     "scalenus_medius.slip0_tendon10");
  const float side = modelgen::apparentWidth(s, glm::vec3(1.0f, 0.0f, 0.0f));
  INFO("medius C2 slip 10 mm down: " << s.width << " x " << s.thickness << " mm, " << side
                                     << " mm wide from the side");
  REQUIRE(s.found);
  CHECK(s.width >= 4.0f);
  CHECK(s.width <= 7.0f);
  CHECK(s.width >= 2.5f * s.thickness);
  CHECK(side >= 3.5f);
}

TEST_CASE("ninth pass: scalenus medius's belly begins within 22 mm of its highest tubercle",
          "[model][muscle][slips][slow]") {
  // REFERENCE §4.3: the slips join one belly 15-20 mm below their tubercles [E]. The belly's first
  // station (axis0) is fleshy (a section at least 6 mm wide) and lies no more than 22 mm from the C2
  // slip's tubercle (5 mm above its "slip0_tendon" point): the C2 slip is no long free strand.
  const auto &m = marks();
  REQUIRE(m.count("scalenus_medius.slip0_tendon"));
  REQUIRE(m.count("scalenus_medius.slip0_tendon_next"));
  REQUIRE(m.count("scalenus_medius.axis0"));
  const glm::vec3 t = m.at("scalenus_medius.slip0_tendon");
  const glm::vec3 dir = glm::normalize(m.at("scalenus_medius.slip0_tendon_next") - t);
  const glm::vec3 tubercle = t - dir * 5.0f;
  const MuscleSection s =
      modelgen::measureSectionAt(test::surfaceOf("scalenus_medius_left"), m, "scalenus_medius.axis0");
  const float reach = glm::length(m.at("scalenus_medius.axis0") - tubercle);
  INFO("belly's first station " << reach << " mm from the C2 tubercle, " << s.width << " x " << s.thickness
                                << " mm");
  REQUIRE(s.found);
  CHECK(s.width >= 6.0f);
  CHECK(reach <= 22.0f);
  CHECK(reach >= 12.0f);
}

TEST_CASE("ninth pass: scalenus anterior's belly tapers without a step", "[model][muscle][sections][slow]") {
  // The belly's sections every 2 mm along its centre line, from below its slips down into its
  // insertion tendon, change gradually in area: no seam or shelf across the belly and no sudden
  // narrowing onto the tendon (lecturer review, eighth pass: a step at mid-belly, a kinked tendon).
  const auto &m = marks();
  std::vector<float> area;
  for (int k = 0;; ++k) {
    const std::string name = "scalenus_anterior.axis" + std::to_string(k);
    if (!m.count(name))
      break;
    const MuscleSection s = modelgen::measureSectionAt(test::surfaceOf("scalenus_anterior_left"), m, name);
    area.push_back(s.found ? s.area : 0.0f);
  }
  REQUIRE(area.size() > 20);
  // From below the slips' joins (the first 8 mm skipped) to the insertion tendon's last 8 mm (which
  // runs on into the rib): neighbouring sections differ by at most 25 % (the eighth pass dropped by
  // two fifths between stations where the belly ended on its tendon), and over the fleshy belly above
  // its last 24 mm (where it narrows into the tendon) by at most 12 %.
  float worst = 0.0f, worstFleshy = 0.0f;
  std::size_t where = 0, whereFleshy = 0;
  for (std::size_t k = 4; k + 5 < area.size(); ++k) {
    const float a = area[k], b = area[k + 1];
    REQUIRE(a > 0.0f);
    const float change = std::abs(b - a) / std::max(a, b);
    if (change > worst) {
      worst = change;
      where = k;
    }
    if (k + 12 < area.size() && change > worstFleshy) {
      worstFleshy = change;
      whereFleshy = k;
    }
  }
  std::string all;
  for (float a : area)
    all += std::to_string(static_cast<int>(a)) + " ";
  INFO("areas (mm2) every 2 mm: " << all);
  INFO("largest change " << worst * 100.0f << " % after station " << where << ", over the fleshy belly "
                         << worstFleshy * 100.0f << " % after station " << whereFleshy);
  CHECK(worst <= 0.25f);
  CHECK(worstFleshy <= 0.12f);
}

TEST_CASE("ninth pass: scalenus medius is broad from the side at mid-belly",
          "[model][muscle][sections][slow]") {
  // REFERENCE §4.3: medius, the largest scalene, about 20-25 x 10 mm at mid-belly. Its section there
  // is 19.5-26 x 9-12 mm (the eighth pass: 17.3 x 8.5) and a side view (along X) shows at least
  // 14.5 mm of it (13.2 mm in the eighth pass).
  const MuscleSection s = modelgen::measureSectionAt(test::surfaceOf("scalenus_medius_left"), marks(),
                                                     "scalenus_medius.belly_mid");
  const float side = modelgen::apparentWidth(s, glm::vec3(1.0f, 0.0f, 0.0f));
  INFO("medius mid-belly " << s.width << " x " << s.thickness << " mm, " << side << " mm from the side");
  REQUIRE(s.found);
  CHECK(s.width >= 19.5f);
  CHECK(s.width <= 26.0f);
  CHECK(s.thickness >= 9.0f);
  CHECK(s.thickness <= 12.0f);
  CHECK(side >= 14.5f);
}

#endif
