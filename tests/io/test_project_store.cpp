#include <catch2/catch.hpp>

#include "test_support.h"
#include "tryggkarta/io/project_store.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace trygg;
using trygg::test::TempDir;

namespace {

const LayerCatalog& catalog() { return trygg::test::sourceCatalog(); }

Feature observation(const Layer& layer, Point where, std::map<std::string, Value> values) {
    Feature f;
    f.geometry = where;
    f.values.resize(layer.definition().fields.size());
    for (auto& [name, value] : values) {
        f.values[*layer.definition().fieldIndex(name)] = value;
    }
    return f;
}

Value text(const char* s) { return Value{std::string(s)}; }

} // namespace

TEST_CASE("a new project is a GeoPackage QGIS reads: tables, fields, EPSG:3006") {
    TempDir dir;
    auto path = dir / "p.gpkg";
    REQUIRE(createProject(path, Crs::fromEpsg(3006), catalog()));

    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    CHECK(std::string(ds->GetDriverName()) == "GPKG");
    OGRLayer* obs = ds->GetLayerByName("observationer");
    REQUIRE(obs != nullptr);
    CHECK(obs->GetGeomType() == wkbPoint);
    CHECK(std::string(obs->GetSpatialRef()->GetAuthorityCode(nullptr)) == "3006");
    CHECK(obs->GetLayerDefn()->GetFieldIndex("kategori") >= 0);
    CHECK(obs->GetLayerDefn()->GetFieldDefn(obs->GetLayerDefn()->GetFieldIndex("kategori"))
              ->GetDomainName() == "observationer_kategori");
    CHECK(ds->GetFieldDomain("observationer_kategori") != nullptr);
    CHECK(ds->GetLayerByName("atgarder")->GetGeomType() == wkbUnknown);
    CHECK(ds->GetLayerByName("vandringar")->GetGeomType() == wkbLineString);
    CHECK(ds->GetLayerByName("atgard_observation") != nullptr);

    auto again = createProject(path, Crs::fromEpsg(3006), catalog());
    REQUIRE_FALSE(again);
    CHECK(again.error().message == "file already exists; choose another name");
}

TEST_CASE("what is written reads back identical") {
    TempDir dir;
    auto path = dir / "p.gpkg";
    REQUIRE(createProject(path, Crs::fromEpsg(3006), catalog()));
    auto project = openProject(path, catalog());
    REQUIRE(project);
    CHECK(project->crs.epsg == 3006);
    CHECK(project->metadata.at("schema_version") == "1");

    Layer& obs = *project->layer("observationer");
    DateTime local{Date{2025, 10, 14}, 21, 30, 15.5, std::nullopt};
    DateTime summer{Date{2025, 6, 2}, 23, 5, 0.0, 120};
    FeatureId a = obs.add(observation(obs, Point{733107.25, 7096069.5},
                                      {{"kategori", text("belysning")},
                                       {"polaritet", text("otrygg")},
                                       {"beskrivn", text("Mörkt och ödsligt vid Järnvägsparken, Å-skylt trasig")},
                                       {"kalla", text("trygghetsvandring")},
                                       {"tidpunkt", Value{local}},
                                       {"kansla", Value{std::int64_t{0}}}}));
    FeatureId b = obs.add(observation(obs, Point{733300, 7096200},
                                      {{"kategori", text("gomstallen")},
                                       {"polaritet", text("trygg")},
                                       {"kalla", text("medborgardialog")},
                                       {"tidpunkt", Value{summer}}}));
    Layer& measures = *project->layer("atgarder");
    Polygon withHole;
    bg::read_wkt("POLYGON((733000 7096000,733100 7096000,733100 7096100,733000 7096100,733000 7096000),"
                 "(733040 7096040,733040 7096060,733060 7096060,733060 7096040,733040 7096040))",
                 withHole);
    Feature m;
    m.geometry = withHole;
    m.values.resize(measures.definition().fields.size());
    m.values[*measures.definition().fieldIndex("titel")] = text("Röj sly vid gångtunneln");
    m.values[*measures.definition().fieldIndex("deadline")] = Value{Date{2026, 5, 31}};
    m.values[*measures.definition().fieldIndex("kostnad")] = Value{12500.5};
    FeatureId mid = measures.add(m);
    Feature line;
    line.geometry = LineString{{733000, 7096000}, {733050, 7096020}, {733080, 7096090}};
    line.values.resize(measures.definition().fields.size());
    FeatureId lid = measures.add(line);
    project->links = {{mid, a}, {mid, b}, {lid, b}};

    ChangeSet changes;
    changes.markWritten("observationer", a);
    changes.markWritten("observationer", b);
    changes.markWritten("atgarder", mid);
    changes.markWritten("atgarder", lid);
    changes.linksChanged = true;
    REQUIRE(saveChanges(path, *project, changes));

    auto reread = openProject(path, catalog());
    REQUIRE(reread);
    const Layer& obs2 = *reread->layer("observationer");
    REQUIRE(obs2.size() == 2);
    const Feature* fa = obs2.find(a);
    REQUIRE(fa != nullptr);
    CHECK(fa->values == obs.find(a)->values);
    CHECK(std::get<std::string>(fa->values[*obs2.definition().fieldIndex("beskrivn")]) ==
          "Mörkt och ödsligt vid Järnvägsparken, Å-skylt trasig");
    CHECK(std::get<DateTime>(fa->values[*obs2.definition().fieldIndex("tidpunkt")]) == local);
    CHECK(isNull(fa->values[*obs2.definition().fieldIndex("rapportor")]));
    CHECK(std::get<Point>(*fa->geometry).x() == 733107.25);
    CHECK(std::get<Point>(*fa->geometry).y() == 7096069.5);
    const Feature* fb = obs2.find(b);
    CHECK(std::get<DateTime>(fb->values[*obs2.definition().fieldIndex("tidpunkt")]) == summer);

    const Layer& m2 = *reread->layer("atgarder");
    const Feature* poly = m2.find(mid);
    REQUIRE(poly != nullptr);
    CHECK(bg::equals(std::get<Polygon>(*poly->geometry), withHole));
    CHECK(std::get<Polygon>(*poly->geometry).inners().size() == 1);
    CHECK(poly->values == measures.find(mid)->values);
    CHECK(std::get<LineString>(*m2.find(lid)->geometry).size() == 3);
    auto links = reread->links;
    std::ranges::sort(links);
    CHECK(links == std::vector<MeasureLink>{{mid, a}, {mid, b}, {lid, b}});

    SECTION("removing a feature and saving as a new file") {
        reread->layer("observationer")->remove(a);
        ChangeSet removal;
        removal.markRemoved("observationer", a);
        REQUIRE(saveChanges(path, *reread, removal));
        CHECK(openProject(path, catalog())->layer("observationer")->size() == 1);

        auto copy = dir / "kopia.gpkg";
        REQUIRE(saveProjectAs(copy, *reread));
        auto copied = openProject(copy, catalog());
        REQUIRE(copied);
        CHECK(copied->layer("observationer")->size() == 1);
        CHECK(copied->layer("atgarder")->find(mid)->values == measures.find(mid)->values);
        CHECK(copied->links.size() == 3);
    }
}

