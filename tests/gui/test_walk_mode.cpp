// Safety-walk mode driven as a walk leader would: GPS from an NMEA log, category buttons
// tapped, a tap on the map without GPS, and the walk ended.

#include "gps_tracker.h"
#include "main_window.h"
#include "window_fixture.h"
#include "map_canvas.h"
#include "map_tools_controller.h"
#include "walk_mode.h"
#include "walk_panel.h"
#include "walk_session.h"

#include "tryggkarta/io/crs_transform.h"
#include "tryggkarta/io/gdal_setup.h"
#include "tryggkarta/io/project_store.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <catch2/catch.hpp>

#include <boost/geometry/algorithms/length.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

using namespace trygg;

namespace {

using trygg::test::sourceCatalog;

struct WalkWorkspace : trygg::test::WindowWorkspace {
    WalkWorkspace() = default;
    ~WalkWorkspace() { window.gps()->stop(); }
    WalkWorkspace(const WalkWorkspace&) = delete;
    WalkWorkspace& operator=(const WalkWorkspace&) = delete;

    const Layer& layer(std::string_view name) { return *window.document().layer(name); }

    /// A walk in darkness, as the start form would add it (no route yet).
    FeatureId addWalk() {
        const LayerDef& def = layer(kWalkLayer).definition();
        Feature walk;
        walk.values.resize(def.fields.size());
        walk.values[*def.fieldIndex("datum")] = Date{2026, 11, 24};
        walk.values[*def.fieldIndex("ljusforh")] = std::string("morker");
        walk.values[*def.fieldIndex("namn")] = std::string("Centrum kvällstid");
        auto id = window.document().addFeature(kWalkLayer, walk);
        REQUIRE(id);
        return *id;
    }

    std::string text(const Feature& feature, std::string_view layerName, std::string_view field) {
        const Value& value = feature.values[*layer(layerName).definition().fieldIndex(field)];
        const auto* s = std::get_if<std::string>(&value);
        return s ? *s : std::string();
    }
};

std::string withChecksum(const std::string& body) {
    int sum = 0;
    for (char c : body) {
        sum ^= static_cast<unsigned char>(c);
    }
    char tail[8];
    std::snprintf(tail, sizeof tail, "*%02X", sum);
    return "$" + body + tail;
}

std::string degreesMinutes(double degrees, int degreeDigits) {
    const double whole = std::floor(degrees);
    char text[32];
    std::snprintf(text, sizeof text, "%0*d%09.6f", degreeDigits, static_cast<int>(whole), (degrees - whole) * 60.0);
    return text;
}

/// Writes an NMEA log with a fix every 0.2 s at these SWEREF 99 TM points.
void writeNmeaLog(const std::filesystem::path& file, const std::vector<Point>& points) {
    auto toWgs84 = CoordinateTransform::create(Crs::fromEpsg(crs::kSweref99Tm), Crs::fromEpsg(crs::kWgs84));
    REQUIRE(toWgs84);
    std::ofstream out(file);
    for (std::size_t i = 0; i < points.size(); ++i) {
        auto wgs = toWgs84->apply(points[i]);
        REQUIRE(wgs);
        char time[32];
        const int hundredths = static_cast<int>(i) * 20;
        std::snprintf(time, sizeof time, "1830%02d.%02d", hundredths / 100, hundredths % 100);
        const std::string lat = degreesMinutes(wgs->y(), 2);
        const std::string lon = degreesMinutes(wgs->x(), 3);
        out << withChecksum(std::string("GPGGA,") + time + "," + lat + ",N," + lon + ",E,1,08,0.9,12.0,M,25.0,M,,") << "\r\n";
        out << withChecksum(std::string("GPRMC,") + time + ",A," + lat + ",N," + lon + ",E,0.8,90.0,241126,,,A") << "\r\n";
    }
}

/// Waits (events running) until `done` or about `seconds`.
template <typename Done>
bool waitFor(Done done, int seconds) {
    for (int i = 0; i < seconds * 20 && !done(); ++i) {
        QTest::qWait(50);
    }
    return done();
}

/// Answers the next message box with that button (it is modal: queue this first). Waits
/// for it, since a progress dialog may come before it.
void answerNextMessageBox(QMessageBox::StandardButton answer, int triesLeft = 250) {
    QTimer::singleShot(20, [answer, triesLeft] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box != nullptr) {
            box->button(answer)->click();
        } else if (triesLeft > 0) {
            answerNextMessageBox(answer, triesLeft - 1);
        }
    });
}

