#include "tryggkarta/core/schema.h"
#include "tryggkarta/io/layer_definitions.h"
#include "tryggkarta/synth/synthetic_project.h"

#include <catch2/catch.hpp>

#include <boost/geometry/algorithms/distance.hpp>
#include <boost/geometry/algorithms/for_each.hpp>
#include <boost/geometry/strategies/strategies.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace trygg;

namespace {

const Point kCentre{733107.0, 7096069.0};

const LayerCatalog& catalog() {
    static const LayerCatalog loaded = [] {
        auto result = loadLayerCatalog(TRYGG_SOURCE_LAYERS_DIR);
        if (!result) {
            FAIL(result.error().describe());
        }
        return std::move(*result);
    }();
    return loaded;
}

SyntheticSpec testSpec() {
    SyntheticSpec spec;
    spec.observations = 5000;
    spec.luminaires = 400;
    spec.measures = 20;
    spec.walks = 3;
    spec.seed = 17;
    return spec;
}

const Project& project() {
    static const Project made = makeSyntheticProject(testSpec(), catalog());
    return made;
}

const Layer& layerOf(const Project& p, std::string_view name) {
    const Layer* layer = p.layer(name);
    REQUIRE(layer != nullptr);
    return *layer;
}

std::vector<double> coordinates(const Geometry& geometry) {
    std::vector<double> out;
    std::visit([&](const auto& g) {
        bg::for_each_point(g, [&](const Point& p) {
            out.push_back(p.x());
            out.push_back(p.y());
        });
    }, geometry);
    return out;
}

const std::string& text(const Feature& feature, const Layer& layer, std::string_view field) {
    static const std::string none;
    auto index = layer.definition().fieldIndex(field);
    REQUIRE(index);
    const auto* value = std::get_if<std::string>(&feature.values[*index]);
    return value == nullptr ? none : *value;
}

} // namespace

TEST_CASE("synthetic project has the layers and counts of the spec", "[synth]") {
    const Project& p = project();
    CHECK(p.crs.isEpsg(3006));
    REQUIRE(p.layers.size() == catalog().layers.size());
    for (std::size_t i = 0; i < p.layers.size(); ++i) {
        CHECK(p.layers[i].name() == catalog().layers[i].table);
    }
    CHECK(layerOf(p, "observationer").size() == 5010); // and the follow-up walk's ten
    CHECK(layerOf(p, "belysning").size() == 400);
    CHECK(layerOf(p, "atgarder").size() == 20);
    CHECK(layerOf(p, "vandringar").size() == 4); // and the follow-up walk
    CHECK(p.metadata.at("example_data") == "Syntetiska exempeldata, inte verkliga observationer");
    CHECK(p.metadata.at("generator_seed") == "17");
}

TEST_CASE("feature ids run 1..N in every layer and values follow the fields", "[synth]") {
    for (const auto& layer : project().layers) {
        std::vector<std::int64_t> ids;
        for (const auto& feature : layer.features()) {
            ids.push_back(toInt(feature.id));
            REQUIRE(feature.values.size() == layer.definition().fields.size());
            REQUIRE(feature.geometry.has_value());
            CHECK(acceptsGeometry(layer.definition().geometry, *feature.geometry));
        }
        std::ranges::sort(ids);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            REQUIRE(ids[i] == static_cast<std::int64_t>(i + 1));
        }
        CHECK(layer.index().size() == layer.size());
    }
}

TEST_CASE("every generated value passes checkValue", "[synth]") {
    std::size_t checked = 0;
    for (const auto& layer : project().layers) {
        const auto& fields = layer.definition().fields;
        for (const auto& feature : layer.features()) {
            for (std::size_t f = 0; f < fields.size(); ++f) {
                auto problem = checkValue(fields[f], feature.values[f]);
                if (problem) {
                    INFO(layer.name() << " feature " << toInt(feature.id) << " field " << fields[f].name
                                      << " value '" << toDisplayString(feature.values[f]) << "'");
                    FAIL(*problem);
                }
                ++checked;
            }
        }
    }
    CHECK(checked > 5000 * 10);
}

TEST_CASE("the same seed gives the same project, another seed another", "[synth]") {
    SyntheticSpec spec = testSpec();
    spec.observations = 500;
    Project first = makeSyntheticProject(spec, catalog());
    Project second = makeSyntheticProject(spec, catalog());
    for (std::size_t l = 0; l < first.layers.size(); ++l) {
        const auto& a = first.layers[l].features();
        const auto& b = second.layers[l].features();
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < std::min<std::size_t>(a.size(), 5); ++i) {
            CHECK(a[i].id == b[i].id);
            CHECK(a[i].values == b[i].values);
            CHECK(coordinates(*a[i].geometry) == coordinates(*b[i].geometry));
        }
    }
    CHECK(first.links == second.links);

    spec.seed = 18;
    Project other = makeSyntheticProject(spec, catalog());
    const Feature& x = layerOf(first, "observationer").features().front();
    const Feature& y = layerOf(other, "observationer").features().front();
    CHECK(coordinates(*x.geometry) != coordinates(*y.geometry));
}

