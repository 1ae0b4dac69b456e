#include <catch2/catch.hpp>

#include "gps_tracker.h"

#include <QSignalSpy>

using namespace trygg;

TEST_CASE("an NMEA log drives the position marker, in the map's CRS") {
    GpsTracker gps;
    gps.setMapCrs(Crs::fromEpsg(crs::kSweref99Tm));
    QSignalSpy positions(&gps, &GpsTracker::positionChanged);
    REQUIRE(gps.start(GpsTracker::SourceKind::NmeaFile,
                      QStringLiteral(TRYGG_TEST_DATA_DIR "/nmea/vannas-walk.nmea")));
    positions.clear(); // start() reports "no position" first
    // The log's fixes are replayed at their recorded pace; the first is what we check.
    for (int i = 0; i < 50 && positions.isEmpty(); ++i) {
        positions.wait(200);
    }
    REQUIRE(positions.size() >= 1);
    auto first = positions.at(0).at(0).value<std::optional<PositionMarker>>();
    REQUIRE(first);
    // 63°54.8100' N 19°45.2700' E = 63.9135 N 19.7545 E: DOMAIN.md's sanity point.
    CHECK(first->position.x() == Approx(733107).margin(3.0));
    CHECK(first->position.y() == Approx(7096069).margin(3.0));
    CHECK(first->accuracyMetres == 0.0); // the log gives HDOP only: accuracy unknown, no circle
    gps.stop();
}

TEST_CASE("a missing NMEA log is reported, not a crash") {
    GpsTracker gps;
    QSignalSpy problems(&gps, &GpsTracker::problem);
    CHECK_FALSE(gps.start(GpsTracker::SourceKind::NmeaFile, QStringLiteral("/nonexistent/walk.nmea")));
    REQUIRE(problems.size() == 1);
    CHECK(problems.at(0).at(0).toString().contains(QStringLiteral("/nonexistent/walk.nmea")));
}
