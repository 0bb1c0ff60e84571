#include "modelgen/muscle_band.h"

#include <algorithm>

namespace atlas::modelgen {
namespace {

// Centripetal Catmull-Rom (Barry-Goldman): no loops or overshoot where control spacing is uneven,
// as where a 1.5 mm stub inside the bone meets a 40 mm slip.
vec3 catmullRom(const vec3 &p0, const vec3 &p1, const vec3 &p2, const vec3 &p3, float t) {
  auto knot = [](const vec3 &a, const vec3 &b) { return std::max(std::sqrt(glm::length(b - a)), 1e-3f); };
  const float t0 = 0.0f, t1 = t0 + knot(p0, p1), t2 = t1 + knot(p1, p2), t3 = t2 + knot(p2, p3);
  const float u = t1 + (t2 - t1) * t;
  const vec3 a1 = (t1 - u) / (t1 - t0) * p0 + (u - t0) / (t1 - t0) * p1;
  const vec3 a2 = (t2 - u) / (t2 - t1) * p1 + (u - t1) / (t2 - t1) * p2;
  const vec3 a3 = (t3 - u) / (t3 - t2) * p2 + (u - t2) / (t3 - t2) * p3;
  const vec3 b1 = (t2 - u) / (t2 - t0) * a1 + (u - t0) / (t2 - t0) * a2;
  const vec3 b2 = (t3 - u) / (t3 - t1) * a2 + (u - t1) / (t3 - t1) * a3;
  return (t2 - u) / (t2 - t1) * b1 + (u - t1) / (t2 - t1) * b2;
}

// Approximate distance to an ellipse of half axes r (Inigo Quilez's two-gradient bound).
float sdEllipse2(const vec2 &q, const vec2 &r) {
  const float k0 = glm::length(q / r);
  const float k1 = glm::length(q / (r * r));
  if (k1 < 1e-9f)
    return -std::min(r.x, r.y);
  return k0 * (k0 - 1.0f) / k1;
}

} // namespace

void MuscleBand::updateBox() {
  box = Bounds{};
  float pad = 0.0f;
  for (const vec2 &h : half)
    pad = std::max(pad, std::max(h.x, h.y));
  for (const vec3 &c : centre) {
    box.extend(c - vec3(pad + 0.5f));
    box.extend(c + vec3(pad + 0.5f));
  }
}

MuscleBand sweepBand(const std::vector<BandControl> &controls, float spacing) {
  MuscleBand band;
  const std::size_t n = controls.size();
  auto at = [&](std::ptrdiff_t i) {
    if (i < 0)
      return controls[0].at * 2.0f - controls[1].at;
    if (i >= static_cast<std::ptrdiff_t>(n))
      return controls[n - 1].at * 2.0f - controls[n - 2].at;
    return controls[static_cast<std::size_t>(i)].at;
  };
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const auto k = static_cast<std::ptrdiff_t>(i);
    const float length = glm::length(controls[i + 1].at - controls[i].at);
    const int steps = std::max(2, static_cast<int>(std::ceil(length / spacing)));
    const bool last = i + 2 == n;
    for (int s = 0; s < steps + (last ? 1 : 0); ++s) {
      const float t = static_cast<float>(s) / static_cast<float>(steps);
      const BandControl &a = controls[i], &b = controls[i + 1];
      band.centre.push_back(catmullRom(at(k - 1), at(k), at(k + 1), at(k + 2), t));
      band.half.push_back((a.section + (b.section - a.section) * t) * 0.5f);
      band.width.push_back(a.broad + (b.broad - a.broad) * t); // made perpendicular below
      band.tendon.push_back(a.tendon + (b.tendon - a.tendon) * t);
    }
  }
  const std::size_t m = band.centre.size();
  band.tangent.resize(m);
  band.thickness.resize(m);
  band.arc.assign(m, 0.0f);
  for (std::size_t i = 0; i < m; ++i) {
    const vec3 d = band.centre[std::min(i + 1, m - 1)] - band.centre[i > 0 ? i - 1 : 0];
    const vec3 t = glm::normalize(d);
    band.tangent[i] = t;
    vec3 w = band.width[i] - t * glm::dot(band.width[i], t);
    if (glm::length(w) < 1e-4f)
      w = glm::cross(t, vec3(0.0f, 1.0f, 0.0f));
    band.width[i] = glm::normalize(w);
    band.thickness[i] = glm::normalize(glm::cross(t, band.width[i]));
    if (i > 0)
      band.arc[i] = band.arc[i - 1] + glm::length(band.centre[i] - band.centre[i - 1]);
  }
  band.updateBox();
  return band;
}

std::size_t sampleAt(const MuscleBand &band, float arc) {
  std::size_t best = 0;
  for (std::size_t i = 0; i < band.arc.size(); ++i)
    if (std::abs(band.arc[i] - arc) < std::abs(band.arc[best] - arc))
      best = i;
  return best;
}

