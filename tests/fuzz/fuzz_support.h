#pragma once
// What the fuzz targets share: the input as text and the shipped layer definitions.

#include "tryggkarta/io/layer_definitions.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace trygg::fuzz {

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// layers/*.json of the source tree, read once: the mapping and filter targets check against
/// the real layers. A broken catalog is not the fuzzed code's fault, so it stops the run.
inline const LayerCatalog& shippedCatalog() {
    static const LayerCatalog catalog = [] {
        auto loaded = loadLayerCatalog(TRYGG_SOURCE_LAYERS_DIR);
        if (!loaded) {
            std::fprintf(stderr, "fuzz: cannot load %s: %s\n", TRYGG_SOURCE_LAYERS_DIR,
                         loaded.error().describe().c_str());
            std::abort();
        }
        return *loaded;
    }();
    return catalog;
}

} // namespace trygg::fuzz
