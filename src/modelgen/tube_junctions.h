// Where the model's tubes meet: a branch leaving its parent vessel, ventral rami joining a trunk.
// Their meshes overlap there by design; the contact measurements accept exactly these overlaps
// (glTF extras "joins", read by ContactExemptions) and nothing else between nerves and vessels.
#pragma once

#include <glm/glm.hpp>
#include <map>
#include <string>
#include <vector>

namespace atlas::modelgen {

struct TubeCurve {
  std::string id;               // full structure id ("vertebral_artery_left")
  std::string system;           // nerve | artery | vein: only tubes of one system join
  std::vector<glm::vec3> curve; // centre line, mm
  float radius = 1.0f;          // mm
};

// For each tube, the tubes it joins: those of the same system with this tube's first or last point
// inside them or on their wall (within their radius plus `slackMm` of their centre line) - where a
// branch leaves its parent. Tubes that merely run side by side do not join. Sorted, no duplicates.
std::map<std::string, std::vector<std::string>> tubeJunctions(const std::vector<TubeCurve> &tubes,
                                                              float slackMm = 1.0f);

} // namespace atlas::modelgen
