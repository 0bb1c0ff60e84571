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
float sdEllipse(const vec2 &p, const vec2 &r) {
  const float k0 = glm::length(p / r), k1 = glm::length(p / (r * r));
  return k1 > 1e-6f ? k0 * (k0 - 1.0f) / k1 : -std::min(r.x, r.y);
}

vec3 apexOn(const PleuraSpec &spec, bool right) {
  return right ? vec3(-spec.apex.x, spec.apex.y, spec.apex.z) : spec.apex;
}

// How far the dome's wall flares out below its widest level, as a fraction of its radii per
// radius-height: the apex of the lung widens down and out along the inside of rib 1 into the
// thorax (Gray's Anatomy 41st ed., pleura), it does not drop as a cylinder.
constexpr float kFlare = 0.35f;
// Round-off (mm) where a neighbour moulds the dome or the membrane: a soft dent, not a cut.
constexpr float kMould = 4.0f;
// The membrane lies this far (mm) off the pleura; with its thickness, less than the pleura's
// clearance, so it stays clear of whatever lies on the dome.
constexpr float kMembraneGap = 0.3f;

// The bare dome: an egg's top whose highest point is the apex, its radii reached radii.y mm lower,
// then flaring out gently to the floor where it is closed off.
Sdf bareDome(const PleuraSpec &spec, bool right) {
  const vec3 r = spec.radii;
  const vec3 centre = apexOn(spec, right) - vec3(0.0f, r.y, 0.0f);
  const float floor = spec.floor;
  return [r, centre, floor](const vec3 &world) {
    const vec3 p = world - centre;
    float wall;
    if (p.y > 0.0f) {
      wall = sdEllipsoid(p, r);
    } else {
      const float grow = 1.0f + kFlare * (-p.y) / r.y;
      // The slope of the wall shortens the true distance by about 1 / sqrt(1 + slope^2).
      const float slope = kFlare * std::max(r.x, r.z) / r.y;
      wall = sdEllipse(vec2(p.x, p.z), vec2(r.x, r.z) * grow) / std::sqrt(1.0f + slope * slope);
    }
    return std::max(wall, floor - world.y);
  };
}

// `shape` kept `clearance` mm away from each obstacle. Far from the shape's surface the obstacles
// are not evaluated (they cannot change the sign there), which keeps meshing fast.
Sdf carved(Sdf shape, std::vector<Obstacle> obstacles, float clearance, float band) {
  return [shape = std::move(shape), obstacles = std::move(obstacles), clearance, band](const vec3 &p) {
    float d = shape(p);
    if (d > band)
      return d;
    for (const Obstacle &o : obstacles) {
      if (glm::any(glm::lessThan(p, o.box.min - vec3(band + clearance))) ||
          glm::any(glm::greaterThan(p, o.box.max + vec3(band + clearance))))
        continue;
      d = smax(d, clearance - o.sdf(p), kMould);
    }
    return d;
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
  out.step = 0.6f;
  out.targetTriangles = 3000;   // issue 12's budget per membrane
  out.maxSimplifyError = 0.15f; // a quarter of its 0.6 mm grid: the most the step allows
  // A shell lying on the moulded dome (the pleura, already dented by what lies on it), so the
  // vessels that cross the dome lie on the membrane instead of cutting holes in it. The pleura keeps
  // `clearance` mm from its neighbours, room for the membrane and a gap either side of it.
  const float band = 2.5f * out.step;
  const Sdf dome = carved(bareDome(spec, right), obstacles, spec.clearance, band + spec.clearance);
  const float inner = kMembraneGap, t = spec.membraneThickness;
  const float cut = apexOn(spec, right).y - spec.membraneBelowApex;
  const Sdf sheet = [dome, inner, t, cut](const vec3 &p) {
    const float d = dome(p);
    return std::max(std::abs(d - inner - t * 0.5f) - t * 0.5f, cut - p.y);
  };
  // Not carved again: lying on the moulded pleura, inside its clearance, it already keeps clear of
  // its neighbours, and a second cut only punched holes where the vessels cross.
  out.sdf = sheet;
  out.box = domeBox(spec, right, inner + t + 1.0f);
  out.box.min.y = cut - 1.0f;
  return out;
}

} // namespace atlas::modelgen
