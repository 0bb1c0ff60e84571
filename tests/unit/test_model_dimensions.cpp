// Dimensions of the bundled model against the published ranges collected in
// ../shared/anatomy/REFERENCE.md (section numbers in each test name). Millimetres throughout.
#ifdef ATLAS_HAVE_MODELGEN
#include "model_test_support.h"
#include "modelgen/model.h"

using namespace atlas;
using atlas::test::structureOf;

namespace {

const modelgen::ModelMetrics &metrics() {
  static const modelgen::ModelMetrics m = [] {
    Result<modelgen::ModelSpec> spec = modelgen::loadModelSpec(test::modelSpecDir());
    if (!spec)
      FAIL(spec.error());
    Result<modelgen::ModelMetrics> measured = modelgen::measureModel(spec.value());
    if (!measured)
      FAIL(measured.error());
    return measured.value();
  }();
  return m;
}

glm::vec3 sizeMm(const std::string &id) {
  return structureOf(id).bounds().size() * 1000.0f;
}

} // namespace

TEST_CASE("model: C7 transverse-process span 55-66 mm (REFERENCE 2.3: 60.0 UMTRI mean x 1.05)",
          "[model][dims]") {
  CHECK(sizeMm("c7").x >= 55.0f);
  CHECK(sizeMm("c7").x <= 66.0f);
}

TEST_CASE("model: C3-C6 transverse-process spans 49-58 mm (REFERENCE 2.3: 49.9-52.7 mean meshes, x 1.05)",
          "[model][dims]") {
  for (const char *id : {"c3", "c4", "c5", "c6"}) {
    INFO(id);
    CHECK(sizeMm(id).x >= 49.0f);
    CHECK(sizeMm(id).x <= 58.0f);
  }
}

TEST_CASE("model: atlas width 69-76 mm (REFERENCE 2.5: 69.4-72.5 dry bone, 73.4 mean mesh)",
          "[model][dims]") {
  CHECK(sizeMm("c1").x >= 69.0f);
  CHECK(sizeMm("c1").x <= 76.0f);
}

TEST_CASE("model: C5 canal width 20-24 mm (REFERENCE 2.3: CT 20.4-21.6, interpedicular 21.1, model 23)",
          "[model][dims]") {
  const glm::vec3 centre = metrics().landmarks.at("c5.canal") * 0.001f;
  const Structure &c5 = structureOf("c5");
  const auto left = test::rayHit(c5, centre, glm::vec3(1, 0, 0));
  const auto right = test::rayHit(c5, centre, glm::vec3(-1, 0, 0));
  REQUIRE(left);
  REQUIRE(right);
  const float width = (*left + *right) * 1000.0f;
  CHECK(width >= 20.0f);
  CHECK(width <= 24.0f);
}

TEST_CASE("model: C7 superior endplate centre at the origin and the dens apex in place (REFERENCE 1.1)",
          "[model][dims]") {
  // Straight down onto C7 from above the origin: the endplate (dish up to ~1 mm deep) is hit first.
  const auto down = test::rayHit(structureOf("c7"), glm::vec3(0.0f, 0.02f, 0.0f), glm::vec3(0, -1, 0));
  REQUIRE(down);
  CHECK((0.02f - *down) * 1000.0f == Approx(0.0f).margin(1.5f));
  CHECK(structureOf("c2").bounds().max.y * 1000.0f == Approx(109.7f).margin(1.5f));
  // The vertebra prominens: its spinous tip at Z = -56.1 mm.
  CHECK(structureOf("c7").bounds().min.z * 1000.0f == Approx(-56.1f).margin(2.0f));
}

TEST_CASE("model: rib arc lengths, rib 1 110-140 mm and rib 2 200-230 mm (REFERENCE 3)", "[model][dims]") {
  CHECK(metrics().arcLength.at("rib1") >= 110.0f);
  CHECK(metrics().arcLength.at("rib1") <= 140.0f);
  CHECK(metrics().arcLength.at("rib2") >= 200.0f);
  CHECK(metrics().arcLength.at("rib2") <= 230.0f);
}

TEST_CASE("model: C2-C7 lordosis within the Guo 2018 95% CI 6.6-18.8 deg (REFERENCE 2.7)", "[model][dims]") {
  CHECK(metrics().cobbC2C7 >= 6.6f);
  CHECK(metrics().cobbC2C7 <= 18.8f);
  // Lordotic, not kyphotic: the C2 inferior endplate faces further forward than the C7 one.
  CHECK(metrics().infNormal.at("c2").z > metrics().infNormal.at("c7").z);
}

TEST_CASE("model: first rib broad and flat, second rib taller than thick (REFERENCE 3)", "[model][dims]") {
  // Rib 1 spans at most ~65 mm from head to its most lateral point; rib 2 reaches further out.
  CHECK(sizeMm("rib1_left").x < sizeMm("rib2_left").x);
  // The thoracic inlet, 100-125 mm wide (REFERENCE 3): the span between the first ribs' outer borders
  // less two shaft breadths (about 17 mm each, REFERENCE 3).
  const float outer =
      (structureOf("rib1_left").bounds().max.x - structureOf("rib1_right").bounds().min.x) * 1000.0f;
  CHECK(outer - 2.0f * 17.0f >= 95.0f);
  CHECK(outer - 2.0f * 17.0f <= 125.0f);
}
#endif
