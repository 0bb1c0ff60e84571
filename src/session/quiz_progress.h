// The student's self-test progress (issue 15) on disk: $XDG_DATA_HOME/scalene-atlas/progress.json,
// one SM-2 state per card key (session/quiz_schedule.h). Progress must never be lost:
//  - every save is atomic (temporary file, fsync, rename; io/atomic_file), so a crash mid-write leaves
//    the previous file whole;
//  - a file that cannot be read or parsed is moved aside to progress.json.corrupt-N (a new N, never
//    over an older one) with a message that says where it went wrong, and the app goes on empty;
//  - keys and fields this version does not know are kept and written back (newer versions, cards of
//    structures a later model dropped).
// Export writes a copy atomically; import checks the whole file first and merges card by card.
#pragma once

#include "core/result.h"
#include "session/quiz_schedule.h"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace atlas::quiz {

inline constexpr int kProgressFormatVersion = 1;

struct QuizProgress {
  std::map<std::string, CardState> cards;
  std::map<std::string, nlohmann::json> cardExtras; // per card: fields this version does not know
  nlohmann::json extra = nlohmann::json::object();  // top-level fields this version does not know
};

// $XDG_DATA_HOME/scalene-atlas/progress.json (core/paths dataDir()).
std::filesystem::path defaultProgressFile();

// The file's text: {"format": "scalene-atlas-progress", "version": 1, "cards": {key: {n, ef, interval,
// due, lapses, lastGrade, reviews, last}}}, keys sorted, so equal progress gives equal bytes.
std::string progressJsonText(const QuizProgress &progress);
// Parses that text; `name` stands for the file in messages: "progress.json: byte 17: expected ...".
// Problems in the structure point at the byte where the offending entry's key begins.
Result<QuizProgress> parseProgress(const std::string &text, const std::string &name);

struct ProgressLoad {
  QuizProgress progress;  // empty unless the file was read
  std::string message;    // empty when all went well (a missing file is fine: no progress yet)
  std::string movedAside; // where a bad file was moved, else empty
  // False when a bad file is still in place (it could not be moved aside): saving would overwrite it,
  // so the caller must not save there.
  bool canSave = true;
};
ProgressLoad loadProgressFile(const std::filesystem::path &file);

// Creates the folder if needed, then writes atomically.
Result<void> saveProgressFile(const std::filesystem::path &file, const QuizProgress &progress);

// Export: the same text written atomically to `to`.
Result<void> exportProgress(const QuizProgress &progress, const std::filesystem::path &to);

// Import: `from` is read and checked as a whole first; a bad file changes nothing and its message is
// returned. Then each card is merged: the one answered later wins (then the one with more answers;
// a tie keeps ours), with its unknown fields. Returns the number of cards taken from the file.
Result<int> importProgress(QuizProgress &into, const std::filesystem::path &from);
// The merge alone.
int mergeProgress(QuizProgress &into, const QuizProgress &from);

namespace detail {
// saveProgressFile with the final rename replaceable, for tests that make the last step fail.
Result<void> saveProgressFile(const std::filesystem::path &file, const QuizProgress &progress,
                              int (*rename)(const char *from, const char *to));
} // namespace detail

} // namespace atlas::quiz
