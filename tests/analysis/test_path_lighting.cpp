// The lighting analysis along paths: class table, network, samples, segments, gaps,
// luminaires from the inventory, observations and the what-if comparison.
#include "test_support.h"
#include "tryggkarta/analysis/lighting_analysis.h"

#include <catch2/catch.hpp>

#include <cmath>

namespace trygg {
namespace {

const std::filesystem::path kProfiles =
    std::filesystem::path(TRYGG_SOURCE_LAYERS_DIR) / "photometry";

LightingClassTable table(const std::string& coreAndCrossings = "") {
    const std::string json = R"({"format": "tryggkarta-lighting-classes/1",
      "classes": [{"name": "P3", "average": 7.5, "minimum": 1.5},
                  {"name": "P4", "average": 5.0, "minimum": 1.0},
                  {"name": "C4", "average": 10.0, "uniformity": 0.4}],
      "rules": [{"layer": "bas_gangvag", "class": "P4", "core_class": "P3"},
                {"layer": "bas_gata", "field": "klass", "values": ["gagata"], "class": "P3"}],
      "fallback_class": "P4")" + coreAndCrossings + "}";
    auto parsed = parseLightingClassTable(json, "test.json");
    REQUIRE(parsed);
    return *parsed;
}

Feature lineFeature(const LayerDef& def, std::int64_t id, LineString line) {
    Feature f;
    f.id = FeatureId{id};
    f.geometry = std::move(line);
    f.values.resize(def.fields.size());
    return f;
}

/// A project with a 100 m footpath along the x axis from (0, 0) and a street crossing it
/// at x = 50 from (50, -30) to (50, 30).
Project pathProject() {
    const auto& catalog = test::sourceCatalog();
    Project project;
    const LayerDef& paths = *catalog.find("bas_gangvag");
    const LayerDef& streets = *catalog.find("bas_gata");
    project.layers.emplace_back(paths, std::vector<Feature>{
        lineFeature(paths, 1, LineString{{0.0, 0.0}, {100.0, 0.0}})});
    project.layers.emplace_back(streets, std::vector<Feature>{
        lineFeature(streets, 1, LineString{{50.0, -30.0}, {50.0, 30.0}})});
    project.layers.emplace_back(*catalog.find("belysning"));
    project.layers.emplace_back(*catalog.find("observationer"));
    return project;
}

SampleLux flat(std::size_t n, float value) {
    SampleLux lux;
    lux.horizontal.assign(n, value);
    lux.vertical.assign(n, value);
    return lux;
}

Feature lamp(const LayerDef& def, std::int64_t id, Point at, std::string status,
             double height, std::string armatur = {}, std::optional<double> facing = {}) {
    Feature f;
    f.id = FeatureId{id};
    f.geometry = at;
    f.values.resize(def.fields.size());
    f.values[*def.fieldIndex("stolpnr")] = "VN-" + std::to_string(id);
    f.values[*def.fieldIndex("status")] = std::move(status);
    f.values[*def.fieldIndex("hojd_m")] = height;
    f.values[*def.fieldIndex("ljusflode")] = 3000.0;
    if (!armatur.empty()) {
        f.values[*def.fieldIndex("armatur")] = std::move(armatur);
    }
    if (facing) {
        f.values[*def.fieldIndex("riktning")] = *facing;
    }
    return f;
}

} // namespace

TEST_CASE("The shipped class table parses with EN 13201 values", "[lighting]") {
    auto shipped = readLightingClassTable(kProfiles / std::string(kDefaultClassTableFile));
    REQUIRE(shipped);
    REQUIRE(shipped->find("P4"));
    CHECK(shipped->find("P4")->averageLux == 5.0);
    CHECK(shipped->find("P4")->minimumLux == 1.0);
    CHECK(shipped->find("P3")->pointMinimum() == 1.5);
    CHECK(shipped->find("C4")->pointMinimum() == Approx(4.0)); // 0.4 × 10
    CHECK(shipped->coreEpsg == 3006);
    CHECK(shipped->core.size() == 1);
    CHECK(shipped->fallbackClassName == "P4");
}

