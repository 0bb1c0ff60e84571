#include "modelgen/muscle.h"

#include "modelgen/muscle_band.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

namespace atlas::modelgen {

namespace {

// Clearances (mm) from the surfaces a muscle lies against: bones keep this much air (under the
// 0.5 mm the contact checks allow), while inside a muscle's own attachment it sinks a little into the
// bone so that the tendon visibly meets its footprint. A muscle pressed against one built before it
// is trimmed to a face just under 1 mm off it: a cleft that shows them as two muscles (scalenus
// posterior behind medius; 0.3 mm read as one mass, lecturer review, sixth pass). 0.97, not 0.95:
// with medius's slips webbed, 0.95 left 0.84-0.89 mm between the two meshes at C6-C7.
constexpr float kBoneClearance = 0.3f;
constexpr float kMuscleClearance = 0.97f;
constexpr float kAttachmentSink = -0.25f;
constexpr float kSlipGap = 1.0f;   // mm between neighbouring slips
constexpr float kSlipBlend = 2.0f; // smin radius: a slip fuses into the belly with a fillet, no step
constexpr float kGroovedNear = 7.0f, kGroovedFar = 11.0f; // mm from a tubercle: slips kept apart
constexpr float kWebbedNear = 12.0f, kWebbedFar = 17.0f;  // the webs end by here, above the joins
constexpr float kIntoBone = 1.5f;   // tendons run on this far into their bone; the cuts trim them
constexpr float kGridCell = 2.0f;   // grid that lists the bones near each point
constexpr float kSheetDepth = 2.5f; // an insertion sheet reaches this far below its site's tangent plane
constexpr float kSheetBlend = 2.0f; // smin radius: the insertion tendon fans out into its sheet
constexpr float kSheetSize = 0.8f;  // the sheet covers this much of the footprint; its rim shows round it
constexpr float kUnderside = 1.2f;  // bone kept under an insertion tendon's sunk part (mm)
// Origin tendons are flat and short, then the slip is fleshy (REFERENCE §4.3: a 5-6 mm tendon per
// slip, slips merging into one belly 15-20 mm below the lowest origin [E]; the lecturer review of
// MODEL-REVIEW.md asked for tendons of a few mm up to about 15 mm, not strings). Ten millimetres of
// flat white tendon: at 8 mm the slips turned round 10 mm down and read as needles or white-tipped
// claws (lecturer review, seventh pass, issue 12); 11 mm left tendon in the middle of medius's belly.
constexpr float kOriginTendon = 10.0f;
constexpr float kTendonFade = 5.0f; // mm either side of a slip tendon's end over which it turns red
// An insertion tendon this long (mm) or longer is wholly tendon at the rib; a shorter one is whitish
// in proportion, but at least kLeastWhite, so its attachment still reads (REFERENCE §4.3 [E]).
constexpr float kWhiteTendon = 8.0f;
constexpr float kLeastWhite = 0.4f;
constexpr float kSlipRunOn = 12.0f;   // mm along the belly past the join over which a slip fades into it
const vec2 kSlipFascicle{6.0f, 3.5f}; // width x thickness of a fleshy slip before it joins (mm) [E]
// Spacing (mm) of the striation coordinate's lines round a band's section: the viewer's belly line
// period (shaders/mesh.frag kBellyPeriodMm; its tendon period is half of it), so that the lines meet
// across the coordinate's wrap.
constexpr float kStriationPeriod = 1.0f;
constexpr float kSlipOverBelly = 1.5f; // mm (see MuscleShape::fibreCoord)

struct Attachment {
  vec3 site, normal; // on the bone surface; outward
  float radius;
};

// The insertion tendon spread flat on its rib over the footprint (REFERENCE §4.3 footprint sizes):
// a sheet following the bone's own surface, thickest at the centre and thinning to nothing at its
// rim, so the tendon lies on the bone with no lip or edge standing off it.
struct InsertionSheet {
  Sdf bone;
  vec3 site, normal, along; // along: the footprint's long axis, in the bone's tangent plane
  vec2 half;                // half length, half width (mm)
  float thickness = 2.0f;   // at the centre (mm)
  bool onFace = false;      // MuscleSpec::insertionOnFace
  float distance(const vec3 &p) const {
    const vec3 q = p - site;
    const float reach = std::max(half.x, half.y) + 4.0f;
    if (glm::dot(q, q) > reach * reach)
      return glm::length(q) - std::max(half.x, half.y);
    const vec3 across = glm::cross(normal, along);
    const float e = glm::length(vec2(glm::dot(q, along) / half.x, glm::dot(q, across) / half.y));
    const float top = kAttachmentSink + thickness * std::sqrt(std::max(0.0f, 1.0f - e * e));
    const float h = bone(p);
    // Only on the side the tendon comes from: never round the rib's edge onto its far face.
    const float below = -glm::dot(q, normal) - kSheetDepth;
    return std::max({h - top, (e - 1.0f) * std::min(half.x, half.y), below});
  }
  // The tendon runs on into the bone, which cuts it to the bone's surface, but no further down than
  // the sheet reaches: where the rib falls away (the edges of a tubercle) it ends there.
  float clip(float d, const vec3 &p) const {
    // Only round the site: a belly that comes in along the bone (scalenus posterior on rib 2) would
    // otherwise lose everything beyond the plane.
    const float r = std::max(half.x, half.y) + 2.0f;
    const float far = glm::smoothstep(r, r + 2.0f, glm::length(p - site));
    return std::max(d, -glm::dot(p - site, normal) - kSheetDepth - 100.0f * far);
  }
  // Where the rib is thinner than the tendon runs into it (near its sharp inner border), the part of
  // the tendon sunk under the bone's surface reached its far side and showed through the rib's
  // underside (lecturer review, seventh pass). For an insertion on the rib's face (onFace), nothing of
  // the muscle near the footprint lies within half a millimetre of the bone unless there is still bone
  // kUnderside mm further down: no tendon through the underside, none hanging round the border.
  float underside(float d, const vec3 &p) const {
    const float r = std::max(half.x, half.y) + 4.0f;
    if (glm::dot(p - site, p - site) > r * r)
      return d;
    if (!onFace)
      return d;
    const float h = bone(p);
    if (h > 0.5f)
      return d;
    return std::max(d, std::min(0.5f - h, bone(p - normal * kUnderside)));
  }
};

struct MuscleShape {
  MuscleBand belly;
  std::vector<MuscleBand> slips;
  std::vector<Sdf> bones;
  std::vector<MuscleSurroundings::Neighbour> muscles;
  std::vector<Attachment> attachments;
  InsertionSheet sheet;
  float slipWeb = 0.0f; // MuscleSpec::slipWeb
  // Bones within reach of each grid node (bit i: bones[i]), so that a sample evaluates only those.
  vec3 gridLo{0.0f};
  glm::ivec3 gridN{1};
  std::vector<std::uint32_t> nearBones;

