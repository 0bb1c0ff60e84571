// The self-test's memory inside the Session (issue 15): the progress file (session/quiz_progress.h)
// read when the first quiz starts, the scheduler's "due first" as the draw's priority, and after every
// answer a review of its card (SM-2, session/quiz_schedule.h) saved at once, atomically. "Today" is a
// day number set by the app from the clock (or --today in tests): nothing here reads a clock.
#pragma once

#include "session/quiz_progress.h"
#include "session/quiz_run.h"

#include <filesystem>
#include <string>
#include <vector>

namespace atlas::quiz {

class QuizMemory {
public:
  std::filesystem::path file; // where progress is kept; empty keeps it in memory only (tests)
  Day today = 0;

  // Reads `file` the first time it is called (later calls keep what is in memory). A corrupt file is
  // moved aside by loadProgressFile; its message is kept in message().
  void load();
  bool loaded() const { return loaded_; }
  const QuizProgress &progress() const { return progress_; }
  // The last load, save or import problem (or the corrupt-file message), for the panel and the log.
  const std::string &message() const { return message_; }
  void clearMessage() { message_.clear(); }
  // False when a bad file could not be moved aside: nothing is written over it.
  bool canSave() const { return canSave_; }

  // priorityScore over the cards in memory, for the quiz draw.
  QuizPriority priority() const;

  // Which questions of `run` were answered (before an answer, for record()).
  static std::vector<bool> answeredFlags(const QuizRun &run);
  // Reviews the card of every question answered since `answeredBefore` (gradeFor of its credit) and
  // saves. Returns the number of cards reviewed.
  int record(const QuizRun &run, const std::vector<bool> &answeredBefore);
  // A question left without an answer (an exam's time ran out): grade 0, saved.
  void recordSkip(const QuizQuestion &question);

  // Export and import (the Progress panel); the message says what happened.
  bool exportTo(const std::filesystem::path &to);
  bool importFrom(const std::filesystem::path &from);

private:
  bool save();
  QuizProgress progress_;
  bool loaded_ = false;
  bool canSave_ = true;
  std::string message_;
};

} // namespace atlas::quiz
