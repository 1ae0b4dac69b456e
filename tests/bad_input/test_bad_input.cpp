// Bad vector sources of the corpus through importIntoProject (what `tryggkarta-cli import`
// calls) and readForImport (what the app's import dialog calls): each is refused with an
// error naming the file, or imported in part with every row left out listed by number and
// reason; a refused or strict import leaves the project file and its features as they were.

#include "bad_input_support.h"

#include <catch2/catch.hpp>
#include <set>

using namespace trygg;
using namespace trygg::test::bad;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const LayerCatalog& catalog() {
    return trygg::test::sourceCatalog();
}

/// The import is refused: the CLI's and the app's way give the same error, it names the
/// file, and the project is unchanged.
Error refused(const GuardedProject& project, const std::string& name,
              const ImportOptions& options = GuardedProject::observations()) {
    auto imported = importIntoProject(project.file(), catalog(), corpus(name), options);
    REQUIRE_FALSE(imported);
    auto read = readForImport(catalog(), corpus(name), options, Crs::fromEpsg(3006));
    REQUIRE_FALSE(read);
    CHECK(read.error().describe() == imported.error().describe());
    CHECK_THAT(imported.error().describe(),
               Contains(std::filesystem::path(name).filename().string()));
    project.requireUnchanged();
    return imported.error();
}

/// The import goes in part: strictly nothing lands (the project is unchanged), otherwise the
/// good rows do and every other row is listed; the app's reading agrees.
ImportReport partly(const GuardedProject& project, const std::string& name,
                    ImportOptions options = GuardedProject::observations()) {
    options.strict = true;
    auto strict = importIntoProject(project.file(), catalog(), corpus(name), options);
    REQUIRE(strict);
    CHECK(strict->imported == 0);
    CHECK(strict->rejectedCount > 0);
    project.requireUnchanged();

    options.strict = false;
    auto read = readForImport(catalog(), corpus(name), options, Crs::fromEpsg(3006));
    REQUIRE(read);
    auto report = importIntoProject(project.file(), catalog(), corpus(name), options);
    REQUIRE(report);
    CHECK(report->source == std::filesystem::path(name).filename().string());
    CHECK(report->rowsRead == report->imported + report->rejectedCount);
    CHECK(report->rejectedCount == static_cast<std::int64_t>(report->rejected.size()));
    CHECK(read->report.imported == report->imported);
    CHECK(read->report.rejectedCount == report->rejectedCount);
    CHECK(read->features.size() == static_cast<std::size_t>(report->imported));
    return *report;
}

/// The import goes in whole (the file is odd but fine, or read with a note saying how).
ImportReport accepted(const GuardedProject& project, const std::string& name) {
    auto report =
        importIntoProject(project.file(), catalog(), corpus(name), GuardedProject::observations());
    REQUIRE(report);
    CHECK(report->rejectedCount == 0);
    CHECK(report->imported == report->rowsRead);
    return *report;
}

/// The rows a report lists, as "row: reason" (with the field when there is one).
std::vector<std::string> rejections(const ImportReport& report) {
    std::vector<std::string> lines;
    for (const RejectedRow& row : report.rejected) {
        lines.push_back(std::to_string(row.row) + (row.field.empty() ? "" : " " + row.field) +
                        ": " + row.reason);
    }
    return lines;
}

/// The text of `field` in every feature of the observations layer, in id order.
std::vector<std::string> texts(const GuardedProject& project, const char* field) {
    Project opened = project.open();
    const Layer& layer = *opened.layer("observationer");
    std::vector<std::string> values;
    for (const Feature& feature : layer.features()) {
        values.push_back(toDisplayString(feature.values[*layer.definition().fieldIndex(field)]));
    }
    return values;
}

} // namespace

