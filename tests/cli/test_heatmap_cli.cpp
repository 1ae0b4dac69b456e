// tryggkarta-cli heatmap on the sample project: the GeoTIFF read back with GDAL holds the
// library's heat map of the same observations (size, place, cells, no data), described for
// GIS programs; Silverman's radius when none is given; errors that name the file and field.

#include "test_support.h"
#include "tryggkarta/analysis/heatmap.h"
#include "tryggkarta/analysis/observation_points.h"
#include "tryggkarta/io/project_store.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <gdal_priv.h>
#include <string>
#include <vector>

using namespace trygg;
using trygg::test::q;
using trygg::test::TempDir;

namespace {

test::CliRun cli(const TempDir& dir, const std::string& arguments) {
    return test::runCli(TRYGG_CLI, dir, arguments);
}

/// The sample project's observations the filter keeps, as the library reads them.
ObservationPoints sampleObservations(const std::string& where, const std::string& weight) {
    auto project = openProject(TRYGG_SAMPLE_PROJECT, test::sourceCatalog(), Progress::none());
    REQUIRE(project);
    auto taken = selectObservations(*project->layer(kObservationLayer), where, weight);
    REQUIRE(taken);
    return std::move(*taken);
}

struct Tiff {
    int columns = 0;
    int rows = 0;
    double transform[6] = {};
    bool hasNoData = false;
    double noData = 0.0;
    std::string description;
    std::string unit;
    std::vector<float> values;
};

Tiff readTiff(const std::filesystem::path& file) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(ds);
    Tiff tiff;
    tiff.columns = ds->GetRasterXSize();
    tiff.rows = ds->GetRasterYSize();
    REQUIRE(ds->GetGeoTransform(tiff.transform) == CE_None);
    GDALRasterBand& band = *ds->GetRasterBand(1);
    int has = 0;
    tiff.noData = band.GetNoDataValue(&has);
    tiff.hasNoData = has != 0;
    tiff.description = band.GetDescription();
    tiff.unit = band.GetUnitType();
    tiff.values.resize(static_cast<std::size_t>(tiff.columns) * tiff.rows);
    REQUIRE(band.RasterIO(GF_Read, 0, 0, tiff.columns, tiff.rows, tiff.values.data(), tiff.columns,
                          tiff.rows, GDT_Float32, 0, 0, nullptr) == CE_None);
    return tiff;
}

} // namespace

TEST_CASE("heatmap writes the library's heat map of the sample project as a GeoTIFF", "[cli]") {
    TempDir dir;
    const auto out = dir / "heat.tif";
    const auto run = cli(dir, "heatmap " + q(TRYGG_SAMPLE_PROJECT) +
                                  " --radius 150 --pixel 10 --output " + q(out));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);

    const ObservationPoints taken = sampleObservations("", "");
    REQUIRE(taken.points.size() > 10);
    CHECK(run.out.find("Heat map of " + std::to_string(taken.points.size()) + " observations") !=
          std::string::npos);
    HeatmapOptions options;
    options.radius = 150.0;
    options.pixelSize = 10.0;
    auto grid = heatmap(taken.points, {}, options, Progress::none());
    REQUIRE(grid);

    const Tiff tiff = readTiff(out);
    CHECK(tiff.columns == static_cast<int>(grid->columns));
    CHECK(tiff.rows == static_cast<int>(grid->rows));
    CHECK(tiff.transform[0] == grid->west);
    CHECK(tiff.transform[1] == 10.0);
    CHECK(tiff.transform[3] == grid->north);
    CHECK(tiff.transform[5] == -10.0);
    CHECK(tiff.hasNoData);
    CHECK(tiff.noData == -9999.0);
    CHECK(tiff.description == "Täthet (quartic, radie 150 m)");
    CHECK(tiff.unit.empty());
    REQUIRE(tiff.values.size() == grid->values.size());
    CHECK(std::memcmp(tiff.values.data(), grid->values.data(),
                      tiff.values.size() * sizeof(float)) == 0);
    // The north-west corner lies a radius from every observation: no data. The cell holding
    // the first observation has at least its own peak, 1 (raw quartic at distance ~0).
    CHECK(tiff.values.front() == -9999.0F);
    const Point& first = taken.points.front();
    const auto column = static_cast<std::size_t>((first.x() - grid->west) / 10.0);
    const auto row = static_cast<std::size_t>((grid->north - first.y()) / 10.0);
    CHECK(tiff.values[row * grid->columns + column] >= 0.9F);
    const auto peak = *std::max_element(tiff.values.begin(), tiff.values.end());
    CHECK(peak > 1.0F); // observations overlap somewhere in the sample
}

