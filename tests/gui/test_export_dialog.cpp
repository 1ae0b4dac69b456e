// Arkiv → Exportera… driven through the real window: the dialog fills the same options the
// CLI does, exports the document as it is now (unsaved edits included) and leaves personal
// data out for a consultant; the public profile writes counts per hexagon.

#include "../io/photo_samples.h"
#include "export_dialog.h"
#include "main_window.h"
#include "test_support.h"
#include "tryggkarta/io/photo_import.h"
#include "tryggkarta/io/project_store.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>
#include <QTimer>
#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <functional>

using namespace trygg;

namespace {

constexpr double kX = 733107.0;
constexpr double kY = 7096069.0;
const std::string kReporter = "Anna Andersson";

Feature observation(const LayerDef& def, double x, double y) {
    Feature feature = test::lightingObservation(def, x, y);
    feature.values[*def.fieldIndex("rapportor")] = kReporter;
    feature.values[*def.fieldIndex("kontakt")] = std::string("070-123 45 67");
    return feature;
}

/// The window on a saved project with three observations close together; a fourth is added
/// through the document and left unsaved.
struct ExportWorkspace {
    test::TempDir dir;
    std::filesystem::path path = dir / "vannas-centrum.gpkg";
    MainWindow window{test::sourceCatalog()};

    ExportWorkspace() {
        REQUIRE(createProject(path, Crs::fromEpsg(crs::kSweref99Tm), test::sourceCatalog()));
        auto project = openProject(path, test::sourceCatalog());
        REQUIRE(project);
        Layer& observations = *project->layer("observationer");
        for (int i = 0; i < 3; ++i) {
            observations.add(observation(observations.definition(), kX + i * 0.5, kY));
        }
        REQUIRE(saveProjectAs(path, *project));
        project = openProject(path, test::sourceCatalog());
        REQUIRE(project);
        window.document().setProject(std::move(*project), path);
        const LayerDef& def = window.document().layer("observationer")->definition();
        REQUIRE(window.document().addFeature("observationer", observation(def, kX + 2.0, kY)));
        REQUIRE(window.document().isModified());
        window.resize(1280, 800);
        window.show();
        QApplication::setActiveWindow(&window);
        REQUIRE(QTest::qWaitForWindowActive(&window));
    }
};

/// Closes every message box that opens (the result box), remembering its text.
struct MessageBoxCloser {
    QStringList texts;
    QTimer timer;
    MessageBoxCloser() {
        QObject::connect(&timer, &QTimer::timeout, [this] {
            for (QWidget* widget : QApplication::topLevelWidgets()) {
                auto* box = qobject_cast<QMessageBox*>(widget);
                if (box != nullptr && box->isVisible()) {
                    texts << box->text() + QLatin1Char('\n') + box->informativeText() +
                             QLatin1Char('\n') + box->detailedText();
                    box->reject();
                }
            }
        });
        timer.start(50);
    }
};

/// Triggers Arkiv → Exportera… and hands the dialog to `drive` once it shows.
void exportThroughMenu(MainWindow& window, const std::function<void(ExportDialog&)>& drive) {
    QAction* action = nullptr;
    for (QAction* candidate : window.findChildren<QAction*>()) {
        if (candidate->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E)) {
            action = candidate;
        }
    }
    REQUIRE(action != nullptr);
    bool driven = false;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (driven) {
            return;
        }
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            auto* dialog = qobject_cast<ExportDialog*>(widget);
            if (dialog != nullptr && dialog->isVisible()) {
                driven = true;
                drive(*dialog);
                return;
            }
        }
    });
    poll.start(20);
    action->trigger();
    CHECK(driven);
}

