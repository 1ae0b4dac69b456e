// The lux map's colours and where the map draws it: classes at the EN 13201 breaks, one pixel
// per cell, partial repaints, a legend in both languages, and a place above the base map and
// under the thematic layers.

#include "render_fixtures.h"
#include "tryggkarta/render/lux_ramp.h"
#include "tryggkarta/render/map_renderer.h"

#include <boost/geometry/algorithms/correct.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace trygg;
using namespace trygg::test;

namespace {

const ViewTransform kView(kStation, 1.0, QSize(200, 200)); // 1 m per pixel, station in the middle

const QRgb kNavy = qRgba(0x1b, 0x2a, 0x5e, 51);
const QRgb kApricot = qRgb(0xff, 0xd8, 0x90);

/// The image's pixels as stored (premultiplied), row by row.
std::vector<QRgb> storedPixels(const QImage& image) {
    std::vector<QRgb> pixels;
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        pixels.insert(pixels.end(), line, line + image.width());
    }
    return pixels;
}

QRgb stored(float lux) {
    return qPremultiply(luxColour(lux));
}

/// A base-map layer with one red square over the whole view.
SceneLayer baseMapSquare() {
    Style fill;
    fill.symbol = "fill";
    fill.fill = "#ff0000";
    fill.stroke = "#ff0000";
    fill.strokeWidth = 0.0;
    LayerDef definition = simpleDefinition("bas_kvarter", GeometryKind::Polygon, fill);
    definition.group = std::string(kBaseMapGroup);
    Polygon square;
    for (Point p : {Point{-150, -150}, Point{150, -150}, Point{150, 150}, Point{-150, 150},
                    Point{-150, -150}}) {
        bg::append(square.outer(), Point{kStation.x() + p.x(), kStation.y() + p.y()});
    }
    bg::correct(square);
    return sceneLayer(definition, {feature(square)});
}

/// A thematic layer with a blue point on the station.
SceneLayer bluePoint() {
    return sceneLayer(
        simpleDefinition("observationer", GeometryKind::Point, circleStyle("#0000ff")),
        {feature(kStation)});
}

/// A 20 × 20 lux map of 10 m cells over the view: 20 lx in the west half, 0.1 lx in the east.
SceneRaster halfLitMap() {
    std::vector<float> lux(400);
    for (std::size_t i = 0; i < lux.size(); ++i) {
        lux[i] = i % 20 < 10 ? 20.0F : 0.1F;
    }
    const Box extent(Point(kStation.x() - 100, kStation.y() - 100),
                     Point(kStation.x() + 100, kStation.y() + 100));
    return luxSceneRaster("belysning", luxImage(20, 20, lux), extent);
}

} // namespace

TEST_CASE("lux ramp: classes change at the EN 13201 breaks") {
    CHECK(luxColour(0.0F) == kNavy);
    CHECK(luxColour(-1.0F) == kNavy);
    CHECK(luxColour(0.399F) == kNavy);
    CHECK(luxColour(0.4F) == qRgb(0x2b, 0x3f, 0x9e));
    CHECK(luxColour(0.999F) == qRgb(0x2b, 0x3f, 0x9e));
    CHECK(luxColour(1.0F) == qRgb(0x2f, 0x6d, 0xb5));
    CHECK(luxColour(2.0F) == qRgb(0x21, 0x97, 0x9b));
    CHECK(luxColour(3.0F) == qRgb(0x3f, 0xb3, 0x6b));
    CHECK(luxColour(5.0F) == qRgb(0x98, 0xc5, 0x3f));
    CHECK(luxColour(7.5F) == qRgb(0xe3, 0xcd, 0x2b));
    CHECK(luxColour(14.99F) == qRgb(0xe3, 0xcd, 0x2b));
    CHECK(luxColour(15.0F) == kApricot);
    CHECK(luxColour(30.0F) == qRgb(0xff, 0xf5, 0xd6));
    CHECK(luxColour(1e6F) == qRgb(0xff, 0xf5, 0xd6));
    CHECK(luxColour(std::numeric_limits<float>::quiet_NaN()) == 0U);
    // Each lit class is opaque and lighter than the one below: the order survives grey print
    // and colour blindness.
    int previous = -1;
    for (float lux : {0.5F, 1.5F, 2.5F, 4.0F, 6.0F, 10.0F, 20.0F, 40.0F}) {
        CHECK(qAlpha(luxColour(lux)) == 255);
        CHECK(qGray(luxColour(lux)) > previous);
        previous = qGray(luxColour(lux));
    }
}

