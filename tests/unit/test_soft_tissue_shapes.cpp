// Issue 12, third pass: the lecturer's review of the soft tissues (6/10) found kinks and pegs that a
// route or contact test does not see. These checks measure them: the bends along the subclavian
// artery and the ventral rami (no hairpin, no turning back), the artery lying in its groove on rib 1,
// and the broad insertion of scalenus medius on rib 1 (REFERENCE.md §4.3). Curves come from
// assets/model (vessels.json, through the generator's own landmarks); meshes from the committed model
// or the draft named by ATLAS_ROUTES_GLB. Every failure names the structure and the millimetres.
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen_test_support.h" // the generator, its measures and the std headers they use

using namespace atlas;
using modelgen::SurfaceIndex;

namespace {

using test::centreLine;
using test::landmarkMm;
using test::sharpestTurn;
using test::tubeSpec;

const Structure &sidePart(const std::string &id, const std::string &side = "left") {
  const Structure *s = test::modelUnderTest().find(id + "_" + side);
  if (!s)
    FAIL("the model has no structure " << id << "_" << side);
  return *s;
}

const SurfaceIndex &sideSurface(const std::string &id, const std::string &side = "left") {
  static std::map<std::string, SurfaceIndex> cache;
  auto it = cache.find(id + "_" + side);
  if (it == cache.end())
    it = cache.emplace(id + "_" + side, SurfaceIndex(sidePart(id, side).meshes, 1000.0f)).first;
  return it->second;
}

} // namespace

TEST_CASE("shapes: the subclavian artery and the rami, trunks and branches of the plexus turn smoothly",
          "[modelgen][routes][shapes]") {
  // Over 5 mm of its course a nerve or vessel turns gently; the review's hairpins turned 120-180 deg.
  const std::vector<std::string> ids = {
      "subclavian_artery", "c4_ventral_ramus", "c5_ventral_ramus", "c6_ventral_ramus", "c7_ventral_ramus",
      "c8_ventral_ramus", "t1_ventral_ramus", "upper_trunk", "middle_trunk", "lower_trunk",
      // the plexus's branches in the model (the lecturer's fourth review found dorsal scapular's loop)
      "phrenic_nerve", "dorsal_scapular_nerve", "long_thoracic_nerve", "suprascapular_nerve"};
  for (const char *side : {"left", "right"})
    for (const std::string &id : ids) {
      glm::vec3 at(0.0f);
      const float turn = sharpestTurn(centreLine(id, side), 5.0f, &at);
      INFO(id << " (" << side << "): sharpest turn over 5 mm " << turn << " deg at (" << at.x << ", " << at.y
              << ", " << at.z << ") mm");
      CHECK(turn <= 60.0f);
    }
}

TEST_CASE("shapes: the subclavian artery lies in its groove on rib 1", "[model][routes][shapes]") {
  // Where the centre line passes the groove (read from the rib's own landmark, so it follows the
  // rib), the artery's wall touches the rib: the centre line is one radius off the groove's floor,
  // at most 0.6 mm off it (REFERENCE §4.1: the artery grooves rib 1 behind the scalene tubercle).
  for (const char *side : {"left", "right"}) {
    const std::string sideName = side;
    glm::vec3 groove = landmarkMm("rib1.artery_groove");
    if (sideName == "right")
      groove.x = -groove.x;
    const float radius = 0.5f * tubeSpec("subclavian_artery", sideName).diameter;
    const SurfaceIndex &rib = sideSurface("rib1", sideName);
    float nearest = 1e9f, gap = 0.0f;
    for (const glm::vec3 &c : centreLine("subclavian_artery", sideName)) {
      const float d = glm::length(c - groove);
      if (d < nearest) {
        nearest = d;
        gap = rib.distance(c);
      }
    }
    INFO(side << " artery centre line within " << nearest << " mm of the groove landmark, " << gap
              << " mm from rib 1 (radius " << radius << " mm)");
    CHECK(nearest < 12.0f);
    CHECK(gap >= radius - 0.5f);
    CHECK(gap <= radius + 0.6f);
  }
}

TEST_CASE("shapes: scalenus medius spreads into a broad insertion on rib 1", "[model][muscle][shapes]") {
  // REFERENCE §4.3: a broad flat tendinous insertion 20-30 mm long on the upper surface of rib 1
  // behind the groove for the subclavian artery. Measured on the muscle's own surface: the part
  // lying on the rib (within 1.5 mm of it, near the site), and a section 4-7 mm above the rib.
  const SurfaceIndex &rib = sideSurface("rib1");
  const glm::vec3 site = landmarkMm("rib1.medius");
  const glm::vec3 groove = landmarkMm("rib1.artery_groove");
  // The rib's course there: from the artery groove back to the medius site and on.
  const glm::vec3 along = glm::normalize(site - groove);
  float lo = 1e9f, hi = -1e9f, upLo = 1e9f, upHi = -1e9f;
  for (const MeshData &m : sidePart("scalenus_medius").meshes)
    for (const glm::vec3 &v : m.positions) {
      const glm::vec3 p = v * 1000.0f;
      if (glm::length(p - site) > 25.0f)
        continue;
      const float h = rib.distance(p), u = glm::dot(p - site, along);
      if (h < 1.5f) {
        lo = std::min(lo, u);
        hi = std::max(hi, u);
      } else if (h > 4.0f && h < 7.0f && p.y > site.y) {
        upLo = std::min(upLo, u);
        upHi = std::max(upHi, u);
      }
    }
  INFO("on the rib along its course: " << hi - lo << " mm; 4-7 mm above it: " << upHi - upLo << " mm");
  CHECK(hi - lo >= 20.0f);
  CHECK(upHi - upLo >= 16.0f);
}

TEST_CASE("shapes: every ventral ramus ends in the nerve it forms, not in space",
          "[modelgen][routes][shapes]") {
  // C4 joins the phrenic nerve, C5-C6 the upper trunk, C7 the middle, C8-T1 the lower (REFERENCE §5):
  // each ramus's last point lies on the centre line of another nerve, within that nerve's radius.
  const std::vector<std::string> rami = {"c4_ventral_ramus", "c5_ventral_ramus", "c6_ventral_ramus",
                                         "c7_ventral_ramus", "c8_ventral_ramus", "t1_ventral_ramus"};
  for (const std::string &id : rami) {
    const glm::vec3 end = centreLine(id).back();
    float best = 1e9f;
    std::string joined;
    for (const modelgen::TubeSpec &t : test::modelSpec().tubes) {
      if (t.system != "nerve" || t.id == id || t.id.find("_ventral_ramus") != std::string::npos ||
          !(t.side.empty() || t.side == "left"))
        continue;
      for (const glm::vec3 &c : centreLine(t.id)) {
        const float d = glm::length(c - end) - 0.5f * t.diameter;
        if (d < best) {
          best = d;
          joined = t.id;
        }
      }
    }
    INFO(id << " ends " << best << " mm outside " << joined);
    CHECK(best <= 0.0f);
  }
}

#endif
