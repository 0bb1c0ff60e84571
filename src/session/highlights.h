// What lights up when a structure is selected, from the knowledge base's claims:
//  - a muscle: its origin and insertion footprints, its nerve supply and its blood supply;
//  - a bone: the footprints of the muscles attached to it, and those muscles;
//  - a nerve or artery: the muscles it supplies; any structure: what its relation claims name;
//  - a footprint: its muscle and its bone.
// Pure logic over Scene + KnowledgeBase, so it is tested without a GL context.
#pragma once

#include "content/knowledge_base.h"
#include "scene/scene.h"
#include "scene/source_mode.h"
#include "scene/view_state.h"

#include <string>
#include <vector>

namespace atlas {

// The primary claim of `role` about `subject` in this mode: in article mode the article's claim
// when the article makes one, else the reference's; variations are never primary.
const content::Claim *primaryClaim(const content::KnowledgeBase &kb, const std::string &subject,
                                   content::ClaimRole role, SourceMode mode);

// The footprint structure for muscle/role/bone when the model has one whose source fits the mode.
int footprintIndex(const Scene &scene, const std::string &muscle, const std::string &role,
                   const std::string &bone, SourceMode mode);

// The labels of the highlighted parts, as the 3D view shows them: specialist names ("Origin: Fifth
// cervical vertebra (C5)"), or in patient reading plain words, each said once ("your first rib",
// "nerves to your arm"). Pairs of (structure index, text), in highlight order.
std::vector<std::pair<int, std::string>>
highlightLabels(const Scene &scene, const std::vector<Highlight> &highlights, bool patient);

std::vector<Highlight> computeHighlights(const Scene &scene, const content::KnowledgeBase &kb, int selected,
                                         SourceMode mode);

} // namespace atlas
