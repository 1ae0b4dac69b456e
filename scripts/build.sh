#!/usr/bin/env bash
# Installs what is missing, then configures and builds Tryggkarta in build/.
# Shared by scripts/start.sh and scripts/test.sh; safe to run again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

bash "$here/setup.sh"
build="${TRYGG_BUILD_DIR:-$root/build}"
# ccache makes a second build, or a second clone of the same sources, mostly free: paths are
# taken relative to the clone so that two clones share the cache.
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "$@"
cmake --build "$build" -j "$(nproc)"
