// The attribute table: labels shown and codes kept, every edit through the document and
// undoable, sorting by stored values, filtering, and one selection shared with the document.

#include "../test_support.h"
#include "attribute_table_delegate.h"
#include "attribute_table_model.h"
#include "attribute_table_panel.h"
#include "attribute_table_proxy.h"
#include "attribute_table_view.h"
#include "tryggkarta/document/map_document.h"
#include "tryggkarta/io/project_store.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <catch2/catch.hpp>

using namespace trygg;

namespace {

constexpr std::string_view kLayer = "observationer";

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

std::size_t field(std::string_view name) {
    return *test::sourceCatalog().find(kLayer)->fieldIndex(name);
}
int column(std::string_view name) {
    return static_cast<int>(field(name));
}

Feature observation(double x, double y, std::string category, std::int64_t feeling) {
    const LayerDef& def = *test::sourceCatalog().find(kLayer);
    Feature feature;
    feature.geometry = Point(x, y);
    feature.values.resize(def.fields.size());
    feature.values[field("kategori")] = std::move(category);
    feature.values[field("polaritet")] = std::string("otrygg");
    feature.values[field("kalla")] = std::string("trygghetsvandring");
    feature.values[field("kansla")] = feeling;
    return feature;
}

/// Four observations, added in this order: belysning 2, klotter 0, sikt 3, klotter 1.
struct Observations : OpenDocument {
    FeatureId lighting, graffiti, view, graffiti2;

    Observations() {
        lighting = *document.addFeature(kLayer, observation(733100.0, 7096000.0, "belysning", 2));
        graffiti = *document.addFeature(kLayer, observation(733120.0, 7096010.0, "klotter", 0));
        view = *document.addFeature(kLayer, observation(733140.0, 7096020.0, "sikt", 3));
        graffiti2 = *document.addFeature(kLayer, observation(733160.0, 7096030.0, "klotter", 1));
    }

    [[nodiscard]] const Value& valueOf(FeatureId id, std::string_view name) const {
        return document.layer(kLayer)->find(id)->values[field(name)];
    }
};

std::vector<FeatureId> selectedInView(const AttributeTablePanel& panel) {
    std::vector<FeatureId> ids;
    for (const QModelIndex& index : panel.view()->selectionModel()->selectedRows()) {
        ids.push_back(panel.proxy().featureAt(index.row()));
    }
    std::ranges::sort(ids);
    return ids;
}

} // namespace

TEST_CASE("a coded cell shows its label and edits its code", "[attribute_table]") {
    Observations data;
    AttributeTableModel model(data.document);
    model.setLayer(std::string(kLayer));
    REQUIRE(model.rowCount() == 4);
    REQUIRE(model.columnCount() ==
            static_cast<int>(test::sourceCatalog().find(kLayer)->fields.size()));

    const QModelIndex category = model.index(0, column("kategori"));
    CHECK(category.data(Qt::DisplayRole).toString() == QStringLiteral("Belysning"));
    CHECK(category.data(Qt::EditRole).toString() == QStringLiteral("belysning"));
    CHECK(category.data(AttributeTableModel::kFeatureIdRole).toLongLong() == toInt(data.lighting));
    const QModelIndex feeling = model.index(0, column("kansla"));
    CHECK(feeling.data(Qt::DisplayRole).toString() == QStringLiteral("Acceptabel"));
    CHECK(feeling.data(Qt::EditRole).toLongLong() == 2);
    CHECK_FALSE(model.index(0, column("beskrivn")).data(Qt::EditRole).isValid()); // NULL

    CHECK(model.headerData(column("kategori"), Qt::Horizontal, Qt::DisplayRole).toString() ==
          QStringLiteral("Kategori"));
    CHECK(model.headerData(column("kategori"), Qt::Horizontal, Qt::ToolTipRole)
              .toString()
              .startsWith(QStringLiteral("Vad observationen gäller")));
    CHECK(model.headerData(column("rapportor"), Qt::Horizontal, Qt::DecorationRole).isValid());
    CHECK_FALSE(model.headerData(column("kategori"), Qt::Horizontal, Qt::DecorationRole).isValid());

    model.setLanguage("en");
    CHECK(category.data(Qt::DisplayRole).toString() == QStringLiteral("Lighting"));
    CHECK(model.headerData(column("kategori"), Qt::Horizontal, Qt::DisplayRole).toString() ==
          QStringLiteral("Category"));
    CHECK(category.data(Qt::EditRole).toString() == QStringLiteral("belysning"));
}

