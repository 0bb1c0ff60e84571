// Every mesh format other than glTF (OBJ, STL, PLY, FBX, COLLADA, 3DS, ...) through Assimp, into the
// same Scene as glTF. Node names become structure ids so a teacher's own parts can be listed.
#include "io/model_loader.h"

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
#include <fstream>
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
  std::uint64_t vertexBudget;
};

Result<bool> visit(AssimpTraversal &t, const aiNode &node, int parent, const glm::mat4 &parentWorld,
                   int depth) {
  if (depth > 256)
    return Error{t.path + ": node hierarchy deeper than 256 levels"};
  const glm::mat4 world = parentWorld * toGlm(node.mTransformation);
  const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(world)));
  const bool mirrored = glm::determinant(glm::mat3(world)) < 0.0f;

  Structure s;
  s.id = uniqueStructureId(t.scene, node.mName.length ? std::string(node.mName.C_Str()) : "node");
  s.parent = parent;
  for (unsigned i = 0; i < node.mNumMeshes; ++i) {
    if (node.mMeshes[i] >= t.ai.mNumMeshes)
      return Error{t.path + ": node '" + s.id + "' refers to mesh " + std::to_string(node.mMeshes[i]) +
                   " that does not exist"};
    const aiMesh &m = *t.ai.mMeshes[node.mMeshes[i]];
    if (!(m.mPrimitiveTypes & aiPrimitiveType_TRIANGLE))
      continue;
    if (m.mNumVertices > t.vertexBudget)
      return Error{t.path + ": the model has more than the limit of vertices; refusing to load it"};
    t.vertexBudget -= m.mNumVertices;
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
    if (Result<bool> ok = visit(t, *node.mChildren[c], self, world, depth + 1); !ok)
      return ok;
  return true;
}

// For models read from memory: every file other than the memory buffer itself (which Assimp's
// MemoryIOSystem serves before asking this one) is absent, so an OBJ's "mtllib /etc/passwd" reads nothing.
class NoFilesIOSystem : public Assimp::IOSystem {
public:
  bool Exists(const char *) const override { return false; }
  char getOsSeparator() const override { return '/'; }
  Assimp::IOStream *Open(const char *, const char *) override { return nullptr; }
  void Close(Assimp::IOStream *stream) override { delete stream; }
};

// The file is read with validation only; post-processing runs after checkFaces.
constexpr unsigned kReadFlags = aiProcess_ValidateDataStructure;
constexpr unsigned kPostProcessFlags = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices |
                                       aiProcess_GenSmoothNormals | aiProcess_SortByPType;

// Assimp's importers do not always describe their own output: a PLY face with no indices comes back
// in a mesh flagged as polygons, which its validation lets through, and Debian's Assimp (built with
// its assertions on) then aborts the whole process in the Triangulate step. So every face is checked
// here, and each mesh's primitive types are recomputed from its faces, before post-processing.
Result<bool> checkFaces(aiScene &ai, const std::string &path) {
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
  return true;
}