float boxDistance(const Bounds &box, const vec3 &p) {
  const vec3 gap = glm::max(box.min - p, glm::max(p - box.max, vec3(0.0f)));
  return glm::length(gap);
}

BandHit bandAt(const MuscleBand &band, const vec3 &p) {
  const std::size_t m = band.centre.size();
  std::size_t seg = 0;
  float h = 0.0f, best = 1e30f;
  for (std::size_t i = 0; i + 1 < m; ++i) {
    const vec3 a = band.centre[i], ab = band.centre[i + 1] - a, ap = p - a;
    const float t = std::clamp(glm::dot(ap, ab) / std::max(glm::dot(ab, ab), 1e-12f), 0.0f, 1.0f);
    const vec3 e = ap - ab * t;
    const float d2 = glm::dot(e, e);
    if (d2 < best) {
      best = d2;
      seg = i;
      h = t;
    }
  }
  auto mix = [h](const auto &x, const auto &y) { return x + (y - x) * h; };
  const vec3 c = mix(band.centre[seg], band.centre[seg + 1]);
  const vec3 t = glm::normalize(mix(band.tangent[seg], band.tangent[seg + 1]));
  const vec3 w = glm::normalize(mix(band.width[seg], band.width[seg + 1]));
  const vec3 n = glm::normalize(mix(band.thickness[seg], band.thickness[seg + 1]));
  const vec2 r = glm::max(mix(band.half[seg], band.half[seg + 1]), vec2(0.2f));
  const float tendon = mix(band.tendon[seg], band.tendon[seg + 1]);
  const vec3 q = p - c;
  const vec2 uv(glm::dot(q, w), glm::dot(q, n));
  // Bellies are a little squarer than an oval (flattened against their neighbours); tendons are flat
  // ellipses: a rounded rectangle read as a plank (lecturer review, issue 12, fourth pass; REFERENCE
  // §4.3: slip tendons about 5-6 mm wide and 1.5-2 mm thick).
  const float square = 0.3f * (1.0f - tendon);
  const float oval = sdEllipse2(uv, r);
  const float flat = sdRoundRect(uv, r, std::min(r.x, r.y) * 0.95f);
  float d = oval + (flat - oval) * square;
  const float along = glm::dot(q, t);
  if (seg == 0 && h <= 0.0f && along < 0.0f)
    d = std::max(d, -along);
  if (seg + 2 == m && h >= 1.0f && along > 0.0f)
    d = std::max(d, along);
  return {d, t, tendon, uv / r, r};
}

namespace {

// Arc length along the ellipse (a sin u, b cos u) from u = 0 to `angle` (0..pi), by Simpson's rule.
float ellipseArc(float angle, float a, float b) {
  constexpr int kSteps = 16; // even
  const float h = angle / kSteps;
  auto speed = [a, b](float u) {
    return std::sqrt(a * a * std::cos(u) * std::cos(u) + b * b * std::sin(u) * std::sin(u));
  };
  float sum = speed(0.0f) + speed(angle);
  for (int i = 1; i < kSteps; ++i)
    sum += (i % 2 ? 4.0f : 2.0f) * speed(h * static_cast<float>(i));
  return sum * h / 3.0f;
}

} // namespace

float fibreCoordinate(const MuscleBand &band, const BandHit &hit, float period) {
  // The angle round the section from the superficial side (+-pi on the deep side), measured on the
  // section scaled to a circle: the eccentric angle of an ellipse through p.
  const float angle = std::atan2(hit.section.x, -band.deepSide * hit.section.y);
  // As a share of the perimeter, so that lines lie evenly round a flat section (by angle alone they
  // would crowd on its edges by the ratio of width to thickness).
  const float a = hit.half.x, b = hit.half.y;
  const float share =
      std::copysign(ellipseArc(std::abs(angle), a, b), angle) / (2.0f * ellipseArc(kPi, a, b));
  return share * static_cast<float>(band.fibreLines) * period;
}

int fibreLinesFor(const MuscleBand &band, float period) {
  // Over the fleshy samples where there are any: the tendon's fibres are the belly's, crowded together
  // as it narrows into it.
  std::vector<float> perimeters;
  for (bool fleshyOnly : {true, false}) {
    for (std::size_t i = 0; i < band.half.size(); ++i)
      if (!fleshyOnly || band.tendon[i] < 0.5f)
        perimeters.push_back(2.0f *
                             ellipseArc(kPi, std::max(band.half[i].x, 0.2f), std::max(band.half[i].y, 0.2f)));
    if (!perimeters.empty())
      break;
  }
  if (perimeters.empty())
    return 1;
  std::nth_element(perimeters.begin(), perimeters.begin() + perimeters.size() / 2, perimeters.end());
  return std::max(1, static_cast<int>(std::lround(perimeters[perimeters.size() / 2] / period)));
}

} // namespace atlas::modelgen
