#pragma once
// Hexagon statistics as the features of the result layer hotspot_celler (group "analys"), so
// the map draws hot and cold spots like any other layer and the project keeps them.

#include "tryggkarta/analysis/hexagon_stats.h"
#include "tryggkarta/core/layer.h"
#include "tryggkarta/core/project.h"
#include "tryggkarta/core/value.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trygg {

inline constexpr std::string_view kHotSpotLayer = "hotspot_celler";

/// One polygon feature per cell, ids 1, 2, … in the cells' order. Fields are filled by name
/// (antal, otrygga, andel in %, per_ha, klass, z, p, varde, urval, cell_m, fdr, beraknad), so a
/// definition with fewer fields still works.
std::vector<Feature> hotSpotFeatures(const LayerDef& def, const HexagonStatistics& stats,
                                     const DateTime& computed);

/// The result layer's new features by layer name, as MapDocument::replaceAnalysisResults and
/// the CLI take them; empty when `project` has no hotspot_celler layer.
std::vector<std::pair<std::string, std::vector<Feature>>>
hotSpotResultLayers(const Project& project, const HexagonStatistics& stats,
                    const DateTime& computed);

} // namespace trygg
