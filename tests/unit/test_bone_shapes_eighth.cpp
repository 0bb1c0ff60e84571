// Lecturer review of the bones, eighth pass, measured on the model under test (the committed model, or the
// draft ATLAS_ROUTES_GLB names): the laminae of C3-C6 slope down and back and lap over one another like
// shingles, the bifid spines of C3-C6 taper to their tips with no ball at the end, and C1's transverse
// processes are broad plates round their foramina. Millimetres, frame of REFERENCE.md §1 (+X left, +Y up,
// +Z forward). Each failure names the bone and the numbers.
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

// The lamina of a vertebra cut by the sagittal plane x = const: for each height (0.25 mm apart) the
// solid piece nearest behind the canal, (y, z of its back face, z of its front face).
struct LaminaRow {
  float y, back, front;
};

std::vector<LaminaRow> laminaRows(const std::string &id, float x) {
  const modelgen::VertebraSpec &v = test::vertebraSpec(id);
  const SurfaceIndex &bone = test::surfaceOf(id);
  const float zCanalBack = v.bodyCentre.y - v.depth * 0.5f - v.canalDepth * 0.6f;
  std::vector<LaminaRow> rows;
  for (float y = v.bodyCentre.x - 25.0f; y <= v.bodyCentre.x + 25.0f; y += 0.25f) {
    const std::vector<float> zs = bone.axisCrossings({x, y, 0.0f}, 2);
    for (std::size_t i = zs.size(); i >= 2; i -= 2) // the piece behind the canal nearest to it
      if (zs[i - 1] < zCanalBack) {
        rows.push_back({y, zs[i - 2], zs[i - 1]});
        break;
      }
  }
  return rows;
}

// Area (mm^2), width and height of the section of `bone` by the plane z = const within |x| < 9 mm and
// `yHalf` of y0, from vertical lines 0.1 mm apart; `pieces` counts the separate runs across x.
struct Section {
  float area = 0.0f, width = 0.0f, height = 0.0f;
  int pieces = 0;
};

Section sectionAtZ(const SurfaceIndex &bone, float z, float y0, float yHalf, float xFrom = -9.0f,
                   float xTo = 9.0f) {
  Section s;
  float xlo = 1e9f, xhi = -1e9f, ylo = 1e9f, yhi = -1e9f;
  bool inside = false;
  for (float x = xFrom; x <= xTo; x += 0.1f) {
    const std::vector<float> ys = bone.axisCrossings({x, 0.0f, z}, 1);
    bool hit = false;
    for (std::size_t i = 0; i + 1 < ys.size(); i += 2) {
      const float a = std::max(ys[i], y0 - yHalf), b = std::min(ys[i + 1], y0 + yHalf);
      if (b > a) {
        s.area += (b - a) * 0.1f;
        xlo = std::min(xlo, x);
        xhi = std::max(xhi, x);
        ylo = std::min(ylo, a);
        yhi = std::max(yhi, b);
        hit = true;
      }
    }
    if (hit && !inside)
      ++s.pieces;
    inside = hit;
  }
  if (xhi >= xlo) {
    s.width = xhi - xlo + 0.1f;
    s.height = yhi - ylo;
  }
  return s;
}

} // namespace

