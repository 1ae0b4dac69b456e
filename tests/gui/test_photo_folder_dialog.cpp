// Arkiv → Importera foton från mapp…: the dialog lists every file of the folder with what will
// become of it, follows the planner's choices, and adds observations and photos as one undo
// step without touching the project file until it is saved.

#include "../io/photo_samples.h"
#include "photo_folder_dialog.h"
#include "test_support.h"
#include "tryggkarta/document/map_document.h"
#include "tryggkarta/io/crs_transform.h"
#include "tryggkarta/io/project_store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <catch2/catch.hpp>

#include <fstream>

using namespace trygg;
using trygg::test::gpsTags;
using trygg::test::kCentreLat;
using trygg::test::kCentreLon;
using trygg::test::kNorthLat;
using trygg::test::sweref;
using trygg::test::makeImage;

namespace {

// Vännäs centrum (DOMAIN.md's reference point) and 150 m north of it.

/// A saved project with one observation 3 m north of where the centre photo was taken, and
/// a folder with that photo, one 150 m north, a screenshot without GPS and a note.
struct PhotoImport {
    test::TempDir dir;
    std::filesystem::path path = dir / "vannas.gpkg";
    std::filesystem::path folder = dir / "foton";
    MapDocument document{test::sourceCatalog()};
    Point centre = sweref(kCentreLat, kCentreLon);
    std::string savedBytes;

    PhotoImport() {
        REQUIRE(createProject(path, Crs::fromEpsg(crs::kSweref99Tm), test::sourceCatalog()));
        auto project = openProject(path, test::sourceCatalog());
        REQUIRE(project);
        document.setProject(std::move(*project), path);
        const LayerDef& def = *test::sourceCatalog().find("observationer");
        Feature near = test::lightingObservation(def, centre.x(), centre.y() + 3.0);
        REQUIRE(document.addFeature("observationer", near));
        REQUIRE(document.save());
        savedBytes = test::readAll(path);

        std::filesystem::create_directories(folder);
        auto tags = gpsTags(kCentreLat, kCentreLon, "2024:10:05 21:30:15");
        tags["EXIF_OffsetTimeOriginal"] = "+02:00";
        write("b_centrum.jpg", makeImage("JPEG", tags));
        write("a_norr.jpg", makeImage("JPEG", gpsTags(kNorthLat, kCentreLon, "2024:10:05 21:40:00")));
        write("skarmbild.png", makeImage("PNG", {}));
        write("anteckning.txt", "Lampan vid tunneln är trasig.");
    }

    void write(const std::string& name, const std::string& bytes) const {
        std::ofstream(folder / name, std::ios::binary) << bytes;
    }
};

QString outcome(const PhotoFolderImportDialog& dialog, int row) {
    return dialog.photoTable()->item(row, 3)->text();
}

QString file(const PhotoFolderImportDialog& dialog, int row) {
    return dialog.photoTable()->item(row, 0)->text();
}

} // namespace

TEST_CASE("the photo folder dialog lists every file with what will become of it", "[gui][photos]") {
    PhotoImport fx;
    PhotoFolderImportDialog dialog(fx.document, fx.folder);
    REQUIRE(dialog.readFolder());

    // Photos by time of capture, then the skipped files by name.
    QTableWidget* table = dialog.photoTable();
    REQUIRE(table->rowCount() == 4);
    CHECK(file(dialog, 0) == "b_centrum.jpg");
    CHECK(file(dialog, 1) == "a_norr.jpg");
    CHECK(file(dialog, 2) == "anteckning.txt");
    CHECK(file(dialog, 3) == "skarmbild.png");
    CHECK(outcome(dialog, 0) == "ny observation");
    CHECK(outcome(dialog, 1) == "ny observation");
    CHECK(outcome(dialog, 2) == "hoppas över: inte ett foto (JPEG eller PNG)");
    CHECK(outcome(dialog, 3) == "hoppas över: fotot saknar GPS-position");
    CHECK(table->item(0, 1)->text() == "2024-10-05 21:30");

    dialog.attachBox()->setChecked(true);
    dialog.attachDistanceBox()->setValue(5.0);
    CHECK(outcome(dialog, 0) == "bifogas till observation 1 (3,0 m bort)");
    CHECK(outcome(dialog, 1) == "ny observation");
    CHECK(dialog.summaryLabel()->text() ==
          "1 nya observationer, 1 foton läggs till befintliga observationer, 2 filer hoppas över.");

    dialog.attachDistanceBox()->setValue(2.0); // 3 m is too far now
    CHECK(outcome(dialog, 0) == "ny observation");
    dialog.attachDistanceBox()->setValue(5.0);
    dialog.attachBox()->setChecked(false);
    CHECK(outcome(dialog, 0) == "ny observation");
}

