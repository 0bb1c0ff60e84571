// A plain outline of the head, neck and shoulders seen from the front, in the model frame (metres,
// +X the patient's left, +Y up, origin at the top of C7's body): the patient view's small inset that
// shows where on the neck the part being explained lies. Proportions are those of an average adult
// (neck about 12 cm wide, shoulders about 40 cm, C7 at the base of the neck) [E: estimates].
#pragma once

#include <glm/glm.hpp>
#include <vector>

namespace atlas {

// The closed outline (head, neck, shoulders and the top of the arms), counter-clockwise, x and y.
const std::vector<glm::vec2> &bodyOutlineFront();
// Whether a point (x, y) of the model frame lies inside that outline.
bool insideBodyOutline(const glm::vec2 &point);

} // namespace atlas
