// Lecturer review of the bones, sixth pass, measured on the model under test (the committed model, or the
// draft ATLAS_ROUTES_GLB names): the width of C2's lower body against the C2-C3 disc, the discs kept
// between the uncinate processes behind, the dens a peg rather than a club, C2's spine a massive bifid
// bar, C1's transverse process one tapering piece, and laminae that lean like shingles. Millimetres,
// frame of REFERENCE.md §1 (+X left, +Y up, +Z forward). Each failure names the bone and the numbers.
#ifdef ATLAS_HAVE_MODELGEN
#include "modelgen/contact_check.h"
#include "modelgen/spec.h"
#include "modelgen_test_support.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace atlas;
using modelgen::SurfaceIndex;

namespace {

// The solid interval of the line along `axis` through p that contains (or lies nearest) p's own
// coordinate on that axis; {0, 0} when the line misses the bone within `reach` mm.
std::pair<float, float> intervalAt(const SurfaceIndex &bone, const glm::vec3 &p, int axis, float reach) {
  const std::vector<float> c = bone.axisCrossings(p, axis);
  std::pair<float, float> best{0.0f, 0.0f};
  float bestGap = reach;
  for (std::size_t i = 0; i + 1 < c.size(); i += 2) {
    const float gap = std::max({c[i] - p[axis], p[axis] - c[i + 1], 0.0f});
    if (gap < bestGap || (gap == 0.0f && bestGap == 0.0f && c[i + 1] - c[i] > best.second - best.first)) {
      bestGap = gap;
      best = {c[i], c[i + 1]};
    }
  }
  return best;
}

} // namespace

TEST_CASE("model: C2's inferior endplate is about 16 mm wide and the C2-C3 disc does not overhang it",
          "[model][bones]") {
  // REFERENCE §2.5 (core.ac dry-bone study): C2 inferior width 16.2 mm, body AP 14.9. Sixth pass: the
  // lower body was 9.5-15 mm wide, the disc about 19.5, which overhung C2 at the front and sides.
  const modelgen::VertebraSpec &c2 = test::vertebraSpec("c2");
  const SurfaceIndex &axis = test::surfaceOf("c2");
  const SurfaceIndex &disc = test::surfaceOf("disc_c2_c3");
  const float y0 = c2.infCentre.x, z0 = c2.infCentre.y;
  // The endplate slopes down in front (skeleton.json infSlope); the rim is the bone 0.2-1 mm above it,
  // within 5 mm of mid depth.
  const float slope = std::tan(glm::radians(c2.infSlope));
  auto aboveEndplate = [&](const glm::vec3 &v) { return v.y - (y0 - slope * (v.z - z0)); };
  float xLo = 1e9f, xHi = -1e9f, zLo = 1e9f, zHi = -1e9f;
  for (const glm::vec3 &v : axis.vertices()) {
    const float h = aboveEndplate(v);
    if (h < 0.2f || h > 1.0f || std::abs(v.z - z0) > 9.0f || std::abs(v.x) > 12.0f)
      continue;
    if (std::abs(v.z - z0) < 5.0f) {
      xLo = std::min(xLo, v.x);
      xHi = std::max(xHi, v.x);
    }
    if (std::abs(v.x) < 3.0f) {
      zLo = std::min(zLo, v.z);
      zHi = std::max(zHi, v.z);
    }
  }
  const float c2Width = xHi - xLo;
  INFO("C2 is " << c2Width << " mm wide and " << zHi - zLo
                << " mm deep 0.2-1 mm above its inferior endplate");
  CHECK(c2Width >= 15.2f);
  CHECK(c2Width <= 17.5f);
  CHECK(zHi - zLo >= 14.0f);
  CHECK(zHi - zLo <= 17.0f);
  // The disc's upper half, side to side, against C2's width at the endplate.
  float discHalf = 0.0f;
  for (const glm::vec3 &v : disc.vertices())
    if (aboveEndplate(v) > -2.0f)
      discHalf = std::max(discHalf, std::abs(v.x));
  INFO("C2-C3 disc's upper part " << 2.0f * discHalf << " mm wide under C2's " << c2Width << " mm");
  CHECK(2.0f * discHalf <= c2Width + 1.2f);
}

