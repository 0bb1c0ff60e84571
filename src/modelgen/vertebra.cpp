// Sections: shared parts (body, pillar, lamina, spinous) · typical C3–C7 · T1–T2 · atlas · axis.
// Shapes are written in the vertebra's local frame (mm): origin at the body centre, +Y along the body
// axis, +Z anterior, +X left; bilateral parts are evaluated on |x|.
#include "modelgen/vertebra.h"

#include "modelgen/bone_tips.h"

#include <cmath>
#include <memory>
#include <vector>

namespace atlas::modelgen {
namespace {

// The sphere that cuts the facet for a rib's tubercle: its radius and how far (mm) its centre lies out
// from the tubercle's landmark toward the rib (a dish, see the costal pits below). Rib 2's neck lies
// nearer its process, so its dish is kept deeper: each tubercle then stands 2.5-3 mm above its neck,
// about 3 times as broad (test_rib_shapes).
constexpr float kTubercleDish = 9.0f, kTubercleDishOutRib1 = 6.0f, kTubercleDishOutRib2 = 4.0f;

vec3 bilateral(const vec3 &p) {
  return {std::abs(p.x), p.y, p.z};
}

// A plate-like bar: two capsules stacked `halfHeight` above and below the axis, blended.
float sdBar(const vec3 &p, const vec3 &a, const vec3 &b, float r, float halfHeight) {
  const vec3 up(0.0f, halfHeight, 0.0f);
  return smin(sdCapsule(p, a + up, b + up, r), sdCapsule(p, a - up, b - up, r), halfHeight * 1.5f);
}

// Everything one level needs, derived once from the spec.
struct Level {
  VertebraSpec s;
  Frame frame;
  float h = 0, a = 0, b = 0, wedge = 0;
  float xl = 0, zl = 0, rl = 5.5f; // articular pillar centre and radius
  float zj = 0;                    // spinolaminar junction
  vec3 tip{0};                     // spinous knob centre (local)
  vec3 dens{0};                    // axis only: apex of the dens (local)
  vec3 at{0}, pt{0}, ft{0};        // tubercles and foramen transversarium (local, left)
  float ftR = 0, atR = 0, ptR = 3;
  float yTp = -0.5f;
  std::vector<std::pair<vec3, float>> pits; // costal facets (local centre, radius)
  // Facet joints: this level's superior facet plane (point, outward normal) and, from the level
  // below, the plane its inferior facets stop at (1 mm above that level's superior facet), local.
  vec3 supP{0}, supN{0, 1, 0}, infP{0}, infN{0, -1, 0};
  // Articular pillar half width (X) and half depth (Z): a block about 12 x 11 mm in section (REFERENCE
  // §2.3-2.4: about 12 x 12 x 11 mm; fifth pass: 9.6 mm deep it read as a blade).
  vec2 pillarHalf{6.0f, 5.5f};
  float laminaT = 1.75f;   // half thickness of the laminae
  float yJunction = -2.5f; // height of the spinolaminar junction (local)
  // Atlas only: the centre lines of the anterior and posterior arches (left half, from the midline out),
  // smooth curves sampled about every 2 mm, with the section radius at each sample.
  std::vector<std::pair<vec3, float>> anteriorArch, posteriorArch;
};

// Uniform Catmull-Rom through `controls` (ends repeated), `per` samples per span, with radii
// interpolated linearly along each span. The first control only sets the tangent: its span is left out.
std::vector<std::pair<vec3, float>> smoothCurve(const std::vector<std::pair<vec3, float>> &controls,
                                                int per) {
  std::vector<std::pair<vec3, float>> out;
  const int n = static_cast<int>(controls.size());
  auto at = [&](int i) { return controls[static_cast<std::size_t>(std::clamp(i, 0, n - 1))].first; };
  for (int i = 1; i + 1 < n; ++i)
    for (int k = 0; k < per || (i + 2 == n && k == per); ++k) {
      const float t = static_cast<float>(k) / static_cast<float>(per), t2 = t * t, t3 = t2 * t;
      const vec3 p = 0.5f * (2.0f * at(i) + (at(i + 1) - at(i - 1)) * t +
                             (2.0f * at(i - 1) - 5.0f * at(i) + 4.0f * at(i + 1) - at(i + 2)) * t2 +
                             (3.0f * at(i) - at(i - 1) - 3.0f * at(i + 1) + at(i + 2)) * t3);
      const float r = controls[static_cast<std::size_t>(i)].second * (1.0f - t) +
                      controls[static_cast<std::size_t>(i + 1)].second * t;
      out.emplace_back(p, r);
    }
  return out;
}

// Distance to a tube swept along sampled centre-line points (round cones between samples).
float sdSampledTube(const vec3 &p, const std::vector<std::pair<vec3, float>> &curve) {
  float d = 1e9f;
  for (std::size_t i = 0; i + 1 < curve.size(); ++i)
    d = std::min(d, sdRoundCone(p, curve[i].first, curve[i + 1].first, curve[i].second, curve[i + 1].second));
  return d;
}

// A plate: the segment a-b in the XZ plane thickened by `halfT` across, `halfH` up and down around
// heights ya (at a) and yb (at b), edges rounded by r.
float sdPlate(const vec3 &p, const vec3 &a, const vec3 &b, float halfT, float halfH, float r) {
  const vec2 pa(p.x - a.x, p.z - a.z), ba(b.x - a.x, b.z - a.z);
  const float h = std::clamp(glm::dot(pa, ba) / std::max(glm::dot(ba, ba), 1e-9f), 0.0f, 1.0f);
  const float across = glm::length(pa - ba * h) - (halfT - r);
  const float up = std::abs(p.y - (a.y + (b.y - a.y) * h)) - (halfH - r);
  return glm::length(glm::max(vec2(across, up), vec2(0.0f))) + std::min(std::max(across, up), 0.0f) - r;
}

// A lamina: the plate of sdPlate, its section leaning `lean` mm back per mm down (the lower border
// further back than the upper, as roof shingles lie) and thickening downwards by `thicken` of its half
// thickness at the lower border (and thinning as much at the upper), its borders rolled over by r.
float sdLamina(const vec3 &p, const vec3 &a, const vec3 &b, float halfT, float halfH, float r, float lean,
               float thicken) {
  const vec2 pa(p.x - a.x, p.z - a.z), ba(b.x - a.x, b.z - a.z);
  const float h = std::clamp(glm::dot(pa, ba) / std::max(glm::dot(ba, ba), 1e-9f), 0.0f, 1.0f);
  const float dy = p.y - (a.y + (b.y - a.y) * h);
  const float s = std::clamp(dy / halfH, -1.0f, 1.0f);
  // The section's centre moves back going down: shift across the plate (towards -Z in the XZ normal).
  const vec2 n = glm::normalize(vec2(ba.y, -ba.x)); // in the XZ plane, perpendicular to the plate
  const vec2 nBack = n.y > 0.0f ? -n : n;
  const vec2 off = nBack * (-dy * lean);
  const float t = halfT * (1.0f - thicken * s);
  const float across = glm::length(pa - off - ba * h) - (t - r);
  const float up = std::abs(dy) - (halfH - r);
  return glm::length(glm::max(vec2(across, up), vec2(0.0f))) + std::min(std::max(across, up), 0.0f) - r;
}

// Intersection of two solids whose meeting edge is rounded over radius r: exact for faces that meet at a
// right angle (Mercury's hg_sdf, fOpIntersectionRound), unlike smax, which rounds a right-angled edge over
// less than half its k.
float roundMax(float a, float b, float r) {
  return std::min(-r, std::max(a, b)) + glm::length(glm::max(vec2(a + r, b + r), vec2(0.0f)));
}

// Low-amplitude bumps (about 2 mm apart) for the rough surface of a tubercle, fading out away from it.
float roughBone(const vec3 &p) {
  return std::sin(p.x * 2.9f + 1.3f) * std::sin(p.y * 3.1f + 0.7f) * std::sin(p.z * 2.7f + 2.1f);
}

// Tapering process flattened side to side: a round cone evaluated with X stretched by `flat`.
float sdFlatCone(const vec3 &p, const vec3 &a, const vec3 &b, float ra, float rb, float flat) {
  const vec3 s(flat, 1.0f, 1.0f);
  return sdRoundCone(p * s, a * s, b * s, ra, rb) / flat;
}

float bodyShape(const Level &L, const vec3 &p, bool uncinates) {
  const float halfH = L.h * 0.5f;
  const float t = std::clamp(p.y / halfH, -1.0f, 1.0f);
  const float waist = 1.0f - 0.05f * (1.0f - t * t);
  float side = sdRoundRect(vec2(p.x, p.z), vec2(L.a * waist, L.b), std::min(L.a, L.b) * 0.7f);
  if (L.s.kind == VertebraKind::Thoracic) {
    // Heart-shaped thoracic body: narrower in front, notched behind where the canal presses on it.
    const float front = std::clamp(p.z / L.b, 0.0f, 1.0f);
    side = sdRoundRect(vec2(p.x, p.z), vec2(L.a * waist * (1.0f - 0.2f * front * front), L.b),
                       std::min(L.a, L.b) * 0.7f);
    const float notch = (glm::length(vec2(p.x / 6.0f, (p.z + L.b + 1.0f) / 3.0f)) - 1.0f) * 3.0f;
    side = subtract(side, notch, 1.5f);
  }
  const float tw = std::tan(radians(L.wedge * 0.5f));
  const float top = p.y - (halfH - p.z * tw);
  const float bottom = (-halfH + p.z * tw) - p.y;
  float d = smax(smax(side, top, 1.2f), bottom, 1.2f);
  // Superior endplate a saddle: hollowed side to side (a trough along the AP axis, 0.8 mm deep at the
  // midline, rising to the rim and on into the uncinate processes), straight front to back
  // (REFERENCE §2.2: superior endplates flatter than inferior ones; issue 11).
  // Thoracic bodies have no uncinate processes and flatter endplates: a shallow dish above and a
  // shallower recess below, which also keeps the T1-T2 disc near its 4.5 mm (REFERENCE §2.2 [E]).
  const bool thoracic = L.s.kind == VertebraKind::Thoracic;
  const float saddleDepth = thoracic ? 0.3f : 0.8f, recessDepth = thoracic ? 0.6f : 1.3f;
  constexpr float kSaddleR = 22.0f;
  d = subtract(d, glm::length(vec2(p.x, p.y - (halfH - saddleDepth + kSaddleR))) - kSaddleR, 0.6f);
  d = subtract(d, sdSphere(p, vec3(0, -halfH + recessDepth - 28.0f, -1.5f), 28.0f), 0.6f); // inferior recess
  d = smin(d, sdEllipsoid(p, vec3(0, -halfH + 1.3f, L.b - 1.4f), vec3(L.a * 0.55f, 1.4f, 1.9f)),
           1.0f); // anterior lip
  if (uncinates) {
    // Uncinate processes: curved lips rising from the posterolateral rim of the upper endplate,
    // highest (about 4 mm) at the back and fading out towards the front.
    const vec3 q = bilateral(p);
    const float wall = std::abs(side + 1.1f) - 1.1f;
    const float rise = 3.0f * std::clamp((L.b * 0.55f - p.z) / L.b, 0.0f, 1.0f);
    const float top = p.y - (halfH - p.z * tw + rise - 0.4f);
    const float lateral = L.s.supWidth * 0.5f - q.x;
    const float lip = smax(smax(wall, top, 1.2f), smax(lateral, halfH - 2.5f - p.y, 0.8f), 0.8f);
    d = smin(d, lip, 1.0f);
  }
  return d;
}

float canal(const Level &L, const vec3 &p) {
  const float zc = -L.b - L.s.canalDepth * 0.5f - 0.3f;
  const float e = glm::length(vec2(p.x / (L.s.canalWidth * 0.5f), (p.z - zc) / (L.s.canalDepth * 0.5f)));
  return (e - 1.0f) * std::min(L.s.canalWidth, L.s.canalDepth) * 0.5f;
}

constexpr float kFacetRim = 0.9f; // mm: the rounding of a facet's rim into the pillar

// An oval articular facet lying in the plane (centre c, outward normal n): a pad `raise` mm thick
// standing proud of the pillar, `halfAcross` wide side to side and `halfAlong` up the slope of the plane
// (REFERENCE §2.4: facets 11-14 mm long, round-oval at C3-C5).
float facetPad(const vec3 &q, const vec3 &c, const vec3 &n, float halfAcross, float halfAlong, float raise) {
  const vec3 across = glm::normalize(vec3(1.0f, 0.0f, 0.0f) - n * n.x);
  const vec3 along = glm::cross(n, across);
  const vec3 r = q - c;
  const float ellipse =
      (glm::length(vec2(glm::dot(r, across) / halfAcross, glm::dot(r, along) / halfAlong)) - 1.0f) *
      std::min(halfAcross, halfAlong);
  const float slab = std::abs(glm::dot(r, n) + raise) - raise;
  return smax(ellipse, slab, kFacetRim);
}

// The pillar's section (d: X across, Z forward from its axis): behind, a rounded rectangle (a
// superellipse of power 4), so the pillar is a block (REFERENCE §2.3), not a drum; in front, where the
// ventral rami pass in the gutters just clear of it, the ellipse it was (square, its front corners
// touched C3's and C6's rami). A distance-like value, 0 on the outline, about mm near the axes.
float pillarSection(const vec2 &d, const vec2 &half) {
  const vec2 u = glm::abs(d) / half;
  if (d.y > 0.0f)
    return (glm::length(u) - 1.0f) * std::min(half.x, half.y);
  const vec2 u2 = u * u;
  return (std::sqrt(std::sqrt(u2.x * u2.x + u2.y * u2.y)) - 1.0f) * std::min(half.x, half.y);
}

// Where the pillar's axis (vertical through xl, zl) meets a facet plane.
vec3 facetCentre(const Level &L, const vec3 &point, const vec3 &n) {
  const float y = point.y - ((L.xl - point.x) * n.x + (L.zl - point.z) * n.z) / n.y;
  return {L.xl, y, L.zl};
}

// Articular pillar: a block with rounded edges (REFERENCE §2.3: about 12 x 12 x 11 mm) whose upper
// and lower faces are bevelled back, leaving an oval facet standing on each: the superior facet in this
// level's facet plane, the inferior one 1 mm above the next level's, so the two meet in a joint line.
float pillar(const Level &L, const vec3 &q) {
  // The facets stand only a little proud of the pillar's bevelled ends, with a soft rim: at 0.9 mm
  // with a 0.5 mm rim on a round column they read as coins laid on drums (lecturer review, eleventh
  // pass).
  constexpr float kRaise = 0.5f;
  const float column = pillarSection(vec2(q.x - L.xl, q.z - L.zl), L.pillarHalf);
  const float slab = std::max(sdPlane(q, L.supP, L.supN) + kRaise, sdPlane(q, L.infP, L.infN) + kRaise);
  float d = smax(column, slab, 3.0f);
  const float across = L.pillarHalf.x - 0.8f, along = std::min(L.pillarHalf.y / L.supN.y, 7.0f) - 0.8f;
  const float pads = std::min(facetPad(q, facetCentre(L, L.supP, L.supN), L.supN, across, along, kRaise),
                              facetPad(q, facetCentre(L, L.infP, L.infN), L.infN, across, along, kRaise));
  return smin(d, pads, 0.6f);
}

// Laminae as plates from the back of the pillars to the midline, and the spinous process: flattened,
// tapering, bifid (C3–C6) or ending in a thick tubercle (C7, T1, T2).
float posteriorArch(const Level &L, const vec3 &p, float laminaHalfHeight) {
  const vec3 q = bilateral(p);
  // The frames tip the back of each level up (lordosis): the laminae sit lower in the local frame so
  // that in the neck they lie level with their body, clear of the next laminae.
  const vec3 junction(0.0f, L.yJunction, L.zj);
  const vec3 pillarBack(L.xl - 1.5f, L.yJunction * 0.4f - 1.5f, L.zl - L.pillarHalf.y + 1.5f);
  // The plate lies behind the canal, its front face about 0.8 mm behind the canal's back wall: centred
  // on the wall, the canal cut would take its front half and leave a 2 mm sliver.
  const vec3 back(0.0f, 0.0f, -std::max(L.laminaT - 0.8f, 0.0f));
  // Sixth pass (lecturer: from behind the laminae read as flat stacked slabs): each lamina leans down
  // and back, its lower border about 2.5 mm behind its upper one and a quarter thicker, so that the
  // laminae overlap like shingles over the interlaminar gaps (Gray's Anatomy 41st ed., the cervical
  // vertebrae: laminae long and narrow, thinner above than below); borders rolled over 1.5 mm (no box
  // edges), blended into the pillars and the spine over 2.5 mm.
  float d = 1e9f;
  if (L.s.kind == VertebraKind::Typical) {
    // Seventh pass (lecturer: C3-C6 laminae read as flat horizontal boards): each lamina follows the
    // back of the canal as an arch, so that in a transverse section its back is convex and it runs
    // back and in from the pillar to the spine at about 25-60 degrees to the coronal plane, the two
    // meeting behind the canal in an obtuse angle (REFERENCE §2.3: laminae posteromedial at about 45-55
    // degrees to the mid-sagittal plane). The centre line is the canal's oval grown by the lamina's half
    // thickness and 0.8 mm, swept from the midline (at the spinolaminar junction's height) out to the
    // back of the pillar, in short pieces that keep the shingle lean of sdLamina.
    const float zc = -L.b - L.s.canalDepth * 0.5f - 0.3f, grow = L.laminaT + 0.8f;
    const float ax = L.s.canalWidth * 0.5f + grow, az = L.s.canalDepth * 0.5f + grow;
    const float yPillar = L.yJunction * 0.4f - 1.5f, phiMax = radians(80.0f);
    constexpr int kPieces = 10;
    // 4 mm thick (REFERENCE §2.3: 3-4 mm at C3-C6); 4.2 cut obliquely by a sagittal plane read 4.5.
    const float kArchLaminaT = std::min(L.laminaT, 2.0f);
    // Eighth pass (lecturer: from behind, boards with gaps between the levels): the lower border hangs
    // 1.1 mm lower (the upper border stays), and the plate leans further back below (0.34 mm per mm, was
    // 0.26), its lower border thicker (by half its half thickness, was a quarter), so that the lower border
    // stands out behind the upper border of the next lamina, as shingles lie (Gray's Anatomy 41st ed., the
    // cervical vertebrae: the laminae slope down and back). Its section stays within the 10-12.5 mm of
    // test_bone_shapes (REFERENCE §2.3 / MODEL-REVIEW), which at about 17 mm between the levels leaves a
    // narrower interlaminar gap (about 6 mm, was 6.5-7), not an overlap.
    constexpr float kDrop = 0.55f;
    auto at = [&](int i) {
      const float f = static_cast<float>(i) / kPieces, phi = phiMax * f;
      return vec3(ax * std::sin(phi), L.yJunction + (yPillar - L.yJunction) * f - kDrop,
                  zc - az * std::cos(phi));
    };
    for (int i = 0; i < kPieces; ++i)
      d = std::min(d, sdLamina(q, at(i), at(i + 1), kArchLaminaT, laminaHalfHeight + kDrop,
                               std::min(L.laminaT * 0.75f, 1.5f), 0.34f, 0.5f));
  } else if (L.s.kind == VertebraKind::Axis) {
    // Tenth pass (lecturer: C2's laminae read as flat facets, boards with square corners): thick,
    // rounded, prism-like laminae leading back to the massive spine (Gray's Anatomy 41st ed., the axis:
    // the laminae are thick and strong; REFERENCE §2.3: 5-6 mm at C2). Each is a rounded bar along its
    // lower border, about 7 mm thick and set 1.4 mm back (the shingle lean), blended into a thinner
    // rounded upper border: in section a rounded wedge, thin above and thick below, its back convex.
    const vec3 a = pillarBack + back, b = junction + vec3(0.0f, 0.0f, 1.0f) + back;
    const vec2 n = glm::normalize(vec2(b.z - a.z, -(b.x - a.x))); // across the lamina in the XZ plane
    const vec3 toBack = n.y > 0.0f ? vec3(-n.x, 0.0f, -n.y) : vec3(n.x, 0.0f, n.y);
    const vec3 lower = vec3(0.0f, -laminaHalfHeight + 3.6f, 0.0f) + toBack * 1.4f;
    const vec3 upper = vec3(0.0f, laminaHalfHeight - 1.8f, 0.0f);
    d = smin(sdCapsule(q, a + lower, b + lower, 3.6f), sdCapsule(q, a + upper, b + upper, 1.8f), 3.0f);
  } else
    d = sdLamina(q, pillarBack + back, junction + vec3(0.0f, 0.0f, 1.0f) + back, L.laminaT, laminaHalfHeight,
                 std::min(L.laminaT * 0.75f, 1.5f), 0.26f, 0.25f);
  const vec3 dir = glm::normalize(L.tip - junction);
  const float len = glm::length(L.tip - junction);
  const bool bifid = L.s.bifid;
  const bool axis = L.s.kind == VertebraKind::Axis;
  // A flattened plate, tall at the root and tapering to the tip, about a third as thick as it is tall;
  // the tip carries small rough tubercles, not a ball.
  // C7-T2 taper from a tall root to a tip about 7 mm tall (fourth pass: the spine read as a rod).
  // Seventh pass: the C3-C6 spine is about 7 mm tall where its limbs part, its tubercles smaller;
  // eighth pass: 6.4 mm, the limbs rising from within it, so that nothing swells towards the tip.
  // The bifid tubercles end at the spec's tip (REFERENCE §2.1 overall AP), not 2 mm beyond it.
  const float knobBack = bifid && !axis ? 1.5f : 0.0f;
  // C3-C6: the undivided spine stops 6.5 mm short of the tip, where the limbs part (fourth pass: at the
  // tip its end filled the notch between the tubercles; seventh pass: 8 mm short, thin limbs with knobs
  // on them read as a fork).
  // Eighth pass (lecturer: C6's bifid tip longer than those of C3-C5): the limbs of a longer spine part
  // further from its end, about 8.5 mm at C6, whose spine is the longest of C3-C6 (REFERENCE §2.1); the
  // spine is a little taller where they part (about 8.8 mm at C6), so that they rise from within it.
  const float split = axis ? 3.0f : 6.5f + 0.5f * std::max(0.0f, len - 18.0f);
  const float tipR = axis ? 4.6f : (bifid ? 3.2f + 0.6f * (split - 6.5f) : 3.6f);
  const vec3 tip = L.tip - dir * (bifid ? split : tipR);
  // C3-C6: tall at the root (about 10 mm) so that the spine tapers from the laminae to its tip.
  const float rootR = axis ? 6.5f : (len > 24.0f ? 6.5f : 5.0f);
  // Vertebra prominens and T1-T2: a thick, non-bifid spine (REFERENCE §2.1, §2.6; Gray's), flattened
  // less than the slender cervical ones.
  const bool thick = !bifid && len > 24.0f;
  const float flat =
      axis ? 1.5f : (thick ? 1.25f : 2.2f); // C7-T2: stout enough that the tubercle is no lollipop;
  // C3-C6 (seventh pass, 2.6 before): a plate about 2.3 times as tall as it is thick
  if (axis) {
    // The axis's spine (Gray's Anatomy 41st ed., the axis: large, its end bifid; REFERENCE §2.5): a
    // massive bar, about 13 mm tall (ninth pass, second round: tapering from a deeper root, below), widening
    // from about 8 mm at the laminae to about 17 mm at its end, where a median notch parts it into two broad
    // rough tubercles. Sixth pass: the spine read as a bar ending in a ball, two egg-shaped knobs hung on a
    // narrow rod.
    const vec3 start = junction + vec3(0.0f, -0.5f, 0.0f) - dir;
    const vec3 up = glm::cross(vec3(1.0f, 0.0f, 0.0f), dir);
    const vec3 r = p - start;
    const float u = glm::dot(r, dir), v = glm::dot(r, up), span = len + 1.0f;
    const float s = std::clamp(u / span, 0.0f, 1.0f);
    // Ninth pass (lecturer: a blocky bar): the section is rounded over most of its half width (an oval
    // at the root, a rounded wedge at the end), its under side hollowed along the midline between the
    // two ridges that run back to the tubercles (Gray's Anatomy 41st ed., the axis: the spine is large,
    // grooved below and bifid).
    // Ninth pass, second round (lecturer: from the side a bar of even height): the spine tapers from a
    // massive root, about 17.6 mm tall where it leaves the laminae, to about 11 mm before the tubercles
    // (Gray's Anatomy 41st ed., the axis: the spinous process is large and very strong, its root deep);
    // the extra height at the root lies mostly above the bar's axis (its upper border slopes down and
    // back, its lower border nearly level with the groove below).
    const float taper = (1.0f - s) * std::sqrt(1.0f - s);
    const vec2 half(4.6f + 4.2f * s * std::sqrt(s), 5.6f + 3.2f * taper);
    const float vc = v - 1.6f * taper;
    float spine = smax(sdRoundRect(vec2(p.x, vc), half, std::min(half.x, half.y) * 0.85f),
                       std::max(-u, u - span), 3.0f);
    // Smooth: the 2 mm rough-bone ripple over its end read as a puckered surface (eleventh pass).
    spine = subtract(spine,
                     sdCapsule(vec3(p.x, vc, u), vec3(0.0f, -half.y - 1.2f, span * 0.35f),
                               vec3(0.0f, -half.y - 0.6f, span + 2.0f), 2.2f),
                     1.5f);
    d = smin(d, spine, 2.5f);
    // Each tubercle swells a little at the end, and a notch about 5 mm deep and 6 mm wide at the end
    // parts them.
    for (const float side : {-1.0f, 1.0f})
      d = smin(d, sdEllipsoid(vec3(p.x, v, u), vec3(side * 5.0f, -0.8f, span - 3.2f), vec3(3.6f, 6.4f, 3.4f)),
               2.0f);
    const float notch = sdEllipsoid(vec3(p.x, v, u), vec3(0.0f, -1.0f, span + 1.5f), vec3(3.2f, 9.0f, 6.8f));
    d = subtract(d, notch, 0.8f);
  } else
    d = smin(d, sdFlatCone(p, junction + vec3(0, -0.5f, 0), tip, rootR, tipR, flat), 2.0f);
  if (bifid && !axis) {
    // Two short diverging limbs, each ending in a tubercle flattened from above down and side to side.
    // Fourth pass: the limbs part 5 mm before the tip and end about 7 mm apart, a little below the spine's
    // axis, so that from behind the tip reads as two tubercles, not a bean.
    const vec3 knob = L.tip - dir * (2.0f + knobBack) + vec3(4.0f, -1.4f, 0.0f);
    // Eighth pass (lecturer: still two small balls on a wedge): no separate knob. Each limb is a
    // tapering plate flattened side to side (about 2.5 times as tall as it is thick), narrowing from where
    // the limbs part to its rounded end, which is the tubercle: small, flattened, and never wider than
    // the limb behind it (Gray's Anatomy 41st ed., the cervical vertebrae).
    d = smin(d, sdFlatCone(q, tip - dir * 3.0f, knob, 2.1f, 1.7f, 2.5f), 1.2f);
    // The notch between the two tubercles.
    d = subtract(d, sdEllipsoid(p, L.tip + dir * (1.0f - knobBack), vec3(2.0f, 3.8f, 4.5f)), 0.8f);
  } else if (!axis) {
    // (The axis's bifid end is shaped with its spine above. Eleventh pass, lecturer: a club here, set
    // in the notch between C2's two tubercles, made the end a heart-shaped blob with a navel-like pit.)
    // The tubercle: a swelling of the tip, deeper than it is wide; broad at C7-T2, where it is felt
    // under the skin (vertebra prominens).
    // The tip ends in a blunt tubercle, a little wider than the spine and flattened at its end (Gray's,
    // vertebra prominens; issue 11: not an egg). T1-T2, long and sloping down, end in a smaller one.
    const bool thoracic = L.s.kind == VertebraKind::Thoracic;
    const vec3 r =
        thoracic ? vec3(3.5f, 3.6f, 2.6f) : (thick ? vec3(3.3f, 4.0f, 2.4f) : vec3(2.4f, 3.8f, 2.2f));
    const vec3 end = tip + dir * (3.8f - r.z);
    // A club: an ellipsoid drawn out along the spine so that it swells out of it rather than sitting on
    // it as a knob, its end broad and flattened, rolled over 1.6 mm (it keeps its width to its end).
    float tubercle =
        sdBluntTubercle(p, end + dir * 0.2f, dir, vec3(r.x * 0.95f, r.y, r.z + 2.8f), 3.0f, 1.6f);
    if (tubercle < 1.0f)
      tubercle += 0.08f * roughBone(p) * (1.0f - std::max(tubercle, 0.0f));
    d = smin(d, tubercle, 3.5f);
  }
  // Nothing of the arch reaches below the facet joint with the next level, nor, beside the pillar,
  // above this level's own superior facet (where the inferior process of the level above lies).
  // Medial to the pillars the laminae keep their full height and thickness: there the plane of the
  // facet joint would shave them to slivers.
  const float medial = q.x - (L.xl - L.pillarHalf.x - 0.5f);
  // The step from the cut to the uncut lamina is blended over 2.5 mm: a hard switch left a vertical
  // seam down each lamina (issue 11, third pass: planks with seams).
  d = smax(d, smin(sdPlane(q, L.infP, L.infN), medial, 2.5f), 0.5f);
  return smax(d, smin(sdPlane(q, L.supP, L.supN), medial, 2.5f), 0.5f);
}

// Transverse process of C3-C7 (Gray's Anatomy 41st ed., cervical vertebrae; REFERENCE §2.4): an anterior
// root from the side of the body ending in the anterior tubercle, a posterior root from the pedicle and
// pillar ending in the posterior tubercle, and the costotransverse bar, a flat plate lateral to the
// foramen transversarium joining the two tubercles. The tubercles are rounded knobs, taller than deep,
// that rise above the bar, so its upper face is a gutter for the spinal nerve running out and a little
// down and forwards behind the vertebral artery. C6's anterior tubercle (the carotid tubercle) is the
// largest; C7 has a small anterior tubercle and a large posterior root. Fifth pass: the earlier slab with
// box-ended knobs read as square bars.
float transverseProcess(const Level &L, const vec3 &q) {
  const bool prominens = L.s.kind == VertebraKind::Prominens;
  // The floor: a plate from the body and pedicle out round the foramen, its lateral part the
  // costotransverse bar between the two tubercles, its edges rounded over its whole half thickness (no
  // box edges), ending inside the tubercles. (A separate rounded bar along its lateral edge narrowed the
  // tendons of scalenus medius leaving the posterior tubercles, test_muscle_sections.)
  const float halfThick = 1.9f;
  const float x0 = L.a - 1.0f, x1 = std::max(L.ft.x + L.ftR + 2.0f, L.pt.x);
  const float z0 = L.pt.z - 1.0f, z1 = L.at.z - 1.0f;
  // Level over the foramen, sloping down 0.22 mm per mm beyond it with the gutter.
  const float fall = 0.22f * std::max(0.0f, q.x - (L.ft.x + L.ftR));
  float d = sdRoundBox(vec3(q.x, q.y + fall, q.z), vec3((x0 + x1) * 0.5f, L.yTp - 0.4f, (z0 + z1) * 0.5f),
                       vec3((x1 - x0) * 0.5f, halfThick, (z1 - z0) * 0.5f), halfThick - 0.1f);
  // Anterior root: a rounded bar from the body to the anterior tubercle, in front of the foramen.
  d = smin(
      d,
      sdCapsule(q, vec3(L.a - 1.5f, L.yTp - 0.3f, L.at.z - 0.2f), vec3(L.at.x, L.at.y, L.at.z - 0.2f), 2.5f),
      1.2f);
  // Posterior root from the pillar to the posterior tubercle: at C7 the largest part of the process.
  const float rootR = prominens ? 3.6f : 2.4f;
  d = smin(d, sdCapsule(q, vec3(L.xl, L.yTp - 0.5f, L.zl + 2.0f), L.pt, rootR), 1.5f);
  // Tubercles: rounded knobs, taller than deep and flattened front to back (Gray's: rough, blunt
  // eminences; issue 11: not balls, not boxes), rising above the bar as the walls of the gutter, a
  // little rough on their surface, blended into the roots.
  auto knob = [&](const vec3 &c, float r, float tall, float deep) {
    float k =
        sdEllipsoid(q, c + vec3(0.1f * r, (tall - 1.0f) * r, 0.0f), vec3(0.95f * r, tall * r, deep * r));
    if (k < 1.0f)
      k += 0.06f * roughBone(q) * (1.0f - std::max(k, 0.0f));
    return k;
  };
  // The posterior tubercle keeps the fourth pass's blunt knob, its sides rounded over half its depth:
  // scalenus medius and posterior arise from its flat lateral face by flat tendons (a domed end narrowed
  // their slips below 4 mm).
  const float ptR = L.ptR;
  d = smin(d,
           sdRoundBox(q, L.pt + vec3(0.0f, 0.45f * ptR, 0.0f), vec3(0.95f * ptR, 1.45f * ptR, 0.55f * ptR),
                      0.5f * ptR),
           2.0f);
  if (L.atR > 0.0f)
    d = smin(d, knob(L.at, L.atR, 1.4f, 0.75f), 1.6f);
  // Lateral notch between the two tubercles, so that they stand as two knobs at the end of the process.
  const float notchZ = (L.at.z + L.pt.z) * 0.5f;
  const float xEnd = std::max(L.pt.x, L.at.x);
  d = subtract(d, sdCapsule(q, vec3(xEnd + 2.0f, -8, notchZ), vec3(xEnd + 2.0f, 8, notchZ), 2.2f), 0.8f);
  if (L.ftR > 0.0f) {
    const float hole =
        std::max(glm::length(vec2(q.x - L.ft.x, q.z - L.ft.z)) - L.ftR, std::abs(q.y - L.yTp) - 8.0f);
    d = subtract(d, hole, 0.4f);
  }
  // The gutter (unchanged in place since the fourth pass: the spinal nerves are routed in it): a
  // round-bottomed channel about 6 mm wide in the upper face, from over the foramen out between the
  // tubercles, falling 0.22 mm per mm beyond the foramen.
  const float slope = 0.22f;
  auto yAt = [&](float x) { return L.yTp - 0.4f - slope * std::max(0.0f, x - (L.ft.x + L.ftR)); };
  const float top = 2.2f;
  const vec3 g0(L.ft.x + L.ftR * 0.5f, yAt(L.ft.x) + top, L.ft.z - 0.5f);
  const vec3 g1(L.pt.x + 4.0f, yAt(L.pt.x + 4.0f) + top, notchZ - 0.3f);
  d = subtract(d, sdCapsule(q, g0, g1, 3.0f), 0.7f);
  return d;
}

float typicalVertebra(const Level &L, const vec3 &p, const Sdf &body) {
  const vec3 q = bilateral(p);
  float d = body(p);
  const float pr = L.s.pedicleWidth * 0.5f,
              ph = std::max(0.0f, (L.s.pedicleHeight - L.s.pedicleWidth) * 0.5f);
  d = smin(d, sdBar(q, vec3(L.a - 2.0f, 1.2f, -L.b + 3.0f), vec3(L.xl, 0.8f, L.zl), pr, ph), 1.5f);
  d = smin(d, pillar(L, q), 1.2f);
  d = smin(d, posteriorArch(L, p, 5.5f), 2.0f);
  d = smin(d, transverseProcess(L, q), 1.2f);
  return subtract(d, canal(L, p), 0.5f);
}

float thoracicVertebra(const Level &L, const vec3 &p, const Sdf &body) {
  const vec3 q = bilateral(p);
  float d = body(p);
  const float pr = L.s.pedicleWidth * 0.5f,
              ph = std::max(0.0f, (L.s.pedicleHeight - L.s.pedicleWidth) * 0.5f);
  d = smin(d, sdBar(q, vec3(L.a - 2.5f, 2.0f, -L.b + 3.0f), vec3(L.xl, 2.0f, L.zl), pr, ph), 1.5f);
  d = smin(d, pillar(L, q), 1.2f);
  d = smin(d, posteriorArch(L, p, 6.0f), 1.5f);
  // Transverse process: stout, running laterally and backwards to the facet for the rib tubercle.
  // It ends in a thick, blunt club (taller than the shaft, cut square at its end) that carries the
  // facet for the rib's tubercle on its front, not in a round cap (Gray's 1918, the thoracic vertebrae).
  d = smin(d, sdRoundCone(q, vec3(L.xl, 1.0f, L.zl), L.pt, 4.2f, 4.0f), 2.0f);
  const vec3 tpAlong = glm::normalize(vec3(L.pt.x - L.xl, 0.0f, L.pt.z - L.zl));
  d = smin(d,
           sdBluntTubercle(q, L.pt, tpAlong, vec3(4.7f, 5.4f, 4.6f), 1.0f, 2.5f,
                           glm::cross(vec3(0.0f, 1.0f, 0.0f), tpAlong)),
           2.0f);
  for (const auto &[centre, radius] : L.pits)
    d = subtract(d, sdSphere(q, centre, radius), 0.6f);
  // Above the superior facet, next to the pillar, lies the inferior process of the level above: keep
  // that space clear, but leave the transverse process beyond it whole.
  const float outside = (L.xl + L.pillarHalf.x + 3.0f) - q.x;
  // Blended over 2.5 mm: a hard switch left a step across the top of the transverse process.
  d = smax(d,
           smin(smin(sdPlane(q, L.supP, L.supN), q.x - (L.xl - L.pillarHalf.x - 0.5f), 2.5f), outside, 2.5f),
           0.3f);
  return subtract(d, canal(L, p), 0.5f);
}

// The lateral atlanto-axial joint (world mm, left side): one plane facing up and out about 20 degrees;
// C1's inferior facets lie just above it and C2's superior facets just below, 2.4 mm apart vertically
// (dry bone: 2-3 mm of cartilage).
const vec3 kAtlantoAxialN = glm::normalize(vec3(0.36f, 1.0f, 0.0f));
const vec3 kAtlantoAxialP(17.0f, 93.25f, 6.0f);
constexpr float kAtlantoAxialHalfGap = 1.13f; // along the normal

// Height-to-thickness of the atlas's anterior and posterior arch sections: slender bars about
// 9.5 and 8.5 mm tall (REFERENCE §2.5, Patel & Gupta), thinner front to back.
constexpr float kAnteriorArchSquash = 1.4f;
constexpr float kPosteriorArchHalfThick = 2.5f; // posterior arch about 5 mm thick (issue 11)

// Atlas: a ring of two arches and two lateral masses, no body (REFERENCE §2.5).
float atlasShape(const Level &L, const vec3 &p) {
  const vec3 q = bilateral(p);
  const float halfAp = L.s.depth * 0.5f; // overall AP 46.1
  // Lateral mass about 15 mm tall; its superior facet a concave, kidney-shaped dish (20.7 x 11.3).
  const vec3 mass(20.0f, 1.0f, 5.0f);
  // A short oval column with well-rounded rims, so the dish keeps a whole rim all round.
  // Wedge-shaped in a coronal section: wider above (where the superior facet lies) than below
  // (REFERENCE §2.5; issue 11: not a drum). The radii shrink by about a fifth from top to bottom.
  const float up = std::clamp((q.y - mass.y) / 9.0f, -1.0f, 1.0f);
  // Longer front to back above (the superior facet, about 21 mm) than below (the round inferior facet,
  // about 17 mm): front and back walls slope, so the side view is a wedge, not a drum (issue 11).
  // Fourth pass: the flare outwards at the top is halved and the front-to-back wedge steepened, so the
  // mass ends medial to the foramen transversarium and reads from the side as a wedge between the arches.
  // About 22 mm front to back at the top and 16 at the foot (REFERENCE §2.5: facets 20.7 and 17.9 long).
  const vec2 massR = vec2(6.8f * (1.0f + 0.1f * up), 9.5f * (1.0f + 0.16f * up));
  const float column =
      (glm::length(vec2((q.x - mass.x - 0.6f * up) / massR.x, (q.z - mass.z) / massR.y)) - 1.0f) * massR.x;
  // About 16.5 mm tall before the joint plane trims its foot (REFERENCE §2.5 / issue 11: about 15; the
  // fourth pass lowered the top 1.5 mm, the mass read as a heavy block from the side).
  // Its top tilted, about 3 mm higher in front than behind, and the facet with it: from the side a
  // wedge narrowing backwards towards the posterior arch, not a block (fourth pass).
  const vec3 qs(q.x, q.y - 0.15f * (q.z - mass.z), q.z);
  float d = smax(column, std::max(qs.y - mass.y - 7.5f, mass.y - 9.0f - q.y), 4.0f);
  // Rounded front, back and lateral ends (an ellipsoid trims the column's corners): in side view a
  // lens-shaped mass, not a drum.
  d = smax(d, sdEllipsoid(q, vec3(mass.x, mass.y + 1.5f, mass.z), vec3(8.3f, 11.0f, 11.5f)), 2.0f);
  float dish = sdEllipsoid(qs, vec3(20.3f, 10.1f, 5.0f), vec3(5.3f, 4.2f, 9.0f));
  dish =
      subtract(dish, sdEllipsoid(qs, vec3(14.0f, 7.5f, 5.5f), vec3(2.6f, 6.0f, 2.4f)), 0.8f); // medial notch
  d = subtract(d, dish, 0.6f);
  // The lateral rim of the facet dips in its middle, so that from the side the mass shows the facet's
  // concave sweep between a higher front and back (a wedge between the arches, not a block).
  d = subtract(d, sdCapsule(qs, vec3(24.0f, 19.5f, 5.5f), vec3(40.0f, 19.5f, 5.5f), 12.0f), 2.0f);
  const vec3 w = L.frame.toWorld(q);
  d = smax(d, sdPlane(w, kAtlantoAxialP + kAtlantoAxialN * kAtlantoAxialHalfGap, -kAtlantoAxialN), 0.8f);
  // The arches follow smooth curves through the same points as before (no kinks where straight pieces
  // met): the anterior arch about 10 mm tall, the posterior one 8.7 (REFERENCE §2.5, Patel & Gupta).
  // Slender bars: the anterior section flattened more (kAnteriorArchSquash) than the
  // spec's 1.25.
  float anterior = sdSampledTube(q * vec3(1.0f, 1.0f / kAnteriorArchSquash, 1.0f), L.anteriorArch);
  // The arch taller in the middle, under the tubercle (tenth pass: 7 mm wide, was 10, which spread the
  // middle of the arch's front into a flat face level with the tubercle).
  anterior = smin(anterior, sdEllipsoid(q, vec3(0, -0.5f, halfAp - 2.6f), vec3(3.5f, 5.5f, 2.6f)), 2.0f);
  // The anterior tubercle (longus colli, anterior longitudinal ligament): a rough conical eminence in the
  // midline of the arch's front (Gray's Anatomy 41st ed., the atlas). Tenth pass (lecturer: from above it
  // does not show): it stands about 2.5 mm forward of the arch 5.5 mm to either side, and reaches about
  // 1.5 mm below the arch's lower border and a little above its upper one, so that it shows as a bump in
  // the superior and anterior views (fourth pass: 1 mm proud of a broad flat front, it did not).
  float anteriorTubercle = sdEllipsoid(q, vec3(0, -0.7f, halfAp - 0.8f), vec3(3.2f, 5.6f, 2.6f));
  if (anteriorTubercle < 1.0f)
    anteriorTubercle += 0.12f * roughBone(p) * (1.0f - std::max(anteriorTubercle, 0.0f));
  anterior = smin(anterior, anteriorTubercle, 1.5f);
  anterior =
      subtract(anterior, sdEllipsoid(q, vec3(0, 0, 12.4f), vec3(4.6f, 5.0f, 4.0f)), 0.5f); // dens facet
  // The posterior arch a flattened plate, taller than thick (about 8 x 5 mm behind, REFERENCE §2.5,
  // Patel & Gupta: 8.7 mm tall), its faces flat and its borders rounded over 1.4 mm: not a round tube.
  float posterior = 1e9f;
  const vec3 qArch = q - vec3(0.0f, 0.0f, 1.5f * (1.0f - glm::smoothstep(0.0f, 7.0f, q.x)));
  for (std::size_t i = 0; i + 1 < L.posteriorArch.size(); ++i) {
    const auto &[a, ha] = L.posteriorArch[i];
    const auto &[b, hb] = L.posteriorArch[i + 1];
    posterior = std::min(posterior, sdPlate(qArch, a, b, kPosteriorArchHalfThick, (ha + hb) * 0.5f, 1.4f));
  }
  // The posterior tubercle: a broad, rough swelling in the midline, not a ball (Gray's 1918, the atlas:
  // a rudimentary spinous process). Seventh pass (lecturer: a flat band with no tubercle): the arch's
  // midline lies 1.5 mm further forward (qArch above; its back there was already at the tubercle's place,
  // skeleton.json infCentre), moved within 7 mm of the midline only so that the groove for the vertebral
  // artery stays put, and the tubercle stands about 2 mm proud of the arch beside it behind (reaching
  // 1.8 mm behind that place: overall AP about 47 mm against 46.1) and 2 mm below its lower border.
  // Ninth pass (lecturer: a tiny nub): a definite tubercle, about 11 mm wide and 11.5 mm tall, standing
  // about 2.4 mm behind the arch's back (Gray's Anatomy 41st ed., the atlas: a rudimentary spinous process
  // for the ligamentum nuchae and rectus capitis posterior minor).
  float tubercle = sdEllipsoid(q, vec3(0, -1.6f, -halfAp + 1.4f), vec3(5.6f, 5.8f, 3.8f));
  if (tubercle < 1.0f)
    tubercle += 0.05f * roughBone(p) * (1.0f - std::max(tubercle, 0.0f)); // faint: no stippling
  posterior = smin(posterior, tubercle, 2.5f);
  // The groove for the vertebral artery: a broad channel across the upper surface of the arch just
  // behind the lateral mass, running medially and back from the foramen transversarium (Gray's 1918,
  // the atlas; REFERENCE §2.5).
  posterior = subtract(posterior, sdCapsule(q, vec3(27, 6.8f, -5), vec3(8, 6.3f, -15), 3.6f), 1.0f);
  d = smin(d, anterior, 2.0f);
  d = smin(d, posterior, 2.0f);
  // Long transverse process (Gray's Anatomy 41st ed., the atlas: long, broad and flattened, its tip a
  // rounded tubercle, the foramen transversarium in its root): one flattened paddle from the side of the
  // lateral mass, tapering in plan from about 15 mm front to back at its root to a rounded end about
  // 10 mm across, and from about 6.4 mm thick to 5. Sixth pass: a ring round the foramen on a thin
  // cone, with a separate tip, read as an oval pad stuck on the process. Its end stays where it was,
  // tpSpan / 2 from the midline (skeleton.json _tpSpan).
  // Eighth pass (lecturer: thin loops round the foramen with stippled knobs): broader, about 19 mm front
  // to back at the root and a blunt end about 12 mm across, so that the foramen lies within a plate with
  // a rim about 4 mm wide in front of and behind it; the rough tip only faintly textured.
  // Ninth pass (lecturer: still thin rings): broader again, about 21 mm front to back at the root and a
  // blunt end about 14 mm across, and thicker below (its upper face, under the vertebral artery, stays
  // put), about 7.4 mm at the root thinning to about 5.4 at the end,
  // so that the foramen lies in the root of a broad, flattened process (Gray's Anatomy 41st ed., the
  // atlas; REFERENCE §2.5); its end stays tpSpan / 2 from the midline.
  const float tipEnd = L.s.tpSpan * 0.5f - 0.3f, rootX = 26.0f, endR = 7.0f;
  // Its end is blunt and broad, cut square and rounded over about 4.5 mm at the corners, not a half circle
  // round the foramen (which from above read as a ring).
  const float plan = smax(sdRoundCone(vec3(q.x, 0.0f, q.z), vec3(rootX, 0.0f, 0.0f),
                                      vec3(tipEnd + 2.0f, 0.0f, -0.8f), 10.5f, endR),
                          q.x - tipEnd, 4.5f);
  const float along = std::clamp((q.x - rootX) / (tipEnd - endR - rootX), 0.0f, 1.0f);
  constexpr float kRoll = 1.8f; // its borders rolled over, no edges
  const vec2 sec(plan + kRoll, std::abs(q.y - (-1.5f - 0.7f * along)) - (3.7f - 1.0f * along) + kRoll);
  float tp = glm::length(glm::max(sec, vec2(0.0f))) + std::min(std::max(sec.x, sec.y), 0.0f) - kRoll;
  if (tp < 1.0f && q.x > tipEnd - 7.0f) // the rough tip
    tp += 0.04f * roughBone(p) * (1.0f - std::max(tp, 0.0f));
  d = smin(d, tp, 2.0f);
  // The foramen transversarium (7.7 x 6.1 mm, REFERENCE §2.5, Kaur 2023): an oval hole right through
  // the transverse process, lateral to the lateral mass, open from above and below (fourth pass: the
  // old hole ended blind in the mass).
  const float hole =
      std::max((glm::length(vec2((q.x - L.ft.x) / L.ftR, (q.z - L.ft.z) / 3.85f)) - 1.0f) * L.ftR,
               std::abs(q.y + 1.5f) - 14.0f);
  return subtract(d, hole, 1.0f); // a rounded rim, not a drilled slot
}

// The body of the axis, with the anterior lip of its lower border.
float axisBody(const Level &L, const vec3 &p) {
  const float slope = std::tan(radians(L.s.infSlope));
  // A block taller than wide (about 16 wide, 17 tall: REFERENCE §2.5, core.ac study), its sides nearly
  // upright and its upper corners only rounded: the dens rises from a shoulder, not a bottle's neck
  // (fourth pass: the tapering body and the flared dens read as a bowling pin).
  // Sixth pass: the lower body keeps its full section down to the inferior endplate, 16.2 mm wide and
  // 14.9 deep (REFERENCE §2.5: inferior width 16.2, superior 15.8, AP 14.9), its lower rim rounded over
  // about 1 mm only; the 3 mm rounding of the old box left the endplate 9.5-15 mm wide and the C2-C3 disc
  // overhanging it.
  const float halfW = L.a - 0.012f * std::max(p.y, 0.0f);
  float body = sdRoundRect(vec2(p.x, p.z), vec2(halfW, L.b), 4.0f);
  // Ninth pass (lecturer: a box with a flat front): the front of the body is convex from side to side,
  // as the front of every cervical body is (Gray's Anatomy 41st ed., the axis: the anterior surface of the
  // body is convex, hollowed each side of a median ridge for longus colli); an oval in plan whose front
  // corners lie about 4 mm behind the midline front. The back and the endplate's width are unchanged.
  const float frontOval =
      (glm::length(vec2(p.x / (halfW + 3.0f), (p.z + 0.4f * L.b) / (1.4f * L.b))) - 1.0f) * (halfW + 3.0f);
  body = smax(body, frontOval, 1.5f);
  body = smax(body, p.y - 17.0f, 3.0f);
  // Tenth pass (lecturer: a flat front, no median ridge): a hollow for longus colli either side, about
  // 1 mm deep and 4 mm wide, 3.6 mm from the midline, and between them a median ridge about 4 mm wide
  // standing about 2 mm forward of their floors (Gray's Anatomy 41st ed., the axis: the anterior surface
  // of the body is hollowed out on each side of a median ridge for longus colli). The oval above is a
  // little flatter than the ninth pass's (halfW + 3, was + 2), so that each hollow has a lateral rim.
  const vec3 sideOfMidline(std::abs(p.x), p.y, p.z);
  body =
      subtract(body, sdEllipsoid(sideOfMidline, vec3(3.6f, 8.0f, L.b + 0.2f), vec3(2.0f, 7.5f, 1.9f)), 1.0f);
  body = smin(body, sdEllipsoid(p, vec3(0, 7.5f, L.b - 0.9f), vec3(2.0f, 8.5f, 1.6f)), 0.8f);
  // The lip's full drop is reached 2.5 mm behind the front (ninth pass: 1 mm), so that it ends in a blunt
  // edge, not a thin wedge where the front recedes either side of the midline, and begins 5 mm behind it
  // (ninth pass: 6), clear of the middle of the C2-C3 disc (test_bone_contacts); that edge is rounded
  // over about 1.3 mm (an exact round edge, not smax): rounded over 0.4 mm, the wedge aliased into small
  // teeth on the 0.38 mm grid (tenth pass, lecturer: a serrated lower edge).
  // Eleventh pass (lecturer: a flat lower border, no lip hanging over C3): the drop is greatest at the
  // midline (3.8 mm) and falls away to a quarter of it 7 mm to either side, so that from the front the
  // lower border is a lip curving down over the front of the disc and C3's upper rim, not a straight edge.
  const float lateral = std::min(std::abs(p.x) / 7.0f, 1.0f);
  const float lipDrop =
      3.8f * (1.0f - 0.75f * lateral * lateral) * glm::smoothstep(L.b - 5.0f, L.b - 2.5f, p.z);
  body = roundMax(body, -p.y - 0.2f - lipDrop, 1.3f);
  body = smax(body, -p.z * slope - p.y - lipDrop, 0.8f);
  // The endplate's hollow stops short of the lip.
  body = subtract(body, sdSphere(p, vec3(0, 1.2f - 28.0f, -1.5f), 28.0f) + lipDrop, 0.6f);
  // The anterior lip of the lower border (Gray's Anatomy 41st ed., the axis: the anterior border of the
  // inferior surface projects downwards). Ninth pass (lecturer: no lip over C3; the bead below read as a
  // separate slab): the front of the body itself runs on down below the endplate, about 3.4 mm at the
  // midline, as a lip continuous with the convex front, over the front of the C2-C3 disc and the upper front
  // edge of C3 (REFERENCE §2.5; Gray's Anatomy 41st ed., the axis); the disc is trimmed behind it, so nothing
  // overlaps.
  return body;
}

// The C2-C3 disc's front stands this far (mm) behind C2's front, under the lip (axisBody): the lip's
// 3.4 mm drop over the front 6 mm trimmed the disc's front to nothing.
constexpr float kAxisLipSetback = 1.5f;

// Stretch of the axis's foramen outlet: lower than it is long, an oval.
const vec3 kOutletSquash(1.0f, 1.45f, 0.85f);

// Axis: body with the dens, broad superior facets, stout laminae and a large bifid spinous process.
float axisShape(const Level &L, const vec3 &p) {
  const vec3 q = bilateral(p);
  const float body = axisBody(L, p);
  const vec3 densTip = L.dens;
  // Dens: rising from the body through a broad base, a slight waist (neck) under the head, the head
  // bearing the anterior facet for the atlas, and a rounded apex (for the apical ligament); Gray's 1918,
  // the axis; issue 11: not a finger on a bottle.
  const vec3 head = densTip - vec3(0, 5.5f, -0.7f);
  // A peg about 10 mm across (REFERENCE §2.5: 9.8 wide at most, 8.5 at least) narrowing only a little
  // to the neck, joined to the body by a small fillet. Sixth pass: the neck 9.2 mm (was 8.2) under a
  // head 10.4 mm front to back (was 11.4), so the dens reads as a peg, not a club.
  const float densNeck =
      smax(sdRoundCone(p, vec3(0, 15.0f, -0.5f), head - vec3(0, 3.0f, 0.2f), 4.9f, 4.6f), 19.0f - p.y, 1.0f);
  float d = smin(body, sdRoundCone(p, vec3(0, 15.0f, -0.5f), head - vec3(0, 3.0f, 0.2f), 4.9f, 4.6f), 1.5f);
  d = smin(d, sdRoundCone(p, vec3(0, 14.5f, -0.2f), vec3(0, 18.5f, -0.8f), 5.6f, 5.0f), 1.5f); // its root
  // The head, about 11 mm front to back (REFERENCE §2.5: 10.6), its front flattened into the oval
  // facet for the anterior arch of the atlas.
  const float facetCut = sdPlane(p, head + vec3(0, 0, 4.9f), glm::normalize(vec3(0, 0.15f, 1.0f)));
  const float densHead = smin(smax(sdEllipsoid(p, head, vec3(4.9f, 4.8f, 5.4f)), facetCut, 0.4f),
                              sdRoundCone(p, head, densTip - vec3(0, 2.0f, -0.3f), 3.6f, 2.1f), 1.5f);
  d = smin(d, densHead, 1.5f);
  // Two oval superior facets (about 16 x 17 mm) lateral to the dens, facing up and out, below the
  // atlanto-axial joint plane.
  // A rounded lateral mass that swells out over the body, topped by the facet.
  // Raised so that the joint plane cuts it about 4.5 mm below its crown: the facet is a broad oval cut
  // face, not the top of a dome.
  // Fourth pass: upright sides (a rounded block) instead of an ellipsoid whose widest part lay just
  // under the facet, which from the front read as a cup.
  // Its under side bevelled up and out (about 27 degrees from the horizontal since the fifth pass, 35
  // before): from the front a sloping shoulder under the facet, on whose under face the foramen
  // transversarium opens (Gray's 1918, the axis).
  // Fifth pass (lecturer: the masses read as wings on the body): the mass reaches lower and its under
  // side slopes more gently, and it is blended into the body and pedicle over 3 mm, so that from the front
  // the facet is the top of a broad pillar of bone at the junction of body and pedicle, facing up and out
  // (Gray's Anatomy 41st ed., the axis), not a plate standing out from the body.
  // Seventh pass (lecturer: flat square pillows, a level table round the dens): an oval pillar, about
  // 16 mm across and 18 mm front to back in plan (Gray's Anatomy 41st ed., the axis: large oval superior
  // facets), standing high enough that its whole top is the convex cap below, which slopes down and out
  // with the joint plane (about 20 degrees); before, the medial half was the level top of a box.
  const float oval = (glm::length(vec2((q.x - 15.0f) / 8.0f, (q.z + 5.0f) / 9.0f)) - 1.0f) * 8.0f;
  float facet = smax(oval, std::abs(q.y - 15.0f) - 11.0f, 3.0f);
  facet = smax(facet, sdPlane(q, vec3(21.0f, 9.5f, 0.0f), glm::normalize(vec3(0.5f, -1.0f, 0.0f))), 3.0f);
  const vec3 w = L.frame.toWorld(q);
  // The top of the mass is bevelled back around an oval facet (about 15 x 16 mm) that stands 0.8 mm
  // proud in the joint plane.
  const vec3 joint = kAtlantoAxialP - kAtlantoAxialN * kAtlantoAxialHalfGap;
  const vec3 axisTop = L.frame.toWorld(vec3(15.5f, 0.0f, -5.0f));
  const vec3 centre(
      axisTop.x,
      joint.y - ((axisTop.x - joint.x) * kAtlantoAxialN.x + (axisTop.z - joint.z) * kAtlantoAxialN.z) /
                    kAtlantoAxialN.y,
      axisTop.z);
  // The facet flush with the bone: the top of the mass cut by a gently convex cap (a sphere 45 mm in
  // radius, touching the joint plane at the facet's centre), no pad standing proud (issue 11).
  constexpr float kCapR = 38.0f; // gently convex: about 0.8 mm high over the facet's 8 mm half width
  // Eighth pass (lecturer: flat hard-edged slabs from the front): the cap meets the sides over 2 mm (was
  // 1.2), a rounded rim about 1 mm deep.
  facet = smax(facet, sdSphere(w, centre - kAtlantoAxialN * kCapR, kCapR), 2.0f);
  d = smin(d, facet, 3.0f);
  d = smin(d, sdBar(q, vec3(9.0f, 11.0f, -5.0f), vec3(L.xl, 5.0f, L.zl), 3.2f, 1.5f), 1.5f);
  d = smin(d, pillar(L, q), 1.5f);
  d = smin(d, posteriorArch(L, p, 5.5f), 1.5f);
  // Small transverse process with its foramen. Tenth pass (lecturer: from the front two-lobed knobs, a
  // bow tie): one process, no crest or shelf standing beside the outlet over a separate tip. A bar from
  // the side of the body and pedicle (as before) carries a single blunt process that tapers from a root
  // about 7 mm across, lateral to the foramen, down and out to its tip (Gray's Anatomy 41st ed., the axis:
  // the transverse processes are small, each ending in a single tubercle directed downwards, and the
  // foramen transversarium in it turns laterally). Its lateral border, nearly upright, runs down and a
  // little out from beside the outlet to the tip, so that it is the outlet's lower lip, further out than
  // the upper lip (the facet's rim), and from the front the outline has one lateral extremity, at the tip.
  // The tip lies within about 1 mm of where it was, down and out of c2.pt (a slip of levator scapulae and
  // scalenus medius arise from it).
  float tp = sdRoundBox(q, vec3((11.0f + L.pt.x) * 0.5f, L.yTp - 0.2f * (q.x - 11.0f), -4.5f),
                        vec3((L.pt.x - 11.0f) * 0.5f, 2.0f, 3.6f), 1.9f);
  const vec3 processRoot(L.ft.x + 6.5f, L.yTp + 0.4f, L.ft.z - 0.5f);
  const vec3 processTip(L.pt.x + 2.1f, L.pt.y - 4.0f, L.pt.z - 1.2f);
  // Flattened a little front to back (about 6.3 mm thick at the root, 3.1 at the tip).
  constexpr float kProcessFlat = 1.15f;
  const vec3 flat(1.0f, 1.0f, kProcessFlat);
  tp =
      smin(tp, sdRoundCone(q * flat, processRoot * flat, processTip * flat, 3.6f, 1.8f) / kProcessFlat, 2.0f);
  // The axis's foramen turns laterally under the superior facet (L-shaped), so the vertebral artery
  // leaves it up and out on its way to the atlas (issue 12; Gray 1918, the axis). Seventh pass
  // (lecturer: a round hole facing straight sideways): the outlet runs about 34 degrees up from the
  // horizontal (was 14), so that it opens up and out under the facet's lateral overhang.
  const float hole =
      std::min(std::max(glm::length(vec2(q.x - L.ft.x, q.z - L.ft.z)) - L.ftR, std::abs(q.y - L.yTp) - 8.0f),
               // Flaring as it leaves, oval (lower than it is long) and obliquely up and out: an opening
               // under the facet's overhang, not a drilled hole (issue 11).
               sdRoundCone(q * kOutletSquash, (L.ft + vec3(0.0f, 2.5f, 0.0f)) * kOutletSquash,
                           (L.ft + vec3(8.0f, 7.9f, -1.2f)) * kOutletSquash, L.ftR, L.ftR * 1.25f) /
                   kOutletSquash.y);
  // Rims rounded over about 1.5 mm: a smooth-lipped outlet rather than the sharp edge of a drill hole.
  d = smin(d, subtract(tp, hole, 1.5f), 1.5f);
  d = subtract(d, hole, 1.5f);
  // The foramen's lateral wall, which the process carries up beside the outlet (test_bone_axis): a low
  // rim about 3 mm thick and 4 mm front to back on the process's root, lateral to the outlet, which opens
  // up and out over it. Its outer face lies in line with the process's lateral border below it and draws
  // in upwards, and its front lies behind the process's front, so that from the front it continues the
  // taper of the process rather than standing out as a second lobe (the ninth pass's crest, 1 mm further
  // out and 8 mm front to back, did). Added after the outlet is cut: cut by it, it was too low to wall
  // the outlet's lower half.
  d = smin(d, sdEllipsoid(q, vec3(L.ft.x + 7.8f, L.yTp + 2.5f, L.ft.z - 0.8f), vec3(1.4f, 2.4f, 2.0f)), 1.5f);
  // The canal's lateral wall where it turns out: a low bar along the foramen's outer side, the outlet's
  // floor (Gray's 1918). Eighth pass: sunk 0.4 mm and thinned (it read from the side as a knob under a
  // round hole). Tenth pass: within the root of the transverse process, its front end 2 mm further back
  // (it stood out in front of the process as a knob) and 1.3 mm lower, so that the outlet's floor lies
  // lower and the lateral wall above need not stand as high beside it.
  d = smin(d,
           sdCapsule(q, vec3(L.ft.x + L.ftR + 0.9f, L.yTp - 0.1f, L.ft.z + 1.2f),
                     vec3(L.ft.x + L.ftR + 0.9f, L.yTp - 0.1f, L.ft.z - 3.2f), 1.35f),
           1.2f);
  // The canal is cut below the atlas; the dens, which rises into the atlas ring, is kept whole (sixth
  // pass: the cut shaved the back of its neck to under 8 mm, and the dens read as a club).
  const float e = glm::length(vec2(p.x / 11.5f, (p.z + L.b + 8.0f) / 8.0f));
  return smin(subtract(d, (e - 1.0f) * 8.0f, 0.5f), smin(densNeck, densHead, 1.5f), 0.5f);
}

Level makeLevel(const VertebraSpec &s, const Landmarks &ribLandmarks) {
  Level L;
  L.s = s;
  const float depth = s.depth;
  L.b = depth * 0.5f;
  L.a = s.infWidth * 0.5f;
  L.h = glm::length(s.supCentre - s.infCentre);
  L.wedge = s.supSlope - s.infSlope;
  L.frame.origin = vec3(0.0f, s.bodyCentre.x, s.bodyCentre.y);
  L.frame.setAngle(radians((s.supSlope + s.infSlope) * 0.5f));
  L.xl = s.canalWidth * 0.5f + 6.0f;
  // The pillar's front stays where the spinal nerves pass in front of it; its fifth-pass depth (11 mm)
  // is added behind.
  L.zl = -L.b - 6.7f;
  L.zj = -L.b - s.canalDepth - 2.0f;
  L.ptR = s.posteriorTubercleRadius;
  L.atR = s.anteriorTubercleRadius;
  L.ftR = s.ftDiameter * 0.5f;
  L.pt = vec3(s.tpSpan * 0.5f - L.ptR, L.yTp - 2.0f, -L.b - 2.5f);
  L.at = vec3(s.anteriorTubercleX, L.yTp - 1.5f, s.anteriorTubercleZ);
  L.ft = vec3(L.a + 1.0f + L.ftR + 1.2f, L.yTp, -4.4f);
  // Lamina half thickness: plates 3-4 mm thick at C3-C6, 5-6 mm at C2 and C7 (REFERENCE §2.3).
  L.laminaT = s.kind == VertebraKind::Prominens || s.kind == VertebraKind::Axis ? 2.9f : 2.1f;
  L.yJunction = L.zj * std::tan(L.frame.angle()) * 0.7f - 1.5f;
  if (s.kind == VertebraKind::Atlas) {
    // Frame through the two tubercles: origin midway, local +Z towards the anterior tubercle.
    const vec2 d = s.supCentre - s.infCentre; // (anterior tubercle) - (posterior tubercle)
    L.frame.origin =
        vec3(0.0f, (s.supCentre.x + s.infCentre.x) * 0.5f, (s.supCentre.y + s.infCentre.y) * 0.5f);
    L.frame.setAngle(-std::atan2(d.x, d.y));
    L.ft = vec3(30.0f, -1.5f, -0.5f); // lateral to the mass, so the hole opens above and below
    // Arch centre lines (y already divided by the squash of the section), mirrored control points
    // first so the curve crosses the midline level.
    const vec3 sq(1.0f, 1.0f / kAnteriorArchSquash, 1.0f), sp(1.0f);
    // The anterior arch is a short even curve, a circle of about 17 mm radius through the middle of
    // the front and the lateral masses: with no point between 6 and 14 mm from the midline its two
    // halves ran straight and met at the tubercle as a V, and the ring read from above as a shield
    // (lecturer review, tenth pass).
    L.anteriorArch = smoothCurve({{vec3(-6, 0, 18.5f) * sq, 3.4f},
                                  {vec3(0, 0, 19.5f) * sq, 3.4f},
                                  {vec3(6, 0, 18.4f) * sq, 3.4f},
                                  {vec3(10, -0.25f, 16.2f) * sq, 3.45f},
                                  {vec3(14, -0.5f, 12.0f) * sq, 3.5f},
                                  {vec3(17, -0.5f, 5) * sq, 3.7f}},
                                 3);
    // The posterior arch's centre line, with the half height of its plate at each point.
    L.posteriorArch = smoothCurve({{vec3(-12, 0.5f, -16) * sp, 4.1f},
                                   {vec3(0, 0, -20.5f) * sp, 4.1f},
                                   {vec3(12, 0.5f, -16) * sp, 4.0f},
                                   {vec3(15, 0.5f, -7) * sp, 4.4f},
                                   {vec3(16, 0.5f, -2) * sp, 4.8f}},
                                  7); // flat-faced pieces: short, so no facets show
    L.pt = vec3(s.tpSpan * 0.5f - 4.0f, -2.0f, -2.0f);
    L.at = L.pt;
  } else if (s.kind == VertebraKind::Axis) {
    // Frame at the inferior endplate centre, upright; supCentre holds the dens apex.
    L.frame.origin = vec3(0.0f, s.infCentre.x, s.infCentre.y);
    L.frame.setAngle(0.0f);
    L.xl = 16.0f;
    L.zl = -L.b - 6.5f;
    L.zj = -L.b - s.canalDepth - 2.5f;
    L.pillarHalf = vec2(6.0f, 5.0f);
    L.laminaT = 2.9f;
    L.yJunction = 3.5f;
    L.yTp = 7.0f;
    L.ptR = 3.0f;
    L.pt = vec3(s.tpSpan * 0.5f - L.ptR, L.yTp - 1.0f, -5.0f);
    L.ft = vec3(17.0f, L.yTp, -4.0f);
    L.at = L.pt;
  } else if (s.kind == VertebraKind::Thoracic) {
    const vec2 axis = s.supCentre - s.infCentre;
    L.frame.setAngle(std::atan2(axis.y, axis.x));
    L.wedge = 0.0f;
    L.laminaT = 3.3f; // REFERENCE §2.6: 6.6 mm (Egwu 2019)
    L.yJunction = L.zj * std::tan(L.frame.angle()) * 0.7f - 1.5f;
    L.pillarHalf = vec2(5.5f, 4.2f);
    L.pt = L.frame.toLocal(s.tpTip);
    L.at = L.pt;
    for (const std::string &name : s.costalPits) {
      auto it = ribLandmarks.find(name);
      if (it == ribLandmarks.end())
        continue;
      const vec3 mark = L.frame.toLocal(it->second);
      if (name.find("head") != std::string::npos) {
        L.pits.emplace_back(mark, 3.6f);
        continue;
      }
      // The facet for the rib's tubercle: a broad shallow dish on the front of the transverse
      // process's tip, cut by a sphere kTubercleDish mm in radius whose centre lies kTubercleDishOutRib1/2
      // mm out toward the rib from the tubercle's landmark, shallower at its middle than the 5 mm
      // sphere on the landmark it replaces. That cut a cup, and the rib's tubercle, kept clear
      // of its wall, came out as a ball (lecturer review, seventh pass: the tubercles read as
      // hemispheres; Gray's Anatomy 41st ed.: a low eminence whose facet meets a flat one on the process).
      const vec3 out = glm::normalize(mark - L.pt);
      const float shallow = name.rfind("rib1.", 0) == 0 ? kTubercleDishOutRib1 : kTubercleDishOutRib2;
      L.pits.emplace_back(mark + out * shallow, kTubercleDish);
    }
  }
  L.tip = L.frame.toLocal(vec3(0.0f, s.spinousTip.x, s.spinousTip.y));
  L.dens = L.frame.toLocal(vec3(0.0f, s.supCentre.x, s.supCentre.y));
  // Superior facet (REFERENCE §2.4): inclined facetAngle to the transverse plane, facing backwards
  // and medially (< 90 to the sagittal plane) or laterally (> 90).
  const float theta = radians(s.facetAngle), alpha = radians(s.facetSagittal);
  L.supN = glm::normalize(vec3(0, std::cos(theta), 0) +
                          std::sin(theta) * vec3(-std::cos(alpha), 0.0f, -std::sin(alpha)));
  L.supP = s.kind == VertebraKind::Axis ? vec3(L.xl, 8.0f, L.zl) : vec3(L.xl, L.h * 0.5f - 1.5f, L.zl);
  if (s.kind == VertebraKind::Axis)
    L.supN = vec3(0, 1, 0);
  L.infN = -L.supN;
  L.infP = L.supP - vec3(0.0f, L.h + 4.5f, 0.0f);
  return L;
}

// Named bony landmarks (issue 11 contract): an intended point in the local frame, moved onto the
// bone's surface along the distance gradient; the gradient there is the outward normal. Paired ones
// are placed on the left and mirrored.
void addSurfaceLandmarks(const Level &L, BoneModel &bone) {
  const VertebraKind kind = L.s.kind;
  const std::string &id = L.s.id;
  auto put = [&](const std::string &name, const std::string &label, const vec3 &local, bool paired) {
    vec3 p = projectToSurface(bone.sdf, L.frame.toWorld(local));
    if (std::abs(bone.sdf(p)) > 0.05f) {
      // In a crevice (the notch of a bifid spine) Newton steps stall: march in along a ray instead.
      const vec3 target = L.frame.toWorld(local), dir = glm::normalize(target - L.frame.origin);
      p = target + dir * 10.0f;
      for (int i = 0; i < 200 && bone.sdf(p) > 0.01f; ++i)
        p -= dir * std::max(bone.sdf(p), 0.01f);
    }
    const vec3 n = sdfGradient(bone.sdf, p);
    if (!paired) {
      bone.surfaceLandmarks.push_back({name, label, p, n});
      return;
    }
    bone.surfaceLandmarks.push_back({name + "_left", label + " (left)", p, n});
    const vec3 flip(-1.0f, 1.0f, 1.0f);
    bone.surfaceLandmarks.push_back({name + "_right", label + " (right)", p * flip, n * flip});
  };
  if (kind == VertebraKind::Atlas) {
    put("anterior_tubercle", "Anterior tubercle of the atlas", vec3(0, -0.5f, L.s.depth * 0.5f + 1.0f),
        false);
    put("posterior_tubercle", "Posterior tubercle of the atlas", vec3(0, -1.0f, -L.s.depth * 0.5f - 1.0f),
        false);
    return;
  }
  if (kind == VertebraKind::Axis) {
    put("dens", "Dens (odontoid process)", L.dens + vec3(0, 1.0f, 0), false);
  }
  if (kind == VertebraKind::Typical) {
    put("anterior_tubercle", "Anterior tubercle of the transverse process",
        L.at + vec3(0.5f, 0, L.atR + 0.5f), true);
    put("posterior_tubercle", "Posterior tubercle of the transverse process",
        L.pt + vec3(L.ptR + 0.5f, 0, -0.5f), true);
  }
  if (id == "c6") {
    put("carotid_tubercle", "Carotid tubercle (anterior tubercle of C6)", L.at + vec3(0.5f, 0, L.atR + 0.5f),
        true);
    put("foramen_transversarium", "Foramen transversarium", L.ft + vec3(L.ftR * 0.8f, 0, 0), true);
  }
  if (id == "c5") {
    const float halfH = L.h * 0.5f;
    put("uncinate_process", "Uncinate process", vec3(L.s.supWidth * 0.5f + 1.0f, halfH + 3.5f, -L.b * 0.6f),
        true);
    put("superior_facet", "Superior articular facet", L.supP + L.supN * 0.5f, true);
    put("lamina", "Lamina", vec3(L.xl * 0.45f, L.yJunction * 0.7f - 1.5f, (L.zl + L.zj) * 0.5f - 3.0f), true);
  }
  if (kind != VertebraKind::Atlas)
    put("spinous_tip",
        kind == VertebraKind::Prominens ? "Spinous process tip (vertebra prominens)" : "Spinous process tip",
        L.tip + glm::normalize(L.tip - vec3(0, L.yJunction, L.zj)) * 1.0f, false);
}

} // namespace

VertebraModel buildVertebra(const VertebraSpec &spec, const Landmarks &ribLandmarks,
                            const VertebraSpec *below) {
  auto L = std::make_shared<Level>(makeLevel(spec, ribLandmarks));
  VertebraModel out;
  const std::string &id = spec.id;
  if (below && spec.kind != VertebraKind::Atlas) {
    // Inferior facets 1 mm above the superior facets of the level below: a visible joint line.
    const Level lower = makeLevel(*below, ribLandmarks);
    const vec3 n = lower.frame.directionToWorld(lower.supN);
    const vec3 pWorld = lower.frame.toWorld(lower.supP) + n * 1.0f;
    L->infP = L->frame.toLocal(pWorld);
    L->infN = -(L->frame.toLocal(L->frame.origin + n));
  }
  out.frame = L->frame;
  const bool uncinates = spec.kind == VertebraKind::Typical || spec.kind == VertebraKind::Prominens;
  if (spec.kind == VertebraKind::Axis)
    out.body = [L](const vec3 &world) { return axisBody(*L, L->frame.toLocal(world)); };
  else
    out.body = [L, uncinates](const vec3 &world) {
      return bodyShape(*L, L->frame.toLocal(world), uncinates);
    };
  const Sdf body = [L, uncinates](const vec3 &local) { return bodyShape(*L, local, uncinates); };
  Sdf local;
  if (spec.kind == VertebraKind::Atlas)
    local = [L](const vec3 &p) { return atlasShape(*L, p); };
  else if (spec.kind == VertebraKind::Axis)
    local = [L](const vec3 &p) { return axisShape(*L, p); };
  else if (spec.kind == VertebraKind::Thoracic)
    local = [L, body](const vec3 &p) { return thoracicVertebra(*L, p, body); };
  else
    local = [L, body](const vec3 &p) { return typicalVertebra(*L, p, body); };
  out.bone.id = id;
  out.bone.sdf = [L, local](const vec3 &world) { return local(L->frame.toLocal(world)); };
  // 9 bones of 16,000-17,000 triangles: the model's 400,000 also holds the soft tissues of issue 12.
  out.bone.targetTriangles = spec.kind == VertebraKind::Thoracic ? 17000 : 16000;
  out.bone.step = 0.38f;

  // Bounding box: the local extents, rotated into the world.
  const float reach = std::max(spec.tpSpan * 0.5f + 3.0f, 40.0f);
  const float back = -std::max(70.0f, -L->tip.z + 8.0f);
  out.bone.box = L->frame.worldBounds(vec3(-reach, -35.0f, back), vec3(reach, 45.0f, 30.0f));
  if (spec.kind != VertebraKind::Axis && spec.kind != VertebraKind::Atlas) {
    out.bone.box = L->frame.worldBounds(vec3(-reach, -L->h * 0.5f - 12.0f, back),
                                        vec3(reach, L->h * 0.5f + 12.0f, L->b + 4.0f));
    out.bone.box.extend(L->frame.toWorld(L->tip) + vec3(0, -8, -6));
    out.bone.box.extend(L->frame.toWorld(L->tip) + vec3(0, 8, 0));
  }

  // Endplates (world).
  const float tw = std::tan(radians(L->wedge * 0.5f));
  out.supCentre = L->frame.toWorld(vec3(0, L->h * 0.5f, 0));
  out.infCentre = L->frame.toWorld(vec3(0, -L->h * 0.5f, 0));
  out.supNormal = L->frame.directionToWorld(glm::normalize(vec3(0, 1.0f, tw)));
  out.infNormal = L->frame.directionToWorld(glm::normalize(vec3(0, -1.0f, tw)));
  if (spec.kind == VertebraKind::Axis) {
    const float slope = std::tan(radians(spec.infSlope));
    out.infCentre = L->frame.origin;
    out.infNormal = glm::normalize(vec3(0, -1.0f, -slope));
    out.lipSetback = kAxisLipSetback;
  }
  out.halfSize = vec2(L->a, L->b);
  if (uncinates)
    out.uncinateHalf = spec.supWidth * 0.5f;

  Landmarks &lm = out.bone.landmarks;
  lm[id + ".body"] = L->frame.origin;
  lm[id + ".canal"] = L->frame.toWorld(vec3(0.0f, 0.0f, -L->b - spec.canalDepth * 0.5f - 0.3f));
  lm[id + ".pt"] = L->frame.toWorld(L->pt);
  lm[id + ".at"] = L->frame.toWorld(L->at);
  lm[id + ".ft"] = L->frame.toWorld(vec3(L->ft.x, L->ft.y, L->ft.z));
  lm[id + ".tp"] = L->frame.toWorld(L->pt + vec3(L->ptR, 0, 0));
  lm[id + ".pillar"] = L->frame.toWorld(vec3(L->xl, -1.0f, L->zl));
  lm[id + ".groove"] = L->frame.toWorld(vec3(L->pt.x - 1.0f, L->yTp + 1.5f, (L->at.z + L->pt.z) * 0.5f));
  // Intervertebral foramen below this level: behind the body, in front of the pillar.
  lm[id + ".ivf"] = L->frame.toWorld(vec3(spec.canalWidth * 0.5f + 1.5f, -L->h * 0.5f - 2.8f, -L->b - 2.0f));
  addSurfaceLandmarks(*L, out.bone);
  return out;
}

} // namespace atlas::modelgen
