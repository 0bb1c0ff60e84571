#include "session/quiz_progress.h"

#include "core/paths.h"
#include "io/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <unistd.h>

namespace atlas::quiz {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char *kFormatName = "scalene-atlas-progress";
// Far above any real progress file (a few hundred bytes per card); a bigger file is not ours.
constexpr std::uintmax_t kMaxProgressBytes = std::uintmax_t{64} << 20;

// The fields this version writes for a card; any other field is kept as it is.
const char *const kCardFields[] = {"n", "ef", "interval", "due", "lapses", "lastGrade", "reviews", "last"};

bool isCardField(const std::string &key) {
  for (const char *field : kCardFields)
    if (key == field)
      return true;
  return false;
}

// Where `key` (as a JSON string) first appears in `text` at or after `from`: the byte a structure
// problem is reported at. Falls back to `from` when the key is not written as plain JSON text.
std::size_t byteOfKey(const std::string &text, const std::string &key, std::size_t from = 0) {
  const std::string quoted = json(key).dump(-1, ' ', false, json::error_handler_t::replace);
  const std::size_t at = text.find(quoted, from);
  return at == std::string::npos ? from : at;
}

std::string problemAt(const std::string &name, std::size_t byte, const std::string &what) {
  return name + ": byte " + std::to_string(byte) + ": " + what;
}

// nlohmann's "syntax error while parsing object - unexpected end of input; expected string literal"
// becomes "expected string literal (unexpected end of input)".
std::string syntaxProblem(const std::string &what) {
  std::string text = what;
  const std::size_t column = text.find("column ");
  if (column != std::string::npos) {
    const std::size_t colon = text.find(": ", column);
    if (colon != std::string::npos)
      text = text.substr(colon + 2);
  }
  const std::size_t dash = text.find(" - ");
  if (dash != std::string::npos)
    text = text.substr(dash + 3);
  const std::size_t expected = text.find("; expected ");
  if (expected != std::string::npos)
    return text.substr(expected + 2) + " (" + text.substr(0, expected) + ")";
  return "expected valid JSON (" + text + ")";
}

const char *typeName(const json &value) {
  return value.type_name();
}

// Reads an integer field when present; false (with `problem`) when present but not a whole number
// in [low, high].
bool readInteger(const json &card, const char *field, std::int64_t low, std::int64_t high, std::int64_t &out,
                 std::string &problem) {
  const auto it = card.find(field);
  if (it == card.end())
    return true;
  if (!it->is_number_integer()) {
    problem = std::string("expected a whole number for '") + field + "', found " + typeName(*it);
    return false;
  }
  const std::int64_t value =
      it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(high)
          ? high + 1
          : it->get<std::int64_t>();
  if (value < low || value > high) {
    problem = std::string("expected '") + field + "' between " + std::to_string(low) + " and " +
              std::to_string(high) + ", found " + it->dump();
    return false;
  }
  out = value;
  return true;
}

std::optional<std::string> readCard(const json &value, CardState &card, json &extras) {
  if (!value.is_object())
    return std::string("expected an object for the card, found ") + typeName(value);
  std::string problem;
  constexpr std::int64_t kBig = std::numeric_limits<int>::max();
  constexpr std::int64_t kDays = std::int64_t{1} << 40;
  std::int64_t n = card.repetitions, interval = card.interval, due = card.due, lapses = card.lapses,
               grade = card.lastGrade, reviews = card.reviews, last = card.lastReview;
  if (!readInteger(value, "n", 0, kBig, n, problem) ||
      !readInteger(value, "interval", 0, kBig, interval, problem) ||
      !readInteger(value, "due", -kDays, kDays, due, problem) ||
      !readInteger(value, "lapses", 0, kBig, lapses, problem) ||
      !readInteger(value, "lastGrade", -1, 5, grade, problem) ||
      !readInteger(value, "reviews", 0, kBig, reviews, problem) ||
      !readInteger(value, "last", -1, kDays, last, problem))
    return problem;
  if (const auto ef = value.find("ef"); ef != value.end()) {
    if (!ef->is_number() || !(ef->get<double>() >= kMinimumEasiness - 1e-9) || ef->get<double>() > 100.0)
      return "expected 'ef' to be a number from 1.3 up, found " + ef->dump();
    card.easiness = ef->get<double>();
  }
  card.repetitions = static_cast<int>(n);
  card.interval = static_cast<int>(interval);
  card.due = due;
  card.lapses = static_cast<int>(lapses);
  card.lastGrade = static_cast<int>(grade);
  card.reviews = static_cast<int>(reviews);
  card.lastReview = last;
  extras = json::object();
  for (auto it = value.begin(); it != value.end(); ++it)
    if (!isCardField(it.key()))
      extras[it.key()] = it.value();
  return std::nullopt;
}

enum class ReadOutcome { Read, Missing, Failed };

// The file's bytes; Missing when nothing is there, Failed (with `problem`) when it cannot be read.
ReadOutcome readWholeFile(const fs::path &file, std::string &text, std::string &problem) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(file, ec);
  if (status.type() == fs::file_type::not_found)
    return ReadOutcome::Missing;
  const fs::file_status target = fs::status(file, ec);
  if (ec || !fs::is_regular_file(target)) {
    problem = "expected a regular file (" + (ec ? ec.message() : std::string("it is not a plain file")) + ")";
    return ReadOutcome::Failed;
  }
  if (fs::file_size(file, ec) > kMaxProgressBytes) {
    problem = "expected at most " + std::to_string(kMaxProgressBytes) + " bytes (the file is bigger)";
    return ReadOutcome::Failed;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    problem = std::string("expected a readable file (") + std::strerror(errno) + ")";
    return ReadOutcome::Failed;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) {
    problem = "expected a readable file (the read failed)";
    return ReadOutcome::Failed;
  }
  text = bytes.str();
  return ReadOutcome::Read;
}

