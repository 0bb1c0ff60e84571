#include "core/log.h"

#include <cstdio>

namespace atlas::log {
namespace {
Sink g_sink;
bool g_quiet = false;

void emit(Level level, const std::string &message) {
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

} // namespace atlas::log
