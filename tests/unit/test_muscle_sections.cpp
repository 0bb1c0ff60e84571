// Issue 12: the scalenes are flattened bellies built from flat slip tendons, not ropes. The section
// measuring code (modelgen/muscle_sections) on a known shape first, then on the model generated from
// assets/model: mid-belly width x thickness and the slip tendons near their origins, against the
// ranges of REFERENCE.md §4.3. Every failure names the muscle, the section and the values (mm).
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen/model.h"
#include "modelgen/muscle_sections.h"
#include "modelgen_test_support.h"
#include "support/shapes.h"

#include <string>

using namespace atlas;
using modelgen::MuscleSection;
using modelgen::SurfaceIndex;

TEST_CASE("muscle sections: a box's cross-section reads as its width and thickness", "[muscle][sections]") {
  // A 16 x 8 mm bar, 60 mm long along Y: cut across, 16 wide and 8 thick; along its length, 60 x 8.
  const SurfaceIndex bar({test::makeBox({0, 0, 0}, {8.0f, 30.0f, 4.0f}, {0.8f, 0.8f, 0.8f, 1.0f})}, 1.0f);
  const MuscleSection across = modelgen::measureSection(bar, {1.0f, 3.0f, 0.5f}, {0, 1, 0});
  REQUIRE(across.found);
  // The widest caliper of a rectangle is its diagonal direction's projection: no more than the
  // diagonal, no less than the long side.
  CHECK(across.width >= 15.9f);
  CHECK(across.width <= 17.95f);
  CHECK(across.thickness == Approx(8.0f).margin(0.05));
  const MuscleSection along = modelgen::measureSection(bar, {1.0f, 3.0f, 0.5f}, {1, 0, 0});
  REQUIRE(along.found);
  CHECK(along.width >= 59.9f);
  CHECK(along.thickness == Approx(8.0f).margin(0.05));
  // A centre outside the mesh is not a section.
  CHECK_FALSE(modelgen::measureSection(bar, {20.0f, 0, 0}, {0, 1, 0}).found);
}

namespace {

// The committed model (test_model_reproducible proves it is the generator's output; ATLAS_ROUTES_GLB
// names a draft to measure instead, as the route tests do) and the generator's measuring points,
// which it computes without meshing (seconds, not a minute).
struct Measured {
  const Scene &scene;
  const modelgen::ModelMetrics &metrics;
};
Measured modelUnderTest() {
  return {test::modelUnderTest(), test::specMetrics()};
}

const SurfaceIndex &leftMuscle(const std::string &id) {
  static std::map<std::string, SurfaceIndex> cache;
  auto it = cache.find(id);
  if (it == cache.end()) {
    const Structure *s = modelUnderTest().scene.find(id + "_left");
    if (!s)
      FAIL("missing structure " << id << "_left");
    it = cache.emplace(id, SurfaceIndex(s->meshes, 1000.0f)).first;
  }
  return it->second;
}

struct Range {
  float lo, hi;
};

// Mid-belly width x thickness, mm. REFERENCE.md §4.3 "Mid-belly width x thickness" gives ≈ 15 x 8
// (anterior), ≈ 20 x 10 (medius; 20-25 x 10 in MODEL-REVIEW.md item 5) and ≈ 10 x 6 (posterior),
// marked [E]; the ranges allow the spread of an estimate ("≈") around those values.
struct BellyRange {
  const char *muscle;
  Range width, thickness;
};
const BellyRange kMidBelly[] = {{"scalenus_anterior", {12.0f, 18.0f}, {6.0f, 10.0f}},
                                {"scalenus_medius", {18.0f, 26.0f}, {8.0f, 12.0f}},
                                {"scalenus_posterior", {8.0f, 13.0f}, {4.5f, 8.0f}}};

} // namespace

