#include "../io/photo_samples.h"
#include "test_support.h"
#include "tryggkarta/io/photo_import.h"
#include "tryggkarta/io/project_store.h"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <regex>
#include <set>

using trygg::test::TempDir;

namespace {

namespace fs = std::filesystem;

trygg::test::CliRun cli(const TempDir& dir, const std::string& arguments) {
    return trygg::test::runCli(TRYGG_CLI, dir, arguments);
}

std::string q(const fs::path& path) {
    return "'" + path.string() + "'";
}

GDALDatasetUniquePtr openRead(const std::string& path) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    return ds;
}

std::int64_t countIn(const std::string& path, const char* layer) {
    auto ds = openRead(path);
    OGRLayer* l = layer == nullptr ? ds->GetLayer(0) : ds->GetLayerByName(layer);
    REQUIRE(l != nullptr);
    return l->GetFeatureCount();
}

/// The reporters' names and contact details in the shipped example.
std::set<std::string> personalValues() {
    std::set<std::string> values;
    auto ds = openRead(TRYGG_SAMPLE_PROJECT);
    for (auto& feature : *ds->GetLayerByName("observationer")) {
        for (const char* field : {"rapportor", "kontakt"}) {
            if (feature->IsFieldSetAndNotNull(feature->GetFieldIndex(field))) {
                values.insert(feature->GetFieldAsString(field));
            }
        }
    }
    return values;
}

std::string allBytesUnder(const fs::path& root) {
    std::string bytes;
    if (fs::is_regular_file(root)) {
        return trygg::test::readAll(root);
    }
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file()) {
            bytes += trygg::test::readAll(entry.path());
        }
    }
    return bytes;
}

} // namespace

TEST_CASE("export: the shipped example as a consultant shapefile package") {
    TempDir dir;
    const std::string sample = TRYGG_SAMPLE_PROJECT;
    const fs::path out = dir / "paket";
    trygg::test::CliRun run = cli(dir, "export " + q(sample) + " --output " + q(out));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.starts_with("Wrote " + out.string() + " (shp, profile consultant):\n"));
    CHECK(run.out.find("  observationer.shp: 330 features (from observationer)\n") !=
          std::string::npos);
    CHECK(run.out.find("  atgarder_punkt.shp: ") != std::string::npos);
    CHECK(run.out.find("  ljus_strackor.shp: 414 features (from ljus_strackor)\n") !=
          std::string::npos);
    CHECK(run.out.find("  datakatalog.csv\n") != std::string::npos);
    CHECK(run.out.find(
              "observationer: field rapportor (personal data) left out under profile consultant") !=
          std::string::npos);
    CHECK(run.out.find("bas_") == std::string::npos); // the base map only when named
    CHECK(countIn((out / "observationer.shp").string(), nullptr) == 330);
    CHECK(countIn((out / "belysning.shp").string(), nullptr) == 513);
    std::int64_t measures = 0;
    for (const char* file : {"atgarder_punkt.shp", "atgarder_linje.shp", "atgarder_yta.shp"}) {
        if (fs::exists(out / file)) {
            measures += countIn((out / file).string(), nullptr);
        }
    }
    CHECK(measures == 14);
    const std::string bytes = allBytesUnder(out);
    auto personal = personalValues();
    REQUIRE(personal.size() > 10);
    for (const std::string& value : personal) {
        INFO(value);
        CHECK(bytes.find(value) == std::string::npos);
    }
}