TEST_CASE("A class table with a mistake names the entry", "[lighting]") {
    auto unknown = parseLightingClassTable(
        R"({"format": "tryggkarta-lighting-classes/1", "classes": [{"name": "P4", "average": 5,
            "minimum": 1}], "rules": [{"layer": "bas_gata", "class": "P9"}],
            "fallback_class": "P4"})",
        "klasser.json");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().where == "klasser.json: rules[0].class");
    CHECK(unknown.error().message == "unknown class 'P9'");
    auto broken = parseLightingClassTable("{\"format\": ", "klasser.json");
    REQUIRE_FALSE(broken);
    CHECK(broken.error().where == "klasser.json");
    auto noFile = readLightingClassTable("/nonexistent/klasser.json");
    REQUIRE_FALSE(noFile);
    CHECK(noFile.error().where == "/nonexistent/klasser.json");
}

TEST_CASE("Samples lie every metre with the class of their place", "[lighting]") {
    const Project project = pathProject();
    auto network = buildPathNetwork(
        project, table(R"(, "crossings": [{"path_layer": "bas_gangvag", "street_layer":
            "bas_gata", "radius_m": 10, "class": "C4"}], "core": {"epsg": 3006, "areas":
            [[[-5, -5], [20, -5], [20, 5], [-5, 5]]]})"));
    REQUIRE(network);
    // The street is a lokalgata-less line without klass: no rule matches it.
    REQUIRE(network->lines.size() == 1);
    REQUIRE(network->crossings.size() == 1);
    CHECK(network->crossings[0].position.x() == Approx(50.0));
    const PathSamples samples = samplePathNetwork(*network, 1.0);
    REQUIRE(samples.size() == 100);
    CHECK(samples.position[0].x() == Approx(0.5));
    CHECK(samples.position[99].x() == Approx(99.5));
    CHECK(samples.bearing[0] == Approx(90.0));
    CHECK(samples.metres[0] == Approx(1.0));
    const std::size_t p3 = *network->table.indexOf("P3");
    const std::size_t p4 = *network->table.indexOf("P4");
    const std::size_t c4 = *network->table.indexOf("C4");
    CHECK(samples.classIndex[19] == p3); // x = 19.5, inside the core
    CHECK(samples.classIndex[20] == p4); // x = 20.5
    CHECK(samples.classIndex[39] == p4); // 10.5 m from the crossing
    CHECK(samples.classIndex[40] == c4); // 9.5 m
    CHECK(samples.classIndex[59] == c4);
    CHECK(samples.classIndex[60] == p4);
}

TEST_CASE("Segments, verdicts and dark gaps follow the class values", "[lighting]") {
    const Project project = pathProject();
    auto network = buildPathNetwork(project, table());
    REQUIRE(network);
    const PathSamples samples = samplePathNetwork(*network, 1.0);
    SampleLux lux = flat(samples.size(), 5.0F);
    for (std::size_t i = 30; i < 40; ++i) {
        lux.horizontal[i] = 0.5F; // 30–40 m: below P4's minimum of 1 lx
    }
    lux.horizontal[35] = 0.25F;
    const PathLighting result = evaluatePathLighting(*network, samples, lux, 50.0);
    REQUIRE(result.segments.size() == 2);
    const PathSegment& first = result.segments[0];
    CHECK(first.from == Approx(0.0));
    CHECK(first.to == Approx(50.0));
    CHECK(first.minimumLux == Approx(0.25));
    CHECK(first.averageLux == Approx((40 * 5.0 + 9 * 0.5 + 0.25) / 50.0));
    CHECK(first.verdict == LightingVerdict::UnderLit);
    CHECK(result.segments[1].verdict == LightingVerdict::Meets); // exactly 5 lx, min 5
    REQUIRE(result.gaps.size() == 1);
    CHECK(result.gaps[0].from == Approx(30.0));
    CHECK(result.gaps[0].to == Approx(40.0));
    CHECK(result.gaps[0].length() == Approx(10.0));
    CHECK(result.gaps[0].worstLux == Approx(0.25));
    CHECK(result.gaps[0].worstAt.x() == Approx(35.5));

    const PathLighting bright =
        evaluatePathLighting(*network, samples, flat(samples.size(), 7.6F), 30.0);
    REQUIRE(bright.segments.size() == 4); // 100 m in pieces of at most 30 m: 4 × 25 m
    CHECK(bright.segments[0].length() == Approx(25.0));
    CHECK(bright.segments[0].verdict == LightingVerdict::OverLit); // above 1.5 × 5 lx
    CHECK(bright.gaps.empty());
    CHECK(verdictCode(LightingVerdict::UnderLit) == "underbelyst");
}

