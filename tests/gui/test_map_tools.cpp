// The map tools driven through a real canvas: selection shared with the document, sketches
// that never lose a vertex to a stray key or click, snapping, moving and reshaping as single
// undo steps.

#include <catch2/catch.hpp>

#include "../test_support.h"

#include "edit_menu.h"
#include "map_canvas.h"
#include "map_tools_controller.h"
#include "tools/select_tool.h"
#include "tools/selection_ops.h"
#include "tools/sketch_tool.h"

#include "tryggkarta/document/map_document.h"
#include "tryggkarta/io/project_store.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QMouseEvent>
#include <QTest>

using namespace trygg;

namespace {

const Point kCentre{733107.0, 7096069.0};

/// A project on disk with observations at the centre (A), 50 m east and 20 m north of it (B)
/// and 100 m south-west (C), and a square measure 100–200 m north-east.
struct MapFixture {
    test::TempDir dir;
    std::filesystem::path path = dir.path() / "vannas.gpkg";
    MapDocument document{test::sourceCatalog()};
    MapCanvas canvas;
    FeatureId a{}, b{}, c{}, square{};

    MapFixture() {
        REQUIRE(createProject(path, Crs::fromEpsg(crs::kSweref99Tm), test::sourceCatalog()));
        auto project = openProject(path, test::sourceCatalog());
        REQUIRE(project);
        document.setProject(std::move(*project), path);
        a = *document.addFeature("observationer", observation(0, 0));
        b = *document.addFeature("observationer", observation(50, 20));
        c = *document.addFeature("observationer", observation(-100, -100));
        Polygon shape;
        const double corners[][2] = {{100, 100}, {200, 100}, {200, 200}, {100, 200}, {100, 100}};
        for (const auto& corner : corners) {
            shape.outer().push_back(at(corner[0], corner[1]));
        }
        square = *document.addFeature("atgarder", measure(shape));
        document.undoStack().clear();
        canvas.resize(800, 600);
        // 1 m per pixel, the centre in the middle: screen (400 + dx, 300 - dy).
        canvas.setView(ViewTransform(kCentre, 1.0, QSize(800, 600)));
    }

    static Point at(double dx, double dy) { return Point(kCentre.x() + dx, kCentre.y() + dy); }
    static QPoint screen(double dx, double dy) { return QPoint(400 + int(dx), 300 - int(dy)); }

    static Feature observation(double dx, double dy) {
        const LayerDef& def = *test::sourceCatalog().find("observationer");
        Feature feature;
        feature.geometry = at(dx, dy);
        feature.values.resize(def.fields.size());
        feature.values[*def.fieldIndex("kategori")] = std::string("belysning");
        feature.values[*def.fieldIndex("polaritet")] = std::string("otrygg");
        feature.values[*def.fieldIndex("kalla")] = std::string("trygghetsvandring");
        return feature;
    }

    static Feature measure(Geometry geometry) {
        const LayerDef& def = *test::sourceCatalog().find("atgarder");
        Feature feature;
        feature.geometry = std::move(geometry);
        feature.values.resize(def.fields.size());
        feature.values[*def.fieldIndex("titel")] = std::string("Belysning i parken");
        feature.values[*def.fieldIndex("typ")] = std::string("ny_belysning");
        feature.values[*def.fieldIndex("status")] = std::string("forslag");
        return feature;
    }

    [[nodiscard]] const Feature& feature(std::string_view layer, FeatureId id) const {
        const Feature* found = document.layer(layer)->find(id);
        REQUIRE(found != nullptr);
        return *found;
    }
};

void hover(QWidget& widget, QPoint at, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QMouseEvent move(QEvent::MouseMove, at, widget.mapToGlobal(at), Qt::NoButton, Qt::NoButton,
                     modifiers);
    QApplication::sendEvent(&widget, &move);
}

/// A double-click as Qt delivers it: press, release, double-click, release.
void doubleClick(QWidget& widget, QPoint at) {
    QTest::mouseClick(&widget, Qt::LeftButton, Qt::NoModifier, at);
    QTest::mouseDClick(&widget, Qt::LeftButton, Qt::NoModifier, at);
    QTest::mouseRelease(&widget, Qt::LeftButton, Qt::NoModifier, at);
}

void checkPoint(const Point& actual, const Point& expected) {
    CHECK(actual.x() == Approx(expected.x()).margin(1e-6));
    CHECK(actual.y() == Approx(expected.y()).margin(1e-6));
}

} // namespace

