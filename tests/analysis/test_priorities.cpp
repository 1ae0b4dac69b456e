// The priority list: DBSCAN's clusters and noise, each factor of the score on a small made-up
// project, the ranks, a measure lowering a place, and the lighting factors absent until the
// lighting analysis has run.

#include "analysis/priority_places.h"
#include "tryggkarta/analysis/priorities.h"

#include <catch2/catch.hpp>

#include <random>

using namespace trygg;

namespace {

PriorityList prioritised(const Project& project, PriorityOptions options = {}) {
    auto list = prioritisePlaces(project, options, Progress::none());
    REQUIRE(list);
    return std::move(*list);
}

class CancelAtOnce final : public Progress {
public:
    [[nodiscard]] bool isCancelled() const override { return true; }
};

} // namespace

TEST_CASE("dbscan: core points spread, border points join, lone points are noise", "[priorities]") {
    // eps 10.5, 3 points: (0,0) has only 2 neighbours (a border point), (10,0) is core.
    const std::vector<Point> points{{0, 0}, {10, 0}, {20, 0}, {100, 0}, {200, 0}, {205, 0}, {210, 3}};
    auto labels = dbscan(points, 10.5, 3, Progress::none());
    REQUIRE(labels);
    CHECK(*labels == std::vector<std::size_t>{0, 0, 0, kDbscanNoise, 1, 1, 1});
    auto single = dbscan(points, 10.5, 1, Progress::none());
    REQUIRE(single);
    CHECK(single->at(3) == 1); // with one point enough, everything is a place
}

TEST_CASE("dbscan: 100 000 points cluster and cancel", "[priorities]") {
    std::mt19937 random(7);
    std::uniform_real_distribution<double> coordinate(0.0, 5000.0);
    std::vector<Point> points;
    for (int i = 0; i < 100000; ++i) {
        points.emplace_back(coordinate(random), coordinate(random));
    }
    auto labels = dbscan(points, 25.0, 3, Progress::none());
    REQUIRE(labels);
    CHECK(labels->size() == points.size());
    CHECK(std::ranges::count(*labels, kDbscanNoise) > 0);
    CHECK(std::ranges::count(*labels, std::size_t{0}) >= 3);
    CancelAtOnce cancel;
    auto stopped = dbscan(points, 25.0, 3, cancel);
    REQUIRE_FALSE(stopped);
    CHECK(stopped.error().code == ErrorCode::Cancelled);
}

TEST_CASE("priorities: places, noise and factors without a lighting analysis", "[priorities]") {
    const test::PriorityPlaces data;
    const PriorityList list = prioritised(data.project);
    CHECK(list.considered == 9); // 5 + 3 + 1 unsafe; the safe cluster is left out
    CHECK(list.noise == 1);
    CHECK_FALSE(list.lightingKnown);
    REQUIRE(list.places.size() == 2);

    const PriorityPlace& a = list.places[0];
    CHECK(a.rank == 1);
    CHECK(a.observations == data.placeA);
    CHECK(a.name == "Storgatan");
    CHECK(a.centre.x() == Approx(test::placeAt(1002.4, 0).x()));
    CHECK(a.extent.max_corner().y() == test::placeAt(0, 1005).y());
    CHECK(a.factors[PriorityFactor::Count] == 1.0);
    CHECK(a.factors[PriorityFactor::Severity] == Approx(0.6)); // (1 + 1 + 2/3 + 1/3 + 0) / 5
    CHECK(a.factors[PriorityFactor::Darkness] == Approx(0.7)); // (3 + 0.5) / 5
    CHECK(a.factors[PriorityFactor::Light] == 0.0);
    CHECK(a.factors[PriorityFactor::Gap] == 0.0);
    CHECK(a.score == Approx(2.3));

    const PriorityPlace& b = list.places[1];
    CHECK(b.rank == 2);
    CHECK(b.observations == data.placeB);
    CHECK(b.name.empty());
    CHECK(placeLabel(b, "sv") == "N 7096000, Ö 735010");
    CHECK(placeLabel(b, "en") == "N 7096000, E 735010");
    CHECK(b.factors[PriorityFactor::Count] == Approx(0.6));
    CHECK(b.score == Approx(1.6));
    CHECK(explainPlace(b, list, "sv") ==
          "3 otrygga synpunkter (3 skrämmande), ingen i mörker, ingen belysningsanalys, ingen åtgärd");
    CHECK(explainPlace(b, list, "en") ==
          "3 unsafe observations (3 frightening), none in darkness, no lighting analysis, no measure");
}