TEST_CASE("model: each scalene's mid-belly section is flattened to the size of REFERENCE 4.3",
          "[model][muscle][sections][slow]") {
  for (const BellyRange &r : kMidBelly) {
    const MuscleSection s = modelgen::measureSectionAt(
        leftMuscle(r.muscle), modelUnderTest().metrics.landmarks, std::string(r.muscle) + ".belly_mid");
    INFO(r.muscle << " mid-belly: " << s.width << " x " << s.thickness << " mm, expected " << r.width.lo
                  << "-" << r.width.hi << " x " << r.thickness.lo << "-" << r.thickness.hi);
    REQUIRE(s.found);
    CHECK(s.width >= r.width.lo);
    CHECK(s.width <= r.width.hi);
    CHECK(s.thickness >= r.thickness.lo);
    CHECK(s.thickness <= r.thickness.hi);
    // Flattened, not a rope: clearly wider than thick.
    CHECK(s.width >= 1.4f * s.thickness);
  }
}

TEST_CASE("model: each scalene slip leaves its tubercle as a flat tendon 4-7 mm wide",
          "[model][muscle][sections][slow]") {
  // REFERENCE.md §4.3: one tendon per slip, about 5-6 mm wide [E], on origin footprints of 4.5-5.5 mm;
  // a tendon is flat: 1.5-2 mm thick in the issue, so at most 3 mm here.
  const std::map<std::string, int> slips = {
      {"scalenus_anterior", 4}, {"scalenus_medius", 6}, {"scalenus_posterior", 3}};
  for (const auto &[muscle, count] : slips)
    for (int i = 0; i < count; ++i) {
      const std::string name = muscle + ".slip" + std::to_string(i) + "_tendon";
      const MuscleSection s =
          modelgen::measureSectionAt(leftMuscle(muscle), modelUnderTest().metrics.landmarks, name);
      INFO(name << ": " << s.width << " x " << s.thickness << " mm, expected 4-7 wide, 1-3 thick");
      REQUIRE(s.found);
      CHECK(s.width >= 4.0f);
      CHECK(s.width <= 7.0f);
      CHECK(s.thickness >= 1.0f);
      CHECK(s.thickness <= 3.0f);
    }
}

TEST_CASE("model: scalene fibres follow the belly and are tendon at the slips, flesh mid-belly",
          "[model][muscle][fibres][slow]") {
  // BoneModel::fibre (issue 12): w = 1 on the origin tendons, 0 in the belly; xyz along the centre line.
  const auto &marks = modelUnderTest().metrics.landmarks;
  for (const char *muscle : {"scalenus_anterior", "scalenus_medius", "scalenus_posterior"}) {
    const Structure *s = modelUnderTest().scene.find(std::string(muscle) + "_left");
    REQUIRE(s != nullptr);
    const MeshData &mesh = s->meshes.front();
    REQUIRE(mesh.fibres.size() == mesh.positions.size());
    const std::string id = muscle;
    const glm::vec3 mid = marks.at(id + ".belly_mid"), along = marks.at(id + ".belly_mid_next") - mid;
    const glm::vec3 slip = marks.at(id + ".slip0_tendon");
    float midTendon = 0.0f, slipTendon = 0.0f, midAlong = 0.0f;
    int midCount = 0, slipCount = 0;
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
      const glm::vec3 p = mesh.positions[i] * 1000.0f; // metres -> mm
      const glm::vec4 f = mesh.fibres[i];
      CHECK(glm::length(glm::vec3(f)) == Approx(1.0f).margin(0.02));
      if (glm::length(p - mid) < 8.0f) {
        midTendon += f.w;
        midAlong += std::abs(glm::dot(glm::vec3(f), glm::normalize(along)));
        ++midCount;
      } else if (glm::length(p - slip) < 2.5f) {
        slipTendon += f.w;
        ++slipCount;
      }
    }
    INFO(muscle << ": " << midCount << " vertices mid-belly, " << slipCount << " at slip 0");
    REQUIRE(midCount > 5);
    REQUIRE(slipCount > 3);
    CHECK(midTendon / static_cast<float>(midCount) < 0.1f);
    CHECK(slipTendon / static_cast<float>(slipCount) > 0.9f);
    CHECK(midAlong / static_cast<float>(midCount) > 0.9f);
  }
}