TEST_CASE("a project in another CRS keeps it") {
    TempDir dir;
    REQUIRE(createProject(dir / "lokal.gpkg", Crs::fromEpsg(3016), catalog()));
    auto summary = summarizeProject(dir / "lokal.gpkg", catalog());
    REQUIRE(summary);
    CHECK(summary->crs.epsg == 3016);
    CHECK(summary->crsName == "SWEREF99 20 15");
    CHECK(summary->schemaVersion == 1);
    REQUIRE(summary->layers.size() == catalog().layers.size()); // thematic and base-map tables
    CHECK(summary->layers[0].featureCount == 0);
}

TEST_CASE("fields added to a definition appear in old projects") {
    TempDir dir;
    auto path = dir / "p.gpkg";
    REQUIRE(createProject(path, Crs::fromEpsg(3006), catalog()));
    LayerCatalog extended = catalog();
    LayerDef& obs = extended.layers[0];
    FieldDef snow;
    snow.name = "snoroj";
    snow.label = {"Snöröjning", "Snow clearance"};
    obs.fields.push_back(snow);
    auto project = openProject(path, extended);
    REQUIRE(project);
    Layer& layer = *project->layer("observationer");
    Feature f;
    f.geometry = Point{733100, 7096100};
    f.values.resize(obs.fields.size());
    f.values[*obs.fieldIndex("kategori")] = text("belysning");
    f.values[*obs.fieldIndex("snoroj")] = text("dålig");
    FeatureId id = layer.add(f);
    ChangeSet changes;
    changes.markWritten("observationer", id);
    REQUIRE(saveChanges(path, *project, changes));
    auto reread = openProject(path, extended);
    REQUIRE(reread);
    CHECK(std::get<std::string>(reread->layer("observationer")->find(id)->values.back()) == "dålig");
}

TEST_CASE("opening what is not a project fails clearly") {
    TempDir dir;
    SECTION("missing file") {
        auto result = openProject(dir / "saknas.gpkg", catalog());
        REQUIRE_FALSE(result);
        CHECK(result.error().code == ErrorCode::OpenFailed);
        CHECK(result.error().message == "file not found");
        CHECK(result.error().where == (dir / "saknas.gpkg").string());
    }
    SECTION("a text file called .gpkg") {
        auto file = dir.write("fel.gpkg", "inte en geopackage\n");
        auto result = openProject(file, catalog());
        REQUIRE_FALSE(result);
        CHECK(result.error().code == ErrorCode::OpenFailed);
        CHECK(result.error().where == file.string());
    }
    SECTION("a truncated GeoPackage") {
        auto path = dir / "hel.gpkg";
        REQUIRE(createProject(path, Crs::fromEpsg(3006), catalog()));
        auto content = trygg::test::readAll(path);
        auto truncated = dir.write("trasig.gpkg", content.substr(0, content.size() / 3));
        auto result = openProject(truncated, catalog());
        REQUIRE_FALSE(result);
        CHECK(result.error().where.find("trasig.gpkg") != std::string::npos);
    }
    SECTION("a GeoJSON file") {
        auto file = dir.write("punkter.geojson",
                              R"({"type":"FeatureCollection","features":[]})");
        auto result = openProject(file, catalog());
        REQUIRE_FALSE(result);
        CHECK(result.error().code == ErrorCode::InvalidFormat);
    }
}
