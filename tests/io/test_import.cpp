#include <catch2/catch.hpp>

#include "test_support.h"
#include "tryggkarta/io/importer.h"
#include "tryggkarta/io/project_store.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace trygg;
using trygg::test::TempDir;

namespace {

const LayerCatalog& catalog() { return trygg::test::sourceCatalog(); }

struct Fixture {
    TempDir dir;
    std::filesystem::path project = dir / "p.gpkg";
    Fixture() { REQUIRE(createProject(project, Crs::fromEpsg(3006), catalog())); }

    Result<ImportReport> import(const std::filesystem::path& source, ImportOptions options = {}) {
        if (options.targetLayer.empty()) {
            options.targetLayer = "observationer";
        }
        return importIntoProject(project, catalog(), source, options);
    }
    Layer layer(const char* name) {
        auto opened = openProject(project, catalog());
        REQUIRE(opened);
        return *opened->layer(name);
    }
};

std::string textOf(const Layer& layer, const Feature& f, const char* field) {
    return toDisplayString(f.values[*layer.definition().fieldIndex(field)]);
}

/// A small shapefile written by GDAL, as a consultant's tool would.
void writeShapefile(const std::filesystem::path& path, int epsg, OGRwkbGeometryType type,
                    const std::vector<std::pair<std::string, std::vector<std::string>>>& rows,
                    const std::vector<std::string>& columns) {
    auto* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    const char* options[] = {"ENCODING=UTF-8", nullptr};
    OGRLayer* layer = ds->CreateLayer(path.stem().c_str(), &srs, type, const_cast<char**>(options));
    REQUIRE(layer != nullptr);
    for (const auto& column : columns) {
        OGRFieldDefn defn(column.c_str(), OFTString);
        defn.SetWidth(100);
        REQUIRE(layer->CreateField(&defn) == OGRERR_NONE);
    }
    for (const auto& [wkt, values] : rows) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        for (std::size_t i = 0; i < values.size(); ++i) {
            f->SetField(static_cast<int>(i), values[i].c_str());
        }
        OGRGeometry* geometry = nullptr;
        OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &geometry);
        f->SetGeometryDirectly(geometry);
        REQUIRE(layer->CreateFeature(f.get()) == OGRERR_NONE);
    }
}

} // namespace

TEST_CASE("CSV with lat/lon and Swedish labels in any case") {
    Fixture fx;
    auto csv = fx.dir.write("dialog.csv",
                            "lat,lon,kategori,polaritet,kalla,tidpunkt,ljusforh,kansla,beskrivn\n"
                            "63.9135,19.7545,Belysning,OTRYGG,medborgardialog,2025-10-14T21:30:00,Mörker,0,Mörkt vid stationen\n"
                            "63.9140,19.7560,folkliv,trygg,Medborgardialog,2025-10-15 12:00,dagsljus,Bekväm,\n");
    auto report = fx.import(csv);
    REQUIRE(report);
    CHECK(report->rowsRead == 2);
    CHECK(report->imported == 2);
    CHECK(report->rejectedCount == 0);

    Layer obs = fx.layer("observationer");
    REQUIRE(obs.size() == 2);
    const Feature& first = *obs.find(FeatureId{1});
    CHECK(textOf(obs, first, "kategori") == "belysning");
    CHECK(textOf(obs, first, "polaritet") == "otrygg");
    CHECK(textOf(obs, first, "ljusforh") == "morker");
    CHECK(textOf(obs, first, "beskrivn") == "Mörkt vid stationen");
    CHECK(textOf(obs, first, "tidpunkt") == "2025-10-14T21:30:00");
    CHECK(std::get<std::int64_t>(first.values[*obs.definition().fieldIndex("kansla")]) == 0);
    const auto& p = std::get<Point>(*first.geometry);
    CHECK(p.x() == Approx(733107).margin(2.0));
    CHECK(p.y() == Approx(7096069).margin(2.0));
    const Feature& second = *obs.find(FeatureId{2});
    CHECK(std::get<std::int64_t>(second.values[*obs.definition().fieldIndex("kansla")]) == 3);
    CHECK(isNull(second.values[*obs.definition().fieldIndex("beskrivn")]));
}