  // A slip's tendon ends on the plane touching its bone at its own attachment (attachments[i + 1]
  // for slip i), so nothing of it hangs over the edges of a tubercle.
  static float endOn(float d, const Attachment &a, const vec3 &p) {
    const float far = glm::smoothstep(a.radius, a.radius + 2.0f, glm::length(p - a.site));
    return std::max(d, -glm::dot(p - a.site, a.normal) + kAttachmentSink - 100.0f * far);
  }
  float raw(const vec3 &p) const {
    // The belly, and the two nearest slips (see below for how they are joined).
    // The insertion tendon runs on into its rib (the bone cuts it to the surface) and fans out into
    // the sheet lying on the bone: no end plane, which would leave a flat foot over a curved rib.
    const float bellyD = smin(sheet.clip(bandAt(belly, p).distance, p), sheet.distance(p), kSheetBlend);
    float first = 1e9f, second = 1e9f;
    for (std::size_t i = 0; i < slips.size(); ++i) {
      if (boxDistance(slips[i].box, p) > second + kSlipGap)
        continue;
      const float d = endOn(bandAt(slips[i], p).distance, attachments[i + 1], p);
      if (d < first) {
        second = first;
        first = d;
      } else if (d < second) {
        second = d;
      }
    }
    // Within a few millimetres of the tubercles a groove keeps neighbouring slips apart as separate
    // tendons. Further on they are webbed: a smooth union whose radius grows away from the tubercles
    // fills the V between converging slips, so the muscle's upper edge is serrated, one fleshy
    // digitation per slip; each slip fuses into the belly with a fillet (lecturer review, twelfth
    // pass: slips kept apart from the belly and each other by a groove down to their joins bridged
    // to it as separate straps joined by thin strands, a ladder of ligaments). A web radius of 8 mm,
    // or webs carried on into the belly, swelled its flanks into the rami and trunks behind it.
    float nearOrigin = 0.0f, webbed = 0.0f;
    for (std::size_t i = 1; i < attachments.size(); ++i) {
      const float d = glm::length(p - attachments[i].site);
      nearOrigin = std::max(nearOrigin, 1.0f - glm::smoothstep(kGroovedNear, kGroovedFar, d));
      webbed = std::max(webbed, 1.0f - glm::smoothstep(kWebbedNear, kWebbedFar, d));
    }
    const float web = slipWeb * (1.0f - nearOrigin) * webbed;
    const float slipsD = std::max(smin(first, second, web),
                                  0.5f * (kSlipGap - (second - first)) - 100.0f * (1.0f - nearOrigin));
    // The same groove between the belly and the nearest slip, where those two are the nearest pieces:
    // a slip that leaves its tubercle beside the belly's top is still a tendon of its own there.
    const float apart = bellyD <= second
                            ? 0.5f * (kSlipGap - std::abs(first - bellyD)) - 100.0f * (1.0f - nearOrigin)
                            : -1e9f;
    return std::max(smin(bellyD, slipsD, kSlipBlend), apart);
  }
  float clearance(const vec3 &p) const {
    float c = kBoneClearance;
    for (const Attachment &a : attachments) {
      const float t = glm::smoothstep(a.radius, a.radius + 2.5f, glm::length(p - a.site));
      c = std::min(c, kAttachmentSink + (kBoneClearance - kAttachmentSink) * t);
    }
    return c;
  }
  std::uint32_t bonesNear(const vec3 &p) const {
    const glm::ivec3 i =
        glm::clamp(glm::ivec3(glm::round((p - gridLo) / kGridCell)), glm::ivec3(0), gridN - 1);
    return nearBones[static_cast<std::size_t>((i.z * gridN.y + i.y) * gridN.x + i.x)];
  }
  float distance(const vec3 &p) const {
    float d = raw(p);
    if (d > 1.0f) // the cuts only move the surface inward: far samples keep the band distance
      return d;
    const std::uint32_t mask = bonesNear(p);
    if (mask) {
      const float c = clearance(p);
      for (std::size_t b = 0; b < bones.size(); ++b)
        if (mask & (1u << b))
          d = smax(d, c - bones[b](p), 0.4f);
    }
    for (const MuscleSurroundings::Neighbour &m : muscles)
      if (boxDistance(m.box, p) < 1.0f)
        d = smax(d, kMuscleClearance - m.sdf(p), 0.4f);
    return sheet.underside(d, p);
  }
  void buildGrid(const Bounds &box) {
    gridLo = box.min;
    gridN = glm::ivec3(glm::ceil((box.max - box.min) / kGridCell)) + 1;
    nearBones.assign(static_cast<std::size_t>(gridN.x) * gridN.y * gridN.z, 0u);
    const float reach = kGridCell * 0.87f + 2.0f; // half a cell diagonal plus a margin
    for (int z = 0; z < gridN.z; ++z)
      for (int y = 0; y < gridN.y; ++y)
        for (int x = 0; x < gridN.x; ++x) {
          const vec3 p = gridLo + vec3(x, y, z) * kGridCell;
          if (raw(p) > reach + 1.0f)
            continue;
          std::uint32_t mask = 0;
          for (std::size_t b = 0; b < bones.size(); ++b)
            if (bones[b](p) < reach)
              mask |= 1u << b;
          nearBones[static_cast<std::size_t>((z * gridN.y + y) * gridN.x + x)] = mask;
        }
  }
  // The belly's and the near slips' hits at p (at most 16), with the band of each.
  std::size_t hitsAt(const vec3 &p, BandHit (&hits)[16], const MuscleBand *(&bands)[16]) const {
    std::size_t n = 0;
    bands[n] = &belly;
    hits[n++] = bandAt(belly, p);
    for (const MuscleBand &s : slips)
      if (n < 16 && boxDistance(s.box, p) < 4.0f) {
        bands[n] = &s;
        hits[n++] = bandAt(s, p);
      }
    return n;
  }
  // Fibre direction and tendon value: the bands' own, weighted by how close p is to each.
  glm::vec4 fibre(const vec3 &p) const {
    BandHit hits[16];
    const MuscleBand *bands[16];
    const std::size_t n = hitsAt(p, hits, bands);
    float nearest = 1e9f;
    for (std::size_t i = 0; i < n; ++i)
      nearest = std::min(nearest, hits[i].distance);
    vec3 dir(0.0f);
    float tendon = 0.0f, total = 0.0f;
    for (std::size_t i = 0; i < n; ++i) {
      const float w = std::exp(-(hits[i].distance - nearest) / 0.8f);
      dir += hits[i].tangent * w;
      tendon += hits[i].tendon * w;
      total += w;
    }
    const float len = glm::length(dir);
    return {len > 1e-6f ? dir / len : hits[0].tangent, std::clamp(tendon / total, 0.0f, 1.0f)};
  }
  // Striation coordinate: the nearest band's alone. Coordinates of different bands have nothing to do
  // with each other, so a blend of them would run across the fibres; where a slip meets the belly the
  // pattern changes at a seam instead, which the shader's filter fades. A slip must be nearer than the
  // belly by kSlipOverBelly: inside the belly, where it runs on towards the belly's centre line, its
  // angles turn along the belly's fibres, and vertices taking it by a hair's breadth drew a maze.
  float fibreCoord(const vec3 &p) const {
    BandHit hits[16];
    const MuscleBand *bands[16];
    const std::size_t n = hitsAt(p, hits, bands);
    std::size_t nearest = 0;
    for (std::size_t i = 1; i < n; ++i)
      if (hits[i].distance + kSlipOverBelly < hits[nearest].distance + (nearest > 0 ? kSlipOverBelly : 0.0f))
        nearest = i;
    return fibreCoordinate(*bands[nearest], hits[nearest], kStriationPeriod);
  }
  // Sets each band's fibreLines and deepSide: the side of its thickness axis nearer the bones, voted
  // at a quarter, half and three quarters of its length, where the coordinate's wrap is least seen.
  void prepareStriations() {
    auto nearestBone = [this](const vec3 &p) {
      float d = 1e9f;
      for (const Sdf &b : bones)
        d = std::min(d, b(p));
      return d;
    };
    for (MuscleBand *band : bandList()) {
      band->fibreLines = fibreLinesFor(*band, kStriationPeriod);
      int vote = 0;
      const std::size_t m = band->centre.size();
      for (const std::size_t k : {m / 4, m / 2, 3 * m / 4}) {
        const vec3 off = band->thickness[k] * (band->half[k].y + 1.0f);
        vote += nearestBone(band->centre[k] + off) < nearestBone(band->centre[k] - off) ? 1 : -1;
      }
      band->deepSide = vote > 0 ? 1.0f : -1.0f;
    }
  }
  std::vector<MuscleBand *> bandList() {
    std::vector<MuscleBand *> out{&belly};
    for (MuscleBand &s : slips)
      out.push_back(&s);
    return out;
  }
};

// The bone nearest to p, its surface point and outward normal there.
struct BoneContact {
  vec3 surface, normal;
  const Sdf *bone = nullptr;
};
BoneContact onNearestBone(const std::map<std::string, Sdf> &bones, const vec3 &p) {
  const Sdf *nearest = nullptr;
  float best = 1e9f;
  for (const auto &[id, sdf] : bones) {
    const float d = sdf(p);
    if (d < best) {
      best = d;
      nearest = &sdf;
    }
  }
  if (!nearest)
    return {p, vec3(0.0f, 1.0f, 0.0f)};
  const vec3 s = projectToSurface(*nearest, p);
  return {s, sdfGradient(*nearest, s), nearest};
}

std::size_t nearestSample(const MuscleBand &band, const vec3 &p) {
  std::size_t best = 0;
  for (std::size_t i = 0; i < band.centre.size(); ++i)
    if (glm::length(band.centre[i] - p) < glm::length(band.centre[best] - p))
      best = i;
  return best;
}

vec3 axisOr(const vec3 &axis, const vec3 &fallback) {
  return glm::length(axis) > 0.0f ? glm::normalize(axis) : fallback;
}

} // namespace

BoneModel buildMuscle(const MuscleSpec &spec, const LandmarkResolver &resolve,
                      const MuscleSurroundings &around) {
  if (spec.belly.size() < 2 || spec.insertion.size() != 1 || spec.slips.empty())
    throw std::runtime_error("muscle '" + spec.id +
                             "' needs slips, two or more belly points and one insertion");
  const vec3 broad = axisOr(spec.broadAxis, vec3(0.0f, 0.0f, 1.0f));
  auto shape = std::make_shared<MuscleShape>();
  std::vector<Attachment> &attachments = shape->attachments;
  // Attachment radius: half the largest footprint of that role (REFERENCE §4.3 sizes).
  auto footprintRadius = [&spec](const std::string &role, const vec3 &at, const LandmarkResolver &r) {
    float radius = 3.0f, best = 1e9f;
    for (const FootprintSpec &f : spec.footprints)
      if (f.role == role && glm::length(r(f.at) - at) < best) {
        best = glm::length(r(f.at) - at);
        radius = 0.5f * std::max(f.size.x, f.size.y);
      }
    return radius;
  };

  // Belly: a short rounded lead-in above the first point (hidden by the slips), the belly points,
  // then the insertion tendon onto the rib, ending inside it.
  const MusclePointSpec &ins = spec.insertion.front();
  const BoneContact rib = onNearestBone(around.bones, resolve(ins.at));
  attachments.push_back({rib.surface, rib.normal, footprintRadius("insertion", rib.surface, resolve)});
  const vec3 insBroad = axisOr(ins.broadAxis, broad);
  if (rib.bone) {
    // The sheet takes the insertion footprint's size (length along the tendon's width).
    vec2 size(ins.section.x, ins.section.x);
    float best = 1e9f;
    for (const FootprintSpec &f : spec.footprints)
      if (f.role == "insertion" && glm::length(resolve(f.at) - rib.surface) < best) {
        best = glm::length(resolve(f.at) - rib.surface);
        size = f.size;
      }
    const vec3 along = insBroad - rib.normal * glm::dot(insBroad, rib.normal);
    shape->sheet = {*rib.bone,
                    rib.surface,
                    rib.normal,
                    axisOr(along, glm::normalize(glm::cross(rib.normal, vec3(1, 0, 0)))),
                    size * (0.5f * kSheetSize),
                    ins.section.y,
                    spec.insertionOnFace};
  } else {
    shape->sheet.bone = [](const vec3 &) { return 1e9f; };
  }
  std::vector<BandControl> bellyControls;
  const vec3 top = resolve(spec.belly[0].at), second = resolve(spec.belly[1].at);
  bellyControls.push_back({top + glm::normalize(top - second) * 5.0f, spec.belly[0].section * 0.55f,
                           axisOr(spec.belly[0].broadAxis, broad), 0.0f});
  for (const MusclePointSpec &b : spec.belly)
    bellyControls.push_back({resolve(b.at), b.section, axisOr(b.broadAxis, broad), 0.0f});
  // Straight on into the bone along the approach (a turn towards the normal would hook the end).
  // The tendon turns only half way from the belly's width to the footprint's long axis: the sheet
  // lies along the rib, and a full quarter turn over the last centimetre twisted it like a ribbon.
  const vec3 approach = glm::normalize(rib.surface - bellyControls.back().at);
  const vec3 bellyBroad = bellyControls.back().broad;
  const vec3 tendonBroad =
      axisOr(bellyBroad + insBroad * (glm::dot(bellyBroad, insBroad) < 0.0f ? -1.0f : 1.0f), insBroad);
  bellyControls.push_back({rib.surface, ins.section, tendonBroad, 1.0f});
  bellyControls.push_back(
      {rib.surface + approach * (kSheetDepth + kIntoBone), ins.section, tendonBroad, 1.0f});
  MuscleBand &belly = shape->belly;
  belly = sweepBand(bellyControls, 1.0f);
  const float bellyStart = belly.arc[nearestSample(belly, top)];
  const float bellyEnd = belly.arc[nearestSample(belly, rib.surface)];
  const float tendonStart = bellyEnd - spec.insertionTendon;
  // The belly narrows into its insertion tendon over `taper` mm: a long tendon (scalenus anterior's
  // 10 mm) over about 12 mm, one smooth taper; over 6 mm it lost two thirds of its section in 4 mm, a
  // shelf above the tendon (lecturer review, eighth pass: a kinked lower tendon).
  const float taper = std::clamp(1.2f * spec.insertionTendon, 6.0f, 14.0f);
  const float insertionWhite = std::clamp(spec.insertionTendon / kWhiteTendon, kLeastWhite, 1.0f);
  for (std::size_t i = 0; i < belly.arc.size(); ++i) {
    const float a = belly.arc[i];
    // Tendon over the last insertionTendon mm, fading into the flesh over 8 mm: a 4 mm change drew a
    // white cuff with a hard line round the belly (lecturer review, eleventh pass). A short insertion
    // tendon (scalenus medius's broad insertion) is only partly tendon at the rib, not a white cap.
    belly.tendon[i] = insertionWhite * glm::smoothstep(tendonStart - 5.0f, tendonStart + 3.0f, a);
    belly.half[i] +=
        (ins.section * 0.5f - belly.half[i]) * glm::smoothstep(tendonStart - taper, tendonStart + 2.0f, a);
  }
  belly.updateBox();

  // Slips: a flat tendon leaving each origin tubercle and joining the belly about joinBelow mm lower
  // (REFERENCE §4.3: 15-20 mm; never above the belly's start, never into the insertion tendon),
  // tendon for its first kOriginTendon mm and fleshy below; joins spread across the belly's width, higher
  // slips on the +width side.
  const std::size_t top0 = nearestSample(belly, top);
  const std::size_t last = sampleAt(belly, tendonStart - 8.0f);
  Landmarks slipMarks;
  for (std::size_t i = 0; i < spec.slips.size(); ++i) {
    const MusclePointSpec &slip = spec.slips[i];
    const BoneContact origin = onNearestBone(around.bones, resolve(slip.at));
    attachments.push_back(
        {origin.surface, origin.normal, footprintRadius("origin", origin.surface, resolve)});
    std::size_t j = top0;
    while (j < last && belly.centre[j].y > origin.surface.y - spec.joinBelow)
      ++j;
    const vec2 fleshy = belly.half[j] * vec2(2.0f * 0.6f, 2.0f * 0.75f);
    const float spread = spec.slips.size() > 1
                             ? 0.5f - static_cast<float>(i) / static_cast<float>(spec.slips.size() - 1)
                             : 0.0f;
    const vec3 join = belly.centre[j] + belly.width[j] * (spread * spec.slipSpread * 2.0f * belly.half[j].x);
    const vec3 joinTangent = belly.tangent[j];
    // A tendon lies flat on its tubercle: its width across the slip's course, along the bone surface.
    const vec3 leave = glm::normalize(join - origin.surface);
    const vec3 slipBroad = axisOr(slip.broadAxis, axisOr(glm::cross(leave, origin.normal), broad));
    // Past its join the slip runs on into the belly and converges on its centre line, narrowing to
    // well inside it, so that it fades into the belly's surface: a slip carried on beside the belly
    // and cut off square left a step across the belly where it ended (lecturer review, eighth pass:
    // a seam at mid-belly of scalenus anterior).
    const std::size_t jEnd = std::max(j, std::min(last, sampleAt(belly, belly.arc[j] + kSlipRunOn)));
    const vec3 runOn = jEnd > j ? belly.centre[jEnd] : join + joinTangent * kSlipRunOn;
    const vec2 inside = glm::min(fleshy, belly.half[jEnd]); // half the belly's section there
    MuscleBand band = sweepBand({{origin.surface - leave * kIntoBone, slip.section, slipBroad, 1.0f},
                                 {origin.surface, slip.section, slipBroad, 1.0f},
                                 {join, fleshy, belly.width[j], 0.0f},
                                 {runOn, inside, belly.width[jEnd], 0.0f}},
                                1.0f);
    const float a0 = band.arc[nearestSample(band, origin.surface)];
    const float length = band.arc[nearestSample(band, join)] - a0;
    // A short flat tendon (kOriginTendon mm), then a fleshy fascicle that thickens as it converges on
    // the belly; a slip shorter than the tendon plus its change to flesh turns fleshy just above its join.
    const float tendonEnd = std::min(kOriginTendon, std::max(2.0f, length - 4.5f));
    const vec2 fascicle = glm::min(kSlipFascicle, fleshy);
    for (std::size_t k = 0; k < band.arc.size(); ++k) {
      const float x = band.arc[k] - a0;
      // The colour fades from tendon to flesh over 10 mm about the flat tendon's end, so the slip
      // turns red gradually: white to the tendon's end and then red drew each slip as a separate
      // white strap on its tubercle (lecturer review, eleventh pass).
      band.tendon[k] = 1.0f - glm::smoothstep(tendonEnd - kTendonFade, tendonEnd + kTendonFade, x);
      // The tendon narrows a little to a rounded end on its tubercle instead of ending square like a
      // plank; no more than that: a tip two thirds as wide read as a claw (lecturer review, seventh pass).
      const vec2 tip = slip.section * vec2(glm::mix(0.85f, 1.0f, glm::smoothstep(-1.0f, 3.0f, x)), 1.0f);
      const vec2 s = glm::mix(tip, fascicle, glm::smoothstep(tendonEnd, tendonEnd + 8.0f, x));
      const vec2 h =
          glm::mix(s, fleshy, glm::smoothstep(std::max(tendonEnd + 8.0f, length - 10.0f), length, x));
      band.half[k] = glm::mix(h, inside, glm::smoothstep(length, band.arc.back() - a0, x)) * 0.5f;
    }
    band.updateBox();
    const std::string name = "slip" + std::to_string(i) + "_tendon";
    auto markAt = [&](const std::string &key, float along) {
      const std::size_t k = sampleAt(band, a0 + along);
      slipMarks[key] = band.centre[k];
      slipMarks[key + "_next"] = band.centre[k] + band.tangent[k];
    };
    markAt(name, 5.0f);
    markAt(name + "10", 10.0f);
    shape->slips.push_back(std::move(band));
  }

  for (const auto &[id, sdf] : around.bones)
    shape->bones.push_back(sdf);
  if (shape->bones.size() > 32)
    throw std::runtime_error("muscle '" + spec.id + "': more than 32 bones to lie against");
  shape->muscles = around.muscles;
  shape->slipWeb = spec.slipWeb;

  BoneModel out;
  out.id = spec.id;
  out.box = belly.box;
  for (const MuscleBand &s : shape->slips)
    out.box.extend(s.box);
  shape->buildGrid(out.box);
  shape->prepareStriations();
  out.sdf = [shape](const vec3 &p) { return shape->distance(p); };
  out.fibre = [shape](const vec3 &p) { return shape->fibre(p); };
  out.fibreCoord = [shape](const vec3 &p) { return shape->fibreCoord(p); };
  const std::size_t mid = sampleAt(belly, 0.5f * (bellyStart + bellyEnd));
  out.landmarks = slipMarks;
  out.landmarks["belly_mid"] = belly.centre[mid];
  out.landmarks["belly_mid_next"] = belly.centre[mid] + belly.tangent[mid];
  // The belly's centre line every 2 mm from its first point to the rib ("axis<k>", with "axis<k>_next"
  // 1 mm further on), where the tests take its sections from the slips down to the insertion.
  int station = 0;
  for (float a = bellyStart; a <= bellyEnd + 1e-3f; a += 2.0f, ++station) {
    const std::size_t k = sampleAt(belly, a);
    const std::string name = "axis" + std::to_string(station);
    out.landmarks[name] = belly.centre[k];
    out.landmarks[name + "_next"] = belly.centre[k] + belly.tangent[k];
  }
  out.step = 0.5f;            // resolves the 1.5-2 mm thick tendons
  out.targetTriangles = 7000; // the whole model stays under 400,000
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
