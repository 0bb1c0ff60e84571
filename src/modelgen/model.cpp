// Sections: metadata and colours · meshing helpers · generateModel (bones, discs, muscles,
// footprints, nerves and arteries, in that order in the file).
#include "modelgen/model.h"

#include "core/log.h"
#include "modelgen/mesh_check.h"
#include "modelgen/mesher.h"
#include "modelgen/muscle.h"
#include "modelgen/occlusion.h"
#include "modelgen/pleura.h"
#include "modelgen/rib.h"
#include "modelgen/tube.h"
#include "modelgen/tube_junctions.h"
#include "modelgen/vertebra.h"
#include "scene/level_of_detail.h"

#include <cmath>
#include <stdexcept>

namespace atlas::modelgen {

glm::vec4 colourFor(System system) {
  switch (system) {
  case System::Bone:
    return {0.86f, 0.82f, 0.72f, 1.0f};
  case System::Disc:
    return {0.66f, 0.72f, 0.80f, 1.0f};
  case System::Cartilage:
    return {0.70f, 0.80f, 0.85f, 1.0f};
  case System::Muscle:
    return {0.70f, 0.27f, 0.24f, 1.0f};
  case System::Nerve:
    return {0.95f, 0.80f, 0.25f, 1.0f};
  case System::Artery:
    return {0.80f, 0.12f, 0.12f, 1.0f};
  case System::Vein:
    return {0.20f, 0.30f, 0.65f, 1.0f};
  case System::Pleura: // drawn x-rayed at first (structures.json "initially"), so the dome reads as a veil
    return {0.88f, 0.74f, 0.76f, 1.0f};
  case System::Fascia: // a pearly lavender grey: the ivory of bone made the membrane read as a bony
                       // plate (lecturer review, tenth pass); apart from cartilage's and disc's blues
    return {0.80f, 0.78f, 0.90f, 1.0f};
  default:
    return {0.85f, 0.55f, 0.45f, 1.0f};
  }
}

GltfWriteOptions writeOptions() {
  GltfWriteOptions options;
  options.binary = true;
  options.generator = "Scalene Atlas scalene-modelgen";
  options.copyright = "Scalene Atlas project; schematic model built from published measurements";
  return options;
}

glm::vec4 footprintColour(const std::string &role) {
  return role == "origin" ? glm::vec4(0.85f, 0.55f, 0.45f, 1.0f) : glm::vec4(0.80f, 0.50f, 0.58f, 1.0f);
}

namespace {

const char *kSides[2] = {"right", "left"};
// A piece of a structure's mesh under this share of its largest piece is a fleck (mesher.h dropSpecks):
// they measured 4-34 triangles against hundreds or thousands; the two halves of scalenus medius's
// insertion footprint on rib 1 (about 450 and 600 vertices) are kept.
constexpr float kLeastPiece = 0.05f;

struct Builder {
  const ModelSpec &spec;
  GeneratedModel model;
  std::map<std::string, const StructureInfo *> info;
  Landmarks landmarks;
  std::map<std::string, Sdf> boneSdf;    // left-side bones (and midline) by base id
  std::map<std::string, Bounds> boneBox; // their meshing boxes (mm)
  std::vector<Obstacle> muscleObstacles; // left-side muscles, for the pleura to lie under
  std::vector<Obstacle> tubeObstacles;   // every nerve and vessel as built (both sides)
  std::map<std::string, std::vector<vec3>> ribCentre;
  bool meshing = true; // false: only the measurements (no meshes)

  explicit Builder(const ModelSpec &s) : spec(s) {
    for (const StructureInfo &i : spec.structures)
      info[i.id] = &i;
  }

  vec3 resolve(const PointSpec &p) const {
    if (p.landmark.empty())
      return p.offset;
    auto it = landmarks.find(p.landmark);
    if (it == landmarks.end())
      throw std::runtime_error("unknown landmark '" + p.landmark + "'");
    return it->second + p.offset;
  }

