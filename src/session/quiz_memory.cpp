#include "session/quiz_memory.h"

#include "session/quiz_words.h"

namespace atlas::quiz {

void QuizMemory::load() {
  if (loaded_)
    return;
  loaded_ = true;
  if (file.empty())
    return;
  ProgressLoad read = loadProgressFile(file);
  progress_ = std::move(read.progress);
  canSave_ = read.canSave;
  message_ = read.message;
}

QuizPriority QuizMemory::priority() const {
  return [this](const std::string &key) { return priorityScore(progress_.cards, key, today); };
}

std::vector<bool> QuizMemory::answeredFlags(const QuizRun &run) {
  std::vector<bool> flags;
  for (const GivenAnswer &given : run.given())
    flags.push_back(given.answered);
  return flags;
}

int QuizMemory::record(const QuizRun &run, const std::vector<bool> &answeredBefore) {
  int reviewed = 0;
  for (std::size_t i = 0; i < run.given().size(); ++i) {
    const GivenAnswer &given = run.given()[i];
    if (!given.answered || (i < answeredBefore.size() && answeredBefore[i]))
      continue;
    const std::string key = cardKey(run.questions()[i]);
    CardState &card = progress_.cards[key];
    card = review(card, gradeFor(AnswerOutcome{given.credit, true, false, false}), today);
    ++reviewed;
  }
  if (reviewed > 0)
    save();
  return reviewed;
}

void QuizMemory::recordSkip(const QuizQuestion &question) {
  CardState &card = progress_.cards[cardKey(question)];
  card = review(card, gradeFor(AnswerOutcome{0.0, true, false, true}), today);
  save();
}

bool QuizMemory::save() {
  // A bad file that could not be moved aside is never written over; nor is anything without a file.
  if (file.empty() || !canSave_)
    return false;
  if (Result<void> saved = saveProgressFile(file, progress_); !saved) {
    message_ = "progress not saved: " + saved.error();
    return false;
  }
  return true;
}

bool QuizMemory::exportTo(const std::filesystem::path &to) {
  load();
  if (Result<void> written = exportProgress(progress_, to); !written) {
    message_ = "export failed: " + written.error();
    return false;
  }
  message_ = "progress exported to " + to.string() + " (" +
             countOf(static_cast<long long>(progress_.cards.size()), "card", "cards") + ")";
  return true;
}

bool QuizMemory::importFrom(const std::filesystem::path &from) {
  load();
  Result<int> taken = importProgress(progress_, from);
  if (!taken) {
    message_ = "import failed, progress unchanged: " + taken.error();
    return false;
  }
  save();
  message_ = "imported " + countOf(*taken, "card", "cards") + " from " + from.string();
  return true;
}

} // namespace atlas::quiz