TEST_CASE("click selects, Ctrl+click adds and removes, a rectangle selects a set", "[tools]") {
    MapFixture map;
    MapToolsController tools(map.document, map.canvas);
    REQUIRE(tools.setCurrentLayer("observationer"));
    tools.setTool(MapToolsController::Tool::Select);
    REQUIRE(map.canvas.tool() == tools.tool(MapToolsController::Tool::Select));

    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(2, -3));
    CHECK(map.document.selection().layer == "observationer");
    CHECK(map.document.selection().ids == std::vector<FeatureId>{map.a});

    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::ControlModifier, MapFixture::screen(50, 20));
    CHECK(map.document.selection().ids == std::vector<FeatureId>{map.a, map.b});
    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::ControlModifier, MapFixture::screen(0, 0));
    CHECK(map.document.selection().ids == std::vector<FeatureId>{map.b});

    // A click inside the measure's square selects it: polygons are hit inside.
    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(150, 150));
    CHECK(map.document.selection().layer == "atgarder");

    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(-300, 250));
    CHECK(map.document.selection().empty());

    // From 20 m west and 40 m south of A to 60 m east and 30 m north: A and B, not C.
    QTest::mousePress(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(-20, -40));
    QTest::mouseMove(&map.canvas, MapFixture::screen(20, 0));
    QTest::mouseMove(&map.canvas, MapFixture::screen(60, 30));
    QTest::mouseRelease(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(60, 30));
    CHECK(map.document.selection().layer == "observationer");
    CHECK(map.document.selection().ids == std::vector<FeatureId>{map.a, map.b});

    REQUIRE(selectWhere(map.document, "observationer", "kategori = belysning"));
    CHECK(map.document.selection().ids.size() == 3);
    CHECK_FALSE(selectWhere(map.document, "observationer", "kateogri = belysning"));
    REQUIRE(removeSelection(map.document));
    CHECK(map.document.layer("observationer")->size() == 0);
    map.document.undoStack().undo();
    CHECK(map.document.layer("observationer")->size() == 3);
}