// Moves `file` to "<file>.corrupt-N" with the first N not taken. A hard link refuses to replace an
// existing name, so an older corrupt copy is never overwritten; where links are not possible (some
// file systems, folders), the name is checked first and renamed.
std::optional<fs::path> moveAside(const fs::path &file) {
  for (int n = 1; n < 10000; ++n) {
    const fs::path aside = file.string() + ".corrupt-" + std::to_string(n);
    if (::link(file.c_str(), aside.c_str()) == 0) {
      if (::unlink(file.c_str()) == 0)
        return aside;
      ::unlink(aside.c_str());
      return std::nullopt;
    }
    if (errno == EEXIST)
      continue;
    std::error_code ec;
    if (fs::exists(fs::symlink_status(aside, ec)))
      continue;
    if (std::rename(file.c_str(), aside.c_str()) == 0)
      return aside;
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace

fs::path defaultProgressFile() {
  return paths::dataDir() / "progress.json";
}

std::string progressJsonText(const QuizProgress &progress) {
  json root = progress.extra.is_object() ? progress.extra : json::object();
  root["format"] = kFormatName;
  root["version"] = kProgressFormatVersion;
  json cards = json::object();
  for (const auto &[key, card] : progress.cards) {
    json entry = json::object();
    if (const auto extra = progress.cardExtras.find(key);
        extra != progress.cardExtras.end() && extra->second.is_object())
      entry = extra->second;
    entry["n"] = card.repetitions;
    entry["ef"] = card.easiness;
    entry["interval"] = card.interval;
    entry["due"] = card.due;
    entry["lapses"] = card.lapses;
    entry["lastGrade"] = card.lastGrade;
    entry["reviews"] = card.reviews;
    entry["last"] = card.lastReview;
    cards[key] = std::move(entry);
  }
  root["cards"] = std::move(cards);
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<QuizProgress> parseProgress(const std::string &text, const std::string &name) {
  if (text.empty())
    return Error{problemAt(name, 0, "expected a JSON object (the file is empty)")};
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error &e) {
    const std::size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    return Error{problemAt(name, byte, syntaxProblem(e.what()))};
  }
  if (!root.is_object())
    return Error{problemAt(name, 0, std::string("expected a JSON object, found ") + typeName(root))};
  const auto format = root.find("format");
  if (format == root.end() || *format != kFormatName)
    return Error{problemAt(name, format == root.end() ? 0 : byteOfKey(text, "format"),
                           std::string("expected \"format\": \"") + kFormatName + "\"")};
  const auto version = root.find("version");
  if (version == root.end() || !version->is_number_integer())
    return Error{problemAt(name, version == root.end() ? 0 : byteOfKey(text, "version"),
                           "expected \"version\": " + std::to_string(kProgressFormatVersion))};
  if (*version != kProgressFormatVersion)
    return Error{problemAt(name, byteOfKey(text, "version"),
                           "expected version " + std::to_string(kProgressFormatVersion) + ", found " +
                               version->dump() + " (written by another version of the app)")};
  const auto cards = root.find("cards");
  if (cards == root.end() || !cards->is_object())
    return Error{problemAt(name, cards == root.end() ? 0 : byteOfKey(text, "cards"),
                           "expected \"cards\": an object of cards by key")};
  QuizProgress progress;
  const std::size_t cardsAt = byteOfKey(text, "cards");
  for (auto it = cards->begin(); it != cards->end(); ++it) {
    CardState card;
    json extras;
    if (const auto problem = readCard(it.value(), card, extras))
      return Error{
          problemAt(name, byteOfKey(text, it.key(), cardsAt), "card '" + it.key() + "': " + *problem)};
    progress.cards[it.key()] = card;
    if (!extras.empty())
      progress.cardExtras[it.key()] = std::move(extras);
  }
  for (auto it = root.begin(); it != root.end(); ++it)
    if (it.key() != "format" && it.key() != "version" && it.key() != "cards")
      progress.extra[it.key()] = it.value();
  return progress;
}

ProgressLoad loadProgressFile(const fs::path &file) {
  ProgressLoad load;
  const std::string name = file.filename().string();
  std::string text, problem;
  switch (readWholeFile(file, text, problem)) {
  case ReadOutcome::Missing:
    return load;
  case ReadOutcome::Failed:
    problem = problemAt(name, 0, problem);
    break;
  case ReadOutcome::Read: {
    Result<QuizProgress> parsed = parseProgress(text, name);
    if (parsed) {
      load.progress = std::move(*parsed);
      return load;
    }
    problem = parsed.error();
    break;
  }
  }
  if (const std::optional<fs::path> aside = moveAside(file)) {
    load.movedAside = aside->string();
    load.message =
        problem + "; the file was kept as " + aside->filename().string() + " and progress starts empty";
  } else {
    load.canSave = false;
    load.message = problem + "; the file could not be moved aside (" + std::strerror(errno) +
                   "), so progress is not saved until it is fixed or moved";
  }
  return load;
}

Result<void> detail::saveProgressFile(const fs::path &file, const QuizProgress &progress,
                                      int (*renameFile)(const char *, const char *)) {
  std::error_code ec;
  if (file.has_parent_path())
    fs::create_directories(file.parent_path(), ec);
  if (ec)
    return Error{file.string() + ": cannot create the folder " + file.parent_path().string() + " (" +
                 ec.message() + "); progress was not saved"};
  return atlas::detail::writeFileAtomically(file.string(), progressJsonText(progress), renameFile);
}

Result<void> saveProgressFile(const fs::path &file, const QuizProgress &progress) {
  return detail::saveProgressFile(file, progress, &std::rename);
}

Result<void> exportProgress(const QuizProgress &progress, const fs::path &to) {
  return writeFileAtomically(to.string(), progressJsonText(progress));
}

int mergeProgress(QuizProgress &into, const QuizProgress &from) {
  int taken = 0;
  for (const auto &[key, theirs] : from.cards) {
    const auto ours = into.cards.find(key);
    const bool later =
        ours == into.cards.end() || theirs.lastReview > ours->second.lastReview ||
        (theirs.lastReview == ours->second.lastReview && theirs.reviews > ours->second.reviews);
    if (!later)
      continue;
    into.cards[key] = theirs;
    if (const auto extra = from.cardExtras.find(key); extra != from.cardExtras.end())
      into.cardExtras[key] = extra->second;
    else
      into.cardExtras.erase(key);
    ++taken;
  }
  if (from.extra.is_object())
    for (auto it = from.extra.begin(); it != from.extra.end(); ++it)
      if (!into.extra.contains(it.key()))
        into.extra[it.key()] = it.value();
  return taken;
}

Result<int> importProgress(QuizProgress &into, const fs::path &from) {
  std::string text, problem;
  const std::string name = from.string();
  switch (readWholeFile(from, text, problem)) {
  case ReadOutcome::Missing:
    return Error{problemAt(name, 0, "expected a progress file (there is none); nothing was imported")};
  case ReadOutcome::Failed:
    return Error{problemAt(name, 0, problem + "; nothing was imported")};
  case ReadOutcome::Read:
    break;
  }
  Result<QuizProgress> parsed = parseProgress(text, name);
  if (!parsed)
    return Error{parsed.error() + "; nothing was imported"};
  return mergeProgress(into, *parsed);
}

} // namespace atlas::quiz
