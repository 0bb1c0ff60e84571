#include "scene/screen_occupancy.h"

#include <algorithm>
#include <cmath>

namespace atlas {

ScreenOccupancy::ScreenOccupancy(const ScreenRect &area, float cell)
    : area_(area), cell_(std::max(cell, 1.0f)) {
  columns_ = std::max(static_cast<int>(std::ceil(std::max(area.width(), 0.0f) / cell_)), 0);
  rows_ = std::max(static_cast<int>(std::ceil(std::max(area.height(), 0.0f) / cell_)), 0);
  cells_.assign(static_cast<std::size_t>(columns_) * static_cast<std::size_t>(rows_), 0);
}

void ScreenOccupancy::markPoint(glm::vec2 p) {
  const int c = static_cast<int>(std::floor((p.x - area_.min.x) / cell_));
  const int r = static_cast<int>(std::floor((p.y - area_.min.y) / cell_));
  if (c < 0 || r < 0 || c >= columns_ || r >= rows_)
    return;
  cells_[static_cast<std::size_t>(r) * static_cast<std::size_t>(columns_) + static_cast<std::size_t>(c)] = 1;
  sumsValid_ = false;
}

void ScreenOccupancy::markRect(const ScreenRect &rect) {
  const int c0 = std::max(static_cast<int>(std::floor((rect.min.x - area_.min.x) / cell_)), 0);
  const int r0 = std::max(static_cast<int>(std::floor((rect.min.y - area_.min.y) / cell_)), 0);
  const int c1 = std::min(static_cast<int>(std::ceil((rect.max.x - area_.min.x) / cell_)), columns_);
  const int r1 = std::min(static_cast<int>(std::ceil((rect.max.y - area_.min.y) / cell_)), rows_);
  for (int r = r0; r < r1; ++r)
    for (int c = c0; c < c1; ++c)
      cells_[static_cast<std::size_t>(r) * static_cast<std::size_t>(columns_) + static_cast<std::size_t>(c)] =
          1;
  sumsValid_ = false;
}

void ScreenOccupancy::markTriangle(glm::vec2 a, glm::vec2 b, glm::vec2 c) {
  markPoint(a);
  markPoint(b);
  markPoint(c);
  // Cell centres inside the triangle, by the signs of the three edge functions.
  const glm::vec2 lo = glm::min(a, glm::min(b, c)), hi = glm::max(a, glm::max(b, c));
  const int c0 = std::max(static_cast<int>(std::floor((lo.x - area_.min.x) / cell_)), 0);
  const int r0 = std::max(static_cast<int>(std::floor((lo.y - area_.min.y) / cell_)), 0);
  const int c1 = std::min(static_cast<int>(std::floor((hi.x - area_.min.x) / cell_)), columns_ - 1);
  const int r1 = std::min(static_cast<int>(std::floor((hi.y - area_.min.y) / cell_)), rows_ - 1);
  const auto edge = [](glm::vec2 p, glm::vec2 q, glm::vec2 x) {
    return (q.x - p.x) * (x.y - p.y) - (q.y - p.y) * (x.x - p.x);
  };
  for (int r = r0; r <= r1; ++r)
    for (int col = c0; col <= c1; ++col) {
      const glm::vec2 centre(area_.min.x + (static_cast<float>(col) + 0.5f) * cell_,
                             area_.min.y + (static_cast<float>(r) + 0.5f) * cell_);
      const float e0 = edge(a, b, centre), e1 = edge(b, c, centre), e2 = edge(c, a, centre);
      if ((e0 >= 0.0f && e1 >= 0.0f && e2 >= 0.0f) || (e0 <= 0.0f && e1 <= 0.0f && e2 <= 0.0f)) {
        cells_[static_cast<std::size_t>(r) * static_cast<std::size_t>(columns_) +
               static_cast<std::size_t>(col)] = 1;
        sumsValid_ = false;
      }
    }
}

void ScreenOccupancy::dilate(int cellsAround) {
  if (cellsAround <= 0 || empty())
    return;
  const std::vector<std::uint8_t> before = cells_;
  for (int r = 0; r < rows_; ++r)
    for (int c = 0; c < columns_; ++c) {
      if (!before[static_cast<std::size_t>(r) * static_cast<std::size_t>(columns_) +
                  static_cast<std::size_t>(c)])
        continue;
      for (int dr = std::max(r - cellsAround, 0); dr <= std::min(r + cellsAround, rows_ - 1); ++dr)
        for (int dc = std::max(c - cellsAround, 0); dc <= std::min(c + cellsAround, columns_ - 1); ++dc)
          cells_[static_cast<std::size_t>(dr) * static_cast<std::size_t>(columns_) +
                 static_cast<std::size_t>(dc)] = 1;
    }
  sumsValid_ = false;
}

bool ScreenOccupancy::marked(int column, int row) const {
  if (column < 0 || row < 0 || column >= columns_ || row >= rows_)
    return false;
  return cells_[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns_) +
                static_cast<std::size_t>(column)] != 0;
}