TEST_CASE("an edit in a cell is one undo step through the document", "[attribute_table]") {
    Observations data;
    AttributeTableModel model(data.document);
    model.setLayer(std::string(kLayer));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const int steps = data.document.undoStack().count();
    const QModelIndex category = model.index(0, column("kategori"));

    // By label, in either language and any case, and by code.
    REQUIRE(model.setData(category, QStringLiteral("klotter/SKADEGÖRELSE"), Qt::EditRole));
    CHECK(std::get<std::string>(data.valueOf(data.lighting, "kategori")) == "klotter");
    CHECK(category.data(Qt::DisplayRole).toString() == QStringLiteral("Klotter/skadegörelse"));
    REQUIRE(model.setData(category, QStringLiteral("sikt"), Qt::EditRole));
    CHECK(std::get<std::string>(data.valueOf(data.lighting, "kategori")) == "sikt");
    CHECK(data.document.undoStack().count() == steps + 2);
    // Only the edited row was announced; the view was not reset.
    REQUIRE(changed.count() == 2);
    CHECK(changed.at(0).at(0).toModelIndex().row() == 0);
    CHECK(changed.at(0).at(1).toModelIndex().row() == 0);
    CHECK(reset.isEmpty());

    data.document.undoStack().undo();
    CHECK(std::get<std::string>(data.valueOf(data.lighting, "kategori")) == "klotter");
    data.document.undoStack().undo();
    CHECK(std::get<std::string>(data.valueOf(data.lighting, "kategori")) == "belysning");
    CHECK(category.data(Qt::DisplayRole).toString() == QStringLiteral("Belysning"));

    // Numbers with a decimal comma, coded scales by number or label, text, NULL.
    REQUIRE(
        model.setData(model.index(1, column("kansla")), QStringLiteral("Bekväm"), Qt::EditRole));
    CHECK(std::get<std::int64_t>(data.valueOf(data.graffiti, "kansla")) == 3);
    REQUIRE(model.setData(model.index(1, column("kansla")), QStringLiteral("1"), Qt::EditRole));
    CHECK(std::get<std::int64_t>(data.valueOf(data.graffiti, "kansla")) == 1);
    REQUIRE(model.setData(model.index(1, column("beskrivn")), QStringLiteral("Mörk gångtunnel"),
                          Qt::EditRole));
    CHECK(std::get<std::string>(data.valueOf(data.graffiti, "beskrivn")) == "Mörk gångtunnel");
    REQUIRE(model.setData(model.index(1, column("beskrivn")), QString(), Qt::EditRole));
    CHECK(isNull(data.valueOf(data.graffiti, "beskrivn")));
    REQUIRE(model.setData(model.index(1, column("tidpunkt")), QStringLiteral("2025-10-01 21:30"),
                          Qt::EditRole));
    CHECK(model.index(1, column("tidpunkt")).data().toString() ==
          QStringLiteral("2025-10-01 21:30"));
}

TEST_CASE("a value the document refuses changes nothing and says why", "[attribute_table]") {
    Observations data;
    AttributeTableModel model(data.document);
    model.setLayer(std::string(kLayer));
    QSignalSpy refused(&model, &AttributeTableModel::editRefused);
    const int steps = data.document.undoStack().count();

    CHECK_FALSE(
        model.setData(model.index(0, column("kategori")), QStringLiteral("ufo"), Qt::EditRole));
    REQUIRE(refused.count() == 1);
    CHECK(refused.at(0).at(0).toString() ==
          QStringLiteral("Kategori: värdet ufo finns inte i värdelistan"));
    CHECK_FALSE(model.setData(model.index(0, column("kategori")), QString(), Qt::EditRole));
    CHECK(refused.at(1).at(0).toString() == QStringLiteral("Kategori: fältet måste fyllas i"));
    CHECK_FALSE(
        model.setData(model.index(0, column("kansla")), QStringLiteral("mycket"), Qt::EditRole));
    CHECK(refused.count() == 3);
    CHECK_FALSE(model.setData(model.index(0, column("kansla")), QStringLiteral("7"), Qt::EditRole));
    CHECK(refused.count() == 4);

    CHECK(data.document.undoStack().count() == steps);
    CHECK(std::get<std::string>(data.valueOf(data.lighting, "kategori")) == "belysning");
    CHECK(std::get<std::int64_t>(data.valueOf(data.lighting, "kansla")) == 2);

    // The base map is shown, not edited.
    model.setLayer("bas_gata");
    CHECK_FALSE(model.isEditable());
    CHECK_FALSE(model.flags(model.index(0, 0)).testFlag(Qt::ItemIsEditable));
}