TEST_CASE("Esc takes back one vertex at a time; double-click offers the polygon", "[tools]") {
    MapFixture map;
    MapToolsController tools(map.document, map.canvas);
    REQUIRE(tools.setCurrentLayer("atgarder"));
    tools.setTool(MapToolsController::Tool::Polygon);
    auto* sketch = static_cast<SketchTool*>(tools.tool(MapToolsController::Tool::Polygon));
    std::vector<std::pair<QString, Geometry>> offered;
    QObject::connect(
        &tools, &MapToolsController::geometryReady,
        [&](const QString& layer, const Geometry& shape) { offered.emplace_back(layer, shape); });

    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, QPoint(100, 100));
    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, QPoint(150, 160));
    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, QPoint(300, 50));
    REQUIRE(sketch->vertices().size() == 3);
    QTest::keyClick(&map.canvas, Qt::Key_Escape);
    CHECK(sketch->vertices().size() == 2);
    QTest::keyClick(&map.canvas, Qt::Key_Escape);
    REQUIRE(sketch->vertices().size() == 1);
    checkPoint(sketch->vertices()[0], map.canvas.view().toMap(QPointF(100, 100)));
    // A taken-back vertex comes back with Ctrl+Y (Ctrl+Shift+Z), and goes again with Ctrl+Z.
    QTest::keyClick(&map.canvas, Qt::Key_Y, Qt::ControlModifier);
    CHECK(sketch->vertices().size() == 2);
    QTest::keyClick(&map.canvas, Qt::Key_Z, Qt::ControlModifier);
    CHECK(sketch->vertices().size() == 1);

    // A drag pans and adds nothing.
    QTest::mousePress(&map.canvas, Qt::LeftButton, Qt::NoModifier, QPoint(400, 400));
    QTest::mouseMove(&map.canvas, QPoint(420, 420));
    QTest::mouseMove(&map.canvas, QPoint(440, 440));
    QTest::mouseRelease(&map.canvas, Qt::LeftButton, Qt::NoModifier, QPoint(440, 440));
    CHECK(sketch->vertices().size() == 1);
    CHECK(map.canvas.view().center().x() == Approx(kCentre.x() - 40.0));
    map.canvas.setView(ViewTransform(kCentre, 1.0, QSize(800, 600)));

    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, QPoint(200, 100));
    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, QPoint(200, 200));
    doubleClick(map.canvas, QPoint(100, 200));
    REQUIRE(offered.size() == 1);
    CHECK(offered[0].first == QStringLiteral("atgarder"));
    const auto* polygon = std::get_if<Polygon>(&offered[0].second);
    REQUIRE(polygon != nullptr);
    // Drawn clockwise on the map (east, south, west), stored closed and counter-clockwise.
    const ViewTransform& view = map.canvas.view();
    const std::vector<QPointF> expected{{100, 100}, {100, 200}, {200, 200}, {200, 100}, {100, 100}};
    REQUIRE(polygon->outer().size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        checkPoint(polygon->outer()[i], view.toMap(expected[i]));
    }
    CHECK(polygon->outer()[0].x() == Approx(kCentre.x() - 300.0));
    CHECK(polygon->outer()[0].y() == Approx(kCentre.y() + 200.0));

    // Until the receiver has stored it, the sketch stays (a cancelled form loses nothing).
    CHECK(tools.hasUnfinishedWork());
    tools.clearSketch();
    CHECK_FALSE(tools.hasUnfinishedWork());
    QTest::keyClick(&map.canvas, Qt::Key_Escape); // on an empty sketch: nothing happens
    CHECK(sketch->vertices().empty());
}

TEST_CASE("right-click never clears a sketch, which survives a change of tool", "[tools]") {
    MapFixture map;
    MapToolsController tools(map.document, map.canvas);
    REQUIRE(tools.setCurrentLayer("atgarder"));
    tools.setTool(MapToolsController::Tool::Line);
    auto* sketch = static_cast<SketchTool*>(tools.tool(MapToolsController::Tool::Line));
    int offered = 0;
    QObject::connect(&tools, &MapToolsController::geometryReady, [&] { ++offered; });

    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, QPoint(100, 500));
    QTest::mouseClick(&map.canvas, Qt::RightButton, Qt::NoModifier, QPoint(120, 500));
    CHECK(sketch->vertices().size() == 1); // too short to finish: nothing happens
    CHECK(offered == 0);
    QTest::keyClick(&map.canvas, Qt::Key_Return);
    CHECK(sketch->vertices().size() == 1);

    tools.setTool(MapToolsController::Tool::Select);
    CHECK(map.canvas.tool() != sketch);
    tools.setTool(MapToolsController::Tool::Line);
    REQUIRE(sketch->vertices().size() == 1);

    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, QPoint(200, 500));
    QTest::mouseClick(&map.canvas, Qt::RightButton, Qt::NoModifier, QPoint(220, 520));
    CHECK(offered == 1); // right-click finished the line
    CHECK(sketch->vertices().size() == 2);
    QTest::keyClick(&map.canvas, Qt::Key_Backspace);
    CHECK(sketch->vertices().size() == 1);

    // Drawing tools fit the current layer: observations take points only.
    REQUIRE(tools.setCurrentLayer("observationer"));
    CHECK_FALSE(tools.action(MapToolsController::Tool::Line)->isEnabled());
    CHECK_FALSE(tools.action(MapToolsController::Tool::Polygon)->isEnabled());
    CHECK(tools.action(MapToolsController::Tool::AddPoint)->isEnabled());
    CHECK(tools.currentTool() == MapToolsController::Tool::Select);
    CHECK(sketch->vertices().size() == 1); // kept for when a line layer is current again
    REQUIRE(tools.setCurrentLayer("vandringar"));
    CHECK(tools.action(MapToolsController::Tool::Line)->isEnabled());
    CHECK_FALSE(tools.action(MapToolsController::Tool::Polygon)->isEnabled());
}

