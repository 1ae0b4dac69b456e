#include "test_support.h"
#include "tryggkarta/io/duplicates.h"
#include "tryggkarta/io/importer.h"
#include "tryggkarta/io/project_store.h"

#include <catch2/catch.hpp>

using namespace trygg;
using trygg::test::TempDir;

namespace {

namespace fs = std::filesystem;

const LayerCatalog& catalog() {
    return trygg::test::sourceCatalog();
}
const LayerDef& observations() {
    return *catalog().find("observationer");
}

constexpr double kX = 733100.0;
constexpr double kY = 7096000.0;

Feature observation(std::int64_t id, double dx, const char* category, const char* text) {
    const LayerDef& layer = observations();
    Feature feature;
    feature.id = FeatureId{id};
    feature.geometry = Point{kX + dx, kY};
    feature.values.resize(layer.fields.size());
    feature.values[*layer.fieldIndex("kategori")] = std::string(category);
    feature.values[*layer.fieldIndex("polaritet")] = std::string("otrygg");
    feature.values[*layer.fieldIndex("kalla")] = std::string("medborgardialog");
    feature.values[*layer.fieldIndex("beskrivn")] = std::string(text);
    return feature;
}

Value& field(Feature& feature, const char* name) {
    return feature.values[*observations().fieldIndex(name)];
}

/// A CSV in SWEREF 99 TM: one observation per row, at kX + dx.
fs::path writeCsv(const TempDir& dir, const std::string& name,
                  const std::vector<std::string>& rows) {
    std::string text = "x,y,kategori,polaritet,kalla,beskrivn,kon\n";
    for (const auto& row : rows) {
        text += row + "\n";
    }
    return dir.write(name, text);
}

} // namespace

TEST_CASE("duplicates: within the radius and of the same category") {
    const std::vector<Feature> existing = {observation(1, 0.0, "belysning", "Trasig lampa")};
    const std::vector<Feature> incoming = {
        observation(0, 4.0, "belysning", "Mörkt"), observation(0, 4.0, "sikt", "Buskar"),
        observation(0, -6.0, "belysning", "Mörkt")}; // 10 m from the first
    auto matches = findDuplicates(observations(), existing, incoming);
    REQUIRE(matches);
    REQUIRE(matches->size() == 1);
    CHECK(matches->front().incoming == 0);
    CHECK(matches->front().existing == FeatureId{1});
    CHECK_FALSE(matches->front().earlier);
    CHECK(matches->front().distance == Approx(4.0));

    // The radius is configurable: at 7 m the one 6 m away is a duplicate too.
    auto wider = findDuplicates(observations(), existing, incoming, 7.0);
    REQUIRE(wider);
    REQUIRE(wider->size() == 2);
    CHECK((*wider)[1].incoming == 2);
    CHECK((*wider)[1].distance == Approx(6.0));
}

TEST_CASE("duplicates: an incoming feature can duplicate an earlier incoming one") {
    const std::vector<Feature> incoming = {observation(0, 100.0, "trafik", "Fort"),
                                           observation(0, 102.0, "trafik", "Bilar kör fort")};
    auto matches = findDuplicates(observations(), {}, incoming);
    REQUIRE(matches);
    REQUIRE(matches->size() == 1);
    CHECK(matches->front().incoming == 1);
    CHECK(matches->front().existing == kNoFeatureId);
    CHECK(matches->front().earlier == std::optional<std::size_t>(0));

    auto resolved =
        resolveDuplicates(observations(), {}, incoming, *matches, {DuplicateAction::Merge});
    REQUIRE(resolved.added.size() == 1);
    CHECK(std::get<std::string>(field(resolved.added[0], "beskrivn")) == "Fort\nBilar kör fort");
    CHECK(resolved.merged == 1);
}

