// OBJ, STL and PLY through Assimp, into the same Scene as glTF. Node names become structure ids so a
// teacher's own parts can be listed. Only these formats: Assimp's other importers crashed the process
// on small files (an ASE face index past its vertices, a COLLADA node that instances itself) or
// allocated gigabytes for a few bytes (OFF, NFF), so they are removed from the importer before it
// reads, and each kept format is checked here where Assimp is known to misbehave. Assimp reads the
// model from memory and side files only through ModelIOSystem (inside the model's folder).
#include "io/model_loader.h"

#include "core/log.h"
#include "io/load_budget.h"
#include "io/model_files.h"

#include <assimp/BaseImporter.h>
#include <assimp/IOStream.hpp>
#include <assimp/IOSystem.hpp>
#include <assimp/Importer.hpp>
#include <assimp/ProgressHandler.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <glm/gtc/type_ptr.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace atlas {
namespace {

glm::mat4 toGlm(const aiMatrix4x4 &m) {
  // Assimp is row-major, glm column-major.
  return glm::transpose(glm::make_mat4(&m.a1));
}

struct AssimpTraversal {
  const aiScene &ai;
  Scene &scene;
  std::string path;
  LoadBudget budget;
  StructureIds ids;
};

Result<void> visit(AssimpTraversal &t, const aiNode &node, int parent, const glm::mat4 &parentWorld,
                   int depth) {
  if (depth > 256)
    return Error{t.path + ": node hierarchy deeper than 256 levels"};
  const glm::mat4 world = parentWorld * toGlm(node.mTransformation);
  const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(world)));
  const bool mirrored = glm::determinant(glm::mat3(world)) < 0.0f;

  Structure s;
  s.id = t.ids.take(t.scene, node.mName.length ? std::string(node.mName.C_Str()) : "node");
  if (Result<void> ok = t.budget.addNode(t.path + ": node '" + s.id + "'", s.id.size()); !ok)
    return ok;
  s.parent = parent;
  for (unsigned i = 0; i < node.mNumMeshes; ++i) {
    if (node.mMeshes[i] >= t.ai.mNumMeshes)
      return Error{t.path + ": node '" + s.id + "' refers to mesh " + std::to_string(node.mMeshes[i]) +
                   " that does not exist"};
    const aiMesh &m = *t.ai.mMeshes[node.mMeshes[i]];
    if (!(m.mPrimitiveTypes & aiPrimitiveType_TRIANGLE))
      continue;
    // Counted per node that uses the mesh, before anything is copied.
    if (Result<void> ok = t.budget.addMesh(t.path + ": mesh " + std::to_string(node.mMeshes[i]),
                                           m.mNumVertices, m.mNumFaces);
        !ok)
      return ok;
    MeshData mesh;
    mesh.positions.resize(m.mNumVertices);
    for (unsigned v = 0; v < m.mNumVertices; ++v)
      mesh.positions[v] =
          glm::vec3(world * glm::vec4(m.mVertices[v].x, m.mVertices[v].y, m.mVertices[v].z, 1.0f));
    if (m.mNormals) {
      mesh.normals.resize(m.mNumVertices);
      for (unsigned v = 0; v < m.mNumVertices; ++v)
        mesh.normals[v] = normalMatrix * glm::vec3(m.mNormals[v].x, m.mNormals[v].y, m.mNormals[v].z);
    }
    for (unsigned f = 0; f < m.mNumFaces; ++f) {
      const aiFace &face = m.mFaces[f];
      if (face.mNumIndices != 3)
        continue;
      mesh.indices.insert(mesh.indices.end(),
                          {face.mIndices[0], mirrored ? face.mIndices[2] : face.mIndices[1],
                           mirrored ? face.mIndices[1] : face.mIndices[2]});
    }
    if (m.mMaterialIndex < t.ai.mNumMaterials) {
      aiColor4D diffuse;
      if (aiGetMaterialColor(t.ai.mMaterials[m.mMaterialIndex], AI_MATKEY_COLOR_DIFFUSE, &diffuse) ==
          AI_SUCCESS)
        mesh.color = glm::clamp(glm::vec4(diffuse.r, diffuse.g, diffuse.b, 1.0f), 0.0f, 1.0f);
    }
    if (!mesh.indices.empty())
      s.meshes.push_back(std::move(mesh));
  }
  const int self = t.scene.add(std::move(s));
  for (unsigned c = 0; c < node.mNumChildren; ++c)
    if (Result<void> ok = visit(t, *node.mChildren[c], self, world, depth + 1); !ok)
      return ok;
  return {};
}

