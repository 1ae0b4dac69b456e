#include "test_support.h"
#include "tryggkarta/io/export.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <set>

using namespace trygg;
using trygg::test::TempDir;

namespace {

namespace fs = std::filesystem;

const std::string kReporter = "Örjan Testsson";
const std::string kPhone = "070-123 45 67";

Project emptyProject(int epsg = 3006) {
    Project project;
    project.crs = Crs::fromEpsg(epsg);
    for (const LayerDef& def : trygg::test::sourceCatalog().layers) {
        project.layers.emplace_back(def);
    }
    return project;
}

Feature featureIn(const Layer& layer, Geometry geometry,
                  const std::map<std::string, Value>& values) {
    Feature feature;
    feature.geometry = std::move(geometry);
    feature.values.resize(layer.definition().fields.size());
    for (const auto& [name, value] : values) {
        feature.values[*layer.definition().fieldIndex(name)] = value;
    }
    return feature;
}

FeatureId addObservation(Project& project, Point where, std::map<std::string, Value> values = {}) {
    Layer& layer = *project.layer("observationer");
    values.emplace("kategori", std::string("belysning"));
    values.emplace("polaritet", std::string("otrygg"));
    values.emplace("kalla", std::string("trygghetsvandring"));
    return layer.add(featureIn(layer, where, values));
}

Polygon square(double x, double y, double side) {
    Polygon polygon;
    polygon.outer() = {{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}};
    return polygon;
}

/// Vännäs centrum in SWEREF 99 TM.
constexpr double kX = 733107.0;
constexpr double kY = 7096069.0;

/// A project with observations (one with personal data and å/ä/ö), three measures of
/// different geometry and a walk.
Project sampleProject() {
    Project project = emptyProject();
    addObservation(project, {kX, kY},
                   {{"beskrivn", std::string("Mörk gångväg vid Ålidhem, öde och rädd")},
                    {"rapportor", kReporter},
                    {"kontakt", kPhone},
                    {"tidpunkt", DateTime{Date{2024, 10, 5}, 21, 30, 0.0, 120}},
                    {"kansla", std::int64_t{1}}});
    addObservation(project, {kX + 40, kY + 10}, {{"kategori", std::string("gomstallen")}});
    Layer& measures = *project.layer("atgarder");
    auto measure = [&](Geometry g, const char* title) {
        measures.add(featureIn(measures, std::move(g),
                               {{"titel", std::string(title)},
                                {"typ", std::string("belysning")},
                                {"status", std::string("forslag")},
                                {"ansvarig", std::string("kommun")},
                                {"deadline", Date{2025, 6, 30}}}));
    };
    measure(Point{kX, kY}, "Ny armatur vid Järnvägsgatan");
    measure(LineString{{kX, kY}, {kX + 100, kY}}, "Belys gångstråket");
    measure(square(kX, kY, 20), "Röj buskage");
    measure(MultiPolygon{square(kX + 50, kY, 10), square(kX + 70, kY, 10)}, "Två planteringar");
    Layer& walks = *project.layer("vandringar");
    walks.add(
        featureIn(walks, LineString{{kX, kY}, {kX, kY + 200}},
                  {{"namn", std::string("Kvällsvandring centrum")}, {"datum", Date{2024, 10, 5}}}));
    return project;
}

ExportReport exportOk(const Project& project, const ExportOptions& options) {
    auto report = exportProject(project, "p.gpkg", options);
    if (!report) {
        FAIL(report.error().describe());
    }
    return *report;
}

ExportOptions optionsFor(ExportFormat format, PrivacyProfile profile, const fs::path& output) {
    ExportOptions options;
    options.format = format;
    options.profile = profile;
    options.output = output;
    return options;
}

GDALDatasetUniquePtr openRead(const fs::path& path) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    return ds;
}

