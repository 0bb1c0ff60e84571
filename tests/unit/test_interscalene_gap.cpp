// Issue 12: the interscalene gap, the space between scalenus anterior and scalenus medius that every
// exam asks about. At the C6 root it is open, about 4.5 mm (REFERENCE.md §4.3: 4.5 ± 0.5 mm by
// ultrasound, JMPT 2016 39:662; accepted here 3.5-6.5 mm), and the upper, middle and lower trunks and
// the subclavian artery pass through it (REFERENCE.md §4.1 key relations, §5 trunks): behind
// anterior, in front of medius, and then on over the outer border of rib 1. Measured on the
// committed model (test_model_reproducible proves it is the generator's output; set ATLAS_ROUTES_GLB
// to measure another file, as the route tests do), centre lines from assets/model/vessels.json, mm in
// the frame of REFERENCE.md §1 (+X left, +Y up, +Z forward). Failures name the structure and the mm.
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen/model.h"
#include "modelgen/spec.h"
#include "modelgen/tube.h"
#include "modelgen_test_support.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

using namespace atlas;
using modelgen::SurfaceIndex;

namespace {

// REFERENCE.md §4.3 "Gap between anterior and medius": 4.5 ± 0.5 mm at the C6 root [S] (JMPT 2016
// 39:662); the model is allowed 1 mm more either way for a drawn model (the 9.7 mm of the model
// before issue 12's second pass failed this).
constexpr float kGapMin = 3.5f, kGapMax = 6.5f;

const SurfaceIndex &surface(const std::string &id) {
  static std::map<std::string, SurfaceIndex> cache;
  auto it = cache.find(id);
  if (it == cache.end()) {
    const Structure *s = test::modelUnderTest().find(id);
    if (!s)
      FAIL("the model has no structure " << id);
    it = cache.emplace(id, SurfaceIndex(s->meshes, 1000.0f)).first;
  }
  return it->second;
}

const std::map<std::string, glm::vec3> &landmarksMm() {
  return test::specMetrics().landmarks;
}

struct CentreLine {
  std::vector<glm::vec3> points; // mm, as the generator sweeps the tube
  float radius = 0.0f;
};

// A tube's centre line on one side, as the generator builds it (smoothCurve of its controls).
CentreLine centreLine(const std::string &id, const std::string &side) {
  const auto lookup = [](const std::string &name) {
    auto it = landmarksMm().find(name);
    if (it == landmarksMm().end())
      FAIL("no landmark " << name);
    return it->second;
  };
  const modelgen::TubeSpec *found = nullptr;
  for (const modelgen::TubeSpec &t : test::modelSpec().tubes)
    if (t.id == id && (t.side == side || (t.side.empty() && !found)))
      found = &t;
  if (!found)
    FAIL("no tube " << id << " for the " << side << " side in vessels.json");
  std::vector<glm::vec3> controls = modelgen::tubeControls(*found, lookup);
  if (found->side.empty() && side == "right")
    for (glm::vec3 &p : controls)
      p.x = -p.x;
  const float r = found->diameter * 0.5f;
  return {modelgen::smoothCurve(controls, modelgen::tubeSpacing(r)), r};
}

std::string mm(const glm::vec3 &p) {
  char text[80];
  std::snprintf(text, sizeof text, "(%.1f, %.1f, %.1f) mm", p.x, p.y, p.z);
  return text;
}

// Where a centre line passes between the two muscles: outside both, with the nearest point of
// scalenus anterior in front of it and the nearest point of scalenus medius behind it, on opposite
// sides of it (their directions from the line more than 90 degrees apart). `front` and `behind` are
// the clearances (mm) from the tube's surface to those muscles.
struct Place {
  glm::vec3 at{0.0f};
  std::size_t index = 0;
  float front = 0.0f, behind = 0.0f;
  float gap = 0.0f; // between the two muscles' surfaces, across the line
};
struct Passage {
  bool found = false;
  Place narrowest; // where the muscles come closest across the line (the gap)
  Place tightest;  // where the tube comes closest to either muscle
  std::size_t last = 0;
};
Passage passageBetween(const CentreLine &line, const SurfaceIndex &anterior, const SurfaceIndex &medius) {
  Passage out;
  for (std::size_t i = 0; i < line.points.size(); ++i) {
    const glm::vec3 p = line.points[i];
    if (anterior.inside(p) || medius.inside(p))
      continue;
    glm::vec3 onAnterior(0.0f), onMedius(0.0f);
    const float toAnterior = anterior.distance(p, &onAnterior), toMedius = medius.distance(p, &onMedius);
    if (onAnterior.z <= p.z || onMedius.z >= p.z || glm::dot(onAnterior - p, onMedius - p) >= 0.0f)
      continue;
    // The gap's width here: from the point of anterior's back nearest to the line straight across
    // to medius (the two surfaces are oblique, so not along a front-to-back line).
    const Place here{p, i, toAnterior - line.radius, toMedius - line.radius, medius.distance(onAnterior)};
    const auto clear = [](const Place &x) { return std::min(x.front, x.behind); };
    if (!out.found || here.gap < out.narrowest.gap)
      out.narrowest = here;
    if (!out.found || clear(here) < clear(out.tightest))
      out.tightest = here;
    out.found = true;
    out.last = i;
  }
  return out;
}

const char *kSides[] = {"left", "right"};

} // namespace

