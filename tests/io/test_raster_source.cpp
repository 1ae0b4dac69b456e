#include <catch2/catch.hpp>

#include "test_support.h"
#include "tryggkarta/io/raster_source.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <optional>

using namespace trygg;
using trygg::test::TempDir;

namespace {

constexpr double kWest = 733000.0;
constexpr double kNorth = 7096100.0;

/// A 100 × 100 px GeoTIFF of 1 m pixels in SWEREF 99 TM, its top-left corner at
/// (kWest, kNorth); `paint` gives each pixel's band values.
template <typename Paint>
std::filesystem::path writeTiff(const TempDir& dir, const char* name, int bands, Paint paint,
                                const GDALColorTable* palette = nullptr,
                                std::optional<double> nodata = std::nullopt) {
    auto path = dir / name;
    auto* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 100, 100, bands, GDT_Byte, nullptr));
    REQUIRE(ds);
    double transform[6] = {kWest, 1.0, 0.0, kNorth, 0.0, -1.0};
    ds->SetGeoTransform(transform);
    OGRSpatialReference srs;
    srs.importFromEPSG(3006);
    ds->SetSpatialRef(&srs);
    for (int b = 1; b <= bands; ++b) {
        std::vector<std::uint8_t> pixels(100 * 100);
        for (int row = 0; row < 100; ++row) {
            for (int col = 0; col < 100; ++col) {
                pixels[static_cast<std::size_t>(row * 100 + col)] = paint(b, col, row);
            }
        }
        GDALRasterBand* band = ds->GetRasterBand(b);
        REQUIRE(band->RasterIO(GF_Write, 0, 0, 100, 100, pixels.data(), 100, 100, GDT_Byte, 0, 0,
                               nullptr) == CE_None);
        if (palette != nullptr) {
            band->SetColorTable(const_cast<GDALColorTable*>(palette));
        }
        if (nodata) {
            band->SetNoDataValue(*nodata);
        }
    }
    return path;
}

/// Red in the left (western) half, blue in the right.
std::uint8_t redBlue(int band, int col, int) {
    const bool left = col < 50;
    return static_cast<std::uint8_t>(band == 1 ? (left ? 255 : 0) : band == 3 ? (left ? 0 : 255) : 0);
}

std::uint32_t pixel(const RasterImage& image, int col, int row) {
    return image.argb[static_cast<std::size_t>(row * image.width + col)];
}

constexpr std::uint32_t kRed = 0xFFFF0000;
constexpr std::uint32_t kBlue = 0xFF0000FF;

} // namespace

TEST_CASE("a GeoTIFF is read back for its own extent and for a window") {
    TempDir dir;
    auto tiff = writeTiff(dir, "orto.tif", 3, redBlue);
    const Crs sweref = Crs::fromEpsg(3006);

    auto extent = rasterExtent(tiff, sweref);
    REQUIRE(extent);
    CHECK(extent->min_corner().x() == Approx(kWest).margin(0.01));
    CHECK(extent->max_corner().x() == Approx(kWest + 100).margin(0.01));
    CHECK(extent->min_corner().y() == Approx(kNorth - 100).margin(0.01));
    CHECK(extent->max_corner().y() == Approx(kNorth).margin(0.01));

    auto whole = readRasterView(tiff, sweref, *extent, 100, 100);
    REQUIRE(whole);
    CHECK(whole->width == 100);
    CHECK(whole->height == 100);
    REQUIRE(whole->argb.size() == 10000);
    CHECK(pixel(*whole, 0, 0) == kRed);
    CHECK(pixel(*whole, 25, 50) == kRed);
    CHECK(pixel(*whole, 48, 99) == kRed);
    CHECK(pixel(*whole, 51, 0) == kBlue);
    CHECK(pixel(*whole, 99, 99) == kBlue);

    // 20 m × 10 m around the red/blue edge at 2 px per metre.
    const Box window(Point{kWest + 40, kNorth - 60}, Point{kWest + 60, kNorth - 50});
    auto part = readRasterView(tiff, sweref, window, 40, 20);
    REQUIRE(part);
    CHECK(part->extent.min_corner().x() == kWest + 40);
    CHECK(pixel(*part, 0, 0) == kRed);
    CHECK(pixel(*part, 17, 10) == kRed);
    CHECK(pixel(*part, 22, 10) == kBlue);
    CHECK(pixel(*part, 39, 19) == kBlue);

    // Beyond the raster's edge the view is transparent.
    const Box overhang(Point{kWest + 80, kNorth - 10}, Point{kWest + 120, kNorth + 30});
    auto edge = readRasterView(tiff, sweref, overhang, 40, 40);
    REQUIRE(edge);
    CHECK(pixel(*edge, 5, 35) == kBlue);
    CHECK((pixel(*edge, 35, 5) >> 24) == 0);
}

