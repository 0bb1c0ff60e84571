#include "modelgen/manubrium.h"

#include <vector>

namespace atlas::modelgen {
namespace {

// 2-D ellipse distance (Quilez's two-gradient bound).
float sdEllipse2(const vec2 &p, const vec2 &r) {
  const float k0 = glm::length(p / r), k1 = glm::length(p / (r * r));
  return k1 > 1e-9f ? k0 * (k0 - 1.0f) / k1 : -std::min(r.x, r.y);
}

// Signed distance to a closed 2-D polygon (negative inside; Quilez's winding-sign method).
float sdPolygon(const std::vector<vec2> &v, const vec2 &p) {
  float d = glm::dot(p - v[0], p - v[0]);
  float sign = 1.0f;
  for (std::size_t i = 0, j = v.size() - 1; i < v.size(); j = i, ++i) {
    const vec2 e = v[j] - v[i], w = p - v[i];
    const vec2 b = w - e * std::clamp(glm::dot(w, e) / glm::dot(e, e), 0.0f, 1.0f);
    d = std::min(d, glm::dot(b, b));
    const bool c0 = p.y >= v[i].y, c1 = p.y<v[j].y, c2 = e.x * w.y> e.y * w.x;
    if ((c0 && c1 && c2) || (!c0 && !c1 && !c2))
      sign = -sign;
  }
  return sign * std::sqrt(d);
}

// The outline seen from the front (x to the left, y up the bone, mm from its centre), both sides:
// broad above, where the clavicular notches slope down and out from the jugular notch and the first
// costal notch lies on the lateral angle; then concave lateral borders narrowing to the sternal angle.
std::vector<vec2> outline(float halfLength, float topHalf, float bottomHalf) {
  const float h = halfLength;
  std::vector<vec2> left = {{11.0f, h},                   // superior angle, beside the jugular notch
                            {topHalf - 1.5f, h - 8.0f},   // clavicular notch slopes down and out
                            {topHalf, h - 10.5f},         // lateral angle: first costal notch
                            {topHalf - 0.5f, h - 17.0f}}; // below it the border turns in
  // Concave lateral border (a quadratic curve pulled 3 mm in) down to the half-notch for cartilage 2.
  const vec2 from = left.back(), to(bottomHalf + 1.0f, -h + 4.0f);
  const vec2 pull = (from + to) * 0.5f - vec2(3.0f, 0.0f);
  for (int k = 1; k <= 8; ++k) {
    const float t = float(k) / 8.0f;
    left.push_back(from * (1 - t) * (1 - t) + pull * 2.0f * t * (1 - t) + to * t * t);
  }
  left.push_back({bottomHalf, -h}); // inferolateral angle at the sternal angle
  std::vector<vec2> all;            // right side from the bottom up, then the left from the top down
  for (auto it = left.rbegin(); it != left.rend(); ++it)
    all.push_back({-it->x, it->y});
  all.insert(all.end(), left.begin(), left.end());
  // Corners cut twice (Chaikin): every angle of the outline becomes a rounded curve of a few mm, as on
  // the bone; drawn as a sharp polygon the superior angles stood up as horns beside the jugular notch
  // and the front read as a cut shield (seventh-pass review).
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<vec2> cut;
    for (std::size_t i = 0; i < all.size(); ++i) {
      const vec2 a = all[i], b = all[(i + 1) % all.size()];
      cut.push_back(a * 0.75f + b * 0.25f);
      cut.push_back(a * 0.25f + b * 0.75f);
    }
    all = cut;
  }
  return all;
}

} // namespace

