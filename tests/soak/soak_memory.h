// Memory figures the soak compares between the end of its warm-up and the end of the run.
#pragma once

#include <cstddef>

namespace atlas::soak {

// Heap in use: the sanitizer allocator's count under ASan, malloc's (mallinfo2) otherwise. Bytes.
std::size_t heapInUse();
// ATLAS_SOAK_HEAP_PROFILE set, under ASan: the live heap by allocating stack, on stderr.
void printHeapProfile();
// VmRSS of this process in bytes (0 when /proc is unavailable).
std::size_t residentMemory();

} // namespace atlas::soak
