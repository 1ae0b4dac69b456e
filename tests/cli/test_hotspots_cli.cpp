// tryggkarta-cli hotspots: hexagon cells with Gi* written as a GeoPackage (read back with GDAL)
// and stored in the project; on a small project with hand-worked numbers and on the sample.

#include "test_support.h"
#include "tryggkarta/analysis/hexagon_stats.h"
#include "tryggkarta/core/hex_grid.h"
#include "tryggkarta/io/project_store.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <gdal_priv.h>
#include <map>
#include <ogrsf_frmts.h>

using trygg::test::q;
using trygg::test::TempDir;

namespace trygg {
namespace {

/// Two neighbouring 100 m cells near Vännäs centrum: (q, r) and (q + 1, r).
constexpr HexCoord kCell{-33639, 81938}; // centred on (733000, 7096037)

test::CliRun hotspots(const TempDir& dir, const std::string& arguments) {
    return test::runCli(TRYGG_CLI, dir, "hotspots " + arguments);
}

/// 4 observations in kCell, 2 in the cell east of it, 1 in the cell north-east of it (one of
/// them about something else than lighting, safe, in kCell): the ten-cell example of
/// test_hexagons.cpp moved to SWEREF 99 TM.
Project smallProject() {
    const LayerCatalog& catalog = test::sourceCatalog();
    Project project;
    for (const LayerDef& def : catalog.layers) {
        project.layers.emplace_back(def);
    }
    const HexGrid grid(100.0);
    const LayerDef& def = *catalog.find("observationer");
    Layer& observations = *project.layer("observationer");
    auto add = [&](HexCoord cell, int count) {
        for (int i = 0; i < count; ++i) {
            const Point at = grid.centre(cell);
            observations.add(test::lightingObservation(def, at.x() + i, at.y()));
        }
    };
    add(kCell, 4);
    add(HexCoord{kCell.q + 1, kCell.r}, 2);
    add(HexCoord{kCell.q, kCell.r + 1}, 1);
    Feature safe = *observations.find(FeatureId{1});
    safe.values[*def.fieldIndex("polaritet")] = std::string("trygg");
    observations.replace(safe);
    return project;
}

/// "--extent" around the two cells, as in the library test.
std::string extentArgument() {
    const HexGrid grid(100.0);
    const Point west = grid.centre(kCell);
    const Point east = grid.centre(HexCoord{kCell.q + 1, kCell.r});
    return "--extent " + std::to_string(west.x() - 10.0) + "," + std::to_string(west.y() - 10.0) +
           "," + std::to_string(east.x() + 10.0) + "," + std::to_string(east.y() + 10.0);
}

GDALDatasetUniquePtr openRead(const std::filesystem::path& path) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    return ds;
}

/// One written cell: its fields by name and its centroid.
struct WrittenCell {
    std::int64_t antal = 0;
    std::int64_t otrygga = 0;
    int klass = 0;
    double z = 0.0;
    double p = 0.0;
    bool hasShare = false;
    double andel = 0.0;
    Point centroid;
};

std::vector<WrittenCell> readCells(const std::filesystem::path& path) {
    auto ds = openRead(path);
    OGRLayer* layer = ds->GetLayerByName("hotspot_celler");
    REQUIRE(layer != nullptr);
    std::vector<WrittenCell> cells;
    for (auto& feature : *layer) {
        WrittenCell cell;
        cell.antal = feature->GetFieldAsInteger64("antal");
        cell.otrygga = feature->GetFieldAsInteger64("otrygga");
        cell.klass = feature->GetFieldAsInteger("klass");
        cell.z = feature->GetFieldAsDouble("z");
        cell.p = feature->GetFieldAsDouble("p");
        cell.hasShare = feature->IsFieldSetAndNotNull(feature->GetFieldIndex("andel"));
        cell.andel = feature->GetFieldAsDouble("andel");
        OGRPoint centroid;
        REQUIRE(feature->GetGeometryRef() != nullptr);
        REQUIRE(feature->GetGeometryRef()->Centroid(&centroid) == OGRERR_NONE);
        cell.centroid = Point{centroid.getX(), centroid.getY()};
        cells.push_back(cell);
    }
    return cells;
}

const WrittenCell& cellAt(const std::vector<WrittenCell>& cells, HexCoord coord) {
    const Point centre = HexGrid(100.0).centre(coord);
    for (const WrittenCell& cell : cells) {
        if (bg::distance(cell.centroid, centre) < 0.01) {
            return cell;
        }
    }
    FAIL("no cell at " << coord.q << "," << coord.r);
    return cells.front();
}

} // namespace

