// Issue 12, fifth pass: the lecturer's latest review of the soft tissues. The ventral rami seemed to
// leave at the front of the vertebral bodies (each must start in its intervertebral foramen, lateral
// to the body and behind the vertebral artery, REFERENCE.md section 5), scalenus medius ended flat a
// centimetre above rib 1 (its belly must run down into its broad insertion, section 4.3); and no
// slip may come apart from its belly (the next review found posterior's C4 slip cut off).
// Curves come from assets/model through the generator's landmarks; meshes from the committed model or
// the draft named by ATLAS_ROUTES_GLB. Every failure names the structure and the millimetres.
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen_test_support.h" // the generator, its measures and the std headers they use

using namespace atlas;
using modelgen::SurfaceIndex;

namespace {

const SurfaceIndex &leftSurface(const std::string &id) {
  return test::surfaceOf(id + "_left");
}

// A point of the model description: a landmark plus its offset, or an absolute point (mm).
glm::vec3 pointMm(const modelgen::PointSpec &p) {
  return p.landmark.empty() ? p.offset : test::landmarkMm(p.landmark) + p.offset;
}

const modelgen::VertebraSpec &vertebraSpec(const std::string &id) {
  for (const modelgen::VertebraSpec &v : test::modelSpec().vertebrae)
    if (v.id == id)
      return v;
  FAIL("no vertebra " << id << " in skeleton.json");
  static modelgen::VertebraSpec none;
  return none;
}

} // namespace

TEST_CASE("fifth pass: each ventral ramus starts in its foramen, lateral to the body and behind the "
          "vertebral artery",
          "[modelgen][routes][fifth]") {
  // REFERENCE.md section 5: the ventral ramus leaves the intervertebral foramen behind the vertebral
  // artery and runs out in the gutter of the transverse process; the foramen lies behind the body,
  // lateral to its posterolateral corner (the uncinate process). So the root's first point lies
  // behind the artery's back wall at that height, lateral to the uncinate process of the vertebra
  // above, and behind the back of the body: from the front the root's start is hidden.
  const std::vector<glm::vec3> artery = test::centreLine("vertebral_artery");
  const float arteryRadius = 0.5f * test::tubeSpec("vertebral_artery").diameter;
  const std::vector<std::pair<std::string, std::string>> rami = {{"c4_ventral_ramus", "c3"},
                                                                 {"c5_ventral_ramus", "c4"},
                                                                 {"c6_ventral_ramus", "c5"},
                                                                 {"c7_ventral_ramus", "c6"},
                                                                 {"c8_ventral_ramus", "c7"}};
  for (const auto &[id, above] : rami) {
    const std::vector<glm::vec3> controls = modelgen::tubeControls(test::tubeSpec(id), test::landmarkMm);
    REQUIRE(!controls.empty());
    const glm::vec3 start = controls.front();
    // The artery at the root's height (its climb through the foramina transversaria, C6 to C2).
    glm::vec3 at = artery.front();
    for (const glm::vec3 &c : artery)
      if (c.y < test::landmarkMm("c2.ft").y && std::abs(c.y - start.y) < std::abs(at.y - start.y))
        at = c;
    // The body's posterolateral corner (the uncinate process) at half its upper width plus 1 mm
    // from its centre, as the generator places it.
    const glm::vec3 body = test::landmarkMm(above + ".body");
    const float uncinateX = body.x + 0.5f * vertebraSpec(above).supWidth + 1.0f;
    const glm::vec3 ivf = test::landmarkMm(above + ".ivf");
    INFO(id << " starts at (" << start.x << ", " << start.y << ", " << start.z
            << ") mm; the vertebral artery "
            << "there at (" << at.x << ", " << at.y << ", " << at.z << "), radius " << arteryRadius << "; "
            << above << "'s uncinate process at x " << uncinateX << ", its foramen at (" << ivf.x << ", "
            << ivf.y << ", " << ivf.z << "), its body's back at z "
            << body.z - 0.5f * vertebraSpec(above).depth);
    CHECK(start.z <= at.z - arteryRadius); // behind the artery, not in front of it
    CHECK(start.x >= uncinateX);           // lateral to the body's posterolateral corner
    CHECK(start.x <= at.x);                // not out beyond the artery: still in the foramen
    CHECK(start.z <= body.z - 0.5f * vertebraSpec(above).depth); // behind the back of the body
    CHECK(glm::length(start - ivf) <= 4.5f);                     // at its own foramen
  }
}

