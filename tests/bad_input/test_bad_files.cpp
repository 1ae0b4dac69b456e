// Bad files of the corpus that are not vector sources: projects that are not GeoPackages,
// photometry with missing lines, layer definitions with unknown types, images that are not
// images and an NMEA log with garbage lines, each through the function the app and the CLI
// call. Errors name the file (and the line or field where the format has them).

#include "bad_input_support.h"
#include "gui/gps_fix.h"
#include "gui/nmea_log.h"
#include "tryggkarta/analysis/photometry.h"
#include "tryggkarta/io/layer_definitions.h"
#include "tryggkarta/io/photo_folder_import.h"
#include "tryggkarta/io/photo_import.h"

#include <QFile>
#include <QNmeaPositionInfoSource>
#include <QSignalSpy>
#include <catch2/catch.hpp>

using namespace trygg;
using namespace trygg::test::bad;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using trygg::test::TempDir;

namespace {

/// A copy of a corpus file in `dir`, so that whatever touches it cannot change the corpus.
std::filesystem::path copyOf(const TempDir& dir, const std::string& name) {
    auto copy = dir / name;
    std::filesystem::copy_file(corpus(name), copy);
    return copy;
}

/// The positions an NMEA log gives on the map (SWEREF 99 TM), read as GpsTracker reads a log:
/// Qt's NMEA source replaying it at its recorded pace, each update through gpsFix.
std::vector<Point> replay(const std::string& name, int expected) {
    QFile log(QString::fromStdString(corpus(name).string()));
    REQUIRE(log.open(QIODevice::ReadOnly));
    QNmeaPositionInfoSource source(QNmeaPositionInfoSource::SimulationMode);
    source.setDevice(&log);
    auto toMap =
        CoordinateTransform::create(Crs::fromEpsg(crs::kWgs84), Crs::fromEpsg(crs::kSweref99Tm));
    REQUIRE(toMap);
    std::vector<Point> positions;
    QObject::connect(&source, &QGeoPositionInfoSource::positionUpdated,
                     [&](const QGeoPositionInfo& info) {
                         if (auto fix = gpsFix(info, *toMap)) {
                             positions.push_back(fix->position);
                         }
                     });
    QSignalSpy updates(&source, &QGeoPositionInfoSource::positionUpdated);
    source.startUpdates();
    for (int i = 0; i < 40 && static_cast<int>(positions.size()) < expected; ++i) {
        updates.wait(100);
    }
    updates.wait(1200); // and nothing more comes after the log's last fix
    source.stopUpdates();
    return positions;
}

} // namespace

TEST_CASE("bad input: projects that are not GeoPackages are refused, and left as they were") {
    TempDir dir;
    const auto& catalog = trygg::test::sourceCatalog();
    for (const char* name :
         {"not_a_geopackage.gpkg", "truncated_header.gpkg", "sqlite_not_gpkg.gpkg"}) {
        INFO(name);
        auto file = copyOf(dir, name);
        const auto before = checksum(file);
        auto opened = openProject(file, catalog);
        REQUIRE_FALSE(opened);
        CHECK_THAT(opened.error().describe(), Contains(name));
        auto summary = summarizeProject(file, catalog);
        REQUIRE_FALSE(summary);
        CHECK_THAT(summary.error().describe(), Contains(name));
        CHECK(checksum(file) == before);
    }
}

TEST_CASE("bad input: photometry files with missing lines name the file and the line") {
    for (const char* name : {"missing_lines.ldt", "missing_intensities.ldt", "missing_lines.ies",
                             "missing_candela.ies", "no_tilt.ies"}) {
        INFO(name);
        auto read = readPhotometry(corpus(name));
        REQUIRE_FALSE(read);
        CHECK(read.error().code == ErrorCode::InvalidFormat);
        CHECK_THAT(read.error().where, StartsWith(name) && Contains("line "));
    }
}