TEST_CASE("model: behind, the discs C2-C3 to C6-C7 stay between the uncinate processes", "[model][bones]") {
  // Gray's Anatomy 41st ed.: the uncovertebral joints lie lateral to the disc. Sixth pass: the discs ran
  // out over the uncinates into thin, ragged flaps at their posterolateral corners. REFERENCE §2.3: the
  // superior endplate width between the uncinates (supWidth of skeleton.json).
  const std::vector<std::pair<std::string, std::string>> discs = {{"disc_c2_c3", "c3"},
                                                                  {"disc_c3_c4", "c4"},
                                                                  {"disc_c4_c5", "c5"},
                                                                  {"disc_c5_c6", "c6"},
                                                                  {"disc_c6_c7", "c7"}};
  for (const auto &[id, lower] : discs) {
    const SurfaceIndex &disc = test::surfaceOf(id);
    float zLo = 1e9f, zHi = -1e9f;
    for (const glm::vec3 &v : disc.vertices()) {
      zLo = std::min(zLo, v.z);
      zHi = std::max(zHi, v.z);
    }
    const float zMid = (zLo + zHi) * 0.5f, halfDepth = (zHi - zLo) * 0.5f;
    float backHalf = 0.0f;
    for (const glm::vec3 &v : disc.vertices())
      if (v.z < zMid - 0.6f * halfDepth)
        backHalf = std::max(backHalf, std::abs(v.x));
    const float between = test::vertebraSpec(lower).supWidth;
    INFO(id << ": behind, the disc reaches " << backHalf << " mm from the midline; " << lower
            << "'s uncinates stand " << between * 0.5f << " mm from it");
    CHECK(backHalf <= between * 0.5f + 0.6f);
  }
}

TEST_CASE("model: the dens is a peg 8.5-11.5 mm front to back along its length, not a club",
          "[model][bones]") {
  // REFERENCE §2.5 (core.ac study): dens AP 10.6, transverse 9.8 at most, 8.5 at least. Sixth pass: the
  // head was about 11.4 mm deep on an 8.2 mm neck.
  const modelgen::VertebraSpec &c2 = test::vertebraSpec("c2");
  const SurfaceIndex &axis = test::surfaceOf("c2");
  const glm::vec3 apex = test::modelLandmarkMm("c2", "c2.dens");
  const float yBase = c2.infCentre.x + 21.0f, zBase = c2.infCentre.y - 0.5f;
  float lo = 1e9f, hi = 0.0f;
  for (float y = yBase; y <= apex.y - 4.5f; y += 0.5f) {
    const float f = (y - yBase) / (apex.y - yBase);
    const auto [back, front] = intervalAt(axis, {0.0f, y, zBase + (apex.z - zBase) * f}, 2, 2.0f);
    const float depth = front - back;
    INFO("dens " << depth << " mm deep " << apex.y - y << " mm below its apex");
    CHECK(depth >= 8.5f);
    CHECK(depth <= 11.5f);
    lo = std::min(lo, depth);
    hi = std::max(hi, depth);
  }
  INFO("the dens's depth runs from " << lo << " to " << hi << " mm");
  CHECK(hi <= 1.22f * lo);
}