TEST_CASE("A lamp right above a path gives the hand-computed lux, planned ones only in a "
          "what-if", "[lighting]") {
    Project project = pathProject();
    const LayerDef& def = project.layer("belysning")->definition();
    Layer& lamps = *project.layer("belysning");
    lamps.add(lamp(def, 1, {20.0, 0.0}, "fungerar", 5.0));
    lamps.add(lamp(def, 2, {80.0, 0.0}, "planerad", 5.0));
    lamps.add(lamp(def, 3, {50.0, 0.0}, "trasig", 5.0));
    lamps.add(lamp(def, 4, {60.0, 0.0}, "fungerar", 0.0)); // no height: left out
    const LayerDef& obsDef = project.layer("observationer")->definition();
    Feature dark = test::lightingObservation(obsDef, 80.0, 2.0);
    dark.id = FeatureId{1};
    project.layer("observationer")->add(dark);

    LuminaireOptions options;
    options.profileFolders = {kProfiles};
    auto model = buildLightingModel(project, table(), options);
    REQUIRE(model);
    REQUIRE(model->luminaires.luminaires.size() == 3);
    REQUIRE(model->luminaires.notes.size() == 1);
    CHECK(model->luminaires.notes[0].find("VN-4") != std::string::npos);
    REQUIRE(model->planned == std::vector<std::size_t>{1});

    // The generic distribution lights evenly below: E = I0 / h² within 1.43 h.
    const double i0 = model->luminaires.luminaires[0].photometry().intensity(0.0, 0.0);
    const double expected = 0.8 * i0 / 25.0;
    const LuminaireIndex before = lightingIndex(*model, false);
    auto without = runLightingScenario(*model, before, false, project, Progress::none());
    REQUIRE(without);
    CHECK(without->lux.horizontal[20] == Approx(expected).epsilon(1e-4)); // x = 20.5
    CHECK(without->lux.horizontal[80] == 0.0F); // the planned lamp is off
    // Sample by sample through the index gives the very same values as the blocks.
    SampleLux again = without->lux;
    std::ranges::fill(again.horizontal, -1.0F);
    std::ranges::fill(again.vertical, -1.0F);
    CHECK(refreshSampleLux(again, model->samples, Box{{-1.0, -1.0}, {101.0, 1.0}}, before,
                           0.8) == 100);
    CHECK(again.horizontal == without->lux.horizontal);
    CHECK(again.vertical == without->lux.vertical);
    // Walking east at x = 20.5 the only lamp (x = 20) is behind the face: the worse way is dark.
    CHECK(without->lux.vertical[20] == 0.0F);
    CHECK(before.verticalIlluminance(model->samples.position[20], 270.0, 0.8) > 0.0);
    CHECK(without->lux.horizontal[50] == 0.0F); // the broken lamp is off
    REQUIRE(without->observations.size() == 1);
    CHECK(without->observations[0].lux == 0.0);
    REQUIRE(without->observations[0].gap);
    CHECK(without->observations[0].gapDistance == Approx(2.0));
    CHECK_FALSE(without->observations[0].lit(model->network.table));

    const LuminaireIndex after = lightingIndex(*model, true);
    auto with = runLightingScenario(*model, after, true, project, Progress::none());
    REQUIRE(with);
    CHECK(with->lux.horizontal[80] == Approx(expected).epsilon(1e-4));
    CHECK(with->observations[0].lux == Approx(expected).epsilon(1e-3)); // 2 m off: tabulated
    const LightingComparison c = compareScenarios(*model, *without, *with);
    CHECK(c.observationsNowLit == 1);
    CHECK(c.underLitAfter <= c.underLitBefore);
    CHECK(c.darkAfter < c.darkBefore);
    // Both lamps light the same stretch around them (the generic light is round): the lit
    // metres double.
    CHECK(100.0 - c.darkAfter == Approx(2.0 * (100.0 - c.darkBefore)).margin(1.0));
    CHECK(c.gapsBefore == 2);
    CHECK(c.gapsAfter == 3);
}

