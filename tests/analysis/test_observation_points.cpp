// The observations an analysis looks at: the filter's choice, in layer order, with weights;
// observations without a place left out and counted, empty weights counted as 0 (as QGIS's
// heat map does), a weight field that is missing or not a number refused by name.

#include "test_support.h"
#include "tryggkarta/analysis/observation_points.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace trygg;

namespace {

const LayerDef& observationDef() {
    return *test::sourceCatalog().find("observationer");
}

/// Five observations: three about lighting (one in darkness), one about something else, one
/// without a place. Känsla 0, 2, empty, 3, 1.
Layer sampleLayer() {
    const LayerDef& def = observationDef();
    const auto field = [&def](const char* name) { return *def.fieldIndex(name); };
    std::vector<Feature> features;
    const auto add = [&](double x, double y, const char* category, const char* light,
                         Value feeling) {
        Feature f = test::lightingObservation(def, x, y);
        f.values[field("kategori")] = std::string(category);
        f.values[field("ljusforh")] = std::string(light);
        f.values[field("kansla")] = std::move(feeling);
        features.push_back(std::move(f));
    };
    add(100.0, 200.0, "belysning", "morker", std::int64_t{0});
    add(110.5, 210.5, "belysning", "dagsljus", std::int64_t{2});
    add(120.0, 220.0, "belysning", "dagsljus", Value{});
    add(130.0, 230.0, "skotsel", "morker", std::int64_t{3});
    add(0.0, 0.0, "belysning", "morker", std::int64_t{1});
    features.back().geometry.reset();
    return Layer(def, std::move(features));
}

} // namespace

TEST_CASE("every observation with a place, in layer order, without weights", "[observations]") {
    const Layer layer = sampleLayer();
    auto taken = selectObservations(layer, "", "");
    REQUIRE(taken);
    REQUIRE(taken->points.size() == 4);
    CHECK(taken->ids.size() == 4);
    CHECK(taken->ids[0] == layer.features()[0].id);
    CHECK(taken->ids[3] == layer.features()[3].id);
    CHECK(taken->points[1].x() == 110.5);
    CHECK(taken->points[1].y() == 210.5);
    CHECK(taken->weights.empty());
    CHECK(taken->withoutGeometry == 1);
    CHECK(taken->withoutWeight == 0);
}

TEST_CASE("the filter chooses the observations", "[observations]") {
    const Layer layer = sampleLayer();
    auto lighting = selectObservations(layer, "kategori = belysning", "");
    REQUIRE(lighting);
    CHECK(lighting->points.size() == 3);
    CHECK(lighting->withoutGeometry == 1); // the one without a place matches too

    auto dark = selectObservations(layer, "kategori = belysning och ljusforh = morker", "");
    REQUIRE(dark);
    REQUIRE(dark->points.size() == 1);
    CHECK(dark->points[0].x() == 100.0);

    auto wrong = selectObservations(layer, "kategori = ", "");
    REQUIRE_FALSE(wrong);
}

TEST_CASE("weights come from a numeric field, an empty one counts 0", "[observations]") {
    const Layer layer = sampleLayer();
    auto weighted = selectObservations(layer, "kategori = belysning", "kansla");
    REQUIRE(weighted);
    CHECK(weighted->weights == std::vector<double>{0.0, 2.0, 0.0});
    CHECK(weighted->points.size() == 3);
    CHECK(weighted->withoutWeight == 1);
    CHECK(weighted->withoutGeometry == 1);

    auto all = observationPoints(layer, nullptr, "kansla");
    REQUIRE(all);
    CHECK(all->weights == std::vector<double>{0.0, 2.0, 0.0, 3.0});
}

TEST_CASE("a weight field that is missing or not a number is refused by name", "[observations]") {
    const Layer layer = sampleLayer();
    auto missing = selectObservations(layer, "", "vikt");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::Usage);
    CHECK(missing.error().where == "field 'vikt'");
    CHECK(missing.error().message.find("observationer") != std::string::npos);

    auto text = observationPoints(layer, nullptr, "kategori");
    REQUIRE_FALSE(text);
    CHECK(text.error().code == ErrorCode::Usage);
    CHECK(text.error().where == "field 'kategori'");
}