TEST_CASE("model: C2's spine is a massive bar ending in two tubercles 15-20 mm across", "[model][bones]") {
  // Gray's Anatomy 41st ed. (the axis): the spinous process large and strong, its end bifid;
  // REFERENCE §2.5: bifid in 89 %. Sixth pass: a rod about 7 mm wide ending in two egg-shaped knobs.
  const SurfaceIndex &axis = test::surfaceOf("c2");
  float back = 1e9f;
  glm::vec3 tip(0.0f);
  for (const glm::vec3 &v : axis.vertices())
    if (std::abs(v.x) < 12.0f && v.z < back) {
      back = v.z;
      tip = v;
    }
  // The end: bone within 5 mm of the back.
  float xLo = 1e9f, xHi = -1e9f, yLo = 1e9f, yHi = -1e9f;
  for (const glm::vec3 &v : axis.vertices())
    if (v.z < back + 5.0f && std::abs(v.x) < 14.0f) {
      xLo = std::min(xLo, v.x);
      xHi = std::max(xHi, v.x);
      yLo = std::min(yLo, v.y);
      yHi = std::max(yHi, v.y);
    }
  INFO("C2's spine ends " << xHi - xLo << " mm wide and " << yHi - yLo << " mm tall");
  CHECK(xHi - xLo >= 15.0f);
  CHECK(xHi - xLo <= 20.0f);
  CHECK(yHi - yLo >= 11.0f);
  CHECK(yHi - yLo <= 15.5f);
  // The notch: 1 mm in from the back, on some line across, bone both sides of the midline and none at it.
  float notch = 0.0f;
  for (float y = yLo; y <= yHi; y += 0.25f) {
    const std::vector<float> xs = axis.axisCrossings({0.0f, y, back + 1.0f}, 0);
    float left = -1e9f, right = 1e9f;
    bool middle = false;
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
      if (xs[i + 1] < 0.0f)
        left = std::max(left, xs[i + 1]);
      if (xs[i] > 0.0f)
        right = std::min(right, xs[i]);
      middle = middle || (xs[i] <= 0.0f && xs[i + 1] >= 0.0f);
    }
    if (!middle && left > -1e8f && right < 1e8f)
      notch = std::max(notch, right - left);
  }
  INFO("the notch between its tubercles is " << notch << " mm wide 1 mm in from the back");
  CHECK(notch >= 3.5f);
  // Massive: 6 mm in front of the end, the spine's section at least 10 mm wide and 100 mm^2.
  const float z = back + 6.0f;
  float area = 0.0f, wLo = 1e9f, wHi = -1e9f;
  for (float x = -12.0f; x <= 12.0f; x += 0.25f) {
    const std::vector<float> ys = axis.axisCrossings({x, 0.0f, z}, 1);
    for (std::size_t i = 0; i + 1 < ys.size(); i += 2)
      if (ys[i + 1] > tip.y - 10.0f && ys[i] < tip.y + 16.0f) {
        area += (std::min(ys[i + 1], tip.y + 16.0f) - std::max(ys[i], tip.y - 10.0f)) * 0.25f;
        wLo = std::min(wLo, x);
        wHi = std::max(wHi, x);
      }
  }
  INFO("6 mm in front of its end the spine is " << wHi - wLo << " mm wide, section " << area << " mm^2");
  CHECK(wHi - wLo >= 10.0f);
  CHECK(area >= 100.0f);
}

TEST_CASE("model: C1's transverse process tapers as one piece to its tip, no pad or knob on it",
          "[model][bones]") {
  // Gray's Anatomy 41st ed. (the atlas): a long, flattened transverse process with the foramen in its
  // root and a rounded tip. Sixth pass: a ring round the foramen and a knob at the tip on a thin bar read
  // as an oval pad stuck on. Seen from in front (height) and from above (depth), lateral to the lateral
  // mass the process must not widen again going out.
  const SurfaceIndex &atlas = test::surfaceOf("c1");
  float tipX = 0.0f;
  for (const glm::vec3 &v : atlas.vertices())
    tipX = std::max(tipX, v.x);
  std::vector<std::pair<float, float>> extent; // (height, depth) per 0.5 mm slab
  std::vector<float> xs;
  // The section of the surface by the plane at x, from lines across it (exact, where the vertices of a
  // simplified mesh would sample a flat side only here and there).
  for (float x = 28.0f; x <= tipX - 1.5f; x += 0.5f) {
    float yLo = 1e9f, yHi = -1e9f, zLo = 1e9f, zHi = -1e9f;
    for (float y = atlas.lo().y; y <= atlas.hi().y; y += 0.1f)
      if (const std::vector<float> z = atlas.axisCrossings({x, y, 0.0f}, 2); z.size() >= 2) {
        zLo = std::min(zLo, z.front());
        zHi = std::max(zHi, z.back());
      }
    for (float z = atlas.lo().z; z <= atlas.hi().z; z += 0.1f)
      if (const std::vector<float> y = atlas.axisCrossings({x, 0.0f, z}, 1); y.size() >= 2) {
        yLo = std::min(yLo, y.front());
        yHi = std::max(yHi, y.back());
      }
    if (yHi > yLo) {
      extent.emplace_back(yHi - yLo, zHi - zLo);
      xs.push_back(x);
    }
  }
  REQUIRE(extent.size() > 6);
  float worstH = 0.0f, worstD = 0.0f, atH = 0.0f, atD = 0.0f;
  for (std::size_t i = 0; i < extent.size(); ++i)
    for (std::size_t j = i + 1; j < extent.size(); ++j) {
      if (extent[j].first - extent[i].first > worstH) {
        worstH = extent[j].first - extent[i].first;
        atH = xs[j];
      }
      if (extent[j].second - extent[i].second > worstD) {
        worstD = extent[j].second - extent[i].second;
        atD = xs[j];
      }
    }
  INFO("going out to its tip (" << tipX << " mm from the midline) the process grows taller by " << worstH
                                << " mm (at x " << atH << ") and deeper by " << worstD << " mm (at x " << atD
                                << ")");
  CHECK(worstH <= 0.6f);
  CHECK(worstD <= 0.6f);
}

