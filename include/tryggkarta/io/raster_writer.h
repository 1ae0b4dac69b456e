#pragma once
// Analysis rasters written as GeoTIFF, for other GIS programs and for the archive. trygg_io may
// not use trygg_analysis, so the grid comes as plain values; tryggkarta/document/lux_raster.h
// has the overload taking an IlluminanceGrid.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/progress.h"

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace trygg {

/// One band of Float32 cells on a north-up grid: `values` holds rows × columns, rows from
/// north to south; the grid's north-west corner is the west and north edge of `extent`, each
/// cell `cellSize` wide.
struct FloatGrid {
    Box extent;
    double cellSize = 0.0;
    std::size_t columns = 0;
    std::size_t rows = 0;
    std::span<const float> values;
};

/// What the band means, as GIS programs show it (gdalinfo, QGIS's layer properties).
struct RasterBand {
    std::string description;      ///< "Belysningsstyrka (lx)"
    std::string unit;             ///< "lx"; empty for none
    std::optional<double> noData; ///< the value of cells without data, if any
};

/// Writes `grid` as a one-band Float32 GeoTIFF (DEFLATE, tiled, floating-point predictor)
/// described by `band`. The file appears only when complete (written beside it, then
/// renamed), replacing one already there. Progress is reported per block of rows. Errors,
/// naming the file: Usage for an empty grid, a cell size not > 0 or a value count other than
/// rows × columns; CrsUnknown; WriteFailed; Cancelled (then no file is left).
Result<void> writeFloatGeoTiff(const std::filesystem::path& path, const FloatGrid& grid,
                               const RasterBand& band, const Crs& crs, Progress& progress);

/// A lux grid through writeFloatGeoTiff: described "Belysningsstyrka (lx)" with unit "lx" and
/// no nodata value (every cell has a lux value, 0 included).
Result<void> writeIlluminanceGeoTiff(const std::filesystem::path& path, const Box& extent,
                                     double cellSize, std::size_t columns, std::size_t rows,
                                     std::span<const float> lux, const Crs& crs,
                                     Progress& progress);

/// The first band of a raster file, as Float32: what writeFloatGeoTiff wrote, or another
/// program's raster (QGIS's heat map) to compare with.
struct FloatRaster {
    std::array<double, 6> geoTransform{}; ///< GDAL's: west, cell width, 0, north, 0, −cell height
    std::size_t columns = 0;
    std::size_t rows = 0;
    std::vector<float> values; ///< rows × columns, north row first
    RasterBand band;
};

/// Reads the first band of `path`. Errors name the file: OpenFailed when GDAL cannot open it
/// as a raster, InvalidFormat when it has no band or its cells cannot be read.
Result<FloatRaster> readFloatRaster(const std::filesystem::path& path);

} // namespace trygg