TEST_CASE("observations are marked examples and lie in Vännäs centrum", "[synth]") {
    const Layer& observations = layerOf(project(), "observationer");
    std::map<std::string, int> polarity;
    std::size_t withReporter = 0;
    for (const auto& feature : observations.features()) {
        REQUIRE(text(feature, observations, "beskrivn").starts_with("[Exempel] "));
        const Point& point = std::get<Point>(*feature.geometry);
        REQUIRE(bg::distance(point, kCentre) < 1500.0);
        ++polarity[text(feature, observations, "polaritet")];
        const std::string& reporter = text(feature, observations, "rapportor");
        if (!reporter.empty()) {
            ++withReporter;
            CHECK(reporter.starts_with("Exempelperson "));
            CHECK(text(feature, observations, "kontakt").ends_with("@example.invalid"));
            CHECK(text(feature, observations, "kalla") == "medborgardialog");
        }
    }
    // 65 % unsafe, 25 % safe, 10 % pleasant, give or take sampling noise.
    CHECK(polarity["otrygg"] == Approx(3250).margin(200));
    CHECK(polarity["trygg"] == Approx(1250).margin(150));
    CHECK(polarity["trivsam"] == Approx(500).margin(100));
    CHECK(withReporter > 0);
    CHECK(withReporter < 1000); // a fifth of the dialogue answers, never most rows
}

TEST_CASE("walk observations refer to their walk and its date", "[synth]") {
    const Project& p = project();
    const Layer& observations = layerOf(p, "observationer");
    const Layer& walks = layerOf(p, "vandringar");
    auto walkField = *observations.definition().fieldIndex("vandring");
    auto timeField = *observations.definition().fieldIndex("tidpunkt");
    auto dateField = *walks.definition().fieldIndex("datum");
    std::set<std::int64_t> walksSeen;
    for (const auto& feature : observations.features()) {
        const auto* walkId = std::get_if<std::int64_t>(&feature.values[walkField]);
        bool fromWalk = text(feature, observations, "kalla") == "trygghetsvandring";
        REQUIRE(fromWalk == (walkId != nullptr));
        if (walkId == nullptr) {
            continue;
        }
        const Feature* walk = walks.find(FeatureId{*walkId});
        REQUIRE(walk != nullptr);
        walksSeen.insert(*walkId);
        CHECK(std::get<DateTime>(feature.values[timeField]).date ==
              std::get<Date>(walk->values[dateField]));
    }
    CHECK(walksSeen == std::set<std::int64_t>{1, 2, 3, 4});
    for (const auto& walk : walks.features()) {
        const auto& route = std::get<LineString>(*walk.geometry);
        double length = 0.0;
        for (std::size_t i = 1; i < route.size(); ++i) {
            length += bg::distance(route[i - 1], route[i]);
        }
        CHECK(length >= 999.0);
        CHECK(length <= 2001.0);
    }
}

TEST_CASE("measures link nearby observations and show every status", "[synth]") {
    const Project& p = project();
    const Layer& measures = layerOf(p, "atgarder");
    const Layer& observations = layerOf(p, "observationer");
    std::map<std::int64_t, int> linksPerMeasure;
    for (const auto& link : p.links) {
        const Feature* measure = measures.find(link.measure);
        const Feature* observation = observations.find(link.observation);
        REQUIRE(measure != nullptr);
        REQUIRE(observation != nullptr);
        double distance = std::visit(
            [&](const auto& g) {
                return static_cast<double>(bg::distance(g, std::get<Point>(*observation->geometry)));
            },
            *measure->geometry);
        CHECK(distance <= 60.0);
        ++linksPerMeasure[toInt(link.measure)];
    }
    CHECK(linksPerMeasure.size() == measures.size());
    for (const auto& [measure, links] : linksPerMeasure) {
        CHECK(links >= 1);
        CHECK(links <= 6);
    }

    std::set<std::string> statuses;
    std::map<GeometryKind, int> kinds;
    for (const auto& feature : measures.features()) {
        statuses.insert(text(feature, measures, "status"));
        CHECK(text(feature, measures, "titel").starts_with("[Exempel] "));
        ++kinds[kindOf(*feature.geometry)];
    }
    CHECK(statuses.size() == measures.definition().field("status")->values.size());
    CHECK(kinds[GeometryKind::Point] == 10);
    CHECK(kinds[GeometryKind::LineString] == 5);
    CHECK(kinds[GeometryKind::Polygon] == 5);
}