TEST_CASE("bad input: truncated shapefile parts") {
    GuardedProject project;
    SECTION(
        ".shp cut after two points: the three rows without a shape are listed with GDAL's words") {
        ImportReport report = partly(project, "truncated_shp.shp");
        CHECK(report.imported == 2);
        REQUIRE(report.rejected.size() == 3);
        CHECK(report.rejected[0].row == 3);
        CHECK_THAT(report.rejected[0].reason,
                   StartsWith("the geometry cannot be read (damaged file?): Error in fread()"));
        CHECK(report.rejected[2].row == 5);
    }
    SECTION(".dbf cut in its third record: refused, not two rows of five in silence") {
        Error error = refused(project, "truncated_dbf.shp");
        CHECK(error.code == ErrorCode::InvalidFormat);
        CHECK(error.where == "truncated_dbf.shp");
        CHECK(error.message ==
              "the file is damaged: reading stopped after row 2 of 5; nothing was imported");
        CHECK_THAT(error.detail, Contains("DBF"));
    }
    SECTION(".shx shorter than its records: refused when opened") {
        Error error = refused(project, "truncated_shx.shp");
        CHECK(error.code == ErrorCode::OpenFailed);
        CHECK_THAT(error.detail, Contains(".shx"));
    }
}

TEST_CASE("bad input: a shapefile without .prj is refused, never guessed") {
    GuardedProject project;
    Error error = refused(project, "no_prj.shp");
    CHECK(error.code == ErrorCode::CrsUnknown);
    CHECK(error.where == "no_prj.shp");
    CHECK_THAT(error.message, Contains("no .prj") && Contains("--src-crs"));
}

TEST_CASE("bad input: text encodings of shapefiles") {
    GuardedProject project;
    SECTION("Latin-1 bytes where the .cpg says UTF-8: every row listed, naming the .cpg") {
        ImportReport report = partly(project, "wrong_cpg.shp");
        CHECK(report.imported == 0);
        CHECK(rejections(report) ==
              std::vector<std::string>{
                  "1 beskrivn: text is not valid UTF-8 (a missing or wrong .cpg file?)",
                  "2 beskrivn: text is not valid UTF-8 (a missing or wrong .cpg file?)",
                  "3 beskrivn: text is not valid UTF-8 (a missing or wrong .cpg file?)"});
        project.requireUnchanged();
    }
    SECTION("Latin-1 without .cpg: read as Windows-1252, å/ä/ö right, and the report says so") {
        ImportReport report = accepted(project, "latin1_no_cpg.shp");
        CHECK(report.imported == 2);
        CHECK_THAT(report.notes.at(0),
                   StartsWith("there is no .cpg file") && Contains("Windows-1252"));
        CHECK(texts(project, "beskrivn")[2] == "mörk gångväg vid ån 0");
    }
    SECTION(
        "a .cpg naming an unknown encoding, Latin-1 text: the same, saying the .cpg is unknown") {
        ImportReport report = accepted(project, "unknown_cpg.shp");
        CHECK(report.imported == 2);
        CHECK_THAT(report.notes.at(0),
                   StartsWith("its .cpg file names an encoding that is not known"));
        CHECK(texts(project, "beskrivn")[3] == "mörk gångväg 1");
    }
    SECTION("UTF-8 without .cpg: read as UTF-8, with a note") {
        ImportReport report = accepted(project, "utf8_no_cpg.shp");
        CHECK(report.imported == 2);
        CHECK(report.notes.at(0) ==
              "there is no .cpg file saying which encoding its text is in: read the text as UTF-8, "
              "which it is valid as");
        CHECK(texts(project, "beskrivn")[2] == "mörk gångväg vid ån 0");
    }
}

