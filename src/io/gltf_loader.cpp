// glTF 2.0 loading through tinygltf, with the checks tinygltf leaves to its caller: the JSON must not
// nest deeper than tinygltf's recursion can take, every accessor and buffer view must lie inside its
// buffer (with arithmetic that cannot wrap), external URIs (percent-decoded first, as tinygltf does)
// must name regular files inside the model's folder, extensions the file requires must be ones we
// support (none), and the node graph must be a forest within LoadLimits after instancing. tinygltf
// opens files only through our callbacks (model_files.h). Section index:
//   1. file-level checks (GLB header, JSON depth, document)   2. accessor reading   3. node traversal
//   4. file access for tinygltf   5. loadGltf
#include "io/model_loader.h"

#include "core/log.h"
#include "io/load_budget.h"
#include "io/model_files.h"
#include "scene/fibre_bytes.h"

#include <tiny_gltf.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

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

// a + b and a * b, or nothing when the result does not fit in 64 bits (hostile offsets near 2^64).
std::optional<std::uint64_t> add(std::uint64_t a, std::uint64_t b) {
  std::uint64_t sum = 0;
  return __builtin_add_overflow(a, b, &sum) ? std::nullopt : std::optional<std::uint64_t>(sum);
}
std::optional<std::uint64_t> multiply(std::uint64_t a, std::uint64_t b) {
  std::uint64_t product = 0;
  return __builtin_mul_overflow(a, b, &product) ? std::nullopt : std::optional<std::uint64_t>(product);
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
  const std::optional<std::uint64_t> jsonEnd = add(20, jsonLength);
  if (!jsonEnd || *jsonEnd > bytes.size())
    return Error{path + ": byte 12: JSON chunk of " + std::to_string(jsonLength) +
                 " bytes runs past the end of the file"};
  const std::uint64_t binHeader = *jsonEnd;
  if (binHeader < bytes.size()) {
    const std::optional<std::uint64_t> binData = add(binHeader, 8);
    if (!binData || *binData > bytes.size())
      return Error{path + ": byte " + std::to_string(binHeader) + ": truncated chunk header"};
    const std::uint32_t binLength = readU32(bytes, static_cast<std::size_t>(binHeader));
    const std::optional<std::uint64_t> binEnd = add(*binData, binLength);
    if (!binEnd || *binEnd > bytes.size())
      return Error{path + ": byte " + std::to_string(binHeader) + ": BIN chunk of " +
                   std::to_string(binLength) + " bytes runs past the end of the file"};
  }
  return std::string(reinterpret_cast<const char *>(bytes.data()) + 20, jsonLength);
}

// Arrays and objects nested deeper than this are refused before any parser sees the text: tinygltf
// (and nlohmann's value destructor) recurse once per level, and 20,000 levels in a 40 KB file
// overflowed the stack. Real glTF files nest about 6 levels; `extras` a few more.
constexpr int kMaxJsonDepth = 64;

// The byte where `text` first nests deeper than kMaxJsonDepth, skipping strings; nothing if it never
// does. Syntax is not checked here (the parser reports that with line and column).
std::optional<std::size_t> tooDeep(const std::string &text) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\')
          ++i; // the escaped character, a quote included
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth)
        return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::nullopt;
}