  // Meshes (mm), then converts to metres with smooth normals.
  static MeshData meshOf(const BoneModel &bone) {
    MeshingOptions options;
    options.step = bone.step;
    options.targetTriangles = bone.targetTriangles;
    options.maxError = std::min(bone.maxSimplifyError, bone.step * 0.25f);
    MeshData mesh = meshSdf(bone.sdf, bone.box, options);
    simplifyMesh(mesh, options);
    dropSpecks(mesh, kLeastPiece);
    projectOntoSurface(mesh, bone.sdf, bone.step);
    if (bone.fibre) // sampled on the final vertices, so nothing downstream has to carry it along
      mesh.fibres = sampleFibres(mesh, bone.fibre);
    if (bone.fibreCoord)
      mesh.fibreCoords = sampleFibreCoords(mesh, bone.fibreCoord);
    return mesh;
  }

  static MeshData toMetres(MeshData mesh, const glm::vec4 &colour) {
    for (glm::vec3 &p : mesh.positions)
      p *= 0.001f;
    mesh.color = colour;
    computeSmoothNormals(mesh);
    return mesh;
  }

  Structure structureFor(const std::string &baseId, const std::string &side) const {
    auto it = info.find(baseId);
    if (it == info.end())
      throw std::runtime_error("no entry for '" + baseId + "' in structures.json");
    const StructureInfo &i = *it->second;
    Structure s;
    s.id = i.paired ? baseId + "_" + side : baseId;
    s.name = i.paired ? i.name + " (" + side + ")" : i.name;
    s.latin = i.latin;
    s.fma = i.paired ? (side == "right" ? i.fmaRight : i.fmaLeft) : i.fma;
    s.side = i.paired ? side : "midline";
    s.system = systemFromName(i.system).value_or(System::Other);
    if (!i.initially.empty())
      s.extras["initially"] = i.initially;
    if (!i.pierces.empty()) { // same side: "scalenus_medius_left"
      std::string list;
      for (const std::string &muscle : i.pierces)
        list += (list.empty() ? "" : ",") + (i.paired ? muscle + "_" + side : muscle);
      s.extras["pierces"] = list;
    }
    return s;
  }

  // Every generated mesh is a closed surface wound outward; the flag lets the renderer skip back faces.
  static void checkClosed(Structure &s) {
    for (const MeshData &m : s.meshes) {
      const MeshCheck c = checkMesh(m);
      if (!c.closedManifold() || c.signedVolume <= 0.0)
        throw std::runtime_error("mesh of '" + s.id + "' is not a closed, outward 2-manifold");
    }
    s.closed = !s.meshes.empty();
  }

  // Adds a midline structure, or both sides of a paired one from its left-side mesh (mm), with its
  // named landmarks (left side, mm; mirrored and converted to metres here).
  void add(const std::string &baseId, const MeshData &leftMm, const std::vector<Landmark> &marks = {}) {
    const StructureInfo &i = *info.at(baseId);
    auto landmarksFor = [&marks](const std::string &id, bool mirror) {
      std::vector<Landmark> out;
      for (const Landmark &l : marks) {
        const vec3 flip(mirror ? -1.0f : 1.0f, 1.0f, 1.0f);
        out.push_back({id + "." + l.id, l.name, l.position * flip * 0.001f, glm::normalize(l.normal * flip)});
      }
      return out;
    };
    if (!i.paired) {
      Structure s = structureFor(baseId, "midline");
      s.meshes.push_back(toMetres(leftMm, colourFor(s.system)));
      s.landmarks = landmarksFor(s.id, false);
      checkClosed(s);
      model.scene.add(std::move(s));
      return;
    }
    for (const char *side : kSides) {
      Structure s = structureFor(baseId, side);
      const MeshData mm = std::string(side) == "left" ? leftMm : mirrorX(leftMm);
      s.meshes.push_back(toMetres(mm, colourFor(s.system)));
      s.landmarks = landmarksFor(s.id, std::string(side) == "right");
      checkClosed(s);
      model.scene.add(std::move(s));
    }
  }

