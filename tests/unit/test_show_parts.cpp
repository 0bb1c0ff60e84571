// ShowPartsCommand (the functions panel's "Show on model"): the muscle is selected and the parts it
// moves light up beside it; parts the model lacks are skipped; a new selection clears them.
#include "session/session.h"
#include "support/fixtures.h"
#include "ui/ui_settings.h"

#include <catch2/catch.hpp>

using namespace atlas;

namespace {
bool lit(const Session &session, const std::string &id, HighlightRole role) {
  const int index = session.scene().indexOf(id);
  for (const Highlight &h : session.view().highlights)
    if (h.structure == index && h.role == role)
      return true;
  return false;
}
} // namespace

TEST_CASE("showing a function selects the muscle and lights up the parts it moves", "[session][article]") {
  Session session;
  session.setScene(test::makeTestScene());
  REQUIRE(session.apply(ShowPartsCommand{"box_muscle", {"sphere_bone", "not_in_model"}, false}));
  CHECK(session.selected() == session.scene().indexOf("box_muscle"));
  CHECK(lit(session, "box_muscle", HighlightRole::Selected));
  CHECK(lit(session, "sphere_bone", HighlightRole::Related));
  CHECK_FALSE(lit(session, "thin_nerve", HighlightRole::Related));

  REQUIRE(session.apply(SelectCommand{"thin_nerve"}));
  CHECK_FALSE(lit(session, "sphere_bone", HighlightRole::Related));

  CHECK_FALSE(session.apply(ShowPartsCommand{"no_muscle", {"sphere_bone"}, false}));
}

TEST_CASE("the disclaimer-seen flag round-trips through the settings JSON", "[settings][article]") {
  ui::UiSettings settings;
  CHECK_FALSE(settings.disclaimerSeen);
  settings.disclaimerSeen = true;
  CHECK(ui::settingsFromJson(ui::toJson(settings)).disclaimerSeen);
  CHECK_FALSE(ui::settingsFromJson(nlohmann::json::object()).disclaimerSeen);
}
