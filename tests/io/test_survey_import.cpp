#include "test_support.h"
#include "tryggkarta/io/import_mapping.h"
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

const fs::path kSurvey = fs::path(TRYGG_TEST_DATA_DIR) / "survey/enkat_otrygga_platser.csv";

ImportMapping readyMapping(const char* name) {
    auto mapping = loadImportMapping(catalog().directory / "mappings" / name, catalog());
    REQUIRE(mapping);
    return *mapping;
}

const Value& valueOf(const LayerDef& layer, const Feature& feature, const char* field) {
    return feature.values.at(*layer.fieldIndex(field));
}

std::string textOf(const LayerDef& layer, const Feature& feature, const char* field) {
    return toDisplayString(valueOf(layer, feature, field));
}

Error mappingError(const std::string& fields) {
    auto parsed = parseImportMapping(
        R"({"format": "tryggkarta-import-mapping/1", "layer": "observationer", "fields": )" +
            fields + "}",
        "enkat.json", catalog());
    REQUIRE_FALSE(parsed);
    return parsed.error();
}

/// A phone's GPX: two waypoints and one track of three points, times in UTC.
const char* kGpx = R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="63.9135" lon="19.7545"><time>2025-10-03T18:45:00Z</time><name>Trasig lampa</name><desc>vid stationen</desc><type>Belysning</type></wpt>
  <wpt lat="63.9140" lon="19.7530"><time>2025-10-04T10:00:00Z</time><name>Skräp</name></wpt>
  <trk><name>Kvällsvandring</name><desc>Centrum runt</desc><trkseg>
    <trkpt lat="63.9130" lon="19.7540"><time>2025-10-03T19:00:00Z</time></trkpt>
    <trkpt lat="63.9135" lon="19.7550"><time>2025-10-03T19:05:00Z</time></trkpt>
    <trkpt lat="63.9140" lon="19.7560"><time>2025-10-03T19:10:00Z</time></trkpt>
  </trkseg></trk>
</gpx>
)";

/// A GPX file read for a layer without a mapping: the shipped GPX mapping applies.
std::optional<ImportedFeatures> readGpx(const fs::path& gpx, const char* layer) {
    ImportOptions options;
    options.targetLayer = layer;
    auto read = readForImport(catalog(), gpx, options, Crs::fromEpsg(3006));
    REQUIRE(read);
    return std::move(*read);
}

} // namespace

TEST_CASE("the example survey through the ready mapping 'otrygga platser'") {
    ImportOptions options;
    options.mapping = readyMapping("otrygga_platser.json");
    auto read = readForImport(catalog(), kSurvey, options, Crs::fromEpsg(3006));
    REQUIRE(read);
    const LayerDef& layer = *catalog().find("observationer");
    CHECK(read->report.targetLayer == "observationer");
    CHECK(read->report.rowsRead == 10);
    CHECK(read->report.imported == 9);
    REQUIRE(read->report.rejected.size() == 1);
    const RejectedRow& bad = read->report.rejected.front();
    CHECK(bad.row == 6);
    CHECK(bad.field == "kategori");
    CHECK(bad.reason.find("'Hundar'") != std::string::npos);
    CHECK(bad.reason.find("Vad gäller det?") != std::string::npos);

    REQUIRE(read->features.size() == 9);
    CHECK(read->rows == std::vector<std::int64_t>{1, 2, 3, 4, 5, 7, 8, 9, 10});
    std::vector<std::string> categories;
    for (const Feature& feature : read->features) {
        categories.push_back(textOf(layer, feature, "kategori"));
        CHECK(textOf(layer, feature, "polaritet") == "otrygg");
        CHECK(textOf(layer, feature, "kalla") == "medborgardialog");
    }
    CHECK(categories == std::vector<std::string>{"belysning", "sikt", "folkliv", "trafik", "annat",
                                                 "belysning", "passage", "belysning", "folkliv"});
    const auto& first = read->features[0];
    CHECK(std::get<DateTime>(valueOf(layer, first, "tidpunkt")) ==
          DateTime{{2025, 10, 3}, 18, 45, 0.0, {}});
    // Row 3 writes the day first: 03/10/2025 20:15.
    CHECK(std::get<DateTime>(valueOf(layer, read->features[2], "tidpunkt")) ==
          DateTime{{2025, 10, 3}, 20, 15, 0.0, {}});
    CHECK(textOf(layer, first, "beskrivn") == "Gångvägen vid stationen: Flera lampor är trasiga");
    CHECK(textOf(layer, read->features[2], "beskrivn") == "Oskars torg");
    CHECK(textOf(layer, read->features[4], "beskrivn") == "Ingen snöröjning på cykelvägen");
    CHECK(textOf(layer, first, "kon") == "kvinna");
    CHECK(textOf(layer, read->features[2], "kon") == "uppgift_saknas");
    CHECK(textOf(layer, read->features[5], "kon") == "annat");
    CHECK(textOf(layer, read->features[8], "kon") == "uppgift_saknas"); // no answer
    CHECK(isNull(valueOf(layer, read->features[8], "ljusforh")));
    CHECK(textOf(layer, read->features[3], "alder") == "65_plus");
    // WGS 84 lat/lon reprojected to SWEREF 99 TM: Vännäs centrum lies near E 733 107, N 7 096 069.
    const auto& point = std::get<Point>(*first.geometry);
    CHECK(point.x() == Approx(733107).margin(30));
    CHECK(point.y() == Approx(7096069).margin(30));
}

