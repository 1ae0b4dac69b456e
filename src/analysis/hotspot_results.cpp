#include "tryggkarta/analysis/hotspot_results.h"

#include "feature_filler.h"

namespace trygg {

using analysis::FeatureFiller;

std::vector<Feature> hotSpotFeatures(const LayerDef& def, const HexagonStatistics& stats,
                                     const DateTime& computed) {
    std::vector<Feature> out;
    out.reserve(stats.cells.size());
    const std::string value(hotSpotValueName(stats.options.value));
    const std::string corrected = stats.options.falseDiscoveryRate ? "ja" : "nej";
    for (const HexagonCell& cell : stats.cells) {
        FeatureFiller f(def, out.size() + 1);
        f.set("antal", cell.count).set("otrygga", cell.unsafe);
        if (cell.rate) {
            f.number("andel", *cell.rate * 100.0);
        }
        f.number("per_ha", cell.perHectare).set("klass", std::int64_t{cell.bin});
        f.number("z", cell.gi.z).set("p", cell.gi.p);
        f.set("varde", value);
        if (!stats.selection.empty()) {
            f.set("urval", stats.selection);
        }
        f.set("cell_m", stats.grid.width()).set("fdr", corrected).set("beraknad", computed);
        out.push_back(f.take(stats.grid.outline(cell.coord)));
    }
    return out;
}

std::vector<std::pair<std::string, std::vector<Feature>>>
hotSpotResultLayers(const Project& project, const HexagonStatistics& stats,
                    const DateTime& computed) {
    std::vector<std::pair<std::string, std::vector<Feature>>> out;
    if (const Layer* layer = project.layer(kHotSpotLayer)) {
        out.emplace_back(layer->name(), hotSpotFeatures(layer->definition(), stats, computed));
    }
    return out;
}

} // namespace trygg
