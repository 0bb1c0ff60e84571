// The self-test's questions (session/quiz_questions.h) on the bundled model and the project's content:
// every kind is generated, each question names only parts the model has, the answers agree with the
// knowledge base's claims, and the same seed gives the same quiz.
#include "article_test_support.h"
#include "io/model_loader.h"
#include "session/quiz_answers.h"
#include "session/quiz_questions.h"

#include "model_test_support.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>

using namespace atlas;
using namespace atlas::quiz;

namespace {

const std::vector<QuizQuestion> &bundledQuestions() {
  static const std::vector<QuizQuestion> all =
      allQuestions(test::committedModel(), test::contentKnowledge(), 7);
  return all;
}

const QuizQuestion *byKey(const std::vector<QuizQuestion> &all, const std::string &key) {
  for (const QuizQuestion &q : all)
    if (cardKey(q) == key)
      return &q;
  return nullptr;
}

bool isLandmark(const std::string &id) {
  for (const Structure &s : test::committedModel().structures())
    for (const Landmark &l : s.landmarks)
      if (l.id == id)
        return true;
  return false;
}

// The targets of a claim's copy about `subject`, as the knowledge base has them.
std::vector<std::string> claimTargets(const std::string &claimId, const std::string &subject) {
  for (const content::Claim *c : test::contentKnowledge().claimsAbout(subject))
    if (c->id == claimId)
      return c->targets;
  return {};
}

} // namespace

TEST_CASE("every kind of question is generated from the bundled model and content", "[quiz][questions]") {
  std::map<QuizKind, int> counts;
  for (const QuizQuestion &q : bundledQuestions())
    ++counts[q.kind];
  for (QuizKind kind : {QuizKind::Find, QuizKind::Name, QuizKind::Attachment, QuizKind::Supply,
                        QuizKind::Relation, QuizKind::Source}) {
    INFO(quizKindName(kind));
    CHECK(counts[kind] > 0);
    CHECK(quizKindFromName(quizKindName(kind)) == kind);
  }
  // One find question per named part (the attachment footprints are not asked).
  int askable = 0;
  for (const Structure &s : test::committedModel().structures())
    askable += s.system != System::Attachment ? 1 : 0;
  CHECK(counts[QuizKind::Find] == askable);
}

TEST_CASE("questions name only ids the model has, and card keys are unique", "[quiz][questions]") {
  const Scene &scene = test::committedModel();
  std::set<std::string> keys;
  for (const QuizQuestion &q : bundledQuestions()) {
    INFO(cardKey(q) << ": " << q.prompt);
    CHECK(keys.insert(cardKey(q)).second);
    CHECK(!q.prompt.empty());
    CHECK(!q.explanation.empty());
    REQUIRE(!q.expected.empty());
    for (const std::string &id : q.expected)
      CHECK((scene.find(id) || isLandmark(id)));
    for (const auto *ids : {&q.show, &q.about})
      for (const std::string &id : *ids)
        CHECK(scene.find(id));
    if (!q.lit.empty())
      CHECK(scene.find(q.lit));
    if (q.form == AnswerForm::Choice) {
      REQUIRE(q.options.size() == q.optionIds.size());
      CHECK(q.options.size() == 4);
      CHECK(std::set<std::string>(q.options.begin(), q.options.end()).size() == q.options.size());
      REQUIRE(q.correctOption >= 0);
      CHECK(q.optionIds[static_cast<std::size_t>(q.correctOption)] == q.expected.front());
      for (const std::string &id : q.optionIds)
        CHECK((scene.find(id) || isLandmark(id)));
    }
  }
}

