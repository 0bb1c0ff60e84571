// The bundled model (assets/cervical_region.glb, issue 3): ids and extras, clean closed meshes,
// left/right mirror symmetry, attachment footprints on their bones, and the size budget.
#ifdef ATLAS_HAVE_MODELGEN
#include "model_test_support.h"
#include "modelgen/mesh_check.h"
#include "modelgen/spec.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

using namespace atlas;
using atlas::test::committedModel;
using atlas::test::structureOf;

namespace {

struct Expected {
  std::string id, system, side, fma;
};

// Every id of the table, with the FMA ids it gives.
std::vector<Expected> expectedStructures() {
  std::vector<Expected> out;
  const std::vector<std::pair<std::string, std::string>> vertebrae = {
      {"c1", "12519"}, {"c2", "12520"}, {"c3", "12521"}, {"c4", "12522"}, {"c5", "12523"},
      {"c6", "12524"}, {"c7", "12525"}, {"t1", "9165"},  {"t2", "9187"}};
  for (const auto &[id, fma] : vertebrae)
    out.push_back({id, "bone", "midline", fma});
  out.push_back({"manubrium", "bone", "midline", "7486"});
  auto pair = [&](const std::string &base, const std::string &system, const std::string &right,
                  const std::string &left) {
    out.push_back({base + "_right", system, "right", right});
    out.push_back({base + "_left", system, "left", left});
  };
  pair("rib1", "bone", "7857", "7987");
  pair("rib2", "bone", "7882", "8012");
  pair("costal_cartilage1", "cartilage", "7875", "8005");
  pair("costal_cartilage2", "cartilage", "7886", "8031");
  pair("clavicle", "bone", "13322", "13323"); // issue 11: the costoclavicular space
  for (const char *d :
       {"disc_c2_c3", "disc_c3_c4", "disc_c4_c5", "disc_c5_c6", "disc_c6_c7", "disc_c7_t1", "disc_t1_t2"})
    out.push_back({d, "disc", "midline", ""});
  pair("scalenus_posterior", "muscle", "13388", "13389");
  pair("scalenus_medius", "muscle", "13390", "13391");
  pair("scalenus_anterior", "muscle", "13392", "13393");
  for (const char *n : {"c4_ventral_ramus", "c5_ventral_ramus", "c6_ventral_ramus", "c7_ventral_ramus",
                        "c8_ventral_ramus", "t1_ventral_ramus", "upper_trunk", "middle_trunk", "lower_trunk"})
    pair(n, "nerve", "", "");
  pair("subclavian_artery", "artery", "3953", "4694");
  for (const char *a : {"vertebral_artery", "thyrocervical_trunk", "inferior_thyroid_artery",
                        "ascending_cervical_artery", "transverse_cervical_artery",
                        "superficial_cervical_artery", "costocervical_trunk", "deep_cervical_artery"})
    pair(a, "artery", "", "");
  return out;
}

struct ExpectedFootprint {
  std::string muscle, role, bone, source;
};

// Origins and insertions of the three scalenes (left side; the right mirrors it). Standard anatomy
// ("reference") from Gray's Anatomy 41st ed.; the seed article's sites for scalenus posterior.
std::vector<ExpectedFootprint> expectedFootprints() {
  return {
      {"scalenus_anterior", "origin", "c3", "reference"},
      {"scalenus_anterior", "origin", "c4", "reference"},
      {"scalenus_anterior", "origin", "c5", "reference"},
      {"scalenus_anterior", "origin", "c6", "reference"},
      {"scalenus_anterior", "insertion", "rib1", "reference"},
      {"scalenus_medius", "origin", "c2", "reference"},
      {"scalenus_medius", "origin", "c3", "reference"},
      {"scalenus_medius", "origin", "c4", "reference"},
      {"scalenus_medius", "origin", "c5", "reference"},
      {"scalenus_medius", "origin", "c6", "reference"},
      {"scalenus_medius", "origin", "c7", "reference"},
      {"scalenus_medius", "insertion", "rib1", "reference"},
      {"scalenus_posterior", "origin", "c4", "reference"},
      {"scalenus_posterior", "origin", "c5", "both"},
      {"scalenus_posterior", "origin", "c6", "both"},
      {"scalenus_posterior", "origin", "c7", "article"},
      {"scalenus_posterior", "insertion", "rib2", "reference"},
      {"scalenus_posterior", "insertion", "rib1", "article"},
  };
}

std::string sidedBone(const std::string &bone, const std::string &side) {
  return bone.rfind("rib", 0) == 0 ? bone + "_" + side : bone;
}

} // namespace

