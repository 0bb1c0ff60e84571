// glTF 2.0 loading through tinygltf, with the checks tinygltf leaves to its caller: every accessor
// and buffer view must lie inside its buffer, external URIs must stay inside the model's folder, and
// the node graph must be a forest. Section index:
//   1. file-level checks (GLB header, URIs)   2. accessor reading   3. node traversal   4. loadGltf
#include "io/model_loader.h"

#include "core/log.h"

#include <tiny_gltf.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <nlohmann/json.hpp>
#include <optional>

namespace atlas {
namespace fs = std::filesystem;

namespace {

// ---- 1. file-level checks ---------------------------------------------------------------------

std::string lineColumnOf(const std::string &text, std::size_t byte) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::uint32_t readU32(const std::vector<unsigned char> &bytes, std::size_t offset) {
  std::uint32_t v = 0;
  std::memcpy(&v, bytes.data() + offset, 4);
  return v; // GLB is little-endian, as is every platform we build for
}

// Returns the JSON text of a .glb after checking the header and chunk layout byte by byte.
Result<std::string> glbJson(const std::vector<unsigned char> &bytes, const std::string &path) {
  if (bytes.size() < 12)
    return Error{path + ": truncated GLB: " + std::to_string(bytes.size()) +
                 " bytes, the header alone needs 12"};
  if (std::memcmp(bytes.data(), "glTF", 4) != 0)
    return Error{path + ": not a binary glTF file: bytes 0-3 should be 'glTF'"};
  const std::uint32_t version = readU32(bytes, 4);
  if (version != 2)
    return Error{path + ": byte 4: GLB version " + std::to_string(version) + ", expected 2"};
  const std::uint32_t length = readU32(bytes, 8);
  if (length != bytes.size())
    return Error{path + ": byte 8: header says the file has " + std::to_string(length) +
                 " bytes but it has " + std::to_string(bytes.size()) +
                 (length > bytes.size() ? " (truncated)" : "")};
  if (bytes.size() < 20)
    return Error{path + ": byte 12: truncated GLB: missing the JSON chunk header"};
  const std::uint32_t jsonLength = readU32(bytes, 12);
  if (std::memcmp(bytes.data() + 16, "JSON", 4) != 0)
    return Error{path + ": byte 16: first chunk should be of type 'JSON'"};
  if (std::uint64_t(20) + jsonLength > bytes.size())
    return Error{path + ": byte 12: JSON chunk of " + std::to_string(jsonLength) +
                 " bytes runs past the end of the file"};
  const std::uint64_t binHeader = 20 + std::uint64_t(jsonLength);
  if (binHeader < bytes.size()) {
    if (binHeader + 8 > bytes.size())
      return Error{path + ": byte " + std::to_string(binHeader) + ": truncated chunk header"};
    const std::uint32_t binLength = readU32(bytes, binHeader);
    if (binHeader + 8 + binLength > bytes.size())
      return Error{path + ": byte " + std::to_string(binHeader) + ": BIN chunk of " +
                   std::to_string(binLength) + " bytes runs past the end of the file"};
  }
  return std::string(reinterpret_cast<const char *>(bytes.data()) + 20, jsonLength);
}

// A URI may name a file beside the model or below it, never above it or elsewhere. A model read from
// memory (`baseDir` empty) has no folder: only data: URIs.
Result<bool> checkUris(const std::string &jsonText, const std::string &path,
                       const std::optional<fs::path> &baseDir) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(jsonText);
  } catch (const nlohmann::json::parse_error &e) {
    return Error{path + ": invalid JSON at " + lineColumnOf(jsonText, e.byte > 0 ? e.byte - 1 : 0) + ": " +
                 std::string(e.what()).substr(std::string(e.what()).find(':') + 2)};
  } catch (const nlohmann::json::exception &e) { // e.g. out_of_range: a number too large for a double
    const std::string what = e.what();
    const std::size_t tag = what.find("] ");
    return Error{path + ": invalid JSON: " + (tag == std::string::npos ? what : what.substr(tag + 2))};
  }
  if (!doc.is_object())
    return Error{path + ": line 1: the glTF document must be a JSON object"};
  for (const char *array : {"buffers", "images"}) {
    auto it = doc.find(array);
    if (it == doc.end() || !it->is_array())
      continue;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const auto &entry = (*it)[i];
      if (!entry.is_object() || !entry.contains("uri") || !entry["uri"].is_string())
        continue;
      const std::string uri = entry["uri"].get<std::string>();
      if (uri.rfind("data:", 0) == 0)
        continue;
      const std::string where = path + ": " + array + "[" + std::to_string(i) + "].uri \"" + uri + "\"";
      if (uri.find("://") != std::string::npos)
        return Error{where + ": network URIs are not allowed; the file must be beside the model"};
      if (!baseDir)
        return Error{where + ": a model read from memory cannot refer to other files; embed the data "
                             "(GLB or a data: URI)"};
      const fs::path rel(uri);
      if (rel.is_absolute() || uri.find('\\') != std::string::npos)
        return Error{where + ": absolute paths are not allowed; the file must be beside the model"};
      // The error_code forms: a name the system refuses (too long, ...) is an error, not an exception.
      std::error_code ec;
      const fs::path base = fs::weakly_canonical(baseDir->empty() ? fs::path(".") : *baseDir, ec);
      const fs::path resolved = ec ? fs::path() : fs::weakly_canonical(base / rel, ec);
      if (ec)
        return Error{where + ": cannot resolve the path (" + ec.message() + ")"};
      const auto [baseEnd, _] = std::mismatch(base.begin(), base.end(), resolved.begin(), resolved.end());
      if (baseEnd != base.end())
        return Error{where + ": leaves the model's folder; the file must be beside the model or below it"};
    }
  }
  return true;
}

