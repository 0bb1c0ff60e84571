// The budgets of LoadLimits for the scene a loader builds, counted as it is EXPANDED: every node that
// uses a mesh gets its own copy, so a mesh used by 250 nodes counts 250 times. Each mesh instance and
// node is checked before anything is allocated for it. Shared by both loaders; not public.
#pragma once

#include "core/result.h"
#include "io/model_loader.h"

#include <cstdint>
#include <string>

namespace atlas {

class LoadBudget {
public:
  explicit LoadBudget(const LoadLimits &limits) : limits_(limits) {}

  // A node about to become a structure with an id of `idBytes` bytes. `where` prefixes messages.
  Result<void> addNode(const std::string &where, std::uint64_t idBytes);
  // A mesh instance about to be built with this many vertices and triangles.
  Result<void> addMesh(const std::string &where, std::uint64_t vertices, std::uint64_t triangles);

private:
  const LoadLimits &limits_;
  std::uint64_t nodes_ = 0, nameBytes_ = 0, vertices_ = 0, triangles_ = 0;
};

} // namespace atlas
