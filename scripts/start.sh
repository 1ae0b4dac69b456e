#!/usr/bin/env bash
# Sets up, builds and starts the Tryggkarta desktop app on the shipped Vännäs centrum
# example project. Without a display (a server, a container) it shows the project with
# `tryggkarta-cli info` instead and says how to see the map.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${TRYGG_BUILD_DIR:-$root/build}"

bash "$here/build.sh"
project="$build/maps/vannas-centrum.gpkg"
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    exec "$build/src/app/tryggkarta" "$project"
fi
echo "No display: showing the project on the terminal. On a desktop this command opens the map;"
echo "here, 'xvfb-run $build/src/app/tryggkarta --grab map.png' saves a picture of it."
exec "$build/src/cli/tryggkarta-cli" info "$project"
