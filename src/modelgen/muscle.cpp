#include "modelgen/muscle.h"

#include <vector>

namespace atlas::modelgen {

BoneModel buildMuscle(const MuscleSpec &spec, const LandmarkResolver &resolve) {
  struct Cone {
    vec3 a, b;
    float ra, rb;
  };
  std::vector<Cone> slips, belly;
  std::vector<vec3> bellyPoints;
  std::vector<float> bellyRadii;
  for (const MusclePointSpec &p : spec.belly) {
    bellyPoints.push_back(resolve(p.at));
    bellyRadii.push_back(p.radius);
  }
  for (const MusclePointSpec &s : spec.slips)
    slips.push_back({resolve(s.at), bellyPoints.front(), s.radius, bellyRadii.front() * 0.8f});
  for (std::size_t i = 0; i + 1 < bellyPoints.size(); ++i)
    belly.push_back({bellyPoints[i], bellyPoints[i + 1], bellyRadii[i], bellyRadii[i + 1]});
  for (const MusclePointSpec &e : spec.insertion)
    slips.push_back({bellyPoints.back(), resolve(e.at), bellyRadii.back(), e.radius});
  const vec3 broad =
      glm::length(spec.broadAxis) > 0.0f ? glm::normalize(spec.broadAxis) * spec.halfWidth : vec3(0.0f);

  BoneModel out;
  out.id = spec.id;
  out.sdf = [slips, belly, broad](const vec3 &p) {
    float d = 1e9f;
    for (const Cone &c : slips)
      d = smin(d, sdRoundCone(p, c.a, c.b, c.ra, c.rb), 3.0f);
    // The belly twice, side by side along its broad axis, so that it is a strap rather than a rope.
    for (const Cone &c : belly) {
      d = smin(d, sdRoundCone(p, c.a + broad, c.b + broad, c.ra, c.rb), 3.0f);
      d = smin(d, sdRoundCone(p, c.a - broad, c.b - broad, c.ra, c.rb), 3.0f);
    }
    return d;
  };
  const float pad = glm::length(broad) + 8.0f;
  for (const Cone &c : slips) {
    out.box.extend(c.a - vec3(pad));
    out.box.extend(c.a + vec3(pad));
    out.box.extend(c.b - vec3(pad));
    out.box.extend(c.b + vec3(pad));
  }
  for (const Cone &c : belly) {
    out.box.extend(c.a - vec3(pad));
    out.box.extend(c.a + vec3(pad));
    out.box.extend(c.b - vec3(pad));
    out.box.extend(c.b + vec3(pad));
  }
  out.step = 0.7f;
  out.targetTriangles = 6000;
  return out;
}

BoneModel buildFootprint(const std::string &id, const Sdf &bone, const glm::vec3 &site,
                         const glm::vec3 &along, const glm::vec2 &size, const glm::vec2 &layer) {
  BoneModel out;
  out.id = id;
  const vec3 centre = projectToSurface(bone, site);
  const vec3 normal = sdfGradient(bone, centre);
  // The long axis, made tangent to the bone surface.
  vec3 axis = along - normal * glm::dot(along, normal);
  axis = glm::length(axis) > 1e-4f ? glm::normalize(axis) : glm::normalize(glm::cross(normal, vec3(1, 0, 0)));
  const float ra = size.x * 0.5f, rb = size.y * 0.5f;
  const float mid = 0.5f * (layer.x + layer.y), half = 0.5f * (layer.y - layer.x);
  out.sdf = [bone, centre, axis, ra, rb, mid, half](const vec3 &p) {
    const vec3 q = p - centre;
    const float u = glm::dot(q, axis);
    const float v = glm::length(q - axis * u);
    const float region = (glm::length(vec2(u / ra, v / rb)) - 1.0f) * std::min(ra, rb);
    return std::max(std::abs(bone(p) - mid) - half, region);
  };
  const float r = std::max(ra, rb) + 1.5f;
  out.box.extend(centre - vec3(r));
  out.box.extend(centre + vec3(r));
  out.step = std::max(ra, rb) > 5.0f ? 0.2f : 0.12f;
  out.targetTriangles = std::max(ra, rb) > 5.0f ? 900 : 400;
  out.landmarks["centre"] = centre;
  return out;
}

} // namespace atlas::modelgen