TEST_CASE("model: the laminae of C3-C6 lean down and back like shingles, thicker below", "[model][bones]") {
  // Gray's Anatomy 41st ed. (the cervical vertebrae): the laminae are long and narrow, thinner above
  // than below, and slope downwards and backwards so that each overlaps the one below. Sixth pass: from
  // behind they read as upright slabs of even thickness. Cut by the sagittal plane 8 mm from the midline
  // (medial to the pillars, lateral to the spine), in the vertebra's own frame (up along its body axis):
  // the lower border's middle at least 1.8 mm behind the upper border's, and the lower part at least a
  // tenth thicker.
  for (const char *id : {"c3", "c4", "c5", "c6"}) {
    const modelgen::VertebraSpec &v = test::vertebraSpec(id);
    const SurfaceIndex &bone = test::surfaceOf(id);
    const glm::vec2 up = glm::normalize(v.supCentre - v.infCentre); // (Y, Z)
    const glm::vec2 backDir(up.y, -up.x);                           // perpendicular, towards -Z
    const float zCanalBack = v.bodyCentre.y - v.depth * 0.5f - v.canalDepth * 0.6f;
    struct Row {
      float y, zMid, thick;
    };
    std::vector<Row> rows;
    for (float y = v.bodyCentre.x - 25.0f; y <= v.bodyCentre.x + 25.0f; y += 0.25f) {
      const std::vector<float> zs = bone.axisCrossings({8.0f, y, 0.0f}, 2);
      if (zs.size() < 2 || zs[1] > zCanalBack) {
        if (!rows.empty())
          break;
        continue;
      }
      rows.push_back({y, (zs[0] + zs[1]) * 0.5f, zs[1] - zs[0]});
    }
    REQUIRE(rows.size() > 12);
    const float yLo = rows.front().y, yHi = rows.back().y;
    auto band = [&](float from, float to) {
      glm::vec2 centre(0.0f);
      float thick = 0.0f;
      int n = 0;
      for (const Row &r : rows)
        if (r.y >= yLo + (yHi - yLo) * from && r.y <= yLo + (yHi - yLo) * to) {
          centre += glm::vec2(r.y, r.zMid);
          thick += r.thick;
          ++n;
        }
      return std::make_pair(centre / float(std::max(n, 1)), thick / float(std::max(n, 1)));
    };
    const auto [lower, thickLower] = band(0.15f, 0.35f);
    const auto [upper, thickUpper] = band(0.65f, 0.85f);
    const float lean = glm::dot(lower - upper, backDir);
    INFO(id << ": the lamina, " << yHi - yLo << " mm tall at x = 8, has its lower part " << lean
            << " mm behind its upper part (in the vertebra's frame), " << thickLower << " mm thick against "
            << thickUpper << " above");
    CHECK(lean >= 1.8f);
    CHECK(thickLower >= 1.1f * thickUpper);
  }
}

#endif
