#!/usr/bin/env bash
# Every check of the project, in the order a failure is cheapest to read:
#   1. clang-format on the project's own C++ files
#   2. the whole test suite built with AddressSanitizer + UndefinedBehaviorSanitizer (leak checks on),
#      warnings as errors; rendering tests run headless through EGL on Mesa llvmpipe (no X needed)
#   3. the model checks (glTF validator) and the short fuzz runs, when their scripts exist
# Called by `scripts/atlas test` after the dependencies are installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jobs="$(nproc 2>/dev/null || echo 2)"

echo "== 1/3 clang-format"
mapfile -t sources < <(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'bench/*.cpp' 'fuzz/*.cpp' 2>/dev/null || true)
if [ ${#sources[@]} -gt 0 ]; then
  clang-format --dry-run --Werror "${sources[@]}"
fi

echo "== 2/3 build and test with sanitizers"
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DATLAS_SANITIZE=ON -DATLAS_WERROR=ON \
  -DATLAS_BUILD_TESTS=ON -DATLAS_GL_TESTS=ON >/dev/null
cmake --build build-test -j "$jobs"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
export EGL_PLATFORM=surfaceless
(cd build-test && ctest --output-on-failure -j "$jobs")

echo "== 3/3 model and robustness checks"
for extra in scripts/validate-model.sh scripts/fuzz-smoke.sh; do
  if [ -x "$extra" ]; then
    echo "-- $extra"
    "$extra"
  fi
done
echo "All checks passed."
