// Opt-in start-up timings (--timings): each phase's wall time, printed to stderr as
// "scalene-atlas: timing: PHASE MS" lines, which bench/ parses. Off by default and free when off.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace atlas::timings {

using Clock = std::chrono::steady_clock;

struct State {
  bool enabled = false;
  Clock::time_point start, last;
};

inline State &state() {
  static State s;
  return s;
}

inline void enable() {
  State &s = state();
  s.enabled = true;
  s.start = s.last = Clock::now();
}

inline double msBetween(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

// Ends the current phase under `name` and starts the next one.
inline void mark(const char *name) {
  State &s = state();
  if (!s.enabled)
    return;
  const Clock::time_point now = Clock::now();
  std::fprintf(stderr, "scalene-atlas: timing: %s %.3f\n", name, msBetween(s.last, now));
  s.last = now;
}

// A phase measured elsewhere (a worker thread), under `name`.
inline void report(const char *name, double ms) {
  if (state().enabled)
    std::fprintf(stderr, "scalene-atlas: timing: %s %.3f\n", name, ms);
}

// The time since enable(), under `name` (e.g. "total to first frame").
inline void total(const char *name) {
  State &s = state();
  if (s.enabled)
    std::fprintf(stderr, "scalene-atlas: timing: %s %.3f\n", name, msBetween(s.start, Clock::now()));
}

// This process's peak resident memory (VmHWM) in MB, 0 when unknown. Unlike the parent's
// getrusage(), it never includes the memory of the process that spawned this one.
inline double peakResidentMb() {
  std::FILE *f = std::fopen("/proc/self/status", "r");
  if (!f)
    return 0.0;
  char line[256];
  double kb = 0.0;
  while (std::fgets(line, sizeof line, f))
    if (std::strncmp(line, "VmHWM:", 6) == 0)
      kb = std::atof(line + 6);
  std::fclose(f);
  return kb / 1024.0;
}

// The peak resident memory, as a "timing" line whose value is in MB.
inline void peakMemory() {
  if (state().enabled)
    std::fprintf(stderr, "scalene-atlas: timing: peak resident memory MB %.1f\n", peakResidentMb());
}

} // namespace atlas::timings
