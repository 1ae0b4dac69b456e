#pragma once
// Analysis rasters written as GeoTIFF, for other GIS programs and for the archive. trygg_io may
// not use trygg_analysis, so the grid comes as plain values; tryggkarta/document/lux_raster.h
// has the overload taking an IlluminanceGrid.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/error.h"
#include "tryggkarta/core/geometry.h"
#include "tryggkarta/core/progress.h"

#include <cstddef>
#include <filesystem>
#include <span>

namespace trygg {

/// Writes a lux grid as a one-band Float32 GeoTIFF (DEFLATE, tiled, floating-point
/// predictor) described "Belysningsstyrka (lx)" with unit "lx" and no nodata value. `lux`
/// holds rows × columns values, rows from north to south; the grid's north-west corner is
/// the west and north edge of `extent`, each cell `cellSize` wide. The file appears only
/// when complete (written beside it, then renamed), replacing one already there.
/// Progress is reported per block of rows. Errors, naming the file: Usage for an empty grid,
/// a cell size not > 0 or a value count other than rows × columns; CrsUnknown; WriteFailed;
/// Cancelled (then no file is left).
Result<void> writeIlluminanceGeoTiff(const std::filesystem::path& path, const Box& extent,
                                     double cellSize, std::size_t columns, std::size_t rows,
                                     std::span<const float> lux, const Crs& crs,
                                     Progress& progress);

} // namespace trygg
