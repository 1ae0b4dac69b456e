#pragma once
// Import of an OpenStreetMap extract into a project's base map (and its street lamps into the
// lighting inventory), so the schematic map can be replaced by real streets and buildings.

#include "tryggkarta/core/error.h"
#include "tryggkarta/core/progress.h"
#include "tryggkarta/io/layer_definitions.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

/// The base-map tables an OpenStreetMap import fills (and `replaceBaseMap` empties).
inline constexpr std::array<std::string_view, 7> kBaseMapTables = {
    "bas_ytor", "bas_vatten", "bas_byggnad", "bas_jarnvag", "bas_gangvag", "bas_gata", "bas_ortnamn"};

struct OsmImportOptions {
    /// Empty the bas_* tables first, so a new extract replaces the old map. Thematic layers,
    /// belysning included, are never emptied.
    bool replaceBaseMap = false;
};

struct OsmImportReport {
    std::string source;                       ///< file name, for messages
    std::map<std::string, std::int64_t> imported; ///< table -> features written
    std::int64_t objectsRead = 0;   ///< objects the driver delivered (points, lines, areas)
    std::int64_t ignored = 0;       ///< objects the base map has no place for (fences, ...)
    std::int64_t rejected = 0;      ///< objects with a geometry that cannot be stored
    std::int64_t removed = 0;       ///< base-map features removed by `replaceBaseMap`
    std::vector<std::string> notes; ///< the first few rejections, with their OSM ids
};

/// Reads an OpenStreetMap file (.osm XML or .osm.pbf) through GDAL's OSM driver and writes
/// streets, paths, railways, buildings, parks, water and place names into the bas_* tables and
/// street lamps into `belysning` (status "fungerar", pole number from `ref`), reprojected into
/// the project's CRS. One transaction: on error or cancel the project is unchanged.
Result<OsmImportReport> importOsm(const std::filesystem::path& projectPath,
                                  const LayerCatalog& catalog,
                                  const std::filesystem::path& source,
                                  const OsmImportOptions& options = {},
                                  Progress& progress = Progress::none());

} // namespace trygg
