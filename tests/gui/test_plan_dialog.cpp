// Arkiv → Åtgärdsplan… driven through the real window: the dialog fills the same options as
// the CLI's `plan`, writes the document as it is now (unsaved edits included), leaves the
// dismissed measures out unless asked, and can show the map window's area.

#include "main_window.h"
#include "map_canvas.h"
#include "pdf_support.h"
#include "plan_dialog.h"
#include "test_support.h"
#include "tryggkarta/io/project_store.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QListWidget>
#include <QMenuBar>
#include <QRadioButton>
#include <QTest>
#include <QTimer>
#include <catch2/catch.hpp>

#include <functional>

using namespace trygg;

namespace {

Feature measure(const LayerDef& def, double x, const std::string& title, const std::string& status) {
    Feature feature;
    feature.geometry = Point{733000.0 + x, 7096000.0};
    feature.values.resize(def.fields.size());
    feature.values[*def.fieldIndex("titel")] = title;
    feature.values[*def.fieldIndex("status")] = status;
    feature.values[*def.fieldIndex("typ")] = std::string("annan");
    feature.values[*def.fieldIndex("ansvarig")] = std::string("kommun");
    feature.values[*def.fieldIndex("kostnad")] = 10000.0;
    return feature;
}

/// The window on a saved project with a decided and a dismissed measure; a third, planned,
/// is added through the document and left unsaved.
struct PlanWorkspace {
    test::TempDir dir;
    std::filesystem::path path = dir / "vannas-centrum.gpkg";
    MainWindow window{test::sourceCatalog()};

    PlanWorkspace() {
        REQUIRE(createProject(path, Crs::fromEpsg(crs::kSweref99Tm), test::sourceCatalog()));
        auto project = openProject(path, test::sourceCatalog());
        REQUIRE(project);
        Layer& measures = *project->layer("atgarder");
        measures.add(measure(measures.definition(), 0, "Belysning vid stationen", "beslutad"));
        measures.add(measure(measures.definition(), 80, "Avförd bänk", "avford"));
        REQUIRE(saveProjectAs(path, *project));
        project = openProject(path, test::sourceCatalog());
        REQUIRE(project);
        window.document().setProject(std::move(*project), path);
        const LayerDef& def = window.document().layer("atgarder")->definition();
        REQUIRE(window.document().addFeature("atgarder",
                                             measure(def, 160, "Röjning i parken", "planerad")));
        window.resize(1280, 800);
        window.show();
        QApplication::setActiveWindow(&window);
        REQUIRE(QTest::qWaitForWindowActive(&window));
    }
};

/// Triggers the action with `shortcut` and hands the plan dialog to `drive` once it shows.
void planThroughMenu(MainWindow& window, const std::function<void(PlanDialog&)>& drive) {
    QAction* action = nullptr;
    for (QAction* candidate : window.findChildren<QAction*>()) {
        if (candidate->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)) {
            action = candidate;
        }
    }
    REQUIRE(action != nullptr);
    CHECK(action->text() == QStringLiteral("Åtgärds&plan…"));
    bool driven = false;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            auto* dialog = qobject_cast<PlanDialog*>(widget);
            if (!driven && dialog != nullptr && dialog->isVisible()) {
                driven = true;
                dialog->setOfferToOpen(false);
                drive(*dialog);
                return;
            }
        }
    });
    poll.start(20);
    action->trigger();
    CHECK(driven);
}

} // namespace

TEST_CASE("Åtgärdsplan… writes the plan of the document as it is now, without dismissed measures") {
    PlanWorkspace workspace;
    const std::filesystem::path output = workspace.dir / "plan.pdf";
    std::optional<PlanLayout> layout;
    PlanOptions used;
    planThroughMenu(workspace.window, [&](PlanDialog& dialog) {
        CHECK(dialog.output().toStdString() == (workspace.dir / "atgardsplan.pdf").string());
        QListWidget* statuses = dialog.statusList();
        REQUIRE(statuses->count() == 7);
        CHECK(statuses->item(6)->text() == QStringLiteral("Avförd"));
        CHECK(statuses->item(6)->checkState() == Qt::Unchecked);
        dialog.setOutput(QString::fromStdString(output.string()));
        used = dialog.options();
        dialog.accept();
        layout = dialog.layout();
    });
    CHECK(used.statuses ==
          std::vector<std::string>{"forslag", "beslutad", "planerad", "pagar", "klar", "utvarderad"});
    CHECK(used.paper == PaperSize::A4);
    CHECK_FALSE(used.extent.has_value());
    REQUIRE(layout);
    CHECK(layout->tableRows == 2);
    CHECK(layout->pages == 3); // the map, the table, the follow-up
    const std::string text = test::pdfText(output);
    CHECK(text.find("Röjning i parken") != std::string::npos); // unsaved, yet in the plan
    CHECK(text.find("Belysning vid stationen") != std::string::npos);
    CHECK(text.find("Avförd bänk") == std::string::npos);
    CHECK(text.find("20 000 kr (2)") != std::string::npos);
    CHECK(workspace.window.document().isModified()); // writing a plan saves nothing
}

TEST_CASE("Åtgärdsplan… in English on A3 of the map window's area as PNG pages") {
    PlanWorkspace workspace;
    std::optional<PlanLayout> layout;
    PlanOptions used;
    const Box view = workspace.window.canvas()->view().visibleExtent();
    planThroughMenu(workspace.window, [&](PlanDialog& dialog) {
        dialog.paperChoice()->setCurrentIndex(1);
        dialog.languageChoice()->setCurrentIndex(1);
        REQUIRE(dialog.viewExtentButton()->isEnabled());
        dialog.viewExtentButton()->setChecked(true);
        dialog.statusList()->item(6)->setCheckState(Qt::Checked);
        dialog.setOutput(QString::fromStdString((workspace.dir / "plan.png").string()));
        used = dialog.options();
        dialog.accept();
        layout = dialog.layout();
    });
    CHECK(used.language == "en");
    CHECK(used.paper == PaperSize::A3);
    REQUIRE(used.extent.has_value());
    CHECK(bg::equals(*used.extent, view));
    CHECK(used.statuses.size() == 7);
    REQUIRE(layout);
    CHECK(layout->tableRows == 3);
    REQUIRE(layout->files.size() == 3); // the map, the table, the follow-up
    CHECK(layout->files[1] == workspace.dir / "plan-2.png");
    const QImage first(QString::fromStdString(layout->files[0].string()));
    CHECK(first.width() == 2480);
}