TEST_CASE("OK in the photo folder dialog adds observations and photos as one undo step",
          "[gui][photos]") {
    PhotoImport fx;
    MapDocument& doc = fx.document;
    PhotoFolderImportDialog dialog(doc, fx.folder);
    REQUIRE(dialog.readFolder());
    dialog.categoryChoice()->setCurrentIndex(dialog.categoryChoice()->findData("passage"));
    dialog.polarityChoice()->setCurrentIndex(dialog.polarityChoice()->findData("trygg"));
    dialog.attachBox()->setChecked(true);
    dialog.attachDistanceBox()->setValue(5.0);
    const int stepsBefore = doc.undoStack().count();
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);

    CHECK(doc.undoStack().count() == stepsBefore + 1);
    const Layer& layer = *doc.layer("observationer");
    const LayerDef& def = layer.definition();
    REQUIRE(layer.size() == 2);
    const Feature* created = layer.find(FeatureId{2});
    REQUIRE(created != nullptr);
    CHECK(textOf(def, *created, "kategori") == "passage");
    CHECK(textOf(def, *created, "polaritet") == "trygg");
    const Point north = sweref(kNorthLat, kCentreLon);
    const auto& at = std::get<Point>(*created->geometry);
    CHECK(at.x() == Approx(north.x()).margin(0.01));
    CHECK(at.y() == Approx(north.y()).margin(0.01));
    CHECK(at.y() - fx.centre.y() == Approx(150.0).margin(1.0));
    const auto& time = std::get<DateTime>(created->values[*def.fieldIndex("tidpunkt")]);
    CHECK(time.date.year == 2024);
    CHECK(time.date.month == 10);
    CHECK(time.date.day == 5);
    CHECK(time.hour == 21);
    CHECK(time.minute == 40);

    REQUIRE(doc.photos().size() == 2);
    const auto onExisting = photosOf(doc.photos(), "observationer", FeatureId{1});
    const auto onCreated = photosOf(doc.photos(), "observationer", FeatureId{2});
    REQUIRE(onExisting.size() == 1);
    REQUIRE(onCreated.size() == 1);
    CHECK(findPhoto(doc.photos(), onExisting.front())->fileName == "b_centrum.jpg");
    CHECK(findPhoto(doc.photos(), onCreated.front())->fileName == "a_norr.jpg");
    CHECK(test::readAll(fx.path) == fx.savedBytes); // nothing on disk before a save

    doc.undoStack().undo();
    CHECK(layer.size() == 1);
    CHECK(doc.layer("observationer")->size() == 1);
    CHECK(doc.photos().empty());
    doc.undoStack().redo();
    CHECK(doc.layer("observationer")->find(FeatureId{2}) != nullptr);
    CHECK(photosOf(doc.photos(), "observationer", FeatureId{1}) == onExisting);
    CHECK(photosOf(doc.photos(), "observationer", FeatureId{2}) == onCreated);
    CHECK(test::readAll(fx.path) == fx.savedBytes);
}

TEST_CASE("Cancel in the photo folder dialog adds nothing", "[gui][photos]") {
    PhotoImport fx;
    MapDocument& doc = fx.document;
    PhotoFolderImportDialog dialog(doc, fx.folder);
    REQUIRE(dialog.readFolder());
    const int stepsBefore = doc.undoStack().count();
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    REQUIRE(buttons != nullptr);
    buttons->button(QDialogButtonBox::Cancel)->click();
    CHECK(dialog.result() == QDialog::Rejected);
    CHECK(doc.undoStack().count() == stepsBefore);
    CHECK(doc.layer("observationer")->size() == 1);
    CHECK(doc.photos().empty());
    CHECK_FALSE(doc.isModified());
}
