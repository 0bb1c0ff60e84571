// One place where messages for the user go: stderr by default; the UI installs a sink to show them.
#pragma once

#include <functional>
#include <string>

namespace atlas::log {

enum class Level { Info, Warning, Error };

using Sink = std::function<void(Level, const std::string &)>;

void setSink(Sink sink);   // nullptr restores stderr
void setQuiet(bool quiet); // suppresses Info on stderr (headless runs)
void info(const std::string &message);
void warning(const std::string &message);
void error(const std::string &message);

} // namespace atlas::log
