#include "session/quiz_questions.h"

#include "core/enum_names.h"
#include "session/quiz_answers.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <random>
#include <set>
#include <sstream>

namespace atlas::quiz {
namespace {

const std::vector<std::pair<QuizKind, const char *>> kKindNames = {
    {QuizKind::Find, "find"},     {QuizKind::Name, "name"},         {QuizKind::Attachment, "attachment"},
    {QuizKind::Supply, "supply"}, {QuizKind::Relation, "relation"}, {QuizKind::Source, "source"}};

// FNV-1a: a hash that is the same on every platform and run, so a card's draws depend on the seed
// and its key only (std::hash may differ between standard libraries).
std::uint32_t stableHash(const std::string &text) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : text) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::mt19937 cardRandom(std::uint32_t seed, const std::string &key) {
  return std::mt19937(seed ^ stableHash(key));
}

// "Scalenus medius (left)" -> "scalenus medius (left)"; "C7 ..." stays.
std::string lowerFirst(std::string text) {
  if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) &&
      std::islower(static_cast<unsigned char>(text[1])))
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

std::string firstSentence(const std::string &text) {
  const std::size_t end = text.find(". ");
  return end == std::string::npos ? text : text.substr(0, end + 1);
}

// Landmarks closer than this are one place under two names (metres; the model's frame).
constexpr float kSamePlace = 0.5e-3f;

// "left", "right" or "" (a midline landmark) from a landmark id: "c5.lamina_left", "rib1_right.neck".
std::string landmarkSide(const std::string &id) {
  if (id.find("_left") != std::string::npos)
    return "left";
  if (id.find("_right") != std::string::npos)
    return "right";
  return "";
}

// Left against right; a midline landmark is on neither side.
bool oppositeSides(const std::string &a, const std::string &b) {
  return !a.empty() && !b.empty() && a != b;
}

bool askable(const Structure &s) {
  return s.system != System::Attachment && s.triangleCount() > 0;
}

struct Model {
  const Scene &scene;
  const content::KnowledgeBase &knowledge;
  std::uint32_t seed;

  const Structure *structure(const std::string &id) const { return scene.find(id); }
  std::string name(const std::string &id) const {
    const Structure *s = structure(id);
    return s ? s->displayName() : id;
  }

  // The texts a student may type for a structure: its names with and without the words in brackets
  // ("Atlas", "C1"), its Latin name with and without "musculus" and the like, and its id. The side
  // goes with each, as the answer checker compares it on its own.
  std::vector<std::string> acceptedNames(const Structure &s) const {
    const std::string side = s.side == "left" || s.side == "right" ? " (" + s.side + ")" : "";
    std::vector<std::string> names{s.displayName(), s.id};
    std::vector<std::string> bases{s.displayName()};
    if (const content::StructureEntry *entry = knowledge.findStructure(s.id)) {
      bases.push_back(entry->name);
      if (!entry->latin.empty()) {
        bases.push_back(entry->latin);
        const std::size_t space = entry->latin.find(' ');
        const std::string first = normaliseAnswer(entry->latin.substr(0, space));
        if (space != std::string::npos && (first == "musculus" || first == "nervus" || first == "arteria" ||
                                           first == "vena" || first == "os"))
          bases.push_back(entry->latin.substr(space + 1));
      }
    } else if (!s.latin.empty())
      bases.push_back(s.latin);
    for (const std::string &base : bases) {
      // The words outside brackets, and each bracketed group that is not the side.
      std::string outside;
      int depth = 0;
      std::string group;
      for (char c : base) {
        if (c == '(') {
          ++depth;
          group.clear();
        } else if (c == ')') {
          depth = std::max(depth - 1, 0);
          if (const std::string g = normaliseAnswer(group); !g.empty() && g != "left" && g != "right")
            names.push_back(group + side);
        } else if (depth > 0)
          group += c;
        else
          outside += c;
      }
      names.push_back(outside + side);
    }
    return names;
  }

  std::vector<std::string> cites(const std::string &structureId) const {
    for (const content::Claim *claim : knowledge.claimsAbout(structureId))
      if (claim->source == SourceMode::Reference && !claim->variation && !claim->cite.empty())
        return {claim->cite};
    return {};
  }