TEST_CASE("bad input: layer definitions with unknown types or broken JSON") {
    SECTION("an unknown field type names the file and the field") {
        auto loaded = loadLayerDefinition(corpus("unknown_field_type.json"));
        REQUIRE_FALSE(loaded);
        CHECK(loaded.error().code == ErrorCode::InvalidDefinition);
        CHECK_THAT(loaded.error().describe(),
                   Contains("unknown_field_type.json") && Contains("colour"));
        CHECK_THAT(loaded.error().where, Contains("fields"));
    }
    SECTION("an unknown geometry names the file") {
        auto loaded = loadLayerDefinition(corpus("unknown_geometry.json"));
        REQUIRE_FALSE(loaded);
        CHECK_THAT(loaded.error().describe(),
                   Contains("unknown_geometry.json") && Contains("Hexagon"));
    }
    SECTION("not JSON") {
        auto loaded = loadLayerDefinition(corpus("layer_not_json.json"));
        REQUIRE_FALSE(loaded);
        CHECK(loaded.error().code == ErrorCode::InvalidDefinition);
        CHECK_THAT(loaded.error().describe(),
                   Contains("layer_not_json.json") && Contains("not valid JSON"));
    }
    SECTION(
        "in a layers folder, as the app and the CLI load them: the catalog names the bad file") {
        TempDir layers;
        copyOf(layers, "unknown_field_type.json");
        auto catalog = loadLayerCatalog(layers.path());
        REQUIRE_FALSE(catalog);
        CHECK_THAT(catalog.error().describe(),
                   Contains("unknown_field_type.json") && Contains("colour"));
    }
}

TEST_CASE("bad input: images that are not images") {
    const std::vector<std::string> names = {"not_an_image.jpg", "empty.png", "truncated.jpg",
                                            "png_signature_only.png", "gif_renamed.jpg"};
    SECTION("one by one, as the photo panel adds them") {
        for (const std::string& name : names) {
            INFO(name);
            auto photo = readPhotoFile(corpus(name));
            REQUIRE_FALSE(photo);
            CHECK(photo.error().code == ErrorCode::InvalidFormat);
            CHECK_THAT(photo.error().describe(), Contains(name));
            auto dropped = photoFromBytes(trygg::test::readAll(corpus(name)), name);
            REQUIRE_FALSE(dropped);
            CHECK_THAT(dropped.error().describe(), Contains(name));
        }
    }
    SECTION("as a folder into a project: every file skipped and named, the project unchanged") {
        GuardedProject project;
        TempDir folder;
        for (const std::string& name : names) {
            copyOf(folder, name);
        }
        auto imported =
            importPhotoFolder(project.file(), trygg::test::sourceCatalog(), folder.path(), {});
        REQUIRE(imported);
        REQUIRE(imported->size() == names.size());
        for (const FolderPhoto& photo : *imported) {
            INFO(photo.name);
            CHECK(photo.plan == PhotoPlan::Skip);
            CHECK(photo.skipReason == SkipReason::NotAPhoto);
            CHECK_THAT(photo.detail, Contains(photo.name));
        }
        project.requireUnchanged();
    }
}

TEST_CASE("bad input: an NMEA log with garbage lines gives only its good fixes") {
    SECTION("GpsTracker's look through the logs before replaying them: bad lines counted") {
        for (const auto& [name, lines, sentences] :
             {std::tuple{"garbage.nmea", 10, 5}, std::tuple{"only_garbage.nmea", 7, 2}}) {
            INFO(name);
            QFile log(QString::fromStdString(corpus(name).string()));
            REQUIRE(log.open(QIODevice::ReadOnly));
            const NmeaLogCheck check = checkNmeaLog(log);
            CHECK(check.lines == lines);
            CHECK(check.sentences == sentences); // with a correct checksum, a fix or not
            CHECK(check.firstBadLine == 1);
            CHECK(log.pos() == 0);
        }
    }
    SECTION("garbage between three good fixes") {
        auto positions = replay("garbage.nmea", 3);
        REQUIRE(positions.size() == 3);
        // 63°54.8100' N 19°45.2700' E is DOMAIN.md's sanity point; the walk goes east.
        CHECK(positions[0].x() == Approx(733107).margin(3.0));
        CHECK(positions[0].y() == Approx(7096069).margin(3.0));
        CHECK(positions[1].x() > positions[0].x());
        CHECK(positions[2].x() > positions[1].x());
    }
    SECTION("nothing but garbage: no position at all") {
        CHECK(replay("only_garbage.nmea", 1).empty());
    }
}