// We draw no textures: skipping image decoding keeps hostile image data away from the decoder.
bool skipImage(tinygltf::Image *, const int, std::string *, std::string *, int, int, const unsigned char *,
               int, void *) {
  return true;
}

// ---- 2. accessor reading ----------------------------------------------------------------------

struct AccessorView {
  const unsigned char *data = nullptr;
  std::size_t stride = 0;
  std::size_t count = 0;
  int componentType = 0;
};

std::size_t componentBytes(int type) {
  switch (type) {
  case TINYGLTF_COMPONENT_TYPE_BYTE:
  case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
    return 1;
  case TINYGLTF_COMPONENT_TYPE_SHORT:
  case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT:
    return 2;
  case TINYGLTF_COMPONENT_TYPE_INT:
  case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT:
  case TINYGLTF_COMPONENT_TYPE_FLOAT:
    return 4;
  default:
    return 0;
  }
}

std::size_t typeComponents(int type) {
  switch (type) {
  case TINYGLTF_TYPE_SCALAR:
    return 1;
  case TINYGLTF_TYPE_VEC2:
    return 2;
  case TINYGLTF_TYPE_VEC3:
    return 3;
  case TINYGLTF_TYPE_VEC4:
    return 4;
  default:
    return 0;
  }
}

// Resolves accessor `index` to raw memory, checking every index and byte range against the buffers.
Result<AccessorView> viewAccessor(const tinygltf::Model &model, int index, int wantType,
                                  std::initializer_list<int> allowedComponents, const std::string &where) {
  const std::string at = where + ": accessors[" + std::to_string(index) + "]";
  if (index < 0 || static_cast<std::size_t>(index) >= model.accessors.size())
    return Error{where + ": accessor index " + std::to_string(index) + " is out of range (the file has " +
                 std::to_string(model.accessors.size()) + ")"};
  const tinygltf::Accessor &acc = model.accessors[static_cast<std::size_t>(index)];
  if (acc.sparse.isSparse)
    return Error{at + ": sparse accessors are not supported"};
  if (acc.type != wantType)
    return Error{at + ": has type " + std::to_string(acc.type) + ", expected " + std::to_string(wantType)};
  if (std::find(allowedComponents.begin(), allowedComponents.end(), acc.componentType) ==
      allowedComponents.end())
    return Error{at + ": unsupported componentType " + std::to_string(acc.componentType)};
  if (acc.bufferView < 0 || static_cast<std::size_t>(acc.bufferView) >= model.bufferViews.size())
    return Error{at + ": bufferView " + std::to_string(acc.bufferView) + " is out of range (the file has " +
                 std::to_string(model.bufferViews.size()) + ")"};
  const tinygltf::BufferView &view = model.bufferViews[static_cast<std::size_t>(acc.bufferView)];
  if (view.buffer < 0 || static_cast<std::size_t>(view.buffer) >= model.buffers.size())
    return Error{at + ": bufferViews[" + std::to_string(acc.bufferView) + "].buffer " +
                 std::to_string(view.buffer) + " is out of range"};
  const std::vector<unsigned char> &buffer = model.buffers[static_cast<std::size_t>(view.buffer)].data;
  const std::uint64_t elementBytes = componentBytes(acc.componentType) * typeComponents(acc.type);
  const std::uint64_t stride = view.byteStride ? view.byteStride : elementBytes;
  const std::uint64_t viewEnd = std::uint64_t(view.byteOffset) + view.byteLength;
  if (viewEnd > buffer.size())
    return Error{at + ": bufferViews[" + std::to_string(acc.bufferView) + "] ends at byte " +
                 std::to_string(viewEnd) + " but its buffer has only " + std::to_string(buffer.size()) +
                 " bytes"};
  if (stride < elementBytes)
    return Error{at + ": byteStride " + std::to_string(stride) + " is smaller than one element (" +
                 std::to_string(elementBytes) + " bytes)"};
  if (acc.count == 0)
    return AccessorView{};
  // count is bounded by the view's real size below, so a hostile count cannot make us allocate.
  const std::uint64_t first = std::uint64_t(view.byteOffset) + acc.byteOffset;
  const std::uint64_t count = acc.count;
  if (count > viewEnd || (count - 1) > (viewEnd - std::min(first, viewEnd)) / stride ||
      first + (count - 1) * stride + elementBytes > viewEnd)
    return Error{at + ": " + std::to_string(acc.count) + " elements from byte " + std::to_string(first) +
                 " run past the end of bufferViews[" + std::to_string(acc.bufferView) + "] (byte " +
                 std::to_string(viewEnd) + ")"};
  return AccessorView{buffer.data() + first, static_cast<std::size_t>(stride),
                      static_cast<std::size_t>(count), acc.componentType};
}

