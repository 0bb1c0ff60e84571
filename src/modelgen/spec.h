// The parametric description of the model, read from the JSON files under assets/model/. All lengths
// in millimetres and angles in degrees, in the frame of REFERENCE.md §1 (origin at the centre of the
// C7 superior endplate, +X left, +Y superior, +Z anterior). Paired parts are described on the left.
#pragma once

#include "core/result.h"

#include <glm/glm.hpp>
#include <map>
#include <string>
#include <vector>

namespace atlas::modelgen {

// A point given either directly or relative to a named landmark of a built bone ("c5.pt").
struct PointSpec {
  std::string landmark; // empty: `offset` is absolute
  glm::vec3 offset{0.0f};
};

// Names and ids of one structure (or a left/right pair) as they appear in the glTF extras.
struct StructureInfo {
  std::string id;   // without the _left/_right suffix when paired
  std::string name; // English; paired names get " (left)" / " (right)"
  std::string latin;
  std::string system; // bone | muscle | nerve | artery | cartilage | disc
  bool paired = false;
  std::string fma; // unpaired
  std::string fmaRight, fmaLeft;
  std::string initially; // "" (shown) | "ghosted" | "hidden": how the viewer first shows it (glTF extras)
};

struct VertebraSpec {
  std::string id;
  std::string kind;        // atlas | axis | typical | prominens | thoracic
  glm::vec2 bodyCentre{0}; // (Y, Z) of §1.1
  glm::vec2 supCentre{0};  // superior endplate centre (Y, Z)
  glm::vec2 infCentre{0};  // inferior endplate centre (Y, Z)
  float supSlope = 0, infSlope = 0;
  float bodyWidth = 0, supWidth = 0, infWidth = 0, depth = 0;
  float canalWidth = 0, canalDepth = 0, tpSpan = 0;
  float pedicleWidth = 0, pedicleHeight = 0;
  float facetAngle = 45, facetSagittal = 90;
  glm::vec2 spinousTip{0}; // (Y, Z)
  bool bifid = false;
  float ftDiameter = 0; // 0: no foramen transversarium
  float anteriorTubercleX = 0, anteriorTubercleRadius = 0, anteriorTubercleZ = 2;
  float posteriorTubercleRadius = 3;
  glm::vec3 tpTip{0};                  // thoracic: world position of the left TP tip
  std::vector<std::string> costalPits; // thoracic: rib landmarks that get a facet ("rib1.head")
};

struct RibFeatureSpec {
  std::string type; // bump | groove
  std::string at;   // landmark name on this rib
  glm::vec3 radii{2.0f};
  float depth = 1.0f;
  float angle = 0.0f; // groove: degrees its trough turns from straight across the rib (oblique grooves)
};

// A rib, costal cartilage or any swept bar: a smooth centre line with an elliptic cross-section.
struct SweptSpec {
  std::string id;
  std::vector<glm::vec3> centreline;
  std::vector<glm::vec3> profile; // (arc fraction, breadth in the rib plane, thickness across it)
  float headRadius = 0.0f;
  float taper = 0.0f;    // 0..1: how much thinner the inner (concave) border is than the outer one
  float flatness = 0.0f; // 0: elliptic section, 1: rounded rectangle (flat surfaces)
  std::map<std::string, glm::vec3> landmarks;
  std::vector<RibFeatureSpec> features;
};

struct ManubriumSpec {
  glm::vec3 top{0}, bottom{0};
  float topWidth = 50, bottomWidth = 30, thickness = 10;
  float topThickness = 10; // front to back at the top (thicker than at the sternal angle)
};

struct FootprintSpec {
  std::string role;   // origin | insertion
  std::string bone;   // bone id without side
  std::string source; // reference | article | both
  PointSpec at;
  glm::vec2 size{5.0f, 5.0f}; // length along the bone x width (mm), REFERENCE §4.3
};

struct MusclePointSpec {
  PointSpec at;
  float radius = 3.0f;
};

struct MuscleSpec {
  std::string id;
  std::vector<MusclePointSpec> slips;     // one tendon per origin, ending at the first belly point
  std::vector<MusclePointSpec> belly;     // centre line of the belly
  std::vector<MusclePointSpec> insertion; // the belly fans out to these points
  glm::vec3 broadAxis{0.0f};              // direction of the belly's width (strap shape)
  float halfWidth = 0.0f;
  glm::vec2 footprintLayer{0.2f, 0.6f}; // footprint shell, mm above the bone (muscles sharing a site differ)
  std::vector<FootprintSpec> footprints;
};

struct TubeSpec {
  std::string id;
  std::string system; // nerve | artery
  float diameter = 3.0f;
  std::vector<PointSpec> path;
};

struct DiscSpec {
  std::string id, upper, lower;
};

struct ModelSpec {
  std::vector<StructureInfo> structures;
  std::vector<VertebraSpec> vertebrae;
  std::vector<DiscSpec> discs;
  std::vector<SweptSpec> ribs;       // rib1, rib2
  std::vector<SweptSpec> cartilages; // costal_cartilage1, costal_cartilage2
  std::vector<SweptSpec> clavicles;  // clavicle (left; mirrored for the right)
  ManubriumSpec manubrium;
  std::vector<MuscleSpec> muscles;
  std::vector<TubeSpec> tubes;
  std::string description;
  std::string copyright;
};

// Reads every *.json file of the model description in `directory`.
Result<ModelSpec> loadModelSpec(const std::string &directory);

} // namespace atlas::modelgen
