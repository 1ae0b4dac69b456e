#include <catch2/catch.hpp>

#include "render_fixtures.h"

#include "tryggkarta/render/map_renderer.h"

#include <cmath>

using namespace trygg;
using namespace trygg::test;

namespace {

const ViewTransform kView(kStation, 1.0, QSize(200, 200)); // 1 m per pixel, station in the middle

} // namespace

TEST_CASE("renderer: a red circle colours its pixel and nothing far away") {
    ensureGuiApplication();
    MapScene scene = bareScene();
    scene.layers.push_back(sceneLayer(simpleDefinition("punkter", GeometryKind::Point, circleStyle("#ff0000")),
                                      {feature(Point{kStation.x() + 20.0, kStation.y() + 10.0})}));
    RenderStats stats;
    QImage image = MapRenderer().renderImage(scene, kView, &stats);
    CHECK(stats.featuresDrawn == 1);
    CHECK(image.size() == QSize(200, 200));
    CHECK(image.pixelColor(120, 90) == QColor(255, 0, 0)); // 20 m east, 10 m north
    CHECK(image.pixelColor(5, 5) == QColor(Qt::white));
    CHECK(image.pixelColor(100, 100) == QColor(Qt::white));
    // 3 mm at 96 dpi is 11.3 px across: the circle reaches 5 px out, not 8.
    CHECK(image.pixelColor(124, 90) == QColor(255, 0, 0));
    CHECK(image.pixelColor(128, 90) == QColor(Qt::white));
}

TEST_CASE("renderer: #rrggbbaa fills are translucent, alpha last") {
    ensureGuiApplication();
    MapScene scene = bareScene();
    scene.layers.push_back(sceneLayer(simpleDefinition("punkter", GeometryKind::Point, circleStyle("#0000ff80")),
                                      {feature(kStation)}));
    QColor centre = MapRenderer().renderImage(scene, kView).pixelColor(100, 100);
    CHECK(centre.blue() == 255);
    CHECK(centre.red() == Approx(127).margin(2));
    CHECK(centre.green() == Approx(127).margin(2));
}

TEST_CASE("renderer: hidden layers and layers beyond their scale draw nothing") {
    ensureGuiApplication();
    MapScene empty; // with decorations: they must come out the same either way
    const QImage expected = MapRenderer().renderImage(empty, kView);

    MapScene hidden = empty;
    hidden.layers.push_back(sceneLayer(simpleDefinition("punkter", GeometryKind::Point, circleStyle("#ff0000")),
                                       {feature(kStation)}));
    hidden.layers.back().visible = false;
    RenderStats stats;
    CHECK(MapRenderer().renderImage(hidden, kView, &stats) == expected);
    CHECK(stats.featuresDrawn == 0);

    MapScene beyondScale = empty;
    LayerDef definition = simpleDefinition("byggnader", GeometryKind::Point, circleStyle("#ff0000"));
    definition.symbology.maxScale = 1000.0; // the view is 1:3780
    beyondScale.layers.push_back(sceneLayer(definition, {feature(kStation)}));
    CHECK(MapRenderer().renderImage(beyondScale, kView, &stats) == expected);
    CHECK(stats.featuresDrawn == 0);
    // Closer than 1:1000 it shows.
    CHECK(MapRenderer().renderImage(beyondScale, kView.withScale(500.0), &stats) != expected);
    CHECK(stats.featuresDrawn == 1);
}

TEST_CASE("renderer: lines, polygons with holes, and a mixed layer by each feature's kind") {
    ensureGuiApplication();
    Style style;
    style.symbol = "square";
    style.fill = "#00ff00";
    style.stroke = "#00ff00";
    style.strokeWidth = 0.4;
    LayerDef definition = simpleDefinition("atgarder", GeometryKind::Any, style);
    const double x = kStation.x();
    const double y = kStation.y();
    LineString line{{x - 90, y + 60.5}, {x + 90, y + 60.5}}; // centred on pixel row 39
    Polygon ring;
    bg::append(ring.outer(), Point{x - 80, y - 80});
    bg::append(ring.outer(), Point{x - 20, y - 80});
    bg::append(ring.outer(), Point{x - 20, y - 20});
    bg::append(ring.outer(), Point{x - 80, y - 20});
    bg::append(ring.outer(), Point{x - 80, y - 80});
    ring.inners().resize(1);
    for (Point p : {Point{x - 60, y - 60}, Point{x - 60, y - 40}, Point{x - 40, y - 40}, Point{x - 40, y - 60},
                    Point{x - 60, y - 60}}) {
        bg::append(ring.inners()[0], p);
    }
    MapScene scene = bareScene();
    scene.layers.push_back(sceneLayer(definition, {feature(line), feature(ring), feature(Point{x + 50, y - 50})}));
    QImage image = MapRenderer().renderImage(scene, kView);
    const QColor green(0, 255, 0);
    CHECK(image.pixelColor(100, 39) == green);  // on the line, 60.5 m north
    CHECK(image.pixelColor(100, 44) == QColor(Qt::white)); // a 0.4 mm line is 1.5 px wide
    CHECK(image.pixelColor(30, 170) == green);  // inside the ring
    CHECK(image.pixelColor(50, 150) == QColor(Qt::white)); // inside the hole
    CHECK(image.pixelColor(150, 150) == green); // the point's square
}