TEST_CASE("model: the laminae of C3-C6 slope down and back and lap over the next like shingles",
          "[model][bones][bones-eighth]") {
  // Gray's Anatomy 41st ed. (the cervical vertebrae): the laminae are long and narrow and slope
  // downwards and backwards, each overlapping the upper border of the one below (imbricated); REFERENCE
  // §2.3: 10-12 mm tall, 3-4 mm thick. Eighth pass (lecturer): from behind they read as flat horizontal
  // boards with gaps between the levels. In the sagittal plane 8 mm from the midline (medial to the
  // pillars, lateral to the spine): the back face slopes down and back at least 35 degrees from the
  // vertical (line through the back face's points in its upper and lower fifths; before, 29-33
  // degrees); the lower border of each lamina stands out at least 2.5 mm behind the upper border of the
  // next (the back-most points within 1.5 mm of the two borders; before, 1.4-1.9 mm at C4-C6), and at
  // most 6.4 mm above it (before, 6.5-7 mm). test_bone_shapes holds each lamina's section at 10-12.5 mm
  // (REFERENCE §2.3 / MODEL-REVIEW), which at this spacing of the levels (about 17 mm) leaves a narrow gap
  // rather than an overlap.
  const char *ids[] = {"c3", "c4", "c5", "c6"};
  for (int k = 0; k < 4; ++k) {
    const std::vector<LaminaRow> rows = laminaRows(ids[k], 8.0f);
    REQUIRE(rows.size() > 20);
    const float yLo = rows.front().y, yHi = rows.back().y, span = yHi - yLo;
    glm::vec2 lower(0.0f), upper(0.0f);
    int nl = 0, nu = 0;
    for (const LaminaRow &r : rows) {
      if (r.y <= yLo + 0.2f * span) {
        lower += glm::vec2(r.y, r.back);
        ++nl;
      } else if (r.y >= yHi - 0.2f * span) {
        upper += glm::vec2(r.y, r.back);
        ++nu;
      }
    }
    lower /= float(std::max(nl, 1));
    upper /= float(std::max(nu, 1));
    const float slope = glm::degrees(std::atan2(upper.y - lower.y, upper.x - lower.x));
    INFO(ids[k] << ": at x = 8 the lamina's back face slopes " << slope << " degrees from the vertical ("
                << span << " mm tall)");
    CHECK(slope >= 35.0f);
    if (k == 3)
      continue;
    const std::vector<LaminaRow> next = laminaRows(ids[k + 1], 8.0f);
    REQUIRE(!next.empty());
    // The back face of each border: the back-most point of the lamina within 1.5 mm of it.
    auto backNear = [](const std::vector<LaminaRow> &rs, float y) {
      float back = 1e9f;
      for (const LaminaRow &r : rs)
        if (std::abs(r.y - y) <= 1.5f)
          back = std::min(back, r.back);
      return back;
    };
    const float yBottom = rows.front().y, yTop = next.back().y;
    const float backBottom = backNear(rows, yBottom), backTop = backNear(next, yTop);
    const float gap = yBottom - yTop, step = backTop - backBottom;
    INFO(ids[k] << "'s lower border at y " << yBottom << ", its back face at z " << backBottom << "; "
                << ids[k + 1] << "'s upper border at y " << yTop << ", its back face at z " << backTop
                << ": gap " << gap << " mm, the upper border " << step << " mm further forward");
    CHECK(gap <= 6.4f);
    CHECK(step >= 2.5f); // the lower border stands out behind the next one's top, as shingles do
  }
}

TEST_CASE("model: the bifid spines of C3-C6 taper to two small flattened tubercles, no ball",
          "[model][bones][bones-eighth]") {
  // Gray's Anatomy 41st ed. (the cervical vertebrae): the spines of C3-C6 are short, flattened and end
  // in two small tubercles; REFERENCE §2.1 (bifid). Eighth pass (lecturer): each tip read as two small
  // balls on a wedge. Sections by the planes z = const across the spine, 0.5 mm apart from 0.5 to 8 mm in
  // front of its back-most point: none is larger (by more than 5 % and 0.3 mm^2) than the one 1 mm
  // further forward, nearer the laminae; 1 mm from the end the tip is two pieces, each at least 1.6
  // times as tall as it is wide (flattened side to side, not a ball).
  for (const char *id : {"c3", "c4", "c5", "c6"}) {
    const SurfaceIndex &bone = test::surfaceOf(id);
    const glm::vec3 spineTip = test::spineTipMm(bone);
    const float back = spineTip.z, yTip = spineTip.y;
    float worst = 0.0f, worstAt = 0.0f;
    std::string profile;
    for (float s = 0.5f; s <= 8.0f + 1e-3f; s += 0.5f) {
      const Section here = sectionAtZ(bone, back + s, yTip, 12.0f);
      const Section nearer = sectionAtZ(bone, back + s + 1.0f, yTip, 12.0f);
      profile += " " + std::to_string(static_cast<int>(std::lround(here.area)));
      const float excess = here.area - (nearer.area * 1.05f + 0.3f);
      if (excess > worst) {
        worst = excess;
        worstAt = s;
      }
    }
    INFO(id << ": the largest swelling towards the tip is " << worst << " mm^2, " << worstAt
            << " mm from the end; sections from 0.5 mm every 0.5 mm (mm^2):" << profile);
    CHECK(worst <= 0.0f);
    const Section left = sectionAtZ(bone, back + 1.0f, yTip, 9.0f, 0.05f, 9.0f);
    const Section right = sectionAtZ(bone, back + 1.0f, yTip, 9.0f, -9.0f, -0.05f);
    const Section both = sectionAtZ(bone, back + 1.0f, yTip, 9.0f);
    INFO(id << ": 1 mm from the end, " << both.pieces << " pieces; left tubercle " << left.width << " x "
            << left.height << " mm, right " << right.width << " x " << right.height);
    CHECK(both.pieces == 2);
    CHECK(left.height >= 1.6f * left.width);
    CHECK(right.height >= 1.6f * right.width);
  }
}