TEST_CASE("lux ramp: one premultiplied pixel per cell, north row first") {
    const std::vector<float> lux = {0.1F, 0.5F,  1.5F,
                                    4.0F, 20.0F, std::numeric_limits<float>::quiet_NaN()};
    const QImage image = luxImage(3, 2, lux);
    REQUIRE(image.size() == QSize(3, 2));
    CHECK(image.format() == QImage::Format_ARGB32_Premultiplied);
    CHECK(storedPixels(image) == std::vector<QRgb>{qPremultiply(kNavy), qRgb(0x2b, 0x3f, 0x9e),
                                                   qRgb(0x2f, 0x6d, 0xb5), qRgb(0x3f, 0xb3, 0x6b),
                                                   kApricot, 0U});
    CHECK(qPremultiply(kNavy) == qRgba(5, 8, 19, 51));
    CHECK(luxImage(3, 2, std::vector<float>(5, 1.0F)).isNull()); // counts must match
}

TEST_CASE("lux ramp: paintLux repaints only the cells asked for") {
    const std::size_t columns = 10;
    const std::size_t rows = 8;
    std::vector<float> lux(columns * rows, 0.5F);
    QImage image = luxImage(columns, rows, lux);
    const QImage before = image; // shares the pixels until paintLux writes
    std::ranges::fill(lux, 20.0F);
    paintLux(image, lux, 2, 3, 4, 2);
    CHECK(before.pixel(2, 3) == luxColour(0.5F)); // the copy kept its own pixels
    for (int y = 0; y < 8; ++y) {
        for (int x = 0; x < 10; ++x) {
            const bool inside = x >= 2 && x < 6 && y >= 3 && y < 5;
            const auto pixel = reinterpret_cast<const QRgb*>(image.constScanLine(y))[x];
            CHECK(pixel == (inside ? stored(20.0F) : stored(0.5F)));
        }
    }
    // A rectangle reaching past the edges is cut to the image.
    paintLux(image, lux, 8, 6, 100, 100);
    CHECK(image.pixel(9, 7) == kApricot);
    CHECK(image.pixel(7, 7) == luxColour(0.5F));
}

TEST_CASE("lux ramp: legend labels with the language's decimal sign") {
    std::vector<std::string> sv;
    for (const LuxLegendStep& step : luxLegend("sv")) {
        sv.push_back(step.label);
    }
    CHECK(sv == std::vector<std::string>{"< 0,4 lx", "0,4–1 lx", "1–2 lx", "2–3 lx", "3–5 lx",
                                         "5–7,5 lx", "7,5–15 lx", "15–30 lx", "≥ 30 lx"});
    const std::vector<LuxLegendStep> en = luxLegend("en");
    REQUIRE(en.size() == 9);
    CHECK(en[0].label == "< 0.4 lx");
    CHECK(en[5].label == "5–7.5 lx");
    CHECK(en[6].label == "7.5–15 lx");
    CHECK(en[8].label == "≥ 30 lx");
    CHECK(en[0].colour == kNavy);
    CHECK(en[7].colour == kApricot);

    const SceneRaster raster = luxSceneRaster("belysning", QImage(), emptyBox());
    CHECK(raster.legendTitle.in("sv") == "Belysningsstyrka");
    CHECK(raster.legendTitle.in("en") == "Illuminance");
    REQUIRE(raster.legend.size() == 9);
    CHECK(raster.legend[1].label.in("sv") == "0,4–1 lx");
    CHECK(raster.legend[1].label.in("en") == "0.4–1 lx");
    CHECK(raster.opacity < 1.0);
}

