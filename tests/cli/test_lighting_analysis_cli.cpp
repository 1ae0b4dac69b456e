// tryggkarta-cli lighting: the same numbers as the library, result layers in the project,
// the lux raster as GeoTIFF.
#include "test_support.h"
#include "tryggkarta/analysis/lighting_analysis.h"
#include "tryggkarta/io/project_store.h"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <nlohmann/json.hpp>

#include <cmath>

using trygg::test::q;
using trygg::test::TempDir;

namespace trygg {
namespace {

constexpr double kWest = 733000.0;
constexpr double kNorth = 7096000.0;

Feature withValues(const LayerDef& def, Geometry geometry) {
    Feature f;
    f.geometry = std::move(geometry);
    f.values.resize(def.fields.size());
    return f;
}

Feature lampAt(const LayerDef& def, double x, const char* status) {
    Feature f = withValues(def, Point{kWest + x, kNorth});
    f.values[*def.fieldIndex("status")] = std::string(status);
    f.values[*def.fieldIndex("hojd_m")] = 5.0;
    f.values[*def.fieldIndex("ljusflode")] = 3000.0;
    return f;
}

/// A 100 m footpath going east, a working lamp 20 m along it, a planned one 80 m along, and
/// an observation about lighting beside the planned one.
Project smallProject() {
    const LayerCatalog& catalog = test::sourceCatalog();
    Project project;
    for (const LayerDef& def : catalog.layers) {
        project.layers.emplace_back(def);
    }
    const LayerDef& paths = *catalog.find("bas_gangvag");
    project.layer("bas_gangvag")
        ->add(withValues(paths, LineString{{kWest, kNorth}, {kWest + 100.0, kNorth}}));
    const LayerDef& lamps = *catalog.find("belysning");
    project.layer("belysning")->add(lampAt(lamps, 20.0, "fungerar"));
    project.layer("belysning")->add(lampAt(lamps, 80.0, "planerad"));
    project.layer("observationer")
        ->add(test::lightingObservation(*catalog.find("observationer"), kWest + 80.0, kNorth + 2.0));
    return project;
}

double round2(double value) { return std::round(value * 100.0) / 100.0; }

} // namespace

TEST_CASE("lighting: JSON summary equal to the library's, result layers and lux raster") {
    TempDir dir;
    const auto path = dir / "liten.gpkg";
    REQUIRE(saveProjectAs(path, smallProject()));
    const auto tif = dir / "lux.tif";
    const test::CliRun run = test::runCli(
        TRYGG_CLI, dir,
        "lighting " + q(path) + " --with-planned --json --raster " + q(tif) +
            " --cell 0.5 --extent 733000,7095990,733100,7096010");
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    const auto summary = nlohmann::json::parse(run.out);

    // The library on the same project, with the same table and profile folder.
    auto project = openProject(path, test::sourceCatalog());
    REQUIRE(project);
    const auto data = std::filesystem::path(TRYGG_SOURCE_LAYERS_DIR) / "photometry";
    auto table = readLightingClassTable(data / "belysningsklasser.json");
    REQUIRE(table);
    LuminaireOptions lamps;
    lamps.projectFile = path;
    lamps.profileFolders = {data};
    auto expected =
        runLightingAnalysis(*project, std::move(*table), lamps, {}, true, Progress::none());
    REQUIRE(expected);

    const auto& current = summary["current"];
    REQUIRE(current["classes"].size() == 1);
    CHECK(current["classes"][0]["class"] == "P4");
    CHECK(current["classes"][0]["metres"].get<double>() == Approx(100.0));
    CHECK(current["under_lit_metres"].get<double>() ==
          round2(expected->current.underLitMetres));
    CHECK(current["dark_metres"].get<double>() == round2(expected->current.darkMetres));
    CHECK(current["dark_gaps"] == expected->current.paths.gaps.size());
    CHECK(summary["luminaires"]["planned"] == 1);
    const auto& comparison = summary["comparison"];
    CHECK(comparison["observations_now_lit"] == 1);
    CHECK(comparison["dark_gaps_before"] == 2);
    CHECK(comparison["dark_gaps_after"] == 3);

    // The result layers hold the scenario with the planned lamps.
    CHECK(project->layer("ljus_strackor")->size() == expected->planned->paths.segments.size());
    CHECK(project->layer("ljus_morka")->size() == 3);
    const Layer& observations = *project->layer("ljus_observationer");
    REQUIRE(observations.size() == 1);
    const LayerDef& def = observations.definition();
    CHECK(std::get<std::string>(observations.features()[0].values[*def.fieldIndex("upplyst")]) ==
          "ja");

    // The raster: 200 × 40 cells of 0.5 m; the cell beside the working lamp has E = I0/h².
    GDALAllRegister();
    auto* dataset = static_cast<GDALDataset*>(GDALOpen(tif.c_str(), GA_ReadOnly));
    REQUIRE(dataset);
    CHECK(dataset->GetRasterXSize() == 200);
    CHECK(dataset->GetRasterYSize() == 40);
    float value = 0.0F;
    // Column 40 is centred at x = 20.25 m, row 19 at y = +0.25 m: within the even disc.
    REQUIRE(dataset->GetRasterBand(1)->RasterIO(GF_Read, 40, 19, 1, 1, &value, 1, 1, GDT_Float32,
                                                0, 0, nullptr) == CE_None);
    const double i0 = expected->model.luminaires.luminaires[0].photometry().intensity(0.0, 0.0);
    CHECK(value == Approx(0.8 * i0 / 25.0).epsilon(1e-4));
    GDALClose(dataset);
}

TEST_CASE("lighting: a missing class table is named, the project is left as it was") {
    TempDir dir;
    const auto path = dir / "liten.gpkg";
    REQUIRE(saveProjectAs(path, smallProject()));
    const auto before = test::readAll(path);
    const test::CliRun run =
        test::runCli(TRYGG_CLI, dir, "lighting " + q(path) + " --class-table " +
                                         q(dir / "saknas.json"));
    CHECK(run.exitCode == 1);
    CHECK(run.err.find("saknas.json") != std::string::npos);
    CHECK(test::readAll(path) == before);
    const test::CliRun badExtent =
        test::runCli(TRYGG_CLI, dir, "lighting " + q(path) + " --raster x.tif --extent 1,2,3");
    CHECK(badExtent.exitCode != 0);
    CHECK(badExtent.err.find("--extent") != std::string::npos);
}

} // namespace trygg