TEST_CASE("grey, palette and nodata rasters become ARGB") {
    TempDir dir;
    const Crs sweref = Crs::fromEpsg(3006);
    const Box all(Point{kWest, kNorth - 100}, Point{kWest + 100, kNorth});

    auto grey = writeTiff(dir, "grey.tif", 1, [](int, int col, int) {
        return static_cast<std::uint8_t>(col < 50 ? 0 : 200);
    }, nullptr, 0.0);
    auto greyView = readRasterView(grey, sweref, all, 100, 100);
    REQUIRE(greyView);
    CHECK((pixel(*greyView, 10, 10) >> 24) == 0); // nodata
    CHECK(pixel(*greyView, 90, 10) == 0xFFC8C8C8);

    GDALColorTable palette;
    GDALColorEntry green{0, 128, 0, 255};
    GDALColorEntry yellow{255, 255, 0, 255};
    palette.SetColorEntry(0, &green);
    palette.SetColorEntry(1, &yellow);
    auto indexed = writeTiff(dir, "karta.tif", 1, [](int, int, int row) {
        return static_cast<std::uint8_t>(row < 50 ? 0 : 1);
    }, &palette);
    auto indexedView = readRasterView(indexed, sweref, all, 50, 50);
    REQUIRE(indexedView);
    CHECK(pixel(*indexedView, 10, 5) == 0xFF008000);
    CHECK(pixel(*indexedView, 10, 45) == 0xFFFFFF00);

    // The same raster seen in SWEREF 99 20 15 keeps its colours where it lands.
    auto local = rasterExtent(indexed, Crs::fromEpsg(3016));
    REQUIRE(local);
    CHECK(local->min_corner().x() == Approx(125600).margin(500));
    auto localView = readRasterView(indexed, Crs::fromEpsg(3016), *local, 50, 50);
    REQUIRE(localView);
    CHECK(pixel(*localView, 25, 12) == 0xFF008000);
    CHECK(pixel(*localView, 25, 38) == 0xFFFFFF00);
}

TEST_CASE("a file that is not a raster gives an error naming it") {
    TempDir dir;
    auto text = dir.write("ortofoto.tif", "inte en bild\n");
    const Box any(Point{733000, 7096000}, Point{733100, 7096100});
    auto view = readRasterView(text, Crs::fromEpsg(3006), any, 10, 10);
    REQUIRE_FALSE(view);
    CHECK(view.error().code == ErrorCode::OpenFailed);
    CHECK(view.error().where == text.string());
    CHECK(view.error().describe().find("ortofoto.tif") != std::string::npos);
    auto extent = rasterExtent(dir / "saknas.tif", Crs::fromEpsg(3006));
    REQUIRE_FALSE(extent);
    CHECK(extent.error().code == ErrorCode::OpenFailed);
    auto bad = readRasterView(text, Crs::fromEpsg(3006), any, 0, 10);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == ErrorCode::Usage);
}