GDALDatasetUniquePtr openRead(const std::filesystem::path& file) {
    return GDALDatasetUniquePtr(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

} // namespace

TEST_CASE("Exportera… writes a consultant shapefile package without personal data") {
    ExportWorkspace workspace;
    const std::filesystem::path output = workspace.dir / "ut-konsult";
    MessageBoxCloser closer;
    ExportOptions used;
    exportThroughMenu(workspace.window, [&](ExportDialog& dialog) {
        // The defaults: consultant profile, every layer with features checked, beside the project.
        CHECK(dialog.profileButton(PrivacyProfile::Consultant)->isChecked());
        CHECK(dialog.output().toStdString() == (workspace.dir / "vannas-centrum-konsult").string());
        REQUIRE(dialog.layerList()->count() == 1);
        CHECK(dialog.layerList()->item(0)->checkState() == Qt::Checked);
        dialog.setFormat(ExportFormat::Shapefile);
        dialog.setProfile(PrivacyProfile::Consultant);
        dialog.setOutput(QString::fromStdString(output.string()));
        used = dialog.options();
        dialog.accept();
    });
    CHECK(used.layers == std::vector<std::string>{"observationer"});
    CHECK_FALSE(used.overwrite);
    REQUIRE(std::filesystem::exists(output / "observationer.shp"));
    CHECK(std::filesystem::exists(output / "observationer.dbf"));
    CHECK(test::readAll(output / "observationer.cpg") == "UTF-8");
    auto ds = openRead(output / "observationer.shp");
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    CHECK(layer->GetLayerDefn()->GetFieldIndex("rapportor") < 0);
    CHECK(layer->GetLayerDefn()->GetFieldIndex("kontakt") < 0);
    CHECK(layer->GetFeatureCount() == 4); // the unsaved observation went out too
    CHECK(test::readAll(output / "observationer.dbf").find(kReporter) == std::string::npos);
    REQUIRE(closer.texts.size() == 1);
    CHECK(closer.texts.front().contains(QStringLiteral("observationer.shp")));
    CHECK(closer.texts.front().contains(QStringLiteral("rapportor")));
    CHECK(closer.texts.front().contains(QStringLiteral("observationer.cpg")));
    CHECK(workspace.window.document().isModified()); // exporting saves nothing
}

TEST_CASE("Exportera… for the public writes observation counts per hexagon as GeoJSON") {
    ExportWorkspace workspace;
    const std::filesystem::path output = workspace.dir / "ut-allmanhet";
    MessageBoxCloser closer;
    exportThroughMenu(workspace.window, [&](ExportDialog& dialog) {
        dialog.setFormat(ExportFormat::GeoJson);
        dialog.setProfile(PrivacyProfile::Public);
        CHECK(dialog.cellSizeBox()->isEnabled());
        CHECK_FALSE(dialog.crsChoice()->isEnabled()); // GeoJSON is always WGS 84
        CHECK(dialog.output().toStdString() ==
              (workspace.dir / "vannas-centrum-allmanhet-geojson").string());
        dialog.setOutput(QString::fromStdString(output.string()));
        dialog.accept();
    });
    REQUIRE(std::filesystem::exists(output / "observationer_hex.geojson"));
    CHECK_FALSE(std::filesystem::exists(output / "observationer.geojson"));
    CHECK(test::readAll(output / "observationer_hex.geojson").find(kReporter) == std::string::npos);
    auto ds = openRead(output / "observationer_hex.geojson");
    REQUIRE(ds);
    CHECK(ds->GetLayer(0)->GetFeatureCount() == 1);
}

TEST_CASE("Exportera… takes photos along without EXIF, but never for the public") {
    ExportWorkspace workspace;
    auto photo = photoFromBytes(test::makeImage("JPEG", test::geotag()), "kvall.jpg");
    REQUIRE(photo);
    REQUIRE(workspace.window.document().addPhotos("observationer", FeatureId{1}, {*photo}));
    const std::filesystem::path output = workspace.dir / "ut-foton";
    MessageBoxCloser closer;
    exportThroughMenu(workspace.window, [&](ExportDialog& dialog) {
        CHECK(dialog.photosBox()->isChecked());
        CHECK(dialog.photosBox()->isEnabled());
        dialog.setProfile(PrivacyProfile::Public);
        CHECK_FALSE(dialog.photosBox()->isEnabled());
        CHECK_FALSE(dialog.options().photos);
        CHECK(dialog.photosNote()->text().contains(QStringLiteral("allmänheten")));
        dialog.setProfile(PrivacyProfile::Consultant);
        CHECK(dialog.photosBox()->isEnabled());
        CHECK(dialog.options().photos);
        dialog.setFormat(ExportFormat::GeoJson);
        dialog.setOutput(QString::fromStdString(output.string()));
        dialog.accept();
    });
    const std::string bytes = test::readAll(output / "foton" / "observationer_1_1.jpg");
    REQUIRE_FALSE(bytes.empty());
    CHECK_FALSE(test::hasExifKeys(test::decode(bytes).items));
    CHECK(test::readAll(output / "observationer.geojson")
              .find("\"foton\": \"foton/observationer_1_1.jpg\"") != std::string::npos);
    REQUIRE(closer.texts.size() == 1);
    CHECK(closer.texts.front().contains(QStringLiteral("Foton: 1 med, 0 utelämnade")));
}
