// The cervical pleura's dome and the suprapleural membrane after the lecturer's eleventh review
// (remaining problem 1): seen from the front the membrane-capped dome was a flat-topped cushion with a
// sheer medial wall and a creased corner where the top met the medial side, and from above a crescent
// of bare pleura showed at its anteromedial edge, on both sides. It should be a smoothly rounded
// cupola, capped by the membrane down to the ring of rib 1 (Gray's Anatomy 41st ed.: the cervical
// pleura, the suprapleural membrane). Measured on the model under test (ATLAS_ROUTES_GLB or the
// committed model) in mm, frame of REFERENCE.md section 1 (Y up, Z forward, the left side at +X).
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen_test_support.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace atlas;
using modelgen::SurfaceIndex;

namespace {

const char *kSides[] = {"left", "right"};

// A view from above: the rays run down, leaning `tilt` degrees toward `lean` (horizontal, unit), so
// the eye stands that far off vertical on the other side (a lecturer looking down into the root of
// the neck from over the midline or from in front).
struct View {
  const char *name;
  float tilt;
  glm::vec3 lean;
};

// The rotation that turns the view's rays into -Y (rows: the new X, Y and Z axes).
glm::mat3 lookingDown(const View &view) {
  const float t = glm::radians(view.tilt);
  const glm::vec3 ray = glm::normalize(glm::vec3(0.0f, -std::cos(t), 0.0f) + std::sin(t) * view.lean);
  const glm::vec3 up = -ray;
  glm::vec3 across = glm::vec3(1.0f, 0.0f, 0.0f) - up.x * up;
  if (glm::length(across) < 0.3f)
    across = glm::vec3(0.0f, 0.0f, 1.0f) - up.z * up;
  across = glm::normalize(across);
  const glm::vec3 depth = glm::cross(across, up);
  return glm::transpose(glm::mat3(across, up, depth));
}

// A structure's surface turned by `r`, indexed (mm).
SurfaceIndex turned(const std::string &id, const glm::mat3 &r) {
  const Structure *s = test::modelUnderTest().find(id);
  if (!s)
    FAIL("missing structure " << id);
  std::vector<MeshData> meshes = s->meshes;
  for (MeshData &m : meshes)
    for (glm::vec3 &p : m.positions)
      p = r * p;
  return SurfaceIndex(meshes, 1000.0f);
}

float highest(const SurfaceIndex &s, float x, float z) {
  const std::vector<float> ys = s.axisCrossings({x, 0.0f, z}, 1);
  return ys.empty() ? -1e9f : ys.back();
}

} // namespace

TEST_CASE("pleura (twelfth pass): seen from above and from above the midline or the front, the "
          "membrane and the ring of rib 1 hide the dome",
          "[pleura][twelfth]") {
  // Rays 0.5 mm apart over the dome's outline; a ray whose first hit among the dome, the membrane and
  // the bones round the inlet is the dome sees bare pleura. The eleventh pass's model showed bare
  // pleura to 1.9-3.2% of the rays straight down and 4.3-7.4% of those from 20 degrees medial,
  // anteromedial or in front: the crescent in front of the membrane's lower edge, where the dome's
  // front sloped on down below it to the rim. Now at most 1.5% in each view (the twelfth pass leaves
  // about 1% from over the midline, a patch seen between C7 and T1 behind, and under 0.7% in the
  // other views).
  for (const char *sideName : kSides) {
    const std::string side = sideName;
    const float lateral = side == "left" ? 1.0f : -1.0f;
    const std::vector<View> views = {
        {"straight down", 0.0f, glm::vec3(lateral, 0.0f, 0.0f)},
        {"from above the midline", 20.0f, glm::vec3(lateral, 0.0f, 0.0f)},
        {"from in front and medially", 20.0f, glm::normalize(glm::vec3(lateral, 0.0f, -1.0f))},
        {"from in front", 20.0f, glm::vec3(0.0f, 0.0f, -1.0f)}};
    for (const View &view : views) {
      const glm::mat3 r = lookingDown(view);
      const SurfaceIndex dome = turned("cervical_pleura_" + side, r);
      std::vector<SurfaceIndex> cover;
      for (const std::string &id :
           {"suprapleural_membrane_" + side, "rib1_" + side, "costal_cartilage1_" + side,
            std::string("manubrium"), std::string("c7"), std::string("t1")})
        cover.push_back(turned(id, r));
      constexpr float kCell = 0.5f;
      int seen = 0, bare = 0;
      glm::vec3 example(0.0f);
      for (float x = dome.lo().x; x <= dome.hi().x; x += kCell)
        for (float z = dome.lo().z; z <= dome.hi().z; z += kCell) {
          const float top = highest(dome, x, z);
          if (top < -1e8f)
            continue;
          ++seen;
          float over = -1e9f;
          for (const SurfaceIndex &s : cover)
            over = std::max(over, highest(s, x, z));
          if (over < top) {
            ++bare;
            example = glm::transpose(r) * glm::vec3(x, top, z);
          }
        }
      INFO(side << ", " << view.name << ": " << bare << " of " << seen
                << " rays over the dome meet bare pleura (" << 100.0f * float(bare) / float(std::max(seen, 1))
                << "%), e.g. at " << test::mmText(example));
      REQUIRE(seen > 4000); // the dome is 40-50 mm across
      CHECK(bare * 200 <= seen * 3);
    }
  }
}

