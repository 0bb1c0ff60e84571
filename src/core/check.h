// ATLAS_CHECK: a programmer-error check that stays on in every build. assert() vanishes under NDEBUG,
// which the RelWithDebInfo test build defines, so a misuse the tests should catch would pass there.
// A failed check names the condition and where, then aborts (the sanitizers print the stack).
#pragma once

#include <cstdio>
#include <cstdlib>

#define ATLAS_CHECK(condition, message)                                                                      \
  do {                                                                                                       \
    if (!(condition)) {                                                                                      \
      std::fprintf(stderr, "%s:%d: check failed: %s (%s)\n", __FILE__, __LINE__, #condition, message);       \
      std::abort();                                                                                          \
    }                                                                                                        \
  } while (false)
