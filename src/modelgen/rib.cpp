#include "modelgen/rib.h"

#include "modelgen/clavicle.h"
#include "modelgen/manubrium.h"
#include "modelgen/tube.h"

#include <memory>
#include <optional>
#include <stdexcept>

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

// 2-D ellipse distance (Quilez's two-gradient bound).
float sdEllipse2(const vec2 &p, const vec2 &r) {
  const float k0 = glm::length(p / r), k1 = glm::length(p / (r * r));
  return k1 > 1e-9f ? k0 * (k0 - 1.0f) / k1 : -std::min(r.x, r.y);
}

// Smallest radius of any border of a swept bar's section, mm (see Sweep::section).
constexpr float kEdgeRound = 0.7f;

// The swept bar: per centre-line sample, its frame and half sizes.
struct Sweep {
  std::vector<vec3> points, across, normal; // across: in the rib plane, normal: across the plane
  std::vector<vec2> half;                   // (half breadth, half thickness)
  std::vector<float> inner;                 // +1 / -1: the side of `across` facing the curve's centre
  std::vector<float> taper;                 // per sample: how much the inner border thins
  float flatness = 0.0f;
  Bounds box;

  // Half thickness at breadth coordinate x: thinner towards the inner border (rib 1's sharp edge).
  float halfThickness(float x, const vec2 &h, float side, float thin) const {
    const float u = std::clamp(side * x / h.x, -1.0f, 1.0f);
    return h.y * (1.0f - thin * (u + 1.0f) * 0.5f);
  }

  // Section distance at (x across, y normal) for half sizes h.
  float section(float x, float y, const vec2 &h, float side, float thin) const {
    const float hy = std::max(halfThickness(x, h, side, thin), 0.3f);
    // The ellipse is drawn kEdgeRound inside its outline and grown back by it, so no border is sharper
    // than a 0.7 mm radius: rib 1's thin inner border had a tip radius of about 0.15 mm (hy^2 / hx),
    // under half a grid step, and the mesher cut it into saw-teeth (sixth-pass review). At 0.7 mm, about
    // two grid steps, the border still reads as a sharp edge from any viewing distance.
    // Intersected with the plain ellipse: the grown-back ellipse is a little fuller between the tips,
    // and the rib must not grow into the vessels in its grooves (the subclavian vein).
    const float e = std::max(sdEllipse2(vec2(x, y), vec2(h.x, hy)),
                             sdEllipse2(vec2(x, y), glm::max(vec2(h.x, hy) - vec2(kEdgeRound), vec2(0.05f))) -
                                 kEdgeRound);
    if (flatness <= 0.0f)
      return e;
    // A flat band (rib 2, flatness near 1) keeps tighter corners, so its broad faces read as flat from
    // above instead of a tube (lecturer review, issue 11); below 0.5 the corners stay fully rounded.
    const float corner = 0.9f - 1.2f * std::max(flatness - 0.5f, 0.0f);
    const float r = sdRoundRect(vec2(x, y), vec2(h.x, hy), std::min(hy, h.x) * corner);
    return e + (r - e) * flatness;
  }

  // The section is read at the nearest point of the centre line, not as a union of the straight
  // pieces: the union of pieces turned a little to each other notched a sharp border at every sample
  // where its section changed, a chewed band along rib 1's inner border beyond the tubercle
  // (eighth-pass review).
  float distance(const vec3 &p) const {
    std::size_t bi = 0;
    float bt = 0.0f, bq = 1e30f;
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
      const vec3 a = points[i], ab = points[i + 1] - a;
      const float t = std::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
      const vec3 q = p - (a + ab * t);
      const float q2 = glm::dot(q, q);
      if (q2 < bq) {
        bq = q2;
        bi = i;
        bt = t;
      }
    }
    if (points.size() < 2)
      return 1e9f;
    const std::size_t i = bi;
    const float t = bt;
    const vec3 a = points[i], ab = points[i + 1] - a;
    const vec3 q = p - (a + ab * t);
    const vec3 tangent = glm::normalize(ab);
    const vec2 h = half[i] + (half[i + 1] - half[i]) * t;
    const vec3 across_ = glm::normalize(across[i] + (across[i + 1] - across[i]) * t);
    const vec3 normal_ = glm::normalize(normal[i] + (normal[i + 1] - normal[i]) * t);
    const float thin = taper[i] + (taper[i + 1] - taper[i]) * t;
    const float s = section(glm::dot(q, across_), glm::dot(q, normal_), h, inner[i], thin);
    // Flat ends beyond the first and last samples (the joints cut them anyway); between samples the
    // section simply continues (no offset along the line at a bend's outer side, which rippled it).
    const bool end = (i == 0 && t <= 0.0f) || (i + 2 == points.size() && t >= 1.0f);
    if (!end)
      return s;
    const float z = std::abs(glm::dot(q, tangent));
    return glm::length(glm::max(vec2(s, z), vec2(0.0f))) + std::min(std::max(s, z), 0.0f);
  }
};

