#!/usr/bin/env bash
# Sets up, builds and starts Tryggkarta on the shipped Vännäs centrum example project.
# Until the desktop app exists this shows the project with `tryggkarta-cli info`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${TRYGG_BUILD_DIR:-$root/build}"

bash "$here/build.sh"
exec "$build/src/cli/tryggkarta-cli" info "$build/maps/vannas-centrum.gpkg"
