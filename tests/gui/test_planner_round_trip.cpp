// Issue 4's acceptance, end to end on the real main window: a planner adds two observations
// with the add-point tool and the form, draws a measure (one corner snapped onto an
// observation), links it to both observations in the link panel, attaches a photo from the
// photo panel, undoes it all with Ctrl+Z, redoes it all with Ctrl+Shift+Z, saves with Ctrl+S
// and finds everything again in the file.

#include <catch2/catch.hpp>

#include "attribute_dialog.h"
#include "attribute_form.h"
#include "edit_menu.h"
#include "field_editors.h"
#include "link_panel.h"
#include "main_window.h"
#include "window_fixture.h"
#include "map_canvas.h"
#include "map_tools_controller.h"
#include "photo_panel.h"
#include "tools/snapper.h"

#include "tryggkarta/document/map_document.h"
#include "tryggkarta/io/project_store.h"

#include <boost/geometry/algorithms/area.hpp>

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QDropEvent>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUrl>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>

using namespace trygg;

namespace {

using trygg::test::sourceCatalog;

// ---- The project's state as comparable text ------------------------------------------------

/// Doubles printed so that they read back to the same bits: "exact" means exact.
std::string exact(double number) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", number);
    return text;
}

std::string describePoint(const Point& p) { return exact(p.x()) + " " + exact(p.y()); }

std::string describeRing(const auto& points) {
    std::string text = "(";
    for (const Point& p : points) {
        text += (text.size() > 1 ? ", " : "") + describePoint(p);
    }
    return text + ")";
}

std::string describeGeometry(const std::optional<Geometry>& geometry) {
    if (!geometry) {
        return "no geometry";
    }
    if (const auto* point = std::get_if<Point>(&*geometry)) {
        return "POINT(" + describePoint(*point) + ")";
    }
    if (const auto* line = std::get_if<LineString>(&*geometry)) {
        return "LINESTRING" + describeRing(*line);
    }
    if (const auto* polygon = std::get_if<Polygon>(&*geometry)) {
        std::string text = "POLYGON(" + describeRing(polygon->outer());
        for (const auto& inner : polygon->inners()) {
            text += ", " + describeRing(inner);
        }
        return text + ")";
    }
    return std::string(geometryTypeName(*geometry)) + " (not drawn by this test)";
}

std::string describeDateTime(const DateTime& t) {
    std::ostringstream out;
    out << toIsoString(t.date) << " " << t.hour << ":" << t.minute << ":" << exact(t.second)
        << " offset " << (t.utcOffsetMinutes ? std::to_string(*t.utcOffsetMinutes) : "none");
    return out.str();
}

/// A value with its type, so that 1 and 1.0 and "1" differ.
std::string describeValue(const Value& value) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return "NULL";
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return "int " + std::to_string(v);
            } else if constexpr (std::is_same_v<T, double>) {
                return "real " + exact(v);
            } else if constexpr (std::is_same_v<T, std::string>) {
                return "text '" + v + "'";
            } else if constexpr (std::is_same_v<T, Date>) {
                return "date " + toIsoString(v);
            } else {
                return "datetime " + describeDateTime(v);
            }
        },
        value);
}

/// Everything the planner made: one line per feature (id, geometry, every value by field
/// name), per link and per photo (metadata, byte size and the bytes themselves).
struct ProjectState {
    std::vector<std::string> features;
    std::vector<std::string> links;
    std::vector<std::string> photos;
    std::vector<std::string> photoBytes;

    bool operator==(const ProjectState&) const = default;
};

std::ostream& operator<<(std::ostream& out, const ProjectState& state) {
    for (const auto* lines : {&state.features, &state.links, &state.photos}) {
        for (const std::string& line : *lines) {
            out << "\n  " << line;
        }
    }
    for (const std::string& bytes : state.photoBytes) {
        out << "\n  photo bytes: " << bytes.size();
    }
    return out;
}

