// Rendering cost at the scale of years of citizen dialogue: the synthetic project with
// benchRows() observations drawn at 1920 × 1080, the whole town and a street-level view.
// Targets: whole extent ≤ 100 ms, 1:2000 ≤ 16 ms (one frame at 60 Hz).

#include "bench_support.h"

#include "tryggkarta/render/headless_gui.h"
#include "tryggkarta/render/map_renderer.h"
#include "tryggkarta/render/scene_builder.h"

#include <benchmark/benchmark.h>

namespace trygg::bench {
namespace {

const QSize kScreen(1920, 1080);

// Made once: the generator takes seconds at a million rows.
const MapScene& benchScene() {
    static const MapScene scene = sceneFromProject(makeSyntheticProject(benchSpec(), benchCatalog()), "sv");
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
