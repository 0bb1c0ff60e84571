#include "modelgen/clavicle.h"

#include "modelgen/rib.h"

namespace atlas::modelgen {
namespace {

// An ellipsoid cap over one end of the bar: `inward` points along the bar, radii are (along, breadth
// front-to-back, thickness); it is centred `inset` mm inside the end so that it hides the flat cut.
struct Cap {
  vec3 centre, along, across, up, radii;
  float round = 0.0f; // > 0: a rounded triangular knob (edges of this radius) instead of an ellipsoid
  // The sternal end's articular facet: saddle-shaped, hollow front to back and convex from above
  // down (Gray's 1918, the clavicle), `saddle` mm of curvature over 8 mm. 0: none.
  float saddle = 0.0f;
  float distance(const vec3 &p) const {
    const vec3 q = p - centre, local(glm::dot(q, along), glm::dot(q, across), glm::dot(q, up));
    if (round <= 0.0f)
      return sdEllipsoid(local, vec3(0.0f), radii);
    // Section a rounded triangle, broad edge up and apex down (Gray's: the sternal end is triangular,
    // its upper part standing above the manubrium), bounded by an ellipsoid so that it swells out of the
    // shaft as a bulb, round from above and from the front (fourth pass: it read as a square block).
    const vec2 s(std::abs(local.y), local.z);
    const vec2 corner(radii.y, radii.z), apex(0.0f, -radii.z);
    const vec2 side = glm::normalize(vec2(corner.y - apex.y, apex.x - corner.x));
    float d = smax(s.y - radii.z, glm::dot(s - corner, side), round);
    d = smax(d, sdEllipsoid(local, vec3(0.0f), vec3(radii.x, radii.y * 1.2f, radii.z * 1.2f)), round);
    if (saddle > 0.0f) {
      // The facet: the end face (local x = -radii.x) drawn in at its middle from front to back and
      // out from above down, cut 1 mm into the bulb.
      const float k = saddle / 64.0f;
      const float face = -radii.x + 1.0f - k * local.y * local.y + k * local.z * local.z;
      // Rounded over 3 mm: a 1 mm trim left a crease ringing the facet (eighth-pass review).
      d = smax(d, face - local.x, 3.0f);
    }
    return d;
  }
};

Cap capAt(const std::vector<vec3> &centre, bool sternal, const vec3 &radii, float inset) {
  const std::size_t n = centre.size(), k = std::min<std::size_t>(3, n - 1);
  const vec3 end = sternal ? centre.front() : centre.back();
  const vec3 inward = glm::normalize(sternal ? centre[k] - centre[0] : centre[n - 1 - k] - centre[n - 1]);
  const vec3 across = glm::normalize(glm::cross(vec3(0.0f, 1.0f, 0.0f), inward));
  return Cap{end + inward * inset, inward, across, glm::normalize(glm::cross(inward, across)), radii};
}

} // namespace

// The profile in ribs.json gives the shaft about 13.5 x 12.5 mm near its middle (issue 11 after Gray's:
// 12-15 mm), the sternal end about 20 mm and the acromial end 25 mm broad and 7.5 mm thick (flat).
BoneModel buildClavicle(const SweptSpec &spec) {
  // The S-curve and the section (round medially, flat laterally) come from the profile; the section's
  // breadth lies in the horizontal plane (front to back), its thickness is vertical.
  RibModel swept = buildSwept(spec, 0.45f, 7000, vec3(0.0f, 1.0f, 0.0f));
  BoneModel bone = swept.bone;
  bone.surfaceLandmarks.clear(); // none in the landmark contract yet
  if (swept.centre.size() < 4)
    return bone;
  // Closed ends: a rounded, enlarged sternal end (it sits in the manubrium's clavicular notch) and a
  // flat oval acromial end, instead of the bar's flat cuts.
  const float sternalBreadth = spec.profile.empty() ? 19.0f : spec.profile.front().y;
  const float sternalThick = spec.profile.empty() ? 17.0f : spec.profile.front().z;
  const float acromialBreadth = spec.profile.empty() ? 22.0f : spec.profile.back().y;
  const float acromialThick = spec.profile.empty() ? 7.0f : spec.profile.back().z;
  // The sternal end is a thick three-sided block (its medial face sits in the clavicular notch); the
  // acromial end is as broad and flat as the bar there, its end face rounded off.
  // The triangle stands 2 mm forward of the bar's axis: behind the sternal end lies the internal
  // jugular vein, joining the subclavian (Gray's).
  // About 1.2 times the shaft's breadth and thickness (Gray's: the sternal end is the larger).
  Cap sternal = capAt(swept.centre, true, vec3(8.0f, sternalBreadth * 0.55f, sternalThick * 0.6f), 3.5f);
  sternal.centre += vec3(0.0f, 0.0f, 2.0f);
  sternal.round = 4.0f;
  sternal.saddle = 1.5f;
  // Short along the bar (4 mm against 12.5 across): seen from above the end is broad and blunt, about
  // 20 mm wide where the acromioclavicular facet lies, not a point (Gray's 1918; issue 11, third pass).
  const Cap acromial =
      capAt(swept.centre, false, vec3(4.0f, acromialBreadth * 0.5f, acromialThick * 0.5f), 2.0f);
  // The bar stops inside each cap, so only the caps' curved surfaces close the ends.
  const Sdf raw = bone.sdf;
  const Sdf bar = [raw, sternal, acromial](const vec3 &p) {
    // The sternal cut lies 2 mm inside the bulb and is rounded over 2.5 mm: a hard cut 1 mm outside
    // its centre left the bar's flat end standing out of the triangular bulb below, a crease across
    // the sternal end (eighth-pass review).
    const float lateral = std::max(raw(p), glm::dot(p - acromial.centre, -acromial.along) + 1.0f);
    return smax(lateral, glm::dot(p - sternal.centre, -sternal.along) + 2.0f, 2.5f);
  };
  // Flat above laterally: a plane through the lateral third of the centre line, raised by 40 % of
  // the end's thickness, shaves the top of the bar there (Gray's: the acromial end is flattened).
  const std::size_t n = swept.centre.size();
  const vec3 a = swept.centre[n * 2 / 3], b = swept.centre[n - 1];
  const vec3 lateral = glm::normalize(b - a);
  const vec3 front = glm::normalize(glm::cross(lateral, vec3(0.0f, 1.0f, 0.0f)));
  const vec3 up = glm::normalize(glm::cross(front, lateral));
  const vec3 shave = (a + b) * 0.5f + up * acromialThick * 0.45f;
  // The conoid tubercle: on the underside of the lateral part, near its posterior border, where the
  // lateral quarter meets the rest (Gray's Anatomy 41st ed., the clavicle: it gives attachment to the
  // conoid ligament), with the trapezoid line running forward and laterally from it. A low blunt knob
  // about 8 mm across and a ridge after it, each standing 1.5-2 mm below the bar; without them the
  // underside read as a smooth rod (lecturer review, tenth pass).
  const std::size_t k = n * 3 / 4;
  const vec3 tangent = glm::normalize(swept.centre[std::min(k + 1, n - 1)] - swept.centre[k - 1]);
  const vec3 ahead = glm::normalize(glm::cross(tangent, vec3(0.0f, 1.0f, 0.0f))); // forward
  const vec3 down = glm::normalize(glm::cross(tangent, ahead));                   // below the bar
  const float halfThick =
      0.5f * glm::mix(acromialThick, spec.profile.empty() ? 11.0f : spec.profile[4].z, 0.5f);
  const vec3 conoid = swept.centre[k] + down * (halfThick - 1.2f) - ahead * 4.5f;
  const vec3 trapezoidEnd = conoid + tangent * 13.0f + ahead * 8.0f + down * -0.5f;
  bone.sdf = [bar, sternal, acromial, a, lateral, up, shave, conoid, trapezoidEnd, down](const vec3 &p) {
    float d = smin(smin(bar(p), sternal.distance(p), 4.0f), acromial.distance(p), 2.0f);
    const float knob = glm::length(p - conoid) - 3.0f;
    const float line = sdCapsule(p, conoid + down * 0.3f, trapezoidEnd, 1.6f);
    d = smin(d, smin(knob, line, 1.5f), 2.5f);
    const float along = glm::dot(p - a, lateral); // the shave fades in over the first 20 mm
    const float plane = glm::dot(p - shave, up) - std::max(0.0f, 20.0f - along) * 0.25f;
    return smax(d, plane, 1.5f);
  };
  for (const Cap &c : {sternal, acromial}) {
    const float r = std::max({c.radii.x, c.radii.y, c.radii.z}) + 3.0f;
    bone.box.extend(c.centre - vec3(r));
    bone.box.extend(c.centre + vec3(r));
  }
  return bone;
}

} // namespace atlas::modelgen