  // Three plausible wrong answers for `id`: parts of the same system, the same side (or the midline)
  // first, nearest first; three drawn from the five nearest, so they vary with the seed.
  std::vector<std::string> distractors(const std::string &id, std::mt19937 &random,
                                       const std::set<std::string> &exclude = {}) const {
    const Structure *answer = structure(id);
    if (!answer)
      return {};
    const glm::vec3 centre = answer->bounds().center();
    // Words the names share ("rib", "scalenus", "cervical vertebra") make a distractor plausible.
    auto words = [](const std::string &text) {
      std::set<std::string> set;
      std::istringstream stream(normaliseAnswer(text));
      for (std::string w; stream >> w;)
        if (w != "left" && w != "right" && w != "of" && w != "the")
          set.insert(w);
      return set;
    };
    const std::set<std::string> answerWords = words(answer->displayName());
    struct Candidate {
      bool otherSide;
      int shared;
      float distance;
      std::string id;
    };
    std::vector<Candidate> candidates;
    std::set<std::string> labels{normaliseAnswer(answer->displayName())};
    for (const Structure &s : scene.structures()) {
      if (s.id == id || !askable(s) || exclude.count(s.id))
        continue;
      const bool otherSide = !s.side.empty() && s.side != "midline" && !answer->side.empty() &&
                             answer->side != "midline" && s.side != answer->side;
      int shared = 0;
      for (const std::string &w : words(s.displayName()))
        shared += static_cast<int>(answerWords.count(w));
      candidates.push_back({otherSide, shared, glm::distance(s.bounds().center(), centre), s.id});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
      if (a.otherSide != b.otherSide)
        return !a.otherSide;
      if (a.shared != b.shared)
        return a.shared > b.shared;
      return a.distance != b.distance ? a.distance < b.distance : a.id < b.id;
    });
    std::vector<std::string> near;
    for (const Candidate &c : candidates)
      if (structure(c.id)->system == answer->system && near.size() < 5 &&
          labels.insert(normaliseAnswer(name(c.id))).second)
        near.push_back(c.id);
    std::shuffle(near.begin(), near.end(), random);
    near.resize(std::min<std::size_t>(near.size(), 3));
    // A system of two parts (the pleurae) borrows the nearest parts of other systems.
    for (const Candidate &c : candidates)
      if (near.size() < 3 && labels.insert(normaliseAnswer(name(c.id))).second)
        near.push_back(c.id);
    return near;
  }

  // Makes `q` a choice among `answerId` and its distractors, in an order drawn from `random`.
  void makeChoice(QuizQuestion &q, const std::string &answerId, std::mt19937 &random,
                  const std::set<std::string> &exclude = {}) const {
    q.form = AnswerForm::Choice;
    q.optionIds = distractors(answerId, random, exclude);
    q.optionIds.push_back(answerId);
    std::shuffle(q.optionIds.begin(), q.optionIds.end(), random);
    for (const std::string &option : q.optionIds)
      q.options.push_back(name(option));
    q.correctOption =
        static_cast<int>(std::find(q.optionIds.begin(), q.optionIds.end(), answerId) - q.optionIds.begin());
    q.expected = {answerId};
    if (const Structure *s = structure(answerId))
      q.accepted = acceptedNames(*s);
  }

  // One copy of each claim id whose subject and targets the model has (claims written for "{side}"
  // exist once per side; the side asked is drawn from the seed), in content order.
  std::vector<const content::Claim *> claimCards(QuizKind kind) const {
    std::vector<std::string> order;
    std::map<std::string, std::vector<const content::Claim *>> copies;
    for (const content::Claim &claim : knowledge.claims()) {
      if (!structure(claim.subject))
        continue;
      if (!copies.count(claim.id))
        order.push_back(claim.id);
      copies[claim.id].push_back(&claim);
    }
    std::vector<const content::Claim *> chosen;
    for (const std::string &id : order) {
      const auto &list = copies[id];
      std::mt19937 random = cardRandom(seed, std::string(quizKindName(kind)) + ":" + id);
      chosen.push_back(list[random() % list.size()]);
    }
    return chosen;
  }

  // Every copy of every claim whose subject the model has (a "{side}" claim once per side), in
  // content order: attachment and supply cards are asked for each side.
  std::vector<const content::Claim *> claimCopies() const {
    std::vector<const content::Claim *> copies;
    for (const content::Claim &claim : knowledge.claims())
      if (structure(claim.subject))
        copies.push_back(&claim);
    return copies;
  }

  std::vector<std::string> targetsInModel(const content::Claim &claim) const {
    std::vector<std::string> ids;
    for (const std::string &t : claim.targets)
      if (structure(t) && std::find(ids.begin(), ids.end(), t) == ids.end())
        ids.push_back(t);
    return ids;
  }
};

