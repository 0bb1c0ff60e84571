#include "scene/view_state.h"

#include <algorithm>
#include <array>

namespace atlas {

const char *visibilityName(Visibility v) {
  switch (v) {
  case Visibility::Visible:
    return "visible";
  case Visibility::Ghosted:
    return "ghosted";
  case Visibility::Hidden:
    return "hidden";
  }
  return "visible";
}

const char *highlightRoleName(HighlightRole role) {
  switch (role) {
  case HighlightRole::Selected:
    return "selected";
  case HighlightRole::Origin:
    return "origin";
  case HighlightRole::Insertion:
    return "insertion";
  case HighlightRole::NerveSupply:
    return "nerve_supply";
  case HighlightRole::BloodSupply:
    return "blood_supply";
  case HighlightRole::Related:
    return "related";
  }
  return "selected";
}

const char *highlightRoleLabel(HighlightRole role) {
  switch (role) {
  case HighlightRole::Selected:
    return "Selected";
  case HighlightRole::Origin:
    return "Origin";
  case HighlightRole::Insertion:
    return "Insertion";
  case HighlightRole::NerveSupply:
    return "Nerve supply";
  case HighlightRole::BloodSupply:
    return "Blood supply";
  case HighlightRole::Related:
    return "Related";
  }
  return "Selected";
}

glm::vec3 highlightColor(HighlightRole role) {
  // Okabe–Ito, converted from sRGB to linear so the shader's output matches the published hues.
  auto lin = [](int r, int g, int b) {
    auto c = [](int v) { return glm::pow(v / 255.0f, 2.2f); };
    return glm::vec3(c(r), c(g), c(b));
  };
  switch (role) {
  case HighlightRole::Selected:
    return lin(0, 158, 115); // bluish green
  case HighlightRole::Origin:
    return lin(230, 159, 0); // orange
  case HighlightRole::Insertion:
    return lin(86, 180, 233); // sky blue
  case HighlightRole::NerveSupply:
    return lin(240, 228, 66); // yellow
  case HighlightRole::BloodSupply:
    return lin(213, 94, 0); // vermillion
  case HighlightRole::Related:
    return lin(204, 121, 167); // reddish purple
  }
  return glm::vec3(1.0f);
}

Visibility ViewState::visibility(int structure) const {
  if (structure < 0 || static_cast<std::size_t>(structure) >= visibility_.size())
    return Visibility::Visible;
  return visibility_[static_cast<std::size_t>(structure)];
}

void ViewState::setVisibility(int structure, Visibility v) {
  if (structure >= 0 && static_cast<std::size_t>(structure) < visibility_.size())
    visibility_[static_cast<std::size_t>(structure)] = v;
}

void ViewState::showAll() {
  std::fill(visibility_.begin(), visibility_.end(), Visibility::Visible);
}

void ViewState::isolate(const std::vector<int> &structures) {
  std::fill(visibility_.begin(), visibility_.end(), Visibility::Hidden);
  for (int s : structures)
    setVisibility(s, Visibility::Visible);
}

void ViewState::markAttachment(int structure) {
  if (structure >= 0 && static_cast<std::size_t>(structure) < attachment_.size())
    attachment_[static_cast<std::size_t>(structure)] = 1;
}

bool ViewState::isDrawn(int structure) const {
  if (visibility(structure) == Visibility::Hidden)
    return false;
  const bool attachment = structure >= 0 && static_cast<std::size_t>(structure) < attachment_.size() &&
                          attachment_[static_cast<std::size_t>(structure)];
  return !attachment || showAllAttachments || roleOf(structure).has_value();
}

std::optional<PickHit> ViewState::pick(const PickingIndex &index, const Ray &ray) const {
  auto solid = index.pick(ray, [this](int s) { return isDrawn(s) && visibility(s) == Visibility::Visible; });
  if (solid)
    return solid;
  return index.pick(ray, [this](int s) { return isDrawn(s) && visibility(s) == Visibility::Ghosted; });
}

std::optional<HighlightRole> ViewState::roleOf(int structure) const {
  for (const Highlight &h : highlights)
    if (h.structure == structure)
      return h.role;
  return std::nullopt;
}

StructureStyle ViewState::styleFor(int structure, const glm::vec4 &baseColor) const {
  StructureStyle style;
  const Visibility v = visibility(structure);
  style.visible = isDrawn(structure);
  style.ghosted = v == Visibility::Ghosted;
  style.color = baseColor;
  if (auto role = roleOf(structure)) {
    style.highlighted = true;
    // Keep a little of the shading colour so the form still reads under the highlight.
    style.color = glm::vec4(glm::mix(glm::vec3(baseColor), highlightColor(*role), 0.85f), baseColor.a);
  } else if (focus && selected >= 0) {
    const glm::vec3 grey(glm::dot(glm::vec3(baseColor), glm::vec3(0.3f, 0.59f, 0.11f)));
    style.color = glm::vec4(glm::mix(grey, glm::vec3(0.08f), 0.35f), baseColor.a);
  }
  if (std::find(working.begin(), working.end(), structure) != working.end())
    style.glow = std::clamp(contraction, 0.0f, 1.0f);
  if (style.ghosted)
    style.color.a = 0.22f;
  return style;
}

namespace {
// FNV-1a, 64 bit: a fingerprint, not a security hash.
struct Fnv {
  std::uint64_t h = 1469598103934665603ull;
  void bytes(const void *data, std::size_t size) {
    const auto *p = static_cast<const unsigned char *>(data);
    for (std::size_t i = 0; i < size; ++i)
      h = (h ^ p[i]) * 1099511628211ull;
  }
  template <typename T> void value(const T &v) { bytes(&v, sizeof v); }
};
} // namespace

std::uint64_t ViewState::fingerprint() const {
  Fnv f;
  f.value(selected);
  f.value(selection.size());
  f.bytes(selection.data(), selection.size() * sizeof(int));
  f.value(focus);
  f.value(showAllAttachments);
  f.value(visibility_.size());
  f.bytes(visibility_.data(), visibility_.size() * sizeof(Visibility));
  f.bytes(attachment_.data(), attachment_.size());
  f.value(working.size());
  f.bytes(working.data(), working.size() * sizeof(int));
  f.value(contraction);
  f.value(highlights.size());
  for (const Highlight &h : highlights) {
    f.value(h.structure);
    f.value(h.role);
    f.value(h.source ? static_cast<int>(*h.source) : -1);
  }
  return f.h;
}

} // namespace atlas