// Bytes already in memory, as Assimp reads a file: the model (read and checked before Assimp starts)
// or a side file (read whole through SideFiles).
class BytesStream : public Assimp::IOStream {
public:
  BytesStream(const unsigned char *data, std::size_t size) : data_(data), size_(size) {}
  explicit BytesStream(std::vector<unsigned char> owned)
      : owned_(std::move(owned)), data_(owned_.data()), size_(owned_.size()) {}
  std::size_t Read(void *buffer, std::size_t size, std::size_t count) override {
    if (size == 0 || count == 0)
      return 0;
    const std::size_t whole = std::min(count, (size_ - position_) / size);
    std::memcpy(buffer, data_ + position_, whole * size);
    position_ += whole * size;
    return whole;
  }
  std::size_t Write(const void *, std::size_t, std::size_t) override { return 0; }
  aiReturn Seek(std::size_t offset, aiOrigin origin) override {
    const std::size_t from = origin == aiOrigin_SET ? 0 : origin == aiOrigin_CUR ? position_ : size_;
    if (offset > size_ - from)
      return aiReturn_FAILURE;
    position_ = from + offset;
    return aiReturn_SUCCESS;
  }
  std::size_t Tell() const override { return position_; }
  std::size_t FileSize() const override { return size_; }
  void Flush() override {}

private:
  std::vector<unsigned char> owned_;
  const unsigned char *data_;
  std::size_t size_;
  std::size_t position_ = 0;
};

// Assimp's only way to files: the model itself (`modelName`, served from memory) and, for a model
// read from a file, regular files inside its folder by SideFiles' rules (an OBJ's material library).
// Names are relative to the model's folder, never to the current directory; anything else is absent,
// so an OBJ's "mtllib ../../x" or "mtllib /etc/passwd" reads nothing and a FIFO is never opened.
class ModelIOSystem : public Assimp::IOSystem {
public:
  ModelIOSystem(std::string modelName, const unsigned char *bytes, std::size_t size,
                model_files::SideFiles *files)
      : modelName_(std::move(modelName)), bytes_(bytes), size_(size), files_(files) {}
  bool Exists(const char *name) const override {
    return name && (name == modelName_ || (files_ && files_->resolve(name, true)));
  }
  char getOsSeparator() const override { return '/'; }
  Assimp::IOStream *Open(const char *name, const char *mode) override {
    if (!name || !mode || std::strpbrk(mode, "wa+"))
      return nullptr; // reading only
    if (name == modelName_)
      return new BytesStream(bytes_, size_);
    if (!files_)
      return nullptr;
    const model_files::SideFiles::Resolved resolved = files_->resolve(name, true);
    if (!resolved)
      return nullptr;
    Result<std::vector<unsigned char>> side = files_->read(resolved.file);
    return side ? new BytesStream(std::move(*side)) : nullptr;
  }
  void Close(Assimp::IOStream *stream) override { delete stream; }

private:
  std::string modelName_;
  const unsigned char *bytes_;
  std::size_t size_;
  model_files::SideFiles *files_;
};

// The file is read with validation only; post-processing runs after checkFaces.
constexpr unsigned kReadFlags = aiProcess_ValidateDataStructure;
constexpr unsigned kPostProcessFlags = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices |
                                       aiProcess_GenSmoothNormals | aiProcess_SortByPType;

// Assimp's importers do not always describe their own output: a PLY face with no indices comes back
// in a mesh flagged as polygons, which its validation lets through, and Debian's Assimp (built with
// its assertions on) then aborts the whole process in the Triangulate step. So every face is checked
// here, and each mesh's primitive types are recomputed from its faces, before post-processing.
Result<void> checkFaces(aiScene &ai, const std::string &path) {
  for (unsigned m = 0; m < ai.mNumMeshes; ++m) {
    aiMesh &mesh = *ai.mMeshes[m];
    unsigned types = 0;
    for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
      const unsigned n = mesh.mFaces[f].mNumIndices;
      if (n == 0)
        return Error{path + ": mesh " + std::to_string(m) + ", face " + std::to_string(f) +
                     " has no vertices"};
      types |= n == 1   ? aiPrimitiveType_POINT
               : n == 2 ? aiPrimitiveType_LINE
               : n == 3 ? aiPrimitiveType_TRIANGLE
                        : aiPrimitiveType_POLYGON;
    }
    if (types)
      mesh.mPrimitiveTypes = types;
  }
  return {};
}