  void buildSkeleton() {
    std::vector<RibModel> ribs;
    for (const SweptSpec &r : spec.ribs) {
      ribs.push_back(buildSwept(r, 0.38f, 9000));
      for (const auto &[name, p] : ribs.back().bone.landmarks)
        landmarks[name] = p;
      model.metrics.arcLength[r.id] = ribs.back().arcLength;
    }
    std::map<std::string, VertebraModel> vertebrae;
    for (std::size_t k = 0; k < spec.vertebrae.size(); ++k) {
      const VertebraSpec &v = spec.vertebrae[k];
      const VertebraSpec *below = k + 1 < spec.vertebrae.size() ? &spec.vertebrae[k + 1] : nullptr;
      VertebraModel built = buildVertebra(v, landmarks, below);
      for (const auto &[name, p] : built.bone.landmarks)
        landmarks[name] = p;
      model.metrics.supNormal[v.id] = built.supNormal;
      model.metrics.infNormal[v.id] = built.infNormal;
      boneSdf[v.id] = built.bone.sdf;
      boneBox[v.id] = built.bone.box;
      if (meshing)
        add(v.id, meshOf(built.bone), built.bone.surfaceLandmarks);
      vertebrae.emplace(v.id, std::move(built));
    }
    if (vertebrae.count("c2") && vertebrae.count("c7")) {
      const float c = glm::dot(vertebrae.at("c2").infNormal, vertebrae.at("c7").infNormal);
      model.metrics.cobbC2C7 = std::acos(std::clamp(c, -1.0f, 1.0f)) * 180.0f / kPi;
    }
    std::map<std::string, Neighbour> spine;
    for (const auto &[id, v] : vertebrae)
      spine[id] = {v.bone.sdf, v.bone.box};
    // Ribs, cartilages, manubrium and clavicles, seated against the spine and each other.
    for (const BoneModel &b : assembleRibCage(spec, ribs, spine)) {
      boneSdf[b.id] = b.sdf;
      boneBox[b.id] = b.box;
      for (const RibModel &r : ribs)
        if (r.bone.id == b.id)
          ribCentre[b.id] = r.centre;
      if (meshing)
        add(b.id, meshOf(b), b.surfaceLandmarks);
    }
    for (const DiscSpec &d : spec.discs)
      if (meshing)
        add(d.id, meshOf(discBetween(d.id, vertebrae.at(d.upper), vertebrae.at(d.lower), boneSdf)));
  }

  // `bones`: the ribs among them trim the disc too (rib 2's head articulates across the T1-T2 disc, its
  // crest against the disc: Gray's Anatomy 41st ed.).
  static BoneModel discBetween(const std::string &id, const VertebraModel &upper, const VertebraModel &lower,
                               const std::map<std::string, Sdf> &bones) {
    BoneModel out;
    out.id = id;
    const vec3 top = upper.infCentre, bottom = lower.supCentre;
    Frame frame;
    frame.origin = (top + bottom) * 0.5f;
    const vec3 axis = top - bottom;
    frame.setAngle(std::atan2(axis.z, axis.y));
    const float gap = glm::length(axis) * 0.5f;
    const float halfHeight = gap + 2.8f;
    // As wide and deep as the bodies (flush with their fronts); the bones themselves trim it. Sixth
    // pass: the outline passes from the upper body's size at the top to the lower body's at the bottom,
    // so it sits flush with both (the C2-C3 disc, 3 mm wider than C2, overhung it).
    const vec2 half = (upper.halfSize + lower.halfSize) * 0.5f + vec2(0.3f);
    const vec2 upperHalf = upper.halfSize + vec2(0.3f), lowerHalf = lower.halfSize + vec2(0.3f);
    // Behind, the disc lies between the uncinate processes of the body below (Gray's Anatomy 41st ed.:
    // the uncovertebral joints lie lateral to the disc). Sixth pass: a disc as wide as the bodies there
    // was trimmed by the uncinates into thin ragged flaps wrapped round their outer faces.
    const float uncinateHalf = lower.uncinateHalf;
    const Sdf ub = upper.bone.sdf, lb = lower.bone.sdf;
    std::vector<Sdf> ribHeads;
    for (const auto &[bone, sdf] : bones)
      if (bone.rfind("rib", 0) == 0)
        ribHeads.push_back(sdf);
    const float lipSetback = upper.lipSetback;
    out.sdf = [frame, gap, half, upperHalf, lowerHalf, uncinateHalf, lipSetback, ub, lb,
               ribHeads](const vec3 &world) {
      const vec3 p = frame.toLocal(world);
      const float t = std::clamp(p.y / gap, -1.0f, 1.0f);
      const float bulge = 1.0f + 0.03f * (1.0f - t * t);
      vec2 outline = glm::mix(lowerHalf, upperHalf, glm::smoothstep(-1.0f, -0.7f, t)) * bulge;
      if (uncinateHalf > 0.0f) {
        // Narrowing from the middle of the disc to the back, inside the uncinates' inner faces.
        const float w = glm::smoothstep(0.15f * outline.y, -0.55f * outline.y, p.z);
        outline.x = glm::mix(outline.x, std::min(outline.x, uncinateHalf - 0.1f), w);
      }
      float side = sdRoundRect(vec2(p.x, p.z), outline, std::min(outline.x, outline.y) * 0.7f);
      // Seventh pass (lecturer: from behind, in the canal, the discs' back margins were scalloped): the
      // back of the disc stands 1.2 mm in front of the bodies' posterior walls, clear of their rounded
      // rims, so that the bones no longer trim it into a serrated edge there; the posterior annulus is
      // flush with the bodies' backs in the spine (Gray's Anatomy 41st ed.), within a millimetre or so.
      side = smax(side, -p.z - (outline.y - 1.5f), 1.0f);
      if (lipSetback > 0.0f) { // in front, behind the upper body's lip (C2)
        // Following the convex front of C2's body, whose front corners lie about 4 mm behind its
        // midline (vertebra.cpp axisBody): a straight front left the disc standing out at both corners
        // as ragged lobes that read as a herniation (lecturer review, eleventh pass).
        const float across = std::min(std::abs(p.x) / outline.x, 1.0f);
        side = smax(side, p.z - (outline.y - lipSetback - 4.0f * across * across), 1.0f);
      }
      // Lens-shaped top and bottom: deep in the middle (filling the endplate concavities), only the
      // bony gap at the rim, so that no thin flakes wrap round the bodies' rounded edges.
      const float e = std::min(1.0f, glm::length(vec2(p.x / outline.x, p.z / outline.y)));
      float d = smax(side, std::abs(p.y) - (gap + 2.8f * (1.0f - e * e) - 0.3f * e * e), 1.0f);
      d = smax(d, 0.08f - ub(world), 0.5f);
      d = smax(d, 0.08f - lb(world), 0.5f);
      // Left-side ribs, mirrored for the right; only near the disc (the swept ribs are costly). The
      // 0.35 mm keeps the rib head clear of the disc as rib 2 rises in a deep breath (test_motion).
      if (d < 1.0f)
        for (const Sdf &rib : ribHeads)
          d = smax(d, 0.35f - rib(vec3(std::abs(world.x), world.y, world.z)), 0.5f);
      return d;
    };
    out.box = frame.worldBounds(vec3(-half.x - 3.0f, -halfHeight - 2.0f, -half.y - 3.0f),
                                vec3(half.x + 3.0f, halfHeight + 2.0f, half.y + 3.0f));
    out.step = 0.4f;
    out.targetTriangles = 2500;
    return out;
  }

