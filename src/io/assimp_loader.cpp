// Every mesh format other than glTF (OBJ, STL, PLY, FBX, COLLADA, 3DS, ...) through Assimp, into the
// same Scene as glTF. Node names become structure ids so a teacher's own parts can be listed.
#include "io/model_loader.h"

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <glm/gtc/type_ptr.hpp>

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

} // namespace

Result<Scene> loadWithAssimp(const std::string &path, const LoadLimits &limits) {
  Assimp::Importer importer;
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  const aiScene *ai = importer.ReadFile(path, aiProcess_Triangulate | aiProcess_JoinIdenticalVertices |
                                                  aiProcess_GenSmoothNormals | aiProcess_SortByPType |
                                                  aiProcess_ValidateDataStructure);
  if (!ai || !ai->mRootNode) {
    std::string message = importer.GetErrorString();
    if (message.empty())
      message = "unknown error";
    return Error{path + ": cannot read this file: " + message};
  }
  if (ai->mFlags & AI_SCENE_FLAGS_INCOMPLETE)
    return Error{path + ": the file is incomplete or broken (Assimp could not read all of it)"};
  Scene scene;
  AssimpTraversal t{*ai, scene, path, limits.maxTotalVertices};
  if (Result<bool> ok = visit(t, *ai->mRootNode, -1, glm::mat4(1.0f), 0); !ok)
    return Error{ok.error()};
  if (Result<bool> finished = finishLoadedScene(scene, path); !finished)
    return Error{finished.error()};
  return scene;
}

} // namespace atlas