// ---- checks of the file's content, before Assimp sees it -----------------------------------------

// Assimp 5.2.5's PLY reader never returns when the header has no line of its own reading
// "end_header" (a truncated header, or "property float z end_header"): it spins at the end of the
// input and the viewer hangs. Its header parser also writes past a heap buffer on a header with
// lines it does not know (a second "format", "vt property float y"). And it allocates every element
// a header declares before reading one: "element vertex 1000000000" in a 200-byte file asked for
// tens of GB. So the header is checked line by line against the PLY format before Assimp sees the
// file (format once, then element, property and comment lines, then end_header), and each element's
// count against the bytes that follow the header and against LoadLimits.
Result<void> checkPly(const unsigned char *bytes, std::size_t size, const std::string &path,
                      const LoadLimits &limits) {
  std::size_t at = 0;
  const auto nextLine = [bytes, size, &at](std::string &line) {
    if (at >= size)
      return false;
    const auto *begin = reinterpret_cast<const char *>(bytes) + at;
    const auto *newline = static_cast<const char *>(std::memchr(begin, '\n', size - at));
    const std::size_t length = newline ? static_cast<std::size_t>(newline - begin) : size - at;
    line.assign(begin, length);
    at += length + 1;
    return true;
  };
  const auto trimmed = [](const std::string &text) {
    const std::size_t begin = text.find_first_not_of(" \t\r");
    const std::size_t end = text.find_last_not_of(" \t\r");
    return begin == std::string::npos ? std::string() : text.substr(begin, end - begin + 1);
  };
  std::string line;
  std::string magic = nextLine(line) ? trimmed(line).substr(0, 3) : std::string();
  for (char &c : magic)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (magic != "ply")
    return Error{path + ": line 1: a PLY file must start with 'ply'"};
  struct Element {
    std::string name;
    std::uint64_t count = 0;
    std::uint64_t minBytes = 0; // per instance, in the file's encoding
    std::size_t properties = 0;
    int line = 0;
  };
  std::vector<Element> elements;
  std::string format;
  const auto typeBytes = [](const std::string &type) -> std::uint64_t {
    for (const char *t : {"char", "uchar", "int8", "uint8"})
      if (type == t)
        return 1;
    for (const char *t : {"short", "ushort", "int16", "uint16"})
      if (type == t)
        return 2;
    for (const char *t : {"int", "uint", "float", "int32", "uint32", "float32"})
      if (type == t)
        return 4;
    return type == "double" || type == "float64" ? 8 : 0;
  };
  for (int number = 2; nextLine(line); ++number) {
    const std::string text = trimmed(line);
    if (text == "end_header") {
      if (format.empty())
        return Error{path + ": PLY header has no 'format' line"};
      const std::uint64_t body = size - std::min(at, size);
      for (const Element &e : elements) {
        const std::string where = path + ": PLY header line " + std::to_string(e.line) + ": element '" +
                                  e.name.substr(0, 40) + "' declares " + std::to_string(e.count) + " items";
        if (e.count == 0)
          continue;
        if (e.properties == 0)
          return Error{where + " but has no properties"};
        // ASCII: every value takes a character and a separator at least.
        const std::uint64_t least = format == "ascii" ? 2 * e.properties : e.minBytes;
        if (e.count > (body + 1) / least)
          return Error{where + ", which need at least " + std::to_string(least) + " bytes each, but only " +
                       std::to_string(body) + " bytes follow the header"};
        if (e.name == "vertex" && e.count > limits.maxTotalVertices)
          return Error{where + ", more than the limit of " + std::to_string(limits.maxTotalVertices) +
                       " vertices"};
        if (e.name == "face" && e.count > limits.maxTotalTriangles)
          return Error{where + ", more than the limit of " + std::to_string(limits.maxTotalTriangles) +
                       " triangles"};
      }
      return {};
    }
    std::vector<std::string> words;
    for (std::size_t w = 0; (w = text.find_first_not_of(" \t", w)) != std::string::npos;) {
      const std::size_t end = std::min(text.find_first_of(" \t", w), text.size());
      words.push_back(text.substr(w, end - w));
      w = end;
    }
    const std::string keyword = words.empty() ? std::string() : words[0];
    bool ok = words.empty() || keyword == "comment" || keyword == "obj_info";
    if (keyword == "format") {
      ok = format.empty() && words.size() == 3 &&
           (words[1] == "ascii" || words[1] == "binary_little_endian" || words[1] == "binary_big_endian");
      format = words.size() > 1 ? words[1] : "?";
    } else if (keyword == "element") {
      ok = words.size() == 3 && !words[2].empty() &&
           words[2].find_first_not_of("0123456789") == std::string::npos && words[2].size() <= 19;
      if (ok)
        elements.push_back({words[1], std::stoull(words[2]), 0, 0, number});
    } else if (keyword == "property") {
      ok = !elements.empty() &&
           ((words.size() == 3 && typeBytes(words[1])) ||
            (words.size() == 5 && words[1] == "list" && typeBytes(words[2]) && typeBytes(words[3])));
      if (ok) { // a list takes its count at least
        elements.back().minBytes += typeBytes(words[1] == "list" ? words[2] : words[1]);
        ++elements.back().properties;
      }
    }
    if (!ok)
      return Error{path + ": PLY header line " + std::to_string(number) + " \"" + text.substr(0, 60) +
                   "\" is not a format, element, property or comment line"};
  }
  return Error{path + ": PLY header has no 'end_header' line"};
}

