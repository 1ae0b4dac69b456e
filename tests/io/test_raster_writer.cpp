// The lux raster as a GeoTIFF: read back with GDAL exactly as written, complete or not at all.

#include "test_support.h"
#include "tryggkarta/io/raster_writer.h"

#include <array>
#include <catch2/catch.hpp>
#include <cstring>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <string>
#include <vector>

using namespace trygg;
using trygg::test::TempDir;

namespace {

constexpr double kWest = 733000.0;
constexpr double kNorth = 7096100.0;

/// Records what the writer reports and cancels once it has seen `cancelAfter` updates.
class RecordingProgress : public Progress {
public:
    explicit RecordingProgress(std::size_t cancelAfter = SIZE_MAX) : m_cancelAfter(cancelAfter) {}
    void update(std::uint64_t done, std::uint64_t total) override {
        updates.emplace_back(done, total);
    }
    [[nodiscard]] bool isCancelled() const override { return updates.size() >= m_cancelAfter; }

    std::vector<std::pair<std::uint64_t, std::uint64_t>> updates;

private:
    std::size_t m_cancelAfter;
};

std::size_t filesIn(const std::filesystem::path& dir) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) {
        ++count;
    }
    return count;
}

Box extentOf(std::size_t columns, std::size_t rows, double cellSize) {
    return Box(Point(kWest, kNorth - static_cast<double>(rows) * cellSize),
               Point(kWest + static_cast<double>(columns) * cellSize, kNorth));
}

} // namespace

TEST_CASE("a lux grid is written as a Float32 GeoTIFF that reads back exactly", "[io]") {
    TempDir dir;
    const auto path = dir / "lux.tif";
    // 3 columns × 2 rows of 2 m cells, north row first; values that DEFLATE must keep exactly.
    const std::vector<float> lux = {0.0F, 0.37F, 1.5F, 7.25F, 30.125F, 1234.5678F};
    RecordingProgress progress;
    auto written = writeIlluminanceGeoTiff(path, extentOf(3, 2, 2.0), 2.0, 3, 2, lux,
                                           Crs::fromEpsg(crs::kSweref99Tm), progress);
    REQUIRE(written);
    CHECK(filesIn(dir.path()) == 1); // no temporary or side file left beside it
    REQUIRE_FALSE(progress.updates.empty());
    CHECK(progress.updates.back() == std::pair<std::uint64_t, std::uint64_t>{2, 2});

    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(dataset);
    CHECK(dataset->GetRasterXSize() == 3);
    CHECK(dataset->GetRasterYSize() == 2);
    CHECK(dataset->GetRasterCount() == 1);
    double transform[6] = {};
    REQUIRE(dataset->GetGeoTransform(transform) == CE_None);
    CHECK(transform[0] == kWest);
    CHECK(transform[1] == 2.0);
    CHECK(transform[2] == 0.0);
    CHECK(transform[3] == kNorth);
    CHECK(transform[4] == 0.0);
    CHECK(transform[5] == -2.0);
    const OGRSpatialReference* srs = dataset->GetSpatialRef();
    REQUIRE(srs != nullptr);
    REQUIRE(srs->GetAuthorityCode(nullptr) != nullptr);
    CHECK(std::string(srs->GetAuthorityCode(nullptr)) == "3006");

    GDALRasterBand& band = *dataset->GetRasterBand(1);
    CHECK(band.GetRasterDataType() == GDT_Float32);
    int hasNodata = 1;
    band.GetNoDataValue(&hasNodata);
    CHECK(hasNodata == 0);
    CHECK(std::string(band.GetDescription()) == "Belysningsstyrka (lx)");
    CHECK(std::string(band.GetUnitType()) == "lx");
    const char* compression = dataset->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE");
    const char* predictor = dataset->GetMetadataItem("PREDICTOR", "IMAGE_STRUCTURE");
    CHECK(std::string(compression != nullptr ? compression : "") == "DEFLATE");
    CHECK(std::string(predictor != nullptr ? predictor : "") == "3");
    int blockWidth = 0;
    int blockHeight = 0;
    band.GetBlockSize(&blockWidth, &blockHeight);
    CHECK(blockWidth == 256); // tiled: a strip would be the image's width
    CHECK(blockHeight == 256);
    std::vector<float> back(6, -1.0F);
    REQUIRE(band.RasterIO(GF_Read, 0, 0, 3, 2, back.data(), 3, 2, GDT_Float32, 0, 0, nullptr) ==
            CE_None);
    CHECK(std::memcmp(back.data(), lux.data(), lux.size() * sizeof(float)) == 0);
}

