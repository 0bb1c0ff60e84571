// Sections: shared parts (body, pillar, lamina, spinous) · typical C3–C7 · T1–T2 · atlas · axis.
// Shapes are written in the vertebra's local frame (mm): origin at the body centre, +Y along the body
// axis, +Z anterior, +X left; bilateral parts are evaluated on |x|.
#include "modelgen/vertebra.h"

#include <cmath>
#include <memory>
#include <vector>

namespace atlas::modelgen {
namespace {

vec3 bilateral(const vec3 &p) {
  return {std::abs(p.x), p.y, p.z};
}

// A plate-like bar: two capsules stacked `halfHeight` above and below the axis, blended.
float sdBar(const vec3 &p, const vec3 &a, const vec3 &b, float r, float halfHeight) {
  const vec3 up(0.0f, halfHeight, 0.0f);
  return smin(sdCapsule(p, a + up, b + up, r), sdCapsule(p, a - up, b - up, r), halfHeight * 1.5f);
}

// Everything one level needs, derived once from the spec.
struct Level {
  VertebraSpec s;
  Frame frame;
  float h = 0, a = 0, b = 0, wedge = 0;
  float xl = 0, zl = 0, rl = 5.5f; // articular pillar centre and radius
  float zj = 0;                    // spinolaminar junction
  vec3 tip{0};                     // spinous knob centre (local)
  vec3 dens{0};                    // axis only: apex of the dens (local)
  vec3 at{0}, pt{0}, ft{0};        // tubercles and foramen transversarium (local, left)
  float ftR = 0, atR = 0, ptR = 3;
  float yTp = -0.5f;
  std::vector<std::pair<vec3, float>> pits; // costal facets (local centre, radius)
};

float bodyShape(const Level &L, const vec3 &p, bool uncinates) {
  const float halfH = L.h * 0.5f;
  const float t = std::clamp(p.y / halfH, -1.0f, 1.0f);
  const float waist = 1.0f - 0.05f * (1.0f - t * t);
  const float side = sdRoundRect(vec2(p.x, p.z), vec2(L.a * waist, L.b), std::min(L.a, L.b) * 0.7f);
  const float tw = std::tan(radians(L.wedge * 0.5f));
  const float top = p.y - (halfH - p.z * tw);
  const float bottom = (-halfH + p.z * tw) - p.y;
  float d = smax(smax(side, top, 1.2f), bottom, 1.2f);
  d = subtract(d, sdSphere(p, vec3(0, halfH - 0.9f + 45.0f, -0.5f), 45.0f), 0.6f);  // flat superior dish
  d = subtract(d, sdSphere(p, vec3(0, -halfH + 2.4f - 28.0f, -1.5f), 28.0f), 0.6f); // inferior recess
  d = smin(d, sdEllipsoid(p, vec3(0, -halfH + 0.2f, L.b - 1.8f), vec3(L.a * 0.55f, 1.6f, 1.8f)), 1.0f);
  if (uncinates) {
    const vec3 q = bilateral(p);
    const float inner = L.s.supWidth * 0.5f, outer = L.s.bodyWidth * 0.5f;
    const float half = std::max(0.6f, (outer - inner) * 0.5f);
    const float unc = sdRoundBox(q, vec3((inner + outer) * 0.5f, halfH + 0.6f, -L.b * 0.3f),
                                 vec3(half, 2.3f, L.b * 0.6f), std::min(half, 1.2f) * 0.9f);
    d = smin(d, unc, 1.0f);
  }
  return d;
}

float canal(const Level &L, const vec3 &p) {
  const float zc = -L.b - L.s.canalDepth * 0.5f - 0.3f;
  const float e = glm::length(vec2(p.x / (L.s.canalWidth * 0.5f), (p.z - zc) / (L.s.canalDepth * 0.5f)));
  return (e - 1.0f) * std::min(L.s.canalWidth, L.s.canalDepth) * 0.5f;
}

// Articular pillar: a short column cut top and bottom by the facet planes (REFERENCE §2.4).
float pillar(const Level &L, const vec3 &q, float halfSpan) {
  const float theta = radians(L.s.facetAngle), alpha = radians(L.s.facetSagittal);
  const vec3 n = glm::normalize(vec3(0, std::cos(theta), 0) +
                                std::sin(theta) * vec3(-std::cos(alpha), 0.0f, -std::sin(alpha)));
  const vec3 c(L.xl, -1.0f, L.zl);
  const float slab =
      std::max(sdPlane(q, c + vec3(0, halfSpan, 0), n), sdPlane(q, c - vec3(0, halfSpan, 0), -n));
  const float column = glm::length(vec2(q.x - L.xl, q.z - L.zl)) - L.rl;
  return smax(column, slab, 1.6f);
}

float posteriorArch(const Level &L, const vec3 &p, float laminaRadius) {
  const vec3 q = bilateral(p);
  const vec3 junction(0.0f, -2.5f, L.zj);
  const vec3 pillarBack(L.xl - 2.0f, -1.0f, L.zl - 2.5f);
  float d = smin(
      sdCapsule(q, pillarBack + vec3(0, 3.0f, 1.0f), junction + vec3(0, 3.0f, 1.0f), laminaRadius),
      sdCapsule(q, pillarBack + vec3(0, -3.0f, -1.0f), junction + vec3(0, -3.0f, -1.0f), laminaRadius), 2.5f);
  // Spinous process from the junction to the tip, then a bifid or single knob whose surface reaches
  // the tip given in §1.1.
  const vec3 dir = glm::normalize(L.tip - junction);
  const float knobRadius = L.s.bifid ? 2.5f : 3.4f;
  const vec3 tip = L.tip - dir * knobRadius;
  d = smin(d, sdRoundCone(p, junction, tip, 2.8f, 2.2f), 2.0f);
  d = smin(d, sdRoundCone(p, junction + vec3(0, -2.0f, 0), tip - dir * 4.0f + vec3(0, -1.0f, 0), 2.6f, 1.8f),
           2.0f);
  if (L.s.bifid) {
    const vec3 fork = tip - dir * 7.0f;
    const vec3 knob = tip + vec3(3.4f, -0.6f, 0.0f);
    d = smin(d, sdRoundCone(q, fork, knob, 2.2f, 2.4f), 1.5f);
    d = smin(d, sdSphere(q, knob, knobRadius), 1.0f);
  } else {
    d = smin(d, sdEllipsoid(p, tip, vec3(3.6f, 4.0f, knobRadius)), 2.0f);
  }
  return d;
}

// Transverse process of C3–C7: a plate joining the anterior and posterior tubercles around the
// foramen transversarium, with the groove for the spinal nerve on its upper face.
float transverseProcess(const Level &L, const vec3 &q) {
  // The plate is level over the foramen and slopes down beyond it.
  const float slope = 0.2f;
  const float slopeStart = L.ft.x + L.ftR;
  auto yAt = [&](float x) { return L.yTp - slope * std::max(0.0f, x - slopeStart); };
  const float x0 = L.a - 1.0f, x1 = L.pt.x;
  const float z0 = L.pt.z - 1.0f, z1 = L.at.z + 1.0f;
  const vec3 lifted(q.x, q.y - yAt(q.x) + L.yTp, q.z);
  float d = sdRoundBox(lifted, vec3((x0 + x1) * 0.5f, L.yTp, (z0 + z1) * 0.5f),
                       vec3((x1 - x0) * 0.5f, 2.8f, (z1 - z0) * 0.5f), 2.2f);
  // Anterior root: a stout bar from the body to the anterior tubercle, in front of the foramen.
  d = smin(
      d,
      sdCapsule(q, vec3(L.a - 1.5f, L.yTp - 0.3f, L.at.z - 0.2f), vec3(L.at.x, L.at.y, L.at.z - 0.2f), 2.7f),
      1.0f);
  d = smin(d, sdSphere(q, L.pt, L.ptR), 1.5f);
  if (L.atR > 0.0f)
    d = smin(d, sdSphere(q, L.at, L.atR), 1.5f);
  // Lateral notch between the two tubercles.
  const float notchZ = (L.at.z + L.pt.z) * 0.5f;
  d = subtract(d, sdCapsule(q, vec3(x1 + 1.5f, -8, notchZ), vec3(x1 + 1.5f, 8, notchZ), 2.4f), 0.8f);
  if (L.ftR > 0.0f) {
    const float hole =
        std::max(glm::length(vec2(q.x - L.ft.x, q.z - L.ft.z)) - L.ftR, std::abs(q.y - L.yTp) - 8.0f);
    d = subtract(d, hole, 0.4f);
  }
  const vec3 g0(L.ft.x + L.ftR + 0.3f, yAt(L.ft.x) + 2.9f, L.ft.z - 0.5f);
  const vec3 g1(x1 + 3.0f, yAt(x1) + 2.4f, notchZ - 0.5f);
  d = subtract(d, sdCapsule(q, g0, g1, 1.9f), 0.8f);
  return d;
}

float typicalVertebra(const Level &L, const vec3 &p, const Sdf &body) {
  const vec3 q = bilateral(p);
  float d = body(p);
  const float pr = L.s.pedicleWidth * 0.5f,
              ph = std::max(0.0f, (L.s.pedicleHeight - L.s.pedicleWidth) * 0.5f);
  d = smin(d, sdBar(q, vec3(L.a - 2.0f, 1.2f, -L.b + 3.0f), vec3(L.xl, 0.8f, L.zl), pr, ph), 1.5f);
  d = smin(d, pillar(L, q, (L.h + 3.2f) * 0.5f), 1.2f);
  d = smin(d, posteriorArch(L, p, L.s.id == "c7" ? 2.6f : 2.2f), 1.5f);
  d = smin(d, transverseProcess(L, q), 1.2f);
  return subtract(d, canal(L, p), 0.5f);
}

float thoracicVertebra(const Level &L, const vec3 &p, const Sdf &body) {
  const vec3 q = bilateral(p);
  float d = body(p);
  const float pr = L.s.pedicleWidth * 0.5f,
              ph = std::max(0.0f, (L.s.pedicleHeight - L.s.pedicleWidth) * 0.5f);
  d = smin(d, sdBar(q, vec3(L.a - 2.5f, 2.0f, -L.b + 3.0f), vec3(L.xl, 2.0f, L.zl), pr, ph), 1.5f);
  d = smin(d, pillar(L, q, (L.h + 4.5f) * 0.5f), 1.2f);
  d = smin(d, posteriorArch(L, p, 2.6f), 1.5f);
  // Transverse process: stout, running laterally and backwards to the facet for the rib tubercle.
  d = smin(d, sdRoundCone(q, vec3(L.xl, 1.0f, L.zl), L.pt, 4.2f, 4.4f), 2.0f);
  for (const auto &[centre, radius] : L.pits)
    d = subtract(d, sdSphere(q, centre, radius), 0.6f);
  return subtract(d, canal(L, p), 0.5f);
}

// Atlas: a ring of two arches and two lateral masses, no body (REFERENCE §2.5).
float atlasShape(const Level &L, const vec3 &p) {
  const vec3 q = bilateral(p);
  const float halfAp = L.s.depth * 0.5f; // overall AP 46.1
  const vec3 mass(20.0f, 0.0f, 3.0f);
  float d = sdEllipsoid(q, mass, vec3(6.8f, 7.0f, 10.5f));
  d = subtract(d, sdEllipsoid(q, vec3(20.5f, 9.8f, 3.0f), vec3(5.5f, 4.5f, 10.5f)), 0.6f); // superior facet
  d = smax(d, sdPlane(q, vec3(20.0f, -5.5f, 3.0f), glm::normalize(vec3(0.25f, -1.0f, 0.0f))), 0.8f);
  const vec3 squash(1.0f, 1.0f / 1.25f, 1.0f);
  auto arch = [&](const vec3 &a, const vec3 &b, float r) {
    return sdCapsule(q * squash, a * squash, b * squash, r);
  };
  float anterior = smin(arch(vec3(14, -0.5f, 11), vec3(6, 0, 18.5f), 3.9f),
                        arch(vec3(6, 0, 18.5f), vec3(0, 0, 19.5f), 3.9f), 2.0f);
  anterior = smin(anterior, sdEllipsoid(q, vec3(0, -0.5f, halfAp - 2.6f), vec3(5.0f, 5.5f, 2.6f)), 2.0f);
  anterior =
      subtract(anterior, sdEllipsoid(q, vec3(0, 0, 12.4f), vec3(4.6f, 5.0f, 4.0f)), 0.5f); // dens facet
  float posterior = smin(arch(vec3(15, 0.5f, -7), vec3(12, 0.5f, -16), 3.0f),
                         arch(vec3(12, 0.5f, -16), vec3(0, 0, -20.5f), 3.0f), 2.0f);
  posterior = smin(posterior, sdEllipsoid(q, vec3(0, -1.0f, -halfAp + 2.6f), vec3(5.0f, 5.0f, 2.6f)), 2.0f);
  posterior =
      subtract(posterior, sdCapsule(q, vec3(25, 5.0f, -6), vec3(9, 4.6f, -15), 2.6f), 0.6f); // VA groove
  d = smin(d, anterior, 2.0f);
  d = smin(d, posterior, 2.0f);
  const float tipX = L.s.tpSpan * 0.5f - 4.0f;
  float tp = sdRoundCone(q, vec3(22.0f, -1.0f, 1.0f), vec3(tipX, -2.0f, -2.0f), 4.6f, 4.0f);
  d = smin(d, tp, 2.0f);
  const float hole =
      std::max(glm::length(vec2(q.x - L.ft.x, q.z - L.ft.z)) - L.ftR, std::abs(q.y + 1.5f) - 8.0f);
  return subtract(d, hole, 0.4f);
}

// Axis: body with the dens, broad superior facets, stout laminae and a large bifid spinous process.
float axisShape(const Level &L, const vec3 &p) {
  const vec3 q = bilateral(p);
  const float slope = std::tan(radians(L.s.infSlope));
  float body = sdRoundBox(p, vec3(0, 9.0f, 0), vec3(8.0f, 9.0f, L.b), 3.0f);
  body = smax(body, -p.z * slope - p.y, 1.0f);
  body = subtract(body, sdSphere(p, vec3(0, 2.2f - 28.0f, -1.5f), 28.0f), 0.6f);
  const vec3 densTip = L.dens;
  float d =
      smin(body, sdRoundCone(p, vec3(0, 16.0f, -0.5f), densTip - vec3(0, 4.4f, -0.6f), 4.9f, 4.3f), 2.0f);
  d = smin(d, sdEllipsoid(p, densTip - vec3(0, 5.5f, -0.7f), vec3(5.0f, 5.8f, 5.3f)), 2.0f);
  // Superior articular facets: broad, lateral to the dens, facing up and a little outwards.
  float facet = sdEllipsoid(q, vec3(11.5f, 14.0f, -1.0f), vec3(7.5f, 5.0f, 9.0f));
  facet = smax(facet, sdPlane(q, vec3(11.5f, 17.0f, -1.0f), glm::normalize(vec3(0.3f, 1.0f, 0.0f))), 0.8f);
  d = smin(d, facet, 1.5f);
  d = smin(d, sdBar(q, vec3(9.0f, 11.0f, -5.0f), vec3(L.xl, 5.0f, L.zl), 3.2f, 1.5f), 1.5f);
  d = smin(d, pillar(L, q, 8.0f), 1.5f);
  d = smin(d, posteriorArch(L, p, 2.8f), 1.5f);
  // Small transverse process with its foramen.
  float tp = sdRoundBox(q, vec3((11.0f + L.pt.x) * 0.5f, L.yTp, -4.5f),
                        vec3((L.pt.x - 11.0f) * 0.5f, 2.5f, 4.0f), 2.0f);
  tp = smin(tp, sdSphere(q, L.pt, L.ptR), 1.5f);
  const float hole =
      std::max(glm::length(vec2(q.x - L.ft.x, q.z - L.ft.z)) - L.ftR, std::abs(q.y - L.yTp) - 8.0f);
  d = smin(d, subtract(tp, hole, 0.4f), 1.5f);
  d = subtract(d, hole, 0.4f);
  const float e = glm::length(vec2(p.x / 11.5f, (p.z + L.b + 8.0f) / 8.0f));
  return subtract(d, (e - 1.0f) * 8.0f, 0.5f);
}

Level makeLevel(const VertebraSpec &s) {
  Level L;
  L.s = s;
  const float depth = s.depth;
  L.b = depth * 0.5f;
  L.a = s.infWidth * 0.5f;
  L.h = glm::length(s.supCentre - s.infCentre);
  L.wedge = s.supSlope - s.infSlope;
  L.frame.origin = vec3(0.0f, s.bodyCentre.x, s.bodyCentre.y);
  L.frame.setAngle(radians((s.supSlope + s.infSlope) * 0.5f));
  L.xl = s.canalWidth * 0.5f + 5.0f;
  L.zl = -L.b - 6.0f;
  L.zj = -L.b - s.canalDepth - 2.0f;
  L.ptR = s.posteriorTubercleRadius;
  L.atR = s.anteriorTubercleRadius;
  L.ftR = s.ftDiameter * 0.5f;
  L.pt = vec3(s.tpSpan * 0.5f - L.ptR, L.yTp - 2.0f, -L.b - 2.5f);
  L.at = vec3(s.anteriorTubercleX, L.yTp - 1.5f, s.anteriorTubercleZ);
  L.ft = vec3(L.a + 1.0f + L.ftR + 1.2f, L.yTp, -4.4f);
  const vec3 tipWorld(0.0f, s.spinousTip.x, s.spinousTip.y);
  L.tip = L.frame.toLocal(tipWorld);
  return L;
}

} // namespace

VertebraModel buildVertebra(const VertebraSpec &spec, const Landmarks &ribLandmarks) {
  auto L = std::make_shared<Level>(makeLevel(spec));
  VertebraModel out;
  const std::string &id = spec.id;
  if (spec.kind == "atlas") {
    // Frame through the two tubercles: origin midway, local +Z towards the anterior tubercle.
    const vec2 d = spec.supCentre - spec.infCentre; // (anterior tubercle) - (posterior tubercle)
    L->frame.origin = vec3(0.0f, (spec.supCentre.x + spec.infCentre.x) * 0.5f,
                           (spec.supCentre.y + spec.infCentre.y) * 0.5f);
    L->frame.setAngle(-std::atan2(d.x, d.y));
    L->ft = vec3(26.5f, -1.5f, 0.0f);
    L->ftR = spec.ftDiameter * 0.5f;
    L->pt = vec3(spec.tpSpan * 0.5f - 4.0f, -2.0f, -2.0f);
    L->at = L->pt;
  } else if (spec.kind == "axis") {
    // Frame at the inferior endplate centre, upright; supCentre holds the dens apex.
    L->frame.origin = vec3(0.0f, spec.infCentre.x, spec.infCentre.y);
    L->frame.setAngle(0.0f);
    L->b = spec.depth * 0.5f;
    L->xl = 15.5f;
    L->zl = -L->b - 7.0f;
    L->zj = -L->b - spec.canalDepth - 2.5f;
    L->rl = 5.0f;
    L->yTp = 7.0f;
    L->ptR = 3.0f;
    L->pt = vec3(spec.tpSpan * 0.5f - L->ptR, L->yTp - 1.0f, -5.0f);
    L->ftR = spec.ftDiameter * 0.5f;
    L->ft = vec3(17.0f, L->yTp, -4.0f);
    L->at = L->pt;
  } else if (spec.kind == "thoracic") {
    L->frame.origin = vec3(0.0f, spec.bodyCentre.x, spec.bodyCentre.y);
    const vec2 axis = spec.supCentre - spec.infCentre;
    L->frame.setAngle(std::atan2(axis.y, axis.x));
    L->wedge = 0.0f;
    L->pt = L->frame.toLocal(spec.tpTip);
    L->at = L->pt;
    for (const std::string &name : spec.costalPits) {
      auto it = ribLandmarks.find(name);
      if (it != ribLandmarks.end())
        L->pits.emplace_back(L->frame.toLocal(it->second),
                             name.find("head") != std::string::npos ? 3.6f : 3.2f);
    }
  }
  L->tip = L->frame.toLocal(vec3(0.0f, spec.spinousTip.x, spec.spinousTip.y));
  L->dens = L->frame.toLocal(vec3(0.0f, spec.supCentre.x, spec.supCentre.y));
  out.frame = L->frame;
  const bool uncinates = spec.kind == "typical" || spec.kind == "prominens";
  out.body = [L, uncinates](const vec3 &world) { return bodyShape(*L, L->frame.toLocal(world), uncinates); };
  const Sdf body = [L, uncinates](const vec3 &local) { return bodyShape(*L, local, uncinates); };
  Sdf local;
  if (spec.kind == "atlas")
    local = [L](const vec3 &p) { return atlasShape(*L, p); };
  else if (spec.kind == "axis")
    local = [L](const vec3 &p) { return axisShape(*L, p); };
  else if (spec.kind == "thoracic")
    local = [L, body](const vec3 &p) { return thoracicVertebra(*L, p, body); };
  else
    local = [L, body](const vec3 &p) { return typicalVertebra(*L, p, body); };
  out.bone.id = id;
  out.bone.sdf = [L, local](const vec3 &world) { return local(L->frame.toLocal(world)); };
  out.bone.targetTriangles = spec.kind == "thoracic" ? 20000 : 18000;
  out.bone.step = 0.38f;

  // Bounding box: the local extents, rotated into the world.
  const float reach = std::max(spec.tpSpan * 0.5f + 3.0f, 40.0f);
  const float back = -std::max(70.0f, -L->tip.z + 8.0f);
  for (float x : {-reach, reach})
    for (float y : {-35.0f, 45.0f})
      for (float z : {back, 30.0f})
        out.bone.box.extend(L->frame.toWorld(vec3(x, y, z)));
  if (spec.kind != "axis" && spec.kind != "atlas") {
    out.bone.box = Bounds{};
    for (float x : {-reach, reach})
      for (float y : {-L->h * 0.5f - 12.0f, L->h * 0.5f + 12.0f})
        for (float z : {back, L->b + 4.0f})
          out.bone.box.extend(L->frame.toWorld(vec3(x, y, z)));
    out.bone.box.extend(L->frame.toWorld(L->tip) + vec3(0, -8, -6));
    out.bone.box.extend(L->frame.toWorld(L->tip) + vec3(0, 8, 0));
  }

  // Endplates (world).
  const float tw = std::tan(radians(L->wedge * 0.5f));
  out.supCentre = L->frame.toWorld(vec3(0, L->h * 0.5f, 0));
  out.infCentre = L->frame.toWorld(vec3(0, -L->h * 0.5f, 0));
  out.supNormal = L->frame.directionToWorld(glm::normalize(vec3(0, 1.0f, tw)));
  out.infNormal = L->frame.directionToWorld(glm::normalize(vec3(0, -1.0f, tw)));
  if (spec.kind == "axis") {
    const float slope = std::tan(radians(spec.infSlope));
    out.infCentre = L->frame.origin;
    out.infNormal = glm::normalize(vec3(0, -1.0f, -slope));
  }
  out.halfSize = vec2(L->a, L->b);

  Landmarks &lm = out.bone.landmarks;
  lm[id + ".body"] = L->frame.origin;
  lm[id + ".canal"] = L->frame.toWorld(vec3(0.0f, 0.0f, -L->b - spec.canalDepth * 0.5f - 0.3f));
  lm[id + ".pt"] = L->frame.toWorld(L->pt);
  lm[id + ".at"] = L->frame.toWorld(L->at);
  lm[id + ".ft"] = L->frame.toWorld(vec3(L->ft.x, L->ft.y, L->ft.z));
  lm[id + ".tp"] = L->frame.toWorld(L->pt + vec3(L->ptR, 0, 0));
  lm[id + ".pillar"] = L->frame.toWorld(vec3(L->xl, -1.0f, L->zl));
  lm[id + ".groove"] = L->frame.toWorld(vec3(L->pt.x - 1.0f, L->yTp + 1.5f, (L->at.z + L->pt.z) * 0.5f));
  // Intervertebral foramen below this level: behind the body, in front of the pillar.
  lm[id + ".ivf"] = L->frame.toWorld(vec3(spec.canalWidth * 0.5f + 1.5f, -L->h * 0.5f - 2.8f, -L->b - 2.0f));
  return out;
}

} // namespace atlas::modelgen
