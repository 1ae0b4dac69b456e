#include <catch2/catch.hpp>

#include "render_fixtures.h"

#include "tryggkarta/render/map_renderer.h"
#include "tryggkarta/render/scene_links.h"

#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/within.hpp>

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

namespace {

/// A measure polygon 40–20 m west of the station and an observation 40 m east, linked: the
/// link runs along pixel row 100 of kView from x = 70 (the square's centre) to x = 140.
MapScene linkedScene() {
    MapScene scene = bareScene();
    const double x = kStation.x();
    const double y = kStation.y();
    Polygon square;
    for (Point p : {Point{x - 40, y - 10}, Point{x - 20, y - 10}, Point{x - 20, y + 10},
                    Point{x - 40, y + 10}, Point{x - 40, y - 10}}) {
        bg::append(square.outer(), p);
    }
    Style area = circleStyle("#e0e0e0");
    scene.layers.push_back(
        sceneLayer(simpleDefinition("atgarder", GeometryKind::Any, area), {feature(square)}));
    scene.layers.push_back(
        sceneLayer(simpleDefinition("observationer", GeometryKind::Point, circleStyle("#ff0000")),
                   {feature(Point{x + 40, y})}));
    scene.links = linkSegments(*scene.layers[0].layer, *scene.layers[1].layer,
                               {MeasureLink{FeatureId{1}, FeatureId{1}}});
    return scene;
}

/// Columns 83–125 (clear of both symbols) of rows 94–106 around the link.
constexpr int kFirstColumn = 83;
constexpr int kLastColumn = 125;

/// How many of those columns the link darkens, and how many it leaves white: dashes and gaps.
std::pair<int, int> dashesAndGaps(const QImage& image) {
    std::pair<int, int> counted{0, 0};
    for (int x = kFirstColumn; x <= kLastColumn; ++x) {
        int darkest = 255;
        for (int y = 94; y <= 106; ++y) {
            darkest = std::min(darkest, qGray(image.pixel(x, y)));
        }
        counted.first += darkest < 200 ? 1 : 0;
        counted.second += darkest > 245 ? 1 : 0;
    }
    return counted;
}

/// How many of those rows the link touches: its width in pixels, near enough.
int rowsTouched(const QImage& image) {
    int rows = 0;
    for (int y = 94; y <= 106; ++y) {
        bool touched = false;
        for (int x = kFirstColumn; x <= kLastColumn; ++x) {
            touched = touched || image.pixel(x, y) != qRgb(255, 255, 255);
        }
        rows += touched ? 1 : 0;
    }
    return rows;
}

/// The widest run of dark pixels across a vertical line, looked for in rows 30–70 (some of
/// them fall in gaps between dashes).
int lineWidth(const QImage& image) {
    int widest = 0;
    for (int y = 30; y <= 70; ++y) {
        int dark = 0;
        for (int x = 0; x < image.width(); ++x) {
            dark += qGray(image.pixel(x, y)) < 200 ? 1 : 0;
        }
        widest = std::max(widest, dark);
    }
    return widest;
}

} // namespace

TEST_CASE("renderer: a link is a dashed dark line from the measure to the observation") {
    ensureGuiApplication();
    MapScene scene = linkedScene();
    REQUIRE(scene.links.size() == 1);
    CHECK(scene.links[0].from.x() == Approx(kStation.x() - 30.0)); // the square's centre
    CHECK(scene.links[0].to.x() == Approx(kStation.x() + 40.0));

    RenderStats stats;
    const QImage shown = MapRenderer().renderImage(scene, kView, &stats);
    CHECK(stats.linksDrawn == 1);
    const auto [dashes, gaps] = dashesAndGaps(shown);
    CHECK(dashes >= 15);
    CHECK(gaps >= 8);
    CHECK(rowsTouched(shown) <= 2); // thin: about a pixel

    scene.linksVisible = false;
    const QImage hidden = MapRenderer().renderImage(scene, kView, &stats);
    CHECK(stats.linksDrawn == 0);
    CHECK(rowsTouched(hidden) == 0);

    // Not drawn while either layer is hidden (as the CLI's --layers does to a built scene).
    scene.linksVisible = true;
    scene.layers[1].visible = false;
    CHECK(rowsTouched(MapRenderer().renderImage(scene, kView)) == 0);
}

