// Test fixtures made by the project's own code: a small scene of named parts in every format the
// viewer reads, and one file for each kind of broken or hostile input the loaders must reject.
#pragma once

#include "scene/scene.h"

#include <string>
#include <vector>

namespace atlas::test {

// Three named parts in front of the origin: a sphere ("sphere_bone", a bone at the patient's left,
// +X), a box ("box_muscle", right, -X) and a thin tube ("thin_nerve") crossing the middle below them.
Scene makeTestScene();
// makeTestScene with three landmarks on the sphere's surface: "sphere_bone.front" (+Z, faces the
// anterior view), "sphere_bone.top" (+Y) and "sphere_bone.back" (-Z, out of sight from the front).
// Written as the fixture "landmarks.glb".
Scene makeLandmarkScene();

// A minimal glTF JSON with one triangle mesh whose fields can be broken on purpose.
struct GltfJsonOptions {
  std::vector<float> positions{0, 0, 0, 1, 0, 0, 0, 1, 0};
  std::vector<std::uint16_t> indices{0, 1, 2};
  std::string bufferUri;        // default: a base64 data URI of the real bytes
  long long positionCount = -1; // default: the real count
  int nodeMesh = 0;             // -1 leaves the node without a mesh
  bool nodeIsOwnChild = false;
};
std::string makeGltfJson(const GltfJsonOptions &options);

struct FixtureFile {
  std::string name;        // file name inside the fixture folder
  std::string expectError; // "" for good files; else a fragment the error message must contain
};

// Writes every fixture into `dir` (created if needed) and returns the list.
std::vector<FixtureFile> writeFixtures(const std::string &dir);
// The list writeFixtures() makes, without writing anything (tests read the files that the CTest
// fixture "atlas_fixtures" wrote once before them).
std::vector<FixtureFile> fixtureList();

} // namespace atlas::test
