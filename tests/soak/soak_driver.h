// The soak driver: thousands of random but valid interactions on the real app, headless — select,
// pick, hide, ghost, isolate, views, camera moves, source, labels, the reading panels, window
// resizes and reloads — each carried out through the Session commands and panel state the UI uses,
// followed by rendered frames and a postcondition checked against an independent source (an
// exhaustive ray cast, the pixels, the interface's own record of what it drew, or the state JSON
// recomputed from scratch), then the session's invariants. Heap in use is compared between the end
// of a warm-up and the end of the run. The seed is printed first so a failure replays exactly.
#pragma once

#include "session/session.h"

#include <cstdint>
#include <optional>
#include <string>

namespace atlas::soak {

struct SoakOptions {
  std::string file; // the model; empty: the bundled one
  long steps = 0;
  std::optional<std::uint32_t> seed; // else from the clock
  int width = 480, height = 320;     // small and without multisampling: thousands of frames
  int samples = 0;
};

// The command line that repeats a run exactly.
std::string replayCommand(const SoakOptions &options, std::uint32_t seed);

// Heap in use may grow after the warm-up by a fixed allowance for high-water marks plus a little per
// measured step, so a leak of 1 KiB per interaction fails runs of 2,000 steps and longer.
double heapGrowthBoundMiB(long measuredSteps);

// Runs the soak on a loaded session; 0 when clean, 1 on a failed check or memory growth.
int runSoak(Session &session, const SoakOptions &options);

} // namespace atlas::soak
