#!/usr/bin/env bash
# Short, bounded libFuzzer runs of every fuzz target (fuzz/), as CI runs them (scripts/run-tests.sh).
#   FUZZ_SECONDS=60   time per target (-max_total_time)
#   FUZZ_SEED=N       libFuzzer's -seed (default: fixed, printed, so a run can be repeated)
#   FUZZ_TARGETS="fuzz_gltf ..."   a subset of the targets
#   FUZZ_JOBS=N       parallel fuzzing processes per target (-fork=N; default 1)
# Builds build-fuzz with Clang (ASan + UBSan + libFuzzer), writes the seed corpora from the test
# fixtures and content/, and keeps what each run learns in build-fuzz/corpus/<target>/ (the seeds are
# read from build-fuzz/seeds/ and never modified). A crash, leak, timeout or out-of-memory leaves its
# input in build-fuzz/artifacts/<target>/ and fails the script with the command that replays it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
build="$root/build-fuzz"
seconds="${FUZZ_SECONDS:-60}"
seed="${FUZZ_SEED:-20261126}"
targets="${FUZZ_TARGETS:-fuzz_gltf fuzz_content fuzz_assimp}"
jobs="$(nproc 2>/dev/null || echo 2)"

if ! command -v clang++ >/dev/null; then
  echo "fuzz-smoke: clang++ not found (Debian packages clang and libclang-rt-dev: scripts/atlas deps)" >&2
  exit 1
fi

echo "-- building $build (clang, ASan + UBSan + libFuzzer)"
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DATLAS_BUILD_FUZZERS=ON \
  -DATLAS_BUILD_TESTS=OFF -DATLAS_BUILD_BENCH=OFF -DATLAS_BUILD_MODELGEN=OFF >/dev/null
# Only the fuzz targets and the seed writer (and the libraries they need), not the viewer.
# shellcheck disable=SC2086
cmake --build "$build" -j "$jobs" --target atlas-fuzz-seeds $targets

rm -rf "$build/seeds"
"$build/atlas-fuzz-seeds" "$build/seeds" "$root/content"

# Inputs longer than this are cut (seeds too): long enough for the fixture scene as GLB and for the
# longest content file, short enough to keep each execution fast.
max_len() {
  case "$1" in
    fuzz_gltf) echo 65536 ;;
    *) echo 16384 ;;
  esac
}
seeds_of() { echo "$build/seeds/${1#fuzz_}"; }
dict_of() { echo "$root/fuzz/${1#fuzz_}.dict"; }

export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp:print_suppressions=0"

failed=0
echo "-- fuzzing each target for ${seconds}s, -seed=$seed"
for target in $targets; do
  artifacts="$build/artifacts/$target"
  corpus="$build/corpus/$target"
  mkdir -p "$artifacts" "$corpus"
  flags=(-max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 -dict="$(dict_of "$target")")
  log="$build/artifacts/$target.log"
  echo "-- $target: ${seconds}s (log: $log)"
  set +e
  "$build/$target" "${flags[@]}" -seed="$seed" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$artifacts/" ${FUZZ_JOBS:+-fork="$FUZZ_JOBS" -ignore_crashes=0} \
    "$corpus" "$(seeds_of "$target")" >"$log" 2>&1
  status=$?
  set -e
  grep -E '^(stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|Done )' "$log" | sed 's/^/   /' || true
  mapfile -t found < <(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | sort -u)
  if [ "$status" -ne 0 ]; then
    failed=1
    echo "FAIL: $target exited with $status; the end of its log:" >&2
    grep -E 'ERROR|SUMMARY|Test unit written|deadly signal|timeout|out-of-memory' "$log" | tail -n 8 >&2 || true
    for f in "${found[@]}"; do
      echo "   reproducer: $f" >&2
      echo "   replay:     $build/$target ${flags[*]} $f" >&2
    done
  fi
done
[ "$failed" -eq 0 ] && echo "-- fuzzing: no crash, leak, timeout or OOM" || exit 1
