#include "tryggkarta/core/feature_check.h"
#include "tryggkarta/core/hit_test.h"

#include <catch2/catch.hpp>

using namespace trygg;

namespace {

LayerDef anyLayer() {
    LayerDef def;
    def.table = "atgarder";
    def.geometry = GeometryKind::Any;
    FieldDef status;
    status.name = "status";
    status.required = true;
    status.values = {CodedValue{"planerad", {"Planerad", "Planned"}}};
    def.fields.push_back(status);
    return def;
}

Feature with(Geometry geometry) {
    return Feature{kNoFeatureId, std::move(geometry), {Value{std::string("planerad")}}};
}

} // namespace

TEST_CASE("features near a click, nearest first, polygons hit inside", "[hit]") {
    Layer layer(anyLayer());
    const FeatureId point = layer.add(with(Point(100.0, 100.0)));
    const FeatureId line = layer.add(with(LineString{{90.0, 104.0}, {110.0, 104.0}}));
    Polygon square;
    bg::append(square.outer(), Point(200.0, 200.0));
    bg::append(square.outer(), Point(220.0, 200.0));
    bg::append(square.outer(), Point(220.0, 220.0));
    bg::append(square.outer(), Point(200.0, 220.0));
    bg::append(square.outer(), Point(200.0, 200.0));
    const FeatureId area = layer.add(with(square));

    auto hits = featuresNear(layer, Point(100.0, 101.0), 5.0);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].id == point);
    CHECK(hits[0].distance == Approx(1.0));
    CHECK(hits[1].id == line);
    CHECK(hits[1].distance == Approx(3.0));

    CHECK(featuresNear(layer, Point(100.0, 120.0), 5.0).empty());
    auto inside = featuresNear(layer, Point(210.0, 210.0), 1.0);
    REQUIRE(inside.size() == 1);
    CHECK(inside[0].id == area);
    CHECK(inside[0].distance == 0.0);

    // A rectangle catching the line's end but not the point.
    CHECK(featuresIn(layer, Box(Point(105.0, 102.0), Point(120.0, 110.0))) == std::vector<FeatureId>{line});
}

TEST_CASE("a feature is checked against its layer's rules", "[hit]") {
    const LayerDef def = anyLayer();
    CHECK(checkFeature(def, with(Point(1.0, 2.0))));
    Feature unknown = with(Point(1.0, 2.0));
    unknown.values[0] = std::string("okand");
    auto refused = checkFeature(def, unknown);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().where == "atgarder, field 'status'");
    Feature missing = with(Point(1.0, 2.0));
    missing.geometry.reset();
    CHECK(checkFeature(def, missing).error().code == ErrorCode::InvalidGeometry);
    Feature empty = with(LineString{});
    CHECK(checkFeature(def, empty).error().message == "empty geometry");

    LayerDef shapeLater = def; // a walk before its route
    shapeLater.geometryRequired = false;
    CHECK(checkFeature(shapeLater, missing));
    CHECK(checkFeature(shapeLater, empty).error().message == "empty geometry");
}
