#include "scene/pose_skin.h"

#include "core/check.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/constants.hpp>
#include <limits>

namespace atlas {

namespace {

glm::vec3 centroidOf(const Structure &s) {
  return s.vertexCentroid().value_or(glm::vec3(0.0f));
}

// Up to `count` vertices of the structure, evenly strided: enough to tell which bone is nearest.
std::vector<glm::vec3> samplesOf(const Structure &s, std::size_t count) {
  std::size_t total = 0;
  for (const MeshData &m : s.meshes)
    total += m.positions.size();
  const std::size_t stride = std::max<std::size_t>(1, total / count);
  std::vector<glm::vec3> out;
  std::size_t i = 0;
  for (const MeshData &m : s.meshes)
    for (const glm::vec3 &p : m.positions)
      if (i++ % stride == 0)
        out.push_back(p);
  return out;
}

float smoothstep(float lo, float hi, float x) {
  const float t = std::clamp((x - lo) / (hi - lo), 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

glm::mat4 boneMatrix(const std::vector<std::string> &bones, int index, const Pose &pose) {
  return index < 0 ? glm::mat4(1.0f) : pose.of(bones[static_cast<std::size_t>(index)]);
}

// Bones without a joint of their own that move with the manubrium.
bool ridesOnManubrium(const std::string &id) {
  return id.rfind("clavicle", 0) == 0 || id == "sternal_body";
}

glm::vec3 meanOf(const std::vector<glm::vec3> &points) {
  glm::vec3 sum(0.0f);
  for (const glm::vec3 &p : points)
    sum += p;
  return points.empty() ? sum : sum / static_cast<float>(points.size());
}

} // namespace

PoseSkin PoseSkin::build(const Scene &scene, const JointModel &joints) {
  PoseSkin skin;
  if (joints.empty())
    return skin;
  const std::vector<Structure> &all = scene.structures();
  // The bones that carry others: those with a joint and the fixed trunk (T1, T2). The clavicles and
  // the body of the sternum have no joint in this model; they move with the manubrium.
  std::vector<std::vector<glm::vec3>> samples;
  for (const Structure &s : all)
    if (s.system == System::Bone && (joints.find(s.id) || !ridesOnManubrium(s.id))) {
      skin.bones_.push_back(s.id);
      samples.push_back(samplesOf(s, 160));
    }
  // The GPU's slots: only bones with a joint move (at most a dozen in the bundled anatomy).
  // JointModel knows a fixed list of joints, so they always fit the shader's slots.
  int jointed = 0;
  for (const std::string &bone : skin.bones_)
    skin.slots_.push_back(joints.find(bone) ? ++jointed : 0);
  ATLAS_CHECK(static_cast<std::size_t>(jointed) < SkinnedDraw::kMaxSlots,
              "more jointed bones than GPU slots");
  const auto boneIndex = [&](const std::string &id) {
    const auto it = std::find(skin.bones_.begin(), skin.bones_.end(), id);
    return it == skin.bones_.end() ? -1 : static_cast<int>(it - skin.bones_.begin());
  };

  skin.structures_.resize(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Structure &s = all[i];
    SkinnedStructure &out = skin.structures_[i];
    if (const int bone = boneIndex(s.id); bone >= 0) {
      out.rigidBone = bone;
      continue;
    }
    if (s.attachment) {
      out.rigidBone = boneIndex(s.attachment->bone);
      continue;
    }
    // The clavicles ride on the manubrium: their far ends hang from the shoulder, which this model
    // leaves out, so they must not swing with the ribs they lie over. The body of the sternum rises
    // with the manubrium in a deep breath (the joint between them barely moves).
    if (s.system == System::Bone && ridesOnManubrium(s.id)) {
      out.rigidBone = boneIndex("manubrium");
      continue;
    }
    MuscleAxis axis;
    if (s.system == System::Muscle)
      for (const Structure &f : all)
        if (f.attachment && f.attachment->muscle == s.id) {
          const bool origin = f.attachment->role == AttachmentRole::Origin;
          (origin ? axis.origins : axis.insertions).push_back(boneIndex(f.attachment->bone));
          (origin ? axis.originPoints : axis.insertionPoints).push_back(centroidOf(f));
        }
    const bool muscle = !axis.origins.empty() && !axis.insertions.empty();
    if (muscle) {
      out.muscle = static_cast<int>(skin.muscles_.size());
      skin.muscles_.push_back(axis);
    }
    // A disc bends between the two bodies its id names ("disc_c3_c4"), measured on dense samples so
    // that each endplate surface stays on its own bone.
    std::vector<int> candidates;
    std::vector<std::vector<glm::vec3>> dense;
    if (s.system == System::Disc && s.id.rfind("disc_", 0) == 0) {
      const std::string pair = s.id.substr(5);
      const std::size_t cut = pair.find('_');
      for (const std::string &bone :
           {pair.substr(0, cut), cut == std::string::npos ? "" : pair.substr(cut + 1)})
        if (const int b = boneIndex(bone); b >= 0 && scene.find(bone)) {
          candidates.push_back(b);
          dense.push_back(samplesOf(*scene.find(bone), 4000));
        }
      if (candidates.size() != 2)
        candidates.clear();
    }
    if (candidates.empty())
      for (std::size_t b = 0; b < samples.size(); ++b)
        candidates.push_back(static_cast<int>(b));
    const auto samplesFor = [&](std::size_t k) -> const std::vector<glm::vec3> & {
      return dense.size() == 2 ? dense[k] : samples[static_cast<std::size_t>(candidates[k])];
    };
    const glm::vec3 o = meanOf(axis.originPoints), ins = meanOf(axis.insertionPoints);
    const glm::vec3 span = ins - o;
    for (const MeshData &m : s.meshes) {
      std::vector<Influence> &influences = out.meshes.emplace_back(m.positions.size());
      if (muscle) {
        // From the nearest origin slip to the nearest insertion, along the muscle's axis.
        for (std::size_t v = 0; v < m.positions.size(); ++v) {
          const glm::vec3 p = m.positions[v];
          const auto nearest = [&](const std::vector<glm::vec3> &points) {
            std::size_t best = 0;
            for (std::size_t k = 1; k < points.size(); ++k)
              if (glm::distance(points[k], p) < glm::distance(points[best], p))
                best = k;
            return best;
          };
          Influence &inf = influences[v];
          inf.bones = {axis.origins[nearest(axis.originPoints)],
                       axis.insertions[nearest(axis.insertionPoints)], -1, -1};
          inf.along = std::clamp(glm::dot(p - o, span) / glm::dot(span, span), 0.0f, 1.0f);
          const float toInsertion = smoothstep(0.1f, 0.9f, inf.along);
          inf.weights = {1.0f - toInsertion, toInsertion, 0.0f, 0.0f};
        }
        continue;
      }
      // Every candidate bone weighted by 1 / distance^6 (the nearest leads clearly: softer weights let a
      // tube that runs past two moving bones stretch between them), then the weights averaged
      // with those of the neighbouring vertices a few times, so that the two sides of a thin tube
      // agree and it bends instead of tearing where it passes between bones; the four largest kept.
      const std::size_t n = m.positions.size(), c = candidates.size();
      std::vector<float> weights(n * c, 0.0f);
      for (std::size_t v = 0; v < n; ++v) {
        float total = 0.0f;
        for (std::size_t k = 0; k < c; ++k) {
          float d = std::numeric_limits<float>::max();
          for (const glm::vec3 &q : samplesFor(k))
            d = std::min(d, glm::dot(q - m.positions[v], q - m.positions[v]));
          weights[v * c + k] = 1.0f / (d * d * d + 1e-30f);
          total += weights[v * c + k];
        }
        for (std::size_t k = 0; k < c; ++k)
          weights[v * c + k] /= total;
      }
      std::vector<std::vector<std::uint32_t>> neighbours(n);
      for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
        for (int e = 0; e < 3; ++e) {
          const std::uint32_t a = m.indices[t + e], b = m.indices[t + (e + 1) % 3];
          if (a < n && b < n) {
            neighbours[a].push_back(b);
            neighbours[b].push_back(a);
          }
        }
      std::vector<float> next(weights.size());
      for (int pass = 0; pass < 12; ++pass) {
        for (std::size_t v = 0; v < n; ++v)
          for (std::size_t k = 0; k < c; ++k) {
            float sum = 0.0f;
            for (const std::uint32_t u : neighbours[v])
              sum += weights[u * c + k];
            next[v * c + k] = neighbours[v].empty()
                                  ? weights[v * c + k]
                                  : 0.5f * weights[v * c + k] + 0.5f * sum / neighbours[v].size();
          }
        weights.swap(next);
      }
      for (std::size_t v = 0; v < n; ++v) {
        std::vector<std::pair<float, int>> ranked;
        for (std::size_t k = 0; k < c; ++k)
          ranked.push_back({weights[v * c + k], candidates[k]});
        std::partial_sort(ranked.begin(),
                          ranked.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(4, c)),
                          ranked.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
        float total = 0.0f;
        for (std::size_t k = 0; k < 4 && k < c; ++k)
          total += ranked[k].first;
        Influence &inf = influences[v];
        for (std::size_t k = 0; k < 4; ++k) {
          inf.bones[k] = k < c ? ranked[k].second : -1;
          inf.weights[k] = k < c && total > 0.0f ? ranked[k].first / total : 0.0f;
        }
      }
    }
  }
  return skin;
}

PoseSkin::PosedAxis PoseSkin::posedAxis(int muscle, const Pose &pose) const {
  // The muscle's posed axis, and how much thicker its belly gets: cross-section ~ 1 / stretch keeps the
  // volume (an isovolumic muscle), so the width goes as 1 / sqrt(stretch).
  const MuscleAxis &axis = muscles_[static_cast<std::size_t>(muscle)];
  const auto posedMean = [&](const std::vector<int> &bones, const std::vector<glm::vec3> &points) {
    glm::vec3 sum(0.0f);
    for (std::size_t k = 0; k < points.size(); ++k)
      sum += glm::vec3(boneMatrix(bones_, bones[k], pose) * glm::vec4(points[k], 1.0f));
    return sum / static_cast<float>(points.size());
  };
  PosedAxis out;
  out.origin = posedMean(axis.origins, axis.originPoints);
  out.span = posedMean(axis.insertions, axis.insertionPoints) - out.origin;
  const float rest0 = glm::length(meanOf(axis.insertionPoints) - meanOf(axis.originPoints));
  const float stretch = rest0 > 0.0f ? glm::length(out.span) / rest0 : 1.0f;
  out.widen = stretch > 0.0f ? 1.0f / std::sqrt(stretch) : 1.0f;
  return out;
}

namespace {
// A blended vertex moved onto the muscle's posed axis and out again by the belly's widening; the
// ends stay on their footprints, the middle of the belly changes most. The shader does the same.
glm::vec3 widened(glm::vec3 p, glm::vec3 origin, glm::vec3 span, float widen, float along) {
  if (glm::dot(span, span) <= 0.0f)
    return p;
  const float t = glm::dot(p - origin, span) / glm::dot(span, span);
  const glm::vec3 onAxis = origin + std::clamp(t, 0.0f, 1.0f) * span;
  const float f = 1.0f + (widen - 1.0f) * std::sin(glm::pi<float>() * along);
  return onAxis + (p - onAxis) * f;
}
} // namespace

void PoseSkin::apply(const Scene &rest, const Pose &pose, Scene &out) const {
  for (std::size_t i = 0; i < rest.structures().size(); ++i)
    applyTo(rest, pose, out, i);
}

void PoseSkin::applyTo(const Scene &rest, const Pose &pose, Scene &out, std::size_t i) const {
  const std::vector<Structure> &from = rest.structures();
  std::vector<Structure> &to = out.structures();
  if (structures_.size() != from.size() || to.size() != from.size() || i >= from.size())
    return;
  const SkinnedStructure &skin = structures_[i];
  if (skin.rigidBone >= -1) {
    const glm::mat4 m = boneMatrix(bones_, skin.rigidBone, pose);
    const glm::mat3 n(m);
    for (std::size_t k = 0; k < from[i].meshes.size(); ++k) {
      const MeshData &src = from[i].meshes[k];
      MeshData &dst = to[i].meshes[k];
      for (std::size_t v = 0; v < src.positions.size(); ++v) {
        dst.positions[v] = glm::vec3(m * glm::vec4(src.positions[v], 1.0f));
        if (v < src.normals.size())
          dst.normals[v] = n * src.normals[v];
      }
    }
    return;
  }
  const PosedAxis axis = skin.muscle >= 0 ? posedAxis(skin.muscle, pose) : PosedAxis{};
  for (std::size_t k = 0; k < from[i].meshes.size() && k < skin.meshes.size(); ++k) {
    const MeshData &src = from[i].meshes[k];
    MeshData &dst = to[i].meshes[k];
    for (std::size_t v = 0; v < src.positions.size(); ++v) {
      const Influence &inf = skin.meshes[k][v];
      glm::mat4 m(0.0f);
      for (std::size_t b = 0; b < 4; ++b)
        if (inf.weights[b] > 0.0f)
          m += boneMatrix(bones_, inf.bones[b], pose) * inf.weights[b];
      const glm::vec3 p = glm::vec3(m * glm::vec4(src.positions[v], 1.0f));
      dst.positions[v] = skin.muscle >= 0 ? widened(p, axis.origin, axis.span, axis.widen, inf.along) : p;
      if (v < src.normals.size()) {
        const glm::vec3 n = glm::mat3(m) * src.normals[v];
        const float len = glm::length(n);
        dst.normals[v] = len > 0.0f ? n / len : src.normals[v];
      }
    }
  }
}

int PoseSkin::slotOf(int bone) const {
  return bone < 0 || static_cast<std::size_t>(bone) >= slots_.size() ? 0
                                                                     : slots_[static_cast<std::size_t>(bone)];
}

std::vector<SkinVertex> PoseSkin::vertexSkin(std::size_t structure, std::size_t mesh) const {
  std::vector<SkinVertex> out;
  if (structure >= structures_.size() || structures_[structure].rigidBone >= -1 ||
      mesh >= structures_[structure].meshes.size())
    return out;
  const std::vector<Influence> &influences = structures_[structure].meshes[mesh];
  out.reserve(influences.size());
  for (const Influence &inf : influences) {
    // Weights to 16 bits, the rounding left over given to the largest so they still sum to one.
    SkinVertex v;
    int total = 0, largest = 0;
    for (std::size_t b = 0; b < 4; ++b) {
      v.slots[b] = static_cast<std::uint8_t>(slotOf(inf.bones[b]));
      const int w = static_cast<int>(std::lround(std::clamp(inf.weights[b], 0.0f, 1.0f) * 65535.0f));
      v.weights[b] = static_cast<std::uint16_t>(w);
      total += w;
      if (v.weights[b] > v.weights[static_cast<std::size_t>(largest)])
        largest = static_cast<int>(b);
    }
    v.weights[static_cast<std::size_t>(largest)] = static_cast<std::uint16_t>(
        std::clamp(v.weights[static_cast<std::size_t>(largest)] + 65535 - total, 0, 65535));
    v.along = static_cast<std::uint16_t>(std::lround(std::clamp(inf.along, 0.0f, 1.0f) * 65535.0f));
    out.push_back(v);
  }
  return out;
}

SkinnedDraw PoseSkin::skinnedDraw(const Pose &pose) const {
  SkinnedDraw draw;
  draw.slots.assign(1, glm::mat4(1.0f));
  for (std::size_t b = 0; b < bones_.size(); ++b)
    if (slots_[b] > 0) {
      if (draw.slots.size() <= static_cast<std::size_t>(slots_[b]))
        draw.slots.resize(static_cast<std::size_t>(slots_[b]) + 1, glm::mat4(1.0f));
      draw.slots[static_cast<std::size_t>(slots_[b])] = pose.of(bones_[b]);
    }
  draw.structures.resize(structures_.size());
  for (std::size_t i = 0; i < structures_.size(); ++i) {
    const SkinnedStructure &skin = structures_[i];
    SkinnedDraw::StructurePose &out = draw.structures[i];
    if (skin.rigidBone >= -1) {
      out.rigidSlot = slotOf(skin.rigidBone);
      continue;
    }
    out.rigidSlot = -1;
    if (skin.muscle >= 0) {
      const PosedAxis axis = posedAxis(skin.muscle, pose);
      out.axisOrigin = axis.origin;
      out.axisSpan = axis.span;
      out.widen = axis.widen;
    }
  }
  return draw;
}

glm::vec3 PoseSkin::gpuPosition(const SkinnedDraw &draw, std::size_t structure, const SkinVertex &skin,
                                glm::vec3 rest) {
  const SkinnedDraw::StructurePose &s = draw.structures[structure];
  const auto slot = [&](std::size_t k) { return k < draw.slots.size() ? draw.slots[k] : glm::mat4(1.0f); };
  if (s.rigidSlot >= 0)
    return glm::vec3(slot(static_cast<std::size_t>(s.rigidSlot)) * glm::vec4(rest, 1.0f));
  glm::mat4 m(0.0f);
  for (std::size_t b = 0; b < 4; ++b)
    m += slot(skin.slots[b]) * (static_cast<float>(skin.weights[b]) / 65535.0f);
  const glm::vec3 p = glm::vec3(m * glm::vec4(rest, 1.0f));
  return s.widen == 1.0f
             ? p
             : widened(p, s.axisOrigin, s.axisSpan, s.widen, static_cast<float>(skin.along) / 65535.0f);
}

Scene PoseSkin::posed(const Scene &rest, const Pose &pose) const {
  Scene out = rest;
  apply(rest, pose, out);
  return out;
}

} // namespace atlas