// Where the neck ends, as a fraction of the arc from the head (rib 1's tubercle lies at about 0.22).
constexpr float kNeckEnd = 0.2f;
// A taper from which the inner border is a sharp edge (rib 1: 0.65; rib 2's 0.15 only rounds it).
constexpr float kSharpBorder = 0.5f;

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

// An ellipsoid in a local frame (along, across, up), semi-axes r.
struct Lump {
  vec3 centre, along, across, up, radii;
  float blend = 1.5f; // smooth-union radius (mm) with the shaft
  float distance(const vec3 &p) const {
    const vec3 q = p - centre;
    return sdEllipsoid(vec3(glm::dot(q, along), glm::dot(q, across), glm::dot(q, up)), vec3(0.0f), radii);
  }
};

// A tuberosity: a broad, low swelling of the outer border, its height falling to nothing at its edge
// along a cosine bell (no rim), with a gentle relief of a few long, low undulations along the rib. The
// relief's wavelength (about 6 mm) is many times the bone grid (0.45 mm), so it meshes smoothly; the
// 2 mm noise of the tenth pass read on a projector as a scaly, furry plaque (lecturer review).
struct Swelling {
  vec3 centre, along, out, up; // centre on the outer border; along the rib, outwards, across the border
  vec2 radii;                  // semi-axes along the rib and across the border (mm)
  float height = 0.0f;         // greatest rise (mm)
  float relief = 0.0f;         // amplitude of the undulations, a fraction of the height
  float rise(const vec3 &p) const {
    const vec3 q = p - centre;
    const float a = glm::dot(q, along), u = glm::dot(q, up);
    const float r = glm::length(vec2(a / radii.x, u / radii.y));
    if (r >= 1.0f)
      return 0.0f;
    const float bell = 0.5f + 0.5f * std::cos(3.14159265f * r);
    // Only the bone near the outer border rises: nothing moves 3 mm or more inside it.
    const float nearBorder = glm::smoothstep(-3.0f, -0.5f, glm::dot(q, out));
    const float undulation = 1.0f + relief * std::sin(a * 1.05f + 0.6f) * std::cos(u * 0.8f);
    return height * bell * nearBorder * undulation;
  }
};

vec3 surfacePoint(const Sdf &sdf, const vec3 &near) {
  return projectToSurface(sdf, near);
}

Landmark landmarkOn(const Sdf &sdf, const std::string &name, const std::string &label, const vec3 &near) {
  const vec3 p = surfacePoint(sdf, near);
  return Landmark{name, label, p, sdfGradient(sdf, p)};
}

// The index of the point of `line` nearest p.
std::size_t nearestPoint(const std::vector<vec3> &line, const vec3 &p) {
  std::size_t nearest = 0;
  for (std::size_t i = 0; i < line.size(); ++i)
    if (glm::length(line[i] - p) < glm::length(line[nearest] - p))
      nearest = i;
  return nearest;
}

} // namespace

