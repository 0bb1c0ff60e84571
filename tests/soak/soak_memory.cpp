#include "soak/soak_memory.h"

#include <cstdlib>
#include <fstream>
#include <string>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ATLAS_SOAK_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(ATLAS_SOAK_ASAN)
#define ATLAS_SOAK_ASAN 1
#endif
#ifdef ATLAS_SOAK_ASAN
// The ASan runtime's count of live heap bytes (quarantined blocks excluded). GCC ships the runtime but
// not clang's <sanitizer/allocator_interface.h>, so it is declared here.
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
extern "C" void __sanitizer_print_memory_profile(std::size_t top_percent, std::size_t max_contexts);
#else
#include <malloc.h>
#endif

namespace atlas::soak {

std::size_t heapInUse() {
#ifdef ATLAS_SOAK_ASAN
  return __sanitizer_get_current_allocated_bytes();
#else
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd; // in use in the arenas, plus mmapped blocks
#endif
}

void printHeapProfile() {
#ifdef ATLAS_SOAK_ASAN
  if (std::getenv("ATLAS_SOAK_HEAP_PROFILE")) // the live allocations by stack, to find what grew
    __sanitizer_print_memory_profile(90, 25);
#endif
}

std::size_t residentMemory() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0)
      return static_cast<std::size_t>(std::strtoull(line.c_str() + 6, nullptr, 10)) * 1024u;
  return 0;
}

} // namespace atlas::soak
