// tryggkarta-cli priorities: the ranked table and the JSON with every factor, on a small
// made-up project (concrete numbers) and on the sample project (consistency).

#include "analysis/priority_places.h"
#include "test_support.h"
#include "tryggkarta/io/project_store.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using trygg::test::q;
using trygg::test::TempDir;
using nlohmann::json;

namespace trygg {
namespace {

/// The made-up places in a project file: with lighting results, and a measure answering two
/// of place A's five observations.
std::filesystem::path writePlaces(const TempDir& dir) {
    test::PriorityPlaces data;
    data.addLighting();
    data.addMeasure("beslutad", {data.placeA[0], data.placeA[3]});
    for (const LayerDef& def : test::sourceCatalog().layers) {
        if (data.project.layer(def.table) == nullptr) {
            data.project.layers.emplace_back(def);
        }
    }
    const auto path = dir / "platser.gpkg";
    REQUIRE(saveProjectAs(path, data.project));
    return path;
}

test::CliRun priorities(const TempDir& dir, const std::filesystem::path& project,
                        const std::string& options) {
    return test::runCli(TRYGG_CLI, dir, "priorities " + q(project) + " " + options);
}

} // namespace

TEST_CASE("priorities CLI: the ranked table explains each place", "[cli][priorities]") {
    TempDir dir;
    const auto project = writePlaces(dir);
    const auto run = priorities(dir, project, "");
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.find("2 places from 9 unsafe observations (1 in no place)") != std::string::npos);
    CHECK(run.out.find("Light from the lighting analysis (nulage).") != std::string::npos);
    CHECK(run.out.find("   1   2.93  Storgatan            5 otrygga synpunkter (2 skrämmande, 1 "
                       "obehaglig, 1 acceptabel), 3 i mörker, 1 i skymning, 2,7 lx, 15 m till "
                       "mörkt parti, åtgärd för 2 av 5\n") != std::string::npos);
    CHECK(run.out.find("   2   1.60  N 7096000, Ö 735010  3 otrygga synpunkter (3 skrämmande)") !=
          std::string::npos);
}

TEST_CASE("priorities CLI: JSON carries every factor; weights and --top", "[cli][priorities]") {
    TempDir dir;
    const auto project = writePlaces(dir);
    SECTION("defaults") {
        const auto run = priorities(dir, project, "--json --lang en");
        INFO(run.err);
        REQUIRE(run.exitCode == 0);
        const json out = json::parse(run.out);
        CHECK(out["observations"] == 9);
        CHECK(out["noise"] == 1);
        CHECK(out["lighting"]["known"] == true);
        CHECK(out["weights"]["answered"] == 2.0);
        REQUIRE(out["places"].size() == 2);
        const json& a = out["places"][0];
        CHECK(a["rank"] == 1);
        CHECK(a["label"] == "Storgatan");
        CHECK(a["observation_ids"] == json::array({1, 2, 3, 4, 5}));
        CHECK(a["score"].get<double>() == Approx(2.3 + 0.7333 + 0.7 - 0.8).margin(0.001));
        CHECK(a["factors"]["severity"].get<double>() == Approx(0.6));
        CHECK(a["factors"]["light"].get<double>() == Approx(0.733));
        CHECK(a["factors"]["answered"].get<double>() == Approx(0.4));
        CHECK(a["contributions"]["answered"].get<double>() == Approx(-0.8));
        CHECK(a["facts"]["mean_lux"].get<double>() == Approx(2.67));
        CHECK(a["facts"]["gap_distance_m"].get<double>() == Approx(15.0));
        CHECK(a["facts"]["feeling"] == json::array({2, 1, 1, 1}));
        CHECK(a["explanation"].get<std::string>().starts_with("5 unsafe observations (2 frightening"));
        CHECK(a["extent"][3].get<double>() == Approx(7096005.0));
    }
    SECTION("only severity counts: B first; --top 1") {
        const auto run = priorities(
            dir, project, "--json --top 1 --weights count=0,severity=1,darkness=0,light=0,gap=0,answered=0");
        INFO(run.err);
        REQUIRE(run.exitCode == 0);
        const json out = json::parse(run.out);
        CHECK(out["place_count"] == 2);
        REQUIRE(out["places"].size() == 1);
        CHECK(out["places"][0]["observation_ids"] == json::array({6, 7, 8}));
        CHECK(out["places"][0]["score"].get<double>() == Approx(1.0));
    }
    SECTION("a filter and a wider reach") {
        const auto run = priorities(dir, project, "--json --where \"ljusforh = morker\" --eps 6000");
        REQUIRE(run.exitCode == 0);
        const json out = json::parse(run.out);
        CHECK(out["observations"] == 4);
        CHECK(out["places"][0]["observations"] == 4); // the lone one joins within 6 km
    }
}

TEST_CASE("priorities CLI: wrong weights and filters name what is wrong", "[cli][priorities]") {
    TempDir dir;
    const auto project = writePlaces(dir);
    const auto weights = priorities(dir, project, "--weights lux=1");
    CHECK(weights.exitCode == 2);
    CHECK(weights.err.find("--weights") != std::string::npos);
    CHECK(weights.err.find("'lux=1'") != std::string::npos);
    const auto filter = priorities(dir, project, "--where \"kateogri = belysning\"");
    CHECK(filter.exitCode == 2);
    CHECK(filter.err.find("platser.gpkg") != std::string::npos);
    CHECK(filter.err.find("kateogri") != std::string::npos);
    const auto missing = priorities(dir, dir / "saknas.gpkg", "");
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.find("saknas.gpkg") != std::string::npos);
}

TEST_CASE("priorities CLI: the sample project", "[cli][priorities]") {
    TempDir dir;
    const auto run = priorities(dir, TRYGG_SAMPLE_PROJECT, "--json");
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    const json out = json::parse(run.out);
    CHECK(out["lighting"]["known"] == true);
    CHECK(out["lighting"]["scenario"] == "med_planerade");
    REQUIRE(out["places"].size() > 0);
    double previous = 1e9;
    std::size_t rank = 0;
    for (const json& place : out["places"]) {
        CHECK(place["rank"] == ++rank);
        const double score = place["score"].get<double>();
        CHECK(score <= previous);
        previous = score;
        double sum = 0.0;
        for (const auto& [key, value] : place["contributions"].items()) {
            sum += value.get<double>();
        }
        CHECK(sum == Approx(score).margin(0.01));
        CHECK(place["observations"].get<int>() >= 3);
    }
}

} // namespace trygg