TEST_CASE("model: no scalene runs into a bone or another muscle by more than 0.5 mm",
          "[model][muscle][contacts][slow]") {
  // Issue 12: muscles lie against bone and each other without passing through, except inside their
  // own attachment footprints (ContactExemptions). Nerves and vessels are measured by their own tests.
  const Scene &scene = modelUnderTest().scene;
  auto isScalene = [](const std::string &id) { return id.rfind("scalenus_", 0) == 0; };
  auto system = [&scene](const std::string &id) {
    const Structure *s = scene.find(id);
    return s ? s->system : System::Other;
  };
  int scalenePairs = 0;
  for (const modelgen::Penetration &p :
       modelgen::penetrations(scene, 0.5f, modelgen::ContactScope::Everything)) {
    if (!isScalene(p.by) && !isScalene(p.into))
      continue;
    const System other = system(isScalene(p.by) ? p.into : p.by);
    if (other != System::Bone && other != System::Muscle)
      continue;
    ++scalenePairs;
    FAIL_CHECK(modelgen::describe(p));
  }
  CHECK(scalenePairs == 0);
}

TEST_CASE("model: scalenus medius has the largest mid-belly section of the three",
          "[model][muscle][sections][slow]") {
  // REFERENCE.md §4.3: medius is the largest scalene (≈ 20 x 10 mm against ≈ 15 x 8 and ≈ 10 x 6);
  // the lecturer review (MODEL-REVIEW.md) found that it did not read so.
  std::map<std::string, float> area;
  for (const BellyRange &r : kMidBelly) {
    const MuscleSection s = modelgen::measureSectionAt(
        leftMuscle(r.muscle), modelUnderTest().metrics.landmarks, std::string(r.muscle) + ".belly_mid");
    REQUIRE(s.found);
    area[r.muscle] = s.width * s.thickness;
  }
  INFO("width x thickness at mid-belly (mm2): anterior " << area["scalenus_anterior"] << ", medius "
                                                         << area["scalenus_medius"] << ", posterior "
                                                         << area["scalenus_posterior"]);
  CHECK(area["scalenus_medius"] > 1.2f * area["scalenus_anterior"]);
  CHECK(area["scalenus_medius"] > 2.0f * area["scalenus_posterior"]);
}

TEST_CASE("model: scalenus medius reads as the largest in a side view", "[model][muscle][sections][slow]") {
  // Its broad face looks out and forward to the plexus, so across the 5 mm around its mid-height it
  // spans more from front to back than anterior does (whose broad face looks forward, REFERENCE §4.1:
  // the phrenic nerve lies on it); the lecturer review found that medius did not read as the largest.
  // The fourth pass made anterior its REFERENCE §4.3 8 mm thick and turned its broad face 31 degrees
  // forward, as the next review asked (anterior looked thin from the side): medius must still span
  // more than anterior (by area it is 1.2 times anterior, the test above), no longer 1.3 times.
  auto frontToBack = [](const SurfaceIndex &m) {
    const float y = 0.5f * (m.lo().y + m.hi().y);
    float lo = 1e9f, hi = -1e9f;
    for (const glm::vec3 &p : m.vertices())
      if (std::abs(p.y - y) <= 2.5f) {
        lo = std::min(lo, p.z);
        hi = std::max(hi, p.z);
      }
    return hi - lo;
  };
  const float medius = frontToBack(leftMuscle("scalenus_medius"));
  const float anterior = frontToBack(leftMuscle("scalenus_anterior"));
  INFO("front to back at mid-height: medius " << medius << " mm, anterior " << anterior << " mm");
  CHECK(medius >= 1.05f * anterior);
}

