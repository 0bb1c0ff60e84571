#include "scene/camera.h"

#include "core/enum_names.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>
#include <limits>
#include <utility>

namespace atlas {
namespace {

constexpr std::array<std::pair<StandardView, const char *>, 7> kViewNames{{
    {StandardView::Default, "default"},
    {StandardView::Anterior, "anterior"},
    {StandardView::Posterior, "posterior"},
    {StandardView::Left, "left"},
    {StandardView::Right, "right"},
    {StandardView::Superior, "superior"},
    {StandardView::Inferior, "inferior"},
}};

// Direction the camera looks along, and the screen's up, for each view.
std::pair<glm::vec3, glm::vec3> viewAxes(StandardView view) {
  switch (view) {
  case StandardView::Anterior: // in front of the patient, looking back
    return {{0, 0, -1}, {0, 1, 0}};
  case StandardView::Posterior:
    return {{0, 0, 1}, {0, 1, 0}};
  case StandardView::Left: // at the patient's left (+X), looking toward -X
    return {{-1, 0, 0}, {0, 1, 0}};
  case StandardView::Right:
    return {{1, 0, 0}, {0, 1, 0}};
  case StandardView::Superior: // from above; anterior at the top of the screen
    return {{0, -1, 0}, {0, 0, 1}};
  case StandardView::Inferior:
    return {{0, 1, 0}, {0, 0, 1}};
  case StandardView::Default:
    break;
  }
  // From the patient's right, a little behind and above: the scalenus posterior, the deepest and
  // most posterior scalene, shows between the medius and the neck's posterior elements.
  return {glm::normalize(glm::vec3(0.9f, -0.15f, 0.3f)), {0, 1, 0}};
}

} // namespace

const char *standardViewName(StandardView view) {
  return nameIn(kViewNames, view, "default");
}

std::optional<StandardView> standardViewFromName(const std::string &name) {
  return valueNamed(kViewNames, name);
}

glm::mat4 Camera::viewMatrix() const {
  return glm::lookAt(eye(), target, up());
}

float Camera::nearPlane() const {
  return std::max(distance - 2.0f * sceneRadius, distance * 0.01f);
}
float Camera::farPlane() const {
  return distance + 2.0f * sceneRadius;
}

glm::mat4 Camera::projectionMatrix(float aspect) const {
  return glm::perspective(fovY, std::max(aspect, 1e-3f), nearPlane(), farPlane());
}

void Camera::orbit(float yawRadians, float pitchRadians) {
  const glm::quat yaw = glm::angleAxis(yawRadians, glm::vec3(0, 1, 0));
  const glm::quat pitch = glm::angleAxis(pitchRadians, right());
  orientation = glm::normalize(yaw * pitch * orientation);
}

void Camera::pan(float dxViewHeights, float dyViewHeights) {
  const float viewHeight = 2.0f * distance * std::tan(fovY * 0.5f);
  target += (-dxViewHeights * right() + dyViewHeights * up()) * viewHeight;
}

void Camera::zoom(float factor) {
  // Within sensible bounds of the scene, but never the wrong way: a close-up of a small part may
  // already be nearer than the bound, and zooming in must not then move the camera out.
  const float lo = std::min(distance, sceneRadius * 0.05f), hi = std::max(distance, sceneRadius * 20.0f);
  distance = std::clamp(distance * factor, lo, hi);
}

void Camera::zoomToward(float factor, const glm::vec3 &point) {
  const float before = distance;
  zoom(factor);
  const float k = distance / std::max(before, 1e-9f);
  target = point + (target - point) * k;
}

Ray Camera::rayThroughPixel(float x, float y, int width, int height) const {
  const float aspect = static_cast<float>(width) / static_cast<float>(std::max(height, 1));
  const float ndcX = 2.0f * x / static_cast<float>(width) - 1.0f;
  const float ndcY = 1.0f - 2.0f * y / static_cast<float>(height);
  const float t = std::tan(fovY * 0.5f);
  const glm::vec3 dir = glm::normalize(forward() + right() * (ndcX * t * aspect) + up() * (ndcY * t));
  return {eye(), dir};
}

std::optional<glm::vec2> Camera::project(const glm::vec3 &point, int width, int height) const {
  const float aspect = static_cast<float>(width) / static_cast<float>(std::max(height, 1));
  const glm::vec4 clip = projectionMatrix(aspect) * viewMatrix() * glm::vec4(point, 1.0f);
  if (clip.w <= 0.0f)
    return std::nullopt;
  const glm::vec3 ndc = glm::vec3(clip) / clip.w;
  return glm::vec2((ndc.x + 1.0f) * 0.5f * static_cast<float>(width),
                   (1.0f - ndc.y) * 0.5f * static_cast<float>(height));
}

void frameBounds(Camera &camera, const Bounds &bounds, float aspect) {
  // The eight corners of the box: their extent as seen is symmetric about the box's centre.
  std::vector<glm::vec3> corners;
  if (!bounds.empty())
    for (int i = 0; i < 8; ++i)
      corners.emplace_back(i & 1 ? bounds.max.x : bounds.min.x, i & 2 ? bounds.max.y : bounds.min.y,
                           i & 4 ? bounds.max.z : bounds.min.z);
  framePoints(camera, corners, aspect);
}

void framePoints(Camera &camera, const PointSets &points, float aspect) {
  Bounds bounds;
  points.forEach([&](const glm::vec3 &p) { bounds.extend(p); });
  const float radius = std::max(bounds.radius(), 1e-4f);
  camera.sceneRadius = std::max(camera.sceneRadius, radius);
  if (bounds.empty()) {
    camera.target = glm::vec3(0.0f);
    camera.distance = radius * 0.1f;
    return;
  }
  // Centre the picture on the points' extent across and up the screen (measured in the view plane,
  // so on the middle of what is seen, not on the middle of a box round it).
  const glm::vec3 centre = bounds.center();
  // The direction does not change here: its axes once, not per point (a quaternion rotation each).
  const glm::vec3 right = camera.right(), up = camera.up(), forward = camera.forward();
  glm::vec2 low(std::numeric_limits<float>::max()), high(-std::numeric_limits<float>::max());
  float nearest = -std::numeric_limits<float>::max(), farthest = std::numeric_limits<float>::max();
  points.forEach([&](const glm::vec3 &p) {
    const glm::vec2 q(glm::dot(p - centre, right), glm::dot(p - centre, up));
    low = glm::min(low, q);
    high = glm::max(high, q);
    const float towardEye = -glm::dot(p - centre, forward); // unchanged by moving the target across
    nearest = std::max(nearest, towardEye);
    farthest = std::min(farthest, towardEye);
  });
  // The eye stays at least as far in front of the nearest point as the points are deep, so that their
  // far end is drawn no smaller than half the size of their near end: a deep part framed end on (a
  // vessel from above) brought the eye so near that what lay just in front of it filled half the
  // picture (lecturer review, eleventh pass).
  const float leastDistance = nearest + (nearest - farthest);
  const glm::vec2 middle = (low + high) * 0.5f;
  camera.target = centre + right * middle.x + up * middle.y;
  // Fit every point exactly for this direction and perspective, with a small margin. Perspective
  // draws the near side of the model larger, so the picture is re-centred on the points as they are
  // projected, and fitted again, a few times (each pass removes most of what is left over).
  const float tanY = std::tan(camera.fovY * 0.5f);
  const float tanX = tanY * std::max(aspect, 1e-3f);
  auto fit = [&] {
    float distance = 0.0f;
    points.forEach([&](const glm::vec3 &p) {
      const glm::vec3 offset = p - camera.target;
      const float x = glm::dot(offset, right), y = glm::dot(offset, up);
      const float towardEye = -glm::dot(offset, forward);
      distance = std::max({distance, towardEye + std::abs(x) / tanX, towardEye + std::abs(y) / tanY});
    });
    // The margin (a tenth: the parts a close-up frames keep a little of what they attach to in
    // sight), before centring, since it changes the perspective.
    return std::max(distance * 1.10f, leastDistance);
  };
  float distance = fit();
  for (int pass = 0; pass < 8 && distance > 0.0f; ++pass) {
    glm::vec2 lowNdc(std::numeric_limits<float>::max()), highNdc(-std::numeric_limits<float>::max());
    points.forEach([&](const glm::vec3 &p) {
      const glm::vec3 offset = p - camera.target;
      const float depth = std::max(distance + glm::dot(offset, forward), 1e-6f);
      const glm::vec2 ndc(glm::dot(offset, right) / (depth * tanX), glm::dot(offset, up) / (depth * tanY));
      lowNdc = glm::min(lowNdc, ndc);
      highNdc = glm::max(highNdc, ndc);
    });
    const glm::vec2 shift = (lowNdc + highNdc) * 0.5f;
    if (std::max(std::abs(shift.x), std::abs(shift.y)) < 1e-4f)
      break; // centred to a few hundredths of a pixel: usually after two or three passes
    camera.target += right * (shift.x * distance * tanX) + up * (shift.y * distance * tanY);
    distance = fit();
  }
  camera.distance = std::max(distance, radius * 0.1f);
}

glm::quat standardViewOrientation(StandardView view) {
  const auto [forward, up] = viewAxes(view);
  return glm::quatLookAt(forward, up);
}

Camera standardViewCamera(StandardView view, const Bounds &bounds, float aspect) {
  Camera camera;
  camera.orientation = standardViewOrientation(view);
  camera.sceneRadius = std::max(bounds.radius(), 1e-4f);
  frameBounds(camera, bounds, aspect);
  return camera;
}

Camera standardViewCamera(StandardView view, const PointSets &points, float aspect) {
  Camera camera;
  camera.orientation = standardViewOrientation(view);
  camera.sceneRadius = 1e-4f; // framePoints raises it to the points' radius
  framePoints(camera, points, aspect);
  return camera;
}

Camera interpolate(const Camera &from, const Camera &to, float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  const float s = t * t * (3.0f - 2.0f * t); // ease in and out
  Camera c = to;
  c.target = glm::mix(from.target, to.target, s);
  // Zoom feels even when the distance changes geometrically.
  c.distance = from.distance * std::pow(to.distance / from.distance, s);
  c.orientation = glm::slerp(from.orientation, to.orientation, s);
  c.sceneRadius = std::max(from.sceneRadius, to.sceneRadius);
  return c;
}

} // namespace atlas