std::vector<glm::vec3> readVec3(const AccessorView &v) {
  std::vector<glm::vec3> out(v.count);
  for (std::size_t i = 0; i < v.count; ++i)
    std::memcpy(&out[i], v.data + i * v.stride, sizeof(glm::vec3));
  return out;
}

std::vector<std::uint32_t> readIndices(const AccessorView &v) {
  std::vector<std::uint32_t> out(v.count);
  for (std::size_t i = 0; i < v.count; ++i) {
    const unsigned char *p = v.data + i * v.stride;
    if (v.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE) {
      out[i] = *p;
    } else if (v.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT) {
      std::uint16_t s;
      std::memcpy(&s, p, 2);
      out[i] = s;
    } else {
      std::memcpy(&out[i], p, 4);
    }
  }
  return out;
}

// Strips and fans become plain triangle lists so the rest of the app sees one kind of mesh.
std::vector<std::uint32_t> toTriangleList(std::vector<std::uint32_t> in, int mode) {
  if (mode == TINYGLTF_MODE_TRIANGLES)
    return in; // moved, not copied: a fresh copy of every index costs page faults
  std::vector<std::uint32_t> out;
  for (std::size_t i = 2; i < in.size(); ++i) {
    if (mode == TINYGLTF_MODE_TRIANGLE_STRIP) {
      if (i % 2 == 0)
        out.insert(out.end(), {in[i - 2], in[i - 1], in[i]});
      else
        out.insert(out.end(), {in[i - 1], in[i - 2], in[i]});
    } else { // fan
      out.insert(out.end(), {in[0], in[i - 1], in[i]});
    }
  }
  return out;
}

