#include "test_support.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <regex>

using trygg::test::q;
using trygg::test::TempDir;

namespace {

trygg::test::CliRun cli(const TempDir& dir, const std::string& arguments) {
    return trygg::test::runCli(TRYGG_CLI, dir, arguments);
}

/// A GeoJSON file in EPSG:3006 with one line and the given properties.
std::filesystem::path lineFile(const TempDir& dir, const std::string& name,
                               const std::string& coordinates, const std::string& properties) {
    return dir.write(name, R"({"type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}},
        "features": [{"type": "Feature", "properties": )" +
                               properties + R"(,
            "geometry": {"type": "LineString", "coordinates": )" +
                               coordinates + "}}]}");
}

struct Lamp {
    std::string pole;
    std::string status;
    double x = 0.0;
    double y = 0.0;
};

/// The belysning features as GDAL (and so QGIS) reads them.
std::vector<Lamp> lampsIn(const std::filesystem::path& project) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("belysning");
    REQUIRE(layer != nullptr);
    std::vector<Lamp> lamps;
    for (const auto& feature : *layer) {
        const auto* point = feature->GetGeometryRef()->toPoint();
        lamps.push_back(Lamp{feature->GetFieldAsString("stolpnr"),
                             feature->GetFieldAsString("status"), point->getX(), point->getY()});
    }
    return lamps;
}

} // namespace

TEST_CASE("generate-lighting replaces belysning with lamps along the street and the path") {
    TempDir dir;
    const auto project = dir / "p.gpkg";
    REQUIRE(cli(dir, "new " + q(project)).exitCode == 0);
    // A 300 m street running east and a 200 m path running north, 50 m beyond its end.
    const auto street = lineFile(dir, "gata.geojson", "[[733000, 7096000], [733300, 7096000]]",
                                 R"({"namn": "Storgatan", "klass": "lokalgata"})");
    const auto path = lineFile(dir, "gangvag.geojson", "[[733350, 7096000], [733350, 7096200]]",
                               R"({"namn": "Stigen", "typ": "gang_cykel"})");
    const auto old = dir.write("belysning.csv", "x,y,stolpnr,status\n"
                                                "733100,7096010,GAMMAL-1,fungerar\n"
                                                "733200,7096010,GAMMAL-2,trasig\n");
    for (const auto& [layer, file] : {std::pair{"bas_gata", street}, std::pair{"bas_gangvag", path},
                                      std::pair{"belysning", old}}) {
        INFO(layer);
        REQUIRE(cli(dir, std::string("import ") + q(project) + " --layer " + layer +
                             " --src-crs EPSG:3006 --strict " + q(file))
                    .exitCode == 0);
    }
    const std::string before = trygg::test::readAll(project);

    trygg::test::CliRun refused = cli(dir, "generate-lighting " + q(project));
    CHECK(refused.exitCode == 1);
    CHECK(refused.err ==
          "tryggkarta-cli: " + project.string() +
              ": belysning already holds 2 luminaires (use --replace to replace them)\n");
    CHECK(trygg::test::readAll(project) == before);

    trygg::test::CliRun placed =
        cli(dir, "generate-lighting " + q(project) + " --replace --seed 5");
    INFO(placed.err);
    REQUIRE(placed.exitCode == 0);
    std::smatch match;
    REQUIRE(std::regex_search(placed.out, match, std::regex("^Placed (\\d+) luminaires along 2 ")));
    const auto lamps = lampsIn(project);
    CHECK(static_cast<std::size_t>(std::stoul(match[1])) == lamps.size());
    // The street: one side, 30–40 m apart; the path: 25–30 m apart, or a dark gap of 80 m or more.
    CHECK(lamps.size() >= 10);
    CHECK(lamps.size() <= 20);
    std::size_t onStreet = 0;
    for (const Lamp& lamp : lamps) {
        INFO(lamp.pole);
        CHECK(lamp.pole.starts_with("VN-")); // the old GAMMAL-1 and -2 are gone
        const bool byStreet =
            lamp.x >= 733000.0 && lamp.x <= 733300.0 && std::abs(lamp.y - 7096000.0) <= 5.0;
        const bool onPath =
            std::abs(lamp.x - 733350.0) <= 0.01 && lamp.y >= 7096000.0 && lamp.y <= 7096200.0;
        CHECK((byStreet || onPath));
        onStreet += byStreet ? 1 : 0;
    }
    CHECK(onStreet >= 7);
    CHECK(onStreet <= 11);

    trygg::test::CliRun again = cli(dir, "generate-lighting " + q(project) + " --replace --seed 5");
    CHECK(again.exitCode == 0);
    CHECK(again.out == placed.out);
    CHECK(lampsIn(project).size() == lamps.size());
}

TEST_CASE("generate-lighting needs a base map") {
    TempDir dir;
    const auto project = dir / "p.gpkg";
    REQUIRE(cli(dir, "new " + q(project)).exitCode == 0);
    trygg::test::CliRun empty = cli(dir, "generate-lighting " + q(project));
    CHECK(empty.exitCode == 1);
    CHECK(empty.err.find("no streets or paths to light") != std::string::npos);
    CHECK(cli(dir, "generate-lighting --help").out.find("--replace") != std::string::npos);
}
