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

// The bare dome: the top half of an ellipsoid whose top is the apex, continued straight down as an
// elliptic cylinder to the floor.
Sdf bareDome(const PleuraSpec &spec, bool right) {
  const vec3 r = spec.radii;
  const vec3 centre = apexOn(spec, right) - vec3(0.0f, r.y, 0.0f);
  const float floor = spec.floor;
  return [r, centre, floor](const vec3 &world) {
    const vec3 p = world - centre;
    const float wall = p.y > 0.0f ? sdEllipsoid(p, r) : sdEllipse(vec2(p.x, p.z), vec2(r.x, r.z));
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
      d = std::max(d, clearance - o.sdf(p));
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
  out.step = 1.2f;
  out.targetTriangles = 3000; // issue 12's budget for the dome, per side
  out.sdf = carved(bareDome(spec, right), obstacles, spec.clearance, 2.5f * out.step);
  out.box = domeBox(spec, right, 1.0f);
  return out;
}

BoneModel buildSuprapleuralMembrane(const PleuraSpec &spec, bool right,
                                    const std::vector<Obstacle> &obstacles) {
  BoneModel out;
  out.id = spec.membraneId;
  out.step = 0.5f;
  out.targetTriangles = 1500;
  // A shell just outside the bare dome, kept off the pleura itself by a further gap.
  const Sdf dome = bareDome(spec, right);
  const float inner = spec.clearance + 0.4f, t = spec.membraneThickness;
  const float cut = apexOn(spec, right).y - spec.membraneBelowApex;
  const Sdf sheet = [dome, inner, t, cut](const vec3 &p) {
    const float d = dome(p);
    return std::max(std::abs(d - inner - t * 0.5f) - t * 0.5f, cut - p.y);
  };
  out.sdf = carved(sheet, obstacles, spec.clearance, 2.5f * out.step);
  out.box = domeBox(spec, right, inner + t + 1.0f);
  out.box.min.y = cut - 1.0f;
  return out;
}

} // namespace atlas::modelgen
