#include "content/plain_words.h"

#include <cctype>

namespace atlas::content {
namespace {

bool startsWith(const std::string &text, const char *prefix) {
  return text.rfind(prefix, 0) == 0;
}

std::string capitalised(std::string text) {
  if (!text.empty())
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

} // namespace

std::string plainName(const Structure &s) {
  const std::string &id = s.id;
  switch (s.system) {
  case System::Muscle:
    return "the muscle";
  case System::Bone:
    if (startsWith(id, "rib1"))
      return "your first rib";
    if (startsWith(id, "rib2"))
      return "your second rib";
    if (startsWith(id, "manubrium") || startsWith(id, "sternal_body"))
      return "your breastbone";
    if (startsWith(id, "clavicle"))
      return "your collarbone";
    if (id.size() >= 2 && id[0] == 'c' && std::isdigit(static_cast<unsigned char>(id[1])))
      return "a bone of your neck";
    if (id.size() >= 2 && id[0] == 't' && std::isdigit(static_cast<unsigned char>(id[1])))
      return "a bone of your upper back";
    return "a bone";
  case System::Nerve:
    return "nerves to your arm";
  case System::Artery:
  case System::Vein:
    return "a blood vessel";
  case System::Pleura:
    return "the lining over the top of your lung";
  case System::Fascia:
    return "a thin sheet of tissue";
  case System::Cartilage:
    return "the soft end of a rib";
  case System::Disc:
    return "a cushion between neck bones";
  case System::Attachment:
  case System::Other:
    break;
  }
  return s.displayName();
}

std::string plainLabel(const Structure &s, HighlightRole role, const Structure *bone) {
  if (s.attachment)
    return "Attaches to " + (bone ? plainName(*bone) : std::string("a bone"));
  switch (role) {
  case HighlightRole::Selected:
    return s.system == System::Muscle ? "The muscle" : capitalised(plainName(s));
  case HighlightRole::NerveSupply:
    return "Its nerves: " + plainName(s);
  case HighlightRole::BloodSupply:
    return "Its blood supply";
  default:
    return capitalised(plainName(s));
  }
}

const char *plainRoleLabel(HighlightRole role) {
  switch (role) {
  case HighlightRole::Selected:
    return "The muscle";
  case HighlightRole::Origin:
  case HighlightRole::Insertion:
    return "Where it attaches";
  case HighlightRole::NerveSupply:
    return "Its nerves";
  case HighlightRole::BloodSupply:
    return "Its blood supply";
  case HighlightRole::Related:
    break;
  }
  return "Nearby";
}

} // namespace atlas::content