// Assimp 5.2.5's PLY reader never returns when the header has no line of its own reading
// "end_header" (a truncated header, or "property float z end_header"): it spins at the end of the
// input and the viewer hangs. Its header parser also writes past a heap buffer on a header with
// lines it does not know (a second "format", "vt property float y"). So the header is checked line by
// line against the PLY format before Assimp sees the file: format once, then element, property and
// comment lines, then end_header. `nextLine` yields the file's lines; only files that start with the
// PLY magic (any case, as Assimp accepts) are checked.
template <typename NextLine> Result<bool> checkPlyHeader(NextLine nextLine, const std::string &path) {
  std::string line;
  if (!nextLine(line))
    return true;
  auto trimmed = [](const std::string &text) {
    const std::size_t begin = text.find_first_not_of(" \t\r");
    const std::size_t end = text.find_last_not_of(" \t\r");
    return begin == std::string::npos ? std::string() : text.substr(begin, end - begin + 1);
  };
  std::string magic = trimmed(line).substr(0, 3);
  for (char &c : magic)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (magic != "ply")
    return true;
  bool format = false, element = false;
  for (int number = 2; nextLine(line); ++number) {
    const std::string text = trimmed(line);
    if (text == "end_header")
      return format ? Result<bool>(true) : Error{path + ": PLY header has no 'format' line"};
    std::vector<std::string> words;
    for (std::size_t at = 0; (at = text.find_first_not_of(" \t", at)) != std::string::npos;) {
      const std::size_t end = std::min(text.find_first_of(" \t", at), text.size());
      words.push_back(text.substr(at, end - at));
      at = end;
    }
    const std::string keyword = words.empty() ? std::string() : words[0];
    bool ok = words.empty() || keyword == "comment" || keyword == "obj_info";
    if (keyword == "format") {
      ok = !format && words.size() == 3 &&
           (words[1] == "ascii" || words[1] == "binary_little_endian" || words[1] == "binary_big_endian");
      format = true;
    } else if (keyword == "element") {
      ok = words.size() == 3;
      element = true;
    } else if (keyword == "property") {
      ok = element && (words.size() == 3 || (words.size() == 5 && words[1] == "list"));
    }
    if (!ok)
      return Error{path + ": PLY header line " + std::to_string(number) + " \"" + text.substr(0, 60) +
                   "\" is not a format, element, property or comment line"};
  }
  return Error{path + ": PLY header has no 'end_header' line"};
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
  if (Result<bool> faces = checkFaces(*const_cast<aiScene *>(ai), path); !faces)
    return Error{faces.error()};
  ai = importer.ApplyPostProcessing(kPostProcessFlags);
  if (!ai || !ai->mRootNode)
    return failed();
  Scene scene;
  AssimpTraversal t{*ai, scene, path, limits.maxTotalVertices};
  if (Result<bool> ok = visit(t, *ai->mRootNode, -1, glm::mat4(1.0f), 0); !ok)
    return Error{ok.error()};
  if (Result<bool> finished = finishLoadedScene(scene, path); !finished)
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

Result<Scene> loadWithAssimp(const std::string &path, const LoadLimits &limits) {
  std::ifstream in(path, std::ios::binary);
  const auto fileLine = [&in](std::string &line) { return static_cast<bool>(std::getline(in, line)); };
  if (Result<bool> header = checkPlyHeader(fileLine, path); !header)
    return Error{header.error()};
  in.close();
  Assimp::Importer importer;
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  if (limits.progress)
    importer.SetProgressHandler(new ProgressToLoad(*limits.progress)); // owned by the importer
  const aiScene *ai = importer.ReadFile(path, kReadFlags);
  if (limits.progress && limits.progress->cancel)
    return Error{path + ": " + kLoadCancelled};
  return sceneFromAssimp(importer, ai, path, limits);
}

Result<Scene> loadWithAssimpFromMemory(const unsigned char *bytes, std::size_t size,
                                       const std::string &formatHint, const std::string &name,
                                       const LoadLimits &limits) {
  if (size == 0)
    return Error{name + ": the file is empty"};
  const std::string hint = !formatHint.empty() && formatHint[0] == '.' ? formatHint.substr(1) : formatHint;
  if (hint.size() > Assimp::Importer::MaxLenHint || hint.find_first_of("./\\") != std::string::npos)
    return Error{name + ": '" + formatHint + "' is not a file extension"};
  std::size_t at = 0;
  const auto memoryLine = [bytes, size, &at](std::string &line) {
    if (at >= size)
      return false;
    const auto *begin = reinterpret_cast<const char *>(bytes) + at;
    const auto *newline = static_cast<const char *>(std::memchr(begin, '\n', size - at));
    const std::size_t length = newline ? static_cast<std::size_t>(newline - begin) : size - at;
    line.assign(begin, length);
    at += length + 1;
    return true;
  };
  if (Result<bool> header = checkPlyHeader(memoryLine, name); !header)
    return Error{header.error()};
  // A model in memory has no material library to read, and Assimp 5.2.5's OBJ importer crashes
  // (a segfault) on some files whose `mtllib` it cannot open, e.g. "map_Ks x" then "mtllib y"
  // (found by fuzz_assimp). Those lines are turned into comments before Assimp reads the file.
  std::vector<unsigned char> withoutMtllib;
  std::string lowerHint = hint;
  std::transform(lowerHint.begin(), lowerHint.end(), lowerHint.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lowerHint == "obj") {
    withoutMtllib.assign(bytes, bytes + size);
    bool lineStart = true;
    for (std::size_t i = 0; i < withoutMtllib.size(); ++i) {
      const unsigned char c = withoutMtllib[i];
      if (lineStart && c != ' ' && c != '\t' && withoutMtllib.size() - i >= 6 &&
          std::memcmp(&withoutMtllib[i], "mtllib", 6) == 0)
        withoutMtllib[i] = '#';
      lineStart = c == '\n' || c == '\r' || (lineStart && (c == ' ' || c == '\t'));
    }
    bytes = withoutMtllib.data();
  }
  Assimp::Importer importer;
  importer.SetIOHandler(new NoFilesIOSystem); // owned by the importer
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  const aiScene *ai = importer.ReadFileFromMemory(bytes, size, kReadFlags, hint.c_str());
  return sceneFromAssimp(importer, ai, name, limits);
}

} // namespace atlas
