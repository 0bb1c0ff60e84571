// Camera: an orbit camera around a target point, in the anatomical frame of the model
// (+X patient's left, +Y superior, +Z anterior; metres). Pure maths, no GL.
#pragma once

#include "scene/bounds.h"

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>
#include <optional>
#include <string>
#include <vector>

namespace atlas {

enum class StandardView { Default, Anterior, Posterior, Left, Right, Superior, Inferior };

const char *standardViewName(StandardView view); // "anterior", ..., "default"
std::optional<StandardView> standardViewFromName(const std::string &name);

struct Ray {
  glm::vec3 origin;
  glm::vec3 direction; // unit length
};

struct Camera {
  glm::vec3 target{0.0f};
  float distance = 1.0f;
  glm::quat orientation{1.0f, 0.0f, 0.0f, 0.0f}; // camera-to-world; the camera looks along -Z
  float fovY = glm::radians(30.0f);
  float sceneRadius = 1.0f; // sets the clip planes so zooming in never clips the model

  glm::vec3 forward() const { return orientation * glm::vec3(0.0f, 0.0f, -1.0f); }
  glm::vec3 up() const { return orientation * glm::vec3(0.0f, 1.0f, 0.0f); }
  glm::vec3 right() const { return orientation * glm::vec3(1.0f, 0.0f, 0.0f); }
  glm::vec3 eye() const { return target - forward() * distance; }

  glm::mat4 viewMatrix() const;
  glm::mat4 projectionMatrix(float aspect) const;
  float nearPlane() const;
  float farPlane() const;

  // Turntable orbit: yaw about the world's superior axis, pitch about the camera's right axis.
  void orbit(float yawRadians, float pitchRadians);
  // Moves the target in the view plane by a fraction of the view height (dx, dy in [-1, 1] units).
  void pan(float dxViewHeights, float dyViewHeights);
  // factor < 1 moves closer; distance stays within sensible bounds of the scene size.
  void zoom(float factor);
  // Zooms as zoom() does, toward `point` (what is under the cursor): the point stays on the same
  // pixel, because the eye and the target move along the lines through it.
  void zoomToward(float factor, const glm::vec3 &point);

  // A ray from the eye through pixel (x, y) of a width x height image; (0, 0) is the top-left
  // corner, and pixel centres are at +0.5, exactly as the rasteriser samples them.
  Ray rayThroughPixel(float x, float y, int width, int height) const;
  // Projects a model-space point to pixel coordinates (top-left origin); nullopt when behind.
  std::optional<glm::vec2> project(const glm::vec3 &point, int width, int height) const;
};

// A camera looking at the whole of `bounds` from a standard anatomical direction.
Camera standardViewCamera(StandardView view, const Bounds &bounds, float aspect);
// Points to frame, borrowed from where they live (a model's meshes): framing a whole model visits its
// vertices without copying them.
struct PointSets {
  std::vector<const std::vector<glm::vec3> *> sets;
  PointSets() = default;
  PointSets(const std::vector<glm::vec3> &points) : sets{&points} {} // NOLINT: one set converts
  template <class Visit> void forEach(Visit &&visit) const {
    for (const std::vector<glm::vec3> *set : sets)
      for (const glm::vec3 &p : *set)
        visit(p);
  }
};

// The same, framing `points` (framePoints).
Camera standardViewCamera(StandardView view, const PointSets &points, float aspect);
// Keeps the direction, re-centres and sets the distance so `bounds` fills the view.
void frameBounds(Camera &camera, const Bounds &bounds, float aspect);
// Keeps the direction; centres the view on the points' extent across the screen and sets the distance
// so that every point is inside it. A model's own points (its vertices) fit an oblique view far more
// tightly than the corners of one box round them, which stand out in front of and behind the model.
void framePoints(Camera &camera, const PointSets &points, float aspect);
// The camera looking along a standard view's direction (with its screen up), other fields kept.
glm::quat standardViewOrientation(StandardView view);
// Smooth interpolation for animated view changes: t in [0, 1].
Camera interpolate(const Camera &from, const Camera &to, float t);

} // namespace atlas
