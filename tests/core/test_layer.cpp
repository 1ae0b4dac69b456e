#include <catch2/catch.hpp>

#include "tryggkarta/core/layer.h"

using namespace trygg;

namespace {

LayerDef pointLayer() {
    LayerDef def;
    def.table = "belysning";
    def.title = {"Belysning", "Lighting"};
    return def;
}

Feature pointAt(double x, double y, std::int64_t id = 0) {
    return Feature{FeatureId{id}, Geometry{Point{x, y}}, {}};
}

} // namespace

TEST_CASE("bulk-loaded layer answers window queries") {
    std::vector<Feature> features;
    for (int i = 0; i < 100; ++i) {
        features.push_back(pointAt(733000.0 + i * 10.0, 7096000.0));
    }
    Layer layer(pointLayer(), std::move(features));
    REQUIRE(layer.size() == 100);
    CHECK(layer.find(FeatureId{1}) != nullptr);
    CHECK(layer.find(FeatureId{100}) != nullptr);

    auto hits = layer.query(Box{Point{733045.0, 7095990.0}, Point{733095.0, 7096010.0}});
    std::ranges::sort(hits);
    REQUIRE(hits.size() == 5); // x = 733050, 060, 070, 080, 090
    CHECK(hits.front() == FeatureId{6});
    CHECK(hits.back() == FeatureId{10});

    Box extent = layer.extent();
    CHECK(extent.min_corner().x() == 733000.0);
    CHECK(extent.max_corner().x() == 733990.0);
}

TEST_CASE("add, replace and remove keep the index in step") {
    Layer layer(pointLayer());
    FeatureId a = layer.add(pointAt(10, 10));
    FeatureId b = layer.add(pointAt(20, 20));
    FeatureId c = layer.add(pointAt(30, 30, 50));
    CHECK(a == FeatureId{1});
    CHECK(b == FeatureId{2});
    CHECK(c == FeatureId{50});
    CHECK(layer.add(pointAt(40, 40)) == FeatureId{51});

    REQUIRE(layer.replace(pointAt(500, 500, 1)));
    CHECK(layer.query(Box{Point{0, 0}, Point{15, 15}}).empty());
    CHECK(layer.query(Box{Point{490, 490}, Point{510, 510}}) == std::vector<FeatureId>{a});

    REQUIRE(layer.remove(b));
    CHECK_FALSE(layer.remove(b));
    CHECK(layer.find(b) == nullptr);
    CHECK(layer.size() == 3);
    CHECK(layer.find(c)->geometry);
    CHECK(layer.query(Box{Point{15, 15}, Point{25, 25}}).empty());
    CHECK(layer.index().size() == 3);
}

TEST_CASE("features without geometry are kept but not indexed") {
    Layer layer(pointLayer());
    layer.add(Feature{});
    layer.add(pointAt(1, 1));
    CHECK(layer.size() == 2);
    CHECK(layer.index().size() == 1);
}

TEST_CASE("nearest neighbours") {
    Layer layer(pointLayer());
    layer.add(pointAt(0, 0));
    layer.add(pointAt(100, 0));
    layer.add(pointAt(5, 5));
    auto near = layer.index().nearest(Point{4, 4}, 1);
    REQUIRE(near.size() == 1);
    CHECK(near[0] == FeatureId{3});
}

TEST_CASE("visitIn finds the same features by tree and by linear pass") {
    std::vector<Feature> features;
    for (int i = 0; i < 100; ++i) {
        features.push_back(pointAt(i * 10.0, (i % 10) * 10.0));
    }
    Layer layer(pointLayer(), std::move(features));
    auto collect = [&](const Box& window) {
        std::vector<std::int64_t> ids;
        layer.visitIn(window, [&](const Feature& f) { ids.push_back(toInt(f.id)); });
        std::ranges::sort(ids);
        return ids;
    };
    // A small window (tree), a large one (linear pass) and one holding everything.
    auto small = collect(Box{Point{95, -1}, Point{125, 25}});
    CHECK(small == std::vector<std::int64_t>{11, 12, 13});
    auto large = collect(Box{Point{-1, -1}, Point{495, 45}});
    CHECK(large.size() == 25); // x ≤ 490 and y ≤ 40: ids 1-5, 11-15, ..., 41-45 (a linear pass)
    CHECK(large.front() == 1);
    CHECK(large.back() == 45);
    CHECK(collect(Box{Point{-10, -10}, Point{2000, 2000}}).size() == 100);
    CHECK(collect(Box{Point{5000, 5000}, Point{6000, 6000}}).empty());
}