double distance(const Point& a, const Point& b) {
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

} // namespace

TEST_CASE("a walk fed by an NMEA log records its route and puts observations where the group stood", "[walk]") {
    WalkWorkspace ws;
    // An L through Vännäs centrum: 7 fixes 15 m apart to the east, then 5 fixes 12 m to the north.
    std::vector<Point> logged;
    for (int i = 0; i < 7; ++i) logged.emplace_back(733050.0 + 15.0 * i, 7096050.0);
    for (int i = 1; i <= 5; ++i) logged.emplace_back(733140.0, 7096050.0 + 12.0 * i);
    const double expectedLength = 6 * 15.0 + 5 * 12.0; // 150 m
    const auto log = ws.dir / "walk.nmea";
    writeNmeaLog(log, logged);

    const FeatureId walk = ws.addWalk();
    ws.window.walkMode()->begin(walk);
    WalkSession* session = ws.window.walkMode()->session();
    REQUIRE(session != nullptr);
    WalkPanel& panel = *ws.window.walkMode()->panel();
    REQUIRE(panel.isVisible());
    REQUIRE(ws.window.gps()->start(GpsTracker::SourceKind::NmeaFile, QString::fromStdString(log.string())));

    // Three fixes in: the leader taps "Belysning" (unsafe is preselected).
    REQUIRE(waitFor([&] { return session->route().size() >= 3; }, 20));
    CHECK(panel.gpsPlaceButton()->isChecked()); // with a fix, a tap adds where the group stands
    const Point first = *session->position();
    QTest::mouseClick(panel.categoryButton("belysning"), Qt::LeftButton);
    // Nine fixes in: "Trygg", then "Folkliv".
    REQUIRE(waitFor([&] { return session->route().size() >= 9; }, 20));
    QTest::mouseClick(panel.polarityButton("trygg"), Qt::LeftButton);
    const Point second = *session->position();
    QTest::mouseClick(panel.categoryButton("folkliv"), Qt::LeftButton);
    REQUIRE(waitFor([&] { return session->route().size() == logged.size(); }, 20));
    answerNextMessageBox(QMessageBox::No); // "Vill du skapa protokollet nu?" - later
    QTest::mouseClick(panel.finishButton(), Qt::LeftButton);
    CHECK(ws.window.walkMode()->session() == nullptr);

    // The route: every logged fix, in order, and its length.
    const Feature* stored = ws.layer(kWalkLayer).find(walk);
    REQUIRE(stored != nullptr);
    REQUIRE(stored->geometry);
    const auto& route = std::get<LineString>(*stored->geometry);
    REQUIRE(route.size() == logged.size());
    for (std::size_t i = 0; i < logged.size(); ++i) {
        INFO("fix " << i);
        CHECK(distance(route[i], logged[i]) < 0.05);
    }
    CHECK(bg::length(route) == Approx(expectedLength).margin(0.1));

    // The observations: at the fixes where the buttons were tapped, with the walk's facts.
    const auto& observations = ws.layer(kObservationLayer).features();
    REQUIRE(observations.size() == 2);
    const auto nearestFix = [&](const Point& p) {
        double best = 1e9;
        for (const Point& fix : logged) best = std::min(best, distance(p, fix));
        return best;
    };
    CHECK(nearestFix(first) < 0.05);
    CHECK(nearestFix(second) < 0.05);
    CHECK(distance(std::get<Point>(*observations[0].geometry), first) == 0.0);
    CHECK(distance(std::get<Point>(*observations[1].geometry), second) == 0.0);
    CHECK(ws.text(observations[0], kObservationLayer, "kategori") == "belysning");
    CHECK(ws.text(observations[0], kObservationLayer, "polaritet") == "otrygg");
    CHECK(ws.text(observations[1], kObservationLayer, "kategori") == "folkliv");
    CHECK(ws.text(observations[1], kObservationLayer, "polaritet") == "trygg");
    const LayerDef& obsDef = ws.layer(kObservationLayer).definition();
    for (const Feature& observation : observations) {
        CHECK(std::get<std::int64_t>(observation.values[*obsDef.fieldIndex("vandring")]) == toInt(walk));
        CHECK(ws.text(observation, kObservationLayer, "kalla") == "trygghetsvandring");
        CHECK(ws.text(observation, kObservationLayer, "ljusforh") == "morker"); // the walk's, not the sun's
    }
    // Route writes between two taps are one undo step each, not one per fix:
    // walk added, route, obs 1, route, obs 2, route (at most one more written at the end).
    CHECK(ws.window.document().undoStack().count() <= 7);
}