// Checks the glTF document before tinygltf parses it. A URI may name a regular file beside the model
// or below it, never above it, elsewhere or through a link that leads out; it is checked after
// percent-decoding, as tinygltf decodes it before opening. A model read from memory (`files` null)
// has no folder: only data: URIs. Every extension in extensionsRequired must be supported (none is).
Result<void> checkDocument(const std::string &jsonText, const std::string &path,
                           model_files::SideFiles *files, std::size_t jsonByteInFile) {
  if (const std::optional<std::size_t> deep = tooDeep(jsonText))
    return Error{path + ": " + lineColumnOf(jsonText, *deep) + " (byte " +
                 std::to_string(jsonByteInFile + *deep) + "): arrays and objects nested more than " +
                 std::to_string(kMaxJsonDepth) + " levels deep; a glTF file needs far fewer"};
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
  if (auto required = doc.find("extensionsRequired"); required != doc.end()) {
    if (!required->is_array())
      return Error{path + ": extensionsRequired: expected an array of extension names"};
    // glTF 2.0: a loader must refuse a file that requires an extension it does not support, and this
    // one supports none (KHR_draco_mesh_compression, quantization, ... would be misread).
    if (!required->empty()) {
      const auto &name = (*required)[0];
      if (!name.is_string())
        return Error{path + ": extensionsRequired[0]: expected an extension name"};
      return Error{path + ": extensionsRequired[0]: the file requires the extension '" +
                   model_files::shortened(name.get<std::string>()) +
                   "', which this viewer does not support (it supports no glTF extensions)"};
    }
  }
  for (const char *array : {"buffers", "images"}) {
    auto it = doc.find(array);
    if (it == doc.end() || !it->is_array())
      continue;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const auto &entry = (*it)[i];
      if (!entry.is_object() || !entry.contains("uri") || !entry["uri"].is_string())
        continue;
      const std::string uri = entry["uri"].get<std::string>();
      const std::string where =
          path + ": " + array + "[" + std::to_string(i) + "].uri \"" + model_files::shortened(uri) + "\"";
      if (uri.rfind("data:", 0) == 0) {
        if (tinygltf::IsDataURI(uri))
          continue; // decoded by tinygltf itself, never a file
        return Error{where + ": a data: URI the loader cannot decode; expected "
                             "\"data:application/octet-stream;base64,...\" (or application/gltf-buffer, "
                             "image/png, image/jpeg)"};
      }
      Result<std::string> decoded = model_files::percentDecode(uri);
      if (!decoded)
        return Error{where + ": " + decoded.error()};
      if (uri.find("://") != std::string::npos || decoded->find("://") != std::string::npos)
        return Error{where + ": network URIs are not allowed; the file must be beside the model"};
      if (!files)
        return Error{where + ": a model read from memory cannot refer to other files; embed the data "
                             "(GLB or a data: URI)"};
      if (decoded->find('\\') != std::string::npos)
        return Error{where + ": absolute paths are not allowed; the file must be beside the model"};
      const model_files::SideFiles::Resolved resolved = files->resolve(*decoded, false);
      // A missing image only costs its texture (tinygltf warns); a missing buffer is an error.
      if (!resolved && !(resolved.refusal.missing && std::string(array) == "images"))
        return Error{where +
                     (*decoded != uri ? " (decoded \"" + model_files::shortened(*decoded) + "\")" : "") +
                     ": " + resolved.refusal.why};
    }
  }
  return {};
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
  // Every sum and product below is checked: offsets come from the file and may lie near 2^64, where
  // a wrapped sum would pass the range checks and point before the buffer.
  const std::uint64_t elementBytes = componentBytes(acc.componentType) * typeComponents(acc.type);
  const std::uint64_t stride = view.byteStride ? view.byteStride : elementBytes;
  const std::string viewName = "bufferViews[" + std::to_string(acc.bufferView) + "]";
  const std::optional<std::uint64_t> viewEnd = add(view.byteOffset, view.byteLength);
  if (!viewEnd || *viewEnd > buffer.size())
    return Error{at + ": " + viewName + " (byteOffset " + std::to_string(view.byteOffset) + ", byteLength " +
                 std::to_string(view.byteLength) + ") ends past its buffer of " +
                 std::to_string(buffer.size()) + " bytes"};
  if (stride < elementBytes)
    return Error{at + ": byteStride " + std::to_string(stride) + " is smaller than one element (" +
                 std::to_string(elementBytes) + " bytes)"};
  if (acc.count == 0)
    return AccessorView{};
  // count is bounded by the view's real size below, so a hostile count cannot make us allocate.
  const std::uint64_t count = acc.count;
  const std::optional<std::uint64_t> first = add(view.byteOffset, acc.byteOffset);
  const std::optional<std::uint64_t> lastStart = multiply(count - 1, stride);
  const std::optional<std::uint64_t> end =
      first && lastStart ? add(*first, *lastStart) : std::optional<std::uint64_t>();
  const std::optional<std::uint64_t> endOfLast =
      end ? add(*end, elementBytes) : std::optional<std::uint64_t>();
  if (!endOfLast || *endOfLast > *viewEnd)
    return Error{at + ": " + std::to_string(acc.count) + " elements from byteOffset " +
                 std::to_string(acc.byteOffset) + " run past the end of " + viewName + " (byte " +
                 std::to_string(*viewEnd) + ")"};
  return AccessorView{buffer.data() + *first, static_cast<std::size_t>(stride),
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

// Triangles that `count` indices make in `mode`.
std::uint64_t triangleCount(std::uint64_t count, int mode) {
  if (mode == TINYGLTF_MODE_TRIANGLES)
    return count / 3;
  return count >= 3 ? count - 2 : 0;
}

// The generator's own vertex attributes (_OCCLUSION, _FIBRE, _FIBRE_COORD) are checked alike before
// their values are read: the accessor holds `type` (`holds` says what, e.g. "occlusion is one number
// per vertex (type SCALAR)"), is float or one of the normalized integer component types `integers`
// (`allowedText` names them), and has one value per vertex (`perVertex` says so). An index out of
// range is left to viewAccessor, which reports it.
struct CustomAttribute {
  int index = -1; // -1: the primitive has no such attribute
  std::string at; // "<where> _NAME", the start of every message
};
Result<CustomAttribute> checkCustomAttribute(const tinygltf::Model &model, const tinygltf::Primitive &prim,
                                             const std::string &attributeName, const std::string &where,
                                             int type, const std::string &holds,
                                             const std::vector<int> &integers, const std::string &allowedText,
                                             std::size_t vertexCount, const std::string &perVertex) {
  auto attribute = prim.attributes.find(attributeName);
  if (attribute == prim.attributes.end())
    return CustomAttribute{};
  CustomAttribute out{attribute->second, where + " " + attributeName};
  if (out.index < 0 || static_cast<std::size_t>(out.index) >= model.accessors.size())
    return out;
  const tinygltf::Accessor &acc = model.accessors[static_cast<std::size_t>(out.index)];
  const std::string name = out.at + ": accessors[" + std::to_string(out.index) + "]";
  if (acc.type != type)
    return Error{name + ": has " + std::to_string(typeComponents(acc.type)) + " components per vertex; " +
                 holds};
  const bool integer = std::find(integers.begin(), integers.end(), acc.componentType) != integers.end();
  if (acc.componentType != TINYGLTF_COMPONENT_TYPE_FLOAT && !(integer && acc.normalized))
    return Error{name + ": componentType " + std::to_string(acc.componentType) +
                 (integer ? " is not normalized" : " is not allowed") + "; " + allowedText};
  if (acc.count != vertexCount)
    return Error{name + ": has " + std::to_string(acc.count) + " values but POSITION has " +
                 std::to_string(vertexCount) + " vertices; " + perVertex};
  return out;
}

// The generator's baked ambient occlusion (attribute "_OCCLUSION", written by gltf_writer.cpp): one
// SCALAR per vertex, float in [0, 1] or a normalized unsigned byte or short. Checked before use: its
// type, component type and count, and every float value; a model without it gets an empty vector.
Result<std::vector<float>> readOcclusion(const tinygltf::Model &model, const tinygltf::Primitive &prim,
                                         std::size_t vertexCount, const std::string &where) {
  Result<CustomAttribute> attribute = checkCustomAttribute(
      model, prim, "_OCCLUSION", where, TINYGLTF_TYPE_SCALAR,
      "occlusion is one number per vertex (type SCALAR)",
      {TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE, TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT},
      "occlusion must be float (5126) or normalized unsigned byte (5121) or short (5123)", vertexCount,
      "occlusion needs one per vertex");
  if (!attribute)
    return Error{attribute.error()};
  if (attribute->index < 0)
    return std::vector<float>{};
  const int index = attribute->index;
  const std::string &at = attribute->at;
  Result<AccessorView> view =
      viewAccessor(model, index, TINYGLTF_TYPE_SCALAR,
                   {TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE,
                    TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT},
                   at);
  if (!view)
    return Error{view.error()};
  std::vector<float> out(view->count);
  for (std::size_t i = 0; i < view->count; ++i) {
    const unsigned char *p = view->data + i * view->stride;
    if (view->componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE) {
      out[i] = static_cast<float>(*p) / 255.0f;
    } else if (view->componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT) {
      std::uint16_t s;
      std::memcpy(&s, p, 2);
      out[i] = static_cast<float>(s) / 65535.0f;
    } else {
      std::memcpy(&out[i], p, 4);
      if (!(out[i] >= 0.0f && out[i] <= 1.0f)) // NaN fails too
        return Error{at + ": vertex " + std::to_string(i) + " has occlusion " + std::to_string(out[i]) +
                     ", outside [0, 1]"};
    }
  }
  return out;
}

// The generator's muscle fibres (attribute "_FIBRE", written by gltf_writer.cpp): one VEC4 per vertex,
// xyz the unit fibre direction and w the tendon fraction in [0, 1], as normalized signed bytes or
// shorts or as floats. Checked before use like _OCCLUSION: type, component type, normalization and
// count, then every value (a zero direction would turn into NaN in the shader); a model without it
// gets an empty vector.
Result<std::vector<glm::vec4>> readFibres(const tinygltf::Model &model, const tinygltf::Primitive &prim,
                                          std::size_t vertexCount, const std::string &where) {
  Result<CustomAttribute> attribute =
      checkCustomAttribute(model, prim, "_FIBRE", where, TINYGLTF_TYPE_VEC4,
                           "a fibre is four numbers per vertex (type VEC4: direction, tendon fraction)",
                           {TINYGLTF_COMPONENT_TYPE_BYTE, TINYGLTF_COMPONENT_TYPE_SHORT},
                           "fibres must be normalized signed byte (5120) or short (5122) or float (5126)",
                           vertexCount, "fibres need one per vertex");
  if (!attribute)
    return Error{attribute.error()};
  if (attribute->index < 0)
    return std::vector<glm::vec4>{};
  const int index = attribute->index;
  const std::string &at = attribute->at;
  Result<AccessorView> view = viewAccessor(
      model, index, TINYGLTF_TYPE_VEC4,
      {TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_COMPONENT_TYPE_BYTE, TINYGLTF_COMPONENT_TYPE_SHORT}, at);
  if (!view)
    return Error{view.error()};
  std::vector<glm::vec4> out(view->count);
  for (std::size_t i = 0; i < view->count; ++i) {
    const unsigned char *p = view->data + i * view->stride;
    glm::vec4 &f = out[i];
    for (int c = 0; c < 4; ++c) {
      if (view->componentType == TINYGLTF_COMPONENT_TYPE_BYTE) {
        f[c] = unpackFibreByte(static_cast<std::int8_t>(p[c]));
      } else if (view->componentType == TINYGLTF_COMPONENT_TYPE_SHORT) {
        std::int16_t s;
        std::memcpy(&s, p + 2 * c, 2);
        f[c] = std::max(static_cast<float>(s) / 32767.0f, -1.0f); // glTF 2.0 section 3.11
      } else {
        std::memcpy(&f[c], p + 4 * c, 4);
      }
    }
    const std::string vertex = at + ": vertex " + std::to_string(i);
    if (!(f.w >= 0.0f && f.w <= 1.0f)) // NaN fails too
      return Error{vertex + " has tendon fraction (w) " + std::to_string(f.w) + ", outside [0, 1]"};
    // Bytes carry a unit vector to within 1/127 per component; more than 10 % off is not a direction.
    const float length = glm::length(glm::vec3(f));
    if (!(length >= 0.9f && length <= 1.1f))
      return Error{vertex + " has a fibre direction of length " + std::to_string(length) +
                   "; expected a unit vector"};
    f = glm::vec4(glm::vec3(f) / length, f.w);
  }
  return out;
}

// The generator's striation coordinate (attribute "_FIBRE_COORD", written by gltf_writer.cpp): one
// float per vertex, constant along each fibre. Checked like _FIBRE: type, component type and count, then
// every value (an infinite or NaN coordinate would turn the shader's lines into noise); a model without
// it gets an empty vector.
Result<std::vector<float>> readFibreCoords(const tinygltf::Model &model, const tinygltf::Primitive &prim,
                                           std::size_t vertexCount, const std::string &where) {
  Result<CustomAttribute> attribute = checkCustomAttribute(
      model, prim, "_FIBRE_COORD", where, TINYGLTF_TYPE_SCALAR,
      "a fibre coordinate is one number per vertex (type SCALAR)", {},
      "fibre coordinates must be float (5126)", vertexCount, "fibre coordinates need one per vertex");
  if (!attribute)
    return Error{attribute.error()};
  if (attribute->index < 0)
    return std::vector<float>{};
  const int index = attribute->index;
  const std::string &at = attribute->at;
  Result<AccessorView> view =
      viewAccessor(model, index, TINYGLTF_TYPE_SCALAR, {TINYGLTF_COMPONENT_TYPE_FLOAT}, at);
  if (!view)
    return Error{view.error()};
  std::vector<float> out(view->count);
  for (std::size_t i = 0; i < view->count; ++i) {
    std::memcpy(&out[i], view->data + i * view->stride, 4);
    if (!std::isfinite(out[i]))
      return Error{at + ": vertex " + std::to_string(i) + " has fibre coordinate " + std::to_string(out[i]) +
                   "; expected a finite number"};
  }
  return out;
}

// The generator's coarse level of detail (primitive extras "coarse": {"indices": accessor, "error":
// model units}, written by gltf_writer.cpp; scene/level_of_detail.h). Checked before use: only on a
// triangle list, whole triangles, no more indices than the primitive's own list, every index inside
// POSITION, and an error that is a finite distance. A primitive without it keeps an empty list.
Result<void> readCoarse(const tinygltf::Model &model, const tinygltf::Primitive &prim, int mode,
                        MeshData &mesh, const std::string &where) {
  if (!prim.extras.IsObject() || !prim.extras.Has("coarse"))
    return {};
  const std::string at = where + " extras.coarse";
  const tinygltf::Value &coarse = prim.extras.Get("coarse");
  if (!coarse.IsObject())
    return Error{at + ": expected an object {\"indices\": accessor, \"error\": number}"};
  if (mode != TINYGLTF_MODE_TRIANGLES)
    return Error{at + ": only a triangle list (mode 4) may carry a coarse index list; this is mode " +
                 std::to_string(mode)};
  const tinygltf::Value &index = coarse.Get("indices");
  const tinygltf::Value &error = coarse.Get("error");
  if (!index.IsInt())
    return Error{at + ".indices: expected an accessor index (an integer)"};
  if (!error.IsNumber())
    return Error{at + ".error: expected a number (the coarse list's largest deviation, model units)"};
  const double deviation = error.GetNumberAsDouble();
  if (!(deviation >= 0.0 && deviation <= 1.0e6)) // NaN fails too
    return Error{at + ".error: " + std::to_string(deviation) + " is not a distance (expected 0 or more)"};
  Result<AccessorView> view =
      viewAccessor(model, index.Get<int>(), TINYGLTF_TYPE_SCALAR,
                   {TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE, TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT,
                    TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT},
                   at + ".indices");
  if (!view)
    return Error{view.error()};
  if (view->count % 3 != 0)
    return Error{at + ".indices: " + std::to_string(view->count) +
                 " indices do not make whole triangles (expected a multiple of 3)"};
  if (view->count > mesh.indices.size()) // also bounds what a hostile file makes us allocate
    return Error{at + ".indices: " + std::to_string(view->count) +
                 " indices, more than the primitive's own " + std::to_string(mesh.indices.size())};
  std::vector<std::uint32_t> indices = readIndices(*view);
  for (std::size_t i = 0; i < indices.size(); ++i)
    if (indices[i] >= mesh.positions.size())
      return Error{at + ".indices: index " + std::to_string(i) + " is " + std::to_string(indices[i]) +
                   ", past the last of " + std::to_string(mesh.positions.size()) + " vertices"};
  mesh.coarseIndices = std::move(indices);
  mesh.coarseError = static_cast<float>(deviation);
  return {};
}

Result<MeshData> readPrimitive(const tinygltf::Model &model, const tinygltf::Primitive &prim,
                               const std::string &where, LoadBudget &budget) {
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
  std::optional<AccessorView> iv;
  if (prim.indices >= 0) {
    Result<AccessorView> view =
        viewAccessor(model, prim.indices, TINYGLTF_TYPE_SCALAR,
                     {TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE, TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT,
                      TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT},
                     where + " indices");
    if (!view)
      return Error{view.error()};
    iv = *view;
  }
  // Counted before anything is copied: every node that uses this mesh reads it again.
  if (Result<void> ok = budget.addMesh(where, pv->count, triangleCount(iv ? iv->count : pv->count, mode));
      !ok)
    return Error{ok.error()};

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
  Result<std::vector<float>> occlusion = readOcclusion(model, prim, pv->count, where);
  if (!occlusion)
    return Error{occlusion.error()};
  mesh.occlusion = std::move(*occlusion);
  Result<std::vector<glm::vec4>> fibres = readFibres(model, prim, pv->count, where);
  if (!fibres)
    return Error{fibres.error()};
  mesh.fibres = std::move(*fibres);
  Result<std::vector<float>> fibreCoords = readFibreCoords(model, prim, pv->count, where);
  if (!fibreCoords)
    return Error{fibreCoords.error()};
  mesh.fibreCoords = std::move(*fibreCoords);
  std::vector<std::uint32_t> indices;
  if (iv) {
    indices = readIndices(*iv);
  } else {
    indices.resize(mesh.positions.size());
    for (std::size_t i = 0; i < indices.size(); ++i)
      indices[i] = static_cast<std::uint32_t>(i);
  }
  mesh.indices = toTriangleList(std::move(indices), mode);
  mesh.indices.resize(mesh.indices.size() - mesh.indices.size() % 3);
  if (Result<void> coarse = readCoarse(model, prim, mode, mesh, where); !coarse)
    return Error{coarse.error()};
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
  // Fibres run along the surface: tangents, carried by the matrix itself, not its inverse transpose.
  for (glm::vec4 &f : mesh.fibres) {
    const glm::vec3 d = glm::mat3(world) * glm::vec3(f);
    const float length = glm::length(d);
    f = glm::vec4(length > 0.0f ? d / length : glm::vec3(0.0f, 1.0f, 0.0f), f.w);
  }
  if (glm::determinant(glm::mat3(world)) < 0.0f) // mirrored: keep counter-clockwise front faces
    for (std::vector<std::uint32_t> *list : {&mesh.indices, &mesh.coarseIndices})
      for (std::size_t i = 0; i + 2 < list->size(); i += 3)
        std::swap((*list)[i + 1], (*list)[i + 2]);
  // The coarse list's deviation is a distance: it grows with the largest scale of the transform.
  const glm::mat3 linear(world);
  mesh.coarseError *= std::max({glm::length(linear[0]), glm::length(linear[1]), glm::length(linear[2])});
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

// Three finite numbers within kMaxCoordinate, or a message saying what is wrong.
std::optional<std::string> readVec3(const tinygltf::Value &v, glm::vec3 &out) {
  if (!v.IsArray() || v.ArrayLen() != 3)
    return std::string("must be an array of three numbers");
  for (int i = 0; i < 3; ++i) {
    const tinygltf::Value &c = v.Get(i);
    if (!c.IsNumber() && !c.IsInt())
      return "element " + std::to_string(i) + " is not a number";
    const double d = c.GetNumberAsDouble();
    if (!std::isfinite(d) || std::abs(d) > static_cast<double>(kMaxCoordinate))
      return "element " + std::to_string(i) + " is not finite or lies beyond the limit of 1e9";
    out[i] = static_cast<float>(d);
  }
  return std::nullopt;
}

// extras.landmarks: an array of {"id", "name", "position": [x,y,z], "normal": [x,y,z]}, checked before
// use: ids unique in the model (`seen`), coordinates finite and in range, a normal that is not zero.
// Positions are in the node's frame, like its meshes, and are moved into the model frame with them.
Result<void> readLandmarks(Structure &s, const tinygltf::Value &list, const std::string &where,
                           const glm::mat4 &world, std::set<std::string> &seen) {
  if (!list.IsArray())
    return Error{where + ": must be an array of objects"};
  const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(world)));
  for (std::size_t i = 0; i < list.ArrayLen(); ++i) {
    const std::string at = where + "[" + std::to_string(i) + "]";
    const tinygltf::Value &item = list.Get(static_cast<int>(i));
    if (!item.IsObject())
      return Error{at + ": must be an object with id, name, position and normal"};
    Landmark l;
    for (const char *key : {"id", "name"}) {
      const tinygltf::Value &text = item.Get(key);
      if (!text.IsString() || text.Get<std::string>().empty())
        return Error{at + "." + key + ": must be a non-empty string"};
    }
    l.id = item.Get("id").Get<std::string>();
    l.name = item.Get("name").Get<std::string>();
    if (!seen.insert(l.id).second)
      return Error{at + ".id: landmark id '" + l.id + "' is used twice in the model"};
    if (auto bad = readVec3(item.Get("position"), l.position))
      return Error{at + ".position: " + *bad};
    if (auto bad = readVec3(item.Get("normal"), l.normal))
      return Error{at + ".normal: " + *bad};
    if (glm::length(l.normal) < 1e-6f)
      return Error{at + ".normal: is zero; a landmark needs an outward direction"};
    l.position = glm::vec3(world * glm::vec4(l.position, 1.0f));
    l.normal = normalMatrix * l.normal;
    if (!(glm::length(l.normal) >= 1e-6f)) // a degenerate node transform
      return Error{at + ".normal: is zero in the model frame (the node's transform flattens it)"};
    l.normal = glm::normalize(l.normal);
    s.landmarks.push_back(std::move(l));
  }
  return {};
}