  void buildMuscles() {
    const LandmarkResolver resolver = [this](const PointSpec &p) { return resolve(p); };
    // Each muscle lies against the bones and against the muscles listed before it in muscles.json.
    MuscleSurroundings around;
    around.bones = boneSdf;
    for (const MuscleSpec &m : spec.muscles) {
      const BoneModel muscle = buildMuscle(m, resolver, around);
      for (const auto &[name, p] : muscle.landmarks) // where its sections are measured
        model.metrics.landmarks[m.id + "." + name] = p;
      if (meshing)
        add(m.id, meshOf(muscle));
      around.muscles.push_back({muscle.sdf, muscle.box});
      muscleObstacles.push_back({muscle.sdf, muscle.box});
    }
  }

  void buildFootprints() {
    for (const MuscleSpec &m : spec.muscles)
      for (const FootprintSpec &f : m.footprints) {
        auto bone = boneSdf.find(f.bone);
        if (bone == boneSdf.end())
          throw std::runtime_error("footprint on unknown bone '" + f.bone + "'");
        const vec3 site = resolve(f.at);
        vec3 along(0.0f, 1.0f, 0.0f);
        auto centre = ribCentre.find(f.bone);
        if (centre != ribCentre.end()) {
          const auto &c = centre->second;
          std::size_t k = 0;
          for (std::size_t i = 0; i < c.size(); ++i)
            if (glm::length(c[i] - site) < glm::length(c[k] - site))
              k = i;
          along = c[std::min(k + 1, c.size() - 1)] - c[k > 0 ? k - 1 : 0];
        }
        const BoneModel fp = buildFootprint(f.bone, bone->second, site, along, f.size, m.footprintLayer);
        const MeshData left = meshOf(fp);
        const bool pairedBone = f.bone.rfind("rib", 0) == 0;
        for (const char *side : kSides) {
          const std::string sideName = side;
          const std::string muscleId = m.id + "_" + sideName;
          const std::string boneId = pairedBone ? f.bone + "_" + sideName : f.bone;
          Structure s;
          s.id = muscleId + "." + f.role + "." + boneId;
          const Structure muscle = structureFor(m.id, sideName);
          const std::string boneName =
              pairedBone ? structureFor(f.bone, sideName).name : structureFor(f.bone, "midline").name;
          s.name = std::string(f.role == "origin" ? "Origin" : "Insertion") + " of " + muscle.name + " on " +
                   boneName;
          s.side = sideName;
          s.system = System::Attachment;
          s.attachment = AttachmentSite{
              attachmentRoleFromName(f.role).value_or(AttachmentRole::Origin), muscleId, boneId,
              attachmentSourceFromName(f.source).value_or(AttachmentSource::Reference)};
          s.meshes.push_back(toMetres(sideName == "left" ? left : mirrorX(left), footprintColour(f.role)));
          checkClosed(s);
          model.scene.add(std::move(s));
        }
        model.metrics.landmarks[m.id + "." + f.role + "." + f.bone] = fp.landmarks.at("centre");
      }
  }

