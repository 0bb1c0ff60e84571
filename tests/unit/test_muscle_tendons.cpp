// Issue 12 (lecturer review, seventh pass): the scalenes' origin tendons read as needles or white
// claws, and scalenus anterior read slimmer than REFERENCE.md §4.3 gives. Measured on the model's
// meshes at the generator's measuring points: each origin tendon 5 mm below its tubercle (a thin
// flat band, REFERENCE §4.3 about 5-6 mm wide; issue 12 about 1-1.5 mm thick), the tendon colour
// fading into flesh at both ends (eleventh pass: white straps and cuffs), and scalenus anterior's
// mid-belly near the middle of its range (≈ 15 x 8).
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen/model.h"
#include "modelgen/muscle_sections.h"
#include "modelgen_test_support.h"

#include <algorithm>
#include <map>
#include <sstream>
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

namespace {

// Mean tendon value (fibre w) of a mesh's vertices within `radius` mm of `at` (mm), and their count.
std::pair<float, int> meanTendonNear(const MeshData &mesh, const glm::vec3 &at, float radius) {
  float sum = 0.0f;
  int near = 0;
  for (std::size_t v = 0; v < mesh.positions.size(); ++v)
    if (glm::length(mesh.positions[v] * 1000.0f - at) < radius) {
      ++near;
      sum += mesh.fibres[v].w;
    }
  return {near > 0 ? sum / static_cast<float>(near) : 0.0f, near};
}

// The left muscle's mesh in the model under test, with a fibre per vertex.
const MeshData &leftMuscleMesh(const std::string &muscle) {
  const Structure *s = test::modelUnderTest().find(muscle + "_left");
  REQUIRE(s != nullptr);
  const MeshData &mesh = s->meshes.front();
  REQUIRE(mesh.fibres.size() == mesh.positions.size());
  return mesh;
}

} // namespace

TEST_CASE("model: the origin tendons are whitish at 5 mm and turn red gradually by 10 mm",
          "[model][muscle][tendons][fibres][slow]") {
  // Issue 12: a whitish flat tendon from each tubercle joining the fleshy slip. The seventh pass's
  // slips ended white at a point (claws); the eleventh pass's stayed white for 10 mm and turned red
  // within 4 mm, so each read as a separate white strap laid on its tubercle (means of 0.60-0.93 10 mm
  // down, most above 0.65). Now: mostly tendon 5 mm down (mean w at least 0.65 within 3 mm, where
  // some of the belly's flesh lies too), about half way to flesh 10 mm down (0.25-0.65): a fade.
  const auto &marks = test::specMetrics().landmarks;
  for (const auto &[muscle, count] : kSlips) {
    const MeshData &mesh = leftMuscleMesh(muscle);
    for (int i = 0; i < count; ++i) {
      const std::string name = muscle + ".slip" + std::to_string(i) + "_tendon";
      REQUIRE(marks.count(name));
      REQUIRE(marks.count(name + "10"));
      const auto [at5, near5] = meanTendonNear(mesh, marks.at(name), 3.0f);
      const auto [at10, near10] = meanTendonNear(mesh, marks.at(name + "10"), 3.0f);
      INFO(name << ": mean tendon value " << at5 << " at 5 mm (" << near5 << " vertices), " << at10
                << " at 10 mm (" << near10 << ")");
      REQUIRE(near5 > 3);
      REQUIRE(near10 > 3);
      CHECK(at5 >= 0.65f);
      CHECK(at10 >= 0.25f);
      CHECK(at10 <= 0.65f);
    }
  }
}

TEST_CASE("model: the insertion tendons fade into the belly, and scalenus medius's insertion is no cap",
          "[model][muscle][tendons][fibres][slow]") {
  // Lecturer review, eleventh pass: pure white cuffs with a hard line round the lower bellies. Along
  // the belly's centre line (the generator's axis<k> points, 2 mm apart), the mean tendon value of the
  // vertices nearest each point rises from flesh (<= 0.15) to tendon (>= 0.85) over at least 6 mm for
  // anterior and posterior (10 mm tendons); the 4 mm change of the eleventh pass measured 4 mm.
  // Scalenus medius inserts broadly on rib 1 by a short tendon (3 mm): at most 0.6 near the rib.
  const auto &marks = test::specMetrics().landmarks;
  for (const auto &[muscle, count] : kSlips) {
    const MeshData &mesh = leftMuscleMesh(muscle);
    std::vector<glm::vec3> axis;
    for (int k = 0; marks.count(muscle + ".axis" + std::to_string(k)); ++k)
      axis.push_back(marks.at(muscle + ".axis" + std::to_string(k)));
    REQUIRE(axis.size() > 15);
    // Each vertex counts at its nearest centre-line point (slips far from the belly left out).
    std::vector<float> sum(axis.size(), 0.0f), weight(axis.size(), 0.0f);
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
      const glm::vec3 p = mesh.positions[v] * 1000.0f;
      std::size_t nearest = 0;
      for (std::size_t k = 1; k < axis.size(); ++k)
        if (glm::length(p - axis[k]) < glm::length(p - axis[nearest]))
          nearest = k;
      if (glm::length(p - axis[nearest]) > 15.0f)
        continue;
      sum[nearest] += mesh.fibres[v].w;
      weight[nearest] += 1.0f;
    }
    std::vector<float> profile(axis.size(), 0.0f);
    for (std::size_t k = 0; k < axis.size(); ++k)
      profile[k] = weight[k] > 0.0f ? sum[k] / weight[k] : 0.0f;
    // The last 30 mm of the centre line, from the rib back up.
    const std::size_t from = profile.size() - 15;
    std::ostringstream trace;
    for (std::size_t k = from; k < profile.size(); ++k)
      trace << ' ' << profile[k];
    INFO(muscle << ": mean tendon value every 2 mm down to the rib:" << trace.str());
    const float peak = *std::max_element(profile.begin() + static_cast<long>(from), profile.end());
    if (muscle == "scalenus_medius") {
      CHECK(peak <= 0.6f);
      continue;
    }
    REQUIRE(peak >= 0.85f);
    std::size_t lastFlesh = from, firstTendon = profile.size() - 1;
    for (std::size_t k = from; k < profile.size(); ++k)
      if (profile[k] <= 0.15f)
        lastFlesh = k;
    for (std::size_t k = profile.size(); k-- > lastFlesh;)
      if (profile[k] >= 0.85f)
        firstTendon = k;
    INFO("flesh ends at axis " << lastFlesh << ", tendon begins at axis " << firstTendon);
    CHECK(firstTendon > lastFlesh);
    CHECK(2.0f * static_cast<float>(firstTendon - lastFlesh) >= 6.0f);
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
