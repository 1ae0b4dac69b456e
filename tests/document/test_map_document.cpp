// The document as the only way to change data: every change checked, undoable as one step,
// saved in one transaction, and never visible to a render that already took its snapshot.

#include "test_support.h"

#include "tryggkarta/document/lux_raster.h"
#include "tryggkarta/document/map_document.h"
#include "tryggkarta/io/importer.h"
#include "tryggkarta/io/project_store.h"

#include <QSignalSpy>
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

using namespace trygg;

namespace {

struct OpenDocument {
    test::TempDir dir;
    std::filesystem::path path = dir.path() / "vannas.gpkg";
    MapDocument document{test::sourceCatalog()};

    OpenDocument() {
        REQUIRE(createProject(path, Crs::fromEpsg(crs::kSweref99Tm), test::sourceCatalog()));
        auto project = openProject(path, test::sourceCatalog());
        REQUIRE(project);
        document.setProject(std::move(*project), path);
    }
};

Feature observation(double x, double y, std::string category) {
    const LayerDef& def = *test::sourceCatalog().find("observationer");
    Feature feature;
    feature.geometry = Point(x, y);
    feature.values.resize(def.fields.size());
    feature.values[*def.fieldIndex("kategori")] = std::move(category);
    feature.values[*def.fieldIndex("polaritet")] = std::string("otrygg");
    feature.values[*def.fieldIndex("kalla")] = std::string("trygghetsvandring");
    return feature;
}

Feature measure(double x, double y) {
    const LayerDef& def = *test::sourceCatalog().find("atgarder");
    Feature feature;
    feature.geometry = Point(x, y);
    feature.values.resize(def.fields.size());
    feature.values[*def.fieldIndex("titel")] = std::string("Ny belysning i gångtunneln");
    feature.values[*def.fieldIndex("typ")] = def.field("typ")->values.front().code;
    feature.values[*def.fieldIndex("status")] = def.field("status")->values.front().code;
    return feature;
}

std::size_t field(std::string_view layer, std::string_view name) {
    return *test::sourceCatalog().find(layer)->fieldIndex(name);
}

} // namespace

TEST_CASE("adding a feature is one undo step that keeps its id on redo", "[document]") {
    OpenDocument open;
    MapDocument& doc = open.document;
    CHECK_FALSE(doc.isModified());
    auto id = doc.addFeature("observationer", observation(733107.0, 7096069.0, "belysning"));
    REQUIRE(id);
    CHECK(toInt(*id) == 1);
    CHECK(doc.layer("observationer")->size() == 1);
    CHECK(doc.isModified());
    CHECK(doc.undoStack().count() == 1);

    doc.undoStack().undo();
    CHECK(doc.layer("observationer")->size() == 0);
    CHECK_FALSE(doc.isModified());
    doc.undoStack().redo();
    REQUIRE(doc.layer("observationer")->find(*id) != nullptr);
    CHECK(std::get<std::string>(doc.layer("observationer")->find(*id)->values[0]) == "belysning");
}

