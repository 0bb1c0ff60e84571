// Signed-distance building blocks (millimetres): primitives, smooth Boolean operations and a rigid
// frame. Every bone, disc, muscle and footprint of the model is a composition of these functions.
#pragma once

#include "scene/bounds.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <glm/glm.hpp>

namespace atlas::modelgen {

using glm::vec2;
using glm::vec3;

// A signed distance (negative inside) in millimetres, for a point in millimetres.
using Sdf = std::function<float(const vec3 &)>;

constexpr float kPi = 3.14159265358979f;
inline float radians(float degrees) {
  return degrees * kPi / 180.0f;
}

inline float sdSphere(const vec3 &p, const vec3 &c, float r) {
  return glm::length(p - c) - r;
}

inline float sdCapsule(const vec3 &p, const vec3 &a, const vec3 &b, float r) {
  const vec3 pa = p - a, ba = b - a;
  const float h = std::clamp(glm::dot(pa, ba) / std::max(glm::dot(ba, ba), 1e-12f), 0.0f, 1.0f);
  return glm::length(pa - ba * h) - r;
}

// Capsule whose radius changes linearly from ra at a to rb at b (a close bound, not exact).
inline float sdRoundCone(const vec3 &p, const vec3 &a, const vec3 &b, float ra, float rb) {
  const vec3 pa = p - a, ba = b - a;
  const float h = std::clamp(glm::dot(pa, ba) / std::max(glm::dot(ba, ba), 1e-12f), 0.0f, 1.0f);
  return glm::length(pa - ba * h) - (ra + (rb - ra) * h);
}

// Axis-aligned ellipsoid with semi-axes r around c (bound by Inigo Quilez's two-gradient estimate).
inline float sdEllipsoid(const vec3 &p, const vec3 &c, const vec3 &r) {
  const vec3 q = p - c;
  const float k0 = glm::length(q / r);
  const float k1 = glm::length(q / (r * r));
  if (k1 < 1e-9f)
    return -std::min(r.x, std::min(r.y, r.z));
  return k0 * (k0 - 1.0f) / k1;
}

// Axis-aligned box of half extents `half` around c, edges rounded by `round`.
inline float sdRoundBox(const vec3 &p, const vec3 &c, const vec3 &half, float round) {
  const vec3 q = glm::abs(p - c) - (half - vec3(round));
  return glm::length(glm::max(q, vec3(0.0f))) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f) - round;
}

// The intersection of two distances, its edge rounded by `round`: w holds both, each already moved
// in by `round`. From a rectangle's sides, a rounded rectangle; from a profile's distance and a depth,
// a rounded extrusion (the manubrium, the sternal body).
inline float roundedIntersection(const vec2 &w, float round) {
  return glm::length(glm::max(w, vec2(0.0f))) + std::min(std::max(w.x, w.y), 0.0f) - round;
}

// 2-D rounded rectangle of half extents `half` (corner radius `round`).
inline float sdRoundRect(const vec2 &p, const vec2 &half, float round) {
  return roundedIntersection(glm::abs(p) - (half - vec2(round)), round);
}

// Half-space below the plane through `point` with outward normal n (unit).
inline float sdPlane(const vec3 &p, const vec3 &point, const vec3 &n) {
  return glm::dot(p - point, n);
}

// Polynomial smooth minimum / maximum with blend radius k (mm).
inline float smin(float a, float b, float k) {
  if (k <= 0.0f)
    return std::min(a, b);
  const float h = std::clamp(0.5f + 0.5f * (b - a) / k, 0.0f, 1.0f);
  return b + (a - b) * h - k * h * (1.0f - h);
}
inline float smax(float a, float b, float k) {
  return -smin(-a, -b, k);
}
inline float subtract(float from, float cut, float k) {
  return smax(from, -cut, k);
}

// Rigid frame rotated about +X by `angle` (radians) and moved to `origin`: local +Y is the vertebral
// axis, local +Z anterior. A positive angle tips the anterior side down (the endplate slope of §1.1).
struct Frame {
  vec3 origin{0.0f};

  float angle() const { return angle_; }
  void setAngle(float radians) {
    angle_ = radians;
    cos_ = std::cos(radians);
    sin_ = std::sin(radians);
  }
  vec3 toLocal(const vec3 &world) const {
    const vec3 q = world - origin;
    return {q.x, q.y * cos_ + q.z * sin_, -q.y * sin_ + q.z * cos_};
  }
  vec3 toWorld(const vec3 &local) const {
    return origin + vec3(local.x, local.y * cos_ - local.z * sin_, local.y * sin_ + local.z * cos_);
  }
  vec3 directionToWorld(const vec3 &d) const { return toWorld(d) - origin; }
  // The world bounds of the local box [lo, hi]: its eight corners carried into the world.
  Bounds worldBounds(const vec3 &lo, const vec3 &hi) const {
    Bounds out;
    for (float x : {lo.x, hi.x})
      for (float y : {lo.y, hi.y})
        for (float z : {lo.z, hi.z})
          out.extend(toWorld(vec3(x, y, z)));
    return out;
  }

private:
  float angle_ = 0.0f, cos_ = 1.0f, sin_ = 0.0f; // cached: the distance functions call these per sample
};

// Numerical gradient (unit length) of an SDF, for projecting points onto its surface.
inline vec3 sdfGradient(const Sdf &f, const vec3 &p, float h = 0.05f) {
  const vec3 g(f(p + vec3(h, 0, 0)) - f(p - vec3(h, 0, 0)), f(p + vec3(0, h, 0)) - f(p - vec3(0, h, 0)),
               f(p + vec3(0, 0, h)) - f(p - vec3(0, 0, h)));
  const float len = glm::length(g);
  return len > 0.0f ? g / len : vec3(0.0f, 1.0f, 0.0f);
}

// Moves p onto the zero surface of f by a few Newton steps along the gradient.
inline vec3 projectToSurface(const Sdf &f, vec3 p) {
  for (int i = 0; i < 12; ++i)
    p -= sdfGradient(f, p) * f(p);
  return p;
}

} // namespace atlas::modelgen