TEST_CASE("the survey lands in a project with importIntoProject and --mapping's options") {
    TempDir dir;
    const fs::path project = dir / "p.gpkg";
    REQUIRE(createProject(project, Crs::fromEpsg(3006), catalog()));
    ImportOptions options;
    options.mapping = readyMapping("otrygga_platser.json");
    auto report = importIntoProject(project, catalog(), kSurvey, options);
    REQUIRE(report);
    CHECK(report->imported == 9);
    CHECK(report->rejectedCount == 1);
    auto opened = openProject(project, catalog());
    REQUIRE(opened);
    CHECK(opened->layer("observationer")->size() == 9);
}

TEST_CASE("mapping file errors name the file and the JSON path") {
    Error badCode =
        mappingError(R"({"kategori": {"column": "Typ", "values": {"Mörkt": "morkt"}}})");
    CHECK(badCode.where == "enkat.json: fields.kategori.values.Mörkt");
    CHECK(badCode.message.find("'morkt' is not a code of kategori") != std::string::npos);
    CHECK(mappingError(R"({"farg": {"column": "Typ"}})").where == "enkat.json: fields.farg");
    CHECK(mappingError(R"({"kalla": {"column": "Typ", "constant": "enkat"}})").where ==
          "enkat.json: fields.kalla");
    CHECK(mappingError(R"({"kalla": {"colum": "Typ"}})").where == "enkat.json: fields.kalla.colum");
    CHECK(mappingError(R"({"beskrivn": {"column": "Typ", "time_formats": ["%d/%m/%Y"]}})").where ==
          "enkat.json: fields.beskrivn.time_formats");

    auto notJson = parseImportMapping("{\"format\": ", "enkat.json", catalog());
    REQUIRE_FALSE(notJson);
    CHECK(notJson.error().where.rfind("enkat.json", 0) == 0);
    auto wrongFormat = parseImportMapping(
        R"({"format": "x", "layer": "observationer", "fields": {}})", "enkat.json", catalog());
    REQUIRE_FALSE(wrongFormat);
    CHECK(wrongFormat.error().where == "enkat.json: format");

    // A column the source lacks is named with the mapping's path.
    auto parsed = parseImportMapping(
        R"({"format": "tryggkarta-import-mapping/1", "layer": "observationer", "x": "lon", "y": "lat",
            "source_crs": "EPSG:4326",
            "fields": {"kategori": {"column": "Finns inte"}, "polaritet": {"constant": "otrygg"},
                       "kalla": {"constant": "Medborgardialog"}}})",
        "enkat.json", catalog());
    REQUIRE(parsed);
    CHECK(parsed->fields.at("kalla").constant == "medborgardialog"); // a label becomes its code
    ImportOptions options;
    options.mapping = *parsed;
    auto read = readForImport(catalog(), kSurvey, options, Crs::fromEpsg(3006));
    REQUIRE_FALSE(read);
    CHECK(read.error().where == "enkat.json: fields.kategori");
    CHECK(read.error().message.find("no column 'Finns inte'") != std::string::npos);
}

TEST_CASE("timestamps in the formats a mapping names") {
    CHECK(parseTimestamp("03/10/2025 18:45", "%d/%m/%Y %H:%M") ==
          DateTime{{2025, 10, 3}, 18, 45, 0.0, {}});
    CHECK(parseTimestamp(" 2025-10-03 18:45:30 ", "%Y-%m-%d %H:%M:%S") ==
          DateTime{{2025, 10, 3}, 18, 45, 30.0, {}});
    CHECK_FALSE(parseTimestamp("31/02/2025 10:00", "%d/%m/%Y %H:%M"));
    CHECK_FALSE(parseTimestamp("2025-10-03", "%d/%m/%Y"));
    CHECK_FALSE(parseTimestamp("03/10/2025 18:45 extra", "%d/%m/%Y %H:%M"));
}

TEST_CASE("GPX waypoints become observations and a track a walk, through the ready mappings") {
    TempDir dir;
    const fs::path gpx = dir.write("telefon.gpx", kGpx);

    auto waypoints = readGpx(gpx, "observationer");
    const LayerDef& observations = *catalog().find("observationer");
    CHECK(waypoints->report.sourceLayer == "waypoints");
    CHECK(std::ranges::any_of(waypoints->report.notes, [](const std::string& note) {
        return note.find("gpx_punkter.json") != std::string::npos;
    }));
    REQUIRE(waypoints->features.size() == 2);
    const Feature& lamp = waypoints->features[0];
    CHECK(textOf(observations, lamp, "kategori") == "belysning");
    CHECK(textOf(observations, waypoints->features[1], "kategori") == "annat");
    CHECK(textOf(observations, lamp, "beskrivn") == "Trasig lampa: vid stationen");
    CHECK(textOf(observations, lamp, "kalla") == "trygghetsvandring");
    CHECK(std::get<DateTime>(valueOf(observations, lamp, "tidpunkt")) ==
          DateTime{{2025, 10, 3}, 18, 45, 0.0, 0});
    // 20:45 Swedish summer time in October is dark in Vännäs; noon is daylight.
    CHECK(textOf(observations, lamp, "ljusforh") == "morker");
    CHECK(textOf(observations, waypoints->features[1], "ljusforh") == "dagsljus");

    auto walks = readGpx(gpx, "vandringar");
    const LayerDef& walkLayer = *catalog().find("vandringar");
    CHECK(walks->report.sourceLayer == "tracks");
    REQUIRE(walks->features.size() == 1);
    const Feature& walk = walks->features[0];
    CHECK(textOf(walkLayer, walk, "namn") == "Kvällsvandring");
    CHECK(textOf(walkLayer, walk, "anteckn") == "Centrum runt");
    CHECK(std::get<Date>(valueOf(walkLayer, walk, "datum")) == Date{2025, 10, 3});
    CHECK(textOf(walkLayer, walk, "ljusforh") == "morker");
    REQUIRE(std::holds_alternative<LineString>(*walk.geometry));
    CHECK(std::get<LineString>(*walk.geometry).size() == 3);
}
