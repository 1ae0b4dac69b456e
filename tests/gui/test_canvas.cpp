#include <catch2/catch.hpp>

#include "layer_panel.h"
#include "main_window.h"
#include "map_canvas.h"
#include "map_tools_controller.h"
#include "position_readout.h"

#include "tryggkarta/io/layer_definitions.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <chrono>
#include <thread>

using namespace trygg;

namespace {

const Point kCentre{733107.0, 7096069.0};

LayerCatalog catalog() { return *loadLayerCatalog(TRYGG_SOURCE_LAYERS_DIR); }

/// Waits until the canvas has no render in flight and has finished at least one.
void waitForRender(MapCanvas& canvas) {
    QSignalSpy finished(&canvas, &MapCanvas::renderFinished);
    QElapsedTimer timer;
    timer.start();
    while ((canvas.isRendering() || canvas.lastImage().isNull() || finished.isEmpty()) &&
           timer.elapsed() < 10000) {
        finished.wait(100);
        if (!canvas.isRendering() && !finished.isEmpty()) {
            break;
        }
    }
    QCoreApplication::processEvents();
}

Project projectWithOnePoint() {
    auto cat = catalog();
    Project project;
    for (const auto& def : cat.layers) {
        project.layers.emplace_back(def);
    }
    Layer& obs = *project.layer("observationer");
    Feature f;
    f.geometry = kCentre;
    f.values.resize(obs.definition().fields.size());
    f.values[*obs.definition().fieldIndex("kategori")] = std::string("belysning");
    f.values[*obs.definition().fieldIndex("polaritet")] = std::string("otrygg");
    obs.add(f);
    return project;
}

/// A touch screen for QTest's touch events (Qt keeps it registered: one per run).
QPointingDevice* touchScreen() {
    static QPointingDevice* const device = QTest::createTouchDevice();
    return device;
}

/// A shown canvas (touch events go through its window) at 1 m per pixel over the centre.
void showCanvas(MapCanvas& canvas) {
    canvas.resize(800, 600);
    canvas.show();
    REQUIRE(QTest::qWaitForWindowExposed(&canvas));
    canvas.setView(ViewTransform(kCentre, 1.0, QSize(800, 600)));
}

} // namespace

TEST_CASE("wheel zoom scales by the step, around the cursor") {
    MapCanvas canvas;
    canvas.resize(800, 600);
    canvas.setView(ViewTransform(kCentre, 1.0, QSize(800, 600)));
    const QPointF cursor(200, 150);
    const Point before = canvas.view().toMap(cursor);
    QWheelEvent wheel(cursor, canvas.mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&canvas, &wheel);
    CHECK(canvas.view().metresPerPixel() == Approx(1.0 / MapCanvas::kWheelZoomStep));
    const Point after = canvas.view().toMap(cursor);
    CHECK(after.x() == Approx(before.x()).margin(1e-6));
    CHECK(after.y() == Approx(before.y()).margin(1e-6));
}

TEST_CASE("dragging pans by the dragged map distance; arrow keys pan too") {
    MapCanvas canvas;
    canvas.resize(800, 600);
    canvas.setView(ViewTransform(kCentre, 2.0, QSize(800, 600)));
    QTest::mousePress(&canvas, Qt::LeftButton, Qt::NoModifier, QPoint(100, 100));
    QTest::mouseMove(&canvas, QPoint(150, 130));
    QTest::mouseRelease(&canvas, Qt::LeftButton, Qt::NoModifier, QPoint(150, 130));
    // 50 px right and 30 px down at 2 m/px: the map moved with the pointer.
    CHECK(canvas.view().center().x() == Approx(kCentre.x() - 100.0));
    CHECK(canvas.view().center().y() == Approx(kCentre.y() + 60.0));

    canvas.setView(ViewTransform(kCentre, 2.0, QSize(800, 600)));
    QTest::keyClick(&canvas, Qt::Key_Right);
    CHECK(canvas.view().center().x() == Approx(kCentre.x() + 800 * 0.25 * 2.0));
    QTest::keyClick(&canvas, Qt::Key_Plus);
    CHECK(canvas.view().metresPerPixel() == Approx(1.0));
}

TEST_CASE("shift-drag zooms to the box") {
    MapCanvas canvas;
    canvas.resize(800, 600);
    canvas.setView(ViewTransform(kCentre, 1.0, QSize(800, 600)));
    QTest::mousePress(&canvas, Qt::LeftButton, Qt::ShiftModifier, QPoint(300, 250));
    QTest::mouseMove(&canvas, QPoint(500, 350));
    QTest::mouseRelease(&canvas, Qt::LeftButton, Qt::ShiftModifier, QPoint(500, 350));
    CHECK(canvas.view().metresPerPixel() == Approx(0.25)); // 200 m box into 800 px
    CHECK(canvas.view().center().x() == Approx(kCentre.x()));
}

TEST_CASE("the coordinate read-out matches the transform") {
    MainWindow window(catalog());
    window.resize(1200, 800);
    window.show();
    MapCanvas& canvas = *window.canvas();
    canvas.setView(ViewTransform(kCentre, 1.0, canvas.size()));
    QPoint centrePixel = canvas.view().toScreen(kCentre).toPoint();
    QTest::mouseMove(&canvas, centrePixel);
    QString text = window.readout()->positionText();
    Point expected = canvas.view().toMap(centrePixel);
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("SWEREF 99 TM  N %1  E %2")
                            .arg(QString::number(expected.y(), 'f', 0), QString::number(expected.x(), 'f', 0))));
    CHECK(text.contains(QStringLiteral("20 15  N 709030"))); // SWEREF 99 20 15, DOMAIN.md: 7 090 306
    CHECK(text.contains(QStringLiteral("WGS 84  63.913")));
    CHECK(formatScale(2000.0) == QStringLiteral("1:2\u2009000"));
    CHECK(parseScale(QStringLiteral("1:2 500")) == 2500.0);
    CHECK_FALSE(parseScale(QStringLiteral("stor")));
}

