#include "render/renderer.h"

#include "render/gl_state.h"

#include <algorithm>
#include <cmath>

namespace atlas {

namespace {
// A still frame may draw a mesh's coarse version where the surface it moves stays within this many
// pixels of the full one: no visible difference, far fewer triangles for a software renderer.
constexpr float kMaxStillErrorPixels = 0.5f;
} // namespace

Renderer::OwnedVertexArray::~OwnedVertexArray() {
  if (id != 0)
    glDeleteVertexArrays(1, &id);
}

Result<Renderer> Renderer::create() {
  Renderer r;
  Result<ShaderProgram> mesh = ShaderProgram::fromEmbedded("mesh.vert", "mesh.frag");
  if (!mesh)
    return Error{mesh.error()};
  Result<ShaderProgram> bg = ShaderProgram::fromEmbedded("background.vert", "background.frag");
  if (!bg)
    return Error{bg.error()};
  r.meshProgram_.emplace(std::move(*mesh));
  r.backgroundProgram_.emplace(std::move(*bg));
  const std::pair<GLint *, const char *> meshUniforms[] = {{&r.mesh_.view, "u_view"},
                                                           {&r.mesh_.viewProjection, "u_viewProjection"},
                                                           {&r.mesh_.color, "u_color"},
                                                           {&r.mesh_.highlight, "u_highlight"},
                                                           {&r.mesh_.fibres, "u_fibres"},
                                                           {&r.mesh_.origin, "u_origin"},
                                                           {&r.mesh_.ownColour, "u_ownColour"},
                                                           {&r.mesh_.glow, "u_glow"},
                                                           {&r.mesh_.skinning, "u_skinning"},
                                                           {&r.mesh_.rigidSlot, "u_rigidSlot"},
                                                           {&r.mesh_.bones, "u_bones"},
                                                           {&r.mesh_.muscleAxis, "u_muscleAxis"},
                                                           {&r.mesh_.muscleSpan, "u_muscleSpan"}};
  for (const auto &[location, name] : meshUniforms) {
    Result<GLint> found = r.meshProgram_->uniform(name);
    if (!found)
      return Error{found.error()};
    *location = *found;
  }
  for (const auto &[location, name] : {std::pair<GLint *, const char *>{&r.background_.top, "u_top"},
                                       std::pair<GLint *, const char *>{&r.background_.bottom, "u_bottom"}}) {
    Result<GLint> found = r.backgroundProgram_->uniform(name);
    if (!found)
      return Error{found.error()};
    *location = *found;
  }
  glGenVertexArrays(1, &r.emptyVao_.id);
  return r;
}

// Striations need the mesh's fibres; the tendon's own white only where the structure shows its own
// colour (a highlight or the focus grey is kept, only paler).
void Renderer::setFibres(const GpuMesh &mesh, bool ownColour) const {
  ShaderProgram::set(mesh_.fibres, mesh.hasFibres ? 1.0f : 0.0f);
  ShaderProgram::set(mesh_.origin, mesh.center);
  ShaderProgram::set(mesh_.ownColour, ownColour ? 1.0f : 0.0f);
}

// How the vertex shader poses this mesh: not at all (at rest, or a bone that stays), rigidly with its
// bone's slot, or by its per-vertex blend (a soft tissue whose blend is on the GPU).
void Renderer::setSkinning(const GpuMesh &mesh, const SkinnedDraw *pose) const {
  const auto s = static_cast<std::size_t>(mesh.structure);
  if (!pose || s >= pose->structures.size()) {
    ShaderProgram::setInt(mesh_.skinning, 0);
    return;
  }
  const SkinnedDraw::StructurePose &how = pose->structures[s];
  if (how.rigidSlot >= 0) {
    ShaderProgram::setInt(mesh_.skinning, how.rigidSlot == 0 ? 0 : 1);
    ShaderProgram::setInt(mesh_.rigidSlot, how.rigidSlot);
    return;
  }
  ShaderProgram::setInt(mesh_.skinning, mesh.skinBuffer != 0 ? 2 : 0);
  ShaderProgram::set(mesh_.muscleAxis, glm::vec4(how.axisOrigin, how.widen));
  ShaderProgram::set(mesh_.muscleSpan, how.axisSpan);
}

void Renderer::draw(const Scene &scene, const GpuScene &gpu, const ViewState &state, const Camera &camera,
                    int width, int height, glm::ivec4 viewRect, bool coarse, const SkinnedDraw *pose) const {
  if (viewRect.z <= 0 || viewRect.w <= 0)
    viewRect = glm::ivec4(0, 0, width, height);
  const DrawStateScope keepCallersState;
  glViewport(0, 0, width, height);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  glDepthMask(GL_TRUE);
  glClearDepth(1.0);
  glClear(GL_DEPTH_BUFFER_BIT | GL_COLOR_BUFFER_BIT);

  backgroundProgram_->use();
  ShaderProgram::set(background_.top, background.top);
  ShaderProgram::set(background_.bottom, background.bottom);
  glBindVertexArray(emptyVao_.id);
  glDrawArrays(GL_TRIANGLES, 0, 3);

  // GL's viewport origin is the bottom-left corner.
  glViewport(viewRect.x, height - viewRect.y - viewRect.w, viewRect.z, viewRect.w);
  const float aspect = static_cast<float>(viewRect.z) / static_cast<float>(std::max(viewRect.w, 1));
  const glm::mat4 view = camera.viewMatrix();
  meshProgram_->use();
  ShaderProgram::set(mesh_.view, view);
  ShaderProgram::set(mesh_.viewProjection, camera.projectionMatrix(aspect) * view);
  if (pose && pose->slots.size() <= SkinnedDraw::kMaxSlots)
    ShaderProgram::set(mesh_.bones, pose->slots);
  else
    pose = nullptr; // more slots than the shader has cannot come from PoseSkin; drawn at rest
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glDisable(GL_CULL_FACE); // open meshes (scans, single surfaces) must show both sides

  std::vector<Transparent> &transparent = transparent_;
  transparent.clear();
  // Screen-space level of detail: pixels per model unit at distance 1 along the view direction.
  const float pixelsAtUnitDistance = static_cast<float>(viewRect.w) / (2.0f * std::tan(0.5f * camera.fovY));
  const auto &structures = scene.structures();
  for (const GpuMesh &m : gpu.meshes()) {
    const MeshData &data = structures[static_cast<std::size_t>(m.structure)].meshes[m.meshIndex];
    const StructureStyle style = state.styleFor(m.structure, data.color);
    if (!style.visible)
      continue;
    const float highlight = style.highlighted ? 1.0f : 0.0f;
    bool useCoarse = m.coarseVao != 0 && coarse;
    if (m.coarseVao != 0 && !coarse) { // still: coarse only where its error stays under half a pixel
      const float nearest =
          std::max(glm::dot(m.center - camera.eye(), camera.forward()) - m.radius, camera.nearPlane());
      useCoarse = m.coarseError * pixelsAtUnitDistance / nearest < kMaxStillErrorPixels;
    }
    const GLuint vao = useCoarse ? m.coarseVao : m.vao;
    const GLsizei count = useCoarse ? m.coarseIndexCount : m.indexCount;
    const bool ownColour = glm::vec3(style.color) == glm::vec3(data.color);
    if (style.ghosted || style.color.a < 0.999f) {
      transparent.push_back({vao, count, style.color, highlight, style.glow,
                             glm::dot(m.center - camera.eye(), camera.forward()), &m, ownColour});
      continue;
    }
    ShaderProgram::set(mesh_.color, style.color);
    ShaderProgram::set(mesh_.highlight, highlight);
    ShaderProgram::set(mesh_.glow, style.glow);
    setFibres(m, ownColour);
    setSkinning(m, pose);
    glBindVertexArray(vao);
    glDrawElements(GL_TRIANGLES, count, GL_UNSIGNED_INT, nullptr);
  }

  // X-ray pass: far to near, no depth writes; each mesh's back faces before its front faces so a
  // closed ghosted shape blends in the right order with itself.
  std::sort(transparent.begin(), transparent.end(),
            [](const Transparent &a, const Transparent &b) { return a.depth > b.depth; });
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDepthMask(GL_FALSE);
  glEnable(GL_CULL_FACE);
  for (const Transparent &t : transparent) {
    ShaderProgram::set(mesh_.color, t.color);
    ShaderProgram::set(mesh_.highlight, t.highlight);
    ShaderProgram::set(mesh_.glow, t.glow);
    setFibres(*t.mesh, t.ownColour);
    setSkinning(*t.mesh, pose);
    glBindVertexArray(t.vao);
    for (GLenum cull : {GL_FRONT, GL_BACK}) {
      glCullFace(cull);
      glDrawElements(GL_TRIANGLES, t.indexCount, GL_UNSIGNED_INT, nullptr);
    }
  }
}

} // namespace atlas
