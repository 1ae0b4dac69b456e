// Zoomed in, a raster background is read again for the part on screen at the screen's
// resolution; zoomed out, the overview is enough again.

#include "map_canvas.h"
#include "raster_detail.h"

#include "tryggkarta/document/map_document.h"
#include "tryggkarta/io/raster_source.h"

#include "test_support.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <QTest>

#include <catch2/catch.hpp>

#include <vector>

using namespace trygg;

namespace {

constexpr double kWest = 732600.0;
constexpr double kNorth = 7096600.0;
constexpr int kSide = 1000; // pixels of 1 m

/// A grey GeoTIFF in SWEREF 99 TM: a checkerboard of 2 m squares, black at the north-west.
std::filesystem::path writeCheckerboard(const trygg::test::TempDir& dir) {
    const auto path = dir / "orto.tif";
    auto* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), kSide, kSide, 1, GDT_Byte, nullptr));
    REQUIRE(ds);
    double transform[6] = {kWest, 1.0, 0.0, kNorth, 0.0, -1.0};
    ds->SetGeoTransform(transform);
    OGRSpatialReference srs;
    srs.importFromEPSG(3006);
    ds->SetSpatialRef(&srs);
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(kSide) * kSide);
    for (int row = 0; row < kSide; ++row) {
        for (int col = 0; col < kSide; ++col) {
            pixels[static_cast<std::size_t>(row) * kSide + col] = ((col / 2 + row / 2) % 2) != 0 ? 255 : 0;
        }
    }
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, kSide, kSide, pixels.data(), kSide, kSide,
                                           GDT_Byte, 0, 0, nullptr) == CE_None);
    return path;
}

QRgb colourAt(const QImage& image, const Box& extent, const Point& p) {
    const double x = (p.x() - extent.min_corner().x()) / (extent.max_corner().x() - extent.min_corner().x());
    const double y = (extent.max_corner().y() - p.y()) / (extent.max_corner().y() - extent.min_corner().y());
    return image.pixel(static_cast<int>(x * image.width()), static_cast<int>(y * image.height()));
}

} // namespace

TEST_CASE("a zoomed-in view reads the raster again at the screen's resolution", "[raster]") {
    trygg::test::TempDir dir;
    const auto tiff = writeCheckerboard(dir);
    const Crs sweref = Crs::fromEpsg(crs::kSweref99Tm);
    MapDocument document(*loadLayerCatalog(TRYGG_SOURCE_LAYERS_DIR));
    Project project;
    document.setProject(std::move(project), dir / "p.gpkg");

    // The overview: 50 x 50 pixels of 20 m, where the 2 m squares are lost.
    const Box whole(Point{kWest, kNorth - kSide}, Point{kWest + kSide, kNorth});
    auto overview = readRasterView(tiff, sweref, whole, 50, 50);
    REQUIRE(overview);
    SceneRaster raster;
    raster.name = "orto.tif";
    raster.image = QImage(reinterpret_cast<const uchar*>(overview->argb.data()), 50, 50, QImage::Format_ARGB32).copy();
    raster.extent = whole;
    raster.source = tiff.string();
    document.addRaster(raster);

    MapCanvas canvas;
    canvas.resize(400, 300);
    RasterDetail detail(document, canvas);
    detail.setSettleDelay(10);
    const Point centre{kWest + 500.0, kNorth - 500.0};
    canvas.setView(ViewTransform(centre, 0.5, QSize(400, 300))); // 1:1 890 at 96 dpi

    const SceneRaster& shown = document.rasters().front();
    for (int i = 0; i < 200 && shown.detail.isNull(); ++i) {
        QTest::qWait(25);
    }
    REQUIRE_FALSE(shown.detail.isNull());
    // The part on screen (200 m x 150 m) at the screen's 0.5 m.
    CHECK(shown.detail.width() == 400);
    CHECK(shown.detail.height() == 300);
    CHECK(shown.detailExtent.min_corner().x() == Approx(centre.x() - 100.0));
    CHECK(shown.detailExtent.max_corner().y() == Approx(centre.y() + 75.0));
    // Square (250, 250) is black, its neighbour to the east white: the detail shows them.
    CHECK(colourAt(shown.detail, shown.detailExtent, Point{kWest + 501.0, kNorth - 501.0}) == qRgb(0, 0, 0));
    CHECK(colourAt(shown.detail, shown.detailExtent, Point{kWest + 503.0, kNorth - 501.0}) == qRgb(255, 255, 255));

    // Zoomed out to 40 m a pixel the overview is fine again: the detail is dropped.
    canvas.setView(ViewTransform(centre, 40.0, QSize(400, 300)));
    for (int i = 0; i < 200 && !shown.detail.isNull(); ++i) {
        QTest::qWait(25);
    }
    CHECK(shown.detail.isNull());
}
