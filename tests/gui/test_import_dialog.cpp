// Arkiv → Importera till lager… with a survey export: the ready mapping chosen by name, a
// duplicate of an observation already in the project offered for merging, and the import and
// the merge undone as one step.

#include "import_dialog.h"
#include "test_support.h"
#include "tryggkarta/document/map_document.h"
#include "tryggkarta/io/project_store.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QTableWidget>
#include <catch2/catch.hpp>

using namespace trygg;

namespace {

namespace fs = std::filesystem;

const fs::path kSurvey = fs::path(TRYGG_TEST_DATA_DIR) / "survey/enkat_otrygga_platser.csv";

const LayerDef& observations() {
    return *test::sourceCatalog().find("observationer");
}

/// Where the survey's first row lands in SWEREF 99 TM.
Point firstSurveyPoint() {
    ImportOptions options;
    auto mapping = loadImportMapping(
        test::sourceCatalog().directory / "mappings/otrygga_platser.json", test::sourceCatalog());
    REQUIRE(mapping);
    options.mapping = *mapping;
    auto read =
        readForImport(test::sourceCatalog(), kSurvey, options, Crs::fromEpsg(crs::kSweref99Tm));
    REQUIRE(read);
    return std::get<Point>(*read->features.front().geometry);
}

std::string text(const Feature& feature, const char* field) {
    return toDisplayString(feature.values[*observations().fieldIndex(field)]);
}

/// A document on a saved project with one observation 2 m from the survey's first row.
struct SurveyWorkspace {
    test::TempDir dir;
    fs::path path = dir / "vannas.gpkg";
    MapDocument document{test::sourceCatalog()};

    SurveyWorkspace() {
        REQUIRE(createProject(path, Crs::fromEpsg(crs::kSweref99Tm), test::sourceCatalog()));
        auto project = openProject(path, test::sourceCatalog());
        REQUIRE(project);
        const LayerDef& def = observations();
        Feature lamp;
        const Point near = firstSurveyPoint();
        lamp.geometry = Point{near.x() + 2.0, near.y()};
        lamp.values.resize(def.fields.size());
        lamp.values[*def.fieldIndex("kategori")] = std::string("belysning");
        lamp.values[*def.fieldIndex("polaritet")] = std::string("otrygg");
        lamp.values[*def.fieldIndex("kalla")] = std::string("trygghetsvandring");
        lamp.values[*def.fieldIndex("beskrivn")] = std::string("Trasig lampa");
        project->layer("observationer")->add(std::move(lamp));
        document.setProject(std::move(*project), path);
    }
};

void readWithReadyMapping(ImportDialog& dialog) {
    const int ready =
        dialog.mappingChoice()->findText(QStringLiteral("Webbenkät: otrygga platser"));
    REQUIRE(ready > 0);
    dialog.mappingChoice()->setCurrentIndex(ready);
    dialog.readSource();
    REQUIRE(dialog.result().has_value());
}

} // namespace

TEST_CASE("import dialog: a survey through the ready mapping, a duplicate merged, one undo",
          "[import]") {
    SurveyWorkspace ws;
    const FeatureId existing = ws.document.layer("observationer")->features().front().id;
    ImportDialog dialog(ws.document, kSurvey, "sv");
    readWithReadyMapping(dialog);
    CHECK(dialog.layerChoice()->currentData().toString() == QStringLiteral("observationer"));
    CHECK(dialog.result()->features.size() == 9);
    CHECK(dialog.reportText().contains(QStringLiteral("Hundar")));

    QTableWidget& table = *dialog.duplicateTable();
    REQUIRE(table.rowCount() == 1);
    CHECK(table.item(0, 0)->text() == QStringLiteral("1"));
    CHECK(table.item(0, 1)->text() == QStringLiteral("observationer nr %1").arg(toInt(existing)));
    CHECK(table.item(0, 2)->text() == QStringLiteral("2.0 m"));
    auto* choice = qobject_cast<QComboBox*>(table.cellWidget(0, 3));
    REQUIRE(choice != nullptr);
    CHECK(choice->currentText() == QStringLiteral("Slå ihop"));

    SECTION("merged (the default): eight added, the existing one filled in, one undo step") {
        dialog.addToProject();
        const Layer& layer = *ws.document.layer("observationer");
        CHECK(layer.size() == 9);
        const Feature& merged = *layer.find(existing);
        CHECK(text(merged, "beskrivn") ==
              "Trasig lampa\nGångvägen vid stationen: Flera lampor är trasiga");
        CHECK(text(merged, "kon") == "kvinna");
        CHECK(text(merged, "kalla") == "trygghetsvandring");
        CHECK(ws.document.undoStack().count() == 1);
        CHECK(ws.document.undoStack().undoText() ==
              QStringLiteral("Importera enkat_otrygga_platser.csv"));

        ws.document.undoStack().undo();
        const Layer& undone = *ws.document.layer("observationer");
        REQUIRE(undone.size() == 1);
        CHECK(text(*undone.find(existing), "beskrivn") == "Trasig lampa");
        CHECK(text(*undone.find(existing), "kon").empty());
    }
    SECTION("skipped: eight added, the existing one as it was") {
        choice->setCurrentIndex(2);
        CHECK(choice->currentText() == QStringLiteral("Hoppa över"));
        dialog.addToProject();
        const Layer& layer = *ws.document.layer("observationer");
        CHECK(layer.size() == 9);
        CHECK(text(*layer.find(existing), "beskrivn") == "Trasig lampa");
    }
    SECTION("kept: all nine added") {
        choice->setCurrentIndex(1);
        dialog.addToProject();
        CHECK(ws.document.layer("observationer")->size() == 10);
    }
}

TEST_CASE("import dialog: a smaller radius finds no duplicate; a mapping file can be chosen",
          "[import]") {
    SurveyWorkspace ws;
    ImportDialog dialog(ws.document, kSurvey, "sv");
    dialog.radiusChoice()->setValue(1.0);
    readWithReadyMapping(dialog);
    CHECK(dialog.duplicateTable()->rowCount() == 0);
    CHECK(dialog.duplicateTable()->isHidden());

    const int before = dialog.mappingChoice()->count();
    const fs::path own = ws.dir.write("egen.json", test::readAll(test::sourceCatalog().directory /
                                                                 "mappings/otrygga_platser.json"));
    dialog.setMappingFile(own);
    CHECK(dialog.mappingChoice()->count() == before + 1);
    CHECK(dialog.mappingChoice()->currentText() == QStringLiteral("egen.json"));
    CHECK_FALSE(dialog.result().has_value()); // another mapping: read again
    dialog.readSource();
    REQUIRE(dialog.result().has_value());
    CHECK(dialog.result()->features.size() == 9);
}
