#include "bench_support.h"

#include "tryggkarta/io/gdal_setup.h"

#include <benchmark/benchmark.h>

#include <charconv>
#include <cstdlib>
#include <iostream>
#include <string_view>

namespace trygg::bench {

std::size_t benchRows() {
    static const std::size_t rows = [] {
        std::size_t value = 1'000'000;
        if (const char* text = std::getenv("TRYGG_BENCH_ROWS")) {
            std::string_view view(text);
            auto [ptr, ec] = std::from_chars(view.data(), view.data() + view.size(), value);
            if (ec != std::errc{} || ptr != view.data() + view.size() || value == 0) {
                std::cerr << "bench: TRYGG_BENCH_ROWS must be a positive whole number, not '"
                          << view << "'\n";
                std::exit(2);
            }
        }
        return value;
    }();
    return rows;
}

std::filesystem::path benchDataDirectory() {
    const char* text = std::getenv("TRYGG_BENCH_DATA");
    return text != nullptr && *text != '\0' ? std::filesystem::path(text)
                                            : std::filesystem::path("/tmp/tryggkarta-bench");
}

const LayerCatalog& benchCatalog() {
    static const LayerCatalog catalog = [] {
        auto loaded = loadLayerCatalog(defaultLayersDirectory());
        if (!loaded) {
            std::cerr << "bench: " << loaded.error().describe() << '\n';
            std::exit(2);
        }
        return std::move(*loaded);
    }();
    return catalog;
}

SyntheticSpec benchSpec() {
    SyntheticSpec spec;
    spec.observations = benchRows();
    return spec;
}

int runBenchmarks(int argc, char** argv, const std::function<void()>& prepare) {
    initialiseGdal();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    // Loaded before timing starts so the first benchmark does not pay for it.
    static_cast<void>(benchCatalog());
    std::cerr << "bench: " << benchRows() << " rows, fixtures in " << benchDataDirectory() << '\n';
    if (prepare) {
        prepare();
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

} // namespace trygg::bench