TEST_CASE("find and name questions ask for a part by its name, with distractors of its system",
          "[quiz][questions]") {
  const QuizQuestion *find = byKey(bundledQuestions(), "find:scalenus_medius_left");
  REQUIRE(find);
  CHECK(find->prompt == "Click the scalenus medius (left).");
  CHECK(find->form == AnswerForm::Click);
  CHECK(find->expected == std::vector<std::string>{"scalenus_medius_left"});

  const QuizQuestion *name = byKey(bundledQuestions(), "name:c5");
  REQUIRE(name);
  CHECK(name->lit == "c5");
  CHECK(name->form == AnswerForm::Choice);
  for (const std::string &id : name->optionIds)
    CHECK(test::committedModel().find(id)->system == System::Bone);
  // The Latin and English names are accepted as typed answers.
  const QuizQuestion *muscle = byKey(bundledQuestions(), "name:scalenus_posterior_right");
  REQUIRE(muscle);
  CHECK(std::count(muscle->accepted.begin(), muscle->accepted.end(), "Musculus scalenus posterior (right)") ==
        1);
  for (const std::string &id : muscle->optionIds)
    CHECK(test::committedModel().find(id)->system == System::Muscle);

  const QuizQuestion *landmark = byKey(bundledQuestions(), "name:rib1_left.scalene_tubercle");
  REQUIRE(landmark);
  CHECK(landmark->lit == "rib1_left");
  CHECK(landmark->expected == std::vector<std::string>{"rib1_left.scalene_tubercle"});
  CHECK(!landmark->cite.empty());
}

TEST_CASE("attachment and supply questions follow the reference claims", "[quiz][questions]") {
  const QuizQuestion *origin =
      byKey(bundledQuestions(), "attachment:scalenus_posterior.origin.reference/right");
  REQUIRE(origin);
  CHECK(origin->form == AnswerForm::Clicks);
  const std::string muscle = origin->show.back(); // the side drawn for this seed
  CHECK((muscle == "scalenus_posterior_left" || muscle == "scalenus_posterior_right"));
  CHECK(origin->expected == claimTargets("scalenus_posterior.origin.reference", muscle));
  CHECK(origin->expected == std::vector<std::string>{"c4", "c5", "c6"});
  CHECK(origin->cite.find("Standring") != std::string::npos);

  const QuizQuestion *insertion =
      byKey(bundledQuestions(), "attachment:scalenus_posterior.insertion.reference/right");
  REQUIRE(insertion);
  CHECK(insertion->form == AnswerForm::Choice);
  const std::string side = insertion->show.back().substr(std::string("scalenus_posterior_").size());
  CHECK(insertion->expected == std::vector<std::string>{"rib2_" + side});
  for (const std::string &id : insertion->optionIds)
    CHECK(test::committedModel().find(id)->system == System::Bone);

  const QuizQuestion *nerves =
      byKey(bundledQuestions(), "supply:scalenus_posterior.nerve_supply.reference/right");
  REQUIRE(nerves);
  CHECK(nerves->expected == claimTargets("scalenus_posterior.nerve_supply.reference", nerves->show.back()));
  CHECK(nerves->expected.size() == 3);
}

TEST_CASE("source questions say which source they ask about and explain the difference",
          "[quiz][questions]") {
  const QuizQuestion *article =
      byKey(bundledQuestions(), "source:scalenus_posterior.insertion.article/right");
  const QuizQuestion *reference =
      byKey(bundledQuestions(), "source:scalenus_posterior.insertion.reference/right");
  REQUIRE(article);
  REQUIRE(reference);
  CHECK(article->prompt.rfind("According to the article", 0) == 0);
  CHECK(reference->prompt.rfind("According to the standard references", 0) == 0);
  CHECK(article->expected.front().rfind("rib1_", 0) == 0); // the article's (wrong) first rib
  CHECK(reference->expected.front().rfind("rib2_", 0) == 0);
  const content::Claim *claim = test::contentKnowledge().findClaim("scalenus_posterior.insertion.article");
  REQUIRE(claim);
  CHECK(article->explanation.find(claim->note) != std::string::npos);
  CHECK(article->explanation.find(claim->text) != std::string::npos);
  CHECK(article->cite.find("Rxharun") != std::string::npos);
}

TEST_CASE("relation questions never name their answer in the prompt", "[quiz][questions]") {
  int relations = 0;
  for (const QuizQuestion &q : bundledQuestions()) {
    if (q.kind != QuizKind::Relation)
      continue;
    ++relations;
    const Structure *answer = test::committedModel().find(q.expected.front());
    REQUIRE(answer);
    std::string bare = answer->displayName().substr(0, answer->displayName().find(" ("));
    INFO(q.prompt << " / " << bare);
    CHECK(normaliseAnswer(q.prompt).find(normaliseAnswer(bare)) == std::string::npos);
  }
  CHECK(relations >= 20);
}