TEST_CASE("CSV x/y needs its CRS, and bad rows are listed while the rest goes in") {
    Fixture fx;
    auto csv = fx.dir.write("rapporter.csv",
                            "x;y;kategori;polaritet;kalla\n"
                            "733107,5;7096069,5;belysning;otrygg;polis\n"
                            "abc;7096069;belysning;otrygg;polis\n"
                            "733150;7096100;gatubelysning;otrygg;polis\n"
                            "733160;7096110;trafik;trivsam;polis\n");
    auto before = trygg::test::readAll(fx.project);
    auto refused = fx.import(csv);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::CrsUnknown);
    CHECK(refused.error().where == "rapporter.csv");
    CHECK(trygg::test::readAll(fx.project) == before);

    ImportOptions options;
    options.sourceCrs = Crs::fromEpsg(3006);
    options.strict = true;
    auto strict = fx.import(csv, options);
    REQUIRE(strict);
    CHECK(strict->imported == 0);
    CHECK(strict->rejectedCount == 2);
    CHECK(fx.layer("observationer").size() == 0);

    options.strict = false;
    auto report = fx.import(csv, options);
    REQUIRE(report);
    CHECK(report->rowsRead == 4);
    CHECK(report->imported == 2);
    REQUIRE(report->rejected.size() == 2);
    CHECK(report->rejected[0].row == 2);
    CHECK(report->rejected[0].field == "x");
    CHECK(report->rejected[0].reason == "'abc' is not a number");
    CHECK(report->rejected[1].row == 3);
    CHECK(report->rejected[1].field == "kategori");
    CHECK(report->rejected[1].reason.starts_with("unknown value 'gatubelysning' (allowed: "));
    Layer obs = fx.layer("observationer");
    REQUIRE(obs.size() == 2);
    CHECK(std::get<Point>(*obs.find(FeatureId{1})->geometry).x() == 733107.5);
}

TEST_CASE("shapefile with å/ä/ö, in SWEREF 99 20 15, is reprojected") {
    Fixture fx;
    auto shp = fx.dir / "lampor.shp";
    writeShapefile(shp, 3016, wkbPoint,
                   {{"POINT (125680 7090306)", {"VN-0001", "fungerar", "Järnvägsparken, öster om spåret"}},
                    {"POINT (125700 7090320)", {"VN-0002", "Trasig", "Vid Oskars torg"}}},
                   {"stolpnr", "status", "anmarkn"});
    auto report = fx.import(shp, ImportOptions{"belysning", {}, {}, {}, false});
    REQUIRE(report);
    CHECK(report->imported == 2);
    Layer lights = fx.layer("belysning");
    const Feature& first = *lights.find(FeatureId{1});
    CHECK(textOf(lights, first, "anmarkn") == "Järnvägsparken, öster om spåret");
    CHECK(textOf(lights, *lights.find(FeatureId{2}), "status") == "trasig");
    CHECK(std::get<Point>(*first.geometry).x() == Approx(733107).margin(2.0));
    CHECK(std::get<Point>(*first.geometry).y() == Approx(7096069).margin(2.0));
}

