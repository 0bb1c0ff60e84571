// One place where messages for the user go: stderr by default; the UI installs a sink to show them.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace atlas::log {

enum class Level { Info, Warning, Error };

using Sink = std::function<void(Level, const std::string &)>;

void setSink(Sink sink);   // nullptr restores stderr
void setQuiet(bool quiet); // suppresses Info on stderr (headless runs)
void info(const std::string &message);
void warning(const std::string &message);
void error(const std::string &message);

// Messages logged on this thread while a Capture lives are kept in it instead of reaching the sink:
// a worker thread (model loading) hands them to the main thread, which logs them in order.
struct Message {
  Level level;
  std::string text;
};
class Capture {
public:
  Capture();
  ~Capture();
  Capture(const Capture &) = delete;
  Capture &operator=(const Capture &) = delete;
  std::vector<Message> take() { return std::move(messages_); }

private:
  friend void emitCaptured(Capture &, Level, const std::string &);
  std::vector<Message> messages_;
  Capture *outer_;
};
void replay(const std::vector<Message> &messages); // logs captured messages on this thread

} // namespace atlas::log
