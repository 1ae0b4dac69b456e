#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang 19 (AddressSanitizer + UBSan) and runs
# each for a bounded time, printing the executions per target.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default 60 s, every target
#   scripts/fuzz.sh 10                                   the quick run the test command uses
#   scripts/fuzz.sh 600 filter                           one target for ten minutes
# Targets: layer_definition eulumdat ies import_mapping nmea extent filter (tests/fuzz).
#
# TRYGG_FUZZ_BUILD_DIR  build directory (default build-fuzz beside build/); its corpus/ keeps
#                       what earlier runs found, so later runs go on from there
# TRYGG_FUZZ_JOBS       build jobs (default: all cores)
# TRYGG_SKIP_APT=1      do not install the fuzz toolchain
# Exits non-zero when a target crashes; the input is kept as <build>/artifacts/<target>-crash-*
# and reproduces with `<build>/fuzz_<target> <that file>`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${TRYGG_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${1:-60}"
shift || true
targets=("$@")
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2
    exit 2
fi
if ((seconds == 0)); then # libFuzzer would take 0 as "no limit"
    echo "fuzz: skipped (0 seconds per target)"
    exit 0
fi
if ((${#targets[@]} == 0)); then
    targets=(layer_definition eulumdat ies import_mapping nmea extent filter)
fi

# Debian 12's clang 14 to 16 define __cpp_concepts below 202002, so GCC 12's <expected> (the
# project's Result) stays hidden from them; clang 19 is the first in Debian 12 that sees it.
# llvm-19 brings llvm-symbolizer, so a crash report names files and lines.
bash "$here/setup.sh" clang-19 libclang-rt-19-dev llvm-19

launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root/tests/fuzz" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++-19 "${launcher[@]}" >/dev/null
ninja -C "$build" -j "${TRYGG_FUZZ_JOBS:-$(nproc)}" "${targets[@]/#/fuzz_}" >/dev/null

# Files the repository already holds that make good seeds; copied, not committed twice.
shipped_seeds() {
    case "$1" in
    layer_definition) ls "$root"/layers/*.json ;;
    eulumdat) ls "$root"/layers/photometry/*.ldt ;;
    ies) ls "$root"/layers/photometry/*.ies ;;
    import_mapping) ls "$root"/layers/mappings/*.json ;;
    nmea) ls "$root"/tests/data/nmea/*.nmea ;;
    esac
}

dictionary() {
    case "$1" in
    layer_definition | import_mapping) echo "$root/tests/fuzz/dict/json.dict" ;;
    ies) echo "$root/tests/fuzz/dict/ies.dict" ;;
    nmea) echo "$root/tests/fuzz/dict/nmea.dict" ;;
    filter) echo "$root/tests/fuzz/dict/filter.dict" ;;
    esac
}

mkdir -p "$build/artifacts" "$build/logs"
export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-19/bin/llvm-symbolizer
export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
failed=()
printf '%-18s %14s  %s\n' target executions result
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target"
    mkdir -p "$corpus"
    for seed in $(shipped_seeds "$target"); do
        cp -n "$seed" "$corpus/"
    done
    options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
             -artifact_prefix="$build/artifacts/$target-")
    dict="$(dictionary "$target")"
    if [[ -n "$dict" ]]; then
        options+=(-dict="$dict")
    fi
    log="$build/logs/$target.log"
    result=ok
    # New inputs go to the first directory (the build's); the committed seeds stay as they are.
    if ! "$build/fuzz_$target" "${options[@]}" "$corpus" "$root/tests/fuzz/corpus/$target" >"$log" 2>&1; then
        result="FAILED (see $log)"
        failed+=("$target")
    fi
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    if [[ -z "$runs" ]]; then
        runs="$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)"
    fi
    printf '%-18s %14s  %s\n' "$target" "${runs:-?}" "$result"
done

if ((${#failed[@]} > 0)); then
    echo "fuzz: crashes or errors in: ${failed[*]}" >&2
    ls "$build"/artifacts/ >&2 || true
    exit 1
fi
