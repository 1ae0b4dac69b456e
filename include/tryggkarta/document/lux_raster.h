#pragma once
// The lux map from an IlluminanceGrid: its image, its repaint, its GeoTIFF. trygg_render and
// trygg_io may not use trygg_analysis, so they take plain cells; trygg_document sees all three
// and joins them here (header only: thin forwarding, nothing to test on its own).

#include "tryggkarta/analysis/illuminance_grid.h"
#include "tryggkarta/io/raster_writer.h"
#include "tryggkarta/render/lux_ramp.h"
#include "tryggkarta/render/map_scene.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>

namespace trygg {

/// The area the grid's cells cover, edge to edge: from its west and north edges, columns ×
/// cellSize east and rows × cellSize south.
inline Box luxCellsExtent(const IlluminanceGrid& grid) {
    const double west = grid.extent.min_corner().x();
    const double north = grid.extent.max_corner().y();
    return Box(Point(west, north - static_cast<double>(grid.rows) * grid.cellSize),
               Point(west + static_cast<double>(grid.columns) * grid.cellSize, north));
}

/// See luxImage(columns, rows, lux).
inline QImage luxImage(const IlluminanceGrid& grid) {
    return luxImage(grid.columns, grid.rows, grid.lux);
}

/// See paintLux(image, lux, ...): repaints the cells a partial recomputation changed.
inline void paintLux(QImage& image, const IlluminanceGrid& grid, std::size_t col0, std::size_t row0,
                     std::size_t cols, std::size_t rows) {
    paintLux(image, grid.lux, col0, row0, cols, rows);
}

/// The grid as an analysis raster for MapDocument::setAnalysisRaster.
inline SceneRaster luxSceneRaster(std::string name, const IlluminanceGrid& grid) {
    return luxSceneRaster(std::move(name), luxImage(grid), luxCellsExtent(grid));
}

/// See writeIlluminanceGeoTiff in tryggkarta/io/raster_writer.h.
inline Result<void> writeIlluminanceGeoTiff(const std::filesystem::path& path,
                                            const IlluminanceGrid& grid, const Crs& crs,
                                            Progress& progress) {
    return writeIlluminanceGeoTiff(path, luxCellsExtent(grid), grid.cellSize, grid.columns,
                                   grid.rows, grid.lux, crs, progress);
}

} // namespace trygg