TEST_CASE("renderer: the lux map lies over the base map and under the thematic layers") {
    ensureGuiApplication();
    MapScene scene = bareScene();
    scene.layers = {baseMapSquare(), bluePoint()};
    SceneRaster map = halfLitMap();
    map.opacity = 1.0;
    scene.analysisRasters.push_back(map);
    CHECK(scene.analysisPosition() == 1);
    const QImage image = MapRenderer().renderImage(scene, kView);
    CHECK(image.pixelColor(55, 55) == QColor(kApricot));    // over the red base map
    CHECK(image.pixelColor(100, 100) == QColor(0, 0, 255)); // the point over the map
    // Under 0.1 lx: 20 % navy over the red.
    const QColor dark = image.pixelColor(155, 55);
    CHECK(dark.red() == Approx(0.8 * 255 + 0.2 * 0x1b).margin(2));
    CHECK(dark.green() == Approx(0.2 * 0x2a).margin(2));
    CHECK(dark.blue() == Approx(0.2 * 0x5e).margin(2));

    // Its own opacity lets the base map through.
    scene.analysisRasters[0].opacity = 0.5;
    const QColor half = MapRenderer().renderImage(scene, kView).pixelColor(55, 55);
    CHECK(half.red() == 255);
    CHECK(half.green() == Approx(0.5 * 0xd8).margin(2));
    CHECK(half.blue() == Approx(0.5 * 0x90).margin(2));

    // The same image as a background raster goes under everything.
    MapScene background = bareScene();
    background.layers = {baseMapSquare(), bluePoint()};
    background.rasters.push_back(map);
    CHECK(MapRenderer().renderImage(background, kView).pixelColor(55, 55) == QColor(255, 0, 0));
}

TEST_CASE("renderer: a lux map without a base map is under every thematic layer") {
    ensureGuiApplication();
    MapScene scene = bareScene();
    scene.layers = {bluePoint()};
    SceneRaster map = halfLitMap();
    map.opacity = 1.0;
    scene.analysisRasters.push_back(map);
    CHECK(scene.analysisPosition() == 0);
    const QImage image = MapRenderer().renderImage(scene, kView);
    CHECK(image.pixelColor(100, 100) == QColor(0, 0, 255));
    CHECK(image.pixelColor(55, 55) == QColor(kApricot));
    // Hidden, it draws nothing.
    scene.analysisRasters[0].visible = false;
    CHECK(MapRenderer().renderImage(scene, kView).pixelColor(55, 55) == QColor(Qt::white));
}

TEST_CASE("renderer: the legend shows the lux classes") {
    ensureGuiApplication();
    MapScene scene = bareScene();
    scene.decorations.legend = true;
    scene.layers = {bluePoint()};
    const ViewTransform view(kStation, 1.0, QSize(400, 500));
    // The map lies outside the view: only its legend block can change the pixels.
    SceneRaster map = halfLitMap();
    map.extent = Box(Point(kStation.x() + 1000, kStation.y()),
                     Point(kStation.x() + 1200, kStation.y() + 200));
    auto legendArea = [&](const MapScene& drawn) {
        return MapRenderer().renderImage(drawn, view).copy(0, 0, 200, 500);
    };
    const QImage without = legendArea(scene);
    scene.analysisRasters.push_back(map);
    const QImage with = legendArea(scene);
    // Nine colour boxes and their labels below the point layer's row.
    CHECK(countNonWhite(with) > countNonWhite(without) + 9 * 40);
    scene.decorations.legend = false;
    CHECK(countNonWhite(legendArea(scene)) < countNonWhite(without));
}