TEST_CASE("a merge keeps the existing feature, fills its empty fields and appends the text") {
    Feature existing = observation(7, 0.0, "belysning", "Trasig lampa");
    Feature incoming = observation(0, 4.0, "belysning", "Mörkt vid stationen");
    field(incoming, "kon") = std::string("kvinna");
    field(incoming, "polaritet") = std::string("trygg"); // set in both: the existing value stays

    Feature merged = mergeFeatures(observations(), existing, incoming);
    CHECK(merged.id == FeatureId{7});
    CHECK(std::get<Point>(*merged.geometry).x() == Approx(kX));
    CHECK(std::get<std::string>(field(merged, "kon")) == "kvinna");
    CHECK(std::get<std::string>(field(merged, "polaritet")) == "otrygg");
    CHECK(std::get<std::string>(field(merged, "beskrivn")) == "Trasig lampa\nMörkt vid stationen");
    // The same text again is not appended twice.
    Feature again = mergeFeatures(observations(), merged, incoming);
    CHECK(std::get<std::string>(field(again, "beskrivn")) == "Trasig lampa\nMörkt vid stationen");
    CHECK(freeTextField(observations())->name == "beskrivn");
    CHECK(categoryField(*catalog().find("vandringar")) == nullptr);
}

TEST_CASE("importIntoProject merges duplicates on disk in the import's transaction") {
    TempDir dir;
    const fs::path project = dir / "p.gpkg";
    REQUIRE(createProject(project, Crs::fromEpsg(3006), catalog()));
    ImportOptions options;
    options.targetLayer = "observationer";
    options.sourceCrs = Crs::fromEpsg(3006);
    const auto x = [](double dx) { return std::to_string(kX + dx) + "," + std::to_string(kY); };
    REQUIRE(importIntoProject(
        project, catalog(),
        writeCsv(dir, "first.csv", {x(0) + ",belysning,otrygg,medborgardialog,Trasig lampa,"}),
        options));
    const fs::path second =
        writeCsv(dir, "second.csv",
                 {x(3) + ",belysning,otrygg,medborgardialog,Mörkt vid stationen,kvinna",
                  x(50) + ",trafik,otrygg,medborgardialog,Fort,"});

    auto importSecond = [&](DuplicateMode mode) {
        options.duplicates = mode;
        auto report = importIntoProject(project, catalog(), second, options);
        REQUIRE(report);
        return *report;
    };
    SECTION("listed: the duplicate stays out, the rest comes in") {
        auto report = std::optional(importSecond(DuplicateMode::List));
        CHECK(report->imported == 1);
        CHECK(report->skipped == 1);
        REQUIRE(report->duplicates.size() == 1);
        CHECK(report->duplicates[0].row == 1);
        CHECK(report->duplicates[0].existing == FeatureId{1});
        CHECK(report->duplicates[0].distance == Approx(3.0));
        CHECK(openProject(project, catalog())->layer("observationer")->size() == 2);
    }
    SECTION("merged: one feature with the merged values") {
        auto report = std::optional(importSecond(DuplicateMode::Merge));
        CHECK(report->imported == 1);
        CHECK(report->merged == 1);
        auto opened = openProject(project, catalog());
        REQUIRE(opened);
        const Layer& layer = *opened->layer("observationer");
        REQUIRE(layer.size() == 2);
        Feature merged = *layer.find(FeatureId{1});
        CHECK(std::get<std::string>(field(merged, "kon")) == "kvinna");
        CHECK(std::get<std::string>(field(merged, "beskrivn")) ==
              "Trasig lampa\nMörkt vid stationen");
        CHECK(std::get<Point>(*merged.geometry).x() == Approx(kX));
    }
    SECTION("an error leaves the project as it was") {
        options.duplicates = DuplicateMode::Merge;
        options.strict = true;
        const fs::path bad = writeCsv(dir, "bad.csv",
                                      {x(3) + ",belysning,otrygg,medborgardialog,Mörkt,kvinna",
                                       x(60) + ",okand,otrygg,medborgardialog,Fel,"});
        auto report = importIntoProject(project, catalog(), bad, options);
        REQUIRE(report);
        CHECK(report->imported == 0);
        auto opened = openProject(project, catalog());
        const Layer& layer = *opened->layer("observationer");
        REQUIRE(layer.size() == 1);
        CHECK(isNull(layer.features()[0].values[*observations().fieldIndex("kon")]));
    }
}
