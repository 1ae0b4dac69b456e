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

constexpr const char* kBandDescription = "Belysningsstyrka (lx)";
constexpr const char* kUnit = "lx";

Result<void> checkGrid(const fs::path& path, const Box& extent, double cellSize,
                       std::size_t columns, std::size_t rows, std::size_t values) {
    if (isEmpty(extent) || !(cellSize > 0.0) || columns == 0 || rows == 0 || columns > INT_MAX ||
        rows > INT_MAX) {
        return fail(ErrorCode::Usage, "an illuminance raster needs cells, and a cell size > 0",
                    path.string());
    }
    if (values != columns * rows) {
        return fail(ErrorCode::Usage,
                    "the illuminance raster has " + std::to_string(values) + " values for " +
                        std::to_string(columns) + " × " + std::to_string(rows) + " cells",
                    path.string());
    }
    return {};
}

/// An empty Float32 GeoTIFF of the grid's size at `file`, placed on the map.
Result<GDALDatasetUniquePtr> createGeoTiff(const fs::path& file, const fs::path& target,
                                           const Box& extent, double cellSize, int columns,
                                           int rows, const Crs& crs) {
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
    GDALDatasetUniquePtr dataset(
        driver->Create(file.c_str(), columns, rows, 1, GDT_Float32, options.get()));
    if (!dataset) {
        return fail(ErrorCode::WriteFailed, "cannot create file (folder missing or read-only?)",
                    target.string(), errors.last());
    }
    // North up: x grows with the column from the west edge, y falls with the row from the north.
    double transform[6] = {extent.min_corner().x(), cellSize, 0.0,
                           extent.max_corner().y(), 0.0,      -cellSize};
    GDALRasterBand& band = *dataset->GetRasterBand(1);
    band.SetDescription(kBandDescription);
    if (dataset->SetGeoTransform(transform) != CE_None ||
        dataset->SetSpatialRef(srs->get()) != CE_None || band.SetUnitType(kUnit) != CE_None) {
        return fail(ErrorCode::WriteFailed, "cannot write where the raster lies", target.string(),
                    errors.last());
    }
    return dataset;
}

/// Writes the values block by block; stops with Cancelled when the user asked.
Result<void> writeRows(GDALRasterBand& band, const fs::path& target, std::size_t columns,
                       std::size_t rows, std::span<const float> lux, Progress& progress) {
    gdal::ErrorCapture errors;
    for (std::size_t row = 0; row < rows; row += kRowsPerBlock) {
        if (progress.isCancelled()) {
            return fail(ErrorCode::Cancelled, "writing the illuminance raster was cancelled",
                        target.string());
        }
        const std::size_t count = std::min(kRowsPerBlock, rows - row);
        // RasterIO takes a non-const buffer even for writing; GF_Write only reads it.
        auto* values = const_cast<float*>(lux.data() + row * columns);
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

Result<void> writeIlluminanceGeoTiff(const fs::path& path, const Box& extent, double cellSize,
                                     std::size_t columns, std::size_t rows,
                                     std::span<const float> lux, const Crs& crs,
                                     Progress& progress) {
    if (auto valid = checkGrid(path, extent, cellSize, columns, rows, lux.size()); !valid) {
        return valid;
    }
    const fs::path temporary = gdal::temporaryBeside(path);
    gdal::removeQuietly(temporary);
    auto dataset = createGeoTiff(temporary, path, extent, cellSize, static_cast<int>(columns),
                                 static_cast<int>(rows), crs);
    if (!dataset) {
        gdal::removeQuietly(temporary);
        return std::unexpected(dataset.error());
    }
    auto written = writeRows(*(*dataset)->GetRasterBand(1), path, columns, rows, lux, progress);
    auto closed = gdal::close(std::move(*dataset), path);
    if (!written || !closed) {
        gdal::removeQuietly(temporary);
        return std::unexpected(!written ? written.error() : closed.error());
    }
    return gdal::moveIntoPlace(temporary, path);
}

} // namespace trygg