// Every named part: "Click the scalenus medius (left)."
void addFindQuestions(const Model &m, std::vector<QuizQuestion> &out) {
  for (const Structure &s : m.scene.structures()) {
    if (!askable(s))
      continue;
    QuizQuestion q;
    q.kind = QuizKind::Find;
    q.form = AnswerForm::Click;
    q.subject = s.id;
    q.prompt = "Click the " + lowerFirst(s.displayName()) + ".";
    q.expected = {s.id};
    q.accepted = {s.id};
    if (const content::StructureEntry *entry = m.knowledge.findStructure(s.id))
      q.explanation = firstSentence(entry->description);
    const std::vector<std::string> cite = m.cites(s.id);
    q.cite = cite.empty() ? "" : cite.front();
    q.show = {s.id};
    q.about = {s.id};
    out.push_back(std::move(q));
  }
}

// A lit part or a marked landmark to name, typed or chosen among four.
void addNameQuestions(const Model &m, std::vector<QuizQuestion> &out) {
  for (const Structure &s : m.scene.structures()) {
    if (!askable(s))
      continue;
    QuizQuestion q;
    q.kind = QuizKind::Name;
    q.subject = s.id;
    q.prompt = std::string("Name the ") + systemName(s.system) + " lit on the model.";
    std::mt19937 random = cardRandom(m.seed, "name:" + s.id);
    m.makeChoice(q, s.id, random);
    q.lit = s.id;
    if (const content::StructureEntry *entry = m.knowledge.findStructure(s.id))
      q.explanation = s.displayName() + (entry->latin.empty() ? "" : " (" + entry->latin + ")") + ". " +
                      firstSentence(entry->description);
    const std::vector<std::string> cite = m.cites(s.id);
    q.cite = cite.empty() ? "" : cite.front();
    q.show = {s.id};
    q.about = {s.id};
    out.push_back(std::move(q));
  }
  // Landmarks: the distractors are other landmarks (other names), nearest first.
  struct Mark {
    const Structure *bone;
    const Landmark *landmark;
  };
  std::vector<Mark> marks;
  for (const Structure &s : m.scene.structures())
    for (const Landmark &l : s.landmarks)
      marks.push_back({&s, &l});
  auto markName = [&](const Mark &mark) {
    const content::LandmarkEntry *entry = m.knowledge.findLandmark(mark.landmark->id);
    return entry && !entry->name.empty() ? entry->name : mark.landmark->name;
  };
  for (const Mark &mark : marks) {
    QuizQuestion q;
    q.kind = QuizKind::Name;
    q.form = AnswerForm::Choice;
    q.subject = mark.landmark->id;
    q.prompt = "Name the landmark marked on the " + lowerFirst(mark.bone->displayName()) + ".";
    q.lit = mark.bone->id;
    const std::string answer = markName(mark);
    // Two names for one place (the carotid tubercle is the anterior tubercle of C6) are one answer:
    // the twin is never a wrong option, and its name is accepted when typed.
    auto twin = [&](const Mark &other) {
      return &other != &mark && glm::distance(other.landmark->position, mark.landmark->position) < kSamePlace;
    };
    // Plausible wrong options: not the other side's copy first, then the same bone, then the
    // neighbouring bones (nearest first); three drawn from the five best.
    struct Near {
      bool otherSide, otherBone;
      float distance;
      const Mark *mark;
    };
    std::vector<Near> near;
    for (const Mark &other : marks)
      if (&other != &mark && !twin(other))
        near.push_back({oppositeSides(landmarkSide(other.landmark->id), landmarkSide(mark.landmark->id)),
                        other.bone != mark.bone,
                        glm::distance(other.landmark->position, mark.landmark->position), &other});
    std::stable_sort(near.begin(), near.end(), [](const Near &a, const Near &b) {
      if (a.otherSide != b.otherSide)
        return !a.otherSide;
      if (a.otherBone != b.otherBone)
        return !a.otherBone;
      return a.distance < b.distance;
    });
    std::set<std::string> labels{normaliseAnswer(answer)};
    for (const Mark &other : marks)
      if (twin(other))
        labels.insert(normaliseAnswer(markName(other)));
    std::vector<const Mark *> wrong;
    for (const Near &other : near)
      if (wrong.size() < 5 && labels.insert(normaliseAnswer(markName(*other.mark))).second)
        wrong.push_back(other.mark);
    std::mt19937 random = cardRandom(m.seed, "name:" + mark.landmark->id);
    std::shuffle(wrong.begin(), wrong.end(), random);
    wrong.resize(std::min<std::size_t>(wrong.size(), 3));
    wrong.push_back(&mark);
    std::shuffle(wrong.begin(), wrong.end(), random);
    for (const Mark *option : wrong) {
      q.options.push_back(markName(*option));
      q.optionIds.push_back(option->landmark->id);
      if (option == &mark)
        q.correctOption = static_cast<int>(q.options.size()) - 1;
    }
    q.expected = {mark.landmark->id};
    // Typed: the knowledge base's name, the model's shorter one ("Scalene tubercle (left)": the side
    // is checked apart), the id, and a twin's names.
    q.accepted = {answer, mark.landmark->name, mark.landmark->id};
    for (const Mark &other : marks)
      if (twin(other)) {
        q.accepted.push_back(markName(other));
        q.accepted.push_back(other.landmark->name);
      }
    if (const content::LandmarkEntry *entry = m.knowledge.findLandmark(mark.landmark->id)) {
      q.explanation = answer + ": " + firstSentence(entry->description);
      q.cite = entry->cite;
    }
    q.show = {mark.bone->id};
    q.about = {mark.bone->id};
    out.push_back(std::move(q));
  }
}

