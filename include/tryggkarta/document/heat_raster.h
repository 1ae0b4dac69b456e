#pragma once
// The heat map on the map and in a file: a HeatmapGrid as an analysis raster and as GeoTIFF
// (trygg_render and trygg_io may not use trygg_analysis, so they take plain values; this
// header-only join is used by the app and by the CLI's `heatmap`).

#include "tryggkarta/analysis/heatmap.h"
#include "tryggkarta/io/raster_writer.h"
#include "tryggkarta/render/heat_ramp.h"

#include <filesystem>

#include <string>
#include <utility>

namespace trygg {

/// See heatSceneRaster in tryggkarta/render/heat_ramp.h.
inline SceneRaster heatmapSceneRaster(std::string name, const HeatmapGrid& grid, Label title) {
    const HeatValues values{grid.columns, grid.rows, grid.values, HeatmapGrid::noData};
    return heatSceneRaster(std::move(name), values, grid.extent(), std::move(title));
}

/// The grid as a Float32 GeoTIFF as QGIS writes its heat map: -9999 where no observation
/// reaches, the band described "Täthet (quartic, radie 100 m)". See writeFloatGeoTiff.
inline Result<void> writeHeatmapGeoTiff(const std::filesystem::path& path, const HeatmapGrid& grid,
                                        const HeatmapOptions& options, const Crs& crs,
                                        Progress& progress) {
    const FloatGrid cells{grid.extent(), grid.pixelSize, grid.columns, grid.rows, grid.values};
    const RasterBand band{heatmapDescription(options), std::string(heatmapUnit(options)),
                          static_cast<double>(HeatmapGrid::noData)};
    return writeFloatGeoTiff(path, cells, band, crs, progress);
}

} // namespace trygg
