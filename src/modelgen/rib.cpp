#include "modelgen/rib.h"

#include "modelgen/tube.h"

#include <memory>

namespace atlas::modelgen {
namespace {

// Best-fit plane normal of a curve (Newell's method), turned to point upwards.
vec3 planeNormal(const std::vector<vec3> &points) {
  vec3 n(0.0f);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const vec3 &a = points[i], &b = points[(i + 1) % points.size()];
    n += vec3((a.y - b.y) * (a.z + b.z), (a.z - b.z) * (a.x + b.x), (a.x - b.x) * (a.y + b.y));
  }
  n = glm::length(n) > 0.0f ? glm::normalize(n) : vec3(0, 1, 0);
  return n.y < 0.0f ? -n : n;
}

// The swept bar: per centre-line sample, its frame and half sizes.
struct Sweep {
  std::vector<vec3> points, across, normal; // across: in the rib plane, normal: across the plane
  std::vector<vec2> half;                   // (half breadth, half thickness)
  Bounds box;

  float distance(const vec3 &p) const {
    float best = 1e9f;
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
      const vec3 a = points[i], ab = points[i + 1] - a;
      const float len2 = glm::dot(ab, ab);
      const float t = std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f);
      const vec3 c = a + ab * t;
      const vec3 q = p - c;
      const vec3 tangent = ab / std::sqrt(len2);
      const vec2 h = half[i] + (half[i + 1] - half[i]) * t;
      const vec3 across_ = glm::normalize(across[i] + (across[i + 1] - across[i]) * t);
      const vec3 normal_ = glm::normalize(normal[i] + (normal[i + 1] - normal[i]) * t);
      // Elliptic cross-section; the along-axis term only matters beyond the ends (rounded caps).
      const vec3 r(h.x, h.y, std::min(h.x, h.y));
      const vec3 local(glm::dot(q, across_), glm::dot(q, normal_), glm::dot(q, tangent));
      const float k0 = glm::length(local / r), k1 = glm::length(local / (r * r));
      best = std::min(best, k1 > 1e-9f ? k0 * (k0 - 1.0f) / k1 : -std::min(h.x, h.y));
    }
    return best;
  }
};

vec2 profileAt(const std::vector<vec3> &profile, float u) {
  if (profile.empty())
    return vec2(4.0f);
  if (u <= profile.front().x)
    return vec2(profile.front().y, profile.front().z) * 0.5f;
  for (std::size_t i = 1; i < profile.size(); ++i)
    if (u <= profile[i].x) {
      const float t = (u - profile[i - 1].x) / std::max(profile[i].x - profile[i - 1].x, 1e-6f);
      return (vec2(profile[i - 1].y, profile[i - 1].z) * (1.0f - t) + vec2(profile[i].y, profile[i].z) * t) *
             0.5f;
    }
  return vec2(profile.back().y, profile.back().z) * 0.5f;
}

} // namespace

