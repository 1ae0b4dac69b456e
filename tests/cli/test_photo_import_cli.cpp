// tryggkarta-cli import-photos: a folder of geotagged photos into a project's observations.

#include "io/photo_samples.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <string>
#include <vector>

using trygg::test::gpsTags;
using trygg::test::makeImage;
using trygg::test::q;
using trygg::test::TempDir;

namespace {

trygg::test::CliRun cli(const TempDir& dir, const std::string& arguments) {
    return trygg::test::runCli(TRYGG_CLI, dir, arguments);
}

/// A new project and a folder with two photos taken 150 m apart by Vännäs centrum, one
/// screenshot without a position and a note.
struct Walk {
    TempDir dir;
    std::filesystem::path project = dir / "p.gpkg";
    std::filesystem::path folder = dir / "foton";

    Walk() {
        REQUIRE(cli(dir, "new " + q(project)).exitCode == 0);
        std::filesystem::create_directories(folder);
        write("IMG_0002.jpg", makeImage("JPEG", gpsTags(63.9135 + 150.0 / 111'300.0, 19.7545,
                                                        "2024:10:05 21:40:00")));
        write("IMG_0001.jpg", makeImage("JPEG", gpsTags(63.9135, 19.7545, "2024:10:05 21:30:15")));
        write("skarmbild.png", makeImage("PNG", {}));
        write("lista.txt", "lampor att laga");
    }
    void write(const std::string& name, const std::string& bytes) const {
        std::ofstream(folder / name, std::ios::binary) << bytes;
    }
};

struct StoredObservation {
    std::int64_t fid = 0;
    std::string category;
    std::string polarity;
    std::string source;
    std::string description;
    std::string time;
    double x = 0.0;
    double y = 0.0;
};

/// The observations as GDAL reads them from the project file, by fid.
std::vector<StoredObservation> storedObservations(const std::filesystem::path& project) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("observationer");
    REQUIRE(layer);
    std::vector<StoredObservation> rows;
    for (auto& feature : *layer) {
        StoredObservation row;
        row.fid = feature->GetFID();
        row.category = feature->GetFieldAsString("kategori");
        row.polarity = feature->GetFieldAsString("polaritet");
        row.source = feature->GetFieldAsString("kalla");
        row.description = feature->GetFieldAsString("beskrivn");
        row.time = feature->GetFieldAsString("tidpunkt");
        const auto* point = feature->GetGeometryRef()->toPoint();
        row.x = point->getX();
        row.y = point->getY();
        rows.push_back(row);
    }
    return rows;
}

/// (observation id, file name) of each row of trygg_foto, by photo id.
std::vector<std::pair<std::int64_t, std::string>>
storedPhotos(const std::filesystem::path& project) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->ExecuteSQL(
        "SELECT objekt, filnamn FROM trygg_foto WHERE lager = 'observationer' ORDER BY fid",
        nullptr, nullptr);
    REQUIRE(layer);
    std::vector<std::pair<std::int64_t, std::string>> rows;
    for (auto& feature : *layer) {
        rows.emplace_back(feature->GetFieldAsInteger64(0), feature->GetFieldAsString(1));
    }
    ds->ReleaseResultSet(layer);
    return rows;
}

} // namespace

TEST_CASE("import-photos makes an observation of each geotagged photo") {
    Walk walk;
    auto run = cli(walk.dir, "import-photos " + q(walk.project) + " " + q(walk.folder) +
                                 " --category belysning --polarity Otrygg --name-in-description");
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK(run.out == "Imported 2 of 4 files from " + walk.folder.string() +
                         ": 2 new observations, 0 photos attached to existing observations, "
                         "2 skipped (listed above)\n");
    CHECK(run.err.find("skipped lista.txt: not a photo") != std::string::npos);
    CHECK(run.err.find("skipped skarmbild.png: the photo has no GPS position\n") !=
          std::string::npos);

    auto observations = storedObservations(walk.project);
    REQUIRE(observations.size() == 2);
    // Numbered by the time the photos were taken, not by file name.
    CHECK(observations[0].fid == 1);
    CHECK(observations[0].description == "IMG_0001.jpg");
    CHECK(observations[1].description == "IMG_0002.jpg");
    CHECK(observations[0].category == "belysning");
    CHECK(observations[0].polarity == "otrygg");
    CHECK(observations[0].source == "trygghetsvandring");
    CHECK(observations[0].time.starts_with("2024/10/05 21:30:15"));
    // Vännäs centrum in SWEREF 99 TM, as DOMAIN.md gives it.
    CHECK(observations[0].x == Approx(733107.0).margin(2.0));
    CHECK(observations[0].y == Approx(7096069.0).margin(2.0));
    CHECK(observations[1].y - observations[0].y == Approx(150.0).margin(1.0));

    auto photos = storedPhotos(walk.project);
    REQUIRE(photos.size() == 2);
    CHECK(photos[0] == std::pair<std::int64_t, std::string>{1, "IMG_0001.jpg"});
    CHECK(photos[1] == std::pair<std::int64_t, std::string>{2, "IMG_0002.jpg"});

    SECTION("a second folder: a photo by an observation is attached to it") {
        TempDir more;
        std::ofstream(more.path() / "IMG_0003.jpg", std::ios::binary) << makeImage(
            "JPEG", gpsTags(63.9135 + 2.0 / 111'300.0, 19.7545, "2024:10:06 20:00:00"));
        auto again = cli(walk.dir, "import-photos " + q(walk.project) + " " + q(more.path()) +
                                       " --attach-within 5");
        INFO(again.err);
        REQUIRE(again.exitCode == 0);
        CHECK(again.err == "IMG_0003.jpg: attached to observation 1 (2.0 m away)\n");
        CHECK(again.out.find(": 0 new observations, 1 photos attached") != std::string::npos);
        CHECK(storedObservations(walk.project).size() == 2);
        auto attached = storedPhotos(walk.project);
        REQUIRE(attached.size() == 3);
        CHECK(attached[2] == std::pair<std::int64_t, std::string>{1, "IMG_0003.jpg"});
    }
}

TEST_CASE("import-photos refuses bad options and changes nothing") {
    Walk walk;
    const std::string before = trygg::test::readAll(walk.project);
    auto unknown = cli(walk.dir, "import-photos " + q(walk.project) + " " + q(walk.folder) +
                                     " --category lampor");
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.starts_with("tryggkarta-cli: observationer, field 'kategori': unknown value "
                                  "'lampor' (one of: belysning, "));
    CHECK(cli(walk.dir,
              "import-photos " + q(walk.project) + " " + q(walk.folder) + " --attach-within -3")
              .exitCode == 2);
    auto missing = cli(walk.dir, "import-photos " + q(walk.project) + " " + q(walk.dir / "saknas"));
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.find("saknas") != std::string::npos);
    CHECK(trygg::test::readAll(walk.project) == before);

    auto help = cli(walk.dir, "import-photos --help");
    CHECK(help.exitCode == 0);
    CHECK(help.out.find("--attach-within") != std::string::npos);
}