TEST_CASE("model: every structure id of issue 3 is present with its extras", "[model]") {
  for (const Expected &e : expectedStructures()) {
    INFO(e.id);
    const Structure &s = structureOf(e.id);
    CHECK(s.extras.at("id") == e.id);
    CHECK(systemName(s.system) == e.system);
    CHECK(s.side == e.side);
    CHECK(s.fma == e.fma);
    CHECK_FALSE(s.name.empty());
    CHECK_FALSE(s.latin.empty());
    CHECK(s.triangleCount() > 0);
  }
  CHECK_THAT(committedModel().description,
             Catch::Contains("Schematic teaching model") && Catch::Contains("published measurements"));
}

TEST_CASE("model: attachment footprints name muscle, bone, role and source", "[model][footprint]") {
  std::set<std::string> expectedIds;
  for (const ExpectedFootprint &f : expectedFootprints())
    for (const std::string side : {"left", "right"}) {
      const std::string muscle = f.muscle + "_" + side, bone = sidedBone(f.bone, side);
      const std::string id = muscle + "." + f.role + "." + bone;
      expectedIds.insert(id);
      INFO(id);
      const Structure &s = structureOf(id);
      REQUIRE(s.attachment);
      CHECK(s.system == System::Attachment);
      CHECK(attachmentRoleName(s.attachment->role) == f.role);
      CHECK(s.attachment->muscle == muscle);
      CHECK(s.attachment->bone == bone);
      CHECK(attachmentSourceName(s.attachment->source) == f.source);
      CHECK(s.side == side);
    }
  // No footprint beyond the list.
  for (const Structure &s : committedModel().structures())
    if (s.system == System::Attachment)
      CHECK(expectedIds.count(s.id) == 1);
}

TEST_CASE("model: no structure carries loose flecks", "[model][mesh]") {
  // Every piece of a structure's mesh (triangles joined through shared vertices) has at least 5% of
  // its largest piece's triangles: the generator drops smaller ones (mesher.h dropSpecks). Specks of
  // 4-34 triangles sat on scalenus medius and posterior, the pleura and four footprints (lecturer
  // review, thirteenth pass: loose specks on the tips of medius's C5 and C6 slips).
  for (const Structure &s : test::modelUnderTest().structures())
    for (const MeshData &m : s.meshes) {
      INFO(s.id);
      const modelgen::MeshPieces pieces = modelgen::meshPieces(m);
      REQUIRE_FALSE(pieces.triangles.empty());
      const auto [smallest, largest] = std::minmax_element(pieces.triangles.begin(), pieces.triangles.end());
      INFO(pieces.triangles.size() << " pieces, the smallest " << *smallest << " triangles, the largest "
                                   << *largest);
      CHECK(static_cast<double>(*smallest) >= 0.05 * static_cast<double>(*largest));
    }
}

TEST_CASE("model: every mesh is closed, 2-manifold and faces outwards", "[model][mesh]") {
  for (const Structure &s : committedModel().structures())
    for (const MeshData &m : s.meshes) {
      INFO(s.id);
      const modelgen::MeshCheck check = modelgen::checkMesh(m);
      CHECK(check.boundaryEdges == 0);
      CHECK(check.nonManifoldEdges == 0);
      CHECK(check.inconsistentEdges == 0);
      CHECK(check.degenerateTriangles == 0);
      CHECK(check.signedVolume > 0.0);
      REQUIRE(m.normals.size() == m.positions.size());
      for (const glm::vec3 &n : m.normals)
        REQUIRE(glm::length(n) == Approx(1.0f).margin(1e-3));
    }
}

