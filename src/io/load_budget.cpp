#include "io/load_budget.h"

namespace atlas {

namespace {
// Adds `amount` to `total` unless the sum would pass `limit` (or wrap).
bool charge(std::uint64_t &total, std::uint64_t amount, std::uint64_t limit) {
  if (amount > limit || total > limit - amount)
    return false;
  total += amount;
  return true;
}
} // namespace

Result<void> LoadBudget::addNode(const std::string &where, std::uint64_t idBytes) {
  if (!charge(nodes_, 1, limits_.maxNodes))
    return Error{where + ": more than the limit of " + std::to_string(limits_.maxNodes) +
                 " nodes; refusing to load the model"};
  if (!charge(nameBytes_, idBytes, limits_.maxNameBytes))
    return Error{where + ": the names of the nodes add up to more than the limit of " +
                 std::to_string(limits_.maxNameBytes) + " bytes; refusing to load the model"};
  return {};
}

Result<void> LoadBudget::addMesh(const std::string &where, std::uint64_t vertices, std::uint64_t triangles) {
  if (!charge(vertices_, vertices, limits_.maxTotalVertices))
    return Error{where + ": more than the limit of " + std::to_string(limits_.maxTotalVertices) +
                 " vertices after instancing (every node that uses a mesh counts its vertices again); "
                 "refusing to load the model"};
  if (!charge(triangles_, triangles, limits_.maxTotalTriangles))
    return Error{where + ": more than the limit of " + std::to_string(limits_.maxTotalTriangles) +
                 " triangles after instancing (every node that uses a mesh counts its triangles again); "
                 "refusing to load the model"};
  return {};
}

} // namespace atlas
