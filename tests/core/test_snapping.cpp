#include <catch2/catch.hpp>

#include "tryggkarta/core/snapping.h"

using namespace trygg;

namespace {

LayerDef plainLayer(std::string name) {
    LayerDef def;
    def.table = std::move(name);
    def.geometry = GeometryKind::Any;
    return def;
}

Feature with(Geometry geometry) {
    return Feature{kNoFeatureId, std::move(geometry), {}};
}

Polygon square(double x, double y, double side) {
    Polygon polygon;
    bg::append(polygon.outer(), Point(x, y));
    bg::append(polygon.outer(), Point(x + side, y));
    bg::append(polygon.outer(), Point(x + side, y + side));
    bg::append(polygon.outer(), Point(x, y + side));
    bg::append(polygon.outer(), Point(x, y));
    return polygon;
}

} // namespace

TEST_CASE("a vertex within the tolerance wins over a nearer segment", "[snapping]") {
    Layer streets(plainLayer("bas_gata"));
    const FeatureId street =
        streets.add(with(LineString{{0.0, 0.0}, {100.0, 0.0}, {100.0, 100.0}}));
    const std::vector<const Layer*> layers{&streets};

    // 1 m from the segment, 4 m from the vertex at (100, 0): the vertex wins.
    auto snapped = snapPoint(layers, Point(96.0, 1.0), 5.0);
    REQUIRE(snapped);
    CHECK(snapped->kind == SnapKind::Vertex);
    CHECK(snapped->point.x() == 100.0);
    CHECK(snapped->point.y() == 0.0);
    CHECK(snapped->layer == "bas_gata");
    CHECK(snapped->feature == street);

    // Far from every vertex: the foot of the perpendicular on the segment.
    snapped = snapPoint(layers, Point(50.0, 3.0), 5.0);
    REQUIRE(snapped);
    CHECK(snapped->kind == SnapKind::Segment);
    CHECK(snapped->point.x() == Approx(50.0));
    CHECK(snapped->point.y() == Approx(0.0).margin(1e-12));
    CHECK(snapped->distance == Approx(3.0));

    CHECK_FALSE(snapPoint(layers, Point(50.0, 6.0), 5.0));
    CHECK_FALSE(snapPoint(layers, Point(50.0, 3.0), 0.0));
}

TEST_CASE("snapping reaches polygon rings and points in several layers", "[snapping]") {
    Layer buildings(plainLayer("bas_byggnad"));
    Layer observations(plainLayer("observationer"));
    Polygon house = square(0.0, 0.0, 20.0);
    house.inners().push_back({{5.0, 5.0}, {5.0, 15.0}, {15.0, 15.0}, {15.0, 5.0}, {5.0, 5.0}});
    const FeatureId houseId = buildings.add(with(house));
    const FeatureId obs = observations.add(with(Point(40.0, 40.0)));
    const std::vector<const Layer*> layers{&observations, nullptr, &buildings};

    auto onHole = snapPoint(layers, Point(10.0, 6.0), 2.0);
    REQUIRE(onHole);
    CHECK(onHole->kind == SnapKind::Segment);
    CHECK(onHole->point.y() == Approx(5.0));
    CHECK(onHole->feature == houseId);

    auto onPoint = snapPoint(layers, Point(41.0, 39.0), 2.0);
    REQUIRE(onPoint);
    CHECK(onPoint->layer == "observationer");
    CHECK(onPoint->feature == obs);
    CHECK(onPoint->point.x() == 40.0);

    // The closing vertex of the ring is a vertex like any other.
    auto corner = snapPoint(layers, Point(0.5, -0.5), 2.0);
    REQUIRE(corner);
    CHECK(corner->kind == SnapKind::Vertex);
    CHECK(corner->point.x() == 0.0);
    CHECK(corner->point.y() == 0.0);

    // The feature being reshaped is left out.
    CHECK_FALSE(snapPoint(layers, Point(0.5, -0.5), 2.0, SnapIgnore{&buildings, houseId}));
}

TEST_CASE("the nearest of several vertices, the first layer on a tie", "[snapping]") {
    Layer upper(plainLayer("upper"));
    Layer lower(plainLayer("lower"));
    upper.add(with(Point(10.0, 10.0)));
    lower.add(with(Point(10.0, 10.0)));
    lower.add(with(Point(11.0, 10.0)));
    auto snapped = snapPoint({&upper, &lower}, Point(10.6, 10.0), 3.0);
    REQUIRE(snapped);
    CHECK(snapped->layer == "lower");
    CHECK(snapped->point.x() == 11.0);
    snapped = snapPoint({&upper, &lower}, Point(10.2, 10.0), 3.0);
    REQUIRE(snapped);
    CHECK(snapped->layer == "upper");
}

TEST_CASE("a snap visits only features near the point", "[snapping]") {
    Layer many(plainLayer("many"));
    for (int i = 0; i < 2000; ++i) {
        many.add(with(Point(i * 10.0, 0.0)));
    }
    std::size_t visited = 0;
    many.visitIn(Box(Point(495.0, -5.0), Point(505.0, 5.0)), [&](const Feature&) { ++visited; });
    CHECK(visited == 1); // the window snapPoint uses for a 5 m tolerance
    auto snapped = snapPoint({&many}, Point(503.0, 1.0), 5.0);
    REQUIRE(snapped);
    CHECK(snapped->point.x() == 500.0);
}
