#include "support/fixtures.h"

#include "io/gltf_writer.h"
#include "support/shapes.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <tuple>
#include <unistd.h>

namespace atlas::test {
namespace fs = std::filesystem;

namespace {

std::string base64(const std::string &bytes) {
  static const char *table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v =
        (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8 | (unsigned char)bytes[i + 2];
    out += {table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], table[v & 63]};
  }
  if (i + 1 == bytes.size()) {
    const unsigned v = (unsigned char)bytes[i] << 16;
    out += {table[v >> 18], table[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    const unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8;
    out += {table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], '='};
  }
  return out;
}

void writeText(const fs::path &path, const std::string &text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out)
    throw std::runtime_error("cannot write fixture " + path.string());
}

std::string readBytes(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void addStructure(Scene &scene, const std::string &id, System system, const std::string &side,
                  MeshData mesh) {
  Structure s;
  s.id = id;
  s.name = id;
  s.system = system;
  s.side = side;
  s.meshes.push_back(std::move(mesh));
  scene.add(std::move(s));
}

// Plain-text writers for the Assimp formats: enough for the loader tests, no library needed.
std::string toObj(const Scene &scene) {
  std::string out = "# Scalene Atlas test fixture\n";
  std::size_t base = 1;
  for (const Structure &s : scene.structures())
    for (const MeshData &m : s.meshes) {
      out += "o " + s.id + "\n";
      for (const glm::vec3 &p : m.positions)
        out += "v " + std::to_string(p.x) + " " + std::to_string(p.y) + " " + std::to_string(p.z) + "\n";
      for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3)
        out += "f " + std::to_string(base + m.indices[i]) + " " + std::to_string(base + m.indices[i + 1]) +
               " " + std::to_string(base + m.indices[i + 2]) + "\n";
      base += m.positions.size();
    }
  return out;
}

std::string toAsciiStl(const MeshData &m, const std::string &name) {
  std::string out = "solid " + name + "\n";
  for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3) {
    out += " facet normal 0 0 0\n  outer loop\n";
    for (int k = 0; k < 3; ++k) {
      const glm::vec3 &p = m.positions[m.indices[i + k]];
      out +=
          "   vertex " + std::to_string(p.x) + " " + std::to_string(p.y) + " " + std::to_string(p.z) + "\n";
    }
    out += "  endloop\n endfacet\n";
  }
  return out + "endsolid " + name + "\n";
}

std::string toAsciiPly(const MeshData &m) {
  std::string out = "ply\nformat ascii 1.0\nelement vertex " + std::to_string(m.positions.size()) +
                    "\nproperty float x\nproperty float y\nproperty float z\nelement face " +
                    std::to_string(m.triangleCount()) +
                    "\nproperty list uchar int vertex_indices\nend_header\n";
  for (const glm::vec3 &p : m.positions)
    out += std::to_string(p.x) + " " + std::to_string(p.y) + " " + std::to_string(p.z) + "\n";
  for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3)
    out += "3 " + std::to_string(m.indices[i]) + " " + std::to_string(m.indices[i + 1]) + " " +
           std::to_string(m.indices[i + 2]) + "\n";
  return out;
}

} // namespace

Scene makeTestScene() {
  Scene scene;
  scene.description = "Test scene made by the Scalene Atlas test suite.";
  addStructure(scene, "sphere_bone", System::Bone, "left",
               makeSphere({0.03f, 0.01f, 0.0f}, 0.025f, 24, 48, {0.86f, 0.82f, 0.72f, 1}));
  addStructure(scene, "box_muscle", System::Muscle, "right",
               makeBox({-0.03f, 0.01f, 0.0f}, {0.02f, 0.02f, 0.02f}, {0.7f, 0.27f, 0.24f, 1}));
  // 2 mm thick, like a ventral ramus: picking must hit it exactly.
  addStructure(scene, "thin_nerve", System::Nerve, "midline",
               makeCylinderX({-0.05f, -0.03f, 0.0f}, 0.1f, 0.001f, 16, {0.95f, 0.8f, 0.25f, 1}));
  return scene;
}