// The verb of a claim's question: "where does the X arise", "which nerves supply the X"...
std::string claimQuestion(content::ClaimRole role, const std::string &subject) {
  switch (role) {
  case content::ClaimRole::Origin:
    return "where does the " + subject + " arise (its origin)";
  case content::ClaimRole::Insertion:
    return "where does the " + subject + " insert";
  case content::ClaimRole::NerveSupply:
    return "which nerves supply the " + subject;
  case content::ClaimRole::BloodSupply:
    return "which arteries supply the " + subject;
  case content::ClaimRole::Action:
    return "which parts does the " + subject + " act on";
  case content::ClaimRole::Relation:
    return "which parts does the " + subject + " lie against";
  }
  return "";
}

// A claim asked as clicks on every target, or as a choice when it has one target.
void askClaimTargets(const Model &m, QuizQuestion &q, const content::Claim &claim, const std::string &lead) {
  const std::vector<std::string> targets = m.targetsInModel(claim);
  const std::string question = claimQuestion(claim.role, lowerFirst(m.name(claim.subject)));
  if (targets.size() == 1) {
    std::mt19937 random = cardRandom(m.seed, cardKey(q));
    m.makeChoice(q, targets.front(), random);
    q.prompt = lead + question + "?";
  } else {
    q.form = AnswerForm::Clicks;
    q.expected = targets;
    q.prompt = lead + question + "? Click every one.";
  }
  q.show = targets;
  q.show.push_back(claim.subject);
  q.about = q.show;
}

// Attachment and supply cards, one per claim and side ("attachment:<claim id>/<side>"), so that a
// 20-question deck exists; the article's versions are asked too, saying which source they follow.
void addClaimQuestions(const Model &m, QuizKind kind, std::vector<QuizQuestion> &out) {
  for (const content::Claim *claim : m.claimCopies()) {
    if (claim->variation || m.targetsInModel(*claim).empty())
      continue;
    const bool attachment =
        claim->role == content::ClaimRole::Origin || claim->role == content::ClaimRole::Insertion;
    const bool supply =
        claim->role == content::ClaimRole::NerveSupply || claim->role == content::ClaimRole::BloodSupply;
    if ((kind == QuizKind::Attachment && !attachment) || (kind == QuizKind::Supply && !supply))
      continue;
    QuizQuestion q;
    q.kind = kind;
    q.subject = claim->id;
    if (const Structure *subject = m.structure(claim->subject); !subject->side.empty())
      q.subject += "/" + subject->side;
    const std::string lead = claim->source == SourceMode::Article ? "according to the article, " : "";
    askClaimTargets(m, q, *claim, lead);
    q.prompt[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(q.prompt[0])));
    q.explanation = m.name(claim->subject) + ": " + claim->text;
    q.cite = claim->cite;
    // An insertion on one bone is also asked the other way round: found on the model, not chosen
    // from a list ("Click the origin of ..." / "which rib does it insert on?", issue 15).
    const std::vector<std::string> targets = m.targetsInModel(*claim);
    if (claim->role == content::ClaimRole::Insertion && targets.size() == 1) {
      QuizQuestion click = q;
      click.subject += "/click";
      click.form = AnswerForm::Click;
      click.options.clear();
      click.optionIds.clear();
      click.correctOption = -1;
      click.expected = targets;
      click.accepted = {targets.front()};
      if (const Structure *bone = m.structure(targets.front()))
        click.accepted = m.acceptedNames(*bone);
      click.prompt = lead + "click the bone the " + lowerFirst(m.name(claim->subject)) + " inserts on.";
      click.prompt[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(click.prompt[0])));
      out.push_back(std::move(q));
      out.push_back(std::move(click));
      continue;
    }
    out.push_back(std::move(q));
  }
}