ProjectState captureState(const std::vector<const Layer*>& layers, const std::vector<MeasureLink>& links,
                          const std::vector<Photo>& photos,
                          const std::function<std::string(PhotoId)>& bytesOf) {
    ProjectState state;
    for (const Layer* layer : layers) {
        const LayerDef& def = layer->definition();
        state.features.push_back(def.table + ": " + std::to_string(layer->size()) + " features");
        for (const Feature& feature : layer->features()) {
            std::string line = def.table + " #" + std::to_string(toInt(feature.id)) + " " +
                               describeGeometry(feature.geometry);
            for (std::size_t i = 0; i < def.fields.size(); ++i) {
                line += " | " + def.fields[i].name + "=" +
                        (i < feature.values.size() ? describeValue(feature.values[i]) : "(missing)");
            }
            state.features.push_back(line);
        }
    }
    for (const MeasureLink& link : links) {
        state.links.push_back("measure " + std::to_string(toInt(link.measure)) + " answers observation " +
                              std::to_string(toInt(link.observation)));
    }
    std::ranges::sort(state.links);
    for (const Photo& photo : photos) {
        std::ostringstream line;
        line << "photo #" << toInt(photo.id) << " of " << photo.layer << " #" << toInt(photo.feature) << " '"
             << photo.fileName << "' " << photo.mimeType << " " << photo.byteSize << " bytes, orientation "
             << photo.orientation << ", taken "
             << (photo.takenAt ? describeDateTime(*photo.takenAt) : std::string("unknown")) << ", at "
             << (photo.position ? describePoint(*photo.position) : std::string("unknown"));
        state.photos.push_back(line.str());
        state.photoBytes.push_back(bytesOf(photo.id));
    }
    return state;
}

ProjectState captureState(MapDocument& document) {
    std::vector<const Layer*> layers;
    for (const DocumentLayer& entry : document.layers()) {
        if (!entry.overlay) {
            layers.push_back(entry.layer.get());
        }
    }
    std::ranges::sort(layers, {}, [](const Layer* layer) { return layer->name(); });
    return captureState(layers, document.links(), document.photos(), [&](PhotoId id) {
        auto data = document.photoData(id);
        return data && *data ? **data : std::string("(unreadable: ") + (data ? "null" : data.error().describe()) + ")";
    });
}

ProjectState captureState(const Project& project, const std::filesystem::path& file) {
    std::vector<const Layer*> layers;
    for (const Layer& layer : project.layers) {
        layers.push_back(&layer);
    }
    std::ranges::sort(layers, {}, [](const Layer* layer) { return layer->name(); });
    return captureState(layers, project.links, project.photos, [&](PhotoId id) {
        auto data = readPhotoData(file, id);
        return data ? *data : "(unreadable: " + data.error().describe() + ")";
    });
}

// ---- Driving the window ----------------------------------------------------------------------

/// Runs `handle` on the next modal widget of type W once it is up (polling, as a modal
/// dialog runs its own event loop). Never throws into Qt: failures are CHECKs.
template <typename W>
void whenModal(std::function<void(W*)> handle, int triesLeft = 250) {
    QTimer::singleShot(20, [handle = std::move(handle), triesLeft]() mutable {
        if (auto* modal = qobject_cast<W*>(QApplication::activeModalWidget())) {
            handle(modal);
        } else if (triesLeft > 0) {
            whenModal<W>(std::move(handle), triesLeft - 1);
        } else {
            FAIL_CHECK("the expected modal dialog never came");
        }
    });
}

/// Message boxes nobody asked for (a failed save, a refused link) would block the test:
/// they are noted and closed.
class UnexpectedBoxes : public QObject {
public:
    UnexpectedBoxes() {
        m_timer.setInterval(100);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                seen << box->text() + QStringLiteral(" / ") + box->informativeText();
                box->done(QMessageBox::Cancel);
            }
        });
        m_timer.start();
    }
    QStringList seen;

private:
    QTimer m_timer;
};

template <typename W> W* widgetOf(const AttributeForm& form, std::string_view field) {
    auto index = form.definition().fieldIndex(field);
    if (!index) {
        FAIL_CHECK("no field " << field);
        return nullptr;
    }
    auto* widget = form.editor(*index)->findChild<W*>();
    CHECK(widget != nullptr);
    return widget;
}

/// Picks an entry from a drop-down as a user does: opens it and clicks the entry.
bool pickFromList(QComboBox* combo, const QString& text) {
    const int row = combo == nullptr ? -1 : combo->findText(text);
    if (row < 0) {
        FAIL_CHECK("no entry " << text.toStdString());
        return false;
    }
    combo->showPopup();
    QAbstractItemView* view = combo->view();
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    CHECK(combo->currentText() == text);
    return combo->currentText() == text;
}

