#include "core/log.h"

#include <cstdio>

namespace atlas::log {
namespace {
Sink g_sink;
bool g_quiet = false;
thread_local Capture *t_capture = nullptr;
} // namespace

void emitCaptured(Capture &capture, Level level, const std::string &message) {
  capture.messages_.push_back({level, message});
}

namespace {
void emit(Level level, const std::string &message) {
  if (t_capture) {
    emitCaptured(*t_capture, level, message);
    return;
  }
  if (g_sink) {
    g_sink(level, message);
    return;
  }
  if (level == Level::Info && g_quiet)
    return;
  const char *prefix = level == Level::Error ? "error: " : level == Level::Warning ? "warning: " : "";
  std::fprintf(stderr, "%s%s\n", prefix, message.c_str());
}
} // namespace

void setSink(Sink sink) {
  g_sink = std::move(sink);
}
void setQuiet(bool quiet) {
  g_quiet = quiet;
}
void info(const std::string &message) {
  emit(Level::Info, message);
}
void warning(const std::string &message) {
  emit(Level::Warning, message);
}
void error(const std::string &message) {
  emit(Level::Error, message);
}

Capture::Capture() : outer_(t_capture) {
  t_capture = this;
}
Capture::~Capture() {
  t_capture = outer_;
}

void replay(const std::vector<Message> &messages) {
  for (const Message &m : messages)
    emit(m.level, m.text);
}

} // namespace atlas::log