// The supply claims read the other way: "Which muscles does the C5 ventral ramus (left) supply?",
// one card per nerve or artery that the standard references name, its answer every muscle whose
// claim names it. Nothing is added to the claims: the answer is the set of their subjects.
void addSuppliedByQuestions(const Model &m, std::vector<QuizQuestion> &out) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<const content::Claim *>> byTarget;
  for (const content::Claim *claim : m.claimCopies()) {
    if (claim->variation || claim->source != SourceMode::Reference ||
        (claim->role != content::ClaimRole::NerveSupply && claim->role != content::ClaimRole::BloodSupply))
      continue;
    for (const std::string &target : m.targetsInModel(*claim)) {
      if (!byTarget.count(target))
        order.push_back(target);
      byTarget[target].push_back(claim);
    }
  }
  for (const std::string &target : order) {
    const std::vector<const content::Claim *> &claims = byTarget[target];
    std::vector<std::string> subjects;
    std::string explanation, cite;
    for (const content::Claim *claim : claims) {
      if (std::find(subjects.begin(), subjects.end(), claim->subject) == subjects.end())
        subjects.push_back(claim->subject);
      explanation += (explanation.empty() ? "" : " ") + m.name(claim->subject) + ": " + claim->text;
      if (cite.find(claim->cite) == std::string::npos)
        cite += (cite.empty() ? "" : "; ") + claim->cite;
    }
    QuizQuestion q;
    q.kind = QuizKind::Supply;
    q.subject = target + ".supplies";
    // "On the model": the rami supply many muscles the model does not have.
    const std::string question =
        "Which muscles on the model does the " + lowerFirst(m.name(target)) + " supply";
    if (subjects.size() == 1) {
      std::mt19937 random = cardRandom(m.seed, cardKey(q));
      m.makeChoice(q, subjects.front(), random);
      q.prompt = question + " (the standard references)?";
    } else {
      q.form = AnswerForm::Clicks;
      q.expected = subjects;
      q.prompt = question + " (the standard references)? Click every one.";
    }
    q.explanation = explanation;
    q.cite = cite;
    q.show = subjects;
    q.show.push_back(target);
    q.about = q.show;
    out.push_back(std::move(q));
  }
}

