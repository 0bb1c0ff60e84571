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

vec3 apexOn(const PleuraSpec &spec, bool right) {
  return right ? vec3(-spec.apex.x, spec.apex.y, spec.apex.z) : spec.apex;
}

// Round-off (mm) where a neighbour moulds the dome or the membrane: a broad soft dent (the groove of
// the subclavian artery on the apex of the lung), not a crumple. 6 mm left a crease where the thin
// internal thoracic artery runs down the dome's front (lecturer review, issue 12, fourth pass); a
// wider round-off only carves more (smax never undercuts max), so every clearance still holds.
constexpr float kMould = 8.0f;
// Round-off (mm) where two neighbours' clearances meet: softens the ridge between two dents.
constexpr float kNeighbourBlend = 2.0f;
// The membrane lies this far (mm) off the pleura; with its thickness, less than the pleura's
// clearance, so it stays clear of whatever lies on the dome.
constexpr float kMembraneGap = 0.4f;
// The inner border of rib 1, where the membrane is attached, falls about 0.85 mm per mm from the
// rib's neck in the back (Y -22 at Z -12.5, rib1.head) to its front (Y -45 to -48 at Z about 15;
// REFERENCE.md section 3 points as modelled in ribs.json).
constexpr float kRibBorderSlope = 0.85f;
// Round-offs (mm) of the cut edges: the dome's hem at the floor and the membrane's border. A sharp
// cut meshed on a 1.5 mm (dome) or 0.45 mm (membrane) grid showed as a ragged hem (lecturer review,
// issue 12); a rim rounded over a few grid steps meshes as a clean edge.
constexpr float kHemRound = 4.0f;
constexpr float kBorderRound = 1.0f;

// The bare dome: the top of a tall ellipsoid (half axes radii; the height radii.y reaches below the
// floor), so the apex of the lung is a rounded cone that keeps widening smoothly downward into the
// thorax, with no waist, no cylinder and no rim (Gray's Anatomy 41st ed., pleura), closed off flat at
// the floor, hidden inside the ring of rib 2 and behind the manubrium.
Sdf bareDome(const PleuraSpec &spec, bool right) {
  const vec3 r = spec.radii;
  const vec3 centre = apexOn(spec, right) - vec3(0.0f, r.y, 0.0f);
  const float floor = spec.floor;
  return [r, centre, floor](const vec3 &world) {
    return smax(sdEllipsoid(world - centre, r), floor - world.y, kHemRound);
  };
}

// `shape` kept `clearance` mm away from each obstacle. Far from the shape's surface the obstacles
// are not evaluated (they cannot change the sign there), which keeps meshing fast.
Sdf carved(Sdf shape, std::vector<Obstacle> obstacles, float clearance, float band) {
  return [shape = std::move(shape), obstacles = std::move(obstacles), clearance, band](const vec3 &p) {
    float d = shape(p);
    if (d > band)
      return d;
    // The neighbours are joined first, with a small round-off, and the dome is moulded once by what
    // they make together: moulding it by each in turn added a round-off per neighbour, and where five
    // or six meet over the apex (the rami, the trunks, the arteries) that carved the dome down by
    // 12 mm and left the membrane standing over it as a lump (lecturer review, issue 12).
    float around = -1e9f;
    for (const Obstacle &o : obstacles) {
      if (glm::any(glm::lessThan(p, o.box.min - vec3(band + clearance))) ||
          glm::any(glm::greaterThan(p, o.box.max + vec3(band + clearance))))
        continue;
      const float keep = clearance - o.sdf(p);
      around = around < -1e8f ? keep : smax(around, keep, kNeighbourBlend);
    }
    return around < -1e8f ? d : smax(d, around, kMould);
  };
}

Bounds domeBox(const PleuraSpec &spec, bool right, float pad) {
  const vec3 apex = apexOn(spec, right);
  Bounds box;
  box.extend(vec3(apex.x - spec.radii.x - pad, spec.floor - pad, apex.z - spec.radii.z - pad));
  box.extend(vec3(apex.x + spec.radii.x + pad, apex.y + pad, apex.z + spec.radii.z + pad));
  return box;
}

} // namespace

Obstacle tubeObstacle(const std::vector<glm::vec3> &curve, float radius) {
  Obstacle o;
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
  out.step = 1.5f;
  out.targetTriangles = 3000; // issue 12's budget for the dome, per side
  // A smooth dome 45 mm across: 0.35 mm off the ideal surface is under a pixel in any close-up.
  out.maxSimplifyError = 0.35f;
  out.sdf = carved(bareDome(spec, right), obstacles, spec.clearance, 2.5f * out.step);
  out.box = domeBox(spec, right, 1.0f);
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
  // vessels that cross the dome lie on the membrane instead of cutting holes in it. The pleura keeps
  // `clearance` mm from its neighbours, room for the membrane and a gap either side of it. The dome
  // is moulded once by all its neighbours together (carved), so the sheet follows one smooth surface:
  // moulded by each in turn, the round-offs added up over the apex into a lump with a hole (lecturer
  // review, issue 12, fourth pass).
  const float band = 2.5f * out.step;
  const float inner = kMembraneGap, t = spec.membraneThickness;
  const Sdf pleura = carved(bareDome(spec, right), obstacles, spec.clearance, band + spec.clearance);
  // Down to the inner border of rib 1: membraneBelowApex mm below the apex at the apex's own depth,
  // higher behind and lower in front as the rib's border falls.
  const vec3 apex = apexOn(spec, right);
  const float cut = apex.y - spec.membraneBelowApex;
  const float bottom = cut - kRibBorderSlope * spec.radii.z;
  const Sdf sheet = [pleura, inner, t, cut, apex](const vec3 &p) {
    const float d = pleura(p);
    const float border = cut - kRibBorderSlope * (p.z - apex.z);
    // Divided by about the sloping plane's gradient length, sqrt(1 + 0.85^2), to stay a distance.
    return smax(std::abs(d - inner - t * 0.5f) - t * 0.5f, (border - p.y) / 1.3f, kBorderRound);
  };
  out.sdf = sheet;
  out.box = domeBox(spec, right, inner + t + 1.0f);
  out.box.min.y = std::max(out.box.min.y, bottom - 1.0f);
  return out;
}

} // namespace atlas::modelgen
