// Camera maths: standard anatomical views, framing, rays and projection agree with each other.
#include "scene/camera.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace atlas;

namespace {
Bounds testBounds() {
  Bounds b;
  b.extend(glm::vec3(-0.08f, -0.10f, -0.06f));
  b.extend(glm::vec3(0.08f, 0.12f, 0.05f));
  return b;
}
} // namespace

TEST_CASE("standard views look from the anatomical directions", "[camera]") {
  const Bounds b = testBounds();
  struct Expect {
    StandardView view;
    glm::vec3 eyeSide; // where the eye is relative to the target
    glm::vec3 screenUp;
  };
  const Expect cases[] = {
      {StandardView::Anterior, {0, 0, 1}, {0, 1, 0}}, {StandardView::Posterior, {0, 0, -1}, {0, 1, 0}},
      {StandardView::Left, {1, 0, 0}, {0, 1, 0}},     {StandardView::Right, {-1, 0, 0}, {0, 1, 0}},
      {StandardView::Superior, {0, 1, 0}, {0, 0, 1}}, {StandardView::Inferior, {0, -1, 0}, {0, 0, 1}},
  };
  for (const Expect &e : cases) {
    INFO(standardViewName(e.view));
    const Camera c = standardViewCamera(e.view, b, 16.0f / 9.0f);
    const glm::vec3 toEye = glm::normalize(c.eye() - c.target);
    CHECK(glm::dot(toEye, e.eyeSide) == Approx(1.0f).margin(1e-5));
    CHECK(glm::dot(c.up(), e.screenUp) == Approx(1.0f).margin(1e-5));
    CHECK(glm::length(c.target - b.center()) == Approx(0.0f).margin(1e-6));
  }
  // In the anterior view the patient's left (+X) is on the viewer's right.
  const Camera anterior = standardViewCamera(StandardView::Anterior, b, 1.0f);
  CHECK(anterior.right().x == Approx(1.0f).margin(1e-5));
}

TEST_CASE("view names round-trip and unknown names are rejected", "[camera]") {
  for (StandardView v :
       {StandardView::Default, StandardView::Anterior, StandardView::Posterior, StandardView::Left,
        StandardView::Right, StandardView::Superior, StandardView::Inferior})
    CHECK(standardViewFromName(standardViewName(v)) == v);
  CHECK_FALSE(standardViewFromName("sideways"));
}

TEST_CASE("framing puts every corner of the bounds inside the image", "[camera]") {
  const Bounds b = testBounds();
  for (float aspect : {0.5f, 1.0f, 16.0f / 9.0f, 3.0f}) {
    const int w = static_cast<int>(720 * aspect), h = 720;
    for (StandardView v :
         {StandardView::Default, StandardView::Anterior, StandardView::Left, StandardView::Superior}) {
      const Camera c = standardViewCamera(v, b, aspect);
      for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner(i & 1 ? b.max.x : b.min.x, i & 2 ? b.max.y : b.min.y,
                               i & 4 ? b.max.z : b.min.z);
        auto p = c.project(corner, w, h);
        REQUIRE(p);
        CHECK(p->x >= 0.0f);
        CHECK(p->x <= static_cast<float>(w));
        CHECK(p->y >= 0.0f);
        CHECK(p->y <= static_cast<float>(h));
      }
    }
  }
}

TEST_CASE("framing points fits them all and fills the view, tighter than their box", "[camera]") {
  // An L of points seen obliquely, like a neck with ribs: the corners of its box stand far out in
  // front of and behind the points, so a box-framed view leaves them small.
  std::vector<glm::vec3> points;
  for (int i = 0; i <= 20; ++i) {
    points.emplace_back(0.0f, -0.10f + 0.01f * static_cast<float>(i), 0.0f);    // the column
    points.emplace_back(-0.10f + 0.01f * static_cast<float>(i), -0.10f, 0.04f); // the base
  }
  Bounds box;
  for (const glm::vec3 &p : points)
    box.extend(p);
  for (float aspect : {0.5f, 16.0f / 9.0f}) {
    const int w = static_cast<int>(720 * aspect), h = 720;
    const Camera tight = standardViewCamera(StandardView::Default, points, aspect);
    const Camera loose = standardViewCamera(StandardView::Default, box, aspect);
    glm::vec2 low(1e9f), high(-1e9f);
    for (const glm::vec3 &p : points) {
      auto q = tight.project(p, w, h);
      REQUIRE(q);
      CHECK(q->x >= 0.0f);
      CHECK(q->x <= static_cast<float>(w));
      CHECK(q->y >= 0.0f);
      CHECK(q->y <= static_cast<float>(h));
      low = glm::min(low, *q);
      high = glm::max(high, *q);
    }
    // Filled: the points span at least 85 % of the width or the height (the margin is 6 %), and
    // centred: the gaps either side of them differ by less than 5 % of the frame.
    const float fill =
        std::max((high.x - low.x) / static_cast<float>(w), (high.y - low.y) / static_cast<float>(h));
    CHECK(fill > 0.85f);
    CHECK(std::abs(low.x - (static_cast<float>(w) - high.x)) < 0.05f * static_cast<float>(w));
    CHECK(std::abs(low.y - (static_cast<float>(h) - high.y)) < 0.05f * static_cast<float>(h));
    CHECK(tight.distance < loose.distance * 0.95f);
  }
}

