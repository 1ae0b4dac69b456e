#!/usr/bin/env bash
# Installs what is missing, then configures and builds Tryggkarta in build/.
# Shared by scripts/start.sh and scripts/test.sh; safe to run again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

bash "$here/setup.sh"
build="${TRYGG_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j "$(nproc)"
