#include "scene/body_outline.h"

namespace atlas {

namespace {
// The patient's right half, from the top of the head down the side of the head, the neck, the slope
// of the trapezius and the shoulder to the upper arm (metres); the left half is its mirror image.
const glm::vec2 kRightHalf[] = {
    {0.000f, 0.305f},   {-0.040f, 0.298f},  {-0.066f, 0.276f},  {-0.076f, 0.240f},
    {-0.078f, 0.200f},  {-0.073f, 0.165f},  {-0.064f, 0.135f},  {-0.055f, 0.112f}, // the angle of the jaw
    {-0.053f, 0.080f},  {-0.055f, 0.040f},  {-0.060f, 0.015f},                     // the side of the neck
    {-0.085f, -0.005f}, {-0.130f, -0.022f}, {-0.170f, -0.035f}, // the slope to the shoulder
    {-0.195f, -0.052f}, {-0.207f, -0.080f}, {-0.212f, -0.120f}, {-0.212f, -0.150f}, // shoulder, arm
};
} // namespace

const std::vector<glm::vec2> &bodyOutlineFront() {
  static const std::vector<glm::vec2> outline = [] {
    std::vector<glm::vec2> points;
    // Counter-clockwise seen from the front: down the left half (+X), across the chest, up the right.
    const std::size_t n = sizeof kRightHalf / sizeof kRightHalf[0];
    for (std::size_t i = 0; i < n; ++i)
      points.push_back({-kRightHalf[i].x, kRightHalf[i].y});
    for (std::size_t i = n; i-- > 1;) // the top of the head is already there
      points.push_back(kRightHalf[i]);
    return points;
  }();
  return outline;
}

bool insideBodyOutline(const glm::vec2 &point) {
  const std::vector<glm::vec2> &poly = bodyOutlineFront();
  bool inside = false; // even-odd rule; the bottom edge across the chest closes the polygon
  for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
    const glm::vec2 &a = poly[i], &b = poly[j];
    if ((a.y > point.y) != (b.y > point.y) && point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}

} // namespace atlas
