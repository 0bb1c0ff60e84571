// atlas-fuzz-seeds OUT CONTENT_DIR: writes the seed corpora of the fuzz targets into OUT/gltf,
// OUT/assimp and OUT/content. Models are the test fixtures (tests/support: a good scene in every
// format and each broken or hostile file the loaders refuse); content seeds are the project's own
// YAML files. Assimp and content seeds carry the selector byte their fuzz target reads first.
#include "support/fixtures.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path &file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + file.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeSeed(const fs::path &file, const std::string &bytes) {
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out)
    throw std::runtime_error("cannot write " + file.string());
}

int copyYaml(const fs::path &from, const fs::path &to, const std::string &prefix, char kind) {
  int n = 0;
  for (const auto &entry : fs::directory_iterator(from))
    if (entry.path().extension() == ".yaml") {
      const std::string text = readAll(entry.path());
      for (char selector : {kind, static_cast<char>(kind | 8)}) // without and with the model's ids
        writeSeed(to / (prefix + entry.path().stem().string() + "_" + std::to_string(int(selector))),
                  std::string(1, selector) + text);
      n += 2;
    }
  return n;
}

// Small files in the encodings the fixtures lack (binary STL and PLY), and a minimal OBJ: short
// seeds mutate faster than the fixture scene.
std::string binaryStl() {
  std::string out(80, ' ');
  const auto put = [&out](const void *p, std::size_t n) { out.append(static_cast<const char *>(p), n); };
  const std::uint32_t count = 1;
  put(&count, 4);
  const float facet[12] = {0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0};
  put(facet, sizeof facet);
  return out + std::string(2, '\0');
}

std::string binaryPly() {
  std::string out = "ply\nformat binary_little_endian 1.0\nelement vertex 3\nproperty float x\n"
                    "property float y\nproperty float z\nelement face 1\n"
                    "property list uchar int vertex_indices\nend_header\n";
  const float vertices[9] = {0, 0, 0, 1, 0, 0, 0, 1, 0};
  out.append(reinterpret_cast<const char *>(vertices), sizeof vertices);
  out.push_back(3);
  const std::int32_t face[3] = {0, 1, 2};
  return out.append(reinterpret_cast<const char *>(face), sizeof face);
}

// glTF seeds near the loader's own checks: percent-encoded and data: URIs (refused from memory, but
// the decoding and the messages run), nesting just under and over the 64-level limit, one mesh used
// by many nodes (the budgets after instancing) and a required extension.
std::map<std::string, std::string> gltfCheckSeeds() {
  using atlas::test::GltfJsonOptions;
  std::map<std::string, std::string> seeds;
  for (const auto &[name, uri] :
       std::map<std::string, std::string>{{"uri_percent_dotdot.gltf", "%2e%2e/secret.bin"},
                                          {"uri_percent_space.gltf", "sub%20dir/x.bin"},
                                          {"uri_bad_escape.gltf", "%zz.bin"},
                                          {"uri_data_plain.gltf", "data:,hello"}}) {
    GltfJsonOptions options;
    options.bufferUri = uri;
    seeds[name] = atlas::test::makeGltfJson(options);
  }
  for (int depth : {60, 70}) {
    nlohmann::json doc = nlohmann::json::parse(atlas::test::makeGltfJson({}));
    std::string text = doc.dump();
    const std::string name = "\"name\":\"triangle\"";
    const std::size_t at = text.rfind(name);
    text.insert(at + name.size(),
                ",\"extras\":{\"x\":" + std::string(depth, '[') + std::string(depth, ']') + "}");
    seeds["nested_" + std::to_string(depth) + ".gltf"] = text;
  }
  nlohmann::json instanced = nlohmann::json::parse(atlas::test::makeGltfJson({}));
  instanced["nodes"] = nlohmann::json::array();
  instanced["scenes"][0]["nodes"] = nlohmann::json::array();
  for (int i = 0; i < 8; ++i) {
    instanced["nodes"].push_back({{"name", "part"}, {"mesh", 0}});
    instanced["scenes"][0]["nodes"].push_back(i);
  }
  seeds["instanced_same_names.gltf"] = instanced.dump();
  nlohmann::json required = nlohmann::json::parse(atlas::test::makeGltfJson({}));
  required["extensionsUsed"] = {"KHR_draco_mesh_compression"};
  required["extensionsRequired"] = {"KHR_draco_mesh_compression"};
  seeds["extension_required.gltf"] = required.dump();
  // The coarse level of detail the generator writes (a primitive's extras.coarse, io/gltf_loader.cpp).
  nlohmann::json coarse = nlohmann::json::parse(atlas::test::makeGltfJson({}));
  coarse["meshes"][0]["primitives"][0]["extras"] = {{"coarse", {{"indices", 1}, {"error", 0.001}}}};
  seeds["coarse_lod.gltf"] = coarse.dump();
  return seeds;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: atlas-fuzz-seeds OUT CONTENT_DIR\n");
    return 2;
  }
  try {
    const fs::path out = argv[1], content = argv[2];
    const fs::path fixtures = out / "fixtures";
    for (const char *dir : {"gltf", "assimp", "content"})
      fs::create_directories(out / dir);
    const std::map<std::string, char> assimpSelector{{".obj", 0}, {".stl", 1}, {".ply", 2}};
    int models = 0;
    for (const atlas::test::FixtureFile &f : atlas::test::writeFixtures(fixtures.string())) {
      const fs::path file = fixtures / f.name;
      const std::string ext = file.extension().string();
      if (ext == ".glb" || ext == ".gltf") {
        writeSeed(out / "gltf" / f.name, readAll(file));
        ++models;
      } else if (auto it = assimpSelector.find(ext); it != assimpSelector.end()) {
        writeSeed(out / "assimp" / f.name, std::string(1, it->second) + readAll(file));
        ++models;
      }
    }
    writeSeed(out / "assimp" / "small.obj",
              std::string(1, char(0)) + "o part\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvn 0 0 1\nf 1//1 2//1 3//1\n");
    writeSeed(out / "assimp" / "small_binary.stl", std::string(1, char(1)) + binaryStl());
    writeSeed(out / "assimp" / "small_binary.ply", std::string(1, char(2)) + binaryPly());
    models += 3;
    for (const auto &[name, text] : gltfCheckSeeds()) {
      writeSeed(out / "gltf" / name, text);
      ++models;
    }
    int texts = copyYaml(content / "structures", out / "content", "structures_", 0);
    texts += copyYaml(content / "article", out / "content", "article_", 2);
    const std::string sources = readAll(content / "sources.yaml");
    writeSeed(out / "content" / "sources_1", std::string(1, char(1)) + sources);
    writeSeed(out / "content" / "sources_9", std::string(1, char(9)) + sources);
    texts += 2;
    std::printf("wrote %d model seeds and %d content seeds to %s\n", models, texts, out.string().c_str());
    return 0;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "atlas-fuzz-seeds: error: %s\n", e.what());
    return 1;
  }
}