TEST_CASE("model: C1's transverse processes are broad flat plates round their foramina",
          "[model][bones][bones-eighth]") {
  // Gray's Anatomy 41st ed. (the atlas): the transverse processes are long, broad and flattened, the
  // foramen transversarium in their roots; REFERENCE §2.5. Eighth pass (lecturer): thin loops round the
  // foramen. Seen from above (vertical lines 0.25 mm apart): the bone in front of and behind the foramen,
  // on the line through its centre front to back, is at least 3.5 mm wide each; 3 mm inside the tip the
  // process is at least 10 mm across front to back and at most 0.6 times as thick as it is broad.
  const glm::vec3 ft = test::specMetrics().landmarks.at("c1.ft");
  const modelgen::VertebraSpec &c1 = test::vertebraSpec("c1");
  const SurfaceIndex &bone = test::surfaceOf("c1");
  for (const float side : {1.0f, -1.0f}) {
    auto solidAt = [&](float x, float z) {
      const std::vector<float> ys = bone.axisCrossings({x, 0.0f, z}, 1);
      float t = 0.0f;
      for (std::size_t i = 0; i + 1 < ys.size(); i += 2)
        if (ys[i + 1] > ft.y - 12.0f && ys[i] < ft.y + 12.0f)
          t += ys[i + 1] - ys[i];
      return t;
    };
    const float x = side * ft.x;
    // Walk out from the foramen's centre forwards and backwards: the hole, then the bone of the rim.
    auto rim = [&](float dir) {
      float z = ft.z;
      while (solidAt(x, z) > 0.0f && std::abs(z - ft.z) < 3.0f) // in case the centre lands in bone
        z += dir * 0.25f;
      while (solidAt(x, z) == 0.0f && std::abs(z - ft.z) < 10.0f)
        z += dir * 0.25f;
      const float start = z;
      while (solidAt(x, z) > 0.0f && std::abs(z - ft.z) < 25.0f)
        z += dir * 0.25f;
      return std::abs(z - start);
    };
    const float front = rim(1.0f), behind = rim(-1.0f);
    const float tipX = side * (c1.tpSpan * 0.5f - 3.0f);
    float zlo = 1e9f, zhi = -1e9f, thick = 0.0f;
    for (float z = ft.z - 15.0f; z <= ft.z + 15.0f; z += 0.25f)
      if (const float t = solidAt(tipX, z); t > 0.0f) {
        zlo = std::min(zlo, z);
        zhi = std::max(zhi, z);
        thick = std::max(thick, t);
      }
    const float broad = zhi - zlo;
    INFO((side > 0 ? "left" : "right")
         << " C1 transverse process: the rim " << front << " mm wide in front of the foramen and " << behind
         << " behind; 3 mm inside the tip " << broad << " mm broad and " << thick << " mm thick");
    CHECK(front >= 3.5f);
    CHECK(behind >= 3.5f);
    CHECK(broad >= 10.0f);
    CHECK(thick <= 0.6f * broad);
  }
}

#endif