std::vector<std::string> fieldNames(OGRLayer& layer) {
    std::vector<std::string> names;
    for (int i = 0; i < layer.GetLayerDefn()->GetFieldCount(); ++i) {
        names.emplace_back(layer.GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
    }
    return names;
}

/// Every feature of a one-layer file, by its "id".
std::map<std::int64_t, OGRFeatureUniquePtr> featuresById(OGRLayer& layer) {
    std::map<std::int64_t, OGRFeatureUniquePtr> out;
    layer.ResetReading();
    while (OGRFeature* f = layer.GetNextFeature()) {
        out[f->GetFieldAsInteger64("id")] = OGRFeatureUniquePtr(f);
    }
    return out;
}

std::string labelOf(const char* layer, const char* field, const char* code,
                    std::string_view language) {
    const LayerDef* def = trygg::test::sourceCatalog().find(layer);
    return def->field(field)->findCode(code)->label.in(language);
}

/// Every byte of every file under `root` (or the file itself).
std::vector<std::pair<fs::path, std::string>> allBytes(const fs::path& root) {
    std::vector<std::pair<fs::path, std::string>> files;
    if (fs::is_regular_file(root)) {
        files.emplace_back(root, trygg::test::readAll(root));
        return files;
    }
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file()) {
            files.emplace_back(entry.path(), trygg::test::readAll(entry.path()));
        }
    }
    return files;
}

} // namespace

TEST_CASE("shapefile package: å/ä/ö survive, the .cpg says UTF-8, labels are the definition's") {
    TempDir dir;
    Project project = sampleProject();
    for (const char* language : {"sv", "en"}) {
        INFO(language);
        auto options = optionsFor(ExportFormat::Shapefile, PrivacyProfile::Consultant,
                                  dir / ("shp-" + std::string(language)));
        options.language = language;
        ExportReport report = exportOk(project, options);
        const fs::path folder = options.output;
        CHECK(trygg::test::readAll(folder / "observationer.cpg") == "UTF-8");
        CHECK(trygg::test::readAll(folder / "observationer.dbf").back() ==
              '\x1A'); // dBase's end mark
        CHECK(fs::exists(folder / "observationer.prj"));
        auto ds = openRead(folder / "observationer.shp");
        OGRLayer* layer = ds->GetLayer(0);
        auto features = featuresById(*layer);
        REQUIRE(features.size() == 2);
        OGRFeature& first = *features.at(1);
        CHECK(std::string(first.GetFieldAsString("beskrivn")) ==
              "Mörk gångväg vid Ålidhem, öde och rädd");
        CHECK(std::string(first.GetFieldAsString("kategori")) == "belysning");
        CHECK(std::string(first.GetFieldAsString("kategori_t")) ==
              labelOf("observationer", "kategori", "belysning", language));
        CHECK(std::string(first.GetFieldAsString("kalla_t")) ==
              labelOf("observationer", "kalla", "trygghetsvandring", language));
        CHECK(std::string(first.GetFieldAsString("kansla_t")) ==
              labelOf("observationer", "kansla", "1", language));
        CHECK(std::string(features.at(2)->GetFieldAsString("kategori_t")) ==
              labelOf("observationer", "kategori", "gomstallen", language));
        // Shapefiles have no date-time: ISO 8601 text, the zone kept.
        CHECK(std::string(first.GetFieldAsString("tidpunkt")) == "2024-10-05T21:30:00+02:00");
        CHECK(layer->GetLayerDefn()->GetFieldIndex("rapportor") < 0);
        CHECK(layer->GetLayerDefn()->GetFieldIndex("kontakt") < 0);
        auto walks = openRead(folder / "vandringar.shp");
        auto walk = featuresById(*walks->GetLayer(0));
        int y = 0, m = 0, d = 0, h = 0, min = 0, tz = 0;
        float s = 0;
        REQUIRE(walk.at(1)->GetFieldAsDateTime(walk.at(1)->GetFieldIndex("datum"), &y, &m, &d, &h,
                                               &min, &s, &tz));
        CHECK(walks->GetLayer(0)
                  ->GetLayerDefn()
                  ->GetFieldDefn(walk.at(1)->GetFieldIndex("datum"))
                  ->GetType() == OFTDate);
        CHECK((y == 2024 && m == 10 && d == 5));
        CHECK(std::find(report.files.begin(), report.files.end(), "datakatalog.csv") !=
              report.files.end());
        CHECK(std::find(report.files.begin(), report.files.end(), "LASMIG.txt") !=
              report.files.end());
    }
}