RibModel buildSwept(const SweptSpec &spec, float step, std::size_t targetTriangles, const vec3 &planeUp) {
  RibModel out;
  // Samples 1 mm apart: the bar is a union of straight pieces, and 2 mm pieces left visible creases
  // across the convex outer border (issue 11, faceting bands).
  out.centre = smoothCurve(spec.centreline, 1.0f);
  out.arcLength = polylineLength(out.centre) + spec.headRadius; // from the end of the head
  auto sweep = std::make_shared<Sweep>();
  sweep->points = out.centre;
  sweep->flatness = spec.flatness;
  const vec3 n = glm::length(planeUp) > 0.0f ? glm::normalize(planeUp) : planeNormal(spec.centreline);
  vec3 middle(0.0f);
  for (const vec3 &c : out.centre)
    middle += c / float(out.centre.size());
  std::vector<vec3> tangents;
  float walked = 0.0f;
  for (std::size_t i = 0; i < out.centre.size(); ++i) {
    if (i > 0)
      walked += glm::length(out.centre[i] - out.centre[i - 1]);
    const vec3 t =
        glm::normalize(out.centre[std::min(i + 1, out.centre.size() - 1)] - out.centre[i > 0 ? i - 1 : 0]);
    tangents.push_back(t);
    vec3 across = glm::normalize(glm::cross(n, t));
    vec3 up = glm::normalize(glm::cross(t, across));
    if (spec.twist != 0.0f) {
      // The section turns about the centre line, fully from 30 % of the arc on and not at the neck:
      // rib 2's outer surface faces up and out (Gray's), where a plain sweep would face it straight out.
      const float u = std::clamp((walked / out.arcLength - 0.1f) / 0.2f, 0.0f, 1.0f);
      const float a = radians(spec.twist) * u * u * (3.0f - 2.0f * u);
      const vec3 turned = across * std::cos(a) + up * std::sin(a);
      up = glm::normalize(glm::cross(t, turned));
      across = turned;
    }
    sweep->across.push_back(across);
    sweep->normal.push_back(up);
    sweep->inner.push_back(glm::dot(across, middle - out.centre[i]) >= 0.0f ? 1.0f : -1.0f);
    sweep->half.push_back(profileAt(spec.profile, walked / out.arcLength));
    // A sharp inner border (rib 1's) stops short of the neck: the neck is a flattened bar from head to
    // tubercle (Gray's 1918, the first rib), and the border thinned there stood up as a fin (issue 11).
    // It sharpens beyond the tubercle, over 12 % of the arc. A slight taper (rib 2's) runs throughout.
    const float beyondNeck = spec.taper < kSharpBorder
                                 ? 1.0f
                                 : std::clamp((walked / out.arcLength - kNeckEnd) / 0.12f, 0.0f, 1.0f);
    sweep->taper.push_back(spec.taper * beyondNeck * beyondNeck * (3.0f - 2.0f * beyondNeck));
    const float r = std::max(sweep->half.back().x, sweep->half.back().y) + 6.0f;
    sweep->box.extend(out.centre[i] - vec3(r));
    sweep->box.extend(out.centre[i] + vec3(r));
  }
  auto nearestSample = [&](const vec3 &p) { return nearestPoint(out.centre, p); };

  // Features, each placed at the nearest centre-line sample of its landmark; `anchors` are points
  // just outside the finished surface that name it (projected onto it later).
  std::vector<Lump> lumps;
  std::vector<Swelling> swellings;
  // A groove is a smooth trough pressed into the upper surface: the surface is lowered by depth times a
  // smooth bell of s, the distance from the trough's line over its half width, so its section is
  // rounded and meets the surface with no rim at all (a notch cut by a capsule read as a
  // square machined slot, seventh-pass review; Gray's Anatomy 41st ed.: shallow grooves).
  struct Groove {
    vec3 centre, axis, side, up, across;
    float halfWidth, depth, reach;
    vec2 half;         // the bar's half sizes there
    float inner, thin; // as Sweep::inner, Sweep::taper
  };
  std::vector<Groove> grooves;
  std::map<std::string, vec3> anchors;
  for (const RibFeatureSpec &f : spec.features) {
    auto it = spec.landmarks.find(f.at);
    if (it == spec.landmarks.end())
      throw std::runtime_error(spec.id + ": feature at unknown landmark '" + f.at + "'");
    const std::size_t i = nearestSample(it->second);
    const vec3 c = out.centre[i], t = tangents[i], across = sweep->across[i], up = sweep->normal[i];
    const vec2 h = sweep->half[i];
    const float side = sweep->inner[i];
    if (f.type == "bump") { // axis-aligned knob (rib tubercles)
      // Blended widely into the neck and shaft: an eminence, not a ball set on the bar (issue 11).
      // Seventh pass: laid along the rib and sunk into its back, a low eminence at the junction of neck
      // and shaft (Gray's Anatomy 41st ed.), not an axis-aligned egg that read as a hemisphere stuck on.
      vec3 back = it->second - c;
      back -= t * glm::dot(back, t);
      back = glm::length(back) > 1e-3f ? glm::normalize(back) : up;
      const vec3 centre = it->second - back * 1.2f;
      lumps.push_back({centre, t, glm::normalize(glm::cross(t, back)), back,
                       vec3(f.radii.x * 1.2f, f.radii.z * 1.3f, f.radii.y * 0.8f), 4.0f});
      anchors[f.at] = it->second + up * (f.radii.y + 1.0f);
    } else if (f.type == "spur") { // on the inner border, standing up and in (scalene tubercle)
      const float hy = sweep->halfThickness(side * h.x, h, side, sweep->taper[i]);
      const vec3 centre = c + across * side * (h.x - f.radii.y * 0.2f) + up * (hy + f.radii.z * 0.3f);
      lumps.push_back({centre, t, across, up, f.radii, 2.5f});
      anchors[f.at] = centre + up * (f.radii.z + 1.0f) + across * side * 1.0f;
    } else if (f.type == "tuberosity") { // a low, smooth, broad rough area on the outer border
      const vec3 out_ = -across * side;
      const vec3 centre = c + out_ * h.x;
      swellings.push_back({centre, t, out_, up, vec2(f.radii.x, f.radii.z), f.radii.y, f.depth});
      anchors[f.at] = centre + out_ * (f.radii.y + 1.0f);
    } else if (f.type == "groove") { // an oblique trough right across the upper surface
      // The trough follows the upper surface, which falls towards the thin inner border, so it keeps
      // its depth from border to border (Gray's: the grooves cross the whole upper surface).
      const float a = radians(f.angle);
      const vec3 axis = glm::normalize(across * std::cos(a) + t * std::sin(a));
      const float top = sweep->halfThickness(0.0f, h, side, sweep->taper[i]);
      // Half width 1.2 x the spec radius (6.0-6.2 mm: a trough about 10-10.5 mm wide where deeper than a
      // tenth of its depth, Gray's Anatomy 41st ed.: shallow grooves, about the breadth of the vessels,
      // artery 9.4 mm, REFERENCE section 6).
      grooves.push_back({c, axis, glm::normalize(glm::cross(up, axis)), up, across, f.radii.x * 1.2f, f.depth,
                         h.x * 1.6f + 4.0f, h, side, sweep->taper[i]});
      anchors[f.at] = c + up * (top + 1.0f);
    } else {
      throw std::runtime_error(spec.id + ": unknown feature type '" + f.type + "'");
    }
  }
  const auto head = spec.landmarks.find("head"), tubercle = spec.landmarks.find("tubercle");
  if (head != spec.landmarks.end() && tubercle != spec.landmarks.end()) {
    const std::size_t i = nearestSample((head->second + tubercle->second) * 0.5f);
    anchors["neck"] = out.centre[i] + sweep->normal[i] * (sweep->half[i].y + 1.0f);
  }
  if (head != spec.landmarks.end())
    anchors["head"] = head->second + sweep->normal[0] * (spec.headRadius + 1.0f);

  const vec3 headCentre = spec.centreline.front();
  const float headRadius = spec.headRadius;
  out.bone.id = spec.id;
  out.bone.sdf = [sweep, lumps, swellings, grooves, headCentre, headRadius](const vec3 &at) {
    // The grooves press the upper surface down: each squeezes the bar's section from above, a point at
    // height h over its lower surface read from h * (1 + k) higher up (k growing with the trough's local
    // depth), so the lower surface stays where it is, the upper sinks by the trough's depth, and the bar
    // can never be eaten through (adding the depth to the distance did that where the bar is thin).
    vec3 p = at;
    for (const Groove &g : grooves) {
      const vec3 q = at - g.centre;
      const float s = glm::dot(q, g.side) / g.halfWidth;
      if (std::abs(s) >= 1.0f)
        continue;
      const float along = std::abs(glm::dot(q, g.axis));
      const float wAlong = 1.0f - glm::smoothstep(g.reach - 3.0f, g.reach, along);
      const float x = std::clamp(glm::dot(q, g.across), -g.half.x, g.half.x);
      const float hy = std::max(sweep->halfThickness(x, g.half, g.inner, g.thin), 0.3f);
      // Flat-floored for the middle quarter of its width, then rising smoothly to the surface: a C1
      // profile, so no rim; the vessel (radius 4.7-5 mm) rests on the floor clear of the sides.
      const float rise = 1.0f - glm::smoothstep(0.25f, 1.0f, std::abs(s));
      // Deepened by up to 60 % towards the outer border, where the vessel turns down over it; never
      // more than the local half thickness (the thin inner border keeps bone under the trough).
      const float outer = std::clamp(-g.inner * glm::dot(q, g.across) / g.half.x, 0.0f, 1.0f);
      const float depth = std::min(g.depth * (1.0f + 0.6f * outer * outer), hy) * rise * wAlong;
      // Squeeze factor for a section 2 hy tall to lose `depth` off its top.
      const float k = depth / std::max(2.0f * hy - depth, 0.3f);
      const float h = std::clamp(glm::dot(q, g.up) + hy, 0.0f, 2.0f * hy + 10.0f);
      p += g.up * (std::min(h, 2.0f * hy) * k);
    }
    float d = sweep->distance(p);
    if (headRadius > 0.0f)
      d = smin(d, sdSphere(p, headCentre, headRadius), 2.0f);
    for (const Lump &l : lumps) {
      const float e = l.distance(p);
      if (e > l.blend + 2.5f)
        continue;
      d = smin(d, e, l.blend);
    }
    for (const Swelling &s : swellings)
      d -= s.rise(p);
    return d;
  };
  out.bone.box = sweep->box;
  out.bone.step = step;
  out.bone.targetTriangles = targetTriangles;
  for (const auto &[name, p] : spec.landmarks)
    out.bone.landmarks[spec.id + "." + name] = p;
  // Muscles insert on the spur itself (scalene tubercle), not on the centre line under it.
  for (const RibFeatureSpec &f : spec.features)
    if (f.type == "spur")
      out.bone.landmarks[spec.id + "." + f.at] = anchors.at(f.at);
  for (const auto &[name, p] : anchors)
    out.bone.surfaceLandmarks.push_back(Landmark{name, "", p, vec3(0.0f, 1.0f, 0.0f)});
  return out;
}

