#include "test_support.h"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using trygg::test::q;
using trygg::test::TempDir;

namespace {

namespace fs = std::filesystem;

const fs::path kSurvey = fs::path(TRYGG_TEST_DATA_DIR) / "survey/enkat_otrygga_platser.csv";

trygg::test::CliRun cli(const TempDir& dir, const std::string& arguments) {
    return trygg::test::runCli(TRYGG_CLI, dir, arguments);
}

/// kategori and beskrivn of every observation in the project, by fid.
std::vector<std::pair<std::string, std::string>> observations(const fs::path& project) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("observationer");
    REQUIRE(layer != nullptr);
    std::vector<std::pair<std::string, std::string>> rows;
    for (auto& feature : *layer) {
        rows.emplace_back(feature->GetFieldAsString("kategori"),
                          feature->GetFieldAsString("beskrivn"));
    }
    return rows;
}

} // namespace

TEST_CASE("cli: import a web survey with a mapping, then again: duplicates listed, then merged") {
    TempDir dir;
    const fs::path project = dir / "p.gpkg";
    REQUIRE(cli(dir, "new " + q(project)).exitCode == 0);

    // The ready mapping by name; the layer comes from the mapping.
    trygg::test::CliRun first =
        cli(dir, "import " + q(project) + " " + q(kSurvey) + " --mapping otrygga_platser");
    INFO(first.err);
    CHECK(first.exitCode == 0);
    CHECK(
        first.out.find("Imported 9 of 10 rows from enkat_otrygga_platser.csv into observationer") !=
        std::string::npos);
    CHECK(first.err.find(
              "row 6, field 'kategori': unknown answer 'Hundar' in column 'Vad gäller det?'") !=
          std::string::npos);
    REQUIRE(observations(project).size() == 9);

    // The same export again: every row duplicates one already there, none is imported.
    trygg::test::CliRun again =
        cli(dir, "import " + q(project) + " " + q(kSurvey) + " --mapping " +
                     q(fs::path(TRYGG_SOURCE_LAYERS_DIR) / "mappings/otrygga_platser.json"));
    INFO(again.err);
    CHECK(again.exitCode == 0);
    CHECK(again.err.find(
              "enkat_otrygga_platser.csv: row 1 duplicates feature 1 of observationer (0.0 m, "
              "same category): not imported") != std::string::npos);
    CHECK(again.err.find("row 10 duplicates feature 9 of observationer") != std::string::npos);
    CHECK(again.err.find("9 duplicate rows were not imported; --duplicates merge") !=
          std::string::npos);
    CHECK(again.out.find("Imported 0 of 10 rows") != std::string::npos);
    CHECK(observations(project).size() == 9);

    // Merged: still nine, and texts that are the same are not appended twice.
    trygg::test::CliRun merged =
        cli(dir, "import " + q(project) + " " + q(kSurvey) +
                     " --mapping otrygga_platser --duplicates merge --merge-radius 2");
    INFO(merged.err);
    CHECK(merged.exitCode == 0);
    CHECK(merged.out.find("9 merged into features they duplicate") != std::string::npos);
    auto rows = observations(project);
    REQUIRE(rows.size() == 9);
    CHECK(rows[0] == std::pair<std::string, std::string>{
                         "belysning", "Gångvägen vid stationen: Flera lampor är trasiga"});

    // Kept: imported anyway.
    trygg::test::CliRun kept = cli(dir, "import " + q(project) + " " + q(kSurvey) +
                                            " --mapping otrygga_platser --duplicates keep");
    CHECK(kept.exitCode == 0);
    CHECK(observations(project).size() == 18);
}

TEST_CASE("cli: a broken mapping file is named with its JSON path") {
    TempDir dir;
    const fs::path project = dir / "p.gpkg";
    REQUIRE(cli(dir, "new " + q(project)).exitCode == 0);
    const fs::path mapping = dir.write("enkat.json", R"({"format": "tryggkarta-import-mapping/1",
        "layer": "observationer", "fields": {"kategori": {"column": "Typ", "values": {"Mörkt": "morkt"}}}})");
    trygg::test::CliRun run =
        cli(dir, "import " + q(project) + " " + q(kSurvey) + " --mapping " + q(mapping));
    CHECK(run.exitCode == 1);
    CHECK(run.err.find(
              "tryggkarta-cli: enkat.json: fields.kategori.values.Mörkt: 'morkt' is not a code") !=
          std::string::npos);
    CHECK(cli(dir, "import " + q(project) + " " + q(kSurvey) + " --mapping x --duplicates maybe")
              .exitCode == 2);
}

TEST_CASE("cli: a survey export without --mapping is recognised by its columns") {
    TempDir dir;
    const fs::path project = dir / "p.gpkg";
    REQUIRE(cli(dir, "new " + q(project)).exitCode == 0);
    trygg::test::CliRun run =
        cli(dir, "import " + q(project) + " " + q(kSurvey) + " --layer observationer");
    INFO(run.err);
    CHECK(run.exitCode == 0);
    CHECK(run.err.find("note: the columns are those of the ready mapping otrygga_platser.json: "
                       "used it") != std::string::npos);
    CHECK(observations(project).size() == 9);
    // Into another layer the survey's mapping does not apply: its columns are not the layer's.
    trygg::test::CliRun lamps =
        cli(dir, "import " + q(project) + " " + q(kSurvey) + " --layer belysning");
    CHECK(lamps.err.find("ready mapping") == std::string::npos);
}