TEST_CASE("fifth pass: scalenus medius's belly runs down into its insertion on rib 1",
          "[model][muscle][shapes][fifth]") {
  // REFERENCE.md section 4.3: a broad insertion on the upper surface of rib 1 behind the subclavian
  // groove, into which the belly tapers. Across the middle of the footprint the muscle is solid from
  // 2 mm above the rib up to 8 mm: no flat end a centimetre above the rib with only a thin sheet
  // below it.
  const SurfaceIndex &rib = leftSurface("rib1");
  const SurfaceIndex &medius = leftSurface("scalenus_medius");
  glm::vec3 centre(0.0f);
  for (const modelgen::MuscleSpec &m : test::modelSpec().muscles)
    if (m.id == "scalenus_medius")
      for (const modelgen::FootprintSpec &f : m.footprints)
        if (f.role == "insertion" && f.bone == "rib1")
          centre = pointMm(f.at);
  REQUIRE(glm::length(centre) > 0.0f);
  const glm::vec3 along =
      glm::normalize(test::landmarkMm("rib1.medius") - test::landmarkMm("rib1.artery_groove"));
  int columns = 0, full = 0;
  for (float u = -6.0f; u <= 6.01f; u += 3.0f) {
    // The rib's surface under a point 4 mm above the footprint, and its outward normal there.
    const glm::vec3 probe = centre + along * u + glm::vec3(0.0f, 4.0f, 0.0f);
    glm::vec3 foot;
    rib.distance(probe, &foot);
    const glm::vec3 up = glm::normalize(probe - foot);
    float lowest = 1e9f, highest = -1e9f;
    bool solid = true;
    for (float h = 2.0f; h <= 8.01f; h += 1.0f) {
      const bool in = medius.inside(foot + up * h);
      solid = solid && in;
      if (in) {
        lowest = std::min(lowest, h);
        highest = std::max(highest, h);
      }
    }
    ++columns;
    full += solid ? 1 : 0;
    INFO("scalenus_medius_left " << u << " mm along rib 1 from its footprint's centre: muscle from " << lowest
                                 << " to " << highest << " mm above the rib (2-8 mm sampled)");
    CHECK(solid);
  }
  CHECK(full == columns);
}

TEST_CASE("fifth pass: every slip of every scalene is joined to its belly",
          "[model][muscle][shapes][fifth]") {
  // A slip is a tendon from its tubercle into the belly (REFERENCE.md section 4.3). A groove carved
  // between scalenus posterior and medius in the fifth pass cut posterior's C4 slip off its belly
  // (314 of its 6,968 triangles, apart), which the lecturer's review found and no measure here
  // caught. Triangles that share a vertex are joined; apart from the muscle's main piece only slivers
  // may remain (the mesher leaves a few triangles where a muscle thins against bone: 4-26 in the
  // bundled model), never a piece of 1 % of the muscle.
  for (const char *muscle : {"scalenus_anterior", "scalenus_medius", "scalenus_posterior"})
    for (const char *side : {"_left", "_right"}) {
      const Structure *s = test::modelUnderTest().find(std::string(muscle) + side);
      REQUIRE(s);
      REQUIRE(s->meshes.size() == 1);
      const MeshData &mesh = s->meshes[0];
      std::vector<std::uint32_t> parent(mesh.positions.size());
      for (std::uint32_t i = 0; i < parent.size(); ++i)
        parent[i] = i;
      const auto root = [&](std::uint32_t v) {
        while (parent[v] != v)
          v = parent[v] = parent[parent[v]];
        return v;
      };
      for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t a = root(mesh.indices[t]);
        parent[root(mesh.indices[t + 1])] = a;
        parent[root(mesh.indices[t + 2])] = a;
      }
      std::map<std::uint32_t, std::size_t> trianglesOf; // piece (its root vertex) -> triangles
      for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
        ++trianglesOf[root(mesh.indices[t])];
      std::vector<std::size_t> sizes;
      for (const auto &[piece, count] : trianglesOf)
        sizes.push_back(count);
      std::sort(sizes.rbegin(), sizes.rend());
      REQUIRE(!sizes.empty());
      const std::size_t total = mesh.indices.size() / 3;
      const std::size_t secondLargest = sizes.size() > 1 ? sizes[1] : 0;
      INFO(muscle << side << ": " << sizes.size() << " pieces, the largest " << sizes[0] << " triangles of "
                  << total << ", the next " << secondLargest);
      CHECK(secondLargest * 100 < total);
    }
}

#endif