TEST_CASE("export: GeoPackage in EPSG:3016 with English labels, zipped shapefiles, public cells") {
    TempDir dir;
    const std::string sample = TRYGG_SAMPLE_PROJECT;
    const fs::path gpkg = dir / "konsult.gpkg";
    auto run = cli(dir, "export " + q(sample) +
                            " --format gpkg --profile internal --layers observationer,atgarder "
                            "--crs EPSG:3016 --lang en --output " +
                            q(gpkg));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    {
        auto ds = openRead(gpkg.string());
        CHECK(
            std::string(
                ds->GetLayerByName("observationer")->GetSpatialRef()->GetAuthorityCode(nullptr)) ==
            "3016");
        OGRLayer* styles = ds->GetLayerByName("layer_styles");
        REQUIRE(styles != nullptr);
        CHECK(styles->GetFeatureCount() == 2);
        for (auto& row : *styles) {
            if (std::string(row->GetFieldAsString("f_table_name")) == "observationer") {
                CHECK(std::string(row->GetFieldAsString("styleQML")).find("label=\"Unsafe\"") !=
                      std::string::npos);
            }
        }
    }

    const fs::path zip = dir / "paket.zip";
    run = cli(dir, "export " + q(sample) + " --zip --layers vandringar --output " + q(zip));
    REQUIRE(run.exitCode == 0);
    CHECK(countIn("/vsizip/" + zip.string() + "/vandringar.shp", nullptr) == 3);
    CHECK(trygg::test::readAll(zip).starts_with("PK"));

    const fs::path cells = dir / "publik";
    run = cli(dir, "export " + q(sample) +
                       " --profile public --format geojson --cell 100 --min-count 5 --output " +
                       q(cells));
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.find("ljus_observationer: layer left out under profile public") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(cells / "observationer.geojson"));
    CHECK_FALSE(fs::exists(cells / "ljus_observationer.geojson"));
    auto ds = openRead((cells / "observationer_hex.geojson").string());
    std::int64_t total = 0;
    for (auto& cell : *ds->GetLayer(0)) {
        CHECK(cell->GetFieldAsInteger64("antal") >= 5);
        total += cell->GetFieldAsInteger64("antal");
    }
    CHECK(total > 0);
    CHECK(total <= 330);
    const std::string bytes = allBytesUnder(cells);
    for (const std::string& value : personalValues()) {
        CHECK(bytes.find(value) == std::string::npos);
    }
}

TEST_CASE("export: usage errors") {
    TempDir dir;
    const std::string sample = TRYGG_SAMPLE_PROJECT;
    CHECK(cli(dir, "export " + q(sample) + " --format svg --output x").exitCode == 2);
    CHECK(cli(dir, "export " + q(sample) + " --profile secret --output x").exitCode == 2);
    CHECK(cli(dir, "export " + q(sample)).exitCode == 2); // --output missing
    CHECK(cli(dir, "export " + q(sample) + " --format gpkg --zip --output x.gpkg").exitCode == 2);
    auto unknown = cli(dir, "export " + q(sample) + " --layers gatlyktor --output " + q(dir / "x"));
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.starts_with("tryggkarta-cli: gatlyktor: no such layer in the project"));
    auto onto =
        cli(dir, "export " + q(sample) + " --format gpkg --overwrite --output " + q(sample));
    CHECK(onto.exitCode == 2);
    CHECK(onto.err.find("the export would overwrite the project") != std::string::npos);
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) ==
          2); // stdout, stderr
}

TEST_CASE("export: photos go along without EXIF, or not at all with --photos no") {
    TempDir dir;
    // The shipped example with a photo (GPS, camera, time in its EXIF) on observation 1.
    auto project = trygg::openProject(TRYGG_SAMPLE_PROJECT, trygg::test::sourceCatalog());
    REQUIRE(project);
    auto photo = trygg::photoFromBytes(trygg::test::makeImage("JPEG", trygg::test::geotag()),
                                       "IMG_20241005_213015.jpg");
    REQUIRE(photo);
    photo->id = trygg::nextPhotoId(project->photos);
    photo->layer = "observationer";
    photo->feature = trygg::FeatureId{1};
    project->photos.push_back(std::move(*photo));
    const fs::path withPhoto = dir / "med_foto.gpkg";
    REQUIRE(
        trygg::saveProjectAs(withPhoto, *project, trygg::Progress::none(), TRYGG_SAMPLE_PROJECT));

    const fs::path out = dir / "paket";
    auto run = cli(dir, "export " + q(withPhoto) + " --layers observationer --output " + q(out));
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.find("Photos: 1 written, 0 left out\n") != std::string::npos);
    CHECK(run.out.find("  foton/observationer_1_1.jpg\n") != std::string::npos);
    const std::string bytes = trygg::test::readAll(out / "foton" / "observationer_1_1.jpg");
    CHECK(bytes.starts_with("\xFF\xD8\xFF"));
    CHECK(bytes.find("Testkamera") == std::string::npos);
    CHECK_FALSE(trygg::test::hasExifKeys(trygg::test::decode(bytes).items));

    const fs::path without = dir / "utan";
    run = cli(dir, "export " + q(withPhoto) + " --layers observationer --photos no --output " +
                       q(without));
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.find("Photos: 0 written, 1 left out\n") != std::string::npos);
    CHECK(run.out.find("1 photo left out: photos were not asked for") != std::string::npos);
    CHECK_FALSE(fs::exists(without / "foton"));
    const auto wrong =
        cli(dir, "export " + q(withPhoto) + " --photos maybe --output " + q(dir / "x"));
    CHECK(wrong.exitCode == 2);
}