Scene makeLandmarkScene() {
  Scene scene = makeTestScene();
  const int sphere = scene.indexOf("sphere_bone");
  auto &marks = scene.structures()[static_cast<std::size_t>(sphere)].landmarks;
  const glm::vec3 centre(0.03f, 0.01f, 0.0f);
  const float radius = 0.025f;
  for (const auto &[name, label, normal] : {std::tuple{"front", "Front pole", glm::vec3(0, 0, 1)},
                                            std::tuple{"top", "Top pole", glm::vec3(0, 1, 0)},
                                            std::tuple{"back", "Back pole", glm::vec3(0, 0, -1)}})
    marks.push_back({std::string("sphere_bone.") + name, label, centre + radius * normal, normal});
  return scene;
}

std::string makeGltfJson(const GltfJsonOptions &o) {
  std::string bytes(reinterpret_cast<const char *>(o.positions.data()), o.positions.size() * sizeof(float));
  const std::size_t indexOffset = bytes.size();
  bytes.append(reinterpret_cast<const char *>(o.indices.data()), o.indices.size() * sizeof(std::uint16_t));
  while (bytes.size() % 4)
    bytes.push_back('\0');
  nlohmann::json doc;
  doc["asset"] = {{"version", "2.0"}};
  doc["buffers"] = {
      {{"byteLength", bytes.size()},
       {"uri", o.bufferUri.empty() ? "data:application/octet-stream;base64," + base64(bytes) : o.bufferUri}}};
  doc["bufferViews"] = {{{"buffer", 0}, {"byteOffset", 0}, {"byteLength", indexOffset}},
                        {{"buffer", 0}, {"byteOffset", indexOffset}, {"byteLength", o.indices.size() * 2}}};
  const long long count =
      o.positionCount >= 0 ? o.positionCount : static_cast<long long>(o.positions.size() / 3);
  doc["accessors"] = {
      {{"bufferView", 0}, {"componentType", 5126}, {"count", count}, {"type", "VEC3"}},
      {{"bufferView", 1}, {"componentType", 5123}, {"count", o.indices.size()}, {"type", "SCALAR"}}};
  doc["meshes"] = {
      {{"name", "triangle"}, {"primitives", {{{"attributes", {{"POSITION", 0}}}, {"indices", 1}}}}}};
  nlohmann::json node = {{"name", "triangle"}};
  if (o.nodeMesh >= 0)
    node["mesh"] = o.nodeMesh;
  if (o.nodeIsOwnChild)
    node["children"] = {0};
  doc["nodes"] = {node};
  doc["scenes"] = {{{"nodes", {0}}}};
  doc["scene"] = 0;
  return doc.dump(1);
}