/// Types text key by key, å, ä and ö included (QTest::keyClicks knows ASCII only).
void typeInto(QWidget* widget, const QString& text) {
    if (widget == nullptr) {
        return;
    }
    widget->setFocus();
    for (QChar c : text) {
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

QPushButton* buttonWithText(const QWidget& parent, const QString& text) {
    for (auto* button : parent.findChildren<QPushButton*>()) {
        if (button->text() == text && button->isVisible()) {
            return button;
        }
    }
    FAIL_CHECK("no visible button " << text.toStdString());
    return nullptr;
}

/// Fills the attribute form that the next drawn shape opens, then presses "Spara".
/// On anything amiss the form is closed without saving, so the test goes on and fails.
void fillFormThenSave(std::function<bool(AttributeForm&)> fill) {
    whenModal<AttributeDialog>([fill = std::move(fill)](AttributeDialog* dialog) {
        QPushButton* save = buttonWithText(*dialog, QStringLiteral("Spara"));
        if (!fill(*dialog->form()) || save == nullptr) {
            dialog->QDialog::reject();
            return;
        }
        QTest::mouseClick(save, Qt::LeftButton);
        if (dialog->isVisible()) {
            FAIL_CHECK("the form refused to save");
            dialog->QDialog::reject();
        }
    });
}

bool fillObservation(AttributeForm& form, const QString& category, const QString& description) {
    return pickFromList(widgetOf<QComboBox>(form, "kategori"), category) &&
           pickFromList(widgetOf<QComboBox>(form, "polaritet"), QStringLiteral("Otrygg")) &&
           pickFromList(widgetOf<QComboBox>(form, "kalla"), QStringLiteral("Trygghetsvandring")) &&
           (typeInto(widgetOf<QPlainTextEdit>(form, "beskrivn"), description), true);
}

void clickToolButton(MapToolsController& tools, MapToolsController::Tool tool) {
    QWidget* button = tools.toolBar()->widgetForAction(tools.action(tool));
    REQUIRE(button != nullptr);
    QTest::mouseClick(button, Qt::LeftButton);
    REQUIRE(tools.currentTool() == tool);
}

void chooseLayer(MapToolsController& tools, const QString& title, const std::string& layer) {
    REQUIRE(pickFromList(tools.layerBox(), title));
    REQUIRE(tools.currentLayer() == layer);
}

/// A View menu entry (the docks start hidden).
void showDock(MainWindow& window, const QString& objectName) {
    auto* dock = window.findChild<QDockWidget*>(objectName);
    REQUIRE(dock != nullptr);
    if (!dock->isVisible()) {
        dock->toggleViewAction()->trigger();
    }
    REQUIRE(dock->isVisible());
}

Point pointOf(const Feature& feature) {
    REQUIRE(feature.geometry);
    REQUIRE(std::holds_alternative<Point>(*feature.geometry));
    return std::get<Point>(*feature.geometry);
}

std::string textOf(const Layer& layer, const Feature& feature, std::string_view field) {
    const Value& value = feature.values.at(*layer.definition().fieldIndex(field));
    const auto* text = std::get_if<std::string>(&value);
    return text ? *text : "(not text: " + describeValue(value) + ")";
}

using Workspace = trygg::test::WindowWorkspace;

/// With TRYGG_SCREENSHOTS set to a folder, the window as it looks now, for a person to check.
void saveScreenshot(MainWindow& window, const char* name) {
    const QString folder = qEnvironmentVariable("TRYGG_SCREENSHOTS");
    if (!folder.isEmpty()) {
        window.canvas()->refresh();
        QTest::qWait(300); // the map renders on a worker thread
        window.grab().save(folder + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
    }
}

} // namespace

TEST_CASE("a planner adds, draws, links and attaches, undoes and redoes it all, saves and finds "
          "everything again",
          "[roundtrip]") {
    Workspace ws;
    MainWindow& window = ws.window;
    MapDocument& doc = window.document();
    MapCanvas& canvas = *window.canvas();
    MapToolsController& tools = *window.tools();
    QUndoStack& undo = doc.undoStack();
    UnexpectedBoxes boxes;

    // The panels a planner opens from the View menu, before the map is placed: showing them
    // narrows the map.
    showDock(window, QStringLiteral("links"));
    showDock(window, QStringLiteral("photos"));
    auto* links = window.linkPanel();
    auto* photos = window.findChild<PhotoPanel*>();
    REQUIRE(photos != nullptr);
    QCoreApplication::processEvents();
    // Snapping as it comes out of the box (the settings are shared between test runs).
    if (!tools.snapAction()->isChecked()) {
        tools.snapAction()->trigger();
    }
    if (tools.snapTolerancePixels() != Snapper::kDefaultTolerancePixels) {
        tools.setSnapTolerancePixels(Snapper::kDefaultTolerancePixels);
    }
    canvas.setView(ViewTransform(Point(733100.0, 7096100.0), 0.5, canvas.size()));
    const QPoint centre = canvas.rect().center();
    REQUIRE(canvas.width() > 400);
    REQUIRE(canvas.height() > 300);

    const ProjectState before = captureState(doc);
    REQUIRE(doc.layer(kObservationLayer)->size() == 0);
    REQUIRE(doc.layer(kMeasureLayer)->size() == 0);
    REQUIRE(before.links.empty());
    REQUIRE(before.photos.empty());

    // 1. The first observation: the add-point tool on Observationer, a click, the form.
    chooseLayer(tools, QStringLiteral("Observationer"), std::string(kObservationLayer));
    clickToolButton(tools, MapToolsController::Tool::AddPoint);
    const QPoint firstClick = centre + QPoint(-100, -60);
    const Point firstAt = canvas.view().toMap(QPointF(firstClick));
    fillFormThenSave([](AttributeForm& form) {
        return fillObservation(form, QStringLiteral("Belysning"), QStringLiteral("Mörkt vid gångtunneln"));
    });
    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, firstClick);
    const Layer* observations = doc.layer(kObservationLayer);
    REQUIRE(observations->size() == 1);
    const Feature first = observations->features()[0];
    CHECK(textOf(*observations, first, "kategori") == "belysning");
    CHECK(textOf(*observations, first, "polaritet") == "otrygg");
    CHECK(textOf(*observations, first, "kalla") == "trygghetsvandring");
    CHECK(textOf(*observations, first, "beskrivn") == "Mörkt vid gångtunneln");
    CHECK(pointOf(first).x() == firstAt.x());
    CHECK(pointOf(first).y() == firstAt.y());
    CHECK(doc.selection().ids == std::vector<FeatureId>{first.id}); // the new one is selected

    // 2. The second one the same way, with a feeling on the scale.
    const QPoint secondClick = centre + QPoint(140, 50);
    const Point secondAt = canvas.view().toMap(QPointF(secondClick));
    fillFormThenSave([](AttributeForm& form) {
        auto* unsafe = form.findChild<QPushButton*>(QStringLiteral("kansla_1"));
        CHECK(unsafe != nullptr);
        if (unsafe != nullptr) {
            QTest::mouseClick(unsafe, Qt::LeftButton);
        }
        return unsafe != nullptr &&
               fillObservation(form, QStringLiteral("Skymd sikt/vegetation"), QStringLiteral("Buskage skymmer"));
    });
    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, secondClick);
    observations = doc.layer(kObservationLayer);
    REQUIRE(observations->size() == 2);
    const Feature second = observations->features()[1];
    CHECK(textOf(*observations, second, "kategori") == "sikt");
    CHECK(second.values[*observations->definition().fieldIndex("kansla")] == Value(std::int64_t{1}));
    CHECK(pointOf(second).x() == secondAt.x());
    CHECK(pointOf(second).y() == secondAt.y());

    // 3. A measure polygon on Åtgärder: four corners, the first 4 px right of the first
    // observation (snapped onto it), the last one a double-click.
    chooseLayer(tools, QStringLiteral("Åtgärder"), std::string(kMeasureLayer));
    clickToolButton(tools, MapToolsController::Tool::Polygon);
    const QPoint corners[] = {firstClick + QPoint(4, 0), centre + QPoint(60, -90), centre + QPoint(80, 70),
                              centre + QPoint(-110, 50)};
    std::vector<Point> expectedCorners{firstAt};
    for (std::size_t i = 1; i < std::size(corners); ++i) {
        expectedCorners.push_back(canvas.view().toMap(QPointF(corners[i])));
    }
    CHECK(canvas.view().toMap(QPointF(corners[0])).x() != firstAt.x()); // only snapping puts it there
    fillFormThenSave([](AttributeForm& form) {
        typeInto(widgetOf<QPlainTextEdit>(form, "titel"), QStringLiteral("Belysning i gångtunneln"));
        typeInto(widgetOf<QLineEdit>(form, "kostnad"), QStringLiteral("12 500,5"));
        return pickFromList(widgetOf<QComboBox>(form, "typ"), QStringLiteral("Ny belysning")) &&
               pickFromList(widgetOf<QComboBox>(form, "status"), QStringLiteral("Beslutad"));
    });
    for (std::size_t i = 0; i + 1 < std::size(corners); ++i) {
        QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, corners[i]);
    }
    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, corners[3]);
    QTest::mouseDClick(&canvas, Qt::LeftButton, Qt::NoModifier, corners[3]);
    QTest::mouseRelease(&canvas, Qt::LeftButton, Qt::NoModifier, corners[3]);
    const Layer* measures = doc.layer(kMeasureLayer);
    REQUIRE(measures->size() == 1);
    const Feature measure = measures->features()[0];
    CHECK_FALSE(tools.hasUnfinishedWork()); // stored: the sketch is gone
    CHECK(textOf(*measures, measure, "titel") == "Belysning i gångtunneln");
    CHECK(textOf(*measures, measure, "typ") == "ny_belysning");
    CHECK(textOf(*measures, measure, "status") == "beslutad");
    CHECK(measure.values[*measures->definition().fieldIndex("kostnad")] == Value(12500.5));
    REQUIRE(measure.geometry);
    REQUIRE(std::holds_alternative<Polygon>(*measure.geometry));
    {
        const auto& ring = std::get<Polygon>(*measure.geometry).outer();
        CAPTURE(describeRing(ring));
        REQUIRE(ring.size() == 5);
        CHECK(describePoint(ring.front()) == describePoint(ring.back())); // closed
        CHECK(bg::area(std::get<Polygon>(*measure.geometry)) > 0.0);       // counter-clockwise
        for (const Point& corner : expectedCorners) {
            INFO("corner " << describePoint(corner));
            CHECK(std::count_if(ring.begin(), ring.end() - 1, [&](const Point& p) {
                      return p.x() == corner.x() && p.y() == corner.y();
                  }) == 1);
        }
        // The snapped corner is the observation's point, to the last bit.
        CHECK(std::ranges::any_of(ring, [&](const Point& p) {
            return p.x() == pointOf(first).x() && p.y() == pointOf(first).y();
        }));
    }

    // 4. Links through the link panel: select the measure, "Välj observationer…", pick both
    // observations on the map (click, Ctrl+click), "Koppla 2 markerade", "Klar".
    clickToolButton(tools, MapToolsController::Tool::Select);
    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, centre);
    REQUIRE(doc.selection().layer == kMeasureLayer);
    REQUIRE(doc.selection().ids == std::vector<FeatureId>{measure.id});
    QPushButton* pick = buttonWithText(*links, QStringLiteral("Välj observationer…"));
    REQUIRE(pick != nullptr);
    REQUIRE(pick->isEnabled());
    QTest::mouseClick(pick, Qt::LeftButton);
    REQUIRE(links->pickingFor() == measure.id);
    // Picking switches the map to observations, so the first one, lying on the measure's
    // corner, is picked rather than the measure.
    CHECK(tools.currentLayer() == kObservationLayer);
    REQUIRE(tools.currentTool() == MapToolsController::Tool::Select);
    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier,
                      canvas.view().toScreen(pointOf(first)).toPoint());
    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::ControlModifier,
                      canvas.view().toScreen(pointOf(second)).toPoint());
    REQUIRE(doc.selection().layer == kObservationLayer);
    REQUIRE(doc.selection().ids == (std::vector<FeatureId>{first.id, second.id}));
    QPushButton* link = buttonWithText(*links, QStringLiteral("Koppla 2 markerade"));
    REQUIRE(link != nullptr);
    QTest::mouseClick(link, Qt::LeftButton);
    CHECK(doc.observationsAnsweredBy(measure.id) == (std::vector<FeatureId>{first.id, second.id}));
    QPushButton* done = buttonWithText(*links, QStringLiteral("Klar"));
    REQUIRE(done != nullptr);
    QTest::mouseClick(done, Qt::LeftButton);
    CHECK(doc.selection().ids == std::vector<FeatureId>{measure.id});
    CHECK(links->list()->count() == 2);
    saveScreenshot(window, "roundtrip-1-linked");

    // 5. A photo of the first observation: select it, "Lägg till foto…", choose the file.
    QImage picture(64, 48, QImage::Format_RGB32);
    picture.fill(QColor(20, 30, 60));
    {
        QPainter painter(&picture);
        painter.fillRect(QRect(24, 8, 16, 32), QColor(250, 220, 120)); // a lamp in the dark
    }
    const auto photoFile = ws.dir / "gangtunnel.jpg";
    REQUIRE(picture.save(QString::fromStdString(photoFile.string()), "JPG", 90));
    const std::string photoBytes = [&] {
        std::ifstream in(photoFile, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    REQUIRE(photoBytes.size() > 100);
    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier,
                      canvas.view().toScreen(pointOf(first)).toPoint());
    REQUIRE(doc.selection().layer == kObservationLayer);
    REQUIRE(doc.selection().ids == std::vector<FeatureId>{first.id});
    QPushButton* add = buttonWithText(*photos, QStringLiteral("Lägg till foto…"));
    REQUIRE(add != nullptr);
    REQUIRE(add->isEnabled());
    // The photo dragged from the file manager onto the Foton panel. (The file picker is Qt's own
    // dialog, whose folder list fills in at its own pace: driving it here made the test flaky.)
    QMimeData dragged;
    dragged.setUrls({QUrl::fromLocalFile(QString::fromStdString(photoFile.string()))});
    const QPointF over(photos->width() / 2.0, photos->height() / 2.0);
    QDragEnterEvent enter(over.toPoint(), Qt::CopyAction, &dragged, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(photos, &enter);
    REQUIRE(enter.isAccepted());
    QDropEvent drop(over, Qt::CopyAction, &dragged, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(photos, &drop);
    REQUIRE(doc.photos().size() == 1);
    const Photo& photo = doc.photos().front();
    CHECK(photo.layer == kObservationLayer);
    CHECK(photo.feature == first.id);
    CHECK(photo.fileName == "gangtunnel.jpg");
    CHECK(photo.mimeType == "image/jpeg");
    CHECK(photo.byteSize == static_cast<std::int64_t>(photoBytes.size()));
    CHECK(photos->list()->count() == 1);
    saveScreenshot(window, "roundtrip-2-photo");

    // 6. Everything recorded; five steps on the stack.
    CHECK(undo.count() == 5);
    CHECK(undo.index() == 5);
    const ProjectState after = captureState(doc);
    REQUIRE(after.photoBytes.size() == 1);
    CHECK(after.photoBytes[0] == photoBytes);
    CHECK(after.links.size() == 2);

    // Ctrl+Z until nothing is left to undo: as before the first edit.
    // The offscreen platform leaves no window active once a modal dialog has closed (a window
    // manager gives the activation back to the main window): activate it as one would.
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowActive(&window));
    for (int presses = 0; undo.index() > 0 && presses < 10; ++presses) {
        const int index = undo.index();
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        REQUIRE(undo.index() == index - 1);
    }
    CHECK(undo.index() == 0);
    const ProjectState undone = captureState(doc);
    CHECK(undone == before);
    saveScreenshot(window, "roundtrip-3-undone");
    CHECK_FALSE(doc.isModified());

    // Ctrl+Shift+Z until everything is back: the same ids, coordinates, values and bytes.
    for (int presses = 0; undo.index() < undo.count() && presses < 10; ++presses) {
        const int index = undo.index();
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        INFO("the redo action's shortcuts are "
             << QKeySequence::listToString(window.editMenu()->redoAction()->shortcuts()).toStdString());
        REQUIRE(undo.index() == index + 1);
    }
    CHECK(undo.index() == 5);
    const ProjectState redone = captureState(doc);
    CHECK(redone == after);
    CHECK(doc.isModified());

    // Ctrl+S writes it all.
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    CHECK_FALSE(doc.isModified());
    CHECK_FALSE(window.windowTitle().contains(QLatin1Char('*')));

    // The file alone holds everything (read as another program would) ...
    auto reread = openProject(ws.path, sourceCatalog());
    REQUIRE(reread);
    const ProjectState inFile = captureState(*reread, ws.path);
    CHECK(inFile == after);

    // ... and the window opens it again with everything in place.
    REQUIRE(window.openProjectFile(ws.path));
    CHECK_FALSE(doc.isModified());
    CHECK(undo.count() == 0);
    const ProjectState reopened = captureState(doc);
    CHECK(reopened == after);
    CHECK(doc.observationsAnsweredBy(measure.id) == (std::vector<FeatureId>{first.id, second.id}));
    doc.select(kObservationLayer, {first.id});
    CHECK(photos->list()->count() == 1);
    saveScreenshot(window, "roundtrip-4-reopened");

    INFO("message boxes: " << boxes.seen.join(QStringLiteral("; ")).toStdString());
    CHECK(boxes.seen.isEmpty());
}