TEST_CASE("field mapping and geometry checks") {
    Fixture fx;
    auto geojson = fx.dir.write("blandat.geojson", R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"Typ": "klotter", "Upplevelse": "otrygg", "Källa": "polis"},
       "geometry": {"type": "Point", "coordinates": [19.7545, 63.9135]}},
      {"type": "Feature", "properties": {"Typ": "klotter", "Upplevelse": "otrygg", "Källa": "polis"},
       "geometry": {"type": "LineString", "coordinates": [[19.75, 63.91], [19.76, 63.92]]}},
      {"type": "Feature", "properties": {"Typ": "klotter", "Upplevelse": "otrygg", "Källa": "polis"},
       "geometry": {"type": "Point", "coordinates": [2.35, 48.85]}},
      {"type": "Feature", "properties": {"Typ": "klotter", "Upplevelse": "otrygg", "Källa": "polis"},
       "geometry": null}
    ]})");
    SECTION("a required field without a column is refused up front") {
        auto refused = fx.import(geojson);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::InvalidValue);
        CHECK(refused.error().message.starts_with("required field 'kategori'"));
    }
    SECTION("mapped columns; wrong type, far away and empty rows rejected") {
        ImportOptions options;
        options.fieldMap = {{"kategori", "Typ"}, {"kalla", "Källa"}};
        auto report = fx.import(geojson, options);
        REQUIRE(report);
        CHECK(report->imported == 1);
        CHECK(report->fieldSources.at("polaritet") == "Upplevelse"); // matched by Swedish label
        REQUIRE(report->rejected.size() == 3);
        CHECK(report->rejected[0].reason == "wrong geometry type LineString: layer observationer takes Point");
        CHECK(report->rejected[1].reason.starts_with("lies far outside Sweden"));
        CHECK(report->rejected[2].reason == "no geometry");
    }
    SECTION("a mapping to a column that does not exist") {
        ImportOptions options;
        options.fieldMap = {{"kategori", "Kategori"}};
        auto refused = fx.import(geojson, options);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::Usage);
        CHECK(refused.error().message.starts_with("no column 'Kategori' (columns: Typ"));
    }
}

TEST_CASE("bad sources give clear errors and leave the project unchanged") {
    Fixture fx;
    auto before = trygg::test::readAll(fx.project);
    SECTION("missing file") {
        auto result = fx.import(fx.dir / "saknas.shp");
        REQUIRE_FALSE(result);
        CHECK(result.error().code == ErrorCode::OpenFailed);
        CHECK(result.error().message == "file not found");
    }
    SECTION("unreadable format") {
        auto result = fx.import(fx.dir.write("skrap.shp", std::string(300, '\x07')));
        REQUIRE_FALSE(result);
        CHECK(result.error().code == ErrorCode::OpenFailed);
        CHECK(result.error().where == (fx.dir / "skrap.shp").string());
    }
    SECTION("a shapefile without .prj") {
        auto shp = fx.dir / "utan.shp";
        writeShapefile(shp, 3006, wkbPoint, {{"POINT (733107 7096069)", {"belysning"}}}, {"kategori"});
        std::filesystem::remove(fx.dir / "utan.prj");
        auto result = fx.import(shp);
        REQUIRE_FALSE(result);
        CHECK(result.error().code == ErrorCode::CrsUnknown);
        CHECK(result.error().where == "utan.shp");
    }
    SECTION("an unknown target layer") {
        ImportOptions options;
        options.targetLayer = "lampor";
        auto result = fx.import(fx.dir.write("a.csv", "lat,lon\n63.9,19.7\n"), options);
        REQUIRE_FALSE(result);
        CHECK(result.error().code == ErrorCode::NotFound);
    }
    SECTION("a line layer into a point layer, strictly") {
        auto shp = fx.dir / "linjer.shp";
        writeShapefile(shp, 3006, wkbLineString,
                       {{"LINESTRING (733107 7096069, 733200 7096100)", {"belysning", "otrygg", "polis"}}},
                       {"kategori", "polaritet", "kalla"});
        ImportOptions options;
        options.strict = true;
        auto result = fx.import(shp, options);
        REQUIRE(result);
        CHECK(result->imported == 0);
        CHECK(result->rejected.at(0).reason == "wrong geometry type LineString: layer observationer takes Point");
    }
    CHECK(trygg::test::readAll(fx.project) == before);
}
