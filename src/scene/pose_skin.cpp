#include "scene/pose_skin.h"

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
  // The bones that carry others: those with a joint and the fixed trunk (T1, T2). The clavicles have
  // no joint in this model; they move with the manubrium.
  std::vector<std::vector<glm::vec3>> samples;
  for (const Structure &s : all)
    if (s.system == System::Bone && (joints.find(s.id) || s.id.rfind("clavicle", 0) != 0)) {
      skin.bones_.push_back(s.id);
      samples.push_back(samplesOf(s, 160));
    }
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
    // leaves out, so they must not swing with the ribs they lie over.
    if (s.system == System::Bone && s.id.rfind("clavicle", 0) == 0) {
      out.rigidBone = boneIndex("manubrium");
      continue;
    }
    MuscleAxis axis;
    if (s.system == System::Muscle)
      for (const Structure &f : all)
        if (f.attachment && f.attachment->muscle == s.id) {
          const bool origin = f.attachment->role == "origin";
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

void PoseSkin::apply(const Scene &rest, const Pose &pose, Scene &out) const {
  const std::vector<Structure> &from = rest.structures();
  std::vector<Structure> &to = out.structures();
  if (structures_.size() != from.size() || to.size() != from.size())
    return;
  for (std::size_t i = 0; i < from.size(); ++i) {
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
      continue;
    }
    // A muscle's posed axis, and how much thicker its belly gets: cross-section ~ 1 / stretch keeps
    // the volume (an isovolumic muscle), so the width goes as 1 / sqrt(stretch).
    glm::vec3 o1(0.0f), span1(0.0f);
    float widen = 1.0f;
    if (skin.muscle >= 0) {
      const MuscleAxis &axis = muscles_[static_cast<std::size_t>(skin.muscle)];
      const auto posedMean = [&](const std::vector<int> &bones, const std::vector<glm::vec3> &points) {
        glm::vec3 sum(0.0f);
        for (std::size_t k = 0; k < points.size(); ++k)
          sum += glm::vec3(boneMatrix(bones_, bones[k], pose) * glm::vec4(points[k], 1.0f));
        return sum / static_cast<float>(points.size());
      };
      o1 = posedMean(axis.origins, axis.originPoints);
      span1 = posedMean(axis.insertions, axis.insertionPoints) - o1;
      const float rest0 = glm::length(meanOf(axis.insertionPoints) - meanOf(axis.originPoints));
      const float stretch = rest0 > 0.0f ? glm::length(span1) / rest0 : 1.0f;
      widen = stretch > 0.0f ? 1.0f / std::sqrt(stretch) : 1.0f;
    }
    for (std::size_t k = 0; k < from[i].meshes.size() && k < skin.meshes.size(); ++k) {
      const MeshData &src = from[i].meshes[k];
      MeshData &dst = to[i].meshes[k];
      for (std::size_t v = 0; v < src.positions.size(); ++v) {
        const Influence &inf = skin.meshes[k][v];
        glm::mat4 m(0.0f);
        for (std::size_t b = 0; b < 4; ++b)
          if (inf.weights[b] > 0.0f)
            m += boneMatrix(bones_, inf.bones[b], pose) * inf.weights[b];
        glm::vec3 p = glm::vec3(m * glm::vec4(src.positions[v], 1.0f));
        if (skin.muscle >= 0 && glm::dot(span1, span1) > 0.0f) {
          const float t = glm::dot(p - o1, span1) / glm::dot(span1, span1);
          const glm::vec3 onAxis = o1 + std::clamp(t, 0.0f, 1.0f) * span1;
          // The ends stay on their footprints; the middle of the belly changes most.
          const float f = 1.0f + (widen - 1.0f) * std::sin(glm::pi<float>() * inf.along);
          p = onAxis + (p - onAxis) * f;
        }
        dst.positions[v] = p;
        if (v < src.normals.size()) {
          const glm::vec3 n = glm::mat3(m) * src.normals[v];
          const float len = glm::length(n);
          dst.normals[v] = len > 0.0f ? n / len : src.normals[v];
        }
      }
    }
  }
}

Scene PoseSkin::posed(const Scene &rest, const Pose &pose) const {
  Scene out = rest;
  apply(rest, pose, out);
  return out;
}

} // namespace atlas