TEST_CASE("unchecking a layer hides it on the map") {
    MainWindow window(catalog());
    window.resize(1000, 700);
    window.show();
    window.document().setProject(projectWithOnePoint(), "test.gpkg");
    MapCanvas& canvas = *window.canvas();
    canvas.setView(ViewTransform(kCentre, 0.5, canvas.size()));
    waitForRender(canvas);
    QPoint centre = canvas.lastImageView().toScreen(kCentre).toPoint();
    QColor drawn = canvas.lastImage().pixelColor(centre);
    INFO("pixel " << drawn.name().toStdString());
    CHECK(drawn.red() > 150);
    CHECK(drawn.green() < 120); // the red triangle of an unsafe observation

    QTreeWidgetItem* item = window.layerPanel()->itemFor("observationer");
    REQUIRE(item != nullptr);
    item->setCheckState(0, Qt::Unchecked);
    CHECK_FALSE(window.document().layers()[0].visible);
    waitForRender(canvas);
    CHECK(canvas.lastImage().pixelColor(centre) == QColor(Qt::white));
}

TEST_CASE("a slow render does not block input") {
    MapCanvas canvas;
    canvas.resize(800, 600);
    canvas.show();
    canvas.setBeforeRenderHook([] { std::this_thread::sleep_for(std::chrono::milliseconds(700)); });
    canvas.setView(ViewTransform(kCentre, 1.0, QSize(800, 600)));
    QCoreApplication::processEvents(); // starts the slow render
    QElapsedTimer timer;
    timer.start();
    QTest::keyClick(&canvas, Qt::Key_Left);
    QTest::keyClick(&canvas, Qt::Key_Minus);
    QCoreApplication::processEvents();
    CHECK(timer.elapsed() < 300);
    CHECK(canvas.isRendering());
    CHECK(canvas.view().metresPerPixel() == Approx(2.0));
    canvas.setBeforeRenderHook({});
    waitForRender(canvas);
    CHECK_FALSE(canvas.isRendering());
    CHECK(canvas.lastImageView().metresPerPixel() == Approx(2.0)); // the stale render was dropped
}

TEST_CASE("two fingers moving apart zoom in around their centre and pan with it") {
    MapCanvas canvas;
    showCanvas(canvas);
    const double before = canvas.view().scaleDenominator();
    const Point under = canvas.view().toMap(QPointF(300, 250)); // between the fingers
    auto fingers = QTest::touchEvent(&canvas, touchScreen(), false);
    fingers.press(0, QPoint(250, 250)).commit();
    fingers.stationary(0).press(1, QPoint(350, 250)).commit(); // the second comes a moment later
    fingers.move(0, QPoint(270, 260)).move(1, QPoint(370, 260)).commit();
    fingers.move(0, QPoint(220, 270)).move(1, QPoint(420, 270)).commit(); // 100 px apart, now 200
    fingers.release(0, QPoint(220, 270)).release(1, QPoint(420, 270)).commit();

    CHECK(canvas.view().scaleDenominator() == Approx(before / 2.0).epsilon(0.05));
    const QPointF now = canvas.view().toScreen(under);
    CHECK(now.x() == Approx(320.0).margin(2.0)); // under the fingers' centre, which moved
    CHECK(now.y() == Approx(270.0).margin(2.0));
}

TEST_CASE("one finger: a tap adds a point with the add-point tool, a drag pans") {
    MapDocument document(catalog());
    document.setProject(projectWithOnePoint(), "test.gpkg");
    MapCanvas canvas;
    showCanvas(canvas);
    MapToolsController tools(document, canvas);
    REQUIRE(tools.setCurrentLayer("observationer"));
    tools.setTool(MapToolsController::Tool::AddPoint);
    std::vector<Geometry> offered;
    QObject::connect(&tools, &MapToolsController::geometryReady,
                     [&](const QString&, const Geometry& shape) { offered.push_back(shape); });

    const QPoint tap(200, 150);
    const Point expected = canvas.view().toMap(tap);
    auto finger = QTest::touchEvent(&canvas, touchScreen(), false);
    finger.press(0, tap).commit();
    finger.release(0, tap).commit();
    REQUIRE(offered.size() == 1);
    REQUIRE(std::holds_alternative<Point>(offered[0]));
    CHECK(std::get<Point>(offered[0]).x() == Approx(expected.x()).margin(1e-6));
    CHECK(std::get<Point>(offered[0]).y() == Approx(expected.y()).margin(1e-6));

    const Point centre = canvas.view().center();
    finger.press(0, QPoint(500, 400)).commit();
    finger.move(0, QPoint(530, 420)).commit();
    finger.move(0, QPoint(560, 440)).commit();
    finger.release(0, QPoint(560, 440)).commit();
    CHECK(offered.size() == 1);
    CHECK(canvas.view().center().x() == Approx(centre.x() - 60.0));
    CHECK(canvas.view().center().y() == Approx(centre.y() + 40.0));
}
