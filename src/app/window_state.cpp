#include "app/window_state.h"

#include "io/atomic_file.h"

namespace atlas {

Result<void> WindowStateFile::update(const nlohmann::json &state) {
  std::string text = state.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (text == written_)
    return {};
  if (Result<void> ok = writeFileAtomically(path_, text); !ok)
    return ok;
  written_ = std::move(text);
  return {};
}

} // namespace atlas
