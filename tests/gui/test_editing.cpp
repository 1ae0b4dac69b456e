// The Redigera menu and the import dialog, driven as a user would.

#include "edit_menu.h"
#include "test_support.h"
#include "import_dialog.h"
#include "link_panel.h"
#include "photo_panel.h"

#include "tryggkarta/document/map_document.h"
#include "tryggkarta/io/gdal_setup.h"
#include "tryggkarta/io/project_store.h"

#include <QAction>
#include <QComboBox>
#include <QImage>
#include <QListWidget>
#include <QMainWindow>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

using namespace trygg;

namespace {

const LayerCatalog& catalog() {
    static const LayerCatalog loaded = *loadLayerCatalog(TRYGG_SOURCE_LAYERS_DIR);
    return loaded;
}

struct Workspace {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("tryggkarta-edit-" + std::to_string(std::random_device{}()));
    std::filesystem::path path = dir / "vannas.gpkg";
    MapDocument document{catalog()};
    QMainWindow window;

    Workspace() {
        std::filesystem::create_directories(dir);
        REQUIRE(createProject(path, Crs::fromEpsg(crs::kSweref99Tm), catalog()));
        auto project = openProject(path, catalog());
        REQUIRE(project);
        document.setProject(std::move(*project), path);
    }
    ~Workspace() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;
};

Feature observation(double x, double y) {
    return trygg::test::lightingObservation(*catalog().find("observationer"), x, y);
}

Feature measure(double x, double y) {
    const LayerDef& def = *catalog().find("atgarder");
    Feature feature;
    feature.geometry = Point(x, y);
    feature.values.resize(def.fields.size());
    feature.values[*def.fieldIndex("titel")] = std::string("Belysning i Gröna stråkets tunnel");
    feature.values[*def.fieldIndex("typ")] = def.field("typ")->values.front().code;
    feature.values[*def.fieldIndex("status")] = def.field("status")->values.front().code;
    return feature;
}

} // namespace

TEST_CASE("a measure is linked to observations picked on the map, and the links are listed both ways", "[edit]") {
    Workspace ws;
    MapDocument& doc = ws.document;
    const FeatureId a = *doc.addFeature("observationer", observation(733100.0, 7096000.0));
    const FeatureId b = *doc.addFeature("observationer", observation(733120.0, 7096010.0));
    const FeatureId act = *doc.addFeature("atgarder", measure(733110.0, 7096005.0));
    LinkPanel panel(doc);

    doc.select("atgarder", {act});
    CHECK(panel.list()->count() == 0);
    panel.startPicking();
    CHECK(panel.pickingFor() == act);
    doc.select("observationer", {a, b}); // as the select tool or the table would
    panel.linkPicked();
    CHECK(doc.observationsAnsweredBy(act) == std::vector<FeatureId>{a, b});
    panel.finishPicking();
    CHECK(doc.selection().layer == "atgarder");
    REQUIRE(panel.list()->count() == 2);
    CHECK(panel.list()->item(0)->text().startsWith(QStringLiteral("1  Belysning")));

    doc.select("observationer", {b});
    REQUIRE(panel.list()->count() == 1);
    CHECK(panel.list()->item(0)->text() ==
          QStringLiteral("%1  Belysning i Gröna stråkets tunnel").arg(toInt(act)));
    panel.list()->setCurrentRow(0);
    panel.unlinkCurrent();
    CHECK(doc.observationsAnsweredBy(act) == std::vector<FeatureId>{a});
    CHECK(panel.list()->count() == 0);
    doc.undoStack().undo();
    CHECK(panel.list()->count() == 1);
}

