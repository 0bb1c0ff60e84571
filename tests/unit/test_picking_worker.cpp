// The picking index built on a worker (Session::preparePicking): a click after it answers exactly as
// one with the index built on the spot, and replacing the model while it builds is safe.
#include "session/session.h"
#include "support/fixtures.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace atlas;

namespace {

// Which part each pixel of a coarse grid over the 3D view would select.
std::vector<int> clickGrid(const Session &session) {
  std::vector<int> hits;
  for (int y = 5; y < 240; y += 10)
    for (int x = 5; x < 320; x += 10)
      hits.push_back(session.structureAt(static_cast<float>(x), static_cast<float>(y)).value_or(-1));
  return hits;
}

} // namespace

TEST_CASE("picking worker: clicks after a background build answer as after a build on the spot",
          "[picking]") {
  Session onTheSpot, prepared;
  for (Session *s : {&onTheSpot, &prepared}) {
    s->setScene(test::makeTestScene());
    s->setViewport(320, 240);
    s->setStandardView(StandardView::Anterior, false);
  }
  prepared.preparePicking();
  prepared.preparePicking(); // a second call while it builds changes nothing
  const std::vector<int> expected = clickGrid(onTheSpot);
  CHECK(clickGrid(prepared) == expected);
  CHECK(std::count_if(expected.begin(), expected.end(), [](int s) { return s >= 0; }) > 20);
  CHECK(prepared.pickingIndex().triangleCount() == onTheSpot.pickingIndex().triangleCount());
}

TEST_CASE("picking worker: a new model while the index builds gets its own index", "[picking]") {
  Session session;
  session.setScene(test::makeTestScene());
  session.setViewport(320, 240);
  session.preparePicking();
  Scene one; // the new model: only the sphere
  one.add(*test::makeTestScene().find("sphere_bone"));
  session.setScene(std::move(one));
  CHECK(session.pickingIndex().triangleCount() == session.scene().triangleCount());
  session.preparePicking(); // and a build left pending when the session goes away is joined
}
