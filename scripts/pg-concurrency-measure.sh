#!/usr/bin/env bash
# The issue's concurrency measure: two writers with their own connections make 1,000 random
# edits each to the same 1,000 features in PostGIS; prints applied edits, conflicts and the
# check that every feature holds its last accepted write. Needs a build (TRYGG_BUILD_DIR,
# default build/). Run by scripts/test.sh when TRYGG_LONG_TESTS=1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${TRYGG_BUILD_DIR:-$root/build}"
export TRYGG_PG_DIR="$build/pg-test"

bash "$here/pg-test-server.sh" start
trap 'bash "$here/pg-test-server.sh" stop' EXIT
if [[ ! -f "$TRYGG_PG_DIR/url" ]]; then
    exit 0 # not installed: the server script said so
fi
"$build/tests/test_pg_store" "[.measure]" --reporter compact