// "Which structure is this? <its relation>" — the subject of a relation claim whose text does not
// name it, chosen among four of its system.
void addRelationQuestions(const Model &m, std::vector<QuizQuestion> &out) {
  for (const content::Claim *claim : m.claimCards(QuizKind::Relation)) {
    if (claim->role != content::ClaimRole::Relation || claim->source != SourceMode::Reference ||
        claim->variation)
      continue;
    const Structure *subject = m.structure(claim->subject);
    // A text that says any of its names ("subclavian artery", "C6") gives the answer away.
    const std::string text = " " + normaliseAnswer(claim->text) + " ";
    bool named = false;
    for (const std::string &accepted : m.acceptedNames(*subject)) {
      std::string bare = normaliseAnswer(accepted);
      for (const char *side : {" left", " right"})
        if (bare.size() > std::strlen(side) &&
            bare.compare(bare.size() - std::strlen(side), std::string::npos, side) == 0)
          bare.resize(bare.size() - std::strlen(side));
      named = named || (!bare.empty() && text.find(" " + bare + " ") != std::string::npos);
    }
    if (named)
      continue;
    QuizQuestion q;
    q.kind = QuizKind::Relation;
    q.subject = claim->id;
    // Parts whose own claims say the same words ("Supplies all three scalenes." is true of the C4,
    // C5 and C6 rami, and of the other side's copy) would be right too: never a wrong option.
    std::set<std::string> alsoTrue;
    const std::string said = normaliseAnswer(claim->text);
    for (const content::Claim &other : m.knowledge.claims())
      if (other.subject != subject->id && normaliseAnswer(other.text) == said)
        alsoTrue.insert(other.subject);
    std::mt19937 random = cardRandom(m.seed, cardKey(q));
    m.makeChoice(q, subject->id, random, alsoTrue);
    q.prompt = "Which structure is this? \"" + claim->text + "\"";
    q.explanation = subject->displayName() + ": " + claim->text;
    q.cite = claim->cite;
    q.show = {subject->id};
    q.about = {subject->id};
    for (const std::string &t : m.targetsInModel(*claim))
      q.about.push_back(t);
    out.push_back(std::move(q));
  }
}

std::string sourceLead(const content::Claim &claim) {
  return claim.source == SourceMode::Article ? "According to the article, "
                                             : "According to the standard references (" + claim.cite + "), ";
}

// For each pair of claims that disagree (differs_from), one question per side of the disagreement;
// the explanation gives both and the difference.
void addSourceQuestions(const Model &m, std::vector<QuizQuestion> &out) {
  std::set<std::string> asked;
  // Each side's copy of a claim is its own card, as for attachments: the model shows both sides.
  for (const content::Claim *claim : m.claimCopies()) {
    if (claim->differsFrom.empty())
      continue;
    // The other claim, on the same side as this one.
    const content::Claim *other = nullptr;
    for (const content::Claim *c : m.knowledge.claimsAbout(claim->subject))
      if (c->id == claim->differsFrom)
        other = c;
    if (!other)
      other = m.knowledge.findClaim(claim->differsFrom);
    // Only a disagreement between the article and the references, on what the model can show.
    if (!other || other->source == claim->source || m.targetsInModel(*other) == m.targetsInModel(*claim))
      continue;
    for (const auto &[asks, against] : {std::pair{claim, other}, std::pair{other, claim}}) {
      const Structure *subject = m.structure(asks->subject);
      const std::string side = subject && !subject->side.empty() ? "/" + subject->side : "";
      if (m.targetsInModel(*asks).empty() || !subject || !asked.insert(asks->id + side).second)
        continue;
      QuizQuestion q;
      q.kind = QuizKind::Source;
      q.subject = asks->id + side;
      askClaimTargets(m, q, *asks, sourceLead(*asks));
      auto said = [](const content::Claim &c) {
        return std::string(c.source == SourceMode::Article ? "The article: " : "The references: ") + c.text;
      };
      q.explanation = said(*asks) + " " + said(*against) + " " + (claim->note.empty() ? "" : claim->note);
      q.cite = asks->cite + "; " + against->cite;
      out.push_back(std::move(q));
    }
  }
}

bool startsWith(const std::string &text, const std::string &prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

bool isLandmarkQuestion(const QuizQuestion &q) {
  return q.kind == QuizKind::Name && q.subject.find('.') != std::string::npos && q.lit != q.subject;
}

bool inDeck(const QuizQuestion &q, const Scene &scene, const std::string &deck) {
  if (deck == "all")
    return true;
  if (deck == "landmarks")
    return isLandmarkQuestion(q);
  if (const std::optional<QuizKind> kind = quizKindFromName(deck))
    return q.kind == *kind;
  if (deck == "scalenus_posterior")
    return startsWith(q.subject, "scalenus_posterior") ||
           std::any_of(q.about.begin(), q.about.end(),
                       [](const std::string &id) { return startsWith(id, "scalenus_posterior"); });
  const std::optional<System> system = systemFromName(deck);
  const bool vessel = deck == "vessel";
  return std::any_of(q.about.begin(), q.about.end(), [&](const std::string &id) {
    const Structure *s = scene.find(id);
    return s && (vessel ? (s->system == System::Artery || s->system == System::Vein)
                        : system && s->system == *system);
  });
}

} // namespace

const char *quizKindName(QuizKind kind) {
  return nameIn(kKindNames, kind, "find");
}