  // Nerves and vessels. A tube without a side is built on the left and mirrored; a one-sided tube
  // (issue 12: the right and left subclavian origins differ) is built where its path says. Where
  // tubes meet (tubeJunctions, or "joins" in vessels.json) the glTF extras "joins" says so.
  void buildTubes() {
    const auto landmark = [this](const std::string &name) { return resolve(PointSpec{name, vec3(0.0f)}); };
    std::vector<Structure> built;
    std::vector<TubeCurve> curves;
    // `mm`: the tube's mesh in mm (the right side of a mirrored pair is the left's mirror image, so
    // both sides are exact mirrors down to the triangle order).
    auto addTube = [&](const TubeSpec &t, const std::string &side, const std::vector<vec3> &curve,
                       const MeshData &mm) {
      // The widest the section gets (a bulb, an oval's long axis): the pleura keeps clear of that.
      const float r = t.diameter * 0.5f * t.bulbWidth * std::sqrt(t.oval);
      Structure s = structureFor(t.id, side);
      if (!info.at(t.id)->paired && !t.side.empty())
        s.side = t.side; // an unpaired vessel that lies on one side (the brachiocephalic trunk)
      for (const std::string &j : t.joins) {
        auto other = info.find(j);
        if (other == info.end())
          throw std::runtime_error("tube '" + t.id + "' joins unknown '" + j + "'");
        const std::string otherSide = side == "midline" ? t.side : side;
        const std::string id = other->second->paired ? j + "_" + otherSide : j;
        s.extras["joins"] += (s.extras["joins"].empty() ? "" : ",") + id;
      }
      s.meshes.push_back(toMetres(mm, colourFor(s.system)));
      curves.push_back({s.id, t.system, curve, r});
      built.push_back(std::move(s));
    };
    for (const TubeSpec &t : spec.tubes) {
      if (!info.count(t.id))
        throw std::runtime_error("no entry for '" + t.id + "' in structures.json");
      const std::vector<vec3> curve = smoothCurve(tubeControls(t, landmark), tubeSpacing(t.diameter * 0.5f));
      const float r = t.diameter * 0.5f;
      // A vessel branching from another flares into it (tube.h, branchRadii).
      float parentR = 0.0f;
      for (const TubeSpec &p : spec.tubes)
        if (t.system != "nerve" && !t.joins.empty() && p.id == t.joins.front())
          parentR = std::max(parentR, p.diameter * 0.5f);
      const TubeSections sections =
          t.bulbMm > 0.0f
              ? bulbSections(curve, r, t.oval, t.bulbMm, t.bulbWidth,
                             t.bulbDepth > 0.0f ? t.bulbDepth : t.bulbWidth)
              : TubeSections{t.endDiameter > 0.0f ? taperedRadii(curve, r, t.endDiameter * 0.5f)
                             : parentR > r        ? branchRadii(curve, r, parentR, kBranchFlare,
                                                         t.flareMm > 0.0f ? t.flareMm : kBranchTaperMm)
                                                  : std::vector<float>{r},
                             {t.oval}};
      const MeshData mm = sweepTube(curve, sections.radii, tubeSides(r), sections.ovals);
      if (!t.side.empty()) {
        addTube(t, t.side, curve, mm);
      } else if (!info.at(t.id)->paired) {
        addTube(t, "midline", curve, mm);
      } else {
        addTube(t, "left", curve, mm);
        std::vector<vec3> mirrored = curve;
        for (vec3 &p : mirrored)
          p.x = -p.x;
        addTube(t, "right", mirrored, mirrorX(mm));
      }
    }
    for (auto &[id, others] : tubeJunctions(curves))
      for (Structure &s : built)
        if (s.id == id)
          for (const std::string &other : others)
            if (("," + s.extras["joins"] + ",").find("," + other + ",") == std::string::npos)
              s.extras["joins"] += (s.extras["joins"].empty() ? "" : ",") + other;
    for (Structure &s : built) {
      if (s.extras.count("joins") && s.extras["joins"].empty())
        s.extras.erase("joins");
      checkClosed(s);
      tubeObstacles.push_back(
          tubeObstacle(curves[&s - built.data()].curve, curves[&s - built.data()].radius));
      model.scene.add(std::move(s));
    }
  }

