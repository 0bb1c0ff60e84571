#include "modelgen/pleura.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace atlas::modelgen {
namespace {

// Approximate distance to an ellipse / ellipsoid centred at the origin (Quilez's k0 * (k0 - 1) / k1):
// exact on the surface, close enough near it for meshing.
float sdEllipsoid(const vec3 &p, const vec3 &r) {
  const float k0 = glm::length(p / r), k1 = glm::length(p / (r * r));
  return k1 > 1e-6f ? k0 * (k0 - 1.0f) / k1 : -std::min({r.x, r.y, r.z});
}

// Whether an obstacle's box meets `box`.
bool overlaps(const Bounds &box, const Obstacle &o) {
  return !glm::any(glm::lessThan(box.max, o.box.min)) && !glm::any(glm::greaterThan(box.min, o.box.max));
}

vec3 onSide(const vec3 &p, bool right) {
  return right ? vec3(-p.x, p.y, p.z) : p;
}

// The plane of the thoracic inlet (the ring of rib 1) falls forward: its front (the manubrium) lies
// about 3.7 cm below its back (T1) over some 5 cm (REFERENCE.md section 3, after Gray's 1918), and
// the inner border of rib 1 as modelled in ribs.json falls from Y -22 at the neck to Y -46 in front,
// 45 mm further forward: about 23 degrees. The dome stands on that tilted ring, so its top, the
// apex, lies over the back half of the ring, about level with the neck of rib 1 behind and 2.5 cm
// or more above the front of the ring and the medial third of the clavicle (Gray's Anatomy 41st ed.,
// pleura).
constexpr float kInletTilt = 23.0f; // degrees
// Normal of the inlet plane (up and forward) and its forward direction in the plane (forward, down).
const vec3 kInletNormal(0.0f, std::cos(glm::radians(kInletTilt)), std::sin(glm::radians(kInletTilt)));
const vec3 kInletForward(0.0f, -std::sin(glm::radians(kInletTilt)), std::cos(glm::radians(kInletTilt)));

// Round-off (mm) where a vessel or nerve moulds the dome or the membrane: a broad soft dent (the
// groove of the subclavian artery on the apex of the lung), not a crumple. 6 mm left a crease where
// the thin internal thoracic artery runs down the dome's front (lecturer review, issue 12, fourth
// pass); a wider round-off only carves more (smax never undercuts max), so every clearance holds.
constexpr float kMould = 8.0f;
// Round-off (mm) where a bone or muscle moulds the dome. These are broad smooth surfaces already, and
// the dome must lie close against them (within 1-3 mm of the inner border of rib 1, the side of T1
// and longus colli): the 8 mm round-off of the thin tubes stood the dome off them by up to 2 mm more
// than its clearance (the gap to rib 1 of the fifth pass, lecturer review); 5 mm stands it off by at
// most 1.25 mm more and still leaves no crease where the dome meets the side of T1.
constexpr float kSolidMould = 5.0f;
// Round-off (mm) where two neighbours' clearances meet: softens the ridge between two dents.
constexpr float kNeighbourBlend = 2.0f;
// The membrane lies this far (mm) off the pleura; with its thickness, less than the pleura's
// clearance, so it stays clear of whatever lies on the dome.
constexpr float kMembraneGap = 0.6f;
// Over the last kEdgeLift mm above its border the membrane moves kEdgeGap mm further off the dome.
constexpr float kEdgeLift = 4.0f, kEdgeGap = 0.2f;
// Round-offs (mm) of the cut edges: the dome's hem at the floor and the membrane's border. A sharp
// cut meshed on a 1.5 mm (dome) or 0.45 mm (membrane) grid showed as a ragged hem (lecturer review,
// issue 12); a rim rounded over a few grid steps meshes as a clean edge.
constexpr float kHemRound = 4.0f;
// Medially the top meets the dome's near-vertical medial side (the ring's edge beside T1): a 4 mm
// round-off left a flat top over a sheer medial wall with a creased corner, a cushion seen from the
// front (lecturer review, eleventh pass). From kMedialRoundFrom to kMedialRoundTo mm medial of the
// ring's centre the round-off widens to kMedialHemRound, so the top curves down into the medial side
// as a cupola; the apex, over the back of the ring near its middle, keeps the 4 mm one.
constexpr float kMedialHemRound = 22.0f, kMedialRoundFrom = 0.0f, kMedialRoundTo = 20.0f;
// The floor is rounded off broadly, a bowl rather than a drum: the lung runs on down into the thorax,
// and a flat cut with a tight hem under straight sides read as a box (lecturer review, sixth pass).
constexpr float kFloorRound = 12.0f;
constexpr float kBorderRound = 1.0f;
// The membrane's band to C7: a fan of sheet, as thick as the membrane, tied above along the lower
// front edge of the transverse process near its tip (Gray's Anatomy 41st ed.: the fascia is attached
// to the anterior border and tip of the process) and spreading below onto the dome where the sheet
// comes nearest the process. It is a ruled surface of kFanLines straight lines, all parallel to the
// line from the tie to the nearest point of the sheet: their tops along kFanTop mm of the process
// (each slid along its line to kFanInBone mm inside the bone), their feet on the sheet's middle,
// spread over kFanBase mm (kFanBaseShift mm off centre, forward and medially, where the dome lies
// under the process; behind, it falls away). The distance is taken to the nearest line found between
// them by a ternary search, so the fan is one smooth surface, not a comb; it is blended into the sheet
// over kFanBlend mm, a smooth fillet, and cut off kBoneGap mm short of any bone or muscle, so it ends
// on the process like a fascia tied to bone. (A flat triangle to a point on the tip read as a faceted
// fin with a notch at the top: lecturer review, eighth pass; a shell round a cone stood on the dome
// as a hollow hood: seventh pass.)
constexpr float kFanTop = 6.0f, kFanBase = 14.0f, kFanBaseShift = -4.5f, kFanBlend = 3.0f;
constexpr float kFanInBone = 0.8f, kBoneGap = 0.3f;
constexpr int kFanLines = 33;
// Where the fan is tied on C7 (left; skeleton.json's C7 as modelled): a point on the lower front edge
// of the transverse process 3 mm medial of its tip, before it is pushed kFanInBone mm into the bone.
// The tip, the process's most lateral point, is at about (31.7, -4.5, -13.2); the test of the
// pleura's shape measures the membrane against C7's mesh, so a change of the vertebra shows there.
const vec3 kFanTie(28.5f, -6.0f, -11.0f);
// How far (mm) medial of the apex the membrane reaches, down the dome's medial slope beside T1 and
// longus colli. At 13.5 mm (seventh pass: beyond it the crumpled sheet stood up beside T1 as a striped
// fin) it left a bare strip of pleura toward the spine (lecturer review, eighth pass); the smooth
// sheet of the eighth pass covers it.
constexpr float kMedialReach = 24.0f;
// Deeper than this (mm) inside the bare dome no neighbour reaches (the drape, the ring of rib 1 and
// the side of T1 move the surface in by a few millimetres): the carving is not evaluated there.
constexpr float kCore = 12.0f;
// Deeper than this (mm) inside the bare dome, a neighbour is looked for no farther off than here:
// the pleura's inner face lies 2.5 mm in, and its smoothing samples reach 1.5 mm further.
constexpr float kSkipDepth = 5.0f;
// The dome is shown open below, not as a closed pot: the cervical pleura runs on down into the thorax
// as the costal and mediastinal pleura (Gray's Anatomy 41st ed.), so the model gives it a wall
// kPleuraWall mm thick (inside the moulded outer face, a smooth offset of it) cut off kRimBelowInlet mm
// under the plane of rib 1's ring, along that plane's normal, so that the rim is a clean ring parallel
// to the rib and well below it, its edge rounded over kRimRound mm (lecturer review, seventh pass: a
// closed drum hanging below rib 1 read as a bucket). The wall is two and a half grid steps thick: on a
// 1.25 mm grid (two steps) its rounded rim meshed crinkled (eighth pass). 20 mm rather than the
// earlier 16: with its front tucked in under the membrane (kCurtainSlant) the dome must reach this
// deep for the membrane to cover only its upper three quarters (test_soft_tissue_routes).
constexpr float kPleuraWall = 2.5f;
constexpr float kPleuraStep = 1.0f;
constexpr float kRimBelowInlet = 20.0f;
constexpr float kRimRound = 1.5f;
// Below the suprapleural membrane's lowest edge (membraneLowest, the front of the ring) the dome
// wall hangs as a curtain: no wider than the dome's section kCurtainAbove mm above that edge, and
// narrowing inward by kCurtainSlant mm for each mm further down, eased in over kCurtainRound mm.
// Moulded by the vessels in front, the dome's front had sloped on forward and down below the
// membrane's edge to the rim, and from above a crescent of bare pleura showed between the membrane
// and the ring (lecturer review, ninth to eleventh passes); the membrane may not reach lower (it is
// attached to rib 1 no lower than the costochondral junction), so the pleura tucks in under its
// edge, as the pleura runs on down behind the first costal cartilage and the manubrium into the
// thorax. The slant, in front of and medial of the ring's middle only (from kSlantFrom to kSlantTo mm
// forward or medial of its centre: behind and laterally the curtain hangs straight, as the lung
// widens below the inlet), keeps it hidden from views about 20 degrees off vertical from in front or
// from over the midline. A steeper slant raised the front of the rim (the dome's lowest point) so
// far that the membrane covered more than its upper three quarters (test_soft_tissue_routes).
constexpr float kCurtainAbove = 1.0f, kCurtainSlant = 0.35f, kCurtainRound = 2.0f;
constexpr float kSlantFrom = -5.0f, kSlantTo = 10.0f;
// The membrane is laid out from the moulded surface's distance divided by the length of its gradient
// (central differences kGradientStep mm either side; only a gradient shorter than one is corrected):
// the round-offs of the carving and of the drape shorten the gradient where two surfaces meet, and a
// shell of the raw distance was 2.5-4 mm thick there instead of 1 mm (lecturer review, seventh pass).
// Differences over 0.2 mm followed every ripple of the carving and crumpled the sheet (eighth pass);
// over 1.5 mm they follow the dome's form.
constexpr float kGradientStep = 1.5f;

// The frame of the dome: the centre of its ellipsoid (in the inlet plane) from the apex (its highest
// point) and the half axes (X across, along the inlet normal, along the inlet forward).
vec3 domeCentre(const PleuraSpec &spec, bool right) {
  const vec3 r = spec.radii;
  const float c = kInletNormal.y, s = -kInletForward.y; // cos and sin of the tilt
  const float h = std::sqrt(r.y * r.y * c * c + r.z * r.z * s * s);
  // The highest point of the tilted ellipsoid lies (r.y^2 c n - r.z^2 s f) / h from its centre.
  const vec3 top = (r.y * r.y * c * kInletNormal - r.z * r.z * s * kInletForward) / h;
  return onSide(spec.apex - top, right);
}

// The dome is draped under the nerves and vessels that cross it (the subclavian artery, the lower
// trunk and the first thoracic ramus lie on the apex in life, grooving it): over each point of the
// inlet's plane (u across, v forward, every kDrapeStep mm) the height along the plane's normal at
// which the first tube comes within the clearance; then opened (below), so the dome sinks under
// them in broad smooth troughs instead of being cut into by each in turn (cutting a dome pierced
// 10-20 mm deep by six tubes left horns, a tunnel and a crumpled top: lecturer review, sixth pass).
constexpr float kDrapeStep = 1.0f;
// Opening: the least over kDrapeErode mm, then the mean over kDrapeSmooth mm and again over
// kDrapeSmooth2 mm; since the two means reach no further than the least did, the drape stays under
// every tube. Narrower than about twice kDrapeErode, a ridge between two tubes would stand up as a
// horn; the two means leave the troughs rounded.
constexpr float kDrapeErode = 5.0f, kDrapeSmooth = 3.0f, kDrapeSmooth2 = 2.0f;
// The drape reaches this far (mm) below the plane at most: a column with a tube there already (a
// vessel running down across the ring's edge, the internal thoracic artery) is cut down to it.
constexpr float kDrapeLow = 6.0f;
// Steps (mm) of the walk to the dome's top that keeps the drape from rising again.
constexpr float kEnvelopeStep = 0.5f;

struct Drape {
  vec3 centre{0.0f};
  float u0 = 0.0f, v0 = 0.0f, free = 0.0f;
  int nu = 0, nv = 0;
  std::vector<float> h;
  // The height at (u, v), bilinear; `free` (above the bare dome) outside the grid.
  float at(float u, float v) const {
    const float fu = (u - u0) / kDrapeStep, fv = (v - v0) / kDrapeStep;
    if (fu < 0.0f || fv < 0.0f || fu > float(nu - 1) || fv > float(nv - 1))
      return free;
    const int i = std::min(int(fu), nu - 2), j = std::min(int(fv), nv - 2);
    const float a = fu - float(i), b = fv - float(j);
    const float *row0 = &h[std::size_t(j) * nu + i], *row1 = row0 + nu;
    return (row0[0] * (1 - a) + row0[1] * a) * (1 - b) + (row1[0] * (1 - a) + row1[1] * a) * b;
  }
};

std::shared_ptr<const Drape> drapeUnder(const PleuraSpec &spec, const vec3 &centre,
                                        const std::vector<Obstacle> &obstacles, const Bounds &box) {
  const vec3 r = spec.radii;
  auto out = std::make_shared<Drape>();
  out->centre = centre;
  out->free = r.y + 6.0f;
  out->u0 = -r.x - 2.0f;
  out->v0 = -r.z - 2.0f;
  out->nu = int(std::ceil(2.0f * (r.x + 2.0f) / kDrapeStep)) + 1;
  out->nv = int(std::ceil(2.0f * (r.z + 2.0f) / kDrapeStep)) + 1;
  std::vector<const Obstacle *> tubes;
  const float clearance = spec.clearance;
  for (const Obstacle &o : obstacles)
    if (o.tube && overlaps(box, o))
      tubes.push_back(&o);
  const auto nearest = [&](const vec3 &p) {
    float d = 1e9f;
    for (const Obstacle *o : tubes) {
      const vec3 outside = glm::max(glm::max(o->box.min - p, p - o->box.max), vec3(0.0f));
      const float boxDistance = glm::length(outside);
      d = std::min(d, boxDistance > d ? boxDistance : o->sdf(p));
    }
    return d;
  };
  std::vector<float> ceiling(std::size_t(out->nu) * out->nv, out->free);
  for (int j = 0; j < out->nv; ++j)
    for (int i = 0; i < out->nu; ++i) {
      const float u = out->u0 + i * kDrapeStep, v = out->v0 + j * kDrapeStep;
      const float e = 1.0f - (u / r.x) * (u / r.x) - (v / r.z) * (v / r.z);
      if (e <= 0.0f)
        continue;
      const float top = r.y * std::sqrt(e) + 1.0f;
      const vec3 foot = centre + vec3(u, 0.0f, 0.0f) + v * kInletForward;
      float w = -kDrapeLow;
      if (nearest(foot + w * kInletNormal) < clearance) {
        ceiling[std::size_t(j) * out->nu + i] = w;
        continue;
      }
      while (w < top) {
        const float d = nearest(foot + w * kInletNormal) - clearance;
        if (d < 0.0f) {
          ceiling[std::size_t(j) * out->nu + i] = w;
          break;
        }
        w += std::max(d, 0.25f);
      }
    }
  const auto overDisc = [&](const std::vector<float> &in, float radius, bool least) {
    const int reach = int(radius / kDrapeStep);
    std::vector<float> result(in.size());
    for (int j = 0; j < out->nv; ++j)
      for (int i = 0; i < out->nu; ++i) {
        float acc = least ? 1e9f : 0.0f;
        int n = 0;
        for (int dj = -reach; dj <= reach; ++dj)
          for (int di = -reach; di <= reach; ++di) {
            if (di * di + dj * dj > reach * reach)
              continue;
            const int ii = std::clamp(i + di, 0, out->nu - 1), jj = std::clamp(j + dj, 0, out->nv - 1);
            const float x = in[std::size_t(jj) * out->nu + ii];
            acc = least ? std::min(acc, x) : acc + x;
            ++n;
          }
        result[std::size_t(j) * out->nu + i] = least ? acc : acc / float(n);
      }
    return result;
  };
  out->h = overDisc(ceiling, kDrapeErode, true);
  // One dome, not a dome with lobes: the top of the draped dome (the lower of the bare ellipsoid's
  // height and the drape) may not rise again on the way from any point to its highest point: the
  // drape is lowered to the least height met along that straight walk (every kEnvelopeStep mm).
  // Without it the dome stood up as a finger beside T1, medial of the first thoracic ramus's trough
  // (lecturer review, seventh pass).
  {
    const Drape eroded = *out;
    const auto height = [&](float u, float v) {
      const float e = 1.0f - (u / r.x) * (u / r.x) - (v / r.z) * (v / r.z);
      return std::min(e > 0.0f ? r.y * std::sqrt(e) : 0.0f, eroded.at(u, v));
    };
    float topU = 0.0f, topV = 0.0f, topH = -1e9f;
    for (int j = 0; j < out->nv; ++j)
      for (int i = 0; i < out->nu; ++i) {
        const float u = out->u0 + i * kDrapeStep, v = out->v0 + j * kDrapeStep, h = height(u, v);
        if (h > topH) {
          topH = h;
          topU = u;
          topV = v;
        }
      }
    for (int j = 0; j < out->nv; ++j)
      for (int i = 0; i < out->nu; ++i) {
        const float u = out->u0 + i * kDrapeStep, v = out->v0 + j * kDrapeStep;
        const float length = std::hypot(u - topU, v - topV);
        const int steps = int(std::ceil(length / kEnvelopeStep));
        float &h = out->h[std::size_t(j) * out->nu + i];
        for (int k = 1; k < steps; ++k) {
          const float f = float(k) / float(steps);
          h = std::min(h, height(u + (topU - u) * f, v + (topV - v) * f));
        }
      }
  }
  out->h = overDisc(overDisc(out->h, kDrapeSmooth, false), kDrapeSmooth2, false);
  return out;
}

// The bare dome: an ellipsoid standing on the tilted ring of rib 1 (half axes radii: X across, the
// dome's height along the inlet normal, the ring's depth along the inlet), its upper half the cupola
// and, below the ring, the same ellipse carried straight down the inlet's normal (an elliptic
// cylinder, smooth where it meets the cupola) into the thorax, closed off at the floor (the pleura's
// wall is cut off well above it, buildCervicalPleura). The ring is made a little wider than the
// inner border of rib 1 so that the rib itself, with the clearance, sets the dome's outline there.
Sdf bareDome(const PleuraSpec &spec, bool right, std::shared_ptr<const Drape> drape) {
  const vec3 r = spec.radii;
  const vec3 centre = domeCentre(spec, right);
  const float floor = spec.floor;
  return [r, centre, floor, drape, right](const vec3 &world) {
    const vec3 d = world - centre;
    const float w = glm::dot(d, kInletNormal), v = glm::dot(d, kInletForward);
    const vec3 local(d.x, std::max(w, 0.0f), v);
    // Under the drape (a height field, so its distance is shortened by its slope: 1.3 covers ~40
    // degrees), rounded into the cupola over the same few millimetres as the hem, and broadly on the
    // medial side (kMedialHemRound).
    const float under = (w - drape->at(d.x, v)) / 1.3f;
    const float medial = right ? d.x : -d.x;
    const float round =
        glm::mix(kHemRound, kMedialHemRound, glm::smoothstep(kMedialRoundFrom, kMedialRoundTo, medial));
    return smax(smax(sdEllipsoid(local, r), under, round), floor - world.y, kFloorRound);
  };
}

// `shape` kept `clearance` mm away from each obstacle. Far from the shape's surface the obstacles
// are not evaluated (they cannot change the sign there), which keeps meshing fast.
Sdf carved(Sdf shape, std::vector<Obstacle> obstacles, float clearance, float band) {
  return [shape = std::move(shape), obstacles = std::move(obstacles), clearance, band](const vec3 &p) {
    float d = shape(p);
    if (d > band || d < -kCore)
      return d;
    // The neighbours are joined first, with a small round-off, and the dome is moulded once by what
    // they make together: moulding it by each in turn added a round-off per neighbour, and where five
    // or six meet over the apex (the rami, the trunks, the arteries) that carved the dome down by
    // 12 mm and left the membrane standing over it as a lump (lecturer review, issue 12). Bones and
    // muscles mould it with a tight round-off, tubes with a broad one.
    // A neighbour farther than its round-off (and the neighbours' blend) beyond the clearance leaves
    // the dome exactly as it is (smax(a, b, k) is a wherever b <= a - k), so it is skipped only
    // there: skipped any nearer, it still dented the surface by a few tenths of a millimetre where
    // it was taken, and its sudden absence a step away left pits in the dome and teeth along the
    // membrane's border (lecturer review, ninth pass).
    const float reach = clearance - std::max(d, -kSkipDepth) + kNeighbourBlend;
    float tubes = -1e9f, solids = -1e9f;
    for (const Obstacle &o : obstacles) {
      const vec3 outside = glm::max(glm::max(o.box.min - p, p - o.box.max), vec3(0.0f));
      if (glm::length(outside) > reach + (o.tube ? kMould : kSolidMould))
        continue;
      const float keep = clearance - o.sdf(p);
      float &around = o.tube ? tubes : solids;
      around = around < -1e8f ? keep : smax(around, keep, kNeighbourBlend);
    }
    if (solids > -1e8f)
      d = smax(d, solids, kSolidMould);
    return tubes > -1e8f ? smax(d, tubes, kMould) : d;
  };
}

// `f` divided by the length of its gradient where its value lies in [lo, hi] (outside it unchanged).
// `f` at six points h mm either side of p along the axes, with its value d at p: the mean of the seven
// samples and the differences across p (twice h times the gradient, by central differences).
struct AroundPoint {
  float mean;
  vec3 across;
};
AroundPoint sampledAround(const Sdf &f, const vec3 &p, float d, float h) {
  const float x0 = f(p - vec3(h, 0.0f, 0.0f)), x1 = f(p + vec3(h, 0.0f, 0.0f));
  const float y0 = f(p - vec3(0.0f, h, 0.0f)), y1 = f(p + vec3(0.0f, h, 0.0f));
  const float z0 = f(p - vec3(0.0f, 0.0f, h)), z1 = f(p + vec3(0.0f, 0.0f, h));
  return {(d + x0 + x1 + y0 + y1 + z0 + z1) / 7.0f, vec3(x1 - x0, y1 - y0, z1 - z0)};
}

Sdf unitGradient(Sdf f, float lo, float hi) {
  return [f = std::move(f), lo, hi](const vec3 &p) {
    const float d = f(p);
    if (d < lo || d > hi)
      return d;
    // The mean of the seven samples: over the dome's broad curves it is the distance itself (within
    // a few hundredths of a millimetre), but it fills the narrow creases where two neighbours' dents
    // meet, which the sheet otherwise followed as pits and small tears (eighth pass).
    const AroundPoint around = sampledAround(f, p, d, kGradientStep);
    // Only ever shortened: where the gradient is longer than one the distance is left as it is, so
    // the sheet comes no nearer its neighbours than the carving allows.
    return around.mean / std::clamp(glm::length(around.across) / (2.0f * kGradientStep), 0.6f, 1.0f);
  };
}

// `p` walked down the gradient of `f` until f's value is `level` (within 0.02 mm).
vec3 walkedTo(const Sdf &f, vec3 p, float level) {
  for (int k = 0; k < 60; ++k) {
    const float d = f(p);
    const vec3 g = sampledAround(f, p, d, 0.25f).across;
    if (glm::length(g) < 1e-6f || std::abs(d - level) < 0.02f)
      break;
    p -= glm::normalize(g) * (d - level) * 0.8f;
  }
  return p;
}

// The nearest of the obstacles' distances at p.
float nearestOf(const std::vector<Obstacle> &obstacles, const vec3 &p) {
  float d = 1e9f;
  for (const Obstacle &o : obstacles)
    d = std::min(d, o.sdf(p));
  return d;
}

// The fan of the membrane to C7 (kFanBase): straight lines from `top[i]` to `base[i]`; between two
// lines the points are interpolated, so the surface is ruled and smooth.
struct Fan {
  std::vector<vec3> top, base;
  Bounds box;
  float toLine(const vec3 &p, float s) const {
    const float at = std::clamp(s, 0.0f, float(top.size() - 1));
    const std::size_t i = std::min(std::size_t(at), top.size() - 2);
    const float f = at - float(i);
    return sdCapsule(p, glm::mix(top[i], top[i + 1], f), glm::mix(base[i], base[i + 1], f), 0.0f);
  }
  // Distance (mm) to the surface: the nearest of the lines, then a ternary search between its
  // neighbours for the nearest interpolated line.
  float distance(const vec3 &p) const {
    std::size_t best = 0;
    float bestD = 1e9f;
    for (std::size_t i = 0; i < top.size(); ++i) {
      const float d = toLine(p, float(i));
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    float lo = float(best) - 1.0f, hi = float(best) + 1.0f;
    for (int k = 0; k < 14; ++k) {
      const float m1 = lo + (hi - lo) / 3.0f, m2 = hi - (hi - lo) / 3.0f;
      if (toLine(p, m1) < toLine(p, m2))
        hi = m2;
      else
        lo = m1;
    }
    return std::min(bestD, toLine(p, 0.5f * (lo + hi)));
  }
};

// Where the line from `from` along `dir` first meets f's level `level` (f a distance, so marched
// in steps of f's value); where the line passes beside the surface, the line's nearest point to it
// walked down onto it instead.
vec3 marchedTo(const Sdf &f, vec3 from, const vec3 &dir, float level) {
  float d = f(from) - level;
  for (int k = 0; k < 200 && d > 0.02f; ++k) {
    const vec3 next = from + std::max(d, 0.05f) * dir;
    const float dNext = f(next) - level;
    if (dNext >= d)
      return walkedTo(f, from, level);
    if (dNext < -0.02f) { // stepped through the level: bisect back to it
      vec3 above = from, beyond = next;
      for (int b = 0; b < 16; ++b) {
        const vec3 half = 0.5f * (above + beyond);
        (f(half) > level ? above : beyond) = half;
      }
      return above;
    }
    from = next;
    d = dNext;
  }
  return from;
}

// The membrane's fan to C7 (kFanBase): `bone` is the distance to the bones by the process, `dome` the
// sheet's (its middle at `middle`), `near` a point on the process's lower front edge.
Fan fanToProcess(const Sdf &dome, const Sdf &bone, float middle, const vec3 &near, const vec3 &lateral) {
  const vec3 tie = walkedTo(bone, near, -kFanInBone);
  const vec3 foot = walkedTo(dome, tie, middle);
  // Across the fan's axis, as near lateral as that allows: along the process's edge, so the whole top
  // is tied to the process and the fan faces forward, a roof from the process down onto the dome.
  const vec3 axis = glm::normalize(foot - tie);
  const vec3 along = glm::normalize(lateral - glm::dot(lateral, axis) * axis);
  // The lines run parallel to the axis from the tie to its foot: each from a point on a straight
  // top (kFanTop mm long, through the tie) to where the same line from a point of a straight base
  // (kFanBase mm) meets the sheet's middle, so the fan is one flat fan whose lower edge follows the
  // dome. (Walking each end down the gradients bunched the lines and folded the fan into pleats.)
  Fan fan;
  std::vector<bool> reached;
  for (int i = 0; i < kFanLines; ++i) {
    const float s = float(i) / float(kFanLines - 1) - 0.5f; // from -1/2 (medial) to 1/2
    fan.base.push_back(marchedTo(dome, tie + (s * kFanBase + kFanBaseShift) * along, axis, middle));
    // The top slid along the line to where it lies kFanInBone mm inside the process (the process's
    // edge is not straight): beyond it the line would stand off the bone as a loose thread.
    vec3 top = tie + s * kFanTop * along;
    const float toward = bone(top) > -kFanInBone ? -0.1f : 0.1f;
    for (int k = 0; k < 60 && (bone(top) > -kFanInBone) == (toward < 0.0f); ++k)
      top += toward * axis;
    fan.top.push_back(top);
    reached.push_back(std::abs(bone(top) + kFanInBone) < 0.2f);
  }
  // Lines whose top found no bone above them (the process is narrower than the top's span) start
  // where the nearest line that did starts, so that end of the fan rises to the process as a cone.
  const auto apart = [](std::size_t a, std::size_t b) { return a > b ? a - b : b - a; };
  for (std::size_t i = 0; i < fan.top.size(); ++i)
    if (!reached[i]) {
      std::size_t best = i;
      for (std::size_t j = 0; j < fan.top.size(); ++j)
        if (reached[j] && (best == i || apart(j, i) < apart(best, i)))
          best = j;
      fan.top[i] = fan.top[best];
    }
  for (std::size_t i = 0; i < fan.top.size(); ++i) {
    fan.box.extend(fan.top[i]);
    fan.box.extend(fan.base[i]);
  }
  return fan;
}

Bounds domeBox(const PleuraSpec &spec, bool right, float pad) {
  const vec3 centre = domeCentre(spec, right), apex = onSide(spec.apex, right);
  const float deep = std::max(spec.radii.y, spec.radii.z) + pad;
  // Below the ring the cylinder runs forward down the inlet's normal.
  const float slide = (centre.y - spec.floor) * kInletNormal.z / kInletNormal.y;
  Bounds box;
  box.extend(vec3(centre.x - spec.radii.x - pad, spec.floor - pad, centre.z - deep - slide));
  box.extend(vec3(centre.x + spec.radii.x + pad, apex.y + pad, centre.z + deep + slide));
  return box;
}

} // namespace

Obstacle tubeObstacle(const std::vector<glm::vec3> &curve, float radius) {
  Obstacle o;
  o.tube = true;
  for (const vec3 &p : curve) {
    o.box.extend(p - vec3(radius));
    o.box.extend(p + vec3(radius));
  }
  auto points = std::make_shared<const std::vector<glm::vec3>>(curve);
  o.sdf = [points, radius](const vec3 &p) {
    float d = 1e9f;
    const auto &c = *points;
    for (std::size_t i = 0; i + 1 < c.size(); ++i)
      d = std::min(d, sdCapsule(p, c[i], c[i + 1], radius));
    return d;
  };
  return o;
}

BoneModel buildCervicalPleura(const PleuraSpec &spec, bool right, const std::vector<Obstacle> &obstacles) {
  BoneModel out;
  out.id = spec.id;
  out.step = kPleuraStep;
  out.targetTriangles = 5000; // issue 12's budget of 3000 for the dome, per side, with its inner face
  // A smooth dome 45 mm across: 0.25 mm off the ideal surface is under a pixel in any close-up.
  out.maxSimplifyError = 0.25f;
  out.box = domeBox(spec, right, 1.0f);
  const vec3 centre = domeCentre(spec, right);
  const auto drape = drapeUnder(spec, centre, obstacles, out.box);
  const Sdf moulded = carved(bareDome(spec, right, drape), obstacles, spec.clearance, 2.5f * out.step);
  const float curtainLevel = spec.membraneLowest + kCurtainAbove;
  const Sdf outer = [moulded, curtainLevel, centre, right](const vec3 &p) {
    const float d = moulded(p);
    if (p.y > curtainLevel + kCurtainRound)
      return d;
    // The dome's section at the curtain's level (eased), carried down and, in front and medially,
    // drawn inward.
    const float level = smax(p.y, curtainLevel, kCurtainRound);
    const float front = glm::smoothstep(kSlantFrom, kSlantTo, glm::dot(p - centre, kInletForward));
    const float medial = glm::smoothstep(kSlantFrom, kSlantTo, right ? p.x - centre.x : centre.x - p.x);
    const float section =
        moulded(vec3(p.x, level, p.z)) + kCurtainSlant * std::max(front, medial) * (level - p.y);
    return std::max(d, section);
  };
  const float step = out.step;
  out.sdf = [outer, centre, step](const vec3 &p) {
    const float d = outer(p);
    // The inner face is an offset of the outer one; where the outer face has a crease (two
    // neighbours' dents meeting), the offset folded over itself into a shredded patch inside the cup
    // (lecturer review, seventh pass). Near the inner face the distance is the mean of seven samples
    // kGradientStep mm apart, which fills such creases and leaves the broad curves as they are.
    float inside = -d - kPleuraWall;
    if (std::abs(inside) < 2.0f * step)
      inside = -sampledAround(outer, p, d, kGradientStep).mean - kPleuraWall;
    const float rim = -kRimBelowInlet - glm::dot(p - centre, kInletNormal);
    return smax(std::max(d, inside), rim, kRimRound);
  };
  // The rim's lowest point: the front of the ring, where the inlet's plane is lowest.
  const float low = centre.y - kRimBelowInlet / kInletNormal.y + spec.radii.z * kInletForward.y;
  out.box.min.y = std::max(out.box.min.y, low - 3.0f);
  return out;
}

BoneModel buildSuprapleuralMembrane(const PleuraSpec &spec, bool right,
                                    const std::vector<Obstacle> &obstacles) {
  BoneModel out;
  out.id = spec.membraneId;
  out.step = 0.45f;
  out.targetTriangles = 3000;   // issue 12's budget per membrane
  out.maxSimplifyError = 0.15f; // a third of its 0.45 mm grid: the most the step allows
  // A shell lying on the moulded dome (the pleura, already dented by what lies on it), so the
  // vessels that cross the dome lie on the membrane instead of cutting holes in it, and rising from
  // it as a tent to the transverse process of C7. The dome keeps `clearance` mm from its neighbours,
  // room for the membrane and a gap either side of it; it is moulded once by all its neighbours
  // together (carved), so the sheet follows one smooth surface (lecturer review, issue 12, fourth
  // pass), and laid out from the normalised distance so that it is of even thickness.
  const float band = 2.5f * out.step;
  const float inner = kMembraneGap, t = spec.membraneThickness;
  const auto drape = drapeUnder(spec, domeCentre(spec, right), obstacles, domeBox(spec, right, 1.0f));
  const float hi = inner + t + band;
  // Carved as far out as unitGradient's samples reach (kGradientStep beyond the sheet's outer face):
  // a sample taken where the carving stops saw the bare dome, and the sheet rippled with it.
  const Sdf dome = unitGradient(
      carved(bareDome(spec, right, drape), obstacles, spec.clearance, hi + kGradientStep + 1.0f), -band, hi);
  const vec3 apex = onSide(spec.apex, right);
  const vec3 lateral = onSide(vec3(1.0f, 0.0f, 0.0f), right);
  // The fan to C7: tied to the bones round the process, and cut short of every bone and muscle where
  // it rises from the dome.
  const vec3 tieNear = onSide(kFanTie, right);
  Bounds nearC7;
  nearC7.extend(tieNear - vec3(12.0f));
  nearC7.extend(tieNear + vec3(12.0f));
  std::vector<Obstacle> c7Bones;
  for (const Obstacle &o : obstacles)
    if (o.bone && overlaps(nearC7, o))
      c7Bones.push_back(o);
  const Sdf bone = [&c7Bones](const vec3 &p) { return nearestOf(c7Bones, p); };
  Fan fan = fanToProcess(dome, bone, inner + t * 0.5f, tieNear, lateral);
  fan.box.min -= vec3(kFanBlend + band + 1.0f);
  fan.box.max += vec3(kFanBlend + band + 1.0f);
  std::vector<Obstacle> solids;
  for (const Obstacle &o : obstacles)
    if (!o.tube && overlaps(fan.box, o))
      solids.push_back(o);
  // Down to the inner border of rib 1 all round, where it is attached (Gray's Anatomy 41st ed.): the
  // sheet stops at a plane parallel to the inlet's, membraneBelowApex mm under the apex along the
  // inlet's normal, just below the ring's own plane so that its edge meets the rib's inner border.
  // In front it goes no lower than membraneLowest (the front end of rib 1, where the ring of the
  // inlet is lowest and the cartilage turns down to the manubrium).
  const float below = spec.membraneBelowApex, lowest = spec.membraneLowest;
  const float apexAcross = glm::dot(apex, lateral);
  out.sdf = [dome, fan, solids, band, inner, t, apex, below, lowest, lateral, apexAcross](const vec3 &p) {
    const float overDome = dome(p);
    const float border = std::max(-below - glm::dot(p - apex, kInletNormal), lowest - p.y);
    // Toward its border the sheet stands a little further off the dome, so that the rounded edge
    // lies clear of the pleura's facets: at 0.6 mm they came through it along the seam as a row of
    // teeth (lecturer review, ninth pass). Its outer face comes no further out than the dome's
    // clearance; thinned instead, the edge was too thin for its grid and meshed with teeth itself.
    const float nearEdge = glm::smoothstep(-kEdgeLift, 0.0f, border);
    const float gap = inner + kEdgeGap * nearEdge;
    float sheet = std::abs(overDome - gap - t * 0.5f) - t * 0.5f;
    const bool byFan =
        !glm::any(glm::lessThan(p, fan.box.min)) && !glm::any(glm::greaterThan(p, fan.box.max));
    // The fillet under the fan would bulge through the sheet's inner face towards the pleura: nothing
    // of the fan lies under that face.
    if (byFan)
      sheet = std::max(smin(sheet, fan.distance(p) - t * 0.5f, kFanBlend), inner - overDome);
    // Medially the sheet stops where the dome turns down beside T1 and longus colli (there it goes on
    // as the prevertebral fascia): a plane kMedialReach mm medial of the apex.
    const float medial = apexAcross - kMedialReach - glm::dot(p, lateral);
    sheet = smax(smax(sheet, border, kBorderRound), medial, kBorderRound);
    if (byFan && sheet < band)
      for (const Obstacle &o : solids) {
        const vec3 outside = glm::max(glm::max(o.box.min - p, p - o.box.max), vec3(0.0f));
        if (glm::length(outside) < kBoneGap + band)
          sheet = std::max(sheet, kBoneGap - o.sdf(p));
      }
    return sheet;
  };
  out.box = domeBox(spec, right, inner + t + 1.0f);
  out.box.extend(fan.box.min);
  out.box.extend(fan.box.max);
  // The border's lowest point: the front of the ring, where the inlet's plane is lowest.
  const float low = apex.y - below / kInletNormal.y + spec.radii.z * kInletForward.y;
  out.box.min.y = std::max(out.box.min.y, low - 3.0f);
  return out;
}

} // namespace atlas::modelgen