TEST_CASE("the same seed gives the same quiz, another seed another draw", "[quiz][questions]") {
  const content::KnowledgeBase &kb = test::contentKnowledge();
  Result<std::vector<QuizQuestion>> a = drawQuiz(test::committedModel(), kb, "all", 7, 10);
  Result<std::vector<QuizQuestion>> b = drawQuiz(test::committedModel(), kb, "all", 7, 10);
  Result<std::vector<QuizQuestion>> c = drawQuiz(test::committedModel(), kb, "all", 8, 10);
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(c);
  REQUIRE(a->size() == 10);
  std::vector<std::string> ka, kb2, kc;
  for (std::size_t i = 0; i < 10; ++i) {
    ka.push_back(cardKey((*a)[i]) + (*a)[i].prompt);
    for (const std::string &o : (*a)[i].options)
      ka.back() += "|" + o;
    kb2.push_back(cardKey((*b)[i]) + (*b)[i].prompt);
    for (const std::string &o : (*b)[i].options)
      kb2.back() += "|" + o;
    kc.push_back(cardKey((*c)[i]));
  }
  CHECK(ka == kb2);
  std::vector<std::string> keysA;
  for (const QuizQuestion &q : *a)
    keysA.push_back(cardKey(q));
  CHECK(keysA != kc);
}

TEST_CASE("decks filter by kind, system, landmarks and scalenus posterior", "[quiz][questions]") {
  const Scene &scene = test::committedModel();
  const std::vector<QuizQuestion> &all = bundledQuestions();
  const std::vector<std::string> decks = deckNames(all, scene);
  for (const char *deck : {"all", "find", "name", "attachment", "supply", "relation", "source", "bone",
                           "muscle", "nerve", "artery", "vein", "vessel", "landmarks", "scalenus_posterior"})
    CHECK(std::count(decks.begin(), decks.end(), deck) == 1);

  Result<std::vector<QuizQuestion>> muscles = deckQuestions(all, scene, "muscle");
  REQUIRE(muscles);
  CHECK(!muscles->empty());
  for (const QuizQuestion &q : *muscles)
    CHECK(std::any_of(q.about.begin(), q.about.end(),
                      [&](const std::string &id) { return scene.find(id)->system == System::Muscle; }));
  Result<std::vector<QuizQuestion>> marks = deckQuestions(all, scene, "landmarks");
  REQUIRE(marks);
  CHECK(!marks->empty());
  for (const QuizQuestion &q : *marks)
    CHECK(isLandmark(q.subject));
  Result<std::vector<QuizQuestion>> posterior = deckQuestions(all, scene, "scalenus_posterior");
  REQUIRE(posterior);
  CHECK(byKey(*posterior, "attachment:scalenus_posterior.origin.reference/right"));
  CHECK(byKey(*posterior, "source:scalenus_posterior.insertion.article/left"));
  CHECK_FALSE(byKey(*posterior, "find:scalenus_medius_left"));
  Result<std::vector<QuizQuestion>> supply = deckQuestions(all, scene, "supply");
  REQUIRE(supply);
  for (const QuizQuestion &q : *supply)
    CHECK(q.kind == QuizKind::Supply);

  Result<std::vector<QuizQuestion>> unknown = deckQuestions(all, scene, "spleen");
  REQUIRE_FALSE(unknown);
  CHECK_THAT(unknown.error(), Catch::Contains("no quiz deck 'spleen'"));
  CHECK_THAT(unknown.error(), Catch::Contains("scalenus_posterior"));
  CHECK_THAT(unknown.error(), Catch::Contains("landmarks"));
}

TEST_CASE("a priority puts the cards it ranks higher first", "[quiz][questions]") {
  const std::string due = "attachment:scalenus_posterior.origin.reference/right";
  Result<std::vector<QuizQuestion>> drawn =
      drawQuiz(test::committedModel(), test::contentKnowledge(), "all", 3, 5,
               [&](const std::string &key) { return key == due ? 1.0 : 0.0; });
  REQUIRE(drawn);
  REQUIRE(drawn->size() == 5);
  CHECK(cardKey(drawn->front()) == due);
  CHECK(cardKey(drawn->front()).find(':') != std::string::npos);
}