TEST_CASE("heatmap without --radius uses Silverman's rule; filter, weight and scaled", "[cli]") {
    TempDir dir;
    const auto out = dir / "heat.tif";
    const std::string where = "polaritet = otrygg";
    const auto run =
        cli(dir, "heatmap " + q(TRYGG_SAMPLE_PROJECT) + " --pixel 5 --kernel Epanechnikov" +
                     " --scaled --weight kansla --where " + q(where) + " --output " + q(out));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);

    const ObservationPoints taken = sampleObservations(where, "kansla");
    const double radius = std::round(silvermanRadius(taken.points) * 10.0) / 10.0;
    char expected[64];
    std::snprintf(expected, sizeof expected, "Radius %.1f m (Silverman's rule)", radius);
    CHECK(run.out.find(expected) != std::string::npos);
    CHECK(run.out.find("Heat map of " + std::to_string(taken.points.size()) + " observations") !=
          std::string::npos);

    HeatmapOptions options;
    options.radius = radius;
    options.pixelSize = 5.0;
    options.kernel = Kernel::Epanechnikov;
    options.scaled = true;
    auto grid = heatmap(taken.points, taken.weights, options, Progress::none());
    REQUIRE(grid);
    const Tiff tiff = readTiff(out);
    CHECK(tiff.columns == static_cast<int>(grid->columns));
    CHECK(tiff.rows == static_cast<int>(grid->rows));
    CHECK(tiff.unit == "1/m²");
    CHECK(tiff.description.rfind("Täthet per m² (epanechnikov, radie ", 0) == 0);
    REQUIRE(tiff.values.size() == grid->values.size());
    CHECK(std::memcmp(tiff.values.data(), grid->values.data(),
                      tiff.values.size() * sizeof(float)) == 0);
}

TEST_CASE("heatmap errors name the file and the field", "[cli]") {
    TempDir dir;
    const auto out = dir / "heat.tif";
    auto run = cli(dir, "heatmap " + q(TRYGG_SAMPLE_PROJECT) +
                            " --radius 50 --pixel 5 --weight vikt --output " + q(out));
    CHECK(run.exitCode != 0);
    CHECK(run.err.find(TRYGG_SAMPLE_PROJECT) != std::string::npos);
    CHECK(run.err.find("vikt") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));

    run = cli(dir, "heatmap " + q(TRYGG_SAMPLE_PROJECT) + " --radius 50 --pixel 5 --where " +
                       q("kategori = finnsinte") + " --output " + q(out));
    CHECK(run.exitCode != 0);
    CHECK(run.err.find("finnsinte") != std::string::npos);

    run = cli(dir, "heatmap " + q(TRYGG_SAMPLE_PROJECT) + " --radius 50 --pixel 5 --output " +
                       q(dir / "saknas" / "heat.tif"));
    CHECK(run.exitCode != 0);
    CHECK(run.err.find((dir / "saknas" / "heat.tif").string()) != std::string::npos);

    run = cli(dir, "heatmap " + q(dir / "finns-inte.gpkg") + " --pixel 5 --output " + q(out));
    CHECK(run.exitCode != 0);
    CHECK(run.err.find("finns-inte.gpkg") != std::string::npos);
}