TEST_CASE("renderer: a highlighted link is thicker and in the accent colour") {
    ensureGuiApplication();
    MapScene scene = linkedScene();
    scene.links[0].highlighted = true;
    const QImage image = MapRenderer().renderImage(scene, kView);
    int accent = 0;
    for (int x = kFirstColumn; x <= kLastColumn; ++x) {
        const QColor colour = image.pixelColor(x, 100);
        accent += colour.blue() > 120 && colour.green() < 80 ? 1 : 0; // purple
    }
    CHECK(accent >= 15);
    CHECK(rowsTouched(image) >= 3);
}

TEST_CASE("renderer: links are culled to the view and scale with the device like strokes") {
    ensureGuiApplication();
    MapScene scene = linkedScene();
    RenderStats stats;
    // 1 km east: neither the link nor its features are in the view.
    const ViewTransform away = kView.withCenter(Point{kStation.x() + 1000.0, kStation.y()});
    const QImage empty = MapRenderer().renderImage(scene, away, &stats);
    CHECK(stats.linksDrawn == 0);
    CHECK(countNonWhite(empty) == 0);
    // 10 m wide, centred on the link's middle: neither end is in the view, the line is.
    const ViewTransform narrow(Point{kStation.x() + 5.0, kStation.y()}, 1.0, QSize(10, 10));
    CHECK(countNonWhite(MapRenderer().renderImage(scene, narrow, &stats)) > 0);
    CHECK(stats.linksDrawn == 1);

    // A vertical link: about a pixel wide on screen, 0.3 mm (3.5 px) at 300 dpi.
    scene.links[0].from = Point{kStation.x(), kStation.y() - 50.0};
    scene.links[0].to = Point{kStation.x(), kStation.y() + 50.0};
    const ViewTransform screen(kStation, 0.5, QSize(100, 100), 96.0);
    const ViewTransform print(kStation, 0.5, QSize(100, 100), 300.0);
    CHECK(lineWidth(MapRenderer().renderImage(scene, screen)) <= 2);
    const int printed = lineWidth(MapRenderer().renderImage(scene, print));
    CHECK(printed >= 3);
    CHECK(printed <= 5);
}

TEST_CASE("renderer: the legend explains the links while they are shown") {
    ensureGuiApplication();
    MapScene scene = linkedScene();
    scene.decorations.legend = true;
    // Wide enough for the legend, which ends well above the link at row 200.
    const ViewTransform view(kStation, 1.0, QSize(400, 400));
    auto inLegend = [&](const QImage& image) { return countNonWhite(image.copy(0, 0, 400, 150)); };
    const std::size_t withLinks = inLegend(MapRenderer().renderImage(scene, view));
    scene.linksVisible = false;
    const std::size_t without = inLegend(MapRenderer().renderImage(scene, view));
    CHECK(withLinks > without + 100);
}

TEST_CASE("link anchors lie on their measure: centroid, a point inside, the middle of a line") {
    const Point origin{0.0, 0.0};
    CHECK(linkAnchor(origin)->x() == 0.0);
    // A U open to the north: its centroid falls in the gap, the anchor must not.
    Polygon u;
    for (Point p : {Point{0, 0}, Point{30, 0}, Point{30, 30}, Point{20, 30}, Point{20, 10},
                    Point{10, 10}, Point{10, 30}, Point{0, 30}, Point{0, 0}}) {
        bg::append(u.outer(), p);
    }
    bg::correct(u);
    const std::optional<Point> inside = linkAnchor(u);
    REQUIRE(inside);
    CHECK(bg::within(*inside, u));
    // A line of 10 + 30 m: halfway is 10 m up its second segment.
    const LineString bent{{0, 0}, {10, 0}, {10, 30}};
    const std::optional<Point> middle = linkAnchor(bent);
    REQUIRE(middle);
    CHECK(middle->x() == Approx(10.0));
    CHECK(middle->y() == Approx(10.0));
    CHECK_FALSE(linkAnchor(Polygon{}));
}