TEST_CASE("a ray through a pixel passes through the point that projects there", "[camera]") {
  const Camera c = standardViewCamera(StandardView::Default, testBounds(), 1280.0f / 720.0f);
  const glm::vec3 point(0.02f, 0.03f, -0.01f);
  auto pixel = c.project(point, 1280, 720);
  REQUIRE(pixel);
  const Ray ray = c.rayThroughPixel(pixel->x, pixel->y, 1280, 720);
  const glm::vec3 toPoint = glm::normalize(point - ray.origin);
  CHECK(glm::dot(toPoint, ray.direction) == Approx(1.0f).margin(1e-6));
}

TEST_CASE("orbit keeps the distance, zoom is bounded, interpolation hits both ends", "[camera]") {
  Camera c = standardViewCamera(StandardView::Anterior, testBounds(), 1.0f);
  const float d = c.distance;
  const glm::vec3 target = c.target;
  c.orbit(0.7f, -0.3f);
  CHECK(glm::length(c.eye() - c.target) == Approx(d));
  CHECK(c.target == target);
  for (int i = 0; i < 100; ++i)
    c.zoom(0.5f);
  CHECK(c.distance >= c.sceneRadius * 0.05f - 1e-6f);
  CHECK(c.nearPlane() > 0.0f);
  const Camera a = standardViewCamera(StandardView::Left, testBounds(), 1.0f);
  const Camera b = standardViewCamera(StandardView::Superior, testBounds(), 1.0f);
  CHECK(glm::length(interpolate(a, b, 0.0f).eye() - a.eye()) == Approx(0.0f).margin(1e-5));
  CHECK(glm::length(interpolate(a, b, 1.0f).eye() - b.eye()) == Approx(0.0f).margin(1e-5));
  const Camera mid = interpolate(a, b, 0.5f);
  // Zoom is interpolated geometrically, so halfway is the geometric mean of the two distances.
  CHECK(glm::length(mid.eye() - mid.target) == Approx(std::sqrt(a.distance * b.distance)).epsilon(1e-4));
}

TEST_CASE("zoom never moves the camera the wrong way, even nearer than its bound", "[camera]") {
  // A close-up of a small part (a 2 mm nerve) frames it nearer than 5 % of the scene's radius, the
  // bound zoom keeps to (atlas-soak, seed 12345: a wheel step in moved the camera out).
  Camera c = standardViewCamera(StandardView::Anterior, testBounds(), 1.0f);
  c.distance = c.sceneRadius * 0.03f;
  const float near = c.distance;
  c.zoom(0.9f);
  CHECK(c.distance <= near);
  c.zoom(1.1f);
  CHECK(c.distance >= near * 0.9f);
  c.distance = c.sceneRadius * 30.0f; // and out beyond the far bound
  c.zoom(1.1f);
  CHECK(c.distance >= c.sceneRadius * 30.0f - 1e-6f);
  c.zoom(0.9f);
  CHECK(c.distance < c.sceneRadius * 30.0f);
}

TEST_CASE("panning moves the target in the view plane", "[camera]") {
  Camera c = standardViewCamera(StandardView::Anterior, testBounds(), 1.0f);
  const glm::vec3 before = c.target;
  c.pan(0.1f, 0.0f);
  const glm::vec3 moved = c.target - before;
  CHECK(moved.x < 0.0f); // dragging right moves the scene right, i.e. the target left
  CHECK(moved.y == Approx(0.0f).margin(1e-6));
  CHECK(moved.z == Approx(0.0f).margin(1e-6));
}

TEST_CASE("zooming toward a point keeps that point on the same pixel", "[camera]") {
  const Bounds b = testBounds();
  Camera c = standardViewCamera(StandardView::Anterior, b, 16.0f / 9.0f);
  c.orbit(0.4f, -0.2f);
  const glm::vec3 point(0.05f, 0.08f, 0.02f); // off the view's centre
  const glm::vec2 before = *c.project(point, 1280, 720);
  const float distanceBefore = c.distance;
  const glm::vec3 targetBefore = c.target;
  c.zoomToward(0.5f, point);
  CHECK(c.distance == Approx(distanceBefore * 0.5f));
  const glm::vec2 after = *c.project(point, 1280, 720);
  CHECK(after.x == Approx(before.x).margin(0.01));
  CHECK(after.y == Approx(before.y).margin(0.01));
  // The target moved halfway toward the point; zooming back out returns it.
  CHECK(glm::length(c.target - (targetBefore + point) * 0.5f) == Approx(0.0f).margin(1e-6));
  c.zoomToward(2.0f, point);
  CHECK(glm::length(c.target - targetBefore) == Approx(0.0f).margin(1e-6));
}