TEST_CASE("bad input: geometries that cannot be features") {
    GuardedProject project;
    SECTION("NaN, 1e300 and missing shapes in a shapefile") {
        ImportReport report = partly(project, "nan_huge.shp");
        CHECK(report.imported == 2);
        REQUIRE(report.rejected.size() == 3);
        CHECK(report.rejected[0].row == 2);
        CHECK(report.rejected[0].reason == "no geometry"); // GDAL reads a NaN point as an empty one
        CHECK(report.rejected[1].row == 3);
        CHECK(report.rejected[1].reason ==
              "lies far outside Sweden (1e+300, 7.1e+06) (wrong coordinate system?)");
        CHECK(report.rejected[2].row == 4);
        CHECK(report.rejected[2].reason == "no geometry");
    }
    SECTION("a self-intersecting and an empty polygon for measures") {
        ImportOptions options;
        options.targetLayer = "atgarder";
        ImportReport report = partly(project, "polygons.shp", options);
        CHECK(report.imported == 1);
        REQUIRE(report.rejected.size() == 2);
        CHECK(report.rejected[0].row == 2);
        CHECK(report.rejected[0].reason == "invalid polygon: its outline crosses itself");
        CHECK(report.rejected[1].row == 3);
        CHECK(report.rejected[1].reason == "no geometry");
    }
    SECTION("mixed geometry types for a point layer (a point layer takes multi-points)") {
        ImportReport report = partly(project, "mixed_geometry.geojson");
        CHECK(report.imported == 2);
        CHECK(rejections(report) ==
              std::vector<std::string>{
                  "2: wrong geometry type LineString: layer observationer takes Point",
                  "3: wrong geometry type Polygon: layer observationer takes Point",
                  "5: no geometry"});
    }
    SECTION("points in Paris, at 0,0 and in New York") {
        ImportReport report = partly(project, "far_outside.geojson");
        CHECK(report.imported == 1);
        REQUIRE(report.rejected.size() == 3);
        for (const RejectedRow& row : report.rejected) {
            CHECK_THAT(row.reason, StartsWith("lies far outside Sweden") &&
                                       Contains("wrong coordinate system?"));
        }
    }
    SECTION("huge and infinite coordinates in GeoJSON") {
        ImportReport report = partly(project, "huge_coordinates.geojson");
        CHECK(report.imported == 1);
        REQUIRE(report.rejected.size() == 2);
        CHECK(report.rejected[0].row == 2);
        CHECK(report.rejected[1].row == 3);
        CHECK(report.rejected[1].reason == "coordinates are not finite numbers");
    }
}

TEST_CASE("bad input: files that are not what they say") {
    GuardedProject project;
    SECTION("GeoJSON that is not JSON") {
        Error error = refused(project, "not_json.geojson");
        CHECK(error.code == ErrorCode::OpenFailed);
        CHECK(error.message == "cannot read: not a vector format GDAL knows, or a damaged file");
    }
    SECTION("an empty GeoJSON file") {
        CHECK(refused(project, "empty.geojson").code == ErrorCode::OpenFailed);
    }
    SECTION("text named .gpkg") {
        CHECK(refused(project, "not_a_geopackage.gpkg").code == ErrorCode::OpenFailed);
    }
    SECTION("a SQLite header and nothing else") {
        CHECK(refused(project, "truncated_header.gpkg").code == ErrorCode::OpenFailed);
    }
    SECTION("a SQLite database without GeoPackage tables") {
        Error error = refused(project, "sqlite_not_gpkg.gpkg");
        CHECK(error.code == ErrorCode::OpenFailed);
        CHECK_THAT(error.detail, Contains("gpkg_contents"));
    }
}

