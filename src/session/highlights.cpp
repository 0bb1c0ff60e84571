#include "session/highlights.h"

#include "content/plain_words.h"

#include <algorithm>

namespace atlas {

using content::Claim;
using content::ClaimRole;

const Claim *primaryClaim(const content::KnowledgeBase &kb, const std::string &subject, ClaimRole role,
                          SourceMode mode) {
  const Claim *reference = nullptr, *article = nullptr;
  for (const Claim *c : kb.claimsAbout(subject)) {
    if (c->role != role || c->variation)
      continue;
    if (c->source == SourceMode::Article && !article)
      article = c;
    else if (c->source == SourceMode::Reference && !reference)
      reference = c;
  }
  return mode == SourceMode::Article && article ? article : reference;
}

int footprintIndex(const Scene &scene, const std::string &muscle, const std::string &role,
                   const std::string &bone, SourceMode mode) {
  const int index = scene.indexOf(muscle + "." + role + "." + bone);
  if (index < 0)
    return -1;
  const auto &site = scene.structures()[static_cast<std::size_t>(index)].attachment;
  if (site && !site->namedBy(mode == SourceMode::Article))
    return -1; // e.g. the article's rib-1 footprint while showing the standard anatomy
  return index;
}

namespace {

struct Collector {
  const Scene &scene;
  std::vector<Highlight> out;

  void add(int index, HighlightRole role, std::optional<SourceMode> source) {
    if (index < 0)
      return;
    for (const Highlight &h : out)
      if (h.structure == index)
        return; // first role wins: the selection, then attachments, then supply
    out.push_back({index, role, source});
  }
  void add(const std::string &id, HighlightRole role, std::optional<SourceMode> source) {
    add(scene.indexOf(id), role, source);
  }
};

HighlightRole toHighlightRole(ClaimRole role) {
  switch (role) {
  case ClaimRole::Origin:
    return HighlightRole::Origin;
  case ClaimRole::Insertion:
    return HighlightRole::Insertion;
  case ClaimRole::NerveSupply:
    return HighlightRole::NerveSupply;
  case ClaimRole::BloodSupply:
    return HighlightRole::BloodSupply;
  default:
    return HighlightRole::Related;
  }
}

} // namespace

std::vector<Highlight> computeHighlights(const Scene &scene, const content::KnowledgeBase &kb, int selected,
                                         SourceMode mode) {
  Collector c{scene, {}};
  if (selected < 0 || static_cast<std::size_t>(selected) >= scene.structures().size())
    return {};
  const Structure &s = scene.structures()[static_cast<std::size_t>(selected)];
  c.add(selected, HighlightRole::Selected, std::nullopt);

  if (s.attachment) { // a footprint: its muscle and its bone
    c.add(s.attachment->muscle, HighlightRole::Related, std::nullopt);
    c.add(s.attachment->bone, HighlightRole::Related, std::nullopt);
    return c.out;
  }
  // Attachments and supply of the selected structure itself (muscles).
  for (ClaimRole role :
       {ClaimRole::Origin, ClaimRole::Insertion, ClaimRole::NerveSupply, ClaimRole::BloodSupply}) {
    const Claim *claim = primaryClaim(kb, s.id, role, mode);
    if (!claim)
      continue;
    for (const std::string &target : claim->targets) {
      if (role == ClaimRole::Origin || role == ClaimRole::Insertion) {
        const int footprint = footprintIndex(scene, s.id, content::claimRoleName(role), target, mode);
        c.add(footprint >= 0 ? footprint : scene.indexOf(target), toHighlightRole(role), claim->source);
      } else {
        c.add(target, toHighlightRole(role), claim->source);
      }
    }
  }
  // The reverse view: which muscles attach to this bone, and what this nerve or artery supplies.
  for (const Claim *claim : kb.claimsTargeting(s.id)) {
    if (claim->variation || claim->role == ClaimRole::Action || claim->role == ClaimRole::Relation)
      continue;
    if (primaryClaim(kb, claim->subject, claim->role, mode) != claim)
      continue;
    if (claim->role == ClaimRole::Origin || claim->role == ClaimRole::Insertion) {
      c.add(footprintIndex(scene, claim->subject, content::claimRoleName(claim->role), s.id, mode),
            toHighlightRole(claim->role), claim->source);
    }
    c.add(claim->subject, HighlightRole::Related, claim->source);
  }
  // Relation claims of the selected structure name its neighbours.
  for (const Claim *claim : kb.claimsAbout(s.id))
    if (claim->role == ClaimRole::Relation && !claim->variation && claim->source == SourceMode::Reference)
      for (const std::string &target : claim->targets)
        c.add(target, HighlightRole::Related, claim->source);
  return c.out;
}

std::vector<std::pair<int, std::string>>
highlightLabels(const Scene &scene, const std::vector<Highlight> &highlights, bool patient) {
  std::vector<std::pair<int, std::string>> labels;
  for (const Highlight &h : highlights) {
    const Structure &s = scene.structures()[static_cast<std::size_t>(h.structure)];
    const Structure *bone = s.attachment ? scene.find(s.attachment->bone) : nullptr;
    std::string text;
    if (patient)
      text = content::plainLabel(s, h.role, bone);
    else if (s.attachment)
      text =
          std::string(highlightRoleLabel(h.role)) + ": " + (bone ? bone->displayName() : s.attachment->bone);
    else
      text = s.displayName();
    const bool said =
        std::any_of(labels.begin(), labels.end(), [&text](const auto &l) { return l.second == text; });
    if (patient && said)
      continue; // fewer labels for patients: one "nerves to your arm", not one per nerve root
    labels.emplace_back(h.structure, std::move(text));
  }
  return labels;
}

} // namespace atlas