TEST_CASE("interscalene gap: open at the C6 root by about 4.5 mm (REFERENCE 4.3)", "[routes][gap]") {
  for (const char *side : kSides) {
    const std::string s = side;
    const std::string anteriorId = "scalenus_anterior_" + s, mediusId = "scalenus_medius_" + s;
    const SurfaceIndex &anterior = surface(anteriorId), &medius = surface(mediusId);
    const CentreLine root = centreLine("c6_ventral_ramus", s);
    // Where the C6 root runs between the two muscles, the gap is the distance from the back of
    // scalenus anterior to the front of scalenus medius across the root's centre line.
    const Passage passage = passageBetween(root, anterior, medius);
    INFO("c6_ventral_ramus_" << s << " between " << anteriorId << " and " << mediusId);
    REQUIRE(passage.found);
    const Place &at = passage.narrowest;
    const float gap = at.gap;
    INFO("gap at the C6 root " << mm(at.at) << ": " << gap << " mm (the root " << 2.0f * root.radius
                               << " mm across; across through the root "
                               << at.front + at.behind + 2.0f * root.radius
                               << " mm); REFERENCE 4.3: 4.5 mm, accepted " << kGapMin << "-" << kGapMax);
    CHECK(gap >= kGapMin);
    CHECK(gap <= kGapMax);
    // The root itself passes clear of both (the contact tests allow 0.5 mm).
    INFO("closest to either muscle: " << passage.tightest.front << " mm to anterior, "
                                      << passage.tightest.behind << " mm to medius at "
                                      << mm(passage.tightest.at));
    CHECK(passage.tightest.front >= -0.5f);
    CHECK(passage.tightest.behind >= -0.5f);
  }
}

TEST_CASE("interscalene gap: the trunks and the subclavian artery pass through it and over rib 1",
          "[routes][gap]") {
  for (const char *side : kSides) {
    const std::string s = side;
    const SurfaceIndex &anterior = surface("scalenus_anterior_" + s),
                       &medius = surface("scalenus_medius_" + s);
    const SurfaceIndex &rib = surface("rib1_" + s);
    const float ribOuterX = std::max(std::abs(rib.lo().x), std::abs(rib.hi().x));
    for (const char *content : {"upper_trunk", "middle_trunk", "lower_trunk", "subclavian_artery"}) {
      const std::string id = std::string(content) + "_" + s;
      const CentreLine line = centreLine(content, s);
      const Passage passage = passageBetween(line, anterior, medius);
      const Place &at = passage.tightest;
      INFO(id << " (" << 2.0f * line.radius << " mm across) through the gap between scalenus_anterior_" << s
              << " and scalenus_medius_" << s);
      REQUIRE(passage.found); // else it runs in front of anterior, behind medius or through one of them
      INFO("tightest at " << mm(at.at) << ": " << at.front << " mm behind anterior, " << at.behind
                          << " mm in front of medius");
      CHECK(at.front >= -0.5f);
      CHECK(at.behind >= -0.5f);
      // Then on laterally over rib 1: above its upper surface where it crosses the rib, and out past
      // the rib's outer border toward the axilla.
      float lowest = 1e9f, outermost = 0.0f;
      glm::vec3 where(0.0f);
      int overRib = 0;
      for (std::size_t i = passage.last; i < line.points.size(); ++i) {
        const glm::vec3 p = line.points[i];
        outermost = std::max(outermost, std::abs(p.x));
        const std::vector<float> ys = rib.axisCrossings(p, 1);
        if (ys.size() < 2 || p.y < ys.front() - line.radius)
          continue; // not over the rib here (or passing under it)
        ++overRib;
        const float above = p.y - line.radius - ys.back();
        if (above < lowest) {
          lowest = above;
          where = p;
        }
      }
      INFO("after the gap: " << overRib << " centre-line points over rib1_" << s << ", lowest " << lowest
                             << " mm above its upper surface at " << mm(where) << "; reaches |x| "
                             << outermost << " mm, rib's outer border " << ribOuterX << " mm");
      CHECK(overRib > 0);
      CHECK(lowest >= -0.5f);
      CHECK(outermost > ribOuterX);
    }
  }
}

#endif
