// Shared by the tests of the model generator's measurements (contacts, muscle sections, routes):
// the generator's measuring points computed without meshing, landmarks, the tubes' centre lines, the
// surfaces of the model under test, and one-mesh structures for scenes built by hand. Only where the
// generator is built (ATLAS_HAVE_MODELGEN).
#pragma once

#include "model_test_support.h"
#include "modelgen/contact_check.h"
#include "modelgen/model.h"
#include "modelgen/spec.h"
#include "modelgen/tube.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace atlas::test {

// The model description (assets/model), read once.
inline const modelgen::ModelSpec &modelSpec() {
  static const modelgen::ModelSpec spec = [] {
    Result<modelgen::ModelSpec> loaded = modelgen::loadModelSpec(modelSpecDir());
    if (!loaded)
      FAIL("cannot read the model description: " << loaded.error());
    return loaded.value();
  }();
  return spec;
}

// A vertebra of the model description by id; fails the test when there is none.
inline const modelgen::VertebraSpec &vertebraSpec(const std::string &id) {
  for (const modelgen::VertebraSpec &v : modelSpec().vertebrae)
    if (v.id == id)
      return v;
  FAIL("no vertebra " << id);
  return modelSpec().vertebrae.front();
}

// The back-most vertex of a bone within `halfWidth` mm of the midline: the tip of its spinous process.
inline glm::vec3 spineTipMm(const modelgen::SurfaceIndex &bone, float halfWidth = 7.0f) {
  glm::vec3 tip(0.0f, 0.0f, 1e9f);
  for (const glm::vec3 &v : bone.vertices())
    if (std::abs(v.x) < halfWidth && v.z < tip.z)
      tip = v;
  return tip;
}

// The generator's measurements (landmarks in mm, left side) from assets/model without meshing:
// seconds, not a minute. The meshes to measure are the committed model's (test_model_reproducible
// proves them the generator's output).
inline const modelgen::ModelMetrics &specMetrics() {
  static const modelgen::ModelMetrics metrics = [] {
    Result<modelgen::ModelMetrics> measured = modelgen::measureModel(modelSpec());
    if (!measured)
      FAIL("cannot measure the model: " << measured.error());
    return measured.value();
  }();
  return metrics;
}

// A structure of one mesh, for scenes built by hand.
inline Structure solid(const std::string &id, System system, MeshData mesh) {
  Structure s;
  s.id = id;
  s.system = system;
  s.meshes.push_back(std::move(mesh));
  return s;
}

// A named landmark of the generator's measurements (mm, left side); fails the test when missing.
inline glm::vec3 landmarkMm(const std::string &name) {
  const auto &marks = test::specMetrics().landmarks;
  auto it = marks.find(name);
  if (it == marks.end())
    FAIL("no landmark " << name);
  return it->second;
}

// A tube of vessels.json by id and side (a tube described once, on the left, serves both sides).
inline const modelgen::TubeSpec &tubeSpec(const std::string &id, const std::string &side = "left") {
  for (const modelgen::TubeSpec &t : test::modelSpec().tubes)
    if (t.id == id && (t.side.empty() || t.side == side))
      return t;
  FAIL("no tube " << id << " on the " << side << " in vessels.json");
  static modelgen::TubeSpec none;
  return none;
}

// The centre line the generator sweeps (mm; a tube described on the left is measured there, its
// mirror image has the same bends).
inline std::vector<glm::vec3> centreLine(const std::string &id, const std::string &side = "left") {
  const modelgen::TubeSpec &t = tubeSpec(id, side);
  std::vector<glm::vec3> controls = modelgen::tubeControls(t, landmarkMm);
  if (side == "right" && t.side.empty())
    for (glm::vec3 &c : controls)
      c.x = -c.x;
  return modelgen::smoothCurve(controls, modelgen::tubeSpacing(0.5f * t.diameter));
}

// The sharpest turn (degrees) of the centre line: the largest angle between its directions `reach` mm
// apart along it. A hairpin reads as 150-180, a smooth curve as a few tens. `where`, if given, gets
// the point where that turn begins.
inline float sharpestTurn(const std::vector<glm::vec3> &curve, float reach, glm::vec3 *where = nullptr) {
  float worst = 0.0f;
  for (std::size_t i = 0; i + 1 < curve.size(); ++i) {
    float walked = 0.0f;
    std::size_t j = i + 1;
    while (j + 1 < curve.size() && walked < reach) {
      walked += glm::length(curve[j + 1] - curve[j]);
      ++j;
    }
    const glm::vec3 a = glm::normalize(curve[i + 1] - curve[i]);
    const glm::vec3 b = glm::normalize(curve[j] - curve[j - 1]);
    const float turn = glm::degrees(std::acos(std::clamp(glm::dot(a, b), -1.0f, 1.0f)));
    if (turn > worst && where)
      *where = curve[i + 1];
    worst = std::max(worst, turn);
  }
  return worst;
}

