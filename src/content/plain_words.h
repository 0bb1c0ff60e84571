// Plain words for the 3D view in patient reading: what a label or the legend says instead of the
// specialist name ("your first rib" for rib1_right, "nerves to your arm" for a ventral ramus). Derived
// from the structure's system and id, so ids and the content files stay as they are.
#pragma once

#include "scene/structure.h"
#include "scene/view_state.h"

#include <string>

namespace atlas::content {

// "the muscle", "your first rib", "a bone of your neck", "nerves to your arm", "a blood vessel", ...
std::string plainName(const Structure &structure);
// A label's text for a highlighted part: `bone` is the bone an attachment site lies on (or null).
std::string plainLabel(const Structure &structure, HighlightRole role, const Structure *bone);
// The legend's words for a role: "The muscle", "Where it attaches", "Its nerves", "Its blood supply".
const char *plainRoleLabel(HighlightRole role);

} // namespace atlas::content
