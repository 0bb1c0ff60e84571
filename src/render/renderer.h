// Renderer: draws a Scene (through its GpuScene) with a ViewState's colours and visibility into the
// currently bound framebuffer. The only class that issues draw calls for the model. It leaves the GL
// state it changes (viewport, program, vertex array, depth, blending, culling) as it found it
// (render/gl_state.h).
#pragma once

#include "core/result.h"
#include "render/gpu_scene.h"
#include "render/shader_program.h"
#include "scene/camera.h"
#include "scene/view_state.h"

#include <optional>
#include <utility>
#include <vector>

namespace atlas {

struct BackgroundColors {
  glm::vec3 top{0.235f, 0.255f, 0.290f};    // sRGB
  glm::vec3 bottom{0.115f, 0.125f, 0.145f}; // sRGB
};

class Renderer {
public:
  static Result<Renderer> create();

  // Clears the whole framebuffer (width x height) to the background, then draws the model into the
  // view rectangle (top-left origin, pixels), which defaults to the whole framebuffer. `coarse`
  // draws the GpuScene's coarse meshes where it has them (frames drawn while the camera moves);
  // otherwise a coarse mesh is drawn only where its error projects to under half a pixel. `pose`
  // (a function in motion, issue 14) has the vertex shader pose the model: bones rigidly, soft tissues
  // by the blends GpuScene::uploadSkin() gave them; null draws the model at rest.
  void draw(const Scene &scene, const GpuScene &gpu, const ViewState &state, const Camera &camera, int width,
            int height, glm::ivec4 viewRect = glm::ivec4(0), bool coarse = false,
            const SkinnedDraw *pose = nullptr) const;

  BackgroundColors background;

private:
  // Uniform locations, looked up once in create(); origin, ownColour and fibreCoords only in the fibred
  // program.
  struct MeshUniforms {
    GLint view = -1, viewProjection = -1, color = -1, highlight = -1, origin = -1, ownColour = -1,
          fibreCoords = -1, glow = -1, skinning = -1, rigidSlot = -1, bones = -1, muscleAxis = -1,
          muscleSpan = -1;
  };
  // mesh.vert/mesh.frag twice: plain, and with FIBRES for meshes that carry fibres (the striated
  // muscles). The plain one has half the varyings, which a software rasteriser sets up and
  // interpolates for every triangle and pixel of the bones, nerves and vessels.
  struct MeshProgram {
    std::optional<ShaderProgram> program;
    MeshUniforms uniforms;
  };
  static Result<MeshProgram> createMeshProgram(bool fibres);
  MeshProgram plainMesh_, fibredMesh_;
  std::optional<ShaderProgram> backgroundProgram_;
  struct BackgroundUniforms {
    GLint top = -1, bottom = -1;
  } background_;
  // Core profile needs a bound VAO even for the buffer-less background. Owned: deleted with the
  // renderer; a move hands it over.
  struct OwnedVertexArray {
    GLuint id = 0;
    OwnedVertexArray() = default;
    OwnedVertexArray(OwnedVertexArray &&other) noexcept : id(other.id) { other.id = 0; }
    OwnedVertexArray &operator=(OwnedVertexArray &&other) noexcept {
      std::swap(id, other.id);
      return *this;
    }
    OwnedVertexArray(const OwnedVertexArray &) = delete;
    OwnedVertexArray &operator=(const OwnedVertexArray &) = delete;
    ~OwnedVertexArray();
  };
  OwnedVertexArray emptyVao_;

  // A draw held back: fibred opaque meshes (drawn after the plain ones, one program switch a frame)
  // and ghosted ones (sorted far to near).
  struct QueuedDraw {
    GLuint vao;
    GLsizei indexCount;
    glm::vec4 color;
    float highlight;
    float glow;
    float depth;
    const GpuMesh *mesh; // for its fibres and pose
    bool ownColour;
  };
  // Puts the mesh's program in use if another is, and sets its style, pose and vertex array.
  void prepare(const QueuedDraw &draw, const SkinnedDraw *pose, const MeshProgram *&inUse) const;
  static void setSkinning(const MeshUniforms &u, const GpuMesh &mesh, const SkinnedDraw *pose);
  mutable std::vector<QueuedDraw> fibred_;      // reused: no allocation per frame once grown
  mutable std::vector<QueuedDraw> transparent_; // reused: no allocation per frame once grown
};

} // namespace atlas