TEST_CASE("sorting follows the stored values", "[attribute_table]") {
    Observations data;
    AttributeTableModel model(data.document);
    model.setLayer(std::string(kLayer));
    AttributeTableProxy proxy(model);
    auto columnValues = [&](int col, int role) {
        std::vector<QString> values;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            values.push_back(proxy.index(row, col).data(role).toString());
        }
        return values;
    };

    // A coded scale sorts by its numbers, not by its labels (Acceptabel, Bekväm, ...).
    proxy.sort(column("kansla"), Qt::AscendingOrder);
    CHECK(columnValues(column("kansla"), Qt::EditRole) == std::vector<QString>{"0", "1", "2", "3"});
    proxy.sort(column("kansla"), Qt::DescendingOrder);
    CHECK(columnValues(column("kansla"), Qt::EditRole) == std::vector<QString>{"3", "2", "1", "0"});

    // Coded text sorts by its label in the UI language.
    proxy.sort(column("kategori"), Qt::AscendingOrder);
    CHECK(columnValues(column("kategori"), Qt::DisplayRole) ==
          std::vector<QString>{"Belysning", "Klotter/skadegörelse", "Klotter/skadegörelse",
                               "Skymd sikt/vegetation"});
    // In English the labels order differently: Blocked view, Graffiti, Graffiti, Lighting.
    model.setLanguage("en");
    proxy.updateLanguage();
    CHECK(columnValues(column("kategori"), Qt::EditRole) ==
          std::vector<QString>{"sikt", "klotter", "klotter", "belysning"});

    // Dates chronologically, empty first; the sort holds while a value changes.
    REQUIRE(model.setData(model.index(0, column("tidpunkt")),
                          QStringLiteral("2025-10-01T21:30:00+02:00"), Qt::EditRole));
    REQUIRE(model.setData(model.index(1, column("tidpunkt")),
                          QStringLiteral("2024-12-24T08:00:00+01:00"), Qt::EditRole));
    REQUIRE(model.setData(model.index(2, column("tidpunkt")),
                          QStringLiteral("2025-01-05T12:00:00+01:00"), Qt::EditRole));
    proxy.sort(column("tidpunkt"), Qt::AscendingOrder);
    CHECK(columnValues(column("tidpunkt"), Qt::DisplayRole) ==
          std::vector<QString>{"", "2024-12-24 08:00", "2025-01-05 12:00", "2025-10-01 21:30"});
    REQUIRE(model.setData(model.index(3, column("tidpunkt")),
                          QStringLiteral("2026-01-01T00:00:00+01:00"), Qt::EditRole));
    CHECK(columnValues(column("tidpunkt"), Qt::DisplayRole).back() ==
          QStringLiteral("2026-01-01 00:00"));
}

TEST_CASE("the filter box keeps the matching rows and shows what it cannot read",
          "[attribute_table]") {
    Observations data;
    AttributeTablePanel panel(data.document);
    REQUIRE(panel.currentLayer() == kLayer);
    auto* count = panel.findChild<QLabel*>(QStringLiteral("count"));
    auto* problem = panel.findChild<QLabel*>(QStringLiteral("filterProblem"));
    CHECK(count->text() == QStringLiteral("4 av 4 objekt, 0 markerade"));

    panel.setFilterText(QStringLiteral("kategori = klotter"));
    CHECK(panel.proxy().rowCount() == 2);
    CHECK(problem->isHidden());
    CHECK(count->text() == QStringLiteral("2 av 4 objekt, 0 markerade"));

    panel.setFilterText(QStringLiteral("kategori = ufo"));
    CHECK_FALSE(problem->isHidden());
    CHECK(problem->text().startsWith(QStringLiteral("Filtret kan inte läsas: position")));
    CHECK(panel.proxy().rowCount() == 2); // the last good filter stays

    panel.setFilterText(QStringLiteral("kategori = klotter och kansla <= 0"));
    CHECK(problem->isHidden());
    CHECK(panel.proxy().rowCount() == 1);
    panel.setFilterText(QString());
    CHECK(panel.proxy().rowCount() == 4);

    // Selection by attribute: every row the filter shows.
    panel.setFilterText(QStringLiteral("kansla <= 1"));
    panel.findChild<QPushButton*>(QStringLiteral("selectFiltered"))->click();
    CHECK(data.document.selection().layer == kLayer);
    CHECK(data.document.selection().ids == std::vector<FeatureId>{data.graffiti, data.graffiti2});
    CHECK(selectedInView(panel) == std::vector<FeatureId>{data.graffiti, data.graffiti2});
    CHECK(count->text() == QStringLiteral("2 av 4 objekt, 2 markerade"));
}

