// Patient reading in the 3D view: plain words for labels and the legend, and selecting a part keeps
// the reader's place in the article.
#include "content/article.h"
#include "content/article_view.h"
#include "content/content_load.h"
#include "content/plain_words.h"
#include "io/model_loader.h"

#include "model_test_support.h"

#include <catch2/catch.hpp>

using namespace atlas;
using namespace atlas::content;

namespace {

const std::string contentDir = std::string(ATLAS_SOURCE_DIR) + "/content";

const Article &article() {
  static const Article loaded = [] {
    return loadArticleWith(contentDir, loadKnowledgeBase(contentDir).knowledge);
  }();
  return loaded;
}

const Structure &part(const std::string &id) {
  const Structure *s = test::committedModel().find(id);
  REQUIRE(s != nullptr);
  return *s;
}

} // namespace

TEST_CASE("patient reading keeps the reader's place when a part is selected", "[patient]") {
  const Article &a = article();
  ArticleView view;
  view.patientMode = true;
  REQUIRE(goToSection(view, a, "see_doctor"));
  REQUIRE(followSelection(view, a, "scalenus_posterior_right"));
  CHECK(view.section == "see_doctor");
  CHECK_FALSE(view.scrollToMark);
  CHECK_FALSE(view.marked.empty()); // the passages are still marked
  ArticleView specialist;           // the specialist reading still jumps to the first passage
  REQUIRE(goToSection(specialist, a, "see_doctor"));
  REQUIRE(followSelection(specialist, a, "scalenus_posterior_right"));
  CHECK(specialist.section != "see_doctor");
}

TEST_CASE("labels and the legend speak plain words for patients", "[patient]") {
  CHECK(plainLabel(part("scalenus_posterior_right"), HighlightRole::Selected, nullptr) == "The muscle");
  CHECK(plainLabel(part("c5_ventral_ramus_right"), HighlightRole::NerveSupply, nullptr) ==
        "Its nerves: nerves to your arm");
  CHECK(plainLabel(part("ascending_cervical_artery_right"), HighlightRole::BloodSupply, nullptr) ==
        "Its blood supply");
  const Structure *site = nullptr;
  for (const Structure &s : test::committedModel().structures())
    if (s.attachment && s.id.find("scalenus_posterior_right.insertion.rib2") == 0)
      site = &s;
  REQUIRE(site != nullptr);
  CHECK(plainLabel(*site, HighlightRole::Insertion, test::committedModel().find(site->attachment->bone)) ==
        "Attaches to your second rib");
  CHECK(std::string(plainRoleLabel(HighlightRole::Origin)) == plainRoleLabel(HighlightRole::Insertion));
  CHECK(std::string(plainRoleLabel(HighlightRole::NerveSupply)) == "Its nerves");
  CHECK(plainName(part("rib1_right")) == "your first rib");
  CHECK(plainName(part("c5")) == "a bone of your neck");
  CHECK(plainName(part("sternal_body")) == "your breastbone");
}