TEST_CASE("a click 5 px from a vertex lands on it, unless Shift is held", "[tools]") {
    MapFixture map;
    MapToolsController tools(map.document, map.canvas);
    REQUIRE(tools.setCurrentLayer("atgarder"));
    tools.setTool(MapToolsController::Tool::Line);
    tools.snapAction()->setChecked(true);
    auto* sketch = static_cast<SketchTool*>(tools.tool(MapToolsController::Tool::Line));

    // 3 px right and 4 px down of observation A: 5 px away.
    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, QPoint(403, 304));
    REQUIRE(sketch->vertices().size() == 1);
    CHECK(sketch->vertices()[0].x() == kCentre.x());
    CHECK(sketch->vertices()[0].y() == kCentre.y());

    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::ShiftModifier, QPoint(403, 304));
    REQUIRE(sketch->vertices().size() == 2);
    checkPoint(sketch->vertices()[1], Point(kCentre.x() + 3.0, kCentre.y() - 4.0));

    // On the square's south edge, 4 px below its middle: the nearest point of the segment.
    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(150, 96));
    REQUIRE(sketch->vertices().size() == 3);
    checkPoint(sketch->vertices()[2], MapFixture::at(150, 100));

    // Switched off: no snapping at all.
    tools.snapAction()->setChecked(false);
    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(52, 21));
    REQUIRE(sketch->vertices().size() == 4);
    checkPoint(sketch->vertices()[3], MapFixture::at(52, 21));
    tools.snapAction()->setChecked(true);

    // The marker follows the pointer while drawing (seen in the overlay, a square on vertices).
    hover(map.canvas, MapFixture::screen(52, 21));
    QImage shown = map.canvas.grab().toImage();
    const QColor marker = shown.pixelColor(MapFixture::screen(50, 20) + QPoint(8, 0));
    INFO("marker pixel " << marker.name().toStdString());
    CHECK(marker.red() > 150);
    CHECK(marker.green() < 80);
}

TEST_CASE("a point offered by the add-point tool is snapped", "[tools]") {
    MapFixture map;
    MapToolsController tools(map.document, map.canvas);
    REQUIRE(tools.setCurrentLayer("observationer"));
    tools.setTool(MapToolsController::Tool::AddPoint);
    tools.snapAction()->setChecked(true);
    std::vector<Geometry> offered;
    QObject::connect(&tools, &MapToolsController::geometryReady,
                     [&](const QString&, const Geometry& shape) { offered.push_back(shape); });
    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(53, 16));
    REQUIRE(offered.size() == 1);
    REQUIRE(std::holds_alternative<Point>(offered[0]));
    checkPoint(std::get<Point>(offered[0]), MapFixture::at(50, 20));
    QTest::mouseClick(&map.canvas, Qt::RightButton, Qt::NoModifier, MapFixture::screen(-200, 0));
    CHECK(offered.size() == 1);
}

TEST_CASE("dragging a point moves it by the dragged distance, one undo step", "[tools]") {
    MapFixture map;
    MapToolsController tools(map.document, map.canvas);
    REQUIRE(tools.setCurrentLayer("observationer"));
    tools.setTool(MapToolsController::Tool::Move);

    QTest::mousePress(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(50, 20));
    QTest::mouseMove(&map.canvas, MapFixture::screen(60, 10));
    QTest::mouseMove(&map.canvas, MapFixture::screen(80, -10));
    QTest::mouseRelease(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(80, -10));
    CHECK(map.document.undoStack().count() == 1);
    checkPoint(std::get<Point>(*map.feature("observationer", map.b).geometry),
               MapFixture::at(80, -10));
    CHECK(map.document.selection().ids == std::vector<FeatureId>{map.b});
    map.document.undoStack().undo();
    checkPoint(std::get<Point>(*map.feature("observationer", map.b).geometry),
               MapFixture::at(50, 20));

    // Esc during a drag cancels only the drag.
    QTest::mousePress(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(0, 0));
    QTest::mouseMove(&map.canvas, MapFixture::screen(30, 30));
    QTest::keyClick(&map.canvas, Qt::Key_Escape);
    QTest::mouseRelease(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(30, 30));
    checkPoint(std::get<Point>(*map.feature("observationer", map.a).geometry), kCentre);
    CHECK(map.document.undoStack().index() == 0);
}

