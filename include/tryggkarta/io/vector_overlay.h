#pragma once
// Files shown on the map without importing them: any vector file GDAL reads becomes a
// read-only layer with the file's own columns.

#include "tryggkarta/core/crs.h"
#include "tryggkarta/core/layer.h"
#include "tryggkarta/core/progress.h"

#include <filesystem>

namespace trygg {

enum class DataKind { Vector, Raster, Unknown };

/// What GDAL sees in a file, without reading its data.
DataKind probeDataKind(const std::filesystem::path& path);

/// The first layer of a vector file, reprojected into `mapCrs`, as a layer whose fields are
/// the file's columns (as text). Rows without usable geometry are left out.
Result<Layer> readVectorOverlay(const std::filesystem::path& path, const Crs& mapCrs,
                                Progress& progress = Progress::none());

} // namespace trygg