// A binary STL declares its triangles in bytes 80-83 and Assimp allocates them all; the file must hold
// them (84 + 50 per triangle, as Assimp requires) and they must fit LoadLimits. A file of another
// size must be ASCII STL ("solid ...").
Result<void> checkStl(const unsigned char *bytes, std::size_t size, const std::string &path,
                      const LoadLimits &limits) {
  std::uint32_t declared = 0;
  if (size >= 84)
    std::memcpy(&declared, bytes + 80, 4);
  if (size >= 84 && 84 + 50 * std::uint64_t(declared) == size) {
    if (declared > limits.maxTotalTriangles)
      return Error{path + ": byte 80: binary STL with " + std::to_string(declared) +
                   " triangles, more than the limit of " + std::to_string(limits.maxTotalTriangles) +
                   " triangles"};
    return {};
  }
  std::size_t first = 0;
  while (first < size && std::isspace(bytes[first]))
    ++first;
  if (size - first >= 5 && std::memcmp(bytes + first, "solid", 5) == 0)
    return {}; // ASCII: what Assimp allocates grows with the text it reads
  if (size < 84)
    return Error{path + ": not an STL file: too short for a binary STL (84 bytes of header) and it does not "
                        "start with 'solid'"};
  return Error{path + ": byte 80: binary STL header declares " + std::to_string(declared) + " triangles, " +
               std::to_string(84 + 50 * std::uint64_t(declared)) + " bytes, but the file has " +
               std::to_string(size)};
}

// The extension picks the only importer Assimp keeps (see importerFor), so other content cannot reach
// another importer; an OBJ that is really XML (COLLADA), an ASE export or binary data is still
// refused here by name, instead of being parsed as OBJ text.
Result<void> checkObj(const unsigned char *bytes, std::size_t size, const std::string &path) {
  std::size_t first = 0;
  while (first < size && std::isspace(bytes[first]))
    ++first;
  const auto startsWith = [&](const char *text) {
    const std::size_t n = std::strlen(text);
    return size - first >= n && std::memcmp(bytes + first, text, n) == 0;
  };
  const std::string notObj = path + ": byte " + std::to_string(first) + ": this is not OBJ text: ";
  if (startsWith("<"))
    return Error{notObj + "it begins like XML (COLLADA, X3D, ...), a format this viewer does not read"};
  if (startsWith("*3DSMAX_ASCIIEXPORT") || startsWith("*"))
    return Error{notObj + "it begins like a 3ds Max ASCII export (ASE), a format this viewer does not read"};
  if (const void *nul = std::memchr(bytes, '\0', std::min<std::size_t>(size, 4096)))
    return Error{path + ": byte " + std::to_string(static_cast<const unsigned char *>(nul) - bytes) +
                 ": this is not OBJ text: it contains binary data (a NUL byte)"};
  return {};
}

