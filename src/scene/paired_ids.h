// Paired structures: the ids contract names each side "<name>_right" and "<name>_left" (the patient's
// right and left). One place for the suffix test, so a function, a highlight and a quiz agree on sides.
#pragma once

#include <string>

namespace atlas {

inline bool endsWithId(const std::string &id, const std::string &suffix) {
  return id.size() > suffix.size() && id.compare(id.size() - suffix.size(), suffix.size(), suffix) == 0;
}
inline bool isLeftId(const std::string &id) {
  return endsWithId(id, "_left");
}
inline bool isRightId(const std::string &id) {
  return endsWithId(id, "_right");
}

// The same structure on the other side ("scalenus_anterior_left" for "..._right"), or "" when unpaired.
inline std::string otherSideId(const std::string &id) {
  if (isRightId(id))
    return id.substr(0, id.size() - 6) + "_left";
  if (isLeftId(id))
    return id.substr(0, id.size() - 5) + "_right";
  return {};
}

} // namespace atlas
