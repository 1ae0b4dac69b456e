#include "tryggkarta/io/raster_writer.h"

#include "gdal_util.h"

#include <algorithm>
#include <climits>
#include <string>
#include <unistd.h>
#include <vector>

namespace trygg {
namespace {

namespace fs = std::filesystem;

/// Rows written per RasterIO call and per progress report: one row of 256-pixel tiles, so
/// each call fills whole tiles and the compressor never rewrites one.
constexpr std::size_t kRowsPerBlock = 256;

Result<void> checkGrid(const fs::path& path, const FloatGrid& grid) {
    if (isEmpty(grid.extent) || !(grid.cellSize > 0.0) || grid.columns == 0 || grid.rows == 0 ||
        grid.columns > INT_MAX || grid.rows > INT_MAX) {
        return fail(ErrorCode::Usage, "a raster needs cells, and a cell size > 0", path.string());
    }
    if (grid.values.size() != grid.columns * grid.rows) {
        return fail(ErrorCode::Usage,
                    "the raster has " + std::to_string(grid.values.size()) + " values for " +
                        std::to_string(grid.columns) + " × " + std::to_string(grid.rows) + " cells",
                    path.string());
    }
    return {};
}

/// An empty Float32 GeoTIFF of the grid's size at `file`, placed on the map and described.
Result<GDALDatasetUniquePtr> createGeoTiff(const fs::path& file, const fs::path& target,
                                           const FloatGrid& grid, const RasterBand& about,
                                           const Crs& crs) {
    auto srs = gdal::makeSrs(crs);
    if (!srs) {
        Error error = srs.error();
        error.where = target.string();
        return std::unexpected(error);
    }
    gdal::ErrorCapture errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (driver == nullptr) {
        return fail(ErrorCode::WriteFailed, "GDAL has no GeoTIFF driver", target.string());
    }
    // StringList points into these strings: they must outlive it.
    const std::vector<std::string> creation = {"COMPRESS=DEFLATE", "TILED=YES", "PREDICTOR=3",
                                               "BIGTIFF=IF_SAFER"};
    gdal::StringList options(creation);
    GDALDatasetUniquePtr dataset(driver->Create(file.c_str(), static_cast<int>(grid.columns),
                                                static_cast<int>(grid.rows), 1, GDT_Float32,
                                                options.get()));
    if (!dataset) {
        return fail(ErrorCode::WriteFailed, "cannot create file (folder missing or read-only?)",
                    target.string(), errors.last());
    }
    // North up: x grows with the column from the west edge, y falls with the row from the north.
    double transform[6] = {grid.extent.min_corner().x(), grid.cellSize, 0.0,
                           grid.extent.max_corner().y(), 0.0,           -grid.cellSize};
    GDALRasterBand& band = *dataset->GetRasterBand(1);
    band.SetDescription(about.description.c_str());
    if (dataset->SetGeoTransform(transform) != CE_None ||
        dataset->SetSpatialRef(srs->get()) != CE_None ||
        band.SetUnitType(about.unit.c_str()) != CE_None ||
        (about.noData && band.SetNoDataValue(*about.noData) != CE_None)) {
        return fail(ErrorCode::WriteFailed, "cannot write where the raster lies", target.string(),
                    errors.last());
    }
    return dataset;
}

/// Writes the values block by block; stops with Cancelled when the user asked.
Result<void> writeRows(GDALRasterBand& band, const fs::path& target, const FloatGrid& grid,
                       Progress& progress) {
    const std::size_t columns = grid.columns;
    const std::size_t rows = grid.rows;
    gdal::ErrorCapture errors;
    for (std::size_t row = 0; row < rows; row += kRowsPerBlock) {
        if (progress.isCancelled()) {
            return fail(ErrorCode::Cancelled, "writing the raster was cancelled", target.string());
        }
        const std::size_t count = std::min(kRowsPerBlock, rows - row);
        // RasterIO takes a non-const buffer even for writing; GF_Write only reads it.
        auto* values = const_cast<float*>(grid.values.data() + row * columns);
        if (band.RasterIO(GF_Write, 0, static_cast<int>(row), static_cast<int>(columns),
                          static_cast<int>(count), values, static_cast<int>(columns),
                          static_cast<int>(count), GDT_Float32, 0, 0, nullptr) != CE_None) {
            return fail(ErrorCode::WriteFailed, "cannot write the raster's values (disk full?)",
                        target.string(), errors.last());
        }
        progress.update(row + count, rows);
    }
    return {};
}

} // namespace

Result<void> writeFloatGeoTiff(const fs::path& path, const FloatGrid& grid, const RasterBand& band,
                               const Crs& crs, Progress& progress) {
    if (auto valid = checkGrid(path, grid); !valid) {
        return valid;
    }
    const fs::path temporary = gdal::temporaryBeside(path);
    gdal::removeQuietly(temporary);
    auto dataset = createGeoTiff(temporary, path, grid, band, crs);
    if (!dataset) {
        gdal::removeQuietly(temporary);
        return std::unexpected(dataset.error());
    }
    auto written = writeRows(*(*dataset)->GetRasterBand(1), path, grid, progress);
    auto closed = gdal::close(std::move(*dataset), path);
    if (!written || !closed) {
        gdal::removeQuietly(temporary);
        return std::unexpected(!written ? written.error() : closed.error());
    }
    return gdal::moveIntoPlace(temporary, path);
}

Result<void> writeIlluminanceGeoTiff(const fs::path& path, const Box& extent, double cellSize,
                                     std::size_t columns, std::size_t rows,
                                     std::span<const float> lux, const Crs& crs,
                                     Progress& progress) {
    const FloatGrid grid{extent, cellSize, columns, rows, lux};
    const RasterBand band{"Belysningsstyrka (lx)", "lx", std::nullopt};
    return writeFloatGeoTiff(path, grid, band, crs, progress);
}

Result<FloatRaster> readFloatRaster(const fs::path& path) {
    gdal::ErrorCapture errors;
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!dataset) {
        return fail(ErrorCode::OpenFailed, "cannot open the raster", path.string(), errors.last());
    }
    if (dataset->GetRasterCount() < 1) {
        return fail(ErrorCode::InvalidFormat, "the raster has no band", path.string());
    }
    FloatRaster raster;
    dataset->GetGeoTransform(raster.geoTransform.data());
    raster.columns = static_cast<std::size_t>(dataset->GetRasterXSize());
    raster.rows = static_cast<std::size_t>(dataset->GetRasterYSize());
    GDALRasterBand& band = *dataset->GetRasterBand(1);
    raster.band.description = band.GetDescription();
    raster.band.unit = band.GetUnitType();
    int hasNoData = 0;
    const double noData = band.GetNoDataValue(&hasNoData);
    if (hasNoData != 0) {
        raster.band.noData = noData;
    }
    raster.values.resize(raster.columns * raster.rows);
    if (band.RasterIO(GF_Read, 0, 0, dataset->GetRasterXSize(), dataset->GetRasterYSize(),
                      raster.values.data(), dataset->GetRasterXSize(), dataset->GetRasterYSize(),
                      GDT_Float32, 0, 0, nullptr) != CE_None) {
        return fail(ErrorCode::InvalidFormat, "cannot read the raster's cells", path.string(),
                    errors.last());
    }
    return raster;
}

} // namespace trygg
