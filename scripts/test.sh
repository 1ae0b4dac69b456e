#!/usr/bin/env bash
# Sets up, builds and runs every test (offscreen, no display needed); then builds the library,
# the CLI and their tests again with AddressSanitizer and UndefinedBehaviorSanitizer and runs
# them; then fuzzes our own parsers briefly.
#   TRYGG_SKIP_SANITIZERS=1   leave out the sanitizer build (a quicker round while developing)
#   TRYGG_FUZZ_SECONDS=N      seconds per fuzz target (default 10; 0 leaves fuzzing out)
#   TRYGG_LONG_TESTS=1        also the long measures: 200 kills during saves of 100,000
#                             observations, two writers on PostGIS, ten minutes per fuzz target
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${TRYGG_BUILD_DIR:-$root/build}"
long="${TRYGG_LONG_TESTS:-0}"

bash "$here/build.sh"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"

if [[ "${TRYGG_SKIP_SANITIZERS:-0}" != 1 ]]; then
    sanitized="${TRYGG_SANITIZE_BUILD_DIR:-$root/build-sanitize}"
    # The library, the CLI and their tests (the parsers, stores and analyses); the desktop
    # app's own tests ran above. Leaving the GUI out keeps CI within its time.
    TRYGG_BUILD_DIR="$sanitized" bash "$here/build.sh" -DTRYGG_SANITIZE=ON -DTRYGG_BUILD_BENCH=OFF \
        -DTRYGG_BUILD_GUI=OFF
    # Leaks are not checked: Qt and fontconfig keep caches until exit by design. Any address
    # error or undefined behaviour stops the test program, and so fails the test.
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir "$sanitized" --output-on-failure -j "$(nproc)"
fi

fuzz_seconds="${TRYGG_FUZZ_SECONDS:-10}"
if [[ "$long" == 1 ]]; then
    fuzz_seconds=600
fi
bash "$here/fuzz.sh" "$fuzz_seconds"

if [[ "$long" == 1 ]]; then
    TRYGG_BUILD_DIR="$build" bash "$here/kill-test.sh" 200 100000
    TRYGG_BUILD_DIR="$build" bash "$here/pg-concurrency-measure.sh"
fi