Result<Scene> sceneFromAssimp(Assimp::Importer &importer, const aiScene *ai, const std::string &path,
                              const LoadLimits &limits) {
  auto failed = [&importer, &path]() {
    std::string message = importer.GetErrorString();
    if (message.empty())
      message = "unknown error";
    return Error{path + ": cannot read this file: " + message};
  };
  if (!ai || !ai->mRootNode)
    return failed();
  if (ai->mFlags & AI_SCENE_FLAGS_INCOMPLETE)
    return Error{path + ": the file is incomplete or broken (Assimp could not read all of it)"};
  // The importer owns the scene; it is not const, Assimp only hands it out as const.
  if (Result<void> faces = checkFaces(*const_cast<aiScene *>(ai), path); !faces)
    return Error{faces.error()};
  ai = importer.ApplyPostProcessing(kPostProcessFlags);
  if (!ai || !ai->mRootNode)
    return failed();
  Scene scene;
  AssimpTraversal t{*ai, scene, path, LoadBudget(limits), {}};
  if (Result<void> ok = visit(t, *ai->mRootNode, -1, glm::mat4(1.0f), 0); !ok)
    return Error{ok.error()};
  if (Result<void> finished = finishLoadedScene(scene, path); !finished)
    return Error{finished.error()};
  return scene;
}

} // namespace

// Assimp's progress callback: reports into LoadProgress (reading is the first 90 %) and stops the
// import when the user cancels.
class ProgressToLoad : public Assimp::ProgressHandler {
public:
  explicit ProgressToLoad(LoadProgress &progress) : progress_(progress) {}
  bool Update(float percentage) override {
    if (percentage >= 0.0f)
      progress_.fraction = 0.9f * std::min(percentage, 1.0f);
    return !progress_.cancel;
  }

private:
  LoadProgress &progress_;
};

namespace {

std::string lowerCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The format of `extension` (no dot, any case) if Assimp may read it; else the refusal.
Result<std::string> assimpFormat(const std::string &extension, const std::string &name) {
  const std::string format = lowerCase(extension);
  for (const char *kept : kAssimpFormats)
    if (format == kept)
      return format;
  return Error{name + ": " +
               (format.empty() ? std::string("a file without an extension") : "'." + format + "' files") +
               " cannot be read; the viewer reads .gltf, .glb, .obj, .stl and .ply"};
}

// An OBJ's material libraries ("mtllib NAME", NAME being the rest of the line, as Assimp reads it),
// each on a line of its own or joined to the next by a trailing backslash. With `files`, each must be
// a regular file inside the model's folder: one that is missing is left out with a warning (its
// colours only), any other is refused, naming the line. Without `files` (a model in memory) all are
// left out. "Left out" turns the line into a comment, so Assimp never looks for a fallback either:
// Assimp 5.2.5's OBJ importer crashed (a segfault) on some files whose `mtllib` it could not open,
// e.g. "map_Ks x" then "mtllib y" (found by fuzz_assimp).
Result<void> checkMaterialLibraries(std::vector<unsigned char> &obj, const std::string &path,
                                    model_files::SideFiles *files) {
  int number = 0;
  for (std::size_t at = 0; at < obj.size();) {
    ++number;
    std::string text; // the logical line, continuations joined
    std::size_t i = at;
    while (i < obj.size() && obj[i] != '\n') {
      if (obj[i] == '\\' && (i + 1 == obj.size() || obj[i + 1] == '\n' || obj[i + 1] == '\r')) {
        while (i < obj.size() && obj[i] != '\n')
          ++i;
        ++i;
        ++number;
        continue;
      }
      text += static_cast<char>(obj[i++]);
    }
    std::size_t first = at;
    while (first < obj.size() && (obj[first] == ' ' || obj[first] == '\t'))
      ++first;
    at = i + 1;
    const std::size_t keyword = text.find_first_not_of(" \t");
    if (keyword == std::string::npos || text.compare(keyword, 6, "mtllib") != 0)
      continue;
    const std::size_t nameStart = text.find_first_not_of(" \t", keyword + 6);
    if (nameStart == keyword + 6 && nameStart != std::string::npos)
      continue; // "mtllibx": another keyword
    std::string name = nameStart == std::string::npos ? std::string() : text.substr(nameStart);
    name = name.substr(0, name.find_first_of(std::string("\r\f\0", 3)));
    if (files && !name.empty()) {
      const model_files::SideFiles::Resolved resolved = files->resolve(name, true);
      if (resolved)
        continue;
      if (!resolved.refusal.missing)
        return Error{path + ": line " + std::to_string(number) + ": mtllib \"" +
                     model_files::shortened(name) + "\": " + resolved.refusal.why};
      log::warning(path + ": line " + std::to_string(number) + ": material library \"" +
                   model_files::shortened(name) +
                   "\" not found beside the model; loading without its colours");
    }
    obj[first] = '#';
  }
  return {};
}

// Both entry points end here. `modelName` is the name Assimp gets for the model (its extension picks
// the importer), `path` the name messages use, `files` the model's folder (null for a model in memory).
Result<Scene> importWithAssimp(std::vector<unsigned char> bytes, const std::string &format,
                               const std::string &modelName, const std::string &path,
                               model_files::SideFiles *files, const LoadLimits &limits) {
  if (bytes.empty())
    return Error{path + ": the file is empty"};
  Result<void> content = format == "ply"   ? checkPly(bytes.data(), bytes.size(), path, limits)
                         : format == "stl" ? checkStl(bytes.data(), bytes.size(), path, limits)
                                           : checkObj(bytes.data(), bytes.size(), path);
  if (content && format == "obj")
    content = checkMaterialLibraries(bytes, path, files);
  if (!content)
    return Error{content.error()};

  Assimp::Importer importer;
  // Only the importer of this format stays: Assimp picks importers by content too, and its others
  // are not safe to run. Unregistered importers are no longer the Importer's to delete.
  const std::size_t keep = importer.GetImporterIndex(format.c_str());
  if (keep >= importer.GetImporterCount())
    return Error{path + ": this Assimp has no importer for '." + format + "' files"};
  for (std::size_t i = importer.GetImporterCount(); i-- > 0;)
    if (i != keep) {
      Assimp::BaseImporter *other = importer.GetImporter(i);
      importer.UnregisterLoader(other);
      delete other;
    }
  importer.SetIOHandler(new ModelIOSystem(modelName, bytes.data(), bytes.size(), files)); // owned by it
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  if (limits.progress)
    importer.SetProgressHandler(new ProgressToLoad(*limits.progress)); // owned by the importer
  const aiScene *ai = importer.ReadFile(modelName, kReadFlags);
  if (limits.progress && limits.progress->cancel)
    return Error{path + ": " + kLoadCancelled};
  return sceneFromAssimp(importer, ai, path, limits);
}

} // namespace

