// The lighting model at the scale: a lux raster of 2 km × 2 km at 0.5 m (16 million
// cells) lit by 5,000 luminaires, summing only those whose light reaches each cell (R-tree),
// on every core; what path sampling and dragging a lamp cost per point and per index; and
// the whole path analysis of 52 km at 1 m; the heat map of 100,000 observations over 5 km ×
// 5 km (radius 100 m, pixel 2 m), the comparison with QGIS.
//   ./bench/bench_analysis --benchmark_filter=Grid     (the raster only)
//   TRYGG_BENCH_HEATMAP_CSV=points.csv ./bench/bench_analysis --benchmark_filter=Heatmap
//       (also writes the points as "x,y" lines, for scripts/bench-heatmap-vs-qgis.sh)

#include "tryggkarta/analysis/heatmap.h"
#include "tryggkarta/analysis/illuminance_grid.h"
#include "tryggkarta/analysis/lighting_classes.h"
#include "tryggkarta/analysis/path_lighting.h"
#include "tryggkarta/analysis/luminaire_index.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <numbers>
#include <random>
#include <sys/resource.h>
#include <thread>

namespace trygg::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr double kSide = 2000.0; // metres
constexpr std::size_t kLuminaires = 5000;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Processor time of all threads of this process, to show both cores at work.
double processorSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec);
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Times each run of `work` by the wall clock (the work runs on every core) and counts how
// many cores were busy meanwhile.
template <typename Work>
void timeOnWallClock(benchmark::State& state, Work work) {
    double busy = 0.0;
    for (auto _ : state) {
        const auto start = Clock::now();
        const double processorStart = processorSeconds();
        work();
        const double wall = secondsSince(start);
        state.SetIterationTime(wall);
        busy = (processorSeconds() - processorStart) / wall;
    }
    state.counters["cores_busy"] = busy;
}

std::shared_ptr<const Photometry> profile(const char* file) {
    auto photometry =
        readPhotometry(std::filesystem::path(TRYGG_SOURCE_LAYERS_DIR) / "photometry" / file);
    if (!photometry) {
        std::cerr << "bench: " << photometry.error().describe() << '\n';
        std::exit(2);
    }
    return std::make_shared<const Photometry>(std::move(*photometry));
}

// A town's mix, spread evenly over the square from a fixed seed: 60 % street luminaires
// (6–10 m, 4000–9000 lm, tilted 0–10°), 20 % park post-tops (3.5–4.5 m), 10 % path
// luminaires, 10 % without a profile (the generic distribution).
std::vector<Luminaire> townLuminaires() {
    const auto street = profile("generisk_gata.ldt");
    const auto park = profile("generisk_park.ldt");
    const auto path = profile("generisk_gangvag.ies");
    std::mt19937_64 rng(5);
    auto uniform = [&](double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(rng);
    };
    std::vector<Luminaire> luminaires;
    for (std::size_t i = 0; i < kLuminaires; ++i) {
        LuminaireSpec spec{Point{uniform(0, kSide), uniform(0, kSide)}, 0, 0, uniform(0, 360), {}};
        const std::size_t kind = i % 10;
        if (kind < 6) {
            spec.height = uniform(6, 10);
            spec.tilt = uniform(0, 10);
            spec.photometry =
                std::make_shared<const Photometry>(*street->withLampFlux(uniform(4000, 9000)));
        } else if (kind < 8) {
            spec.height = uniform(3.5, 4.5);
            spec.photometry = park;
        } else if (kind < 9) {
            spec.height = uniform(4, 6);
            spec.photometry = path;
        } else {
            spec.height = uniform(5, 8);
            spec.photometry =
                std::make_shared<const Photometry>(*genericPhotometry(uniform(3000, 8000)));
        }
        luminaires.push_back(*makeLuminaire(std::move(spec)));
    }
    return luminaires;
}

const std::vector<Luminaire>& town() {
    static const std::vector<Luminaire> luminaires = townLuminaires();
    return luminaires;
}

const LuminaireIndex& townIndex() {
    static const LuminaireIndex index(town());
    return index;
}