BoneModel buildManubrium(const ManubriumSpec &spec) {
  BoneModel out;
  out.id = "manubrium";
  const vec3 axis = spec.top - spec.bottom;
  Frame frame;
  frame.origin = (spec.top + spec.bottom) * 0.5f;
  frame.setAngle(std::atan2(axis.z, axis.y));
  const float halfLength = glm::length(axis) * 0.5f;
  const ManubriumSpec s = spec;
  const std::vector<vec2> shape = outline(halfLength, s.topWidth * 0.5f, s.bottomWidth * 0.5f);
  out.sdf = [frame, halfLength, s, shape](const vec3 &world) {
    const vec3 p = frame.toLocal(world);
    // Front to back: topThickness at the clavicular notches, `thickness` at the sternal angle; the
    // plate bows a little (front convex, back concave from side to side), edges rounded 2 mm.
    // Fifth pass: the full topThickness holds over the upper quarter, round the jugular and clavicular
    // notches (Gray's Anatomy 41st ed.: the manubrium is thickest above, where it carries the clavicles),
    // and thins smoothly below; tapered over the whole length it was 15 mm only at the very edge.
    const float t = glm::smoothstep(0.0f, 0.75f, (p.y + halfLength) / (2.0f * halfLength));
    const float halfThick = 0.5f * (s.thickness + (s.topThickness - s.thickness) * t);
    const float bow = -p.x * p.x / 300.0f;
    // The front swells a further 1.5 mm in the middle, fading out 14 mm from the midline (clear of the
    // thickness measured beside the jugular notch): gently convex from side to side, as the bone is
    // (Gray's Anatomy 41st ed.: the anterior surface is convex from side to side), not a flat shield.
    const float across = std::max(1.0f - p.x * p.x / 196.0f, 0.0f);
    const float swell = 1.5f * across * across;
    const float zc = bow + 0.5f * swell;
    constexpr float round = 2.0f;
    const vec2 w(sdPolygon(shape, vec2(p.x, p.y)) + round,
                 std::abs(p.z - zc) - halfThick - 0.5f * swell + round);
    float d = roundedIntersection(w, round);
    // Jugular notch: a smooth shallow concavity about 24 mm wide and 4-5 mm deep in the middle of the
    // upper border (Gray's Anatomy 41st ed.), its rims blended over 5 mm into the rounded superior angles:
    // cut as a narrower U with a 1.5 mm blend, its rims stood up as horns (seventh-pass review).
    d = subtract(d, sdEllipse2(vec2(p.x, p.y - halfLength - 1.0f), vec2(12.0f, 7.5f)), 5.0f);
    // Notches on each side (Gray's 1918, the sternum; REFERENCE §3; fourth pass: the border was plain):
    // the clavicular notch, an oval hollow on the superolateral corner facing up and out, where the
    // clavicle's sternal end sits; below it on the lateral border the notch for the first costal
    // cartilage, and at the lower corner the half-notch for the second (the body of the sternum holds
    // the other half).
    const vec3 q(std::abs(p.x), p.y, p.z - bow);
    const float w0 = s.topWidth * 0.5f, w1 = s.bottomWidth * 0.5f;
    // The clavicular notch: a dish about 2.5 mm deep and 10 mm across in the sloping border between the
    // superior angle (11, h) and the lateral angle (w0 - 1.5, h - 8) of the outline, facing up and out.
    const vec2 slopeMid((11.0f + w0 - 1.5f) * 0.5f, halfLength - 4.0f);
    const vec2 slopeOut = glm::normalize(vec2(8.0f, w0 - 12.5f));
    const vec2 dish = slopeMid + slopeOut * 4.0f;
    d = subtract(d, sdEllipsoid(q, vec3(dish.x, dish.y, 0.0f), vec3(6.5f, 6.5f, 9.0f)), 1.2f);
    // Sixth pass: the first costal notch is broad (13 mm from above down, about the 10-14 mm breadth of
    // the first cartilage's end, REFERENCE §3 and ribs.json) and shallow (3 mm), a trough running right
    // across the border from front to back; the cartilage is trimmed to its floor and fills it (a
    // synchondrosis, Gray's Anatomy 41st ed.), so the two read as one, with no hole round a peg.
    d = subtract(d, sdEllipsoid(q, vec3(w0 + 0.5f, halfLength - 12.5f, 0.0f), vec3(3.5f, 6.5f, 10.0f)), 1.5f);
    d = subtract(d, sdEllipsoid(q, vec3(w1 + 0.5f, -halfLength, 0.0f), vec3(3.0f, 5.0f, 9.0f)), 1.5f);
    return d;
  };
  out.box =
      frame.worldBounds(vec3(-32.0f, -halfLength - 5.0f, -14.0f), vec3(32.0f, halfLength + 5.0f, 14.0f));
  out.step = 0.4f;
  out.targetTriangles = 8000;
  const float w0 = s.topWidth * 0.5f;
  // Points just off the surface, projected onto the finished bone (after the notches are cut).
  out.surfaceLandmarks = {
      Landmark{"jugular_notch", "", frame.toWorld(vec3(0.0f, halfLength - 5.0f, 0.0f)), vec3(0.0f)},
      Landmark{"clavicular_notch_left", "", frame.toWorld(vec3(w0 - 7.0f, halfLength - 2.0f, 0.0f)),
               vec3(0.0f)},
      Landmark{"clavicular_notch_right", "", frame.toWorld(vec3(-w0 + 7.0f, halfLength - 2.0f, 0.0f)),
               vec3(0.0f)},
      Landmark{"sternal_angle", "", frame.toWorld(vec3(0.0f, -halfLength + 1.0f, s.thickness * 0.5f + 1.0f)),
               vec3(0.0f)}};
  return out;
}