std::vector<FixtureFile> writeFixtures(const std::string &dirName) {
  const fs::path dir(dirName);
  fs::create_directories(dir);
  const Scene scene = makeTestScene();
  std::vector<FixtureFile> files;
  auto writeScene = [&](const std::string &name, bool binary) {
    GltfWriteOptions options;
    options.binary = binary;
    if (Result<void> ok = writeGltf(scene, (dir / name).string(), options); !ok)
      throw std::runtime_error(ok.error());
    files.push_back({name, ""});
  };
  writeScene("scene.glb", true);
  writeScene("scene.gltf", false);
  if (Result<void> ok = writeGltf(makeLandmarkScene(), (dir / "landmarks.glb").string(), {}); !ok)
    throw std::runtime_error(ok.error());
  files.push_back({"landmarks.glb", ""});
  writeText(dir / "scene.obj", toObj(scene));
  files.push_back({"scene.obj", ""});
  writeText(dir / "scene.stl", toAsciiStl(scene.structures()[0].meshes[0], "sphere_bone"));
  files.push_back({"scene.stl", ""});
  writeText(dir / "scene.ply", toAsciiPly(scene.structures()[1].meshes[0]));
  files.push_back({"scene.ply", ""});
  writeText(dir / "triangle.gltf", makeGltfJson({}));
  files.push_back({"triangle.gltf", ""});

  // Broken and hostile inputs, each with the words its error message must contain.
  const std::string glb = readBytes(dir / "scene.glb");
  writeText(dir / "truncated.glb", glb.substr(0, glb.size() / 2));
  files.push_back({"truncated.glb", "truncated"});
  writeText(dir / "not_gltf.glb", "This is a text file, not a model.\n");
  files.push_back({"not_gltf.glb", "not a binary glTF file"});
  writeText(dir / "syntax_error.gltf",
            "{\n  \"asset\": {\"version\": \"2.0\"},\n  \"nodes\": [ {\"name\": \"x\" ,, ]\n}\n");
  files.push_back({"syntax_error.gltf", "line 3"});
  GltfJsonOptions outOfRange;
  outOfRange.positionCount = 1000000000; // a billion vertices claimed, three present
  writeText(dir / "accessor_out_of_range.gltf", makeGltfJson(outOfRange));
  files.push_back({"accessor_out_of_range.gltf", "run past the end"});
  GltfJsonOptions badIndex;
  badIndex.indices = {0, 1, 99};
  writeText(dir / "index_out_of_range.gltf", makeGltfJson(badIndex));
  files.push_back({"index_out_of_range.gltf", "refers to vertex 99"});
  GltfJsonOptions escape;
  escape.bufferUri = "../../etc/passwd";
  writeText(dir / "uri_escape.gltf", makeGltfJson(escape));
  files.push_back({"uri_escape.gltf", "leaves the model's folder"});
  GltfJsonOptions absolute;
  absolute.bufferUri = "/etc/passwd";
  writeText(dir / "uri_absolute.gltf", makeGltfJson(absolute));
  files.push_back({"uri_absolute.gltf", "absolute paths are not allowed"});
  GltfJsonOptions nan;
  nan.positions = {0, 0, 0, std::numeric_limits<float>::quiet_NaN(), 0, 0, 0, 1, 0};
  writeText(dir / "nan_vertex.gltf", makeGltfJson(nan));
  files.push_back({"nan_vertex.gltf", "non-finite"});
  GltfJsonOptions inf;
  inf.positions = {0, 0, 0, 1, std::numeric_limits<float>::infinity(), 0, 0, 1, 0};
  writeText(dir / "inf_vertex.gltf", makeGltfJson(inf));
  files.push_back({"inf_vertex.gltf", "non-finite"});
  GltfJsonOptions noMesh;
  noMesh.nodeMesh = -1;
  writeText(dir / "no_meshes.gltf", makeGltfJson(noMesh));
  files.push_back({"no_meshes.gltf", "no triangle meshes"});
  GltfJsonOptions cycle;
  cycle.nodeIsOwnChild = true;
  writeText(dir / "node_cycle.gltf", makeGltfJson(cycle));
  files.push_back({"node_cycle.gltf", "must be a tree"});
  writeText(dir / "empty.gltf", "");
  files.push_back({"empty.gltf", "empty"});
  writeText(dir / "broken.obj", "o broken\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 9\n");
  files.push_back({"broken.obj", "broken.obj"});
  // Binary STL whose header promises 1000 triangles but holds one.
  std::string stl(80, ' ');
  const std::uint32_t promised = 1000;
  stl.append(reinterpret_cast<const char *>(&promised), 4);
  stl.append(50, '\0');
  writeText(dir / "broken.stl", stl);
  files.push_back({"broken.stl", "broken.stl"});
  return files;
}

std::vector<FixtureFile> fixtureList() {
  static const std::vector<FixtureFile> list = [] {
    const std::string dir =
        (fs::temp_directory_path() / ("atlas-fixture-list-" + std::to_string(::getpid()))).string();
    std::vector<FixtureFile> files = writeFixtures(dir);
    fs::remove_all(dir);
    return files;
  }();
  return list;
}

} // namespace atlas::test