Sdf keepApart(Sdf part, const std::vector<Neighbour> &neighbours, float gap, float blend) {
  return [part, neighbours, gap, blend](const vec3 &p) {
    float d = part(p);
    if (d > 3.0f)
      return d;
    for (const Neighbour &n : neighbours) {
      const vec3 lo = n.box.min - vec3(gap + 1.0f), hi = n.box.max + vec3(gap + 1.0f);
      if (p.x < lo.x || p.y < lo.y || p.z < lo.z || p.x > hi.x || p.y > hi.y || p.z > hi.z)
        continue;
      d = smax(d, gap - n.sdf(p), blend);
    }
    return d;
  };
}

namespace {

// English names of the named landmarks (ids are "<structure>.<name>", a contract).
const std::map<std::string, std::string> &landmarkNames() {
  static const std::map<std::string, std::string> names = {
      {"rib1.head", "Head of the first rib"},
      {"rib1.neck", "Neck of the first rib"},
      {"rib1.tubercle", "Tubercle of the first rib"},
      {"rib1.scalene_tubercle", "Scalene tubercle"},
      {"rib1.artery_groove", "Groove for the subclavian artery"},
      {"rib1.vein_groove", "Groove for the subclavian vein"},
      {"rib2.angle", "Angle of the second rib"},
      {"rib2.tuberosity", "Tuberosity for serratus anterior"},
      {"manubrium.jugular_notch", "Jugular notch"},
      {"manubrium.clavicular_notch_left", "Clavicular notch (left)"},
      {"manubrium.clavicular_notch_right", "Clavicular notch (right)"},
      {"manubrium.sternal_angle", "Sternal angle"}};
  return names;
}
// Spec names that the contract spells differently.
const std::map<std::string, std::string> &contractIds() {
  static const std::map<std::string, std::string> ids = {{"artery_groove", "subclavian_artery_groove"},
                                                         {"vein_groove", "subclavian_vein_groove"},
                                                         {"tuberosity", "serratus_anterior_tuberosity"}};
  return ids;
}

// Keeps the anchors that have a name, moved onto the finished surface, with outward normals.
void finishLandmarks(BoneModel &bone) {
  std::vector<Landmark> out;
  for (const Landmark &a : bone.surfaceLandmarks) {
    auto name = landmarkNames().find(bone.id + "." + a.id);
    if (name == landmarkNames().end())
      continue;
    auto id = contractIds().find(a.id);
    out.push_back(
        landmarkOn(bone.sdf, id == contractIds().end() ? a.id : id->second, name->second, a.position));
  }
  bone.surfaceLandmarks = out;
}

// Rib heads and tubercles to their facets, mm (issue 11 asks for 1-2 mm: a visible joint line).
constexpr float kCostalJointGap = 1.5f;

// How far from a costochondral junction its cutting plane applies, mm (beyond the shaft's breadth).
constexpr float kJunctionReach = 20.0f;

// Rim radius of the cut ends at a costochondral junction, mm: a hard plane cut left a crease that the
// mesher cut into teeth (sixth-pass review, "ragged ends"); rounded by about three grid steps the rim
// reads as a clean edge and the junction as a shallow groove between bone and cartilage.
constexpr float kEndRound = 1.2f;

// The same neighbour on the other side (the manubrium meets both sides' cartilages and clavicles).
Neighbour mirrored(const Neighbour &n) {
  return {[s = n.sdf](const vec3 &p) { return s(vec3(-p.x, p.y, p.z)); },
          Bounds{vec3(-n.box.max.x, n.box.min.y, n.box.min.z), vec3(-n.box.min.x, n.box.max.y, n.box.max.z)}};
}

// The rib's head and tubercle grown towards the facets that receive them (the vertebrae's costalPits),
// so that keepApart then trims each to a joint line just off its facet, wherever the spec put it.
// `line`: the rib's smoothed centre line (RibModel::centre).
Sdf reachFacets(Sdf rib, const SweptSpec &ribSpec, const std::vector<vec3> &line, const ModelSpec &spec,
                const std::map<std::string, Neighbour> &spine) {
  struct Reach {
    vec3 from, to;
    float radius;
    // A tubercle's pad: a flattened ellipsoid from the rib's back to just past its facet (zero radii:
    // a capsule, the head's).
    vec3 centre{0.0f}, axisAlong{0.0f}, axisTowards{0.0f}, axisAcross{0.0f}, radii{0.0f};
  };
  std::vector<Reach> reaches;
  for (const VertebraSpec &v : spec.vertebrae) {
    auto vertebra = spine.find(v.id);
    if (vertebra == spine.end())
      continue;
    for (const std::string &pit : v.costalPits) {
      const auto dot = pit.find('.');
      if (pit.substr(0, dot) != ribSpec.id)
        continue;
      auto at = ribSpec.landmarks.find(pit.substr(dot + 1));
      if (at == ribSpec.landmarks.end() || vertebra->second.sdf(at->second) <= 0.0f)
        continue; // a point inside the vertebra cannot reach out to it
      const vec3 facet = projectToSurface(vertebra->second.sdf, at->second);
      const vec3 towards = glm::normalize(facet - at->second);
      // A head's facets are nearly as broad as the head; a tubercle's facet is an oval about 6 mm.
      const bool head = pit.find("head") != std::string::npos;
      if (head) {
        reaches.push_back({at->second, facet + towards * 1.5f, ribSpec.headRadius * 0.8f});
        continue;
      }
      // The tubercle (eighth-pass review: a 3 mm capsule ended in a dome on the back of the neck): a low
      // broad pad laid along the rib, about 13 mm long and 8 mm wide, ending 0.5 mm short of the facet so
      // the joint trim (1.5 mm) flattens only its summit into an oval facet facing back and in (Gray's
      // Anatomy 41st ed.: the tubercle is a low eminence whose medial part carries an oval facet for the
      // transverse process). Reaching past the facet, the trim carved a cup round the process's rounded
      // tip, which read as a dome on the back of the neck.
      const std::size_t k = nearestPoint(line, at->second);
      vec3 along = glm::normalize(line[std::min(k + 1, line.size() - 1)] - line[k > 0 ? k - 1 : 0]);
      along = glm::normalize(along - towards * glm::dot(along, towards));
      const vec3 base = line[k], tip = facet - towards * 0.5f;
      const float reach = glm::dot(tip - base, towards);
      Reach r{at->second, tip, 0.0f};
      r.axisTowards = towards;
      r.axisAlong = along;
      r.axisAcross = glm::normalize(glm::cross(towards, along));
      r.centre = tip - towards * reach * 0.5f;
      r.radii = vec3(6.5f, std::max(reach * 0.5f, 1.0f), 4.0f);
      reaches.push_back(r);
    }
  }
  if (reaches.empty())
    return rib;
  return [rib, reaches](const vec3 &p) {
    float d = rib(p);
    // Blended widely, so the head and tubercle swell towards their facets instead of ending in balls.
    for (const Reach &r : reaches) {
      if (r.radius > 0.0f) {
        d = smin(d, sdCapsule(p, r.from, r.to, r.radius), 3.0f);
        continue;
      }
      const vec3 q = p - r.centre;
      const float e =
          sdEllipsoid(vec3(glm::dot(q, r.axisAlong), glm::dot(q, r.axisTowards), glm::dot(q, r.axisAcross)),
                      vec3(0.0f), r.radii);
      d = smin(d, e, 3.0f);
    }
    return d;
  };
}

// The joint plane at the end of a rib: the rib stops short of it, the cartilage starts beyond it.
struct Junction {
  vec3 point, normal; // normal along the rib, towards the cartilage
};

} // namespace