TEST_CASE("without GPS a category waits for a tap on the map, and the stops stand in for the route", "[walk]") {
    WalkWorkspace ws;
    const FeatureId walk = ws.addWalk();
    ws.window.walkMode()->begin(walk);
    WalkPanel& panel = *ws.window.walkMode()->panel();
    CHECK_FALSE(panel.gpsPlaceButton()->isEnabled());
    CHECK(panel.mapPlaceButton()->isChecked());
    MapCanvas& canvas = *ws.window.canvas();
    canvas.setView(ViewTransform(Point(733100.0, 7096100.0), 0.5, canvas.size()));

    const QPoint taps[] = {QPoint(200, 150), QPoint(420, 330)};
    for (const char* category : {"sikt", "gomstallen"}) {
        QTest::mouseClick(panel.categoryButton(category), Qt::LeftButton);
        CHECK(panel.isPlacing());
        CHECK(ws.window.tools()->currentTool() == MapToolsController::Tool::AddPoint);
        const QPoint tap = taps[category == std::string("sikt") ? 0 : 1];
        QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, tap);
        CHECK_FALSE(panel.isPlacing());
    }
    CHECK(ws.window.tools()->currentTool() != MapToolsController::Tool::AddPoint); // back as it was

    const auto& observations = ws.layer(kObservationLayer).features();
    REQUIRE(observations.size() == 2);
    const Point firstTap = canvas.view().toMap(QPointF(taps[0]));
    CHECK(distance(std::get<Point>(*observations[0].geometry), firstTap) < 0.01);
    CHECK(ws.text(observations[1], kObservationLayer, "kategori") == "gomstallen");

    // Esc while a category waits: nothing is added.
    QTest::mouseClick(panel.categoryButton("klotter"), Qt::LeftButton);
    REQUIRE(panel.isPlacing());
    QTest::keyClick(&canvas, Qt::Key_Escape);
    CHECK_FALSE(panel.isPlacing());

    ws.window.walkMode()->finish();
    const Feature* stored = ws.layer(kWalkLayer).find(walk);
    REQUIRE(stored->geometry);
    const auto& route = std::get<LineString>(*stored->geometry);
    REQUIRE(route.size() == 2);
    CHECK(distance(route[0], std::get<Point>(*observations[0].geometry)) == 0.0);
    CHECK(distance(route[1], std::get<Point>(*observations[1].geometry)) == 0.0);
}

TEST_CASE("a walk is started from its form and ends when its start is undone", "[walk]") {
    WalkWorkspace ws;
    QTimer::singleShot(0, [] {
        auto* form = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        REQUIRE(form != nullptr);
        form->accept(); // the defaults fill the required date and light condition
    });
    REQUIRE(ws.window.walkMode()->startWithForm());
    REQUIRE(ws.layer(kWalkLayer).features().size() == 1);
    const Feature& walk = ws.layer(kWalkLayer).features().front();
    CHECK_FALSE(walk.geometry); // the route comes later
    CHECK(ws.window.walkMode()->session() != nullptr);
    ws.window.document().undoStack().undo();
    CHECK(ws.layer(kWalkLayer).features().empty());
    CHECK(ws.window.walkMode()->session() == nullptr);
}

TEST_CASE("the walk protocol is written from the Vandring menu, one entry per observation", "[walk]") {
    WalkWorkspace ws;
    const FeatureId walk = ws.addWalk();
    ws.window.walkMode()->begin(walk);
    WalkSession& session = *ws.window.walkMode()->session();
    for (int i = 0; i < 3; ++i) {
        REQUIRE(session.addObservation(Point(733050.0 + 40.0 * i, 7096050.0), "belysning", "otrygg"));
    }
    ws.window.walkMode()->finish();
    const auto pdf = ws.dir / "protokoll.pdf";
    answerNextMessageBox(QMessageBox::No); // "Vill du öppna det?"
    auto written = ws.window.walkMode()->writeProtocol(walk, QString::fromStdString(pdf.string()));
    REQUIRE(written);
    CHECK(written->entries == 3);
    CHECK(written->pages >= 1);
    std::ifstream in(pdf, std::ios::binary);
    std::string head(4, '\0');
    in.read(head.data(), 4);
    CHECK(head == "%PDF");
}
