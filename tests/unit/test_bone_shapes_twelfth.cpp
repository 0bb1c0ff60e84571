// Lecturer review of the bones, eleventh pass: the articular pillars of the typical vertebrae read as
// tilted drums carrying coins (round columns under round, proud facets). Measured on the model under
// test (the committed model, or the draft ATLAS_ROUTES_GLB names), at C5 where the superior facet is a
// named landmark: the pillar's section halfway down is a block behind (its posterolateral corner filled
// out, REFERENCE.md §2.3: about 12 x 11 mm in section). Millimetres, frame of REFERENCE.md §1 (+X left, +Y
// up, +Z forward).
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen_test_support.h"

#include <cmath>
#include <string>

using namespace atlas;
using modelgen::SurfaceIndex;

namespace {

// The named landmark of a structure in the model under test, in mm.
Landmark landmarkOf(const std::string &structure, const std::string &id) {
  const Structure *s = test::modelUnderTest().find(structure);
  REQUIRE(s != nullptr);
  for (const Landmark &l : s->landmarks)
    if (l.id == id)
      return {l.id, l.name, l.position * 1000.0f, l.normal};
  FAIL("no landmark " << id << " on " << structure);
  return {};
}

// Distance from `from` (inside the bone) to where the ray along `dir` first leaves it.
float exitAlong(const SurfaceIndex &bone, const glm::vec3 &from, const glm::vec3 &dir) {
  const std::vector<float> t = bone.rayCrossings(from, glm::normalize(dir));
  return t.empty() ? 0.0f : t.front();
}

} // namespace

TEST_CASE("twelfth pass: C5's articular pillars are blocks behind, not drums", "[model][bones][slow]") {
  // From a point on the pillar's axis 5 mm under its superior facet (the landmark), the pillar is left
  // laterally, backwards and along the posterolateral diagonal. A round column (the eleventh pass) leaves
  // the diagonal at 0.75 of the distance to the corner of the box those two set; a block's corner,
  // rounded, at 0.85: at least 0.8.
  const SurfaceIndex &c5 = test::surfaceOf("c5");
  for (const std::string side : {"left", "right"}) {
    const Landmark facet = landmarkOf("c5", "c5.superior_facet_" + side);
    const float out = facet.position.x > 0.0f ? 1.0f : -1.0f;
    const glm::vec3 axis = facet.position - glm::vec3(0.0f, 5.0f, 0.0f);
    REQUIRE(c5.inside(axis));
    const float lateral = exitAlong(c5, axis, {out, 0.0f, 0.0f});
    const float back = exitAlong(c5, axis, {0.0f, 0.0f, -1.0f});
    const float diagonal = exitAlong(c5, axis, {out * lateral, 0.0f, -back});
    const float corner = std::sqrt(lateral * lateral + back * back);
    INFO(side << " pillar from (" << axis.x << ", " << axis.y << ", " << axis.z << "): lateral " << lateral
              << ", back " << back << ", diagonal " << diagonal << " mm, " << diagonal / corner
              << " of the way to the corner");
    CHECK(lateral >= 3.0f);
    CHECK(back >= 3.0f);
    CHECK(diagonal >= 0.8f * corner);
  }
}

#endif
