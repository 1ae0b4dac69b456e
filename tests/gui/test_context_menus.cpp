// Right-click menus on the map, in the table and in the layer panel.

#include "attribute_table_panel.h"
#include "layer_panel.h"
#include "main_window.h"
#include "map_canvas.h"
#include "map_context_menu.h"
#include "map_tools_controller.h"
#include "test_support.h"
#include "window_fixture.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QTest>

#include <catch2/catch.hpp>

using namespace trygg;

namespace {

Feature observationAt(const MapDocument& document, double x, double y) {
    return trygg::test::lightingObservation(document.layer(kObservationLayer)->definition(), x, y);
}

QStringList texts(const QMenu& menu) {
    QStringList list;
    for (const QAction* action : menu.actions()) {
        if (!action->isSeparator()) {
            list << action->text();
        }
    }
    return list;
}

} // namespace

TEST_CASE("a right-click on the map selects the feature under it and offers what can be done", "[menus]") {
    trygg::test::WindowWorkspace ws;
    MapDocument& document = ws.window.document();
    auto added = document.addFeature(kObservationLayer, observationAt(document, 733100.0, 7096100.0));
    REQUIRE(added);
    MapCanvas& canvas = *ws.window.canvas();
    canvas.setView(ViewTransform(Point(733100.0, 7096100.0), 0.5, canvas.size()));
    ws.window.tools()->setTool(MapToolsController::Tool::Select);

    const QPoint onIt = canvas.view().toScreen(Point(733103.0, 7096100.0)).toPoint(); // 6 px off
    QTest::mouseClick(&canvas, Qt::RightButton, Qt::NoModifier, onIt);
    CHECK(document.selection().layer == kObservationLayer);
    CHECK(document.selection().ids == std::vector<FeatureId>{*added});
    QMenu* menu = ws.window.contextMenu()->lastMenu();
    REQUIRE(menu != nullptr);
    CHECK(menu->isVisible());
    CHECK(texts(*menu) == QStringList({QStringLiteral("&Egenskaper…"), QStringLiteral("Zooma till &markerade"),
                                       QStringLiteral("&Kopplingar…"), QStringLiteral("&Foton…"),
                                       QStringLiteral("&Ta bort markerade")}));
    menu->close();

    // Away from everything: the map's own choices, and the selection stays as it was.
    QTest::mouseClick(&canvas, Qt::RightButton, Qt::NoModifier, QPoint(30, 30));
    menu = ws.window.contextMenu()->lastMenu();
    REQUIRE(menu != nullptr);
    CHECK(texts(*menu).contains(QStringLiteral("&Hela kartan")));
    CHECK_FALSE(texts(*menu).contains(QStringLiteral("&Egenskaper…")));
    CHECK(document.selection().ids == std::vector<FeatureId>{*added});
    menu->close();

    // While drawing a polygon a right-click finishes the shape: no menu.
    ws.window.tools()->setCurrentLayer(std::string(kMeasureLayer));
    ws.window.tools()->setTool(MapToolsController::Tool::Polygon);
    QMenu* before = ws.window.contextMenu()->lastMenu();
    QTest::mouseClick(&canvas, Qt::RightButton, Qt::NoModifier, QPoint(40, 40));
    CHECK(ws.window.contextMenu()->lastMenu() == before);
}

TEST_CASE("the layer panel's menu zooms to a layer and opens its table", "[menus]") {
    trygg::test::WindowWorkspace ws;
    MapDocument& document = ws.window.document();
    REQUIRE(document.addFeature(kObservationLayer, observationAt(document, 733100.0, 7096100.0)));
    LayerPanel& panel = *ws.window.layerPanel();
    QTreeWidgetItem* item = panel.itemFor(std::string(kObservationLayer));
    REQUIRE(item != nullptr);
    QTreeWidget& tree = *panel.tree();
    const QPoint at = tree.visualItemRect(item).center();
    emit tree.customContextMenuRequested(at); // what a right-click on the item sends
    QMenu* menu = panel.contextMenu();
    REQUIRE(menu != nullptr);
    REQUIRE(menu->actions().size() == 2);
    CHECK(menu->actions()[0]->text() == QStringLiteral("&Zooma till lagret"));
    menu->actions()[1]->trigger(); // Visa tabellen
    auto* tableDock = ws.window.findChild<QDockWidget*>(QStringLiteral("table"));
    REQUIRE(tableDock != nullptr);
    CHECK(tableDock->isVisible());
    CHECK(ws.window.tablePanel()->currentLayer() == kObservationLayer);
}
