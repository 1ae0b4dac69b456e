#include "render_fixtures.h"
#include "tryggkarta/render/map_renderer.h"

#include <catch2/catch.hpp>

using namespace trygg;
using namespace trygg::test;

namespace {

// 1 m per pixel, station in the middle: the view spans ±300 m east and ±200 m north.
const ViewTransform kView(kStation, 1.0, QSize(600, 400));

/// More points than the dense threshold, in a 200 × 300 m block west of the station.
std::vector<Feature> crowd(const std::string& code = {}) {
    std::vector<Feature> points;
    points.reserve(60'000);
    for (int i = 0; i < 60'000; ++i) {
        points.push_back(
            feature(Point{kStation.x() - 250.0 + (i % 200), kStation.y() - 150.0 + i / 200}, code));
    }
    return points;
}

/// Points coloured by the code in "namn": "gron" green, "rod" red, anything else blue.
LayerDef colouredPoints() {
    LayerDef definition =
        simpleDefinition("observationer", GeometryKind::Point, circleStyle("#0000ff"));
    definition.symbology.field = "namn";
    definition.symbology.byValue.emplace("gron", circleStyle("#00ff00"));
    definition.symbology.byValue.emplace("rod", circleStyle("#ff0000"));
    return definition;
}

QPoint pixelOf(Point map) {
    return kView.toScreen(map).toPoint();
}

} // namespace

TEST_CASE("dense points: a layer changed in place or replaced by an edited copy is drawn anew") {
    ensureGuiApplication();
    auto layer = std::make_shared<Layer>(colouredPoints(), crowd());
    MapScene scene = bareScene();
    scene.layers.push_back(SceneLayer{layer, true, 1.0});
    const Point empty{kStation.x() + 150.0, kStation.y() + 100.0}; // east of the crowd
    RenderStats stats;
    QImage before = MapRenderer().renderImage(scene, kView, &stats);
    CHECK(stats.featuresDrawn == 60'000);
    CHECK(before.pixelColor(pixelOf(empty)) == QColor(Qt::white));

    // In place: the same object, a new revision.
    const std::uint64_t revision = layer->revision();
    const FeatureId added = layer->add(feature(empty, "rod"));
    CHECK(layer->revision() == revision + 1);
    QImage after = MapRenderer().renderImage(scene, kView, &stats);
    CHECK(stats.featuresDrawn == 60'001);
    CHECK(after.pixelColor(pixelOf(empty)) == QColor(255, 0, 0));

    // A copy edited and shown instead, while the original lives on unchanged.
    auto copy = std::make_shared<Layer>(*layer);
    Feature moved = *copy->find(added);
    moved.values[0] = std::string("gron");
    CHECK(copy->replace(moved));
    MapScene edited = bareScene();
    edited.layers.push_back(SceneLayer{copy, true, 1.0});
    CHECK(MapRenderer().renderImage(edited, kView).pixelColor(pixelOf(empty)) == QColor(0, 255, 0));
    CHECK(MapRenderer().renderImage(scene, kView).pixelColor(pixelOf(empty)) == QColor(255, 0, 0));

    CHECK(copy->remove(added));
    CHECK(MapRenderer().renderImage(edited, kView).pixelColor(pixelOf(empty)) == QColor(Qt::white));
}

TEST_CASE("dense points: later points are drawn over earlier ones, as one by one") {
    ensureGuiApplication();
    std::vector<Feature> points = crowd();
    // Two circles 11 px across, 7 px apart: they overlap between their centres.
    const Point first{kStation.x() + 100.0, kStation.y()};
    const Point second{kStation.x() + 107.0, kStation.y()};
    points.push_back(feature(first, "gron"));
    points.push_back(feature(second, "rod"));
    MapScene scene = bareScene();
    scene.layers.push_back(sceneLayer(colouredPoints(), std::move(points)));
    QImage image = MapRenderer().renderImage(scene, kView);
    CHECK(image.pixelColor(pixelOf(first) + QPoint(-3, 0)) == QColor(0, 255, 0));
    CHECK(image.pixelColor(pixelOf(second) + QPoint(-3, 0)) == QColor(255, 0, 0)); // in the overlap
    CHECK(image.pixelColor(pixelOf(second) + QPoint(3, 0)) == QColor(255, 0, 0));
}

TEST_CASE("dense points: a symbol centred just outside the view shows its part inside") {
    ensureGuiApplication();
    std::vector<Feature> points = crowd();
    const Point beyond{kStation.x() + 302.5, kStation.y() + 50.0}; // 2.5 px beyond the right edge
    points.push_back(feature(beyond, "rod"));
    MapScene scene = bareScene();
    scene.layers.push_back(sceneLayer(colouredPoints(), std::move(points)));
    RenderStats stats;
    QImage image = MapRenderer().renderImage(scene, kView, &stats);
    CHECK(stats.featuresDrawn == 60'000); // in view: the crowd only
    CHECK(image.pixelColor(599, pixelOf(beyond).y()) == QColor(255, 0, 0));
}

TEST_CASE("dense points: colours per category as in the drawing one by one") {
    ensureGuiApplication();
    // A crowd where every third point is red and the rest green: both colours show in
    // about that share, and the fallback's blue nowhere.
    std::vector<Feature> points = crowd();
    for (std::size_t i = 0; i < points.size(); ++i) {
        points[i].values[0] = std::string(i % 3 == 0 ? "rod" : "gron");
    }
    MapScene scene = bareScene();
    scene.layers.push_back(sceneLayer(colouredPoints(), std::move(points)));
    QImage image = MapRenderer().renderImage(scene, kView);
    std::size_t red = 0;
    std::size_t green = 0;
    std::size_t blue = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor colour = image.pixelColor(x, y);
            red += colour == QColor(255, 0, 0) ? 1u : 0u;
            green += colour == QColor(0, 255, 0) ? 1u : 0u;
            blue += colour.blue() > colour.red() && colour.blue() > colour.green() ? 1u : 0u;
        }
    }
    CHECK(red > 5'000);
    CHECK(green > 2 * red / 3);
    CHECK(blue == 0);
}

TEST_CASE("labels: a halo keeps text apart from a dark map on raster images") {
    ensureGuiApplication();
    Style black;
    black.symbol = "fill";
    black.fill = "#000000";
    black.stroke = "#000000";
    black.strokeWidth = 0.0;
    Polygon area;
    bg::append(area.outer(), Point{kStation.x() - 300.0, kStation.y() - 200.0});
    bg::append(area.outer(), Point{kStation.x() - 300.0, kStation.y() + 200.0});
    bg::append(area.outer(), Point{kStation.x() + 300.0, kStation.y() + 200.0});
    bg::append(area.outer(), Point{kStation.x() + 300.0, kStation.y() - 200.0});
    bg::append(area.outer(), Point{kStation.x() - 300.0, kStation.y() - 200.0});
    MapScene scene = bareScene();
    scene.layers.push_back(
        sceneLayer(simpleDefinition("ytor", GeometryKind::Polygon, black), {feature(area)}));
    scene.layers.push_back(sceneLayer(
        simpleDefinition("platser", GeometryKind::Point, circleStyle("#000000", 1.0), true),
        {feature(kStation, "Vännäs station")}));
    RenderStats stats;
    QImage image = MapRenderer().renderImage(scene, kView, &stats);
    REQUIRE(stats.labelsDrawn == 1);
    // The halo is 0.5 mm (1.9 px) of white around every glyph: the label's box holds
    // hundreds of white pixels, and white only there.
    const QRect box = stats.labelBoxes.front().boundingRect().toAlignedRect();
    std::size_t whiteInBox = 0;
    std::size_t whiteElsewhere = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y) == QColor(Qt::white)) {
                (box.adjusted(-1, -1, 1, 1).contains(x, y) ? whiteInBox : whiteElsewhere) += 1;
            }
        }
    }
    CHECK(whiteInBox > 200);
    CHECK(whiteElsewhere == 0);
}