TEST_CASE("hotspots: cells with Gi* in a GeoPackage, corrected and not", "[hotspots]") {
    TempDir dir;
    const auto project = dir / "small.gpkg";
    REQUIRE(saveProjectAs(project, smallProject()));
    const auto output = dir / "cells.gpkg";

    auto run = hotspots(dir, q(project) + " " + extentArgument() + " --output " + q(output));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.find("10 cells, 7 observations counted\n") != std::string::npos);
    CHECK(run.out.find("hot 99 %: 0, 95 %: 0, 90 %: 0\n") != std::string::npos);
    CHECK(run.out.find("not significant: 10 (false-discovery-rate corrected)") !=
          std::string::npos);
    std::vector<WrittenCell> cells = readCells(output);
    REQUIRE(cells.size() == 10);
    const WrittenCell& centre = cellAt(cells, kCell);
    CHECK(centre.antal == 4);
    CHECK(centre.otrygga == 3);
    CHECK(centre.andel == 75.0);
    // The numbers of the hand-worked example (test_hexagons.cpp), z to 0.01 in the layer.
    CHECK(centre.z == Approx(std::round(100.0 * 2.1 / std::sqrt(1.61 * 21.0 / 9.0)) / 100.0));
    const WrittenCell& north = cellAt(cells, HexCoord{kCell.q, kCell.r + 1});
    CHECK(north.z == 1.66); // 2.1 / √1.61 = 1.655
    CHECK(north.p == Approx(0.09791803677556113));
    CHECK(north.klass == 0);
    CHECK_FALSE(cellAt(cells, HexCoord{kCell.q + 2, kCell.r}).hasShare);

    // Without the correction (0,1)'s p of 0.098 is a 90 % hot spot; replacing needs --overwrite.
    run = hotspots(dir, q(project) + " " + extentArgument() + " --no-fdr --output " + q(output));
    CHECK(run.exitCode != 0);
    CHECK(run.err.find("cells.gpkg") != std::string::npos);
    run = hotspots(dir, q(project) + " " + extentArgument() + " --no-fdr --overwrite --output " +
                            q(output));
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.find("hot 99 %: 0, 95 %: 0, 90 %: 1\n") != std::string::npos);
    cells = readCells(output);
    CHECK(cellAt(cells, HexCoord{kCell.q, kCell.r + 1}).klass == 1);
}

TEST_CASE("hotspots: unsafe observations only, stored in the project", "[hotspots]") {
    TempDir dir;
    const auto project = dir / "small.gpkg";
    REQUIRE(saveProjectAs(project, smallProject()));
    auto run = hotspots(dir, q(project) + " " + extentArgument() +
                                 " --where 'polaritet = otrygg' --value otrygga --save");
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.find("10 cells, 6 observations counted\n") != std::string::npos);
    CHECK(run.out.find("selection: Upplevelse = Otrygg") != std::string::npos);
    CHECK(run.out.find("Stored 10 cells in") != std::string::npos);
    auto reopened = openProject(project, test::sourceCatalog());
    REQUIRE(reopened);
    const Layer& stored = *reopened->layer("hotspot_celler");
    REQUIRE(stored.size() == 10);
    const LayerDef& def = stored.definition();
    std::int64_t total = 0;
    for (const Feature& f : stored.features()) {
        total += std::get<std::int64_t>(f.values[*def.fieldIndex("antal")]);
        CHECK(std::get<std::string>(f.values[*def.fieldIndex("varde")]) == "otrygga");
    }
    CHECK(total == 6);
}

TEST_CASE("hotspots: errors name the file, option or word", "[hotspots]") {
    TempDir dir;
    const auto project = dir / "small.gpkg";
    REQUIRE(saveProjectAs(project, smallProject()));
    auto run =
        hotspots(dir, q(project) + " --where 'kategori = gatlyktor' --output " + q(dir / "x.gpkg"));
    CHECK(run.exitCode != 0);
    CHECK(run.err.find("small.gpkg") != std::string::npos);
    CHECK(run.err.find("gatlyktor") != std::string::npos);
    run = hotspots(dir, q(project) + " --where 'kategori = parkering'");
    CHECK(run.exitCode != 0);
    CHECK(run.err.find("observationer: kategori = parkering") != std::string::npos);
    run = hotspots(dir, q(project) + " --band 20");
    CHECK(run.exitCode != 0);
    CHECK(run.err.find("distance band") != std::string::npos);
    run = hotspots(dir, q(project) + " --value alla");
    CHECK(run.exitCode != 0);
    CHECK_FALSE(std::filesystem::exists(dir / "x.gpkg"));
}

TEST_CASE("hotspots on the sample project", "[hotspots]") {
    TempDir dir;
    const auto output = dir / "cells.gpkg";
    auto run = hotspots(dir, q(TRYGG_SAMPLE_PROJECT) + " --cell-size 100 --output " + q(output));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);

    // The same as the library computes from the project.
    auto project = openProject(TRYGG_SAMPLE_PROJECT, test::sourceCatalog());
    REQUIRE(project);
    auto stats =
        hexagonStatistics(*project->layer("observationer"), HexagonOptions{}, Progress::none());
    REQUIRE(stats);
    const std::vector<WrittenCell> cells = readCells(output);
    REQUIRE(cells.size() == stats->cells.size());
    std::int64_t total = 0;
    std::map<int, std::size_t> perClass;
    for (const WrittenCell& cell : cells) {
        total += cell.antal;
        ++perClass[cell.klass];
    }
    CHECK(total == static_cast<std::int64_t>(stats->observations));
    const auto bins = stats->binCounts();
    for (int bin = -3; bin <= 3; ++bin) {
        INFO("bin " << bin);
        CHECK(perClass[bin] == bins[static_cast<std::size_t>(bin + 3)]);
    }
    CHECK(run.out.find(std::to_string(stats->cells.size()) + " cells, " +
                       std::to_string(stats->observations) + " observations counted") !=
          std::string::npos);
    // The sample's observations cluster around Resecentrum and Storgatan (seen on the map).
    CHECK(run.out.find("311 cells, 330 observations counted\n") != std::string::npos);
    CHECK(run.out.find("hot 99 %: 19, 95 %: 6, 90 %: 5\n") != std::string::npos);
    CHECK(run.out.find("cold 99 %: 0, 95 %: 0, 90 %: 0\n") != std::string::npos);
    // QGIS reads the classes with their colours: the export writes the layer's style.
    auto ds = openRead(output);
    CHECK(ds->GetLayerByName("layer_styles") != nullptr);
}

} // namespace trygg
