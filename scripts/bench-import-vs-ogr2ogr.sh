#!/usr/bin/env bash
# Times `tryggkarta-cli import` against plain `ogr2ogr` on the same source files: the
# GeoPackage and CSV fixtures that bench_io makes (run it first with the same TRYGG_BENCH_ROWS).
#
#   BUILD=build scripts/bench-import-vs-ogr2ogr.sh [CACHE_DIR]
#
# CACHE_DIR defaults to $TRYGG_BENCH_DATA or /tmp/tryggkarta-bench; RUNS (default 5) runs of
# each; the medians are printed in seconds with the ratio ours/ogr2ogr. Builds nothing.
# Only the import is timed for tryggkarta-cli: the empty project is made before the clock starts.
set -euo pipefail

cache=${1:-${TRYGG_BENCH_DATA:-/tmp/tryggkarta-bench}}
build=${BUILD:-build}
rows=${TRYGG_BENCH_ROWS:-1000000}
runs=${RUNS:-5}
cli="$build/src/cli/tryggkarta-cli"

die() {
    echo "bench-import-vs-ogr2ogr: $*" >&2
    exit 1
}

[[ -x "$cli" ]] || die "no $cli: build tryggkarta-cli first (BUILD= names the build folder)"
command -v ogr2ogr >/dev/null || die "ogr2ogr not found (Debian package gdal-bin)"
gpkg="$cache/observationer-$rows.gpkg"
csv="$cache/observationer-$rows.csv"
for source in "$gpkg" "$csv"; do
    [[ -f "$source" ]] || die "no $source: run TRYGG_BENCH_ROWS=$rows bench/bench_io first"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/trygg-import-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() {
    printf '%s\n' "$@" | sort -g |
        awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2];
                                  else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ogr2ogr into a fresh GeoPackage each run. For the CSV it is told which columns hold the
# coordinates and their CRS, as our import is, so both write the same point layer.
time_ogr2ogr() {
    local source=$1
    shift
    local times=() start
    for ((i = 0; i < runs; i++)); do
        rm -f "$work/out.gpkg"
        start=$(now)
        ogr2ogr -f GPKG "$work/out.gpkg" "$source" "$@" >"$work/ogr2ogr.log" 2>&1 ||
            { cat "$work/ogr2ogr.log" >&2; die "ogr2ogr failed on $source"; }
        times+=("$(seconds "$start" "$(now)")")
    done
    median "${times[@]}"
}

time_ours() {
    local source=$1
    shift
    local times=() start
    for ((i = 0; i < runs; i++)); do
        rm -f "$work/p.gpkg"
        "$cli" new "$work/p.gpkg" >/dev/null
        start=$(now)
        "$cli" import "$work/p.gpkg" --layer observationer "$source" "$@" \
            >"$work/import.log" 2>"$work/import.err" ||
            { cat "$work/import.err" >&2; die "tryggkarta-cli import failed on $source"; }
        times+=("$(seconds "$start" "$(now)")")
    done
    median "${times[@]}"
}

printf '%-32s %12s %15s %7s  %s\n' source "ogr2ogr (s)" "tryggkarta (s)" ratio "last import"
compare() {
    local label=$1 source=$2
    shift 2
    local ogr ours
    case "$source" in
    *.csv) ogr=$(time_ogr2ogr "$source" -oo X_POSSIBLE_NAMES=X -oo Y_POSSIBLE_NAMES=Y -a_srs EPSG:3006) ;;
    *) ogr=$(time_ogr2ogr "$source") ;;
    esac
    ours=$(time_ours "$source" "$@")
    printf '%-32s %12s %15s %7s  %s\n' "$label" "$ogr" "$ours" \
        "$(awk -v a="$ours" -v b="$ogr" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')" \
        "$(head -n 1 "$work/import.log")"
}

compare "$(basename "$gpkg")" "$gpkg"
compare "$(basename "$csv")" "$csv" --src-crs EPSG:3006
echo "medians of $runs runs each; ratio = tryggkarta / ogr2ogr"