TEST_CASE("a moved feature snaps its grabbed vertex to other features, never to itself",
          "[tools]") {
    MapFixture map;
    MapToolsController tools(map.document, map.canvas);
    REQUIRE(tools.setCurrentLayer("observationer"));
    tools.setTool(MapToolsController::Tool::Move);
    tools.snapAction()->setChecked(true);
    auto pointOf = [&](FeatureId id) {
        return std::get<Point>(*map.feature("observationer", id).geometry);
    };

    // A small nudge of C is kept: its own old place does not pull it back.
    QTest::mousePress(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(-100, -100));
    QTest::mouseMove(&map.canvas, MapFixture::screen(-97, -100));
    QTest::mouseRelease(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(-97, -100));
    checkPoint(pointOf(map.c), MapFixture::at(-97, -100));
    map.document.undoStack().undo();

    // B dropped 5 px from A lands on A exactly; the marker shows where while dragging.
    QTest::mousePress(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(50, 20));
    QTest::mouseMove(&map.canvas, MapFixture::screen(20, 10));
    QTest::mouseMove(&map.canvas, QPoint(403, 304));
    const QColor marker =
        map.canvas.grab().toImage().pixelColor(MapFixture::screen(0, 0) + QPoint(8, 0));
    INFO("marker pixel " << marker.name().toStdString());
    CHECK(marker.red() > 150);
    CHECK(marker.green() < 80);
    QTest::mouseRelease(&map.canvas, Qt::LeftButton, Qt::NoModifier, QPoint(403, 304));
    CHECK(pointOf(map.b).x() == kCentre.x());
    CHECK(pointOf(map.b).y() == kCentre.y());
    CHECK(map.document.undoStack().count() == 1);

    // A polygon grabbed by its corner: the corner lands on C, the rest follows.
    QTest::mousePress(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(101, 99));
    QTest::mouseMove(&map.canvas, MapFixture::screen(-50, -50));
    QTest::mouseRelease(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(-97, -102));
    const Polygon& square = std::get<Polygon>(*map.feature("atgarder", map.square).geometry);
    CHECK(square.outer()[0].x() == MapFixture::at(-100, -100).x());
    CHECK(square.outer()[0].y() == MapFixture::at(-100, -100).y());
    checkPoint(square.outer()[2], MapFixture::at(0, 0));

    // Switched off (as for the drawing tools): dropped where the pointer is.
    tools.snapAction()->setChecked(false);
    map.document.undoStack().setIndex(0);
    QTest::mousePress(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(50, 20));
    QTest::mouseMove(&map.canvas, QPoint(403, 304));
    QTest::mouseRelease(&map.canvas, Qt::LeftButton, Qt::NoModifier, QPoint(403, 304));
    checkPoint(pointOf(map.b), Point(kCentre.x() + 3.0, kCentre.y() - 4.0));
    tools.snapAction()->setChecked(true);
}

