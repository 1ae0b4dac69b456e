#pragma once
// What the benchmark programs share: the layer catalog, the row count and the fixture cache.

#include "tryggkarta/io/layer_definitions.h"
#include "tryggkarta/synth/synthetic_project.h"

#include <cstddef>
#include <filesystem>
#include <functional>

namespace trygg::bench {

/// Rows in the large fixtures: $TRYGG_BENCH_ROWS, 1,000,000 unless set (small for smoke runs).
std::size_t benchRows();

/// Where fixtures are made once and reused: $TRYGG_BENCH_DATA, /tmp/tryggkarta-bench unless set.
std::filesystem::path benchDataDirectory();

/// The layer definitions from defaultLayersDirectory(); exits with a message when unreadable.
const LayerCatalog& benchCatalog();

/// The synthetic project every benchmark measures: benchRows() observations.
SyntheticSpec benchSpec();

/// Sets up GDAL, calls `prepare` (making fixtures, outside every benchmark), then runs the
/// benchmarks selected on the command line.
int runBenchmarks(int argc, char** argv, const std::function<void()>& prepare = {});

} // namespace trygg::bench