std::optional<QuizKind> quizKindFromName(const std::string &name) {
  return valueNamed(kKindNames, name);
}

const char *answerFormName(AnswerForm form) {
  return form == AnswerForm::Click ? "click" : form == AnswerForm::Clicks ? "clicks" : "choice";
}

std::string cardKey(const QuizQuestion &question) {
  return std::string(quizKindName(question.kind)) + ":" + question.subject;
}

std::vector<std::string> acceptedNames(const Scene &scene, const content::KnowledgeBase &knowledge,
                                       const Structure &structure) {
  return Model{scene, knowledge, 0}.acceptedNames(structure);
}

std::string resolveStructure(const Scene &scene, const content::KnowledgeBase &knowledge,
                             const std::string &text) {
  if (const Structure *s = scene.find(text))
    return s->attachment ? s->attachment->bone : s->id;
  for (const Structure &s : scene.structures())
    if (askable(s) && matchesAny(text, acceptedNames(scene, knowledge, s)))
      return s.id;
  return "";
}

std::vector<QuizQuestion> allQuestions(const Scene &scene, const content::KnowledgeBase &knowledge,
                                       std::uint32_t seed) {
  const Model m{scene, knowledge, seed};
  std::vector<QuizQuestion> out;
  addFindQuestions(m, out);
  addNameQuestions(m, out);
  addClaimQuestions(m, QuizKind::Attachment, out);
  addClaimQuestions(m, QuizKind::Supply, out);
  addSuppliedByQuestions(m, out);
  addRelationQuestions(m, out);
  addSourceQuestions(m, out);
  return out;
}

std::vector<std::string> deckNames(const std::vector<QuizQuestion> &all, const Scene &scene) {
  std::vector<std::string> names{"all"};
  for (const auto &[kind, name] : kKindNames)
    names.push_back(name);
  for (int s = 0; s <= static_cast<int>(System::Other); ++s)
    if (!quizKindFromName(systemName(static_cast<System>(s)))) // "attachment" is the kind's deck
      names.push_back(systemName(static_cast<System>(s)));
  names.push_back("vessel");
  names.push_back("landmarks");
  names.push_back("scalenus_posterior");
  // Only the decks with questions on this model.
  names.erase(std::remove_if(names.begin() + 1, names.end(),
                             [&](const std::string &deck) {
                               return std::none_of(all.begin(), all.end(), [&](const QuizQuestion &q) {
                                 return inDeck(q, scene, deck);
                               });
                             }),
              names.end());
  return names;
}

Result<std::vector<QuizQuestion>> deckQuestions(const std::vector<QuizQuestion> &all, const Scene &scene,
                                                const std::string &deck) {
  const std::vector<std::string> valid = deckNames(all, scene);
  if (std::find(valid.begin(), valid.end(), deck) == valid.end()) {
    std::string list;
    for (const std::string &name : valid)
      list += (list.empty() ? "" : ", ") + name;
    return Error{"no quiz deck '" + deck + "'; the decks are: " + list};
  }
  std::vector<QuizQuestion> chosen;
  for (const QuizQuestion &q : all)
    if (inDeck(q, scene, deck))
      chosen.push_back(q);
  return chosen;
}

Result<std::vector<QuizQuestion>> drawQuiz(const Scene &scene, const content::KnowledgeBase &knowledge,
                                           const std::string &deck, std::uint32_t seed, int count,
                                           const QuizPriority &priority) {
  Result<std::vector<QuizQuestion>> questions =
      deckQuestions(allQuestions(scene, knowledge, seed), scene, deck);
  if (!questions)
    return questions;
  std::vector<QuizQuestion> &list = *questions;
  std::mt19937 random(seed);
  std::shuffle(list.begin(), list.end(), random);
  if (priority) {
    std::vector<double> keys;
    for (const QuizQuestion &q : list)
      keys.push_back(priority(cardKey(q)));
    std::vector<std::size_t> order(list.size());
    for (std::size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return keys[a] > keys[b]; });
    std::vector<QuizQuestion> sorted;
    for (std::size_t i : order)
      sorted.push_back(std::move(list[i]));
    list = std::move(sorted);
  }
  if (count > 0 && static_cast<std::size_t>(count) < list.size())
    list.resize(static_cast<std::size_t>(count));
  return questions;
}

} // namespace atlas::quiz
