// The parametric description of the model, read from the JSON files under assets/model/. All lengths
// in millimetres and angles in degrees, in the frame of REFERENCE.md §1 (origin at the centre of the
// C7 superior endplate, +X left, +Y superior, +Z anterior). Paired parts are described on the left.
#pragma once

#include "core/result.h"

#include <glm/glm.hpp>
#include <map>
#include <optional>
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
  // Muscles (base ids) this nerve passes through in life, e.g. the dorsal scapular nerve through
  // scalenus medius: the only soft-tissue penetrations the contact measurements accept.
  std::vector<std::string> pierces;
};

// Which shape a vertebra is built as (skeleton.json "kind": atlas, axis, typical, prominens, thoracic).
enum class VertebraKind { Atlas, Axis, Typical, Prominens, Thoracic };
std::optional<VertebraKind> vertebraKindFromName(const std::string &name);

struct VertebraSpec {
  std::string id;
  VertebraKind kind = VertebraKind::Typical;
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
  float twist = 0.0f;    // degrees the section turns about the centre line beyond the neck (rib 2)
  std::map<std::string, glm::vec3> landmarks;
  std::vector<RibFeatureSpec> features;
};

struct ManubriumSpec {
  glm::vec3 top{0}, bottom{0};
  float topWidth = 50, bottomWidth = 30, thickness = 10;
  float topThickness = 10; // front to back at the top (thicker than at the sternal angle)
};

// The top of the body of the sternum, below the manubrium's lower border: the stub that shows the
// sternal angle. `angle`: between the two bones' long axes, open behind (degrees); `gap`: the
// manubriosternal joint between them (mm); `length` down its own axis to where the model stops.
struct SternalBodySpec {
  float length = 0, angle = 160, topWidth = 28, bottomWidth = 30, thickness = 10, gap = 1;
};

struct FootprintSpec {
  std::string role;   // origin | insertion
  std::string bone;   // bone id without side
  std::string source; // reference | article | both
  PointSpec at;
  glm::vec2 size{5.0f, 5.0f}; // length along the bone x width (mm), REFERENCE §4.3
};

// A point of a muscle's centre line with its flattened section there (REFERENCE §4.3).
struct MusclePointSpec {
  PointSpec at;
  glm::vec2 section{0.0f};   // width x thickness (mm); slips: of the origin tendon
  glm::vec3 broadAxis{0.0f}; // width direction here; 0: the muscle's broadAxis
};

struct MuscleSpec {
  std::string id;
  std::vector<MusclePointSpec> slips;     // one flat tendon per origin, joining the belly lower down
  std::vector<MusclePointSpec> belly;     // centre line of the belly, from where the slips join it
  std::vector<MusclePointSpec> insertion; // one point: the end of the insertion tendon on the rib
  glm::vec3 broadAxis{0.0f};              // default direction of the sections' width
  float slipSpread = 0.5f;                // slips join across this fraction of the belly's width
  float joinBelow = 17.0f;                // a slip joins the belly this far below its origin (mm)
  float insertionTendon = 10.0f;          // mm of tendon before the rib (REFERENCE §4.3 [E])
  // Radius (mm) of the smooth union that webs neighbouring slips below their tendons; 0 keeps them apart.
  float slipWeb = 6.0f;
  // The insertion lies on the rib's face, away from its borders: nothing of the tendon may show
  // through or hang under the rib (scalenus medius; anterior wraps the border at its tubercle).
  bool insertionOnFace = false;
  glm::vec2 footprintLayer{0.2f, 0.6f}; // footprint shell, mm above the bone (muscles sharing a site differ)
  std::vector<FootprintSpec> footprints;
};

struct TubeSpec {
  std::string id;
  std::string system; // nerve | artery | vein
  float diameter = 3.0f;
  float endDiameter = 0.0f; // > 0: the calibre narrows to this over the path's middle (the aortic arch)
  float flareMm = 0.0f;     // > 0: a branch narrows from its parent's width over this many mm (a sinus)
  float bulbMm = 0.0f;      // > 0: a dilatation this long ends at the path's end (the IJV's inferior bulb)
  float bulbWidth = 1.0f;   // the bulb's greatest width as a multiple of the diameter
  float bulbDepth = 0.0f;   // its greatest depth (front to back) as a multiple; 0: as bulbWidth
  float oval = 1.0f;        // side-to-side width over front-to-back depth of the section (> 1: flattened)
  std::vector<PointSpec> path;
  // "": described on the left and mirrored for the right (as every paired part). "left" | "right":
  // this side only, where the two sides differ in life; the path is then in the patient's own frame
  // (right is -X) and a landmark named on the left ("c6.ft") means its mirror image on the right.
  std::string side;
  std::vector<std::string> joins; // base ids of the tubes it branches from or merges into (glTF "joins")
};

// The cervical pleura (dome of the pleura over the apex of the lung) and the suprapleural membrane
// capping it, left side (mirrored for the right). pleura.json.
struct PleuraSpec {
  std::string id, membraneId;      // "cervical_pleura", "suprapleural_membrane"
  glm::vec3 apex{0.0f};            // highest point of the dome (mm)
  glm::vec3 radii{20.0f};          // semi-axes of the ellipsoid whose top is the dome: X, height, Z
  float floor = -60.0f;            // Y where the dome is closed off (the model's lower bound)
  float clearance = 0.8f;          // mm kept from the bones, muscles and tubes it lies under
  float membraneThickness = 1.2f;  // Sibson's fascia
  float membraneBelowApex = 12.0f; // how far down the dome (mm) the membrane reaches
  float membraneLowest = -1e9f;    // Y (mm) it never reaches below: the front end of rib 1
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
  SternalBodySpec sternalBody; // length 0: none
  std::vector<MuscleSpec> muscles;
  std::vector<TubeSpec> tubes;
  std::vector<PleuraSpec> pleurae; // empty: no pleura.json
  std::string description;
  std::string copyright;
};

// Reads every *.json file of the model description in `directory`.
Result<ModelSpec> loadModelSpec(const std::string &directory);

} // namespace atlas::modelgen