TEST_CASE("the view's selection is the document's, both ways", "[attribute_table]") {
    Observations data;
    AttributeTablePanel panel(data.document);
    QSignalSpy documentChanges(&data.document, &MapDocument::selectionChanged);

    panel.view()->selectRow(0);
    CHECK(data.document.selection().layer == kLayer);
    CHECK(data.document.selection().ids == std::vector<FeatureId>{data.lighting});

    data.document.select(kLayer, {data.graffiti, data.view});
    CHECK(selectedInView(panel) == std::vector<FeatureId>{data.graffiti, data.view});
    CHECK(documentChanges.count() == 2); // no echo from the view

    // Hiding a selected row with the filter, or sorting, leaves the selection alone.
    panel.setFilterText(QStringLiteral("kategori = klotter"));
    CHECK(data.document.selection().ids == std::vector<FeatureId>{data.graffiti, data.view});
    panel.view()->sortByColumn(column("kansla"), Qt::DescendingOrder);
    panel.setFilterText(QString());
    CHECK(data.document.selection().ids == std::vector<FeatureId>{data.graffiti, data.view});
    CHECK(selectedInView(panel) == std::vector<FeatureId>{data.graffiti, data.view});

    // Only the selected rows.
    panel.setOnlySelected(true);
    CHECK(panel.proxy().rowCount() == 2);
    data.document.select(kLayer, {data.graffiti2});
    CHECK(panel.proxy().rowCount() == 1);
    panel.setOnlySelected(false);
    CHECK(panel.proxy().rowCount() == 4);

    // An edit keeps the selection and the sort.
    REQUIRE(panel.model().setData(panel.model().index(3, column("kansla")), 3, Qt::EditRole));
    CHECK(selectedInView(panel) == std::vector<FeatureId>{data.graffiti2});
    CHECK(data.document.selection().ids == std::vector<FeatureId>{data.graffiti2});

    // Features selected in another layer bring that layer up.
    Feature measure;
    const LayerDef& def = *test::sourceCatalog().find("atgarder");
    measure.geometry = Point(733110.0, 7096005.0);
    measure.values.resize(def.fields.size());
    measure.values[*def.fieldIndex("titel")] = std::string("Ny belysning");
    measure.values[*def.fieldIndex("typ")] = def.field("typ")->values.front().code;
    measure.values[*def.fieldIndex("status")] = def.field("status")->values.front().code;
    const FeatureId added = *data.document.addFeature("atgarder", measure);
    data.document.select("atgarder", {added});
    CHECK(panel.currentLayer() == "atgarder");
    CHECK(selectedInView(panel) == std::vector<FeatureId>{added});
    CHECK(data.document.selection().layer == "atgarder");
}

TEST_CASE("removing from the table asks, removes and is undone", "[attribute_table]") {
    Observations data;
    AttributeTablePanel panel(data.document);
    int asked = 0;
    panel.setRemovalConfirmation([&](int count) {
        asked = count;
        return true;
    });
    auto* remove = panel.findChild<QPushButton*>(QStringLiteral("remove"));
    CHECK_FALSE(remove->isEnabled());

    data.document.select(kLayer, {data.graffiti, data.graffiti2});
    REQUIRE(remove->isEnabled());
    remove->click();
    CHECK(asked == 2);
    CHECK(data.document.layer(kLayer)->size() == 2);
    CHECK(panel.model().rowCount() == 2);
    CHECK(data.document.selection().empty());

    data.document.undoStack().undo();
    CHECK(data.document.layer(kLayer)->size() == 4);
    CHECK(panel.model().rowCount() == 4);
    CHECK(data.document.layer(kLayer)->find(data.graffiti2) != nullptr);

    // Declined: nothing happens.
    panel.setRemovalConfirmation([](int) { return false; });
    data.document.select(kLayer, {data.graffiti, data.graffiti2});
    remove->click();
    CHECK(data.document.layer(kLayer)->size() == 4);
}

TEST_CASE("zooming asks the map for the selected features' box", "[attribute_table]") {
    Observations data;
    AttributeTablePanel panel(data.document);
    QSignalSpy zoom(&panel, &AttributeTablePanel::zoomRequested);

    data.document.select(kLayer, {data.lighting});
    panel.zoomToSelected();
    REQUIRE(zoom.count() == 1);
    Box box = zoom.at(0).at(0).value<Box>();
    // One point: a box around it, big enough to show its street.
    CHECK(box.min_corner().x() == Approx(733070.0));
    CHECK(box.max_corner().x() == Approx(733130.0));
    CHECK(box.min_corner().y() == Approx(7095970.0));

    data.document.select(kLayer, {data.lighting, data.graffiti2});
    panel.zoomToSelected();
    box = zoom.at(1).at(0).value<Box>();
    CHECK(box.min_corner().x() == Approx(733100.0));
    CHECK(box.max_corner().x() == Approx(733160.0));
    CHECK(box.min_corner().y() == Approx(7096000.0 - 15.0));

    emit panel.view()->doubleClicked(panel.proxy().index(1, 0));
    REQUIRE(zoom.count() == 3);
    CHECK(zoom.at(2).at(0).value<Box>().min_corner().x() == Approx(733120.0 - 30.0));
}