RibModel buildSwept(const SweptSpec &spec, float step, std::size_t targetTriangles) {
  RibModel out;
  out.centre = smoothCurve(spec.centreline, 2.0f);
  out.arcLength = polylineLength(out.centre) + spec.headRadius; // from the end of the head
  auto sweep = std::make_shared<Sweep>();
  sweep->points = out.centre;
  const vec3 n = planeNormal(spec.centreline);
  float walked = 0.0f;
  for (std::size_t i = 0; i < out.centre.size(); ++i) {
    if (i > 0)
      walked += glm::length(out.centre[i] - out.centre[i - 1]);
    const vec3 t =
        glm::normalize(out.centre[std::min(i + 1, out.centre.size() - 1)] - out.centre[i > 0 ? i - 1 : 0]);
    const vec3 across = glm::normalize(glm::cross(n, t));
    sweep->across.push_back(across);
    sweep->normal.push_back(glm::normalize(glm::cross(t, across)));
    sweep->half.push_back(profileAt(spec.profile, walked / out.arcLength));
    const float r = std::max(sweep->half.back().x, sweep->half.back().y) + 4.0f;
    sweep->box.extend(out.centre[i] - vec3(r));
    sweep->box.extend(out.centre[i] + vec3(r));
  }

  // Features, each placed at the nearest centre-line sample of its landmark.
  struct Feature {
    std::string type;
    vec3 centre, axis;
    vec3 radii;
    float depth;
  };
  std::vector<Feature> features;
  for (const RibFeatureSpec &f : spec.features) {
    auto it = spec.landmarks.find(f.at);
    if (it == spec.landmarks.end())
      continue;
    std::size_t nearest = 0;
    for (std::size_t i = 0; i < out.centre.size(); ++i)
      if (glm::length(out.centre[i] - it->second) < glm::length(out.centre[nearest] - it->second))
        nearest = i;
    Feature feature{f.type, it->second, sweep->across[nearest], f.radii, f.depth};
    if (f.type == "groove") {
      // A trough across the upper surface: the cutting capsule lies across the rib, above the top.
      const float top = sweep->half[nearest].y;
      feature.centre = out.centre[nearest] + sweep->normal[nearest] * (top + f.radii.x - f.depth);
    }
    features.push_back(feature);
  }
  const vec3 head = spec.centreline.front();
  const float headRadius = spec.headRadius;
  out.bone.id = spec.id;
  out.bone.sdf = [sweep, features, head, headRadius](const vec3 &p) {
    float d = sweep->distance(p);
    if (headRadius > 0.0f)
      d = smin(d, sdSphere(p, head, headRadius), 2.0f);
    for (const Feature &f : features) {
      if (f.type == "bump")
        d = smin(d, sdEllipsoid(p, f.centre, f.radii), 1.5f);
      else if (f.type == "groove")
        d = subtract(d, sdCapsule(p, f.centre - f.axis * 14.0f, f.centre + f.axis * 14.0f, f.radii.x), 1.0f);
    }
    return d;
  };
  out.bone.box = sweep->box;
  out.bone.step = step;
  out.bone.targetTriangles = targetTriangles;
  for (const auto &[name, p] : spec.landmarks)
    out.bone.landmarks[spec.id + "." + name] = p;
  return out;
}

BoneModel buildManubrium(const ManubriumSpec &spec) {
  BoneModel out;
  out.id = "manubrium";
  const vec3 axis = spec.top - spec.bottom;
  Frame frame;
  frame.origin = (spec.top + spec.bottom) * 0.5f;
  frame.setAngle(std::atan2(axis.z, axis.y));
  const float halfLength = glm::length(axis) * 0.5f;
  const ManubriumSpec s = spec;
  out.sdf = [frame, halfLength, s](const vec3 &world) {
    const vec3 p = frame.toLocal(world);
    // A trapezoid plate: wide at the clavicular notches, narrow at the sternal angle.
    const float t = std::clamp((p.y + halfLength) / (2.0f * halfLength), 0.0f, 1.0f);
    const float halfWidth = 0.5f * (s.bottomWidth + (s.topWidth - s.bottomWidth) * t);
    float d = sdRoundBox(vec3(p.x * (s.topWidth * 0.5f) / halfWidth, p.y, p.z), vec3(0.0f),
                         vec3(s.topWidth * 0.5f, halfLength, s.thickness * 0.5f), 3.0f);
    d *= halfWidth / (s.topWidth * 0.5f);
    d = subtract(d, sdSphere(p, vec3(0, halfLength + 3.0f, 0), 7.0f), 1.0f); // jugular notch
    const vec3 q(std::abs(p.x), p.y, p.z);
    d = subtract(d, sdSphere(q, vec3(s.topWidth * 0.5f, halfLength + 1.0f, 0), 6.5f),
                 1.0f); // clavicular notch
    return d;
  };
  for (float x : {-30.0f, 30.0f})
    for (float y : {-halfLength - 5.0f, halfLength + 5.0f})
      for (float z : {-10.0f, 10.0f})
        out.box.extend(frame.toWorld(vec3(x, y, z)));
  out.step = 0.5f;
  out.targetTriangles = 5000;
  return out;
}

} // namespace atlas::modelgen