TEST_CASE("attachment and supply cards are asked for each side and for the article", "[quiz][questions]") {
  for (const char *kind : {"attachment", "supply"}) {
    INFO(kind);
    int left = 0, right = 0, article = 0;
    for (const QuizQuestion &q : bundledQuestions()) {
      if (quizKindName(q.kind) != std::string(kind))
        continue;
      const std::string key = cardKey(q);
      left += key.size() > 5 && key.compare(key.size() - 5, 5, "/left") == 0 ? 1 : 0;
      right += key.size() > 6 && key.compare(key.size() - 6, 6, "/right") == 0 ? 1 : 0;
      if (key.find(".article/") != std::string::npos) {
        ++article;
        CHECK_THAT(q.prompt, Catch::StartsWith("According to the article"));
      }
    }
    CHECK(left == right); // every card on both sides
    CHECK(left >= 6);
    CHECK(article >= 2);
  }
  // The left and right cards of one claim ask about their own side's muscle.
  const QuizQuestion *left = byKey(bundledQuestions(), "attachment:scalenus_posterior.origin.reference/left");
  const QuizQuestion *right =
      byKey(bundledQuestions(), "attachment:scalenus_posterior.origin.reference/right");
  REQUIRE(left);
  REQUIRE(right);
  CHECK_THAT(left->prompt, Catch::Contains("(left)"));
  CHECK_THAT(right->prompt, Catch::Contains("(right)"));
}

TEST_CASE("every kind deck has at least 20 cards on the bundled model", "[quiz][questions]") {
  const Scene &scene = test::committedModel();
  for (QuizKind kind : {QuizKind::Find, QuizKind::Name, QuizKind::Attachment, QuizKind::Supply,
                        QuizKind::Relation, QuizKind::Source}) {
    INFO(quizKindName(kind));
    Result<std::vector<QuizQuestion>> deck = deckQuestions(bundledQuestions(), scene, quizKindName(kind));
    REQUIRE(deck);
    CHECK(deck->size() >= 20);
    std::set<std::string> keys; // 20 different cards, not one card drawn 20 times
    for (const QuizQuestion &q : *deck)
      keys.insert(cardKey(q));
    CHECK(keys.size() == deck->size());
  }
}

TEST_CASE("source cards are asked on each side of the model", "[quiz][questions]") {
  int left = 0, right = 0;
  for (const QuizQuestion &q : bundledQuestions())
    if (q.kind == QuizKind::Source) {
      const std::string key = cardKey(q);
      const bool isLeft = key.size() > 5 && key.compare(key.size() - 5, 5, "/left") == 0;
      left += isLeft ? 1 : 0;
      right += isLeft ? 0 : 1;
      // Each side's card asks about its own side's parts.
      for (const std::string &id : q.expected)
        if (const Structure *s = test::committedModel().find(id);
            s && !s->side.empty() && s->side != "midline")
          CHECK(s->side == (isLeft ? "left" : "right"));
    }
  CHECK(left == right);
  CHECK(left > 0);
}

TEST_CASE("an insertion is asked as a choice and as a click on the bone", "[quiz][questions]") {
  const QuizQuestion *choice =
      byKey(bundledQuestions(), "attachment:scalenus_anterior.insertion.reference/left");
  const QuizQuestion *click =
      byKey(bundledQuestions(), "attachment:scalenus_anterior.insertion.reference/left/click");
  REQUIRE(choice);
  REQUIRE(click);
  CHECK(choice->form == AnswerForm::Choice);
  CHECK(click->form == AnswerForm::Click);
  CHECK(click->expected == claimTargets("scalenus_anterior.insertion.reference", "scalenus_anterior_left"));
  CHECK(click->expected == choice->expected);
  CHECK_THAT(click->prompt, Catch::StartsWith("Click the bone"));
}