TEST_CASE("Profiles by name or path, and lamps facing the nearest path", "[lighting]") {
    Project project = pathProject();
    const LayerDef& def = project.layer("belysning")->definition();
    test::TempDir dir;
    std::filesystem::copy_file(kProfiles / "generisk_park.ldt", dir / "egen.ldt");
    Layer& lamps = *project.layer("belysning");
    lamps.add(lamp(def, 1, {30.0, 6.0}, "fungerar", 8.0, "generisk_gata"));
    lamps.add(lamp(def, 2, {60.0, -4.0}, "fungerar", 4.0, "egen.ldt", 45.0));
    lamps.add(lamp(def, 3, {90.0, 0.0}, "fungerar", 4.0, "[Exempel] LED-armatur"));
    lamps.add(lamp(def, 4, {10.0, 0.0}, "fungerar", 4.0, "saknas.ies"));
    LuminaireOptions options;
    options.projectFile = dir / "projekt.gpkg";
    options.profileFolders = {kProfiles};
    auto network = buildPathNetwork(project, table());
    REQUIRE(network);
    const ProjectLuminaires found = projectLuminaires(project, *network, options);
    REQUIRE(found.luminaires.size() == 4);
    CHECK(found.luminaires[0].photometry().info().source == "generisk_gata.ldt");
    CHECK(found.luminaires[0].photometry().info().lampFlux == Approx(3000.0));
    CHECK(found.luminaires[0].spec().azimuth == Approx(180.0)); // faces the path to the south
    CHECK(found.luminaires[1].photometry().info().source == "egen.ldt");
    CHECK(found.luminaires[1].spec().azimuth == Approx(45.0));
    CHECK(found.luminaires[2].photometry().info().source == "generic");
    CHECK(found.luminaires[2].spec().azimuth == Approx(0.0)); // on the line: C0 along it
    CHECK(found.luminaires[3].photometry().info().source == "generic");
    REQUIRE(found.notes.size() == 1);
    CHECK(found.notes[0].find("saknas.ies") != std::string::npos);
}

TEST_CASE("A project without lamps is all dark, without a crash", "[lighting]") {
    const Project project = pathProject();
    auto model = buildLightingModel(project, table(), LuminaireOptions{});
    REQUIRE(model);
    const LuminaireIndex index = lightingIndex(*model, true);
    auto scenario = runLightingScenario(*model, index, true, project, Progress::none());
    REQUIRE(scenario);
    CHECK(scenario->metres == Approx(100.0));
    CHECK(scenario->underLitMetres == Approx(100.0));
    REQUIRE(scenario->paths.gaps.size() == 1);
    CHECK(scenario->paths.gaps[0].length() == Approx(100.0));
    CHECK(scenario->paths.gaps[0].worstLux == 0.0);
    REQUIRE(scenario->classes.size() == 1);
    CHECK(scenario->classes[0].worstMinimum == 0.0);
}

TEST_CASE("subLine cuts a polyline between two distances", "[lighting]") {
    const LineString line{{0.0, 0.0}, {10.0, 0.0}, {10.0, 10.0}};
    const LineString piece = subLine(line, 5.0, 15.0);
    REQUIRE(piece.size() == 3);
    CHECK(piece[0].x() == Approx(5.0));
    CHECK(piece[1].x() == Approx(10.0));
    CHECK(piece[2].y() == Approx(5.0));
}

} // namespace trygg

namespace trygg {

TEST_CASE("An observation takes the class of the path beside it, else the fallback class",
          "[lighting]") {
    Project project = pathProject();
    const LayerDef& obsDef = project.layer("observationer")->definition();
    for (const Point& at : {Point{10.0, 3.0}, Point{60.0, 29.0}, Point{10.0, 100.0}}) {
        project.layer("observationer")->add(test::lightingObservation(obsDef, at.x(), at.y()));
    }
    auto model = buildLightingModel(
        project, table(R"(, "core": {"epsg": 3006, "areas": [[[-5, -5], [20, -5], [20, 5],
            [-5, 5]]]})"),
        LuminaireOptions{});
    REQUIRE(model);
    const LuminaireIndex index = lightingIndex(*model, false);
    auto scenario = runLightingScenario(*model, index, false, project, Progress::none());
    REQUIRE(scenario);
    REQUIRE(scenario->observations.size() == 3);
    const auto& classes = model->network.table.classes;
    CHECK(classes[scenario->observations[0].classIndex].name == "P3"); // 3 m from the core
    CHECK(classes[scenario->observations[1].classIndex].name == "P4"); // 29 m from the path
    CHECK(classes[scenario->observations[2].classIndex].name == "P4"); // fallback, 100 m off
    CHECK(model->sampleTree.nearest({10.0, 100.0}, 30.0) == std::nullopt);
    CHECK(model->sampleTree.nearest({10.2, 3.0}, 30.0) == std::optional<std::size_t>(10));
}

} // namespace trygg