void applyExtras(Structure &s, const tinygltf::Value &extras) {
  if (!extras.IsObject())
    return;
  for (const std::string &key : extras.Keys()) {
    if (key == "landmarks")
      continue; // structured data: readLandmarks
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
  s.closed = get("closed") == "true";
  if (auto system = systemFromName(get("system")))
    s.system = *system;
  // A footprint names its role, muscle and bone; a role other than origin or insertion, or an unknown
  // source, leaves the part an ordinary structure (shown, but never lit as a muscle's attachment).
  const std::optional<AttachmentRole> role = attachmentRoleFromName(get("role"));
  const std::optional<AttachmentSource> source =
      get("source").empty() ? AttachmentSource::Reference : attachmentSourceFromName(get("source"));
  if (role && source && !get("muscle").empty() && !get("bone").empty()) {
    s.attachment = AttachmentSite{*role, get("muscle"), get("bone"), *source};
    s.system = System::Attachment;
  } else if (s.system == System::Attachment) {
    s.system = System::Other; // the app takes an attachment's role and muscle for granted
  }
}

struct Traversal {
  const tinygltf::Model &model;
  Scene &scene;
  std::string path;
  std::vector<char> visiting;
  LoadBudget budget;
  LoadProgress *progress = nullptr;
  std::size_t visited = 0;
  StructureIds ids;
  std::set<std::string> landmarkIds;
};

Result<void> visitNode(Traversal &t, int nodeIndex, int parent, const glm::mat4 &parentWorld, int depth) {
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
  s.id = t.ids.take(t.scene, node.name.empty() ? "node_" + std::to_string(nodeIndex) : node.name);
  if (Result<void> ok = t.budget.addNode(t.path + ": nodes[" + std::to_string(nodeIndex) + "]", s.id.size());
      !ok)
    return ok;
  s.parent = parent;
  applyExtras(s, node.extras);
  if (node.extras.IsObject() && node.extras.Has("landmarks"))
    if (Result<void> ok = readLandmarks(s, node.extras.Get("landmarks"),
                                        t.path + ": nodes[" + std::to_string(nodeIndex) + "] (\"" + s.id +
                                            "\").extras.landmarks",
                                        world, t.landmarkIds);
        !ok)
      return ok;
  if (node.mesh >= 0) {
    if (static_cast<std::size_t>(node.mesh) >= t.model.meshes.size())
      return Error{t.path + ": nodes[" + std::to_string(nodeIndex) + "].mesh " + std::to_string(node.mesh) +
                   " is out of range (the file has " + std::to_string(t.model.meshes.size()) + " meshes)"};
    const tinygltf::Mesh &mesh = t.model.meshes[static_cast<std::size_t>(node.mesh)];
    for (std::size_t p = 0; p < mesh.primitives.size(); ++p) {
      const std::string where =
          t.path + ": meshes[" + std::to_string(node.mesh) + "].primitives[" + std::to_string(p) + "]";
      Result<MeshData> data = readPrimitive(t.model, mesh.primitives[p], where, t.budget);
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
    Result<void> ok = visitNode(t, child, self, world, depth + 1);
    if (!ok)
      return ok;
  }
  return {};
}

// ---- 4. file access for tinygltf -------------------------------------------------------------

// tinygltf opens every external file through these callbacks. It asks for "<basedir>/<decoded URI>"
// and then for "./<decoded URI>" (the current directory); only the first form is answered, and only
// through SideFiles' rules, so the checks in checkDocument cannot be sidestepped. A model read from
// memory has no SideFiles: every file is absent. The first refusal is kept for the error message.
struct GltfFiles {
  model_files::SideFiles *files = nullptr; // null: a model read from memory
  std::string prefix;                      // the folder as given to tinygltf, ending in '/'
  std::string refusal;

  // The name relative to the folder, or nothing for a path tinygltf made up elsewhere.
  std::optional<std::string> relative(const std::string &path) const {
    if (!files || path.compare(0, prefix.size(), prefix) != 0)
      return std::nullopt;
    return path.substr(prefix.size());
  }
  void refuse(const std::string &name, const std::string &why) {
    if (refusal.empty())
      refusal = "file \"" + model_files::shortened(name) + "\": " + why;
  }
};

bool sideFileExists(const std::string &path, void *user) {
  auto &g = *static_cast<GltfFiles *>(user);
  const std::optional<std::string> name = g.relative(path);
  if (!name)
    return false;
  const model_files::SideFiles::Resolved resolved = g.files->resolve(*name, false);
  if (!resolved && !resolved.refusal.missing) // a missing image is only a warning
    g.refuse(*name, resolved.refusal.why);
  return static_cast<bool>(resolved);
}
std::string sideFileExpand(const std::string &path, void *) {
  return path; // no ~ or $VARIABLE expansion
}
bool sideFileRead(std::vector<unsigned char> *out, std::string *err, const std::string &path, void *user) {
  auto &g = *static_cast<GltfFiles *>(user);
  const std::optional<std::string> name = g.relative(path);
  std::string why = "a model read from memory cannot refer to other files";
  if (name) {
    const model_files::SideFiles::Resolved resolved = g.files->resolve(*name, false);
    Result<std::vector<unsigned char>> bytes =
        resolved ? g.files->read(resolved.file) : Error{resolved.refusal.why};
    if (bytes) {
      *out = std::move(*bytes);
      return true;
    }
    why = bytes.error();
    g.refuse(*name, why);
  }
  if (err)
    *err += "cannot read '" + model_files::shortened(path) + "': " + why + "\n";
  return false;
}
bool sideFileWrite(std::string *, const std::string &, const std::vector<unsigned char> &, void *) {
  return false;
}

// ---- 5. loadGltf ------------------------------------------------------------------------------

// Both entry points end here. `files` gives the model's folder, or is null for a model in memory.
Result<Scene> loadGltfBytes(const std::vector<unsigned char> &bytes, const std::string &path,
                            bool binaryExtension, model_files::SideFiles *files, const LoadLimits &limits) {
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
  if (Result<void> document = checkDocument(jsonText, path, files, binary ? 20 : 0); !document)
    return Error{document.error()};

  tinygltf::TinyGLTF loader;
  loader.SetImageLoader(skipImage, nullptr);
  tinygltf::Model model;
  std::string err, warn;
  GltfFiles access;
  access.files = files;
  std::string base;
  if (files) {
    base = files->folder().string();
    access.prefix = base.back() == '/' ? base : base + '/';
  }
  loader.SetFsCallbacks({sideFileExists, sideFileExpand, sideFileRead, sideFileWrite, &access});
  const bool ok = binary ? loader.LoadBinaryFromMemory(&model, &err, &warn, bytes.data(),
                                                       static_cast<unsigned>(bytes.size()), base)
                         : loader.LoadASCIIFromString(&model, &err, &warn, jsonText.data(),
                                                      static_cast<unsigned>(jsonText.size()), base);
  if (!ok && !access.refusal.empty())
    return Error{path + ": " + access.refusal};
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
  if (model.nodes.size() > limits.maxNodes)
    return Error{path + ": the file has " + std::to_string(model.nodes.size()) +
                 " nodes, more than the limit of " + std::to_string(limits.maxNodes)};

  Scene scene;
  if (model.asset.extras.IsObject() && model.asset.extras.Has("description"))
    scene.description = valueAsText(model.asset.extras.Get("description"));
  if (model.asset.extras.IsObject() && model.asset.extras.Has("content"))
    scene.content = valueAsText(model.asset.extras.Get("content"));
  Traversal t{
      model, scene, path, std::vector<char>(model.nodes.size(), 0), LoadBudget(limits), limits.progress,
      0,     {},    {}};
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
    if (Result<void> visited = visitNode(t, root, -1, glm::mat4(1.0f), 0); !visited)
      return Error{visited.error()};
  if (Result<void> finished = finishLoadedScene(scene, path); !finished)
    return Error{finished.error()};
  return scene;
}

} // namespace

Result<Scene> loadGltf(const std::string &path, const LoadLimits &limits) {
  // Reading is the first 30 % of the progress, and a cancel is seen between blocks.
  Result<std::vector<unsigned char>> bytes =
      model_files::readModelFile(path, limits.maxFileBytes, limits.progress, 0.3f);
  if (!bytes)
    return Error{bytes.error()};
  // The model and the files it names share maxFileBytes.
  Result<model_files::SideFiles> files =
      model_files::SideFiles::forModel(path, limits.maxFileBytes - bytes->size());
  if (!files)
    return Error{files.error()};
  return loadGltfBytes(*bytes, path, fs::path(path).extension() == ".glb", &*files, limits);
}

Result<Scene> loadGltfFromMemory(const unsigned char *bytes, std::size_t size, bool binaryExtension,
                                 const std::string &name, const LoadLimits &limits) {
  const std::vector<unsigned char> copy(bytes, bytes + size);
  return loadGltfBytes(copy, name, binaryExtension, nullptr, limits);
}

} // namespace atlas
