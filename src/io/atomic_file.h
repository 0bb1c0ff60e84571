// Writing user files safely: the data goes to a temporary file in the same folder, is flushed, and
// then renamed over the target, so a crash or a full disk never leaves a half-written file.
#pragma once

#include "core/result.h"

#include <string>

namespace atlas {

Result<bool> writeFileAtomically(const std::string &path, const std::string &bytes);

} // namespace atlas