TEST_CASE("renderer: labels never overlap") {
    ensureGuiApplication();
    LayerDef definition = simpleDefinition("bas_gata", GeometryKind::LineString, circleStyle("#808080"), true);
    definition.symbology.fallback.symbol = "line";
    std::vector<Feature> streets;
    // 24 long streets through the same centre at different angles, plus a grid of parallel
    // ones: their labels compete for the same pixels.
    for (int i = 0; i < 24; ++i) {
        const double angle = i * 3.14159265 / 24.0;
        const double dx = 300.0 * std::cos(angle);
        const double dy = 300.0 * std::sin(angle);
        streets.push_back(feature(LineString{{kStation.x() - dx, kStation.y() - dy}, {kStation.x() + dx, kStation.y() + dy}},
                                  "Storgatan " + std::to_string(i)));
    }
    for (int i = 0; i < 20; ++i) {
        const double offset = -190.0 + i * 20.0;
        streets.push_back(feature(LineString{{kStation.x() - 300, kStation.y() + offset}, {kStation.x() + 300, kStation.y() + offset * 0.8}},
                                  "Långgatan " + std::to_string(i)));
    }
    MapScene scene = bareScene();
    scene.layers.push_back(sceneLayer(definition, std::move(streets)));
    RenderStats stats;
    QImage image = MapRenderer().renderImage(scene, ViewTransform(kStation, 1.0, QSize(400, 400)), &stats);
    REQUIRE(stats.labelsDrawn > 3);
    CHECK(stats.labelsSkipped > 0);
    REQUIRE(stats.labelBoxes.size() == stats.labelsDrawn);
    bool someRotated = false;
    for (std::size_t i = 0; i < stats.labelBoxes.size(); ++i) {
        const QPolygonF& a = stats.labelBoxes[i];
        REQUIRE(a.size() == 4);
        someRotated = someRotated || std::abs(a[0].y() - a[1].y()) > 1.0;
        // Never upside down: the text runs left to right (its baseline from corner 0 to 1).
        CHECK(a[1].x() >= a[0].x() - 1e-6);
        for (std::size_t j = i + 1; j < stats.labelBoxes.size(); ++j) {
            INFO("labels " << i << " and " << j);
            CHECK_FALSE(a.intersects(stats.labelBoxes[j]));
        }
    }
    CHECK(someRotated);
}

TEST_CASE("renderer: a point layer too dense to tell apart goes the fast way and still shows") {
    ensureGuiApplication();
    std::vector<Feature> points;
    points.reserve(60'000);
    for (int i = 0; i < 60'000; ++i) {
        // A 200 × 300 m block of points west of the station.
        points.push_back(feature(Point{kStation.x() - 250.0 + (i % 200), kStation.y() - 150.0 + i / 200}));
    }
    MapScene scene = bareScene();
    scene.layers.push_back(sceneLayer(simpleDefinition("observationer", GeometryKind::Point, circleStyle("#ff0000")),
                                      std::move(points)));
    RenderStats stats;
    const ViewTransform view(kStation, 1.0, QSize(600, 400));
    QImage image = MapRenderer().renderImage(scene, view, &stats);
    CHECK(stats.featuresDrawn == 60'000);
    CHECK(image.pixelColor(view.toScreen(Point{kStation.x() - 150.0, kStation.y()}).toPoint()) == QColor(255, 0, 0));
    CHECK(image.pixelColor(view.toScreen(Point{kStation.x() + 150.0, kStation.y()}).toPoint()) == QColor(Qt::white));

    std::atomic<bool> cancel{true};
    QImage target(view.size(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&target);
    CHECK(MapRenderer().render(painter, scene, view, &cancel).cancelled);
}