TEST_CASE("luminaires carry pole numbers and plausible lamp data", "[synth]") {
    const Layer& lights = layerOf(project(), "belysning");
    const Feature& first = lights.features().front();
    CHECK(text(first, lights, "stolpnr") == "VN-0001");
    auto height = *lights.definition().fieldIndex("hojd_m");
    auto power = *lights.definition().fieldIndex("effekt_w");
    int working = 0;
    for (const auto& feature : lights.features()) {
        double h = std::get<double>(feature.values[height]);
        double w = std::get<double>(feature.values[power]);
        CHECK((h >= 4.0 && h <= 10.0));
        CHECK((w >= 15.0 && w <= 120.0));
        working += text(feature, lights, "status") == "fungerar" ? 1 : 0;
    }
    CHECK(working > 300); // mostly working lamps
}

TEST_CASE("a follow-up walk passes the evening walk's places after measures there were done",
          "[synth]") {
    const Project& p = project();
    const Layer& walks = layerOf(p, "vandringar");
    const Layer& observations = layerOf(p, "observationer");
    const Layer& measures = layerOf(p, "atgarder");
    const Feature* evening = walks.find(FeatureId{2}); // the first walk in darkness
    const Feature* again = walks.find(FeatureId{4});
    REQUIRE(evening != nullptr);
    REQUIRE(again != nullptr);
    CHECK(text(*again, walks, "namn") == "[Exempel] Uppföljningsvandring, kväll");
    CHECK(text(*again, walks, "ljusforh") == "morker");
    CHECK(coordinates(*again->geometry) == coordinates(*evening->geometry));
    auto dateOf = [&](const Feature& feature, const Layer& layer, std::string_view field) {
        return std::get<Date>(feature.values[*layer.definition().fieldIndex(field)]);
    };
    const Date walkedAgain = dateOf(*again, walks, "datum");
    Date lastBefore = dateOf(*evening, walks, "datum");
    for (const auto& walk : walks.features()) {
        if (walk.id != again->id) {
            lastBefore = std::max(lastBefore, dateOf(walk, walks, "datum"));
        }
    }
    CHECK(walkedAgain > lastBefore);

    // Ten notes, mostly safe now; where it was unsafe before, one in three still is.
    auto walkField = *observations.definition().fieldIndex("vandring");
    auto feelingField = *observations.definition().fieldIndex("kansla");
    std::vector<const Feature*> notes[5];
    std::map<std::string, int> polarity;
    for (const auto& feature : observations.features()) {
        const auto* walk = std::get_if<std::int64_t>(&feature.values[walkField]);
        if (walk == nullptr || (*walk != 2 && *walk != 4)) {
            continue;
        }
        notes[*walk].push_back(&feature);
        if (*walk == 4) {
            const std::string& judged = text(feature, observations, "polaritet");
            ++polarity[judged];
            auto feeling = std::get<std::int64_t>(feature.values[feelingField]);
            CHECK((judged == "otrygg" ? feeling <= 1 : feeling >= 2));
            CHECK(text(feature, observations, "ljusforh") == "morker");
            CHECK(text(feature, observations, "kalla") == "trygghetsvandring");
            CHECK(text(feature, observations, "beskrivn").starts_with("[Exempel] "));
        }
    }
    CHECK(notes[4].size() == 10);
    CHECK(polarity == std::map<std::string, int>{{"otrygg", 3}, {"trygg", 7}});

    // Measures decided after the earlier walks and done before the follow-up, each with notes
    // of both evening walks within 50 m.
    auto near = [&](const Feature& measure, const std::vector<const Feature*>& walkNotes) {
        return std::ranges::any_of(walkNotes, [&](const Feature* note) {
            return std::visit([&](const auto& g) {
                return bg::distance(g, std::get<Point>(*note->geometry)) <= 50.0;
            }, *measure.geometry);
        });
    };
    int doneBetween = 0;
    for (const auto& measure : measures.features()) {
        const std::string& status = text(measure, measures, "status");
        if ((status == "klar" || status == "utvarderad") && near(measure, notes[2]) &&
            near(measure, notes[4])) {
            CHECK(dateOf(measure, measures, "beslutad") > lastBefore);
            CHECK(dateOf(measure, measures, "deadline") < walkedAgain);
            ++doneBetween;
        }
    }
    CHECK(doneBetween == 3);
}