// Argument: cell size in centimetres.
void BM_IlluminanceGrid(benchmark::State& state) {
    const LuminaireIndex& index = townIndex();
    const double cellSize = static_cast<double>(state.range(0)) / 100.0;
    std::size_t cells = 0;
    timeOnWallClock(state, [&] {
        auto grid = illuminanceGrid(Box{Point{0, 0}, Point{kSide, kSide}}, cellSize, index,
                                    kDefaultMaintenanceFactor, Progress::none());
        cells = grid->lux.size();
        benchmark::DoNotOptimize(grid->lux.data());
    });
    state.counters["cells"] = static_cast<double>(cells);
    state.counters["threads"] = std::thread::hardware_concurrency();
}

void BM_LuminaireIndexBuild(benchmark::State& state) {
    const std::vector<Luminaire>& luminaires = town();
    for (auto _ : state) {
        LuminaireIndex index(luminaires);
        benchmark::DoNotOptimize(index.luminaires().data());
    }
    state.counters["luminaires"] = static_cast<double>(luminaires.size());
}

// One sample of a path or of a dragged lamp's neighbourhood: horizontal and vertical lux.
void BM_PointIlluminance(benchmark::State& state) {
    const LuminaireIndex& index = townIndex();
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> where(0, kSide);
    std::vector<Point> points;
    for (int i = 0; i < 4096; ++i) {
        points.emplace_back(where(rng), where(rng));
    }
    std::size_t next = 0;
    for (auto _ : state) {
        const Point& p = points[next++ % points.size()];
        benchmark::DoNotOptimize(index.horizontalIlluminance(p) + index.verticalIlluminance(p, 90));
    }
}

// The index and the 0.5 m raster of BM_IlluminanceGrid, both for changing: made once, since
// the raster takes seconds and each run of the benchmark goes on from where the last left off.
struct PlanningSession {
    LuminaireIndex index{town()};
    IlluminanceGrid grid;
};

PlanningSession& planningSession() {
    static PlanningSession session = [] {
        PlanningSession made;
        made.grid = *illuminanceGrid(Box{Point{0, 0}, Point{kSide, kSide}}, 0.5, made.index,
                                     kDefaultMaintenanceFactor, Progress::none());
        return made;
    }();
    return session;
}

// A planner drags a planned lamp: each step puts a copy of a lamp 3 m on in its place and
// recomputes the cells within the union of its horizontal reach boxes before and after.
void BM_DragPlannedLamp(benchmark::State& state) {
    PlanningSession& session = planningSession();
    std::mt19937_64 rng(9);
    std::uniform_int_distribution<std::size_t> pick(0, kLuminaires - 1);
    std::uniform_real_distribution<double> bearing(0, 2 * std::numbers::pi);
    double cells = 0.0;
    for (auto _ : state) {
        const std::size_t i = pick(rng);
        const double way = bearing(rng);
        LuminaireSpec spec = session.index.luminaires()[i].spec();
        spec.position =
            Point{spec.position.x() + 3 * std::sin(way), spec.position.y() + 3 * std::cos(way)};
        Box area = session.index.reachBox(i, IlluminancePlane::Horizontal);
        session.index.replace(i, *makeLuminaire(std::move(spec)));
        expand(area, session.index.reachBox(i, IlluminancePlane::Horizontal));
        const GridCells changed =
            refreshIlluminanceGrid(session.grid, area, session.index, kDefaultMaintenanceFactor);
        cells += static_cast<double>(changed.columns * changed.rows);
    }
    state.counters["cells_per_step"] =
        benchmark::Counter(cells, benchmark::Counter::kAvgIterations);
}