TEST_CASE("the in-place editors store codes and numbers", "[attribute_table]") {
    Observations data;
    AttributeTablePanel panel(data.document);
    QTableView& view = *panel.view();
    auto* delegate = view.itemDelegate();
    const QModelIndex category = panel.proxy().index(0, column("kategori"));

    std::unique_ptr<QWidget> editor(delegate->createEditor(view.viewport(), {}, category));
    auto* combo = qobject_cast<QComboBox*>(editor.get());
    REQUIRE(combo != nullptr);
    delegate->setEditorData(combo, category);
    CHECK(combo->currentText() == QStringLiteral("Belysning"));
    combo->setCurrentIndex(combo->findText(QStringLiteral("Gömställen")));
    delegate->setModelData(combo, &panel.proxy(), category);
    CHECK(std::get<std::string>(data.valueOf(data.lighting, "kategori")) == "gomstallen");

    const QModelIndex walk = panel.proxy().index(0, column("vandring"));
    editor.reset(delegate->createEditor(view.viewport(), {}, walk));
    auto* line = qobject_cast<QLineEdit*>(editor.get());
    REQUIRE(line != nullptr);
    delegate->setEditorData(line, walk);
    CHECK(line->text().isEmpty());
    line->setText(QStringLiteral("12"));
    delegate->setModelData(line, &panel.proxy(), walk);
    CHECK(std::get<std::int64_t>(data.valueOf(data.lighting, "vandring")) == 12);

    const QModelIndex when = panel.proxy().index(0, column("tidpunkt"));
    editor.reset(delegate->createEditor(view.viewport(), {}, when));
    auto* dateTime = qobject_cast<QDateTimeEdit*>(editor.get());
    REQUIRE(dateTime != nullptr);
    delegate->setEditorData(dateTime, when);
    CHECK(dateTime->text() == QStringLiteral("—"));
    const int steps = data.document.undoStack().count();
    delegate->setModelData(dateTime, &panel.proxy(), when); // untouched: nothing stored
    CHECK(data.document.undoStack().count() == steps);
    dateTime->setDateTime(QDateTime(QDate(2025, 10, 1), QTime(21, 30), Qt::UTC));
    delegate->setModelData(dateTime, &panel.proxy(), when);
    CHECK(when.data().toString() == QStringLiteral("2025-10-01 21:30"));
}

TEST_CASE("a choice made in the table's drop-down is stored at once, sorted in place",
          "[attribute_table]") {
    Observations data;
    AttributeTablePanel panel(data.document);
    panel.resize(900, 300);
    panel.show();
    QTableView& view = *panel.view();
    view.sortByColumn(column("kategori"), Qt::AscendingOrder);
    data.document.select(kLayer, {data.lighting});
    const QModelIndex category = panel.proxy().index(0, column("kategori"));
    REQUIRE(panel.proxy().featureAt(0) == data.lighting); // Belysning sorts first
    view.setCurrentIndex(category);
    view.edit(category);
    auto* combo = view.viewport()->findChild<QComboBox*>();
    REQUIRE(combo != nullptr);
    const int traffic = combo->findText(QStringLiteral("Trafik"));
    combo->setCurrentIndex(traffic);
    emit combo->activated(traffic);
    QApplication::processEvents();
    CHECK(std::get<std::string>(data.valueOf(data.lighting, "kategori")) == "trafik");
    // The row moved to its sorted place, last, and stayed selected; the document's
    // selection did not change.
    CHECK(panel.proxy().featureAt(3) == data.lighting);
    CHECK(panel.proxy().index(3, column("kategori")).data().toString() == QStringLiteral("Trafik"));
    CHECK(selectedInView(panel) == std::vector<FeatureId>{data.lighting});
    CHECK(data.document.selection().ids == std::vector<FeatureId>{data.lighting});
    data.document.undoStack().undo();
    CHECK(panel.proxy().index(0, column("kategori")).data().toString() ==
          QStringLiteral("Belysning"));
}