TEST_CASE("writing a lux raster replaces the file, and a cancelled write leaves none", "[io]") {
    TempDir dir;
    const auto path = dir / "lux.tif";
    const std::size_t columns = 10;
    const std::size_t rows = 600; // three blocks of rows
    const std::vector<float> lux(columns * rows, 5.0F);
    const Crs sweref = Crs::fromEpsg(crs::kSweref99Tm);

    RecordingProgress afterOneBlock(1);
    auto cancelled = writeIlluminanceGeoTiff(path, extentOf(columns, rows, 1.0), 1.0, columns, rows,
                                             lux, sweref, afterOneBlock);
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().code == ErrorCode::Cancelled);
    CHECK(cancelled.error().where == path.string());
    CHECK(afterOneBlock.updates.size() == 1);
    CHECK(filesIn(dir.path()) == 0);

    RecordingProgress progress;
    REQUIRE(writeIlluminanceGeoTiff(path, extentOf(columns, rows, 1.0), 1.0, columns, rows, lux,
                                    sweref, progress));
    CHECK(progress.updates.size() == 3);
    // A second write over it, cancelled, keeps the first file as it was.
    const std::string before = test::readAll(path);
    RecordingProgress atOnce(0);
    REQUIRE_FALSE(writeIlluminanceGeoTiff(path, extentOf(columns, rows, 1.0), 1.0, columns, rows,
                                          std::vector<float>(columns * rows, 9.0F), sweref,
                                          atOnce));
    CHECK(filesIn(dir.path()) == 1);
    CHECK(test::readAll(path) == before);
}

TEST_CASE("a lux raster that cannot be written gives an error naming the file", "[io]") {
    TempDir dir;
    const std::vector<float> lux = {1.0F, 2.0F};
    // Under a plain file no one can create anything, root included.
    const auto blocked = dir.write("inte-en-mapp", "x") / "lux.tif";
    auto written = writeIlluminanceGeoTiff(blocked, extentOf(2, 1, 1.0), 1.0, 2, 1, lux,
                                           Crs::fromEpsg(crs::kSweref99Tm), Progress::none());
    REQUIRE_FALSE(written);
    CHECK(written.error().code == ErrorCode::WriteFailed);
    CHECK(written.error().describe().find(blocked.string()) != std::string::npos);

    const auto missing = dir / "saknas" / "lux.tif";
    written = writeIlluminanceGeoTiff(missing, extentOf(2, 1, 1.0), 1.0, 2, 1, lux,
                                      Crs::fromEpsg(crs::kSweref99Tm), Progress::none());
    REQUIRE_FALSE(written);
    CHECK(written.error().where == missing.string());

    auto wrongCount = writeIlluminanceGeoTiff(dir / "fel.tif", extentOf(3, 1, 1.0), 1.0, 3, 1, lux,
                                              Crs::fromEpsg(crs::kSweref99Tm), Progress::none());
    REQUIRE_FALSE(wrongCount);
    CHECK(wrongCount.error().code == ErrorCode::Usage);
    CHECK_FALSE(std::filesystem::exists(dir / "fel.tif"));
}

TEST_CASE("a heat map is written with its description, unit and nodata, and reads back", "[io]") {
    TempDir dir;
    const auto path = dir / "heat.tif";
    // 2 columns × 2 rows of 2.5 m cells; -9999 where no observation reaches, as QGIS writes.
    const std::vector<float> heat = {-9999.0F, 0.25F, 1.5F, -9999.0F};
    const FloatGrid grid{extentOf(2, 2, 2.5), 2.5, 2, 2, heat};
    const RasterBand band{"Täthet (quartic, radie 100 m)", "", -9999.0};
    REQUIRE(writeFloatGeoTiff(path, grid, band, Crs::fromEpsg(crs::kSweref99Tm), Progress::none()));

    auto back = readFloatRaster(path);
    REQUIRE(back);
    CHECK(back->columns == 2);
    CHECK(back->rows == 2);
    CHECK(back->geoTransform == std::array<double, 6>{kWest, 2.5, 0.0, kNorth, 0.0, -2.5});
    CHECK(back->values == heat);
    CHECK(back->band.description == "Täthet (quartic, radie 100 m)");
    CHECK(back->band.unit.empty());
    REQUIRE(back->band.noData);
    CHECK(*back->band.noData == -9999.0);

    // The lux raster, through the same writer, has no nodata value.
    const auto lux = dir / "lux.tif";
    REQUIRE(writeIlluminanceGeoTiff(lux, extentOf(2, 2, 2.5), 2.5, 2, 2, heat,
                                    Crs::fromEpsg(crs::kSweref99Tm), Progress::none()));
    auto luxBack = readFloatRaster(lux);
    REQUIRE(luxBack);
    CHECK_FALSE(luxBack->band.noData);
    CHECK(luxBack->band.unit == "lx");
}

TEST_CASE("reading a raster that is not there names the file", "[io]") {
    TempDir dir;
    auto missing = readFloatRaster(dir / "saknas.tif");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::OpenFailed);
    CHECK(missing.error().where == (dir / "saknas.tif").string());
}