TEST_CASE("bad input: CSV files") {
    GuardedProject project;
    SECTION("a required column is missing") {
        Error error = refused(project, "missing_required_column.csv");
        CHECK(error.code == ErrorCode::InvalidValue);
        CHECK_THAT(error.message,
                   StartsWith("required field 'kategori'") && Contains("--field kategori=COLUMN"));
    }
    SECTION("rows with fewer values than the header") {
        ImportReport report = partly(project, "short_rows.csv");
        CHECK(report.imported == 2);
        CHECK(rejections(report) == std::vector<std::string>{"2 polaritet: a value is required",
                                                             "3 lon: coordinate missing"});
    }
    SECTION("rows separated by another character than the header") {
        ImportReport report = partly(project, "wrong_delimiter.csv");
        CHECK(report.imported == 0);
        REQUIRE(report.rejected.size() == 2);
        CHECK(report.rejected[0].reason == "the whole row is in the first column: its values are "
                                           "separated by ',', the header's by "
                                           "another character (6 columns)");
        project.requireUnchanged();
    }
    SECTION("semicolons and decimal commas, as Swedish Excel writes: fine") {
        CHECK(accepted(project, "semicolon_decimal_comma.csv").imported == 1);
        CHECK(texts(project, "beskrivn").back() == "mörkt");
    }
    SECTION("a byte order mark before the header: fine") {
        ImportReport report = accepted(project, "bom.csv");
        CHECK(report.imported == 1);
        CHECK(report.fieldSources.at("kategori") == "kategori");
        CHECK(texts(project, "beskrivn").back() == "med BOM");
    }
    SECTION("quoted values over two lines and quotes inside quotes: fine, rows counted as rows") {
        CHECK(accepted(project, "quoted_newlines.csv").rowsRead == 3);
        auto descriptions = texts(project, "beskrivn");
        CHECK(descriptions[2] == "första raden\nandra raden");
        CHECK(descriptions[3] == "citat \"inom\" citat");
        CHECK(descriptions[4] == "efter");
    }
    SECTION("a quote never closed would swallow the rows after it: refused, naming the line") {
        Error error = refused(project, "unterminated_quote.csv");
        CHECK(error.code == ErrorCode::InvalidFormat);
        CHECK(error.where == "unterminated_quote.csv");
        CHECK_THAT(error.message, StartsWith("a quote (\") opened on line 3 is never closed"));
    }
    SECTION("NaN, infinite and huge coordinates") {
        ImportReport report = partly(project, "nan_coordinates.csv");
        CHECK(report.imported == 1);
        REQUIRE(report.rejected.size() == 3);
        CHECK(rejections(report)[0] == "2 lat: 'nan' is not a number");
        CHECK(rejections(report)[1] == "3 lon: 'inf' is not a number");
        CHECK(report.rejected[2].row == 4);
    }
    SECTION("Paris, and SWEREF 99 TM numbers in lat/lon columns") {
        ImportReport report = partly(project, "far_outside.csv");
        CHECK(report.imported == 1);
        REQUIRE(report.rejected.size() == 2);
        CHECK_THAT(report.rejected[0].reason, StartsWith("lies far outside Sweden"));
        CHECK(report.rejected[1].row == 3);
    }
}

TEST_CASE("bad input: every file of the corpus has a case") {
    // The stems the tests above and in test_bad_files.cpp and test_bad_input_cli.cpp use; a
    // file added to the corpus without a test fails here.
    const std::set<std::string> covered = {"truncated_shp",
                                           "truncated_dbf",
                                           "truncated_shx",
                                           "no_prj",
                                           "wrong_cpg",
                                           "unknown_cpg",
                                           "latin1_no_cpg",
                                           "utf8_no_cpg",
                                           "nan_huge",
                                           "polygons",
                                           "mixed_geometry",
                                           "far_outside",
                                           "huge_coordinates",
                                           "not_json",
                                           "empty",
                                           "not_a_geopackage",
                                           "truncated_header",
                                           "sqlite_not_gpkg",
                                           "missing_required_column",
                                           "short_rows",
                                           "wrong_delimiter",
                                           "semicolon_decimal_comma",
                                           "bom",
                                           "quoted_newlines",
                                           "unterminated_quote",
                                           "nan_coordinates",
                                           "missing_lines",
                                           "missing_intensities",
                                           "missing_candela",
                                           "no_tilt",
                                           "unknown_field_type",
                                           "unknown_geometry",
                                           "layer_not_json",
                                           "garbage",
                                           "only_garbage",
                                           "not_an_image",
                                           "truncated",
                                           "png_signature_only",
                                           "gif_renamed"};
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(corpus(""))) {
        INFO(entry.path().filename().string());
        CHECK(covered.contains(entry.path().stem().string()));
        ++files;
    }
    CHECK(files >= covered.size());
}