Result<MeshData> readPrimitive(const tinygltf::Model &model, const tinygltf::Primitive &prim,
                               const std::string &where, std::uint64_t &vertexBudget) {
  const int mode = prim.mode < 0 ? TINYGLTF_MODE_TRIANGLES : prim.mode;
  if (mode != TINYGLTF_MODE_TRIANGLES && mode != TINYGLTF_MODE_TRIANGLE_STRIP &&
      mode != TINYGLTF_MODE_TRIANGLE_FAN)
    return MeshData{}; // points and lines are not anatomy surfaces; skipped
  auto pos = prim.attributes.find("POSITION");
  if (pos == prim.attributes.end())
    return Error{where + ": has no POSITION attribute"};
  Result<AccessorView> pv = viewAccessor(model, pos->second, TINYGLTF_TYPE_VEC3,
                                         {TINYGLTF_COMPONENT_TYPE_FLOAT}, where + " POSITION");
  if (!pv)
    return Error{pv.error()};
  if (pv->count > vertexBudget)
    return Error{where + ": the model has more than the limit of vertices; refusing to load it"};
  vertexBudget -= pv->count;

  MeshData mesh;
  mesh.positions = readVec3(*pv);
  auto nrm = prim.attributes.find("NORMAL");
  if (nrm != prim.attributes.end()) {
    Result<AccessorView> nv = viewAccessor(model, nrm->second, TINYGLTF_TYPE_VEC3,
                                           {TINYGLTF_COMPONENT_TYPE_FLOAT}, where + " NORMAL");
    if (!nv)
      return Error{nv.error()};
    if (nv->count == pv->count)
      mesh.normals = readVec3(*nv);
  }
  std::vector<std::uint32_t> indices;
  if (prim.indices >= 0) {
    Result<AccessorView> iv =
        viewAccessor(model, prim.indices, TINYGLTF_TYPE_SCALAR,
                     {TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE, TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT,
                      TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT},
                     where + " indices");
    if (!iv)
      return Error{iv.error()};
    indices = readIndices(*iv);
  } else {
    indices.resize(mesh.positions.size());
    for (std::size_t i = 0; i < indices.size(); ++i)
      indices[i] = static_cast<std::uint32_t>(i);
  }
  mesh.indices = toTriangleList(std::move(indices), mode);
  mesh.indices.resize(mesh.indices.size() - mesh.indices.size() % 3);
  if (prim.material >= 0 && static_cast<std::size_t>(prim.material) < model.materials.size()) {
    const auto &material = model.materials[static_cast<std::size_t>(prim.material)];
    const auto &f = material.pbrMetallicRoughness.baseColorFactor;
    if (f.size() == 4)
      mesh.color = glm::vec4(f[0], f[1], f[2], material.alphaMode == "BLEND" ? f[3] : 1.0);
  } else if (prim.material >= 0) {
    return Error{where + ": material " + std::to_string(prim.material) + " is out of range"};
  }
  return mesh;
}

// ---- 3. node traversal ------------------------------------------------------------------------

glm::mat4 localTransform(const tinygltf::Node &node) {
  if (node.matrix.size() == 16) {
    glm::dmat4 m = glm::make_mat4(node.matrix.data());
    return glm::mat4(m);
  }
  glm::dmat4 m(1.0);
  if (node.translation.size() == 3)
    m = glm::translate(m, glm::dvec3(node.translation[0], node.translation[1], node.translation[2]));
  if (node.rotation.size() == 4)
    m *= glm::mat4_cast(glm::dquat(node.rotation[3], node.rotation[0], node.rotation[1], node.rotation[2]));
  if (node.scale.size() == 3)
    m = glm::scale(m, glm::dvec3(node.scale[0], node.scale[1], node.scale[2]));
  return glm::mat4(m);
}

void transformMesh(MeshData &mesh, const glm::mat4 &world) {
  const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(world)));
  for (glm::vec3 &p : mesh.positions)
    p = glm::vec3(world * glm::vec4(p, 1.0f));
  for (glm::vec3 &n : mesh.normals)
    n = normalMatrix * n;
  if (glm::determinant(glm::mat3(world)) < 0.0f) // mirrored: keep counter-clockwise front faces
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3)
      std::swap(mesh.indices[i + 1], mesh.indices[i + 2]);
}

std::string valueAsText(const tinygltf::Value &v) {
  if (v.IsString())
    return v.Get<std::string>();
  if (v.IsInt())
    return std::to_string(v.Get<int>());
  if (v.IsNumber()) {
    const double d = v.GetNumberAsDouble();
    return d == std::floor(d) && std::abs(d) < 1e15 ? std::to_string(static_cast<long long>(d))
                                                    : std::to_string(d);
  }
  if (v.IsBool())
    return v.Get<bool>() ? "true" : "false";
  return {};
}

void applyExtras(Structure &s, const tinygltf::Value &extras) {
  if (!extras.IsObject())
    return;
  for (const std::string &key : extras.Keys()) {
    const std::string text = valueAsText(extras.Get(key));
    if (!text.empty())
      s.extras[key] = text;
  }
  auto get = [&](const char *key) {
    auto it = s.extras.find(key);
    return it == s.extras.end() ? std::string() : it->second;
  };
  s.name = get("name");
  s.latin = get("latin");
  s.fma = get("fma");
  s.side = get("side");
  if (auto system = systemFromName(get("system")))
    s.system = *system;
  if (!get("role").empty() && !get("muscle").empty() && !get("bone").empty()) {
    s.attachment = AttachmentSite{get("role"), get("muscle"), get("bone"), get("source")};
    s.system = System::Attachment;
  }
}

struct Traversal {
  const tinygltf::Model &model;
  Scene &scene;
  std::string path;
  std::vector<char> visiting;
  std::uint64_t vertexBudget;
  LoadProgress *progress = nullptr;
  std::size_t visited = 0;
};