TEST_CASE("undo and redo actions name the change and follow the stack", "[edit]") {
    Workspace ws;
    EditMenu menu(ws.document, &ws.window);
    CHECK_FALSE(menu.undoAction()->isEnabled());
    CHECK_FALSE(menu.deleteAction()->isEnabled());

    const FeatureId id = *ws.document.addFeature("observationer", observation(733100.0, 7096000.0));
    CHECK(menu.undoAction()->isEnabled());
    CHECK(menu.undoAction()->text() == QStringLiteral("Ån&gra: Lägg till i Observationer"));

    ws.document.select("observationer", {id});
    REQUIRE(menu.deleteAction()->isEnabled());
    menu.deleteAction()->trigger(); // one feature: no question asked
    CHECK(ws.document.layer("observationer")->size() == 0);
    CHECK(menu.undoAction()->text() == QStringLiteral("Ån&gra: Ta bort 1 objekt"));

    menu.undoAction()->trigger();
    CHECK(ws.document.layer("observationer")->size() == 1);
    CHECK(menu.redoAction()->isEnabled());
    menu.redoAction()->trigger();
    CHECK(ws.document.layer("observationer")->size() == 0);
}

TEST_CASE("the import dialog reads, reports rejected rows, and adds as one step", "[edit]") {
    Workspace ws;
    const auto csv = ws.dir / "medborgardialog.csv";
    std::ofstream(csv) << "x;y;kategori;polaritet;kalla\n"
                          "733100;7096000;Belysning;Otrygg;Medborgardialog\n"
                          "733200;7096100;Gömställen;otrygg;medborgardialog\n"
                          "733300;7096200;ufo;otrygg;medborgardialog\n";
    ImportDialog dialog(ws.document, csv, "sv");
    dialog.layerChoice()->setCurrentIndex(dialog.layerChoice()->findData(QStringLiteral("observationer")));
    dialog.readSource(); // x/y without a CRS: the dialog says so and asks
    CHECK_FALSE(dialog.result().has_value());
    CHECK(dialog.reportText().contains(QStringLiteral("medborgardialog.csv")));
    dialog.crsChoice()->setCurrentIndex(dialog.crsChoice()->findData(3006));
    dialog.readSource();
    REQUIRE(dialog.result().has_value());
    CHECK(dialog.result()->features.size() == 2);
    CHECK(dialog.result()->report.rejectedCount == 1);
    CHECK(dialog.result()->report.rejected.front().row == 3);

    dialog.addToProject();
    CHECK(dialog.result() == std::nullopt);
    CHECK(ws.document.layer("observationer")->size() == 2);
    CHECK(ws.document.undoStack().count() == 1);
    CHECK(ws.document.undoStack().undoText() == QStringLiteral("Importera medborgardialog.csv"));
}

TEST_CASE("photos attach to the selected observation, show as thumbnails, and undo", "[edit]") {
    Workspace ws;
    MapDocument& doc = ws.document;
    const FeatureId obs = *doc.addFeature("observationer", observation(733100.0, 7096000.0));
    QImage picture(40, 20, QImage::Format_RGB32);
    picture.fill(Qt::darkGreen);
    const auto png = ws.dir / "gangtunnel.png";
    REQUIRE(picture.save(QString::fromStdString(png.string())));
    const auto notImage = ws.dir / "anteckning.jpg";
    std::ofstream(notImage) << "inte en bild";

    PhotoPanel panel(doc);
    CHECK(panel.attachFiles({png}) == 0); // nothing selected: nowhere to attach
    doc.select("observationer", {obs});
    CHECK(panel.attachFiles({png}) == 1);
    REQUIRE(panel.list()->count() == 1);
    CHECK(panel.list()->item(0)->text() == QStringLiteral("gangtunnel.png"));
    CHECK_FALSE(panel.list()->item(0)->icon().isNull());
    CHECK(photosOf(doc.photos(), "observationer", obs).size() == 1);

    doc.undoStack().undo();
    CHECK(panel.list()->count() == 0);
    CHECK(doc.photos().empty());

    // The next photo gets the undone one's id: it must not show the old thumbnail.
    QImage other(40, 20, QImage::Format_RGB32);
    other.fill(Qt::red);
    const auto second = ws.dir / "lampa.png";
    REQUIRE(other.save(QString::fromStdString(second.string())));
    CHECK(panel.attachFiles({second}) == 1);
    REQUIRE(panel.list()->count() == 1);
    const QImage shown = panel.list()->item(0)->icon().pixmap(40, 20).toImage();
    CHECK(QColor(shown.pixel(shown.width() / 2, shown.height() / 2)).red() > 200);
    CHECK(uprightImage("inte en bild").isNull());
    static_cast<void>(notImage);
}