TEST_CASE("pleura (twelfth pass): in frontal sections the dome's top curves down into its medial "
          "side with no corner",
          "[pleura][twelfth]") {
  // Frontal sections through the middle of the dome and 6 mm before and behind it: the outline is
  // traced over the top from lateral to medial (rays in the section from a point 12 mm under the top,
  // every 2 degrees, meeting the dome's outer face), and on its medial half the outline may turn by
  // no more than 65 degrees over any 6 mm of its length (a round of 6 mm radius turns 57; the
  // eleventh pass's corner turned 74-122). Troughs (turns the other way, where vessels lie on the
  // dome) are not counted.
  for (const char *sideName : kSides) {
    const std::string side = sideName;
    const SurfaceIndex &dome = test::surfaceOf("cervical_pleura_" + side);
    const float lateral = side == "left" ? 1.0f : -1.0f;
    const float middleX = 0.5f * (dome.lo().x + dome.hi().x), middleZ = 0.5f * (dome.lo().z + dome.hi().z);
    for (const float dz : {-6.0f, 0.0f, 6.0f}) {
      const float z = middleZ + dz;
      const float top = highest(dome, middleX, z);
      REQUIRE(top > -1e8f);
      const glm::vec3 centre(middleX, top - 12.0f, z);
      std::vector<glm::vec3> outline;
      for (int a = 0; a <= 180; a += 2) {
        const float angle = glm::radians(float(a));
        const glm::vec3 out(lateral * std::cos(angle), std::sin(angle), 0.0f);
        const std::vector<float> hits = dome.rayCrossings(centre + 80.0f * out, -out);
        if (!hits.empty())
          outline.push_back(centre + (80.0f - hits.front()) * out);
      }
      REQUIRE(outline.size() > 60);
      std::vector<float> arc(1, 0.0f);
      for (std::size_t i = 0; i + 1 < outline.size(); ++i)
        arc.push_back(arc.back() + glm::length(outline[i + 1] - outline[i]));
      float sharpest = 0.0f;
      glm::vec3 where(0.0f);
      for (std::size_t i = 0; i + 1 < outline.size(); ++i) {
        std::size_t j = i;
        while (j + 2 < outline.size() && arc[j + 1] - arc[i + 1] < 6.0f)
          ++j;
        if (arc[j + 1] - arc[i] < 6.0f)
          break;
        const glm::vec3 a = glm::normalize(outline[i + 1] - outline[i]);
        const glm::vec3 b = glm::normalize(outline[j + 1] - outline[j]);
        // Convex: the outline, traced from lateral over the top to medial, turns toward the inside.
        const bool convex = lateral * (a.x * b.y - a.y * b.x) > 0.0f;
        const bool medialHalf = lateral * (outline[i].x - middleX) < 0.0f;
        const float turn = glm::degrees(std::acos(std::clamp(glm::dot(a, b), -1.0f, 1.0f)));
        if (convex && medialHalf && turn > sharpest) {
          sharpest = turn;
          where = outline[i];
        }
      }
      INFO(side << ", frontal section at z = " << z << " mm (top at y = " << top
                << "): the medial half of the outline turns by up to " << sharpest
                << " degrees over 6 mm, at " << test::mmText(where));
      CHECK(sharpest <= 65.0f);
    }
  }
}
#endif
