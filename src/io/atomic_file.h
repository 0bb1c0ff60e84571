// Writing user files safely: the data goes to a temporary file in the same folder, is flushed, and
// then renamed over the target, so a crash or a full disk never leaves a half-written file.
//
// What is at the path is respected: a symbolic link is followed (its target is replaced, the link
// stays), anything that is not a regular file (directory, FIFO, device, socket) is refused before a
// byte is written, and an existing file keeps its permissions (and its owner when we may set it).
// New files get 0666 less the umask, as any program's would.
#pragma once

#include "core/result.h"

#include <string>

namespace atlas {

Result<void> writeFileAtomically(const std::string &path, const std::string &bytes);

namespace detail {
// The same, with the final rename() replaceable so that tests can make the last step fail.
using RenameFunction = int (*)(const char *from, const char *to);
Result<void> writeFileAtomically(const std::string &path, const std::string &bytes, RenameFunction rename);
} // namespace detail

} // namespace atlas
