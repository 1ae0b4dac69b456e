// In-memory costs at the scale of years of citizen dialogue: making the synthetic project,
// bulk-loading a Layer of observations, and the window queries the map canvas makes.

#include "bench_support.h"

#include "tryggkarta/core/layer.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <random>
#include <vector>

namespace trygg::bench {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Made once: the generator takes seconds at a million rows and every benchmark reads it.
const Project& benchProject() {
    static const Project project = makeSyntheticProject(benchSpec(), benchCatalog());
    return project;
}

const Layer& observations() {
    const Layer* layer = benchProject().layer("observationer");
    if (layer == nullptr) {
        std::cerr << "bench: the layer catalog has no 'observationer' layer\n";
        std::exit(2);
    }
    return *layer;
}

// Window centres spread over the centre the way a user pans: anywhere in the 1.6 × 1.2 km
// box, from a fixed seed so runs compare.
const std::vector<Point>& windowCentres() {
    static const std::vector<Point> centres = [] {
        std::mt19937_64 rng(42);
        std::uniform_real_distribution<double> east(733107.0 - 800.0, 733107.0 + 800.0);
        std::uniform_real_distribution<double> north(7096069.0 - 600.0, 7096069.0 + 600.0);
        std::vector<Point> points;
        for (int i = 0; i < 4096; ++i) {
            points.emplace_back(east(rng), north(rng));
        }
        return points;
    }();
    return centres;
}

Box windowAround(const Point& centre, double size) {
    return Box{Point{centre.x() - size / 2, centre.y() - size / 2},
               Point{centre.x() + size / 2, centre.y() + size / 2}};
}

void BM_GenerateSyntheticProject(benchmark::State& state) {
    for (auto _ : state) {
        auto start = Clock::now();
        Project project = makeSyntheticProject(benchSpec(), benchCatalog());
        state.SetIterationTime(secondsSince(start));
        benchmark::DoNotOptimize(project.layers.data());
    }
    state.counters["observations"] = static_cast<double>(benchRows());
}

// The whole Layer constructor: id map and packed R-tree over every feature.
void BM_LayerBulkLoad(benchmark::State& state) {
    const Layer& source = observations();
    for (auto _ : state) {
        std::vector<Feature> copy = source.features(); // untimed: the features already exist
        auto start = Clock::now();
        Layer layer(source.definition(), std::move(copy));
        state.SetIterationTime(secondsSince(start));
        benchmark::DoNotOptimize(layer.size());
    }
    state.counters["features"] = static_cast<double>(source.size());
}

// The R-tree alone, to tell its share of the Layer's load time.
void BM_SpatialIndexBulkLoad(benchmark::State& state) {
    const Layer& source = observations();
    for (auto _ : state) {
        std::vector<SpatialIndex::Entry> entries;
        entries.reserve(source.size());
        for (const auto& feature : source.features()) {
            entries.emplace_back(envelope(*feature.geometry), feature.id);
        }
        auto start = Clock::now();
        SpatialIndex index(std::move(entries));
        state.SetIterationTime(secondsSince(start));
        benchmark::DoNotOptimize(index.size());
    }
}

// What the renderer asks for: the ids in a screen-sized window (argument: window side in m).
void BM_WindowQuery(benchmark::State& state) {
    const Layer& layer = observations();
    const auto& centres = windowCentres();
    const double size = static_cast<double>(state.range(0));
    std::size_t next = 0;
    std::int64_t found = 0;
    for (auto _ : state) {
        auto ids = layer.query(windowAround(centres[next++ % centres.size()], size));
        found += static_cast<std::int64_t>(ids.size());
        benchmark::DoNotOptimize(ids.data());
    }
    state.counters["features/query"] =
        benchmark::Counter(static_cast<double>(found), benchmark::Counter::kAvgIterations);
    state.SetItemsProcessed(found);
}

// The same windows visited without collecting ids: the tree's own cost.
void BM_WindowVisit(benchmark::State& state) {
    const Layer& layer = observations();
    const auto& centres = windowCentres();
    const double size = static_cast<double>(state.range(0));
    std::size_t next = 0;
    std::int64_t found = 0;
    for (auto _ : state) {
        layer.index().visit(windowAround(centres[next++ % centres.size()], size),
                            [&](FeatureId) { ++found; });
    }
    benchmark::DoNotOptimize(found);
    state.counters["features/query"] =
        benchmark::Counter(static_cast<double>(found), benchmark::Counter::kAvgIterations);
}

// 50 m: a street corner; 200 m: a block; 1000 m: the whole centre (1:2000 is ~500 m wide).
BENCHMARK(BM_GenerateSyntheticProject)
    ->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1)
    ->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK(BM_LayerBulkLoad)
    ->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1)
    ->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_SpatialIndexBulkLoad)
    ->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1)
    ->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_WindowQuery)
    ->Arg(50)->Arg(200)->Arg(1000)->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_WindowVisit)
    ->Arg(50)->Arg(200)->Arg(1000)->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace
} // namespace trygg::bench

int main(int argc, char** argv) { return trygg::bench::runBenchmarks(argc, argv); }