  // The cervical pleura and the suprapleural membrane of each side, moulded round the bones, muscles,
  // nerves and vessels already built (pleura.json; issue 12).
  void buildPleura() {
    for (const PleuraSpec &p : spec.pleurae)
      for (const char *side : kSides) {
        const bool right = std::string(side) == "right";
        std::vector<Obstacle> obstacles = tubeObstacles;
        for (const auto &[id, bone] : boneSdf) {
          obstacles.push_back(sideObstacle(bone, boneBox.at(id), right));
          obstacles.back().bone = true;
        }
        for (const Obstacle &muscle : muscleObstacles)
          obstacles.push_back(sideObstacle(muscle.sdf, muscle.box, right));
        for (const BoneModel &part :
             {buildCervicalPleura(p, right, obstacles), buildSuprapleuralMembrane(p, right, obstacles)}) {
          Structure s = structureFor(part.id, side);
          s.meshes.push_back(toMetres(meshOf(part), colourFor(s.system)));
          checkClosed(s);
          model.scene.add(std::move(s));
        }
      }
  }

  // A left-side (or midline) part as an obstacle on one side.
  static Obstacle sideObstacle(const Sdf &sdf, const Bounds &box, bool right) {
    if (!right)
      return {sdf, box};
    Bounds mirrored;
    mirrored.extend(vec3(-box.min.x, box.min.y, box.min.z));
    mirrored.extend(vec3(-box.max.x, box.max.y, box.max.z));
    return {[sdf](const vec3 &p) { return sdf(vec3(-p.x, p.y, p.z)); }, mirrored};
  }
};

} // namespace

Result<GeneratedModel> generateModel(const ModelSpec &spec) {
  Builder builder(spec);
  try {
    builder.buildSkeleton();
    builder.buildMuscles();
    builder.buildTubes();
    builder.buildPleura();
    builder.buildFootprints();
    bakeSceneOcclusion(builder.model.scene); // last: every mesh shades the others where they meet
    attachCoarseMeshes(builder.model.scene); // written into the file: the viewer starts without simplifying
  } catch (const std::exception &e) {
    return Error{std::string("model generator: ") + e.what()};
  }
  builder.model.scene.description = spec.description;
  builder.model.scene.content = "scalene-atlas"; // its ids are the contract with content/
  for (const auto &[name, p] : builder.landmarks)
    builder.model.metrics.landmarks[name] = p;
  return std::move(builder.model);
}

Result<ModelMetrics> measureModel(const ModelSpec &spec) {
  Builder builder(spec);
  builder.meshing = false;
  try {
    builder.buildSkeleton();
    builder.buildMuscles(); // their measuring points (the sections' landmarks), without meshes
  } catch (const std::exception &e) {
    return Error{std::string("model generator: ") + e.what()};
  }
  for (const auto &[name, p] : builder.landmarks)
    builder.model.metrics.landmarks[name] = p;
  return builder.model.metrics;
}

Result<GeneratedModel> generateModel(const std::string &specDirectory) {
  Result<ModelSpec> spec = loadModelSpec(specDirectory);
  if (!spec)
    return Error{spec.error()};
  return generateModel(spec.value());
}

} // namespace atlas::modelgen
