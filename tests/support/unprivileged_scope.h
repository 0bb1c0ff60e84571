// Permission checks do not apply to root, and CI runs as root: for the length of one scope, act as
// "nobody" (uid 65534), so a test of a refused write can really be refused.
#pragma once

#include <unistd.h>

namespace atlas::test {

struct UnprivilegedScope {
  bool dropped = false;
  UnprivilegedScope() {
    if (::geteuid() == 0)
      dropped = ::seteuid(65534) == 0;
  }
  ~UnprivilegedScope() {
    if (dropped)
      (void)::seteuid(0);
  }
  UnprivilegedScope(const UnprivilegedScope &) = delete;
  UnprivilegedScope &operator=(const UnprivilegedScope &) = delete;
};

} // namespace atlas::test
