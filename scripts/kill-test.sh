#!/usr/bin/env bash
# The kill test of issue 8 at full size: a save (and a save under the same name) of a project
# with 100,000 observations is killed with SIGKILL at random moments, 200 times each; every
# time the project must open and hold the old or the new state, and the recovery copy every
# edit written to it before the kill. Prints the figures. The normal test run does 10 kills
# on 3,000 observations.
#   scripts/kill-test.sh [KILLS [OBSERVATIONS]]     (default 200 100000)
# Uses the build in $TRYGG_BUILD_DIR (default build/); builds the test first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${TRYGG_BUILD_DIR:-$root/build}"

cmake --build "$build" --target test_durability kill_save_child
export TRYGG_LONG_TESTS=1 QT_QPA_PLATFORM=offscreen
export TRYGG_KILL_ROUNDS="${1:-200}" TRYGG_KILL_OBSERVATIONS="${2:-100000}"
exec "$build/tests/test_durability" --durations yes "[kill]"