void ScreenOccupancy::buildSums() const {
  const std::size_t stride = static_cast<std::size_t>(columns_) + 1;
  sums_.assign(stride * (static_cast<std::size_t>(rows_) + 1), 0);
  for (int r = 0; r < rows_; ++r)
    for (int c = 0; c < columns_; ++c) {
      const std::size_t at = (static_cast<std::size_t>(r) + 1) * stride + static_cast<std::size_t>(c) + 1;
      sums_[at] = (marked(c, r) ? 1 : 0) + sums_[at - 1] + sums_[at - stride] - sums_[at - stride - 1];
    }
  sumsValid_ = true;
}

int ScreenOccupancy::markedIn(const ScreenRect &rect) const {
  if (empty())
    return 0;
  if (!sumsValid_)
    buildSums();
  const int c0 = std::max(static_cast<int>(std::floor((rect.min.x - area_.min.x) / cell_)), 0);
  const int r0 = std::max(static_cast<int>(std::floor((rect.min.y - area_.min.y) / cell_)), 0);
  const int c1 = std::min(static_cast<int>(std::ceil((rect.max.x - area_.min.x) / cell_)), columns_);
  const int r1 = std::min(static_cast<int>(std::ceil((rect.max.y - area_.min.y) / cell_)), rows_);
  if (c0 >= c1 || r0 >= r1)
    return 0;
  const std::size_t stride = static_cast<std::size_t>(columns_) + 1;
  const auto at = [&](int c, int r) {
    return sums_[static_cast<std::size_t>(r) * stride + static_cast<std::size_t>(c)];
  };
  return at(c1, r1) - at(c0, r1) - at(c1, r0) + at(c0, r0);
}

int ScreenOccupancy::markedCount() const {
  return static_cast<int>(std::count(cells_.begin(), cells_.end(), std::uint8_t{1}));
}

ScreenRect ScreenOccupancy::markedBounds() const {
  int c0 = columns_, r0 = rows_, c1 = -1, r1 = -1;
  for (int r = 0; r < rows_; ++r)
    for (int c = 0; c < columns_; ++c)
      if (marked(c, r)) {
        c0 = std::min(c0, c);
        r0 = std::min(r0, r);
        c1 = std::max(c1, c);
        r1 = std::max(r1, r);
      }
  if (c1 < 0)
    return ScreenRect{area_.min, area_.min};
  return ScreenRect{area_.min + glm::vec2(static_cast<float>(c0), static_cast<float>(r0)) * cell_,
                    area_.min + glm::vec2(static_cast<float>(c1 + 1), static_cast<float>(r1 + 1)) * cell_};
}

void markProjectedMesh(ScreenOccupancy &grid, const MeshData &mesh, const Camera &camera,
                       const glm::vec4 &view, glm::vec2 toGrid, int vertexStride) {
  if (mesh.positions.empty() || view.z <= 0.0f || view.w <= 0.0f)
    return;
  // The same projection as Camera::project, with the matrices built once.
  const glm::mat4 toClip = camera.projectionMatrix(view.z / view.w) * camera.viewMatrix();
  std::vector<glm::vec2> screen(mesh.positions.size());
  std::vector<std::uint8_t> inFront(mesh.positions.size(), 0);
  const std::size_t stride = static_cast<std::size_t>(std::max(vertexStride, 1));
  for (std::size_t i = 0; i < mesh.positions.size(); i += (stride > 1 ? stride : 1)) {
    const glm::vec4 clip = toClip * glm::vec4(mesh.positions[i], 1.0f);
    if (clip.w <= 0.0f)
      continue;
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    screen[i] =
        glm::vec2(view.x + (ndc.x + 1.0f) * 0.5f * view.z, view.y + (1.0f - ndc.y) * 0.5f * view.w) * toGrid;
    inFront[i] = 1;
    if (stride > 1)
      grid.markPoint(screen[i]);
  }
  if (stride > 1)
    return;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    if (a < screen.size() && b < screen.size() && c < screen.size() && inFront[a] && inFront[b] && inFront[c])
      grid.markTriangle(screen[a], screen[b], screen[c]);
  }
}

} // namespace atlas