Result<Scene> loadWithAssimp(const std::string &path, const LoadLimits &limits) {
  namespace fs = std::filesystem;
  const fs::path file(path);
  const std::string extension = file.extension().string();
  Result<std::string> format = assimpFormat(extension.empty() ? extension : extension.substr(1), path);
  if (!format)
    return Error{format.error()};
  Result<std::vector<unsigned char>> bytes =
      model_files::readModelFile(path, limits.maxFileBytes, limits.progress);
  if (!bytes)
    return Error{bytes.error()};
  // The model and the files it names share maxFileBytes.
  Result<model_files::SideFiles> files =
      model_files::SideFiles::forModel(path, limits.maxFileBytes - bytes->size());
  if (!files)
    return Error{files.error()};
  // Assimp gets the model's name inside its real folder, so the names it derives (an OBJ's fallback
  // material library) are in that folder too; ModelIOSystem serves this name from `bytes`.
  const std::string modelName = (files->folder() / file.stem()).string() + "." + *format;
  return importWithAssimp(std::move(*bytes), *format, modelName, path, &*files, limits);
}

Result<Scene> loadWithAssimpFromMemory(const unsigned char *bytes, std::size_t size,
                                       const std::string &formatHint, const std::string &name,
                                       const LoadLimits &limits) {
  const std::string hint = !formatHint.empty() && formatHint[0] == '.' ? formatHint.substr(1) : formatHint;
  if (hint.size() > Assimp::Importer::MaxLenHint || hint.find_first_of("./\\") != std::string::npos)
    return Error{name + ": '" + formatHint + "' is not a file extension"};
  Result<std::string> format = assimpFormat(hint, name);
  if (!format)
    return Error{format.error()};
  if (size == 0)
    return Error{name + ": the file is empty"};
  return importWithAssimp(std::vector<unsigned char>(bytes, bytes + size), *format, "memory-model." + *format,
                          name, nullptr, limits);
}

} // namespace atlas