TEST_CASE("model: the origin tendons are short - tendon lies only near the attachments",
          "[model][muscle][fibres][slow]") {
  // REFERENCE.md §4.3: a tendon of about 5-6 mm per slip, and slips merging into one fleshy belly; the
  // lecturer review asked for short flat tendons (a few mm up to about 15 mm) that quickly turn
  // fleshy, not long strings. Every vertex marked tendon (fibre w > 0.5) must lie within 15 mm of an
  // origin footprint or 20 mm of the insertion footprint (the insertion tendon, REFERENCE §4.3 [E]).
  const Scene &scene = modelUnderTest().scene;
  for (const char *muscle : {"scalenus_anterior", "scalenus_medius", "scalenus_posterior"}) {
    const std::string id = std::string(muscle) + "_left";
    std::vector<glm::vec3> origins, insertions;
    for (const Structure &s : scene.structures()) {
      if (s.id.rfind(id + ".origin.", 0) == 0)
        origins.push_back(s.bounds().center() * 1000.0f);
      else if (s.id.rfind(id + ".insertion.", 0) == 0)
        insertions.push_back(s.bounds().center() * 1000.0f);
    }
    INFO(id << ": " << origins.size() << " origin and " << insertions.size() << " insertion footprints");
    REQUIRE(origins.size() >= 3);
    REQUIRE(!insertions.empty());
    const Structure *s = scene.find(id);
    REQUIRE(s != nullptr);
    const MeshData &mesh = s->meshes.front();
    REQUIRE(mesh.fibres.size() == mesh.positions.size());
    auto nearest = [](const std::vector<glm::vec3> &sites, const glm::vec3 &p) {
      float best = 1e9f;
      for (const glm::vec3 &q : sites)
        best = std::min(best, glm::length(p - q));
      return best;
    };
    int tendon = 0, stray = 0;
    float farthest = 0.0f;
    glm::vec3 where(0.0f);
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
      if (mesh.fibres[i].w <= 0.5f)
        continue;
      ++tendon;
      const glm::vec3 p = mesh.positions[i] * 1000.0f;
      const float fromOrigin = nearest(origins, p);
      if (fromOrigin <= 15.0f || nearest(insertions, p) <= 20.0f)
        continue;
      ++stray;
      if (fromOrigin > farthest) {
        farthest = fromOrigin;
        where = p;
      }
    }
    INFO(muscle << ": " << stray << " of " << tendon
                << " tendon vertices far from any attachment, the farthest " << farthest
                << " mm from an origin at (" << where.x << ", " << where.y << ", " << where.z << ") mm");
    CHECK(tendon > 0);
    CHECK(stray == 0);
  }
}

TEST_CASE("model: scalenus posterior lies against the back of medius along its upper belly",
          "[model][muscle][contacts][slow]") {
  // REFERENCE.md §4.1, §4.3 and issue 12: posterior lies behind medius and partly against it, so a
  // side view shows one mass with a cleft, not two spindles with a gap. From the lowest origin
  // tubercle (C6) down to its mid-belly, every 5 mm level of posterior comes within 1 mm of medius
  // (no penetration is the contact test's job).
  const auto &marks = modelUnderTest().metrics.landmarks;
  const SurfaceIndex &posterior = leftMuscle("scalenus_posterior");
  const SurfaceIndex &medius = leftMuscle("scalenus_medius");
  const float top = marks.at("c6.pt").y, bottom = marks.at("scalenus_posterior.belly_mid").y;
  REQUIRE(top > bottom + 10.0f);
  const int levels = static_cast<int>((top - bottom) / 5.0f);
  std::vector<float> closest(static_cast<std::size_t>(levels), 1e9f);
  for (const glm::vec3 &p : posterior.vertices()) {
    const int level = static_cast<int>((top - p.y) / 5.0f);
    if (p.y > top || level >= levels)
      continue;
    float &c = closest[static_cast<std::size_t>(level)];
    if (c > 0.0f) // a level already touching needs no more searching
      c = std::min(c, medius.distance(p));
    if (c <= 1.0f)
      c = 0.0f;
  }
  for (int i = 0; i < levels; ++i) {
    INFO("scalenus_posterior_left between y = " << top - 5.0f * static_cast<float>(i) << " and "
                                                << top - 5.0f * static_cast<float>(i + 1)
                                                << " mm: " << closest[static_cast<std::size_t>(i)]
                                                << " mm from scalenus_medius_left (0: within 1 mm)");
    CHECK(closest[static_cast<std::size_t>(i)] <= 1.0f);
  }
}

#endif
