// ViewState::fingerprint() is the key under which the viewer keeps the last image of the model: a
// field that changes the drawn model but is missing from the key would leave a stale picture on
// screen. Each field that is drawn must change the key; the interface's own (labels) must not.
#include "scene/view_state.h"

#include <catch2/catch.hpp>

#include <functional>

using namespace atlas;

TEST_CASE("cache keys: every drawn field of the view state changes its fingerprint", "[cachekeys]") {
  ViewState base(4);
  base.highlights = {{1, HighlightRole::Selected, SourceMode::Reference}};
  const std::vector<std::pair<const char *, std::function<void(ViewState &)>>> changes{
      {"selected", [](ViewState &v) { v.selected = 2; }},
      {"selection",
       [](ViewState &v) {
         v.selection = {1, 2};
       }},
      {"highlights: structure",
       [](ViewState &v) {
         v.highlights = {{1, HighlightRole::Selected, std::nullopt}};
       }},
      {"highlights: role",
       [](ViewState &v) {
         v.highlights = {{-1, HighlightRole::Origin, std::nullopt}};
       }},
      {"highlights: source",
       [](ViewState &v) {
         v.highlights = {{-1, HighlightRole::Selected, SourceMode::Article}};
       }},
      {"focus", [](ViewState &v) { v.focus = !v.focus; }},
      {"showAllAttachments", [](ViewState &v) { v.showAllAttachments = !v.showAllAttachments; }},
      {"visibility", [](ViewState &v) { v.setVisibility(3, Visibility::Ghosted); }},
      {"attachment footprints", [](ViewState &v) { v.markAttachment(0); }},
      {"working muscles", [](ViewState &v) { v.working = {2}; }},
      {"contraction", [](ViewState &v) { v.contraction = 0.5f; }},
  };
  for (const auto &[field, change] : changes) {
    INFO(field);
    ViewState changed = base;
    change(changed);
    CHECK(changed.fingerprint() != base.fingerprint());
  }
  ViewState labelsOnly = base;
  labelsOnly.labels = !labelsOnly.labels; // drawn by the interface over the kept image
  CHECK(labelsOnly.fingerprint() == base.fingerprint());
}

TEST_CASE("cache keys: a field added to the view state must be added to its fingerprint", "[cachekeys]") {
  // ViewState lists its fields by hand in fingerprint(). Adding one changes the size below: add the
  // field to fingerprint() (or say there why it is not drawn), add it to the test above, and then
  // update this figure (x86-64, libstdc++: int + 6 vectors + float + 3 bools, with padding).
  STATIC_REQUIRE(sizeof(ViewState) == 144);
}
