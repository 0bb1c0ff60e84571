#include "render/renderer.h"

#include "render/gl_state.h"

#include <algorithm>
#include <cmath>

namespace atlas {

namespace {
// A still frame may draw a mesh's coarse version where the surface it moves stays within this many
// pixels of the full one: no visible difference, far fewer triangles for a software renderer. Three
// quarters of a pixel since the views fill the frame (eleventh pass): at half a pixel the larger model
// kept more meshes at full detail and the opening screenshot peaked at 210 MB (budget 200; 194 MB
// now); the two pictures differ only along the silhouettes of thin tubes and in striations, by at
// most a pixel's edge (0.24 % of the pixels by more than 24 levels).
constexpr float kMaxStillErrorPixels = 0.75f;
} // namespace

Renderer::OwnedVertexArray::~OwnedVertexArray() {
  if (id != 0)
    glDeleteVertexArrays(1, &id);
}

Result<Renderer::MeshProgram> Renderer::createMeshProgram(bool fibres) {
  MeshProgram p;
  Result<ShaderProgram> program = ShaderProgram::fromEmbedded(
      "mesh.vert", "mesh.frag", fibres ? std::vector<std::string>{"FIBRES"} : std::vector<std::string>{});
  if (!program)
    return Error{program.error()};
  p.program.emplace(std::move(*program));
  MeshUniforms &u = p.uniforms;
  std::vector<std::pair<GLint *, const char *>> names = {{&u.view, "u_view"},
                                                         {&u.viewProjection, "u_viewProjection"},
                                                         {&u.color, "u_color"},
                                                         {&u.highlight, "u_highlight"},
                                                         {&u.glow, "u_glow"},
                                                         {&u.skinning, "u_skinning"},
                                                         {&u.rigidSlot, "u_rigidSlot"},
                                                         {&u.bones, "u_bones"},
                                                         {&u.muscleAxis, "u_muscleAxis"},
                                                         {&u.muscleSpan, "u_muscleSpan"}};
  if (fibres) {
    names.emplace_back(&u.origin, "u_origin");
    names.emplace_back(&u.ownColour, "u_ownColour");
    names.emplace_back(&u.fibreCoords, "u_fibreCoords");
  }
  for (const auto &[location, name] : names) {
    Result<GLint> found = p.program->uniform(name);
    if (!found)
      return Error{found.error()};
    *location = *found;
  }
  return p;
}

Result<Renderer> Renderer::create() {
  Renderer r;
  for (auto [target, fibres] : {std::pair{&r.plainMesh_, false}, std::pair{&r.fibredMesh_, true}}) {
    Result<MeshProgram> mesh = createMeshProgram(fibres);
    if (!mesh)
      return Error{mesh.error()};
    *target = std::move(*mesh);
  }
  Result<ShaderProgram> bg = ShaderProgram::fromEmbedded("background.vert", "background.frag");
  if (!bg)
    return Error{bg.error()};
  r.backgroundProgram_.emplace(std::move(*bg));
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

// How the vertex shader poses this mesh: not at all (at rest, or a bone that stays), rigidly with its
// bone's slot, or by its per-vertex blend (a soft tissue whose blend is on the GPU).
void Renderer::setSkinning(const MeshUniforms &u, const GpuMesh &mesh, const SkinnedDraw *pose) {
  const auto s = static_cast<std::size_t>(mesh.structure);
  if (!pose || s >= pose->structures.size()) {
    ShaderProgram::setInt(u.skinning, 0);
    return;
  }
  const SkinnedDraw::StructurePose &how = pose->structures[s];
  if (how.rigidSlot >= 0) {
    ShaderProgram::setInt(u.skinning, how.rigidSlot == 0 ? 0 : 1);
    ShaderProgram::setInt(u.rigidSlot, how.rigidSlot);
    return;
  }
  ShaderProgram::setInt(u.skinning, mesh.skinBuffer != 0 ? 2 : 0);
  ShaderProgram::set(u.muscleAxis, glm::vec4(how.axisOrigin, how.widen));
  ShaderProgram::set(u.muscleSpan, how.axisSpan);
}

// Striations need the mesh's fibres; the tendon's own white only where the structure shows its own
// colour (a highlight or the focus grey is kept, only paler).
void Renderer::prepare(const QueuedDraw &draw, const SkinnedDraw *pose, const MeshProgram *&inUse) const {
  const MeshProgram &program = draw.mesh->hasFibres ? fibredMesh_ : plainMesh_;
  if (inUse != &program) {
    program.program->use();
    inUse = &program;
  }
  const MeshUniforms &u = program.uniforms;
  ShaderProgram::set(u.color, draw.color);
  ShaderProgram::set(u.highlight, draw.highlight);
  ShaderProgram::set(u.glow, draw.glow);
  if (draw.mesh->hasFibres) {
    ShaderProgram::set(u.origin, draw.mesh->center);
    ShaderProgram::set(u.ownColour, draw.ownColour ? 1.0f : 0.0f);
    ShaderProgram::set(u.fibreCoords, draw.mesh->hasFibreCoords ? 1.0f : 0.0f);
  }
  setSkinning(u, *draw.mesh, pose);
  glBindVertexArray(draw.vao);
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
  if (pose && pose->slots.size() > SkinnedDraw::kMaxSlots)
    pose = nullptr; // more slots than the shader has cannot come from PoseSkin; drawn at rest
  for (const MeshProgram *program : {&fibredMesh_, &plainMesh_}) { // plain last: in use for the first draws
    program->program->use();
    ShaderProgram::set(program->uniforms.view, view);
    ShaderProgram::set(program->uniforms.viewProjection, camera.projectionMatrix(aspect) * view);
    if (pose)
      ShaderProgram::set(program->uniforms.bones, pose->slots);
  }
  const MeshProgram *inUse = &plainMesh_;
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  // Open meshes (scans, single surfaces) must show both sides; a closed one's back faces are always
  // behind its front, and culling them halves what a software rasteriser bins and shades.
  glCullFace(GL_BACK);
  bool culling = false;
  glDisable(GL_CULL_FACE);
  const auto cullFor = [&culling](const GpuMesh &mesh) {
    if (mesh.closed != culling) {
      culling = mesh.closed;
      culling ? glEnable(GL_CULL_FACE) : glDisable(GL_CULL_FACE);
    }
  };

  std::vector<QueuedDraw> &transparent = transparent_;
  transparent.clear();
  fibred_.clear();
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
    const QueuedDraw draw{vao,         count,
                          style.color, highlight,
                          style.glow,  glm::dot(m.center - camera.eye(), camera.forward()),
                          &m,          glm::vec3(style.color) == glm::vec3(data.color)};
    if (style.ghosted || style.color.a < 0.999f)
      transparent.push_back(draw);
    else if (m.hasFibres)
      fibred_.push_back(draw);
    else {
      prepare(draw, pose, inUse);
      cullFor(m);
      glDrawElements(GL_TRIANGLES, count, GL_UNSIGNED_INT, nullptr);
    }
  }
  for (const QueuedDraw &draw : fibred_) {
    prepare(draw, pose, inUse);
    cullFor(*draw.mesh);
    glDrawElements(GL_TRIANGLES, draw.indexCount, GL_UNSIGNED_INT, nullptr);
  }

  // X-ray pass: far to near, no depth writes; each mesh's back faces before its front faces so a
  // closed ghosted shape blends in the right order with itself.
  std::sort(transparent.begin(), transparent.end(),
            [](const QueuedDraw &a, const QueuedDraw &b) { return a.depth > b.depth; });
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDepthMask(GL_FALSE);
  glEnable(GL_CULL_FACE);
  for (const QueuedDraw &t : transparent) {
    prepare(t, pose, inUse);
    for (GLenum cull : {GL_FRONT, GL_BACK}) {
      glCullFace(cull);
      glDrawElements(GL_TRIANGLES, t.indexCount, GL_UNSIGNED_INT, nullptr);
    }
  }
}

} // namespace atlas