// Highest crossing of the vertical line through (x, z): the upper surface there (-1e9 where none).
inline float topAt(const modelgen::SurfaceIndex &bone, float x, float z) {
  const std::vector<float> ys = bone.axisCrossings({x, 0.0f, z}, 1);
  return ys.empty() ? -1e9f : ys.back();
}

// The direction of a centre line near p, flattened to the horizontal (the rib's course seen from
// above at one of its landmarks): from the point before to the point after the one nearest p.
inline glm::vec3 horizontalCourseNear(const std::vector<glm::vec3> &line, const glm::vec3 &p) {
  std::size_t k = 1;
  for (std::size_t i = 1; i + 1 < line.size(); ++i)
    if (glm::length(line[i] - p) < glm::length(line[k] - p))
      k = i;
  const glm::vec3 along = line[k + 1] - line[k - 1];
  return glm::normalize(glm::vec3(along.x, 0.0f, along.z));
}

// The first point of `curve` at or above height y (curve.size() when none): where a vessel climbing
// through the foramina has come out above a landmark.
inline std::size_t firstAbove(const std::vector<glm::vec3> &curve, float y) {
  std::size_t i = 0;
  while (i < curve.size() && curve[i].y < y)
    ++i;
  return i;
}

// The surface of a structure of the model under test (committed, or ATLAS_ROUTES_GLB), in mm,
// indexed once for ray and distance queries.
inline const modelgen::SurfaceIndex &surfaceOf(const std::string &id) {
  static std::map<std::string, modelgen::SurfaceIndex> built;
  auto it = built.find(id);
  if (it == built.end()) {
    const Structure *s = modelUnderTest().find(id);
    if (!s)
      FAIL("missing structure " << id);
    it = built.emplace(id, modelgen::SurfaceIndex(s->meshes, 1000.0f)).first;
  }
  return it->second;
}

// Front-most crossing of the line along Z through (x, y): the front of the bone there (-1e9: none).
inline float frontAt(const modelgen::SurfaceIndex &bone, float x, float y) {
  const std::vector<float> zs = bone.axisCrossings({x, y, 0.0f}, 2);
  return zs.empty() ? -1e9f : zs.back();
}

// Lowest crossing of the vertical line through (x, z) above `floor`: the bone's under side (1e9: none).
inline float bottomAt(const modelgen::SurfaceIndex &bone, float x, float z, float floor) {
  const std::vector<float> ys = bone.axisCrossings({x, 0.0f, z}, 1);
  for (const float y : ys)
    if (y > floor)
      return y;
  return 1e9f;
}

// "(x, y, z)" of a point in mm, for the messages of failed checks.
inline std::string mmText(const glm::vec3 &p) {
  std::ostringstream s;
  s << "(" << p.x << ", " << p.y << ", " << p.z << ")";
  return s.str();
}

// The vertices of a structure of the model under test, in mm.
inline const std::vector<glm::vec3> &verticesOf(const std::string &id) {
  return surfaceOf(id).vertices();
}

// The width of a surface along one axis through p: the span between the crossings either side of p.
inline float spanThrough(const modelgen::SurfaceIndex &surface, const glm::vec3 &p, int axis) {
  float below = -1e9f, above = 1e9f;
  for (const float c : surface.axisCrossings(p, axis)) {
    if (c < p[axis])
      below = std::max(below, c);
    else
      above = std::min(above, c);
  }
  return above - below;
}

// The index of the point of `line` nearest to height `y` (mm), leaving out `margin` points at each end
// (1: a point with a neighbour either side, to take a direction from).
inline std::size_t nearestToHeight(const std::vector<glm::vec3> &line, float y, std::size_t margin = 0) {
  std::size_t m = margin;
  for (std::size_t k = margin; k + margin < line.size(); ++k)
    if (std::abs(line[k].y - y) < std::abs(line[m].y - y))
      m = k;
  return m;
}

// Mean radius (mm) of a tube's surface round its centre line at `c` (direction `t`): the first
// crossing of twelve rays from c across the line (the simplified mesh has too few vertices on its
// straight parts to average them).
inline float radiusAt(const modelgen::SurfaceIndex &surface, const glm::vec3 &c, const glm::vec3 &t) {
  const glm::vec3 u =
      glm::normalize(glm::cross(t, std::abs(t.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0)));
  const glm::vec3 w = glm::cross(t, u);
  float sum = 0.0f;
  for (int k = 0; k < 12; ++k) {
    const float a = 6.2831853f * static_cast<float>(k) / 12.0f;
    const std::vector<float> hits = surface.rayCrossings(c, u * std::cos(a) + w * std::sin(a));
    if (hits.empty())
      FAIL("a ray from " << mmText(c) << " leaves no surface");
    sum += hits.front();
  }
  return sum / 12.0f;
}

} // namespace atlas::test
