// File costs at the scale of a large citizen dialogue: importing a million points from a
// GeoPackage and from a CSV, opening a project that holds them, and writing it anew.
// Setup (a fresh empty project, removing the last output) is never inside the timed region.

#include "bench_fixtures.h"
#include "bench_support.h"

#include "tryggkarta/io/export.h"
#include "tryggkarta/io/importer.h"
#include "tryggkarta/io/project_store.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>

namespace trygg::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

const Fixtures& fixtures() {
    static const Fixtures made = [] {
        auto result = ensureFixtures();
        if (!result) {
            std::cerr << "bench: " << result.error().describe() << '\n';
            std::exit(2);
        }
        return *result;
    }();
    return made;
}

namespace {

// An empty project to import into, made before the clock starts.
bool freshProject(benchmark::State& state, const fs::path& path) {
    std::error_code ec;
    fs::remove(path, ec);
    if (auto made = createProject(path, Crs::fromEpsg(crs::kSweref99Tm), benchCatalog()); !made) {
        state.SkipWithError(made.error().describe().c_str());
        return false;
    }
    return true;
}

void importInto(benchmark::State& state, const fs::path& source, std::optional<Crs> sourceCrs) {
    const fs::path target = scratchDirectory() / "import.gpkg";
    ImportOptions options;
    options.targetLayer = "observationer";
    options.sourceCrs = std::move(sourceCrs);
    ImportReport last;
    for (auto _ : state) {
        if (!freshProject(state, target)) {
            break;
        }
        auto start = Clock::now();
        auto report = importIntoProject(target, benchCatalog(), source, options);
        state.SetIterationTime(secondsSince(start));
        if (!report) {
            state.SkipWithError(report.error().describe().c_str());
            break;
        }
        last = std::move(*report);
    }
    state.counters["imported"] = static_cast<double>(last.imported);
    state.counters["rejected"] = static_cast<double>(last.rejectedCount);
    if (!last.rejected.empty()) {
        std::cerr << "bench: " << last.source << " row " << last.rejected.front().row << ", field '"
                  << last.rejected.front().field << "': " << last.rejected.front().reason << '\n';
    }
}

void BM_ImportGeoPackage(benchmark::State& state) {
    importInto(state, fixtures().sourceGpkg, std::nullopt);
}

void BM_ImportCsv(benchmark::State& state) {
    importInto(state, fixtures().sourceCsv, Crs::fromEpsg(crs::kSweref99Tm));
}

void BM_OpenProject(benchmark::State& state) {
    const fs::path path = fixtures().project;
    std::size_t observations = 0;
    for (auto _ : state) {
        auto start = Clock::now();
        auto project = openProject(path, benchCatalog());
        state.SetIterationTime(secondsSince(start)); // freeing the project is not timed
        if (!project) {
            state.SkipWithError(project.error().describe().c_str());
            break;
        }
        const Layer* layer = project->layer("observationer");
        observations = layer == nullptr ? 0 : layer->size();
    }
    state.counters["observations"] = static_cast<double>(observations);
}

void BM_CreateProject(benchmark::State& state) {
    const fs::path path = scratchDirectory() / "empty.gpkg";
    for (auto _ : state) {
        std::error_code ec;
        fs::remove(path, ec);
        auto start = Clock::now();
        auto made = createProject(path, Crs::fromEpsg(crs::kSweref99Tm), benchCatalog());
        state.SetIterationTime(secondsSince(start));
        if (!made) {
            state.SkipWithError(made.error().describe().c_str());
            break;
        }
    }
}

// Writing the whole project over a freshly created one, as "save as" onto a new file does.
void BM_SaveProjectAs(benchmark::State& state) {
    static const Project project = makeSyntheticProject(benchSpec(), benchCatalog());
    const fs::path path = scratchDirectory() / "saved.gpkg";
    for (auto _ : state) {
        if (!freshProject(state, path)) {
            break;
        }
        auto start = Clock::now();
        auto saved = saveProjectAs(path, project);
        state.SetIterationTime(secondsSince(start));
        if (!saved) {
            state.SkipWithError(saved.error().describe().c_str());
            break;
        }
    }
    state.counters["observations"] = static_cast<double>(benchRows());
}

// The consultant shapefile package of the million observations, as `tryggkarta-cli export
// --layers observationer` writes it once the project is open (opening is BM_OpenProject;
// scripts/bench-export-vs-ogr2ogr.sh times the whole command against ogr2ogr).
void BM_ExportShapefile(benchmark::State& state) {
    static const Project project = [] {
        auto opened = openProject(fixtures().project, benchCatalog());
        if (!opened) {
            std::cerr << "bench: " << opened.error().describe() << '\n';
            std::exit(2);
        }
        return std::move(*opened);
    }();
    ExportOptions options;
    options.format = ExportFormat::Shapefile;
    options.profile = PrivacyProfile::Consultant;
    options.layers = {"observationer"};
    options.output = scratchDirectory() / "paket";
    std::int64_t written = 0;
    for (auto _ : state) {
        std::error_code ec;
        fs::remove_all(options.output, ec);
        auto start = Clock::now();
        auto report = exportProject(project, fixtures().project, options);
        state.SetIterationTime(secondsSince(start));
        if (!report) {
            state.SkipWithError(report.error().describe().c_str());
            break;
        }
        written = report->tables.empty() ? 0 : report->tables.front().features;
    }
    state.counters["features"] = static_cast<double>(written);
}

// One import of a million rows takes seconds, so each repetition is a single run and the
// median of five is reported.
BENCHMARK(BM_ImportGeoPackage)
    ->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1)
    ->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_ImportCsv)
    ->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1)
    ->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_OpenProject)
    ->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1)
    ->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_CreateProject)
    ->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(5)
    ->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_SaveProjectAs)
    ->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1)
    ->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_ExportShapefile)
    ->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1)
    ->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace
} // namespace trygg::bench

int main(int argc, char** argv) {
    return trygg::bench::runBenchmarks(argc, argv, [] { static_cast<void>(trygg::bench::fixtures()); });
}