TEST_CASE("vertices are moved, added and removed as single undo steps", "[tools]") {
    MapFixture map;
    MapToolsController tools(map.document, map.canvas);
    REQUIRE(tools.setCurrentLayer("atgarder"));
    tools.setTool(MapToolsController::Tool::Vertices);
    QStringList messages;
    QObject::connect(&tools, &MapToolsController::message,
                     [&](const QString& text) { messages << text; });
    auto ring = [&] {
        return std::get<Polygon>(*map.feature("atgarder", map.square).geometry).outer();
    };

    // A tap on the square selects it, and its vertices get handles.
    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(150, 150));
    REQUIRE(map.document.selection().ids == std::vector<FeatureId>{map.square});

    // Delete on the hovered north-east corner removes it.
    hover(map.canvas, MapFixture::screen(198, 197));
    QTest::keyClick(&map.canvas, Qt::Key_Delete);
    REQUIRE(ring().size() == 4);
    CHECK(map.document.undoStack().count() == 1);
    map.document.undoStack().undo();
    REQUIRE(ring().size() == 5);

    // Drag the north-east corner 30 m east.
    QTest::mousePress(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(200, 200));
    QTest::mouseMove(&map.canvas, MapFixture::screen(215, 200));
    QTest::mouseMove(&map.canvas, MapFixture::screen(230, 200));
    QTest::mouseRelease(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(230, 200));
    REQUIRE(ring().size() == 5);
    CHECK(std::ranges::count_if(ring(), [](const Point& p) {
              return p.x() == Approx(kCentre.x() + 230.0) && p.y() == Approx(kCentre.y() + 200.0);
          }) == 1);
    map.document.undoStack().undo();

    // A tap on the middle of the south edge adds a vertex there.
    QTest::mouseClick(&map.canvas, Qt::LeftButton, Qt::NoModifier, MapFixture::screen(150, 100));
    REQUIRE(ring().size() == 6);
    CHECK(std::ranges::count_if(ring(), [](const Point& p) {
              return p.x() == Approx(kCentre.x() + 150.0) && p.y() == Approx(kCentre.y() + 100.0);
          }) == 1);
    // Right-click on it removes it again.
    QTest::mouseClick(&map.canvas, Qt::RightButton, Qt::NoModifier, MapFixture::screen(150, 100));
    REQUIRE(ring().size() == 5);
    CHECK(map.document.undoStack().index() == 2);

    // A triangle keeps its three corners: refused with a message.
    hover(map.canvas, MapFixture::screen(200, 200));
    QTest::keyClick(&map.canvas, Qt::Key_Delete);
    REQUIRE(ring().size() == 4);
    hover(map.canvas, MapFixture::screen(100, 200));
    QTest::keyClick(&map.canvas, Qt::Key_Backspace);
    CHECK(ring().size() == 4);
    REQUIRE_FALSE(messages.isEmpty());
    CHECK(messages.back().contains(QStringLiteral("tre hörn")));
    map.document.undoStack().undo();
    CHECK(ring().size() == 5);
}

TEST_CASE("in a window, Ctrl+Z and Delete go to the tool before the Edit menu", "[tools]") {
    MapFixture map;
    QMainWindow window;
    auto* canvas = new MapCanvas(&window);
    window.setCentralWidget(canvas);
    auto* menu = new EditMenu(map.document, &window);
    window.menuBar()->addMenu(menu);
    window.resize(800, 600);
    window.show();
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowActive(&window));
    canvas->setView(ViewTransform(kCentre, 1.0, canvas->size()));
    canvas->setFocus();
    MapToolsController tools(map.document, *canvas);
    REQUIRE(tools.setCurrentLayer("atgarder"));
    tools.setTool(MapToolsController::Tool::Line);
    auto* sketch = static_cast<SketchTool*>(tools.tool(MapToolsController::Tool::Line));

    REQUIRE(map.document.addFeature("observationer", MapFixture::observation(-250, 150)));
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, QPoint(50, 50));
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, QPoint(90, 60));
    QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
    CHECK(sketch->vertices().size() == 1);
    CHECK(map.document.layer("observationer")->size() == 4); // the document's undo did not run
    QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier); // sketch empty: the Edit menu undoes
    CHECK(sketch->vertices().empty());
    CHECK(map.document.layer("observationer")->size() == 3);

    // Delete over a vertex removes the vertex, not the selected feature.
    map.document.select("atgarder", {map.square});
    tools.setTool(MapToolsController::Tool::Vertices);
    hover(*canvas, canvas->view().toScreen(MapFixture::at(200, 200)).toPoint());
    QTest::keyClick(canvas, Qt::Key_Delete);
    REQUIRE(map.document.layer("atgarder")->find(map.square) != nullptr);
    CHECK(std::get<Polygon>(*map.feature("atgarder", map.square).geometry).outer().size() == 4);
}
