// Scene: the loaded model as plain CPU data — the structures with their meshes. Knows nothing of
// OpenGL or ImGui; the renderer draws it, the UI lists it, picking and highlighting query it.
#pragma once

#include "scene/structure.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace atlas {

class Scene {
public:
  std::string sourcePath;  // the file it was loaded from ("" for generated scenes)
  std::string description; // e.g. the asset's "schematic teaching model" note
  // The content its ids are written for (glTF asset extras "content"): "scalene-atlas" for the
  // bundled model, whose every id the knowledge base must describe; empty for a user's own model.
  std::string content;
  bool isBundledAnatomy() const { return content == "scalene-atlas"; }

  const std::vector<Structure> &structures() const { return structures_; }
  std::vector<Structure> &structures() { return structures_; }

  // Appends a structure; ids must be unique (the loaders check and report duplicates as errors).
  int add(Structure structure);
  int indexOf(const std::string &id) const; // -1 when absent
  const Structure *find(const std::string &id) const;

  Bounds bounds() const;
  std::size_t triangleCount() const;
  bool hasGeometry() const { return triangleCount() > 0; }

private:
  std::vector<Structure> structures_;
  std::unordered_map<std::string, int> index_;
};

} // namespace atlas
