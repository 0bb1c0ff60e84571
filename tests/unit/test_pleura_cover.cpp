// The dome of the pleura seen from above, as a lecturer looks down into the root of the neck with the
// soft tissues put away: the suprapleural membrane roofs it down to the ring of rib 1 (Gray's Anatomy
// 41st ed.: attached to the inner border of the first rib), so little bare pleura shows between the
// membrane and the ring. The ninth pass left a crescent of bare pleura, about 157 mm^2 on a side (this
// measure), in front of and medial to the membrane, whose border stopped at a plane 4-8 mm above the
// front of the ring (lecturer review, ninth pass); the tenth leaves 27-51 mm^2. Measured on the model under
// test (ATLAS_ROUTES_GLB or committed).
#include "modelgen/contact_check.h"
#include "modelgen_test_support.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace atlas;

namespace {

// The highest crossing of a vertical line with a surface, or -1e9 when the line misses it.
float topAt(const modelgen::SurfaceIndex &s, const glm::vec3 &p) {
  const std::vector<float> ys = s.axisCrossings(p, 1);
  return ys.empty() ? -1e9f : ys.back();
}

} // namespace

TEST_CASE("pleura: seen from above, the membrane and the ring of rib 1 roof the dome", "[pleura][cover]") {
  for (const char *sideName : {"left", "right"}) {
    const std::string side = sideName;
    const modelgen::SurfaceIndex &dome = test::surfaceOf("cervical_pleura_" + side);
    const std::vector<const modelgen::SurfaceIndex *> roof = {
        &test::surfaceOf("suprapleural_membrane_" + side),
        &test::surfaceOf("rib1_" + side),
        &test::surfaceOf("costal_cartilage1_" + side),
        &test::surfaceOf("manubrium"),
        &test::surfaceOf("c7"),
        &test::surfaceOf("t1")};
    // Columns 0.5 mm apart over the dome's outline: where the dome is the highest thing in the column,
    // its pleura shows from above.
    constexpr float kCell = 0.5f;
    int seen = 0, bare = 0;
    glm::vec3 bareLo(1e9f), bareHi(-1e9f);
    for (float x = dome.lo().x; x <= dome.hi().x; x += kCell)
      for (float z = dome.lo().z; z <= dome.hi().z; z += kCell) {
        const glm::vec3 column(x, 0.0f, z);
        const float top = topAt(dome, column);
        if (top < -1e8f)
          continue;
        ++seen;
        float over = -1e9f;
        for (const modelgen::SurfaceIndex *s : roof)
          over = std::max(over, topAt(*s, column));
        if (over < top) {
          ++bare;
          bareLo = glm::min(bareLo, glm::vec3(x, top, z));
          bareHi = glm::max(bareHi, glm::vec3(x, top, z));
        }
      }
    const float seenArea = seen * kCell * kCell, bareArea = bare * kCell * kCell;
    INFO(side << ": the dome's outline from above " << seenArea << " mm^2, bare pleura " << bareArea
              << " mm^2, between " << test::mmText(bareLo) << " and " << test::mmText(bareHi));
    REQUIRE(seenArea > 1000.0f); // the dome is 40-45 mm across
    CHECK(bareArea < 75.0f);
  }
}