std::vector<BoneModel> assembleRibCage(const ModelSpec &spec, const std::vector<RibModel> &ribs,
                                       const std::map<std::string, Neighbour> &spine) {
  std::vector<BoneModel> out;
  std::vector<Neighbour> vertebrae;
  for (const char *id : {"c7", "t1", "t2"})
    if (auto it = spine.find(id); it != spine.end())
      vertebrae.push_back(it->second);
  std::map<std::string, Junction> junctions; // by rib number "1", "2"
  std::map<std::string, Neighbour> built;
  for (const RibModel &r : ribs) {
    BoneModel b = r.bone;
    // Head and tubercle 1-2 mm from their facets: a joint line, never bone in bone.
    Sdf sdf = b.sdf;
    for (const SweptSpec &rs : spec.ribs)
      if (rs.id == b.id)
        sdf = reachFacets(sdf, rs, r.centre, spec, spine);
    sdf = keepApart(sdf, vertebrae, kCostalJointGap);
    const std::vector<vec3> &c = r.centre;
    if (c.size() >= 2) {
      const vec3 n = glm::normalize(c.back() - c[c.size() - 2]);
      const Junction j{c.back() - n * 0.6f, n};
      junctions[b.id.substr(3)] = j;
      // Only near the junction: rib 2 curves back towards the midline, so the plane, extended, would
      // cut through its own head.
      sdf = [sdf, j](const vec3 &p) {
        const float d = sdf(p);
        return glm::length(p - j.point) > kJunctionReach ? d
                                                         : smax(d, sdPlane(p, j.point, j.normal), kEndRound);
      };
    }
    b.sdf = sdf;
    finishLandmarks(b);
    built[b.id] = {b.sdf, b.box};
    out.push_back(std::move(b));
  }
  // Manubrium first: each costal cartilage ends in its notch on the lateral border (a synchondrosis,
  // Gray's Anatomy 41st ed.: the cartilage is fused with the notch), so the cartilage is trimmed to the
  // notch's floor, 0.3 mm off, and fills it; the manubrium keeps its own smooth border. (Carving the
  // manubrium round the cartilages left them as pegs in round holes with a rim: sixth-pass review.)
  BoneModel manubrium = buildManubrium(spec.manubrium);
  const Neighbour manubriumBody{manubrium.sdf, manubrium.box};
  std::vector<Neighbour> sternum{manubriumBody};
  // The body of the sternum below it, the manubriosternal joint a visible line between them.
  std::optional<BoneModel> sternalBody;
  if (spec.sternalBody.length > 0.0f) {
    sternalBody = buildSternalBody(spec.manubrium, spec.sternalBody);
    sternalBody->sdf = keepApart(sternalBody->sdf, {manubriumBody}, spec.sternalBody.gap);
    sternum.push_back({sternalBody->sdf, sternalBody->box});
  }
  std::vector<Neighbour> cartilages;
  for (const SweptSpec &cs : spec.cartilages) {
    // A finer grid than the bar's breadth needs: the rounded rims at both ends stay clean.
    BoneModel b = buildSwept(cs, 0.35f, 2500).bone;
    const std::string number = cs.id.substr(cs.id.size() - 1);
    if (auto j = junctions.find(number); j != junctions.end()) {
      const Sdf raw = b.sdf;
      const Junction jn = j->second;
      b.sdf = [raw, jn](const vec3 &p) {
        return smax(raw(p), 0.3f - sdPlane(p, jn.point, jn.normal), kEndRound);
      };
    }
    // The sternal end, too, is a rounded plane: the part of cartilage 2's end below the manubrium (the
    // body of the sternum takes the other half of its notch, and is not modelled) kept the sweep's flat
    // end with a hard rim, which came out pinched and torn at its lower corners (seventh-pass review).
    if (cs.centreline.size() >= 2) {
      const std::vector<vec3> &line = cs.centreline;
      const vec3 n = glm::normalize(line.back() - line[line.size() - 2]);
      const vec3 end = line.back() - n * 0.3f;
      const Sdf raw = b.sdf;
      b.sdf = [raw, end, n](const vec3 &p) { return smax(raw(p), sdPlane(p, end, n), kEndRound); };
    }
    b.sdf = keepApart(b.sdf, sternum, 0.3f, kEndRound);
    b.surfaceLandmarks.clear();
    cartilages.push_back({b.sdf, b.box});
    out.push_back(std::move(b));
  }
  std::vector<BoneModel> clavicles;
  for (const SweptSpec &cs : spec.clavicles)
    clavicles.push_back(buildClavicle(cs));
  // Sternoclavicular joints: the manubrium notched by the clavicles, 1.5 mm (a visible joint line where
  // the articular disc lies).
  std::vector<Neighbour> clavicleRaw;
  for (const BoneModel &c : clavicles) {
    clavicleRaw.push_back({c.sdf, c.box});
    clavicleRaw.push_back(mirrored({c.sdf, c.box}));
  }
  manubrium.sdf = keepApart(manubrium.sdf, clavicleRaw, 1.5f);
  finishLandmarks(manubrium);
  const Neighbour manubriumDone{manubrium.sdf, manubrium.box};
  out.push_back(std::move(manubrium));
  if (sternalBody) {
    finishLandmarks(*sternalBody);
    out.push_back(std::move(*sternalBody));
  }
  // Clavicles: clear of rib 1 and its cartilage (the costoclavicular space stays open).
  std::vector<Neighbour> under = cartilages;
  if (auto it = built.find("rib1"); it != built.end())
    under.push_back(it->second);
  under.push_back(manubriumDone);
  for (BoneModel &c : clavicles) {
    // Rounded over 3 mm: the default 1.2 mm trim against the first costal cartilage left a crease
    // across the sternal end's lower face (eighth-pass review).
    c.sdf = keepApart(c.sdf, under, 1.0f, 3.0f);
    out.push_back(std::move(c));
  }
  return out;
}

} // namespace atlas::modelgen