TEST_CASE("model: left and right structures are exact mirror images", "[model][symmetry]") {
  // Built side by side on purpose (issue 12): vessels whose origins differ in life ("side" in
  // vessels.json), and the pleurae moulded round them. Everything else is one side mirrored.
  Result<modelgen::ModelSpec> spec = modelgen::loadModelSpec(test::modelSpecDir());
  REQUIRE(spec);
  std::set<std::string> sided;
  for (const modelgen::TubeSpec &t : spec->tubes)
    if (!t.side.empty())
      sided.insert(t.id);
  for (const modelgen::PleuraSpec &p : spec->pleurae) {
    sided.insert(p.id);
    sided.insert(p.membraneId);
  }
  REQUIRE(sided.count("subclavian_artery") == 1);
  int pairs = 0;
  for (const Structure &left : committedModel().structures()) {
    if (left.side != "left")
      continue;
    const std::string base = left.id.substr(0, left.id.find("_left"));
    if (sided.count(base) || (left.attachment && sided.count(left.attachment->muscle)))
      continue;
    std::string rightId = left.id;
    for (std::size_t at = rightId.find("_left"); at != std::string::npos; at = rightId.find("_left"))
      rightId.replace(at, 5, "_right");
    INFO(left.id << " vs " << rightId);
    const Structure &right = structureOf(rightId);
    REQUIRE(left.meshes.size() == right.meshes.size());
    for (std::size_t k = 0; k < left.meshes.size(); ++k) {
      const MeshData mirrored = modelgen::mirrorX(right.meshes[k]);
      REQUIRE(mirrored.positions.size() == left.meshes[k].positions.size());
      REQUIRE(mirrored.indices == left.meshes[k].indices);
      for (std::size_t i = 0; i < mirrored.positions.size(); ++i)
        REQUIRE(glm::length(mirrored.positions[i] - left.meshes[k].positions[i]) < 1e-7f);
    }
    ++pairs;
  }
  CHECK(pairs >= 40);
  // Midline bones, discs and cartilages are symmetric about X = 0 to within a fraction of a
  // millimetre (an unpaired vessel such as the arch of the aorta is not).
  std::set<std::string> tubes;
  for (const modelgen::TubeSpec &t : spec->tubes)
    tubes.insert(t.id);
  for (const Structure &s : committedModel().structures())
    if (s.side == "midline" && !tubes.count(s.id)) {
      INFO(s.id);
      const Bounds b = s.bounds();
      CHECK(std::abs(b.min.x + b.max.x) < 0.0005f);
    }
}

TEST_CASE("model: each footprint lies on its bone's surface, within 1.5 mm", "[model][footprint]") {
  for (const Structure &s : committedModel().structures()) {
    if (!s.attachment)
      continue;
    INFO(s.id);
    const Structure &bone = structureOf(s.attachment->bone);
    const MeshData &m = s.meshes.at(0);
    float worst = 0.0f;
    for (std::size_t i = 0; i < m.positions.size(); i += 3)
      worst = std::max(worst, test::distanceToStructure(m.positions[i], bone));
    CHECK(worst * 1000.0f < 1.5f);
    // Thin: a patch, not a lump.
    CHECK(modelgen::checkMesh(m).signedVolume * 1e9 < 300.0);
  }
}

TEST_CASE("model: the reference insertion of scalenus posterior is on rib 2, the article's on rib 1",
          "[model][footprint]") {
  for (const std::string side : {"left", "right"}) {
    INFO(side);
    const Structure &reference = structureOf("scalenus_posterior_" + side + ".insertion.rib2_" + side);
    const Structure &article = structureOf("scalenus_posterior_" + side + ".insertion.rib1_" + side);
    const Structure &rib1 = structureOf("rib1_" + side), &rib2 = structureOf("rib2_" + side);
    const glm::vec3 c = reference.bounds().center(), a = article.bounds().center();
    CHECK(test::distanceToStructure(c, rib2) * 1000.0f < 1.5f);
    CHECK(test::distanceToStructure(c, rib1) * 1000.0f > 10.0f);
    CHECK(test::distanceToStructure(a, rib1) * 1000.0f < 1.5f);
    CHECK(test::distanceToStructure(a, rib2) * 1000.0f > 10.0f);
    // The reference site is behind the serratus anterior tuberosity (REFERENCE §3): posterior to the
    // rib's most lateral point.
    const Bounds ribBounds = rib2.bounds();
    CHECK(c.z < ribBounds.center().z);
  }
}

TEST_CASE("model: under 400,000 triangles and 12 MB, most of them on the bones", "[model][budget]") {
  const Scene &scene = committedModel();
  CHECK(scene.triangleCount() < 400000);
  CHECK(std::filesystem::file_size(test::committedModelPath()) < 12u * 1024u * 1024u);
  // The sternum's two plates (the manubrium and the short stub of its body) are smooth and flat, and
  // spend few triangles; every other bone carries more than twice the busiest nerve or artery.
  std::size_t fewestOnBone = SIZE_MAX, mostOnTube = 0;
  for (const Structure &s : scene.structures()) {
    const bool plate = s.id == "manubrium" || s.id == "sternal_body";
    if (s.system == System::Bone)
      fewestOnBone = std::min(fewestOnBone, plate ? SIZE_MAX : s.triangleCount());
    if (s.system == System::Nerve || s.system == System::Artery)
      mostOnTube = std::max(mostOnTube, s.triangleCount());
  }
  CHECK(fewestOnBone > 2 * mostOnTube);
}
#endif
