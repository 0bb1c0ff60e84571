#include "io/gltf_writer.h"

#include "scene/fibre_bytes.h"

#include <tiny_gltf.h>

#include <cstring>
#include <map>

namespace atlas {
namespace {

// Appends raw bytes to the single buffer, padded to 4 bytes as glTF requires for float data.
int appendView(tinygltf::Model &model, const void *data, std::size_t bytes, int target) {
  auto &buffer = model.buffers[0].data;
  while (buffer.size() % 4 != 0)
    buffer.push_back(0);
  tinygltf::BufferView view;
  view.buffer = 0;
  view.byteOffset = buffer.size();
  view.byteLength = bytes;
  view.target = target;
  const auto *p = static_cast<const unsigned char *>(data);
  buffer.insert(buffer.end(), p, p + bytes);
  model.bufferViews.push_back(view);
  return static_cast<int>(model.bufferViews.size() - 1);
}

int appendAccessor(tinygltf::Model &model, int view, int componentType, int type, std::size_t count,
                   std::vector<double> minValues = {}, std::vector<double> maxValues = {}) {
  tinygltf::Accessor accessor;
  accessor.bufferView = view;
  accessor.componentType = componentType;
  accessor.type = type;
  accessor.count = count;
  accessor.minValues = std::move(minValues);
  accessor.maxValues = std::move(maxValues);
  model.accessors.push_back(accessor);
  return static_cast<int>(model.accessors.size() - 1);
}

// An index list as 16-bit indices where every vertex fits, else 32-bit; returns the accessor.
int appendIndices(tinygltf::Model &model, const std::vector<std::uint32_t> &indices, std::size_t vertices) {
  if (vertices <= 65535) {
    std::vector<std::uint16_t> small(indices.begin(), indices.end());
    const int view = appendView(model, small.data(), small.size() * sizeof(std::uint16_t),
                                TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
    return appendAccessor(model, view, TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT, TINYGLTF_TYPE_SCALAR,
                          small.size());
  }
  const int view = appendView(model, indices.data(), indices.size() * sizeof(std::uint32_t),
                              TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
  return appendAccessor(model, view, TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT, TINYGLTF_TYPE_SCALAR,
                        indices.size());
}

tinygltf::Value extrasOf(const Structure &s) {
  tinygltf::Value::Object extras;
  for (const auto &[key, value] : s.extras)
    if (key != "landmarks") // written from s.landmarks below
      extras[key] = tinygltf::Value(value);
  extras["id"] = tinygltf::Value(s.id);
  if (!s.name.empty())
    extras["name"] = tinygltf::Value(s.name);
  if (!s.latin.empty())
    extras["latin"] = tinygltf::Value(s.latin);
  if (!s.fma.empty()) {
    // FMA ids are integers; keep them numeric in the file.
    bool numeric = s.fma.find_first_not_of("0123456789") == std::string::npos && s.fma.size() < 10;
    extras["fma"] = numeric ? tinygltf::Value(std::stoi(s.fma)) : tinygltf::Value(s.fma);
  }
  extras["system"] = tinygltf::Value(std::string(systemName(s.system)));
  if (!s.side.empty())
    extras["side"] = tinygltf::Value(s.side);
  if (s.closed)
    extras["closed"] = tinygltf::Value(std::string("true"));
  if (!s.landmarks.empty()) {
    // In the structure's order (the generator's, deterministic); the loader checks ids are unique.
    auto vec = [](const glm::vec3 &v) {
      return tinygltf::Value(tinygltf::Value::Array{tinygltf::Value(static_cast<double>(v.x)),
                                                    tinygltf::Value(static_cast<double>(v.y)),
                                                    tinygltf::Value(static_cast<double>(v.z))});
    };
    tinygltf::Value::Array list;
    for (const Landmark &l : s.landmarks) {
      tinygltf::Value::Object entry;
      entry["id"] = tinygltf::Value(l.id);
      entry["name"] = tinygltf::Value(l.name);
      entry["position"] = vec(l.position);
      entry["normal"] = vec(l.normal);
      list.push_back(tinygltf::Value(entry));
    }
    extras["landmarks"] = tinygltf::Value(list);
  }
  if (s.attachment) {
    extras["role"] = tinygltf::Value(std::string(attachmentRoleName(s.attachment->role)));
    extras["muscle"] = tinygltf::Value(s.attachment->muscle);
    extras["bone"] = tinygltf::Value(s.attachment->bone);
    extras["source"] = tinygltf::Value(std::string(attachmentSourceName(s.attachment->source)));
  }
  return tinygltf::Value(extras);
}

int materialFor(tinygltf::Model &model, std::map<std::array<float, 4>, int> &cache, const glm::vec4 &c) {
  const std::array<float, 4> key{c.r, c.g, c.b, c.a};
  auto it = cache.find(key);
  if (it != cache.end())
    return it->second;
  tinygltf::Material material;
  material.name = "material_" + std::to_string(model.materials.size());
  material.pbrMetallicRoughness.baseColorFactor = {c.r, c.g, c.b, c.a};
  material.pbrMetallicRoughness.metallicFactor = 0.0;
  material.pbrMetallicRoughness.roughnessFactor = 0.6;
  if (c.a < 1.0f)
    material.alphaMode = "BLEND";
  model.materials.push_back(material);
  const int index = static_cast<int>(model.materials.size() - 1);
  cache.emplace(key, index);
  return index;
}

int addMesh(tinygltf::Model &model, std::map<std::array<float, 4>, int> &materials, const Structure &s) {
  tinygltf::Mesh mesh;
  mesh.name = s.id;
  for (const MeshData &m : s.meshes) {
    if (m.positions.empty() || m.indices.empty())
      continue;
    const Bounds b = m.bounds();
    tinygltf::Primitive primitive;
    primitive.mode = TINYGLTF_MODE_TRIANGLES;
    const int posView = appendView(model, m.positions.data(), m.positions.size() * sizeof(glm::vec3),
                                   TINYGLTF_TARGET_ARRAY_BUFFER);
    primitive.attributes["POSITION"] =
        appendAccessor(model, posView, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, m.positions.size(),
                       {b.min.x, b.min.y, b.min.z}, {b.max.x, b.max.y, b.max.z});
    if (m.normals.size() == m.positions.size()) {
      const int nView = appendView(model, m.normals.data(), m.normals.size() * sizeof(glm::vec3),
                                   TINYGLTF_TARGET_ARRAY_BUFFER);
      primitive.attributes["NORMAL"] =
          appendAccessor(model, nView, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, m.normals.size());
    }
    if (m.occlusion.size() == m.positions.size()) {
      // An application-specific attribute (glTF 2.0 3.7.2.1: names start with '_'), not COLOR_0:
      // other viewers would multiply a colour into the base colour, and our loader would read any
      // file's vertex colours as occlusion. Float keeps the 4-byte alignment vertex data needs.
      // Read back by gltf_loader.cpp (readOcclusion).
      const int oView = appendView(model, m.occlusion.data(), m.occlusion.size() * sizeof(float),
                                   TINYGLTF_TARGET_ARRAY_BUFFER);
      primitive.attributes["_OCCLUSION"] = appendAccessor(model, oView, TINYGLTF_COMPONENT_TYPE_FLOAT,
                                                          TINYGLTF_TYPE_SCALAR, m.occlusion.size());
    }
    if (m.fibres.size() == m.positions.size()) {
      // Application-specific like _OCCLUSION, but packed: four normalized signed bytes a vertex (xyz
      // direction, w tendon fraction) cost a quarter of floats, and 1/127 is finer than the shader
      // needs. Read back by gltf_loader.cpp (readFibres).
      std::vector<std::array<std::int8_t, 4>> packed;
      packed.reserve(m.fibres.size());
      for (const glm::vec4 &f : m.fibres)
        packed.push_back(packFibre(f));
      const int fView =
          appendView(model, packed.data(), packed.size() * sizeof(packed[0]), TINYGLTF_TARGET_ARRAY_BUFFER);
      const int accessor =
          appendAccessor(model, fView, TINYGLTF_COMPONENT_TYPE_BYTE, TINYGLTF_TYPE_VEC4, packed.size());
      model.accessors[static_cast<std::size_t>(accessor)].normalized = true;
      primitive.attributes["_FIBRE"] = accessor;
    }
    if (m.fibreCoords.size() == m.positions.size() && m.fibres.size() == m.positions.size()) {
      // Floats: the coordinate runs to tens of millimetres and its lines are a fraction of one apart.
      // Only with the fibres, without which nothing draws striations.
      // Read back by gltf_loader.cpp (readFibreCoords).
      const int cView = appendView(model, m.fibreCoords.data(), m.fibreCoords.size() * sizeof(float),
                                   TINYGLTF_TARGET_ARRAY_BUFFER);
      primitive.attributes["_FIBRE_COORD"] = appendAccessor(model, cView, TINYGLTF_COMPONENT_TYPE_FLOAT,
                                                            TINYGLTF_TYPE_SCALAR, m.fibreCoords.size());
    }
    primitive.indices = appendIndices(model, m.indices, m.positions.size());
    if (!m.coarseIndices.empty()) {
      // The coarse level of detail (scene/level_of_detail.h) over the same vertices, so the viewer
      // need not simplify at start-up. glTF has no core place for a second index list of one
      // primitive; other viewers ignore the extras. Read back by gltf_loader.cpp (readCoarse).
      tinygltf::Value::Object coarse;
      coarse["indices"] = tinygltf::Value(appendIndices(model, m.coarseIndices, m.positions.size()));
      coarse["error"] = tinygltf::Value(static_cast<double>(m.coarseError));
      tinygltf::Value::Object extras;
      extras["coarse"] = tinygltf::Value(coarse);
      primitive.extras = tinygltf::Value(extras);
    }
    primitive.material = materialFor(model, materials, m.color);
    mesh.primitives.push_back(primitive);
  }
  if (mesh.primitives.empty())
    return -1;
  model.meshes.push_back(mesh);
  return static_cast<int>(model.meshes.size() - 1);
}

} // namespace

Result<void> writeGltf(const Scene &scene, const std::string &path, const GltfWriteOptions &options) {
  tinygltf::Model model;
  model.asset.version = "2.0";
  model.asset.generator = options.generator;
  model.asset.copyright = options.copyright;
  tinygltf::Value::Object assetExtras;
  if (!scene.description.empty())
    assetExtras["description"] = tinygltf::Value(scene.description);
  if (!scene.content.empty())
    assetExtras["content"] = tinygltf::Value(scene.content);
  if (!assetExtras.empty())
    model.asset.extras = tinygltf::Value(assetExtras);
  model.buffers.resize(1);

  std::map<std::array<float, 4>, int> materials;
  const auto &structures = scene.structures();
  for (const Structure &s : structures) {
    tinygltf::Node node;
    node.name = s.id;
    node.mesh = addMesh(model, materials, s);
    node.extras = extrasOf(s);
    model.nodes.push_back(node);
  }
  tinygltf::Scene root;
  root.name = "scene";
  for (std::size_t i = 0; i < structures.size(); ++i) {
    const int parent = structures[i].parent;
    if (parent >= 0 && static_cast<std::size_t>(parent) < structures.size())
      model.nodes[static_cast<std::size_t>(parent)].children.push_back(static_cast<int>(i));
    else
      root.nodes.push_back(static_cast<int>(i));
  }
  model.scenes.push_back(root);
  model.defaultScene = 0;
  if (model.buffers[0].data.empty())
    model.buffers.clear();

  tinygltf::TinyGLTF writer;
  const bool ok = writer.WriteGltfSceneToFile(&model, path, /*embedImages=*/true, /*embedBuffers=*/true,
                                              /*prettyPrint=*/!options.binary, options.binary);
  if (!ok)
    return Error{path + ": could not write glTF file"};
  return {};
}

} // namespace atlas
