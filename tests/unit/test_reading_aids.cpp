// The article's outline follows the reader: the section in view is the last whose heading has
// reached the top of the text (content/article_view: sectionAt).
#include "content/article_view.h"

#include <catch2/catch.hpp>

using atlas::content::sectionAt;

TEST_CASE("the section in view is the last heading at or above the reading line", "[article][reading]") {
  const std::vector<std::pair<std::string, float>> headings = {
      {"overview", 40.0f}, {"anatomy", 400.0f}, {"causes", 1200.0f}, {"see_doctor", 1900.0f}};
  CHECK(sectionAt(headings, 100.0f) == "overview");
  CHECK(sectionAt(headings, 400.0f) == "anatomy");
  CHECK(sectionAt(headings, 1199.0f) == "anatomy");
  CHECK(sectionAt(headings, 1500.0f) == "causes");
  CHECK(sectionAt(headings, 5000.0f) == "see_doctor");
}

TEST_CASE("before any heading the first section is in view, and with no headings none is",
          "[article][reading]") {
  // Scrolled by hand to above the first heading (the panel's own top lines): still the first.
  const std::vector<std::pair<std::string, float>> scrolledUp = {{"overview", 300.0f}, {"anatomy", 900.0f}};
  CHECK(sectionAt(scrolledUp, 10.0f) == "overview");
  // Scrolled down: headings move up past the top of the view (negative screen y).
  const std::vector<std::pair<std::string, float>> scrolledDown = {
      {"overview", -2000.0f}, {"anatomy", -600.0f}, {"causes", 80.0f}};
  CHECK(sectionAt(scrolledDown, 120.0f) == "causes");
  CHECK(sectionAt(scrolledDown, 60.0f) == "anatomy");
  CHECK(sectionAt({}, 0.0f).empty());
}