Result<bool> visitNode(Traversal &t, int nodeIndex, int parent, const glm::mat4 &parentWorld, int depth) {
  if (nodeIndex < 0 || static_cast<std::size_t>(nodeIndex) >= t.model.nodes.size())
    return Error{t.path + ": node index " + std::to_string(nodeIndex) + " is out of range (the file has " +
                 std::to_string(t.model.nodes.size()) + " nodes)"};
  if (t.visiting[static_cast<std::size_t>(nodeIndex)] || depth > 256)
    return Error{t.path + ": nodes[" + std::to_string(nodeIndex) +
                 "] is its own ancestor or is used twice; "
                 "the node hierarchy must be a tree"};
  t.visiting[static_cast<std::size_t>(nodeIndex)] = 1;
  if (t.progress) { // building the meshes is the last 40 % of a load
    if (t.progress->cancel)
      return Error{t.path + ": " + kLoadCancelled};
    t.progress->fraction =
        0.6f + 0.4f * static_cast<float>(++t.visited) / static_cast<float>(t.visiting.size());
  }
  const tinygltf::Node &node = t.model.nodes[static_cast<std::size_t>(nodeIndex)];
  const glm::mat4 world = parentWorld * localTransform(node);

  Structure s;
  s.id = uniqueStructureId(t.scene, node.name.empty() ? "node_" + std::to_string(nodeIndex) : node.name);
  s.parent = parent;
  applyExtras(s, node.extras);
  if (node.mesh >= 0) {
    if (static_cast<std::size_t>(node.mesh) >= t.model.meshes.size())
      return Error{t.path + ": nodes[" + std::to_string(nodeIndex) + "].mesh " + std::to_string(node.mesh) +
                   " is out of range (the file has " + std::to_string(t.model.meshes.size()) + " meshes)"};
    const tinygltf::Mesh &mesh = t.model.meshes[static_cast<std::size_t>(node.mesh)];
    for (std::size_t p = 0; p < mesh.primitives.size(); ++p) {
      const std::string where =
          t.path + ": meshes[" + std::to_string(node.mesh) + "].primitives[" + std::to_string(p) + "]";
      Result<MeshData> data = readPrimitive(t.model, mesh.primitives[p], where, t.vertexBudget);
      if (!data)
        return Error{data.error()};
      if (data->indices.empty())
        continue;
      transformMesh(*data, world);
      s.meshes.push_back(std::move(*data));
    }
  }
  const int self = t.scene.add(std::move(s));
  for (int child : node.children) {
    Result<bool> ok = visitNode(t, child, self, world, depth + 1);
    if (!ok)
      return ok;
  }
  return true;
}

// ---- 4. loadGltf ------------------------------------------------------------------------------

// No file access for models read from memory, whatever the JSON says (checkUris refuses such URIs
// first; this keeps tinygltf itself from ever opening a file for them).
bool noFileExists(const std::string &, void *) {
  return false;
}
std::string noExpand(const std::string &path, void *) {
  return path;
}
bool noFileRead(std::vector<unsigned char> *, std::string *err, const std::string &path, void *) {
  if (err)
    *err += "cannot read '" + path + "': a model read from memory cannot refer to other files\n";
  return false;
}
bool noFileWrite(std::string *, const std::string &, const std::vector<unsigned char> &, void *) {
  return false;
}

