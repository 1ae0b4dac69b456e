#include <catch2/catch.hpp>

#include "test_support.h"

#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <sys/wait.h>

using trygg::test::q;
using trygg::test::TempDir;

namespace {

trygg::test::CliRun cli(const trygg::test::TempDir& dir, const std::string& arguments) {
    return trygg::test::runCli(TRYGG_CLI, dir, arguments);
}

} // namespace

TEST_CASE("help, version and usage errors") {
    TempDir dir;
    for (const char* command : {"new", "info", "import", "generate"}) {
        INFO(command);
        trygg::test::CliRun help = cli(dir, std::string(command) + " --help");
        CHECK(help.exitCode == 0);
        CHECK(help.out.find("Usage") != std::string::npos);
    }
    CHECK(cli(dir, "").exitCode == 2);
    CHECK(cli(dir, "info").exitCode == 2);                     // project missing
    CHECK(cli(dir, "import p.gpkg x.csv").exitCode == 2);      // --layer missing
    CHECK(cli(dir, "new p.gpkg --crs EPSG:999999").exitCode == 2);
    trygg::test::CliRun version = cli(dir, "--version");
    CHECK(version.exitCode == 0);
    CHECK(version.out.starts_with("tryggkarta-cli 0."));
}

TEST_CASE("new, import a CSV and a shapefile with å/ä/ö, then info --json") {
    TempDir dir;
    auto project = dir / "p.gpkg";
    trygg::test::CliRun created = cli(dir, "new " + q(project));
    REQUIRE(created.exitCode == 0);
    CHECK(created.out.find("SWEREF 99 TM (EPSG:3006)") != std::string::npos);

    trygg::test::CliRun again = cli(dir, "new " + q(project));
    CHECK(again.exitCode == 1);
    CHECK(again.err == "tryggkarta-cli: " + project.string() + ": file already exists; choose another name\n");

    auto csv = dir.write("dialog.csv", "lat,lon,kategori,polaritet,kalla\n"
                                       "63.9135,19.7545,belysning,otrygg,medborgardialog\n"
                                       "63.9140,19.7560,Gömställen,Otrygg,polis\n"
                                       "63.9150,19.7570,okänd,otrygg,polis\n");
    trygg::test::CliRun imported = cli(dir, "import " + q(project) + " --layer observationer " + q(csv));
    CHECK(imported.exitCode == 0);
    CHECK(imported.out == "Imported 2 of 3 rows from dialog.csv into observationer (1 rejected, listed above)\n");
    CHECK(imported.err.find("dialog.csv: row 3, field 'kategori': unknown value 'okänd'") != std::string::npos);

    {
        auto* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
        GDALDatasetUniquePtr ds(driver->Create((dir / "atgarder.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRSpatialReference srs;
        srs.importFromEPSG(3006);
        const char* options[] = {"ENCODING=UTF-8", nullptr};
        OGRLayer* layer = ds->CreateLayer("atgarder", &srs, wkbPolygon, const_cast<char**>(options));
        for (const char* name : {"titel", "typ", "status", "ansvarig"}) {
            OGRFieldDefn defn(name, OFTString);
            layer->CreateField(&defn);
        }
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("titel", "Röj buskar vid Järnvägsparken");
        f->SetField("typ", "beskarning");
        f->SetField("status", "Beslutad");
        f->SetField("ansvarig", "kommun");
        OGRGeometry* g = nullptr;
        OGRGeometryFactory::createFromWkt(
            "POLYGON ((733000 7096000,733050 7096000,733050 7096050,733000 7096050,733000 7096000))",
            nullptr, &g);
        f->SetGeometryDirectly(g);
        REQUIRE(layer->CreateFeature(f.get()) == OGRERR_NONE);
    }
    trygg::test::CliRun shp = cli(dir, "import " + q(project) + " --layer atgarder " + q(dir / "atgarder.shp") + " --strict");
    CHECK(shp.exitCode == 0);
    CHECK(shp.out == "Imported 1 of 1 rows from atgarder.shp into atgarder\n");

    trygg::test::CliRun info = cli(dir, "info --json " + q(project));
    REQUIRE(info.exitCode == 0);
    auto json = nlohmann::json::parse(info.out);
    CHECK(json["crs"]["id"] == "EPSG:3006");
    CHECK(json["schema_version"] == 1);
    CHECK(json["photos"] == 0);
    CHECK(json["links"] == 0);
    // Layers in list order, the topmost first; found by name.
    auto layer = [&](const std::string& name) {
        for (const auto& entry : json["layers"]) {
            if (entry["name"] == name) {
                return entry;
            }
        }
        FAIL("no layer " << name);
        return nlohmann::json();
    };
    CHECK(json["layers"][0]["name"] == "observationer");
    CHECK(layer("observationer")["count"] == 2);
    CHECK(layer("observationer")["geometry"] == "Point");
    CHECK(layer("atgarder")["count"] == 1);
    CHECK(layer("atgarder")["geometry"] == "Geometry");
    CHECK(layer("vandringar")["geometry"] == "LineString");
    CHECK(layer("atgarder")["extent"] ==
          nlohmann::json::array({733000.0, 7096000.0, 733050.0, 7096050.0}));

    // What ogrinfo (and so QGIS) sees.
    GDALDatasetUniquePtr ds(GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* measures = ds->GetLayerByName("atgarder");
    REQUIRE(measures != nullptr);
    CHECK(std::string(measures->GetSpatialRef()->GetAuthorityCode(nullptr)) == "3006");
    OGRFeatureUniquePtr f(measures->GetNextFeature());
    REQUIRE(f);
    CHECK(std::string(f->GetFieldAsString("titel")) == "Röj buskar vid Järnvägsparken");
    CHECK(std::string(f->GetFieldAsString("status")) == "beslutad");
}

TEST_CASE("failures name the file and leave the project as it was") {
    TempDir dir;
    auto project = dir / "p.gpkg";
    REQUIRE(cli(dir, "new " + q(project)).exitCode == 0);
    auto before = trygg::test::readAll(project);

    trygg::test::CliRun missing = cli(dir, "import " + q(project) + " --layer observationer " + q(dir / "saknas.csv"));
    CHECK(missing.exitCode == 1);
    CHECK(missing.err == "tryggkarta-cli: " + (dir / "saknas.csv").string() + ": file not found\n");

    auto csv = dir.write("xy.csv", "x,y,kategori,polaritet,kalla\nnorr,7096069,belysning,otrygg,polis\n");
    trygg::test::CliRun noCrs = cli(dir, "import " + q(project) + " --layer observationer " + q(csv));
    CHECK(noCrs.exitCode == 1);
    CHECK(noCrs.err.find("xy.csv: the file does not say which coordinate system") != std::string::npos);

    trygg::test::CliRun strict = cli(dir, "import " + q(project) + " --layer observationer --src-crs EPSG:3006 --strict " + q(csv));
    CHECK(strict.exitCode == 1);
    CHECK(strict.err.find("xy.csv: row 1, field 'x': 'norr' is not a number") != std::string::npos);
    CHECK(strict.err.find("--strict: nothing was imported") != std::string::npos);

    trygg::test::CliRun badField = cli(dir, "import " + q(project) + " --layer observationer --field kategori " + q(csv));
    CHECK(badField.exitCode == 2);

    CHECK(trygg::test::readAll(project) == before);
}

TEST_CASE("the shipped example project") {
    TempDir dir;
    trygg::test::CliRun info = cli(dir, std::string("info --json '") + TRYGG_SAMPLE_PROJECT + "'");
    REQUIRE(info.exitCode == 0);
    auto json = nlohmann::json::parse(info.out);
    // By name: the listing follows the catalog's order, which grows with new layers.
    auto count = [&](std::string_view name) {
        for (const auto& layer : json["layers"]) {
            if (layer["name"] == name) {
                return layer["count"].get<int>();
            }
        }
        return -1;
    };
    CHECK(count("observationer") == 330); // with the follow-up walk's ten
    CHECK(count("belysning") == 513); // placed along the base map by generate-lighting
    CHECK(count("atgarder") == 14);
    CHECK(count("vandringar") == 3); // two walks and the follow-up walk a year on
    CHECK(json["metadata"]["example_data"].get<std::string>().starts_with("Syntetiska exempeldata"));
}