TEST_CASE("priorities: lux at the spot and a near dark gap raise a place", "[priorities]") {
    test::PriorityPlaces data;
    data.addLighting();
    const PriorityList list = prioritised(data.project);
    CHECK(list.lightingKnown);
    CHECK(list.lightingScenario == "nulage");
    const PriorityPlace& a = list.places[0];
    REQUIRE(a.observations == data.placeA);
    CHECK(a.facts.withLux == 3);
    CHECK(*a.facts.meanLux == Approx(8.0 / 3.0));
    CHECK(a.factors[PriorityFactor::Light] == Approx(1.0 - 8.0 / 30.0));
    CHECK(*a.facts.gapDistance == Approx(15.0));
    CHECK(a.factors[PriorityFactor::Gap] == Approx(0.7));
    CHECK(a.score == Approx(2.3 + (1.0 - 8.0 / 30.0) + 0.7));
    CHECK(explainPlace(a, list, "sv") ==
          "5 otrygga synpunkter (2 skrämmande, 1 obehaglig, 1 acceptabel), 3 i mörker, "
          "1 i skymning, 2,7 lx, 15 m till mörkt parti, ingen åtgärd");
    CHECK(explainPlace(list.places[1], list, "sv") ==
          "3 otrygga synpunkter (3 skrämmande), ingen i mörker, inget ljusvärde, "
          "inget mörkt parti inom 50 m, ingen åtgärd");
}

TEST_CASE("priorities: a measure answering a place lowers it, a retired one does not", "[priorities]") {
    test::PriorityPlaces data;
    SECTION("all answered: place A drops below B") {
        data.addMeasure("beslutad", data.placeA);
        const PriorityList list = prioritised(data.project);
        CHECK(list.places[0].observations == data.placeB);
        const PriorityPlace& a = list.places[1];
        CHECK(a.factors[PriorityFactor::Answered] == 1.0);
        CHECK(a.contribution(PriorityFactor::Answered, defaultPriorityWeights()) == -2.0);
        CHECK(a.score == Approx(0.3));
        CHECK(explainPlace(a, list, "sv").ends_with("åtgärd för alla"));
    }
    SECTION("two of five answered: 1.5, just below B") {
        data.addMeasure("pagar", {data.placeA[0], data.placeA[3]});
        const PriorityList list = prioritised(data.project);
        CHECK(list.places[0].observations == data.placeB); // 1.6
        CHECK(list.places[1].score == Approx(2.3 - 2.0 * 0.4));
        CHECK(explainPlace(list.places[1], list, "sv").ends_with("åtgärd för 2 av 5"));
    }
    SECTION("avförd") {
        data.addMeasure("avford", data.placeA);
        CHECK(prioritised(data.project).places[0].score == Approx(2.3));
    }
}

TEST_CASE("priorities: weights, filter and options", "[priorities]") {
    const test::PriorityPlaces data;
    SECTION("rescoring with other weights reorders") {
        PriorityList list = prioritised(data.project);
        PriorityValues weights{};
        weights[PriorityFactor::Severity] = 1.0; // severity only: A 0.6 < B 1
        rescorePlaces(list, weights);
        CHECK(list.places[0].observations == data.placeB);
        CHECK(list.places[0].rank == 1);
        CHECK(list.places[0].score == Approx(1.0));
    }
    SECTION("a planner's filter narrows the observations") {
        PriorityOptions options;
        options.filter = "ljusforh = morker";
        const PriorityList list = prioritised(data.project, options);
        CHECK(list.considered == 4);
        REQUIRE(list.places.size() == 1);
        CHECK(list.places[0].observations.size() == 3);
    }
    SECTION("every polarity") {
        PriorityOptions options;
        options.unsafeOnly = false;
        const PriorityList list = prioritised(data.project, options);
        CHECK(list.places.size() == 3);
        CHECK(explainPlace(list.places[2], list, "sv").starts_with("3 synpunkter"));
    }
    SECTION("errors") {
        PriorityOptions options;
        options.filter = "kateogri = belysning";
        auto wrong = prioritisePlaces(data.project, options, Progress::none());
        REQUIRE_FALSE(wrong);
        CHECK(wrong.error().message.find("kateogri") != std::string::npos);
        options = {};
        options.eps = 0.0;
        CHECK(prioritisePlaces(data.project, options, Progress::none()).error().code == ErrorCode::Usage);
        CHECK(parsePriorityFactor("gap") == PriorityFactor::Gap);
        CHECK_FALSE(parsePriorityFactor("lux"));
    }
}
