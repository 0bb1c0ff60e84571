// A coarse grid over a screen rectangle that records which cells a set of projected shapes covers:
// the screen footprint of structures, so labels and the legend can be placed where they hide
// nothing that matters. Cells are a few pixels wide; a query asks whether any marked cell touches a
// rectangle, answered in constant time from a summed-area table.
#pragma once

#include "scene/camera.h"
#include "scene/label_layout.h"
#include "scene/mesh_data.h"

#include <cstdint>
#include <glm/glm.hpp>
#include <vector>

namespace atlas {

class ScreenOccupancy {
public:
  ScreenOccupancy() = default;
  // A grid over `area` with square cells of `cell` pixels (at least 1).
  ScreenOccupancy(const ScreenRect &area, float cell);

  const ScreenRect &area() const { return area_; }
  float cellSize() const { return cell_; }
  int columns() const { return columns_; }
  int rows() const { return rows_; }
  bool empty() const { return columns_ == 0 || rows_ == 0; }

  // Marks every cell the triangle touches: cells whose centre lies inside it, and the cells of its
  // corners (so a triangle thinner than a cell still leaves a trace).
  void markTriangle(glm::vec2 a, glm::vec2 b, glm::vec2 c);
  void markRect(const ScreenRect &rect);
  void markPoint(glm::vec2 p);
  // Marks every cell within `cells` cells of a marked one (a margin around the footprint).
  void dilate(int cells);

  bool marked(int column, int row) const;
  // Number of marked cells that overlap `rect` (clipped to the grid).
  int markedIn(const ScreenRect &rect) const;
  bool anyMarkedIn(const ScreenRect &rect) const { return markedIn(rect) > 0; }
  int markedCount() const;
  // The smallest rectangle holding every marked cell; empty (min == max) when none is marked.
  ScreenRect markedBounds() const;

private:
  void buildSums() const;
  ScreenRect area_;
  float cell_ = 1.0f;
  int columns_ = 0, rows_ = 0;
  std::vector<std::uint8_t> cells_;
  mutable std::vector<int> sums_; // (columns + 1) x (rows + 1) summed-area table, built on demand
  mutable bool sumsValid_ = false;
};

// Marks where `mesh` lands on screen as `camera` sees it in the view rectangle `view` (x, y, width,
// height in image pixels), scaled by `toGrid` into the grid's coordinates (image pixels to interface
// pixels). With `vertexStride` 1 every triangle is filled; above 1 only every n-th vertex is marked (a
// cheaper, sparser trace for large meshes).
void markProjectedMesh(ScreenOccupancy &grid, const MeshData &mesh, const Camera &camera,
                       const glm::vec4 &view, glm::vec2 toGrid, int vertexStride = 1);

} // namespace atlas
