#!/usr/bin/env bash
# Sets up, builds and runs every test (offscreen, no display needed).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${TRYGG_BUILD_DIR:-$root/build}"

bash "$here/build.sh"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