// 52 km of paths over the town's square: 13 streets each way, 2 km long, 167 m apart.
Project pathGrid() {
    LayerDef def;
    def.table = "bas_gangvag";
    def.geometry = GeometryKind::LineString;
    std::vector<Feature> lines;
    for (int i = 0; i < 13; ++i) {
        const double at = 1.0 + i * (kSide - 2.0) / 12.0;
        for (const LineString& line : {LineString{{at, 0.0}, {at, kSide}},
                                       LineString{{0.0, at}, {kSide, at}}}) {
            Feature feature;
            feature.id = FeatureId{static_cast<std::int64_t>(lines.size() + 1)};
            feature.geometry = line;
            lines.push_back(std::move(feature));
        }
    }
    Project project;
    project.layers.emplace_back(def, std::move(lines));
    return project;
}

// The whole path analysis of 52 km: network and crossings, samples every metre with their
// class, horizontal and two vertical illuminances per sample on every core, segments, gaps.
void BM_PathLighting(benchmark::State& state) {
    const Project project = pathGrid();
    auto table = readLightingClassTable(std::filesystem::path(TRYGG_SOURCE_LAYERS_DIR) /
                                        "photometry" / "belysningsklasser.json");
    const LuminaireIndex& index = townIndex();
    std::size_t samples = 0;
    std::size_t gaps = 0;
    for (auto _ : state) {
        auto network = buildPathNetwork(project, *table);
        const PathSamples sampled = samplePathNetwork(*network, 1.0);
        auto lux = computeSampleLux(sampled, index, kDefaultMaintenanceFactor, Progress::none());
        const PathLighting result = evaluatePathLighting(*network, sampled, *lux);
        samples = sampled.size();
        gaps = result.gaps.size();
        benchmark::DoNotOptimize(result.segments.data());
    }
    state.counters["samples"] = static_cast<double>(samples);
    state.counters["gaps"] = static_cast<double>(gaps);
}

// 100,000 observations over 5 km × 5 km of SWEREF 99 TM around Vännäs, from a fixed seed:
// 60 % in 200 clusters (normal, 40 m), the rest spread evenly.
std::vector<Point> heatmapObservations() {
    constexpr double kWest = 733000.0;
    constexpr double kSouth = 7093000.0;
    constexpr double kHeatSide = 5000.0;
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> anywhere(0.0, kHeatSide);
    std::normal_distribution<double> spread(0.0, 40.0);
    std::vector<Point> centres;
    for (int i = 0; i < 200; ++i) {
        centres.emplace_back(anywhere(rng), anywhere(rng));
    }
    std::vector<Point> points;
    for (int i = 0; i < 100000; ++i) {
        double x = anywhere(rng);
        double y = anywhere(rng);
        if (i % 5 < 3) {
            const Point& centre = centres[static_cast<std::size_t>(i) % centres.size()];
            x = std::clamp(centre.x() + spread(rng), 0.0, kHeatSide);
            y = std::clamp(centre.y() + spread(rng), 0.0, kHeatSide);
        }
        points.emplace_back(kWest + x, kSouth + y);
    }
    return points;
}

void writePointsCsv(const std::vector<Point>& points, const char* file) {
    std::ofstream out(file);
    out.precision(17);
    for (const Point& p : points) {
        out << p.x() << ',' << p.y() << '\n';
    }
}

void BM_Heatmap(benchmark::State& state) {
    const std::vector<Point> points = heatmapObservations();
    if (const char* csv = std::getenv("TRYGG_BENCH_HEATMAP_CSV")) {
        writePointsCsv(points, csv);
    }
    HeatmapOptions options;
    options.radius = 100.0;
    options.pixelSize = 2.0;
    std::size_t cells = 0;
    timeOnWallClock(state, [&] {
        auto grid = heatmap(points, {}, options, Progress::none());
        cells = grid->values.size();
        benchmark::DoNotOptimize(grid->values.data());
    });
    state.counters["cells"] = static_cast<double>(cells);
}

BENCHMARK(BM_IlluminanceGrid)
    ->Arg(50)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(1)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_LuminaireIndexBuild)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_PointIlluminance)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_DragPlannedLamp)->Unit(benchmark::kMillisecond)->ReportAggregatesOnly(true);
BENCHMARK(BM_Heatmap)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_PathLighting)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

} // namespace
} // namespace trygg::bench

BENCHMARK_MAIN();
