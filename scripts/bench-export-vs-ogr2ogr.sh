#!/usr/bin/env bash
# Times `tryggkarta-cli export` of the observation layer to a consultant shapefile package
# against plain `ogr2ogr -f "ESRI Shapefile"` of the same layer, from the synthetic project
# that bench_io makes (run it first with the same TRYGG_BENCH_ROWS).
#
#   BUILD=build scripts/bench-export-vs-ogr2ogr.sh [CACHE_DIR]
#
# CACHE_DIR defaults to $TRYGG_BENCH_DATA or /tmp/tryggkarta-bench; RUNS (default 5) runs of
# each; the medians are printed in seconds with the ratio ours/ogr2ogr. Builds nothing.
# Both are timed from start to exit: tryggkarta-cli opens the whole project, applies the
# consultant profile, writes labels, the .cpg and the data dictionary; ogr2ogr copies the
# columns as they are. ogr2ogr is timed three times: as it comes (Latin-1 DBF, no .cpg,
# 80-byte text columns), with -lco ENCODING=UTF-8 (the encoding our package is written in),
# and with DBF_EOF_CHAR=NO too (the write pattern our export uses: no end mark rewritten
# after every record, one added at the end).
set -euo pipefail

cache=${1:-${TRYGG_BENCH_DATA:-/tmp/tryggkarta-bench}}
build=${BUILD:-build}
rows=${TRYGG_BENCH_ROWS:-1000000}
runs=${RUNS:-5}
cli="$build/src/cli/tryggkarta-cli"

die() {
    echo "bench-export-vs-ogr2ogr: $*" >&2
    exit 1
}

[[ -x "$cli" ]] || die "no $cli: build tryggkarta-cli first (BUILD= names the build folder)"
command -v ogr2ogr >/dev/null || die "ogr2ogr not found (Debian package gdal-bin)"
project=$(ls "$cache"/vannas-"$rows"-seed*.gpkg 2>/dev/null | head -n 1 || true)
[[ -n "$project" && -f "$project" ]] || die "no project in $cache: run TRYGG_BENCH_ROWS=$rows bench/bench_io first"

work=$(mktemp -d "${TMPDIR:-/tmp}/trygg-export-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() {
    printf '%s\n' "$@" | sort -g |
        awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2];
                                  else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
size_of() { du -sh "$1" | cut -f1; }

# Each run writes into a fresh folder; removing the last one is not timed.
time_ogr2ogr() {
    local times=() start
    for ((i = 0; i < runs; i++)); do
        rm -rf "$work/ogr"
        start=$(now)
        ogr2ogr -f "ESRI Shapefile" "$work/ogr" "$project" observationer "$@" >"$work/ogr2ogr.log" 2>&1 ||
            { cat "$work/ogr2ogr.log" >&2; die "ogr2ogr failed on $project"; }
        times+=("$(seconds "$start" "$(now)")")
    done
    median "${times[@]}"
}

time_ours() {
    local times=() start
    for ((i = 0; i < runs; i++)); do
        rm -rf "$work/ours"
        start=$(now)
        "$cli" export "$project" --format shp --profile consultant --layers observationer \
            --output "$work/ours" >"$work/export.log" 2>"$work/export.err" ||
            { cat "$work/export.err" >&2; die "tryggkarta-cli export failed on $project"; }
        times+=("$(seconds "$start" "$(now)")")
    done
    median "${times[@]}"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

ogr=$(time_ogr2ogr)
ogr_size=$(size_of "$work/ogr")
ogr_utf8=$(time_ogr2ogr -lco ENCODING=UTF-8)
ogr_fast=$(time_ogr2ogr -lco ENCODING=UTF-8 -lco DBF_EOF_CHAR=NO)
ours=$(time_ours)
ours_size=$(size_of "$work/ours")

echo "$(basename "$project"), layer observationer ($rows rows), medians of $runs runs"
printf '%-44s %10s %8s %8s\n' command seconds size ratio
printf '%-44s %10s %8s %8s\n' 'ogr2ogr -f "ESRI Shapefile"' "$ogr" "$ogr_size" "1.00"
printf '%-44s %10s %8s %8s\n' 'ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8' "$ogr_utf8" "" \
    "$(ratio "$ogr_utf8" "$ogr")"
printf '%-44s %10s %8s %8s\n' '  ... -lco DBF_EOF_CHAR=NO' "$ogr_fast" "" "$(ratio "$ogr_fast" "$ogr")"
printf '%-44s %10s %8s %8s\n' 'tryggkarta-cli export --format shp' "$ours" "$ours_size" "$(ratio "$ours" "$ogr")"
echo "ratio = seconds / plain ogr2ogr's; tryggkarta / ogr2ogr with UTF-8: $(ratio "$ours" "$ogr_utf8"),"
echo "with UTF-8 and DBF_EOF_CHAR=NO: $(ratio "$ours" "$ogr_fast")"