TEST_CASE("supplied-by cards read the supply claims the other way round", "[quiz][questions]") {
  const content::KnowledgeBase &kb = test::contentKnowledge();
  const Scene &scene = test::committedModel();
  int cards = 0;
  for (const QuizQuestion &q : bundledQuestions()) {
    const std::string suffix = ".supplies";
    if (q.kind != QuizKind::Supply || q.subject.size() <= suffix.size() ||
        q.subject.compare(q.subject.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    ++cards;
    const std::string target = q.subject.substr(0, q.subject.size() - suffix.size());
    // The muscles whose standard supply claim names the target, from the knowledge base itself.
    std::set<std::string> muscles;
    for (const Structure &s : scene.structures())
      for (const content::Claim *c : kb.claimsAbout(s.id))
        if (!c->variation && c->source == SourceMode::Reference &&
            (c->role == content::ClaimRole::NerveSupply || c->role == content::ClaimRole::BloodSupply) &&
            std::find(c->targets.begin(), c->targets.end(), target) != c->targets.end())
          muscles.insert(c->subject);
    INFO(q.prompt);
    CHECK(std::set<std::string>(q.expected.begin(), q.expected.end()) == muscles);
    CHECK(q.prompt.find(scene.find(target)->displayName().substr(1)) != std::string::npos);
  }
  CHECK(cards >= 4);
}

TEST_CASE("landmark name questions offer four plausible options, twins excluded", "[quiz][questions]") {
  const Scene &scene = test::committedModel();
  std::map<std::string, std::pair<const Structure *, const Landmark *>> marks;
  for (const Structure &s : scene.structures())
    for (const Landmark &l : s.landmarks)
      marks[l.id] = {&s, &l};
  int asked = 0;
  for (const QuizQuestion &q : bundledQuestions()) {
    if (q.kind != QuizKind::Name || !marks.count(q.subject))
      continue;
    ++asked;
    INFO(q.subject);
    REQUIRE(q.options.size() == 4);
    REQUIRE(q.optionIds.size() == 4);
    REQUIRE(q.correctOption >= 0);
    CHECK(q.optionIds[static_cast<std::size_t>(q.correctOption)] == q.subject);
    const auto &[bone, mark] = marks[q.subject];
    int sameBone = 0;
    for (std::size_t i = 0; i < q.optionIds.size(); ++i) {
      if (static_cast<int>(i) == q.correctOption)
        continue;
      REQUIRE(marks.count(q.optionIds[i]));
      const Landmark *other = marks[q.optionIds[i]].second;
      // Never a second name for the same place: both would be right.
      CHECK(glm::distance(other->position, mark->position) > 0.0005f);
      sameBone += marks[q.optionIds[i]].first == bone ? 1 : 0;
    }
    // Typing the model's own (shorter) name is right as well.
    CHECK(matchesAny(mark->name, q.accepted));
    // A bone with enough landmarks of its own on this side (or the midline) fills the options from them.
    auto side = [](const std::string &id) {
      return id.find("_left") != std::string::npos ? 1 : id.find("_right") != std::string::npos ? 2 : 0;
    };
    int ownMarks = 0;
    for (const Landmark &l : bone->landmarks)
      ownMarks += &l != mark && glm::distance(l.position, mark->position) > 0.0005f &&
                          (side(l.id) == 0 || side(mark->id) == 0 || side(l.id) == side(mark->id))
                      ? 1
                      : 0;
    if (ownMarks >= 5)
      CHECK(sameBone >= 3);
  }
  CHECK(asked >= 20);
}

TEST_CASE("a relation question never offers a second part its words are true of", "[quiz][questions]") {
  const content::KnowledgeBase &kb = test::contentKnowledge();
  int checked = 0;
  for (const QuizQuestion &q : bundledQuestions()) {
    if (q.kind != QuizKind::Relation)
      continue;
    const content::Claim *claim = kb.findClaim(q.subject);
    REQUIRE(claim);
    for (std::size_t i = 0; i < q.optionIds.size(); ++i) {
      if (static_cast<int>(i) == q.correctOption)
        continue;
      for (const content::Claim *other : kb.claimsAbout(q.optionIds[i])) {
        INFO(q.prompt << " / option " << q.options[i]);
        CHECK(normaliseAnswer(other->text) != normaliseAnswer(claim->text));
        ++checked;
      }
    }
  }
  CHECK(checked > 100);
}
