// The soak's oracles (tests/soak/soak_oracle.h) answer what a click selects and whether a frame
// shows the model without sharing code with the app; here they are checked against the picking
// index on many rays, and against frames made by hand.
#include "scene/picking.h"
#include "soak/soak_oracle.h"
#include "support/fixtures.h"

#include <catch2/catch.hpp>

#include <random>

using namespace atlas;

namespace {

Ray randomRayThrough(const Bounds &b, std::mt19937 &rng) {
  std::uniform_real_distribution<float> u(0.0f, 1.0f);
  const glm::vec3 size = b.size(), centre = b.center();
  const glm::vec3 target = b.min + glm::vec3(u(rng), u(rng), u(rng)) * size;
  const glm::vec3 from = centre + glm::normalize(glm::vec3(u(rng) - 0.5f, u(rng) - 0.5f, u(rng) - 0.5f)) *
                                      glm::length(size) * 2.0f;
  return {from, glm::normalize(target - from)};
}

// An image of `width` x `height` filled by `colour(x, y)`.
template <typename F> Image paint(int width, int height, F colour) {
  Image image;
  image.width = width;
  image.height = height;
  image.rgba.resize(static_cast<std::size_t>(width) * height * 4);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const glm::ivec3 c = colour(x, y);
      std::uint8_t *p = image.rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
      p[0] = static_cast<std::uint8_t>(c.r);
      p[1] = static_cast<std::uint8_t>(c.g);
      p[2] = static_cast<std::uint8_t>(c.b);
      p[3] = 255;
    }
  return image;
}

} // namespace

TEST_CASE("soak oracle: a click's target agrees with the picking index on random rays", "[soak]") {
  const Scene scene = test::makeTestScene();
  const PickingIndex index(scene);
  const soak::Oracle oracle(scene);
  ViewState view(scene.structures().size());
  view.setVisibility(scene.indexOf("box_muscle"), Visibility::Ghosted);
  std::mt19937 rng(7);
  int hits = 0;
  for (int i = 0; i < 2000; ++i) {
    const Ray ray = randomRayThrough(scene.bounds(), rng);
    const std::optional<PickHit> picked = view.pick(index, ray);
    const soak::OracleHit expected = oracle.clickTarget(view, ray);
    INFO("ray " << i);
    REQUIRE(expected.structure == (picked ? picked->structure : -1));
    if (picked) {
      CHECK(expected.distance == Approx(picked->distance).margin(1e-6));
      ++hits;
    }
  }
  CHECK(hits > 500); // the rays aim at the model: most of them meet it
}

TEST_CASE("soak oracle: hidden parts are never hit, x-ray parts only where nothing solid is", "[soak]") {
  const Scene scene = test::makeTestScene();
  const soak::Oracle oracle(scene);
  const int sphere = scene.indexOf("sphere_bone");
  const Bounds b = scene.structures()[static_cast<std::size_t>(sphere)].bounds();
  const Ray atSphere{b.center() + glm::vec3(0, 0, 1.0f), glm::vec3(0, 0, -1)};
  ViewState view(scene.structures().size());
  CHECK(oracle.clickTarget(view, atSphere).structure == sphere);
  view.setVisibility(sphere, Visibility::Hidden);
  CHECK(oracle.clickTarget(view, atSphere).structure != sphere);
  view.setVisibility(sphere, Visibility::Ghosted);
  const soak::OracleHit ghost = oracle.clickTarget(view, atSphere);
  std::string why;
  if (ghost.structure == sphere) { // nothing solid on this ray
    CHECK(oracle.pickAgrees(view, atSphere, sphere, 1e-6f, &why));
    CHECK_FALSE(oracle.pickAgrees(view, atSphere, -1, 1e-6f, &why));
    CHECK_THAT(why, Catch::Contains("selected nothing"));
  } else {
    CHECK(ghost.structure >= 0); // something solid behind or in front is chosen over the x-ray part
    CHECK_FALSE(oracle.pickAgrees(view, atSphere, sphere, 1e-6f, &why));
  }
}

TEST_CASE("soak oracle: a frame is judged by rays at a grid of pixels", "[soak]") {
  const Scene scene = test::makeTestScene();
  const soak::Oracle oracle(scene);
  const ViewState view(scene.structures().size());
  const int w = 160, h = 120;
  const Camera camera = standardViewCamera(StandardView::Anterior, scene.bounds(), float(w) / float(h));
  const Image background = paint(w, h, [](int, int y) { return glm::ivec3(40, 50, 60 + y / 4); });
  auto hitsModel = [&](int x, int y) {
    const Ray ray = camera.rayThroughPixel(float(x) + 0.5f, float(y) + 0.5f, w, h);
    return oracle.nearestHit(ray, [&view](int s) { return view.isDrawn(s); }).structure >= 0;
  };
  const Image drawn = paint(w, h, [&](int x, int y) {
    return hitsModel(x, y) ? glm::ivec3(220, 200, 180) : glm::ivec3(40, 50, 60 + y / 4);
  });
  CHECK(oracle.framesTheModel(view, camera, drawn, background, 12, 0).empty());
  // A frame with no model in it, and one drawn over everywhere, both fail and say how.
  CHECK_THAT(oracle.framesTheModel(view, camera, background, background, 12, 2),
             Catch::Contains("show only the background"));
  const Image everywhere = paint(w, h, [](int, int) { return glm::ivec3(220, 200, 180); });
  CHECK_THAT(oracle.framesTheModel(view, camera, everywhere, background, 12, 2),
             Catch::Contains("meets nothing are not the background"));
}