BoneModel buildSternalBody(const ManubriumSpec &manubrium, const SternalBodySpec &spec) {
  BoneModel out;
  out.id = "sternal_body";
  // The manubrium's lower border, and the body's long axis turned back from the manubrium's by the
  // supplement of the sternal angle: the joint projects forward, the angle open behind (Gray's
  // Anatomy 41st ed.: the manubriosternal joint, a symphysis, at an angle of about 160 degrees).
  const vec3 axis = manubrium.top - manubrium.bottom;
  const float manubriumAngle = std::atan2(axis.z, axis.y);
  const float halfLength = spec.length * 0.5f;
  Frame frame;
  frame.setAngle(manubriumAngle + glm::radians(180.0f - spec.angle));
  frame.origin = manubrium.bottom - frame.directionToWorld(vec3(0.0f, spec.gap + halfLength, 0.0f));
  const SternalBodySpec s = spec;
  const float notchHalf = manubrium.bottomWidth * 0.5f;
  out.sdf = [frame, halfLength, s, notchHalf](const vec3 &world) {
    const vec3 p = frame.toLocal(world);
    // A plate a little wider below (Gray's Anatomy 41st ed.: the body widens downward), its front
    // convex from side to side like the manubrium's, its edges rounded 2 mm, its lower end where the
    // model stops rounded 3 mm (a cut, not the bone's end: the body runs on to the xiphoid process).
    const float t = glm::clamp((halfLength - p.y) / (2.0f * halfLength), 0.0f, 1.0f);
    const float halfWidth = 0.5f * glm::mix(s.topWidth, s.bottomWidth, t);
    const float bow = -p.x * p.x / 300.0f;
    constexpr float round = 2.0f;
    const vec2 w(std::abs(p.x) - halfWidth + round, std::abs(p.z - bow) - s.thickness * 0.5f + round);
    float d = roundedIntersection(w, round);
    d = smax(d, std::abs(p.y) - halfLength, 3.0f);
    // The lower half of the notch for the second costal cartilage at each upper corner, matching the
    // manubrium's upper half (the cartilage meets the sternum at the joint, Gray's 1918, the sternum).
    const vec3 q(std::abs(p.x), p.y, p.z - bow);
    d = subtract(
        d, sdEllipsoid(q, vec3(notchHalf + 0.5f, halfLength + s.gap * 0.5f, 0.0f), vec3(3.0f, 5.0f, 9.0f)),
        1.5f);
    return d;
  };
  out.box =
      frame.worldBounds(vec3(-20.0f, -halfLength - 4.0f, -10.0f), vec3(20.0f, halfLength + 4.0f, 10.0f));
  out.step = 0.4f;
  out.targetTriangles = 3000;
  return out;
}

} // namespace atlas::modelgen
