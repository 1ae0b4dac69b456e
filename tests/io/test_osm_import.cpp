#include <catch2/catch.hpp>

#include "test_support.h"
#include "tryggkarta/io/crs_transform.h"
#include "tryggkarta/io/osm_import.h"
#include "tryggkarta/io/project_store.h"

#include <algorithm>

using namespace trygg;
using trygg::test::TempDir;

namespace {

const LayerCatalog& catalog() { return trygg::test::sourceCatalog(); }

const std::filesystem::path kMiniOsm = std::filesystem::path(TRYGG_TEST_DATA_DIR) / "osm/vannas-mini.osm";

struct Fixture {
    TempDir dir;
    std::filesystem::path project = dir / "p.gpkg";
    Fixture() { REQUIRE(createProject(project, Crs::fromEpsg(3006), catalog())); }

    Project open() {
        auto opened = openProject(project, catalog());
        REQUIRE(opened);
        return std::move(*opened);
    }
};

std::string textOf(const Layer& layer, const Feature& f, const char* field) {
    return toDisplayString(f.values[*layer.definition().fieldIndex(field)]);
}

std::vector<std::string> textsOf(const Layer& layer, const char* field) {
    std::vector<std::string> texts;
    for (const auto& f : layer.features()) {
        texts.push_back(textOf(layer, f, field));
    }
    std::ranges::sort(texts);
    return texts;
}

} // namespace

TEST_CASE("an OpenStreetMap extract fills the base map and the lighting inventory") {
    Fixture fx;
    auto report = importOsm(fx.project, catalog(), kMiniOsm);
    REQUIRE(report);
    CHECK(report->source == "vannas-mini.osm");
    CHECK(report->imported.at("bas_gata") == 2);
    CHECK(report->imported.at("bas_gangvag") == 1);
    CHECK(report->imported.at("bas_byggnad") == 1);
    CHECK(report->imported.at("bas_ytor") == 1);
    CHECK(report->imported.at("bas_jarnvag") == 1);
    CHECK(report->imported.at("bas_ortnamn") == 1);
    CHECK(report->imported.at("bas_vatten") == 0);
    CHECK(report->imported.at("belysning") == 1);
    CHECK(report->rejected == 0);
    CHECK(report->ignored == 2); // the fence and the bench

    Project project = fx.open();
    const Layer& streets = *project.layer("bas_gata");
    REQUIRE(streets.size() == 2);
    CHECK(textsOf(streets, "namn") == std::vector<std::string>{"Umevägen", "Östra Järnvägsgatan"});
    CHECK(textsOf(streets, "klass") == std::vector<std::string>{"huvudgata", "lokalgata"});

    const Layer& paths = *project.layer("bas_gangvag");
    REQUIRE(paths.size() == 1);
    CHECK(textOf(paths, paths.features()[0], "typ") == "tunnel");
    CHECK(textOf(paths, paths.features()[0], "namn") == "Gröna stråket");
    CHECK(std::get<LineString>(*paths.features()[0].geometry).size() == 3);

    const Layer& buildings = *project.layer("bas_byggnad");
    REQUIRE(buildings.size() == 1);
    CHECK(textOf(buildings, buildings.features()[0], "typ") == "station");
    CHECK(std::holds_alternative<Polygon>(*buildings.features()[0].geometry));
    CHECK(textsOf(*project.layer("bas_ytor"), "typ") == std::vector<std::string>{"park"});
    CHECK(textsOf(*project.layer("bas_jarnvag"), "typ") == std::vector<std::string>{"huvudspar"});
    CHECK(textsOf(*project.layer("bas_ortnamn"), "namn") == std::vector<std::string>{"Vännäs"});

    const Layer& lights = *project.layer("belysning");
    REQUIRE(lights.size() == 1);
    const Feature& lamp = lights.features()[0];
    CHECK(textOf(lights, lamp, "status") == "fungerar");
    CHECK(textOf(lights, lamp, "stolpnr") == "VÄ-0042");
    const auto& at = std::get<Point>(*lamp.geometry);
    auto transform = CoordinateTransform::create(Crs::fromEpsg(4326), Crs::fromEpsg(3006));
    REQUIRE(transform);
    auto expected = transform->apply(Point{19.75480, 63.91352});
    REQUIRE(expected);
    CHECK(at.x() == Approx(expected->x()).margin(2.0));
    CHECK(at.y() == Approx(expected->y()).margin(2.0));
    // The same point by gdaltransform, so a wrong axis order in both would still show.
    CHECK(at.x() == Approx(733121.8).margin(2.0));
    CHECK(at.y() == Approx(7096072.1).margin(2.0));
}

TEST_CASE("replacing the base map empties bas_* but keeps the lighting inventory") {
    Fixture fx;
    REQUIRE(importOsm(fx.project, catalog(), kMiniOsm));
    REQUIRE(importOsm(fx.project, catalog(), kMiniOsm));
    CHECK(fx.open().layer("bas_gata")->size() == 4);

    OsmImportOptions options;
    options.replaceBaseMap = true;
    auto report = importOsm(fx.project, catalog(), kMiniOsm, options);
    REQUIRE(report);
    CHECK(report->removed == 14); // 2 × (2 streets, path, building, park, railway, place name)
    Project project = fx.open();
    CHECK(project.layer("bas_gata")->size() == 2);
    CHECK(project.layer("bas_byggnad")->size() == 1);
    CHECK(project.layer("belysning")->size() == 3);
}

TEST_CASE("a file that is not OpenStreetMap is refused and the project is unchanged") {
    Fixture fx;
    const std::string before = trygg::test::readAll(fx.project);
    auto text = fx.dir.write("lampor.txt", "stolpe 1 vid stationen\nstolpe 2\n");
    auto geojson = fx.dir.write(
        "lampor.geojson",
        R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
            "geometry": {"type": "Point", "coordinates": [19.7548, 63.9135]}}]})");
    for (const auto& source : {text, geojson}) {
        INFO(source.filename());
        auto refused = importOsm(fx.project, catalog(), source);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::InvalidFormat);
        CHECK(refused.error().message.find("not an OpenStreetMap file") != std::string::npos);
        CHECK(refused.error().where == source.string());
        CHECK(trygg::test::readAll(fx.project) == before);
    }
    auto missing = importOsm(fx.project, catalog(), fx.dir / "saknas.osm.pbf");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::OpenFailed);
    CHECK(trygg::test::readAll(fx.project) == before);
}