TEST_CASE("a feature that breaks a rule is refused, naming layer and field", "[document]") {
    OpenDocument open;
    auto refused = open.document.addFeature("observationer", observation(733107.0, 7096069.0, "ufo"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().where == "observationer, field 'kategori'");
    CHECK(open.document.undoStack().count() == 0);
    CHECK(open.document.layer("observationer")->size() == 0);

    Feature line = observation(0, 0, "belysning");
    line.geometry = LineString{{733100.0, 7096000.0}, {733200.0, 7096000.0}};
    auto wrongShape = open.document.addFeature("observationer", line);
    REQUIRE_FALSE(wrongShape);
    CHECK(wrongShape.error().code == ErrorCode::InvalidGeometry);

    CHECK_FALSE(open.document.addFeature("bas_gata", Feature{}));
}

TEST_CASE("several features edited together, undone together", "[document]") {
    OpenDocument open;
    MapDocument& doc = open.document;
    const FeatureId a = *doc.addFeature("observationer", observation(733100.0, 7096000.0, "belysning"));
    const FeatureId b = *doc.addFeature("observationer", observation(733120.0, 7096010.0, "klotter"));
    std::vector<std::optional<Value>> values(doc.layer("observationer")->definition().fields.size());
    values[field("observationer", "kansla")] = Value{std::int64_t{1}};
    REQUIRE(doc.setValues("observationer", {a, b}, values));
    CHECK(doc.undoStack().count() == 3);
    CHECK(std::get<std::int64_t>(doc.layer("observationer")->find(a)->values[field("observationer", "kansla")]) == 1);
    CHECK(std::get<std::int64_t>(doc.layer("observationer")->find(b)->values[field("observationer", "kansla")]) == 1);
    // Untouched fields keep their own values.
    CHECK(std::get<std::string>(doc.layer("observationer")->find(b)->values[0]) == "klotter");

    doc.undoStack().undo();
    CHECK(isNull(doc.layer("observationer")->find(a)->values[field("observationer", "kansla")]));
    CHECK(isNull(doc.layer("observationer")->find(b)->values[field("observationer", "kansla")]));
}

TEST_CASE("removing a linked observation removes its link, and undo brings both back", "[document]") {
    OpenDocument open;
    MapDocument& doc = open.document;
    const FeatureId obs = *doc.addFeature("observationer", observation(733100.0, 7096000.0, "passage"));
    const FeatureId other = *doc.addFeature("observationer", observation(733150.0, 7096000.0, "passage"));
    const FeatureId act = *doc.addFeature("atgarder", measure(733110.0, 7096005.0));
    REQUIRE(doc.linkMeasure(act, {obs, other}));
    CHECK(doc.observationsAnsweredBy(act) == std::vector<FeatureId>{obs, other});
    CHECK(doc.measuresAnswering(obs) == std::vector<FeatureId>{act});

    doc.select("observationer", {obs, other});
    REQUIRE(doc.removeFeatures("observationer", {obs}));
    CHECK(doc.layer("observationer")->find(obs) == nullptr);
    CHECK(doc.observationsAnsweredBy(act) == std::vector<FeatureId>{other});
    CHECK(doc.selection().ids == std::vector<FeatureId>{other});

    doc.undoStack().undo();
    CHECK(doc.layer("observationer")->find(obs) != nullptr);
    CHECK(doc.observationsAnsweredBy(act) == std::vector<FeatureId>{obs, other});

    doc.undoStack().undo(); // the links
    CHECK(doc.links().empty());
}

TEST_CASE("a save writes the edits; undo after a save is a change to save again", "[document]") {
    OpenDocument open;
    MapDocument& doc = open.document;
    const FeatureId obs = *doc.addFeature("observationer", observation(733100.0, 7096000.0, "sikt"));
    const FeatureId act = *doc.addFeature("atgarder", measure(733110.0, 7096005.0));
    REQUIRE(doc.linkMeasure(act, {obs}));
    REQUIRE(doc.setGeometry("observationer", obs, Point(733101.5, 7096002.5)));
    REQUIRE(doc.save());
    CHECK_FALSE(doc.isModified());

    auto reopened = openProject(open.path, test::sourceCatalog());
    REQUIRE(reopened);
    const Feature* saved = reopened->layer("observationer")->find(obs);
    REQUIRE(saved != nullptr);
    CHECK(std::get<Point>(*saved->geometry).x() == 733101.5);
    CHECK(reopened->links == std::vector<MeasureLink>{{act, obs}});

    doc.undoStack().undo(); // the move
    doc.undoStack().undo(); // the link
    CHECK(doc.isModified());
    REQUIRE(doc.save());
    reopened = openProject(open.path, test::sourceCatalog());
    REQUIRE(reopened);
    CHECK(std::get<Point>(*reopened->layer("observationer")->find(obs)->geometry).x() == 733100.0);
    CHECK(reopened->links.empty());

    doc.undoStack().undo(); // the measure
    doc.undoStack().undo(); // the observation
    REQUIRE(doc.save());
    reopened = openProject(open.path, test::sourceCatalog());
    CHECK(reopened->layer("observationer")->size() == 0);
    CHECK(reopened->layer("atgarder")->size() == 0);
}

TEST_CASE("a render's snapshot does not see later edits", "[document]") {
    OpenDocument open;
    MapDocument& doc = open.document;
    const FeatureId obs = *doc.addFeature("observationer", observation(733100.0, 7096000.0, "sikt"));
    const MapScene snapshot = doc.scene("sv");
    REQUIRE(doc.setGeometry("observationer", obs, Point(733500.0, 7096500.0)));
    for (const SceneLayer& layer : snapshot.layers) {
        if (layer.layer->name() == "observationer") {
            CHECK(std::get<Point>(*layer.layer->find(obs)->geometry).x() == 733100.0);
        }
    }
    CHECK(std::get<Point>(*doc.layer("observationer")->find(obs)->geometry).x() == 733500.0);
}

TEST_CASE("an import into the open project is one step", "[document]") {
    OpenDocument open;
    MapDocument& doc = open.document;
    const auto csv = open.dir.path() / "dialog.csv";
    std::ofstream(csv) << "x;y;kategori;polaritet;kalla\n"
                          "733100;7096000;Belysning;Otrygg;Medborgardialog\n"
                          "733200;7096100;Klotter/skadegörelse;otrygg;medborgardialog\n"
                          "733300;7096200;ufo;otrygg;medborgardialog\n";
    ImportOptions options;
    options.targetLayer = "observationer";
    options.sourceCrs = Crs::fromEpsg(crs::kSweref99Tm);
    auto read = readForImport(test::sourceCatalog(), csv, options, doc.crs());
    REQUIRE(read);
    CHECK(read->report.imported == 2);
    CHECK(read->report.rejectedCount == 1);
    REQUIRE(doc.addImported("observationer", std::move(read->features), "dialog.csv"));
    CHECK(doc.layer("observationer")->size() == 2);
    CHECK(doc.undoStack().count() == 1);
    doc.undoStack().undo();
    CHECK(doc.layer("observationer")->size() == 0);
}

TEST_CASE("photos follow their feature through removal, save and undo", "[document]") {
    OpenDocument open;
    MapDocument& doc = open.document;
    const FeatureId obs = *doc.addFeature("observationer", observation(733100.0, 7096000.0, "passage"));
    Photo photo;
    photo.fileName = "tunneln.jpg";
    photo.mimeType = "image/jpeg";
    photo.data = std::make_shared<const std::string>("\xff\xd8 not really decoded here \xff\xd9");
    photo.byteSize = static_cast<std::int64_t>(photo.data->size());
    auto added = doc.addPhotos("observationer", obs, {photo});
    REQUIRE(added);
    REQUIRE(added->size() == 1);
    CHECK(photosOf(doc.photos(), "observationer", obs) == *added);
    REQUIRE(doc.save());

    // Opened afresh: the bytes are in the file only, and still reachable.
    auto project = openProject(open.path, test::sourceCatalog());
    REQUIRE(project);
    MapDocument reopened{test::sourceCatalog()};
    reopened.setProject(std::move(*project), open.path);
    REQUIRE(reopened.photos().size() == 1);
    CHECK(reopened.photos().front().data == nullptr);
    CHECK(**reopened.photoData(added->front()) == *photo.data);

    REQUIRE(reopened.removeFeatures("observationer", {obs}));
    CHECK(reopened.photos().empty());
    REQUIRE(reopened.save()); // the row is gone from the file now
    CHECK_FALSE(readPhotoData(open.path, added->front()));

    reopened.undoStack().undo(); // feature and photo back, bytes from the undo step
    REQUIRE(reopened.photos().size() == 1);
    REQUIRE(reopened.save());
    auto bytes = readPhotoData(open.path, added->front());
    REQUIRE(bytes);
    CHECK(*bytes == *photo.data);
}

TEST_CASE("the scene carries the links while both their layers are shown", "[document]") {
    OpenDocument open;
    MapDocument& doc = open.document;
    const FeatureId measured = *doc.addFeature("atgarder", measure(733100.0, 7096060.0));
    const FeatureId seen =
        *doc.addFeature("observationer", observation(733150.0, 7096090.0, "belysning"));
    const FeatureId other =
        *doc.addFeature("observationer", observation(733000.0, 7096000.0, "belysning"));
    REQUIRE(doc.linkMeasure(measured, {seen, other}));

    MapScene scene = doc.scene("sv");
    CHECK(scene.linksVisible);
    REQUIRE(scene.links.size() == 2);
    const SceneLink& link =
        scene.links[0].link.observation == seen ? scene.links[0] : scene.links[1];
    CHECK(link.link.measure == measured);
    CHECK(link.from.x() == 733100.0); // a point measure is its own anchor
    CHECK(link.from.y() == 7096060.0);
    CHECK(link.to.x() == 733150.0);
    CHECK(link.to.y() == 7096090.0);
    CHECK_FALSE(link.highlighted);

    doc.select(kMeasureLayer, {measured});
    scene = doc.scene("sv");
    CHECK(std::ranges::all_of(scene.links, [](const SceneLink& l) { return l.highlighted; }));
    doc.select(kObservationLayer, {seen});
    scene = doc.scene("sv");
    for (const SceneLink& l : scene.links) {
        CHECK(l.highlighted == (l.link.observation == seen));
    }

    doc.setVisible(doc.indexOf("observationer"), false);
    CHECK(doc.scene("sv").links.empty());
    doc.setVisible(doc.indexOf("observationer"), true);
    CHECK(doc.scene("sv").links.size() == 2);
    doc.setLinksVisible(false);
    scene = doc.scene("sv");
    CHECK(scene.links.empty());
    CHECK_FALSE(scene.linksVisible);
}

TEST_CASE("an analysis raster shows between base map and themes, and is not project data",
          "[document]") {
    OpenDocument open;
    MapDocument& doc = open.document;
    QSignalSpy changed(&doc, &MapDocument::analysisRastersChanged);
    IlluminanceGrid grid;
    grid.extent = Box(Point(733000.0, 7096090.0), Point(733020.0, 7096100.0));
    grid.cellSize = 10.0;
    grid.columns = 2;
    grid.rows = 1;
    grid.lux = {0.1F, 20.0F};
    doc.setAnalysisRaster(luxSceneRaster("belysning", grid));
    CHECK(changed.count() == 1);
    CHECK_FALSE(doc.isModified());

    MapScene scene = doc.scene("sv");
    CHECK(scene.rasters.empty());
    REQUIRE(scene.analysisRasters.size() == 1);
    const SceneRaster& shown = scene.analysisRasters[0];
    CHECK(shown.name == "belysning");
    CHECK(shown.image.size() == QSize(2, 1));
    CHECK(shown.extent.min_corner().y() == 7096090.0);
    CHECK(shown.extent.max_corner().x() == 733020.0);
    CHECK(shown.legend.size() == 9);
    // The scene puts it after every base-map layer and before every thematic one.
    const std::size_t at = scene.analysisPosition();
    REQUIRE(at > 0);
    REQUIRE(at < scene.layers.size());
    for (std::size_t i = 0; i < scene.layers.size(); ++i) {
        CHECK((scene.layers[i].layer->definition().group == kBaseMapGroup) == (i < at));
    }

    // The same name replaces it; new pixels reach the next scene, not the one taken before.
    doc.setAnalysisRaster(luxSceneRaster("belysning", grid));
    CHECK(doc.analysisRasters().size() == 1);
    CHECK(changed.count() == 2);
    QImage image = doc.analysisRasters()[0].image;
    grid.lux[0] = 5.0F;
    paintLux(image, grid, 0, 0, 1, 1);
    CHECK(doc.updateAnalysisRaster("belysning", image));
    CHECK(changed.count() == 3);
    CHECK(doc.scene("sv").analysisRasters[0].image.pixel(0, 0) == luxColour(5.0F));
    CHECK(shown.image.pixel(0, 0) != luxColour(5.0F));
    CHECK_FALSE(doc.updateAnalysisRaster("skuggor", image));
    CHECK(changed.count() == 3);

    // The grid goes to a GeoTIFF through the same header.
    REQUIRE(writeIlluminanceGeoTiff(open.dir / "belysning.tif", grid, doc.crs(), Progress::none()));
    CHECK(std::filesystem::exists(open.dir / "belysning.tif"));

    doc.removeAnalysisRaster("skuggor");
    CHECK(changed.count() == 3);
    doc.removeAnalysisRaster("belysning");
    CHECK(changed.count() == 4);
    CHECK(doc.scene("sv").analysisRasters.empty());
    CHECK_FALSE(doc.isModified());

    // Saved and opened again, the project has no analysis; opening drops the one shown.
    doc.setAnalysisRaster(luxSceneRaster("belysning", grid));
    REQUIRE(doc.save());
    auto reopened = openProject(open.path, test::sourceCatalog());
    REQUIRE(reopened);
    doc.setProject(std::move(*reopened), open.path);
    CHECK(doc.analysisRasters().empty());
    CHECK(changed.count() == 6);
}

TEST_CASE("analysis results replace their layers in one undo step, and only through that call",
          "[document]") {
    OpenDocument open;
    MapDocument& doc = open.document;
    const LayerDef& gaps = *test::sourceCatalog().find("ljus_morka");
    auto gap = [&](double length) {
        Feature feature;
        feature.geometry = LineString{{0.0, 0.0}, {length, 0.0}};
        feature.values.resize(gaps.fields.size());
        feature.values[*gaps.fieldIndex("langd_m")] = length;
        return feature;
    };
    std::vector<Feature> first{gap(10.0), gap(20.0)};
    first[0].id = FeatureId{1};
    first[1].id = FeatureId{2};
    REQUIRE(doc.replaceAnalysisResults({{"ljus_morka", first}}, "Belysningsanalys"));
    REQUIRE(doc.layer("ljus_morka")->size() == 2);
    std::vector<Feature> second{gap(5.0)};
    second[0].id = FeatureId{1};
    REQUIRE(doc.replaceAnalysisResults({{"ljus_morka", second}}, "Belysningsanalys"));
    const Layer& now = *doc.layer("ljus_morka");
    REQUIRE(now.size() == 1);
    CHECK(std::get<double>(now.find(FeatureId{1})->values[field("ljus_morka", "langd_m")]) == 5.0);
    CHECK(doc.undoStack().count() == 2);
    doc.undoStack().undo();
    CHECK(doc.layer("ljus_morka")->size() == 2);
    doc.undoStack().undo();
    CHECK(doc.layer("ljus_morka")->size() == 0);

    // Result layers are not edited by hand, and the call refuses other layers.
    CHECK_FALSE(doc.isEditable("ljus_morka"));
    CHECK_FALSE(doc.addFeature("ljus_morka", gap(3.0)));
    auto refused = doc.replaceAnalysisResults({{"observationer", {}}}, "x");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Usage);

    // Saved like any change: the file holds the results after a save.
    REQUIRE(doc.replaceAnalysisResults({{"ljus_morka", first}}, "Belysningsanalys"));
    REQUIRE(doc.save());
    auto reopened = openProject(open.path, test::sourceCatalog());
    REQUIRE(reopened);
    CHECK(reopened->layer("ljus_morka")->size() == 2);
}