TEST_CASE("shapefile field names: ASCII, at most 10 bytes, unique, the same in every export") {
    TempDir dir;
    Project project = sampleProject();
    std::map<std::string, std::vector<std::string>> first;
    for (int run = 0; run < 2; ++run) {
        auto options = optionsFor(ExportFormat::Shapefile, PrivacyProfile::Internal,
                                  dir / ("run" + std::to_string(run)));
        ExportReport report = exportOk(project, options);
        for (const std::string& file : report.files) {
            if (!file.ends_with(".shp")) {
                continue;
            }
            INFO(file);
            auto ds = openRead(options.output / file);
            auto names = fieldNames(*ds->GetLayer(0));
            std::set<std::string> lower;
            for (const std::string& name : names) {
                INFO(name);
                CHECK(name.size() <= 10);
                CHECK(std::all_of(name.begin(), name.end(),
                                  [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
                std::string folded = name;
                std::transform(folded.begin(), folded.end(), folded.begin(), ::tolower);
                CHECK(lower.insert(folded).second);
            }
            if (run == 0) {
                first[file] = names;
            } else {
                CHECK(first[file] == names);
            }
        }
    }
    CHECK(first.size() == 5); // observationer, three measure files, vandringar
    // A profile drops columns but never renames the others.
    auto consultant =
        optionsFor(ExportFormat::Shapefile, PrivacyProfile::Consultant, dir / "consultant");
    exportOk(project, consultant);
    auto ds = openRead(consultant.output / "observationer.shp");
    auto names = fieldNames(*ds->GetLayer(0));
    std::vector<std::string> kept;
    std::copy_if(first["observationer.shp"].begin(), first["observationer.shp"].end(),
                 std::back_inserter(kept),
                 [](const std::string& n) { return n != "rapportor" && n != "kontakt"; });
    CHECK(names == kept);
    const auto& observations = first["observationer.shp"];
    for (const char* expected : {"id", "kategori", "kategori_t", "polaritet", "polarite_t",
                                 "beskrivn", "tidpunkt", "rapportor", "kontakt", "roll_t"}) {
        CHECK(std::find(observations.begin(), observations.end(), expected) != observations.end());
    }
}

TEST_CASE("a measure layer with a point, a line and polygons gives three shapefiles") {
    TempDir dir;
    Project project = sampleProject();
    auto options = optionsFor(ExportFormat::Shapefile, PrivacyProfile::Consultant, dir / "shp");
    options.layers = {"atgarder"};
    ExportReport report = exportOk(project, options);
    REQUIRE(report.tables.size() == 3);
    struct Expected {
        const char* file;
        OGRwkbGeometryType type;
        std::int64_t count;
    };
    for (const Expected& e : {Expected{"atgarder_punkt.shp", wkbPoint, 1},
                              Expected{"atgarder_linje.shp", wkbLineString, 1},
                              Expected{"atgarder_yta.shp", wkbPolygon, 2}}) {
        INFO(e.file);
        auto ds = openRead(options.output / e.file);
        OGRLayer* layer = ds->GetLayer(0);
        CHECK(wkbFlatten(layer->GetGeomType()) == e.type);
        CHECK(layer->GetFeatureCount() == e.count);
        CHECK(trygg::test::readAll(
                  options.output /
                  (std::string(e.file).substr(0, std::strlen(e.file) - 4) + ".cpg")) == "UTF-8");
    }
    auto polygons = openRead(options.output / "atgarder_yta.shp");
    auto byId = featuresById(*polygons->GetLayer(0));
    CHECK(std::string(byId.at(3)->GetFieldAsString("titel")) == "Röj buskage");
    CHECK(wkbFlatten(byId.at(4)->GetGeometryRef()->getGeometryType()) == wkbMultiPolygon);
    CHECK(std::string(byId.at(4)->GetFieldAsString("status_t")) ==
          labelOf("atgarder", "status", "forslag", "sv"));
    CHECK_FALSE(fs::exists(options.output / "observationer.shp"));
}

TEST_CASE("the .prj is the CRS asked for and coordinates are transformed into it") {
    TempDir dir;
    Project project = sampleProject();
    for (int epsg : {3006, 3016}) {
        INFO(epsg);
        auto options = optionsFor(ExportFormat::Shapefile, PrivacyProfile::Consultant,
                                  dir / std::to_string(epsg));
        options.crs = Crs::fromEpsg(epsg);
        options.layers = {"observationer"};
        exportOk(project, options);
        auto ds = openRead(options.output / "observationer.shp");
        OGRLayer* layer = ds->GetLayer(0);
        OGRSpatialReference prj(*layer->GetSpatialRef());
        REQUIRE(prj.AutoIdentifyEPSG() == OGRERR_NONE);
        CHECK(std::string(prj.GetAuthorityCode(nullptr)) == std::to_string(epsg));
        auto features = featuresById(*layer);
        const OGRPoint* point = features.at(1)->GetGeometryRef()->toPoint();
        if (epsg == 3006) {
            CHECK(point->getX() == Approx(kX).margin(1e-6));
            CHECK(point->getY() == Approx(kY).margin(1e-6));
        } else {
            // The domain brief: Vännäs centrum is N 7 090 306, E 125 680 in SWEREF 99 20 15.
            CHECK(point->getX() == Approx(125680).margin(30));
            CHECK(point->getY() == Approx(7090306).margin(30));
            OGRSpatialReference from;
            from.importFromEPSG(3006);
            from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            OGRSpatialReference to;
            to.importFromEPSG(3016);
            to.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            std::unique_ptr<OGRCoordinateTransformation> ct(
                OGRCreateCoordinateTransformation(&from, &to));
            double x = kX, y = kY;
            REQUIRE(ct->Transform(1, &x, &y));
            CHECK(point->getX() == Approx(x).margin(0.001));
            CHECK(point->getY() == Approx(y).margin(0.001));
        }
    }
}

TEST_CASE("text longer than a DBF field is split on character boundaries without loss") {
    TempDir dir;
    Project project = emptyProject();
    // Multi-byte letters straddle the 254-byte cuts, and spaces sit right at them.
    std::string text;
    while (text.size() < 700) {
        text += "Åäö gångtunneln är mörk ";
    }
    text += "slut.";
    addObservation(project, {kX, kY}, {{"beskrivn", text}});
    auto options = optionsFor(ExportFormat::Shapefile, PrivacyProfile::Consultant, dir / "shp");
    ExportReport report = exportOk(project, options);
    auto ds = openRead(options.output / "observationer.shp");
    OGRLayer* layer = ds->GetLayer(0);
    auto names = fieldNames(*layer);
    CHECK(std::find(names.begin(), names.end(), "beskriv_2") != names.end());
    CHECK(std::find(names.begin(), names.end(), "beskriv_3") != names.end());
    auto features = featuresById(*layer);
    std::string joined;
    for (const char* column : {"beskrivn", "beskriv_2", "beskriv_3", "beskriv_4"}) {
        if (layer->GetLayerDefn()->GetFieldIndex(column) >= 0) {
            std::string piece = features.at(1)->GetFieldAsString(column);
            CHECK(piece.size() <= 254);
            CHECK(CPLIsUTF8(piece.c_str(), -1));
            joined += piece;
        }
    }
    CHECK(joined == text);
    const std::string note = "observationer.shp: text of 'beskrivn' in feature 1 split into "
                             "beskrivn, beskriv_2, beskriv_3";
    CHECK(std::any_of(report.log.begin(), report.log.end(),
                      [&](const std::string& line) { return line.starts_with(note); }));
}

TEST_CASE("GeoPackage: full field names, value lists and one QGIS style per layer") {
    TempDir dir;
    Project project = sampleProject();
    auto options =
        optionsFor(ExportFormat::GeoPackage, PrivacyProfile::Consultant, dir / "export.gpkg");
    ExportReport report = exportOk(project, options);
    CHECK(report.files == std::vector<std::string>{"export.gpkg"});
    auto ds = openRead(options.output);
    OGRLayer* styles = ds->GetLayerByName("layer_styles");
    REQUIRE(styles != nullptr);
    std::map<std::string, std::string> qml;
    for (auto& row : *styles) {
        qml[row->GetFieldAsString("f_table_name")] = row->GetFieldAsString("styleQML");
        CHECK(row->GetFieldAsInteger("useAsDefault") == 1);
        CHECK(std::string(row->GetFieldAsString("f_geometry_column")) == "geom");
    }
    CHECK(qml.size() == 3);
    CHECK(styles->GetFeatureCount() == 3);
    CHECK(qml["observationer"].find("type=\"categorizedSymbol\" attr=\"polaritet\"") !=
          std::string::npos);
    CHECK(qml["observationer"].find("value=\"otrygg\" label=\"Otrygg\"") != std::string::npos);
    CHECK(qml["observationer"].find("\"name\" type=\"QString\" value=\"triangle\"") !=
          std::string::npos);
    CHECK(qml["observationer"].find("215,48,31,255") != std::string::npos); // #d7301f
    CHECK(qml["atgarder"].find("RuleRenderer") != std::string::npos);
    OGRLayer* observations = ds->GetLayerByName("observationer");
    REQUIRE(observations != nullptr);
    CHECK(observations->GetLayerDefn()->GetFieldIndex("rapportor") < 0);
    CHECK(observations->GetLayerDefn()->GetFieldIndex("polaritet") >= 0);
    OGRFeatureUniquePtr first(observations->GetFeature(1));
    REQUIRE(first);
    CHECK(std::string(first->GetFieldAsString("beskrivn")) ==
          "Mörk gångväg vid Ålidhem, öde och rädd");
    CHECK(ds->GetLayerByName("atgarder")->GetFeatureCount() == 4);
}

TEST_CASE("GeoJSON is WGS 84 with labels, CSV has WKT, labels, no BOM and a .prj") {
    TempDir dir;
    Project project = sampleProject();
    auto json = optionsFor(ExportFormat::GeoJson, PrivacyProfile::Consultant, dir / "json");
    json.crs = Crs::fromEpsg(3016);
    ExportReport report = exportOk(project, json);
    CHECK(std::any_of(report.log.begin(), report.log.end(), [](const std::string& l) {
        return l.find("GeoJSON is always WGS 84") != std::string::npos;
    }));
    auto ds = openRead(json.output / "observationer.geojson");
    auto features = featuresById(*ds->GetLayer(0));
    const OGRPoint* point = features.at(1)->GetGeometryRef()->toPoint();
    CHECK(point->getX() == Approx(19.7545).margin(0.002));
    CHECK(point->getY() == Approx(63.9135).margin(0.002));
    CHECK(std::string(features.at(1)->GetFieldAsString("kategori_label")) == "Belysning");

    auto csv = optionsFor(ExportFormat::Csv, PrivacyProfile::Consultant, dir / "csv");
    exportOk(project, csv);
    const std::string bytes = trygg::test::readAll(csv.output / "observationer.csv");
    CHECK_FALSE(bytes.starts_with("\xEF\xBB\xBF"));
    CHECK(bytes.starts_with("WKT,id,kategori,kategori_label,"));
    CHECK(bytes.find("\"POINT (733107 7096069)\"") != std::string::npos);
    CHECK(bytes.find("2024-10-05T21:30:00+02:00") != std::string::npos);
    CHECK(fs::exists(csv.output / "observationer.prj"));
    auto measures = openRead(csv.output / "atgarder.csv");
    CHECK(measures->GetLayer(0)->GetFeatureCount() == 4);
}

TEST_CASE("dates and times are written as toIsoString writes them") {
    TempDir dir;
    Project project = emptyProject();
    const std::vector<DateTime> times{DateTime{Date{2024, 10, 5}, 21, 30, 0.0, std::nullopt},
                                      DateTime{Date{2024, 1, 31}, 6, 5, 9.25, 0},
                                      DateTime{Date{1999, 12, 31}, 23, 59, 59.999, -210},
                                      DateTime{Date{2025, 6, 1}, 0, 0, 0.0005, 60}};
    for (const DateTime& time : times) {
        addObservation(project, {kX, kY}, {{"tidpunkt", time}});
    }
    auto options = optionsFor(ExportFormat::Csv, PrivacyProfile::Consultant, dir / "csv");
    exportOk(project, options);
    const std::string csv = trygg::test::readAll(options.output / "observationer.csv");
    for (const DateTime& time : times) {
        INFO(toIsoString(time));
        CHECK(csv.find("," + toIsoString(time) + ",") != std::string::npos);
    }
}

TEST_CASE("consultant and public exports hold no personal value in any file") {
    TempDir dir;
    Project project = sampleProject();
    const std::vector<std::string> personal{kReporter, "Testsson", kPhone};
    int exports = 0;
    for (auto profile :
         {PrivacyProfile::Internal, PrivacyProfile::Consultant, PrivacyProfile::Public}) {
        for (auto format : {ExportFormat::Shapefile, ExportFormat::GeoPackage,
                            ExportFormat::GeoJson, ExportFormat::Csv}) {
            for (bool zip : {false, true}) {
                if (zip && format != ExportFormat::Shapefile) {
                    continue;
                }
                const std::string name = std::string(privacyProfileName(profile)) + "-" +
                                         std::string(exportFormatName(format)) +
                                         (zip ? ".zip" : "") +
                                         (format == ExportFormat::GeoPackage ? ".gpkg" : "");
                INFO(name);
                auto options = optionsFor(format, profile, dir / name);
                options.zip = zip;
                options.minCount = 1; // the hexagons must be written for the scan to mean something
                exportOk(project, options);
                ++exports;
                bool found = false;
                for (const auto& [file, bytes] : allBytes(options.output)) {
                    for (const std::string& value : personal) {
                        if (bytes.find(value) != std::string::npos) {
                            found = true;
                            INFO(file.string() + " holds " + value);
                            CHECK(profile == PrivacyProfile::Internal);
                        }
                    }
                    if (profile == PrivacyProfile::Public) {
                        CHECK(bytes.find("Mörk gångväg") == std::string::npos); // free text
                    }
                }
                // The scan finds what is there: the internal export (not zipped) holds it.
                if (profile == PrivacyProfile::Internal && !zip) {
                    CHECK(found);
                }
            }
        }
    }
    CHECK(exports == 15);
}

TEST_CASE("public profile: observation counts per hexagon, small cells suppressed") {
    TempDir dir;
    Project project = emptyProject();
    for (int i = 0; i < 5; ++i) {
        addObservation(project, {kX + i * 0.5, kY}, {{"rapportor", kReporter}});
    }
    addObservation(project, {kX + 500, kY + 500});
    addObservation(project, {kX + 500.5, kY + 500});
    auto options =
        optionsFor(ExportFormat::GeoPackage, PrivacyProfile::Public, dir / "public.gpkg");
    ExportReport report = exportOk(project, options);
    auto ds = openRead(options.output);
    CHECK(ds->GetLayerByName("observationer") == nullptr);
    OGRLayer* cells = ds->GetLayerByName("observationer_hex");
    REQUIRE(cells != nullptr);
    REQUIRE(cells->GetFeatureCount() == 1);
    OGRFeatureUniquePtr cell(cells->GetNextFeature());
    CHECK(cell->GetFieldAsInteger64("antal") == 5);
    const OGRPolygon* hexagon = cell->GetGeometryRef()->toPolygon();
    CHECK(hexagon->getExteriorRing()->getNumPoints() == 7);
    CHECK(hexagon->get_Area() == Approx(std::sqrt(3.0) / 2.0 * 75.0 * 75.0).epsilon(1e-9));
    OGRPoint inside(kX + 1, kY);
    CHECK(hexagon->Contains(&inside));
    CHECK(
        std::find(
            report.log.begin(), report.log.end(),
            "observationer: 7 observations counted in 1 hexagonal cells of 75 m (individual points "
            "left out under profile public); 1 cells with fewer than 3 observations (2 "
            "observations) suppressed") != report.log.end());

    options.output = dir / "public-40.gpkg";
    options.cellSize = 40;
    options.minCount = 2;
    exportOk(project, options);
    auto smaller = openRead(options.output);
    CHECK(smaller->GetLayerByName("observationer_hex")->GetFeatureCount() == 2);
}

TEST_CASE("an export appears whole or not at all") {
    TempDir dir;
    Project project = emptyProject();
    for (int i = 0; i < 10000; ++i) {
        addObservation(project, {kX + i % 100, kY + i / 100.0});
    }
    struct CancelSoon final : Progress {
        mutable int asked = 0;
        bool isCancelled() const override { return ++asked > 1; }
    } cancel;
    for (auto format : {ExportFormat::Shapefile, ExportFormat::GeoPackage, ExportFormat::Csv}) {
        auto options = optionsFor(format, PrivacyProfile::Consultant, dir / "out");
        auto result = exportProject(project, "p.gpkg", options, cancel);
        REQUIRE_FALSE(result);
        CHECK(result.error().code == ErrorCode::Cancelled);
        CHECK(fs::is_empty(dir.path()));
        cancel.asked = 0;
    }
    auto options = optionsFor(ExportFormat::Shapefile, PrivacyProfile::Consultant, dir / "out");
    exportOk(project, options);
    auto again = exportProject(project, "p.gpkg", options);
    REQUIRE_FALSE(again);
    CHECK(again.error().message == "already exists; choose another name or allow overwriting");
    options.overwrite = true;
    options.layers = {"observationer"};
    exportOk(project, options);
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);

    // Overwriting replaces an earlier export, never a folder of something else.
    fs::create_directory(dir / "documents");
    dir.write("documents/budget.xlsx", "not an export");
    options.output = dir / "documents";
    auto refused = exportProject(project, "p.gpkg", options);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message ==
          "exists and is not an earlier export of this kind; not replaced");
    CHECK(fs::exists(dir / "documents" / "budget.xlsx"));
    options.format = ExportFormat::GeoPackage;
    options.output = dir / "out"; // a folder is not replaced by a file
    CHECK_FALSE(exportProject(project, "p.gpkg", options));
    CHECK(fs::exists(dir / "out" / "observationer.shp"));
}

TEST_CASE("the data dictionary names every short field in Swedish and English") {
    TempDir dir;
    Project project = sampleProject();
    auto options = optionsFor(ExportFormat::Shapefile, PrivacyProfile::Consultant, dir / "shp");
    exportOk(project, options);
    const std::string csv = trygg::test::readAll(options.output / "datakatalog.csv");
    CHECK(csv.starts_with("\xEF\xBB\xBF")); // Excel reads UTF-8 with a BOM only
    auto ds = openRead(options.output / "datakatalog.csv");
    std::map<std::pair<std::string, std::string>, OGRFeatureUniquePtr> rows;
    for (auto& row : *ds->GetLayer(0)) {
        rows[{row->GetFieldAsString("file"), row->GetFieldAsString("field")}] =
            OGRFeatureUniquePtr(row->Clone());
    }
    const auto& kategori = rows.at({"observationer.shp", "kategori"});
    CHECK(std::string(kategori->GetFieldAsString("name_sv")) == "Kategori");
    CHECK(std::string(kategori->GetFieldAsString("name_en")) == "Category");
    CHECK(std::string(kategori->GetFieldAsString("values"))
              .starts_with("belysning=Belysning; sikt=Skymd sikt/vegetation"));
    CHECK(std::string(rows.at({"observationer.shp", "kategori_t"})->GetFieldAsString("name_sv")) ==
          "Kategori (klartext)");
    CHECK(std::string(rows.at({"observationer.shp", "tidpunkt"})->GetFieldAsString("type"))
              .find("ISO 8601") != std::string::npos);
    CHECK(std::string(rows.at({"atgarder_yta.shp", "kostnad"})->GetFieldAsString("unit")) == "SEK");
    CHECK(rows.count({"observationer.shp", "rapportor"}) == 0);
    const std::string readme = trygg::test::readAll(options.output / "LASMIG.txt");
    CHECK(readme.find("EPSG:3006") != std::string::npos);
    CHECK(readme.find("UTF-8") != std::string::npos);
    CHECK(readme.find("atgarder_linje.shp: Åtgärder / Measures") != std::string::npos);
    CHECK(readme.find("field rapportor (personal data) left out under profile consultant") !=
          std::string::npos);
}

TEST_CASE("KML: a folder per layer in WGS 84, å/ä/ö intact, styles from the symbology") {
    TempDir dir;
    const fs::path file = dir.path() / "export.kml";
    exportOk(sampleProject(), optionsFor(ExportFormat::Kml, PrivacyProfile::Consultant, file));
    auto ds = openRead(file);
    OGRLayer* observations = ds->GetLayerByName("observationer");
    REQUIRE(observations != nullptr);
    CHECK(observations->GetFeatureCount() == 2);
    std::set<std::string> names;
    bool foundText = false;
    for (auto& feature : *observations) {
        names.insert(feature->GetFieldAsString("Name"));
        const OGRPoint* point = feature->GetGeometryRef()->toPoint();
        CHECK(point->getX() == Approx(19.75).margin(0.2)); // longitude of Vännäs
        CHECK(point->getY() == Approx(63.91).margin(0.2));
        foundText = foundText || std::string(feature->GetFieldAsString("beskrivn")) ==
                                     "Mörk gångväg vid Ålidhem, öde och rädd";
    }
    CHECK(foundText);
    CHECK(names.count(labelOf("observationer", "kategori", "belysning", "sv")) == 1);
    OGRLayer* measures = ds->GetLayerByName("atgarder");
    REQUIRE(measures != nullptr);
    CHECK(measures->GetFeatureCount() == 4);
    std::set<std::string> titles;
    for (auto& feature : *measures) {
        titles.insert(feature->GetFieldAsString("Name"));
    }
    CHECK(titles.count("Ny armatur vid Järnvägsgatan") == 1);
    const std::string text = trygg::test::readAll(file);
    CHECK(text.find("<Style") != std::string::npos);
    CHECK(text.find("<color>") != std::string::npos);
    CHECK(text.find("<Folder") != std::string::npos);
    CHECK(text.find(kReporter) == std::string::npos);
    CHECK(text.find(kPhone) == std::string::npos);
}

TEST_CASE("GPX: the walk as a track, observations as waypoints, nothing personal") {
    TempDir dir;
    const fs::path file = dir.path() / "export.gpx";
    auto report = exportOk(sampleProject(),
                           optionsFor(ExportFormat::Gpx, PrivacyProfile::Consultant, file));
    auto ds = openRead(file);
    OGRLayer* tracks = ds->GetLayerByName("tracks");
    OGRLayer* waypoints = ds->GetLayerByName("waypoints");
    REQUIRE(tracks != nullptr);
    REQUIRE(waypoints != nullptr);
    CHECK(tracks->GetFeatureCount() == 1);
    CHECK(waypoints->GetFeatureCount() == 2);
    OGRFeatureUniquePtr track(tracks->GetNextFeature());
    CHECK(std::string(track->GetFieldAsString("name")) == "Kvällsvandring centrum (2024-10-05)");
    std::set<std::string> names;
    bool timed = false;
    for (auto& waypoint : *waypoints) {
        names.insert(waypoint->GetFieldAsString("name"));
        timed = timed || waypoint->IsFieldSetAndNotNull(waypoint->GetFieldIndex("time"));
    }
    CHECK(names.count(labelOf("observationer", "kategori", "belysning", "sv")) == 1);
    CHECK(timed);
    const std::string text = trygg::test::readAll(file);
    CHECK(text.find("<trk>") != std::string::npos);
    CHECK(text.find("Ålidhem") != std::string::npos);
    CHECK(text.find(kReporter) == std::string::npos);
    CHECK(text.find(kPhone) == std::string::npos);
    // The measures do not fit a GPX and the log says so.
    CHECK(std::any_of(report.log.begin(), report.log.end(), [](const std::string& line) {
        return line.starts_with("atgarder: left out of the GPX");
    }));
}

TEST_CASE("DXF: a CAD layer per layer and measure status, in the project's CRS") {
    TempDir dir;
    const fs::path file = dir.path() / "export.dxf";
    exportOk(sampleProject(), optionsFor(ExportFormat::Dxf, PrivacyProfile::Consultant, file));
    auto ds = openRead(file);
    REQUIRE(ds->GetLayerCount() >= 1);
    OGRLayer* entities = ds->GetLayer(0);
    std::map<std::string, int> perLayer;
    for (auto& feature : *entities) {
        ++perLayer[feature->GetFieldAsString("Layer")];
        OGREnvelope box;
        feature->GetGeometryRef()->getEnvelope(&box);
        CHECK(box.MinX == Approx(kX).margin(500));
    }
    // A multi-polygon is written as one polyline per part.
    CHECK(perLayer == std::map<std::string, int>{
                          {"OBSERVATIONER", 2}, {"ATGARDER_FORSLAG", 5}, {"VANDRINGAR", 1}});
    const std::string text = trygg::test::readAll(file);
    CHECK(text.find(kReporter) == std::string::npos);
}

TEST_CASE("the new formats have names") {
    CHECK(parseExportFormat("kml") == ExportFormat::Kml);
    CHECK(parseExportFormat("gpx") == ExportFormat::Gpx);
    CHECK(parseExportFormat("dxf") == ExportFormat::Dxf);
    CHECK(exportFormatName(ExportFormat::Dxf) == "dxf");
}
