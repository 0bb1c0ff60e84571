// ViewState: what the user has done to the scene — selection, highlighted parts, visibility per
// structure — and the colours that follow from it. Plain data and logic, testable without GL.
#pragma once

#include "scene/picking.h"
#include "scene/scene.h"
#include "scene/source_mode.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace atlas {

enum class Visibility { Visible, Ghosted, Hidden };

// Why a structure lights up when something is selected.
enum class HighlightRole { Selected, Origin, Insertion, NerveSupply, BloodSupply, Related };

const char *visibilityName(Visibility v); // "visible" | "ghosted" | "hidden"
const char *
highlightRoleName(HighlightRole role); // "selected" | "origin" | "insertion" | "nerve_supply" | ...
const char *highlightRoleLabel(HighlightRole role); // "Selected", "Origin", "Nerve supply", ... for legends

struct Highlight {
  int structure = -1;
  HighlightRole role = HighlightRole::Selected;
  std::optional<SourceMode> source; // whose claim lit it; none when not from a claim
};

// Colour-blind-safe palette (Okabe & Ito 2008), one colour per role.
glm::vec3 highlightColor(HighlightRole role);

struct StructureStyle {
  glm::vec4 color{1.0f}; // linear RGBA
  bool visible = true;
  bool ghosted = false;
  bool highlighted = false;
  float glow = 0.0f; // 0..1: a working muscle of the function shown, as hard as it works now
};

class ViewState {
public:
  ViewState() = default;
  explicit ViewState(std::size_t structureCount)
      : visibility_(structureCount, Visibility::Visible), attachment_(structureCount, 0) {}

  Visibility visibility(int structure) const;
  void setVisibility(int structure, Visibility v);
  void showAll();
  void isolate(const std::vector<int> &structures); // everything else hidden
  std::size_t structureCount() const { return visibility_.size(); }

  int selected = -1;          // the part the info panel and the highlights are about (the last clicked)
  std::vector<int> selection; // everything selected, in the order it was; holds `selected` when >= 0
  std::vector<Highlight> highlights; // includes the selection itself
  bool focus = true;                 // dim what is not highlighted while something is selected
  bool showAllAttachments = false;
  // The muscles that work in the function shown on the model (issue 14) and how hard they work now
  // (0 at rest, 1 at the peak): they glow in proportion.
  std::vector<int> working;
  float contraction = 0.0f;
  bool labels = true; // leader-line labels for the highlighted parts   // footprints are drawn only when
                      // highlighted, unless this is set

  // Attachment footprints lie on the bone surface and are drawn only when they carry meaning.
  void markAttachment(int structure);
  // Drawn and pickable: not hidden, and not a footprint that is switched off.
  bool isDrawn(int structure) const;

  // Picks the front-most visible structure; ghosted ones only when nothing solid is hit.
  std::optional<PickHit> pick(const PickingIndex &index, const Ray &ray) const;
  // Style of one mesh of a structure, given the mesh's own colour.
  StructureStyle styleFor(int structure, const glm::vec4 &baseColor) const;
  std::optional<HighlightRole> roleOf(int structure) const;
  // Changes whenever anything that changes the drawn model changes (visibility, highlights,
  // selection, focus, footprints); labels are drawn by the interface and do not count. Lets the
  // viewer reuse the last image of the model when only the panels changed.
  std::uint64_t fingerprint() const;

private:
  std::vector<Visibility> visibility_;
  std::vector<char> attachment_;
};

} // namespace atlas
