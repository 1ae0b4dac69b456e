// Rendering cost at the scale of years of citizen dialogue: the synthetic project with
// benchRows() observations plus the Vännäs centrum base map, drawn at 1920 × 1080, the
// whole town and a street-level view.
// Targets: whole extent ≤ 100 ms, 1:2000 ≤ 16 ms (one frame at 60 Hz).

#include "bench_support.h"

#include "tryggkarta/io/project_store.h"
#include "tryggkarta/render/headless_gui.h"
#include "tryggkarta/render/map_renderer.h"
#include "tryggkarta/render/scene_builder.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

namespace trygg::bench {
namespace {

const QSize kScreen(1920, 1080);

/// The synthetic project with the base-map layers of the example project the build makes
/// (maps/CMakeLists.txt imports them from maps/vannas-centrum/bas_*.geojson).
Project benchProject() {
    Project project = makeSyntheticProject(benchSpec(), benchCatalog());
    auto sample = openProject(TRYGG_SAMPLE_PROJECT, benchCatalog());
    if (!sample) {
        std::cerr << "bench: " << sample.error().describe() << '\n';
        std::exit(2);
    }
    std::size_t baseMapFeatures = 0;
    for (Layer& layer : sample->layers) {
        Layer* target = project.layer(layer.name());
        if (layer.definition().group == kBaseMapGroup && target != nullptr) {
            baseMapFeatures += layer.size();
            *target = std::move(layer);
        }
    }
    if (baseMapFeatures == 0) {
        std::cerr << "bench: no base map in " << TRYGG_SAMPLE_PROJECT << '\n';
        std::exit(2);
    }
    return project;
}

// Made once: the generator takes seconds at a million rows.
const MapScene& benchScene() {
    static const MapScene scene = sceneFromProject(benchProject(), "sv");
    return scene;
}

// Into one image, cleared each time, as the canvas does: the cost measured is drawing.
void renderView(benchmark::State& state, const ViewTransform& view) {
    const MapScene& scene = benchScene();
    const MapRenderer renderer;
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    RenderStats stats;
    for (auto _ : state) {
        image.fill(Qt::white);
        QPainter painter(&image);
        stats = renderer.render(painter, scene, view);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    // Both views are within the street names' scale range: a render without labels has
    // lost the base map.
    if (stats.labelsDrawn == 0) {
        state.SkipWithError("no labels drawn");
    }
    state.counters["features"] = static_cast<double>(stats.featuresDrawn);
    state.counters["labels"] = static_cast<double>(stats.labelsDrawn);
    state.counters["scale"] = view.scaleDenominator();
}

void BM_RenderFullExtent(benchmark::State& state) {
    renderView(state, ViewTransform::fitting(sceneExtent(benchScene()), kScreen, 0.05));
}

void BM_RenderStreetLevel(benchmark::State& state) {
    renderView(state, ViewTransform(Point{733107.0, 7096069.0}, 1.0, kScreen).withScale(2000.0));
}

BENCHMARK(BM_RenderFullExtent)->Unit(benchmark::kMillisecond)->UseRealTime()->Repetitions(7)->ReportAggregatesOnly(true);
BENCHMARK(BM_RenderStreetLevel)->Unit(benchmark::kMillisecond)->UseRealTime()->Repetitions(7)->ReportAggregatesOnly(true);

} // namespace
} // namespace trygg::bench

int main(int argc, char** argv) {
    const auto application = trygg::startHeadlessGui(); // fonts for the scale bar and labels
    return trygg::bench::runBenchmarks(argc, argv, [] { static_cast<void>(trygg::bench::benchScene()); });
}