// Both entry points end here. `baseDir` is the model's folder, or nullopt for a model in memory.
Result<Scene> loadGltfBytes(const std::vector<unsigned char> &bytes, const std::string &path,
                            bool binaryExtension, const std::optional<fs::path> &baseDir,
                            const LoadLimits &limits) {
  if (bytes.empty())
    return Error{path + ": the file is empty"};

  const bool binary = bytes.size() >= 4 && std::memcmp(bytes.data(), "glTF", 4) == 0;
  std::string jsonText;
  if (binary) {
    Result<std::string> json = glbJson(bytes, path);
    if (!json)
      return Error{json.error()};
    jsonText = std::move(*json);
  } else {
    if (binaryExtension)
      return Error{path + ": not a binary glTF file: bytes 0-3 should be 'glTF'"};
    jsonText.assign(bytes.begin(), bytes.end());
  }
  if (Result<bool> uris = checkUris(jsonText, path, baseDir); !uris)
    return Error{uris.error()};

  tinygltf::TinyGLTF loader;
  loader.SetImageLoader(skipImage, nullptr);
  tinygltf::Model model;
  std::string err, warn;
  if (!baseDir)
    loader.SetFsCallbacks({noFileExists, noExpand, noFileRead, noFileWrite, nullptr});
  const std::string base = !baseDir ? std::string() : baseDir->empty() ? std::string(".") : baseDir->string();
  const bool ok = binary ? loader.LoadBinaryFromMemory(&model, &err, &warn, bytes.data(),
                                                       static_cast<unsigned>(bytes.size()), base)
                         : loader.LoadASCIIFromString(&model, &err, &warn, jsonText.data(),
                                                      static_cast<unsigned>(jsonText.size()), base);
  if (!ok) {
    while (!err.empty() && (err.back() == '\n' || err.back() == ' '))
      err.pop_back();
    for (char &c : err)
      if (c == '\n')
        c = ';';
    return Error{path + ": not a valid glTF 2.0 file: " + (err.empty() ? std::string("unknown error") : err)};
  }
  if (!warn.empty())
    log::warning(path + ": " + warn);
  if (limits.progress) {
    if (limits.progress->cancel)
      return Error{path + ": " + kLoadCancelled};
    limits.progress->fraction = 0.6f;
  }

  Scene scene;
  if (model.asset.extras.IsObject() && model.asset.extras.Has("description"))
    scene.description = valueAsText(model.asset.extras.Get("description"));
  Traversal t{model,          scene, path, std::vector<char>(model.nodes.size(), 0), limits.maxTotalVertices,
              limits.progress};
  std::vector<int> roots;
  if (!model.scenes.empty()) {
    const std::size_t which = model.defaultScene >= 0 ? static_cast<std::size_t>(model.defaultScene) : 0;
    if (which >= model.scenes.size())
      return Error{path + ": scene " + std::to_string(model.defaultScene) + " is out of range"};
    roots = model.scenes[which].nodes;
  } else { // no scenes: every node that is nobody's child is a root
    std::vector<char> isChild(model.nodes.size(), 0);
    for (const auto &node : model.nodes)
      for (int c : node.children)
        if (c >= 0 && static_cast<std::size_t>(c) < isChild.size())
          isChild[static_cast<std::size_t>(c)] = 1;
    for (std::size_t i = 0; i < model.nodes.size(); ++i)
      if (!isChild[i])
        roots.push_back(static_cast<int>(i));
  }
  for (int root : roots)
    if (Result<bool> visited = visitNode(t, root, -1, glm::mat4(1.0f), 0); !visited)
      return Error{visited.error()};
  if (Result<bool> finished = finishLoadedScene(scene, path); !finished)
    return Error{finished.error()};
  return scene;
}

} // namespace

Result<Scene> loadGltf(const std::string &path, const LoadLimits &limits) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in)
    return Error{path + ": cannot open the file"};
  // Read in blocks: reading is the first 30 % of the progress, and a cancel is seen between blocks.
  const std::streamoff size = in.tellg();
  if (size < 0)
    return Error{path + ": cannot read the file size"};
  if (static_cast<std::uint64_t>(size) > limits.maxFileBytes)
    return Error{path + ": file is " + std::to_string(size) + " bytes, more than the limit of " +
                 std::to_string(limits.maxFileBytes)};
  in.seekg(0);
  std::vector<unsigned char> bytes(static_cast<std::size_t>(size));
  constexpr std::size_t kBlock = 4u << 20;
  for (std::size_t done = 0; done < bytes.size();) {
    const std::size_t block = std::min(kBlock, bytes.size() - done);
    if (!in.read(reinterpret_cast<char *>(bytes.data() + done), static_cast<std::streamsize>(block)))
      return Error{path + ": cannot read the file (byte " + std::to_string(done) + ")"};
    done += block;
    if (limits.progress) {
      if (limits.progress->cancel)
        return Error{path + ": " + kLoadCancelled};
      limits.progress->fraction = 0.3f * static_cast<float>(done) / static_cast<float>(bytes.size());
    }
  }
  return loadGltfBytes(bytes, path, fs::path(path).extension() == ".glb", fs::path(path).parent_path(),
                       limits);
}

Result<Scene> loadGltfFromMemory(const unsigned char *bytes, std::size_t size, bool binaryExtension,
                                 const std::string &name, const LoadLimits &limits) {
  const std::vector<unsigned char> copy(bytes, bytes + size);
  return loadGltfBytes(copy, name, binaryExtension, std::nullopt, limits);
}

} // namespace atlas
