#include "io/photo_samples.h"
#include "test_support.h"
#include "tryggkarta/io/photo_import.h"
#include "tryggkarta/io/project_store.h"

#include <catch2/catch.hpp>
#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <map>
#include <ogrsf_frmts.h>
#include <vector>

using namespace trygg;
using trygg::test::TempDir;
using trygg::test::Decoded;
using trygg::test::Metadata;
using trygg::test::decode;
using trygg::test::geotag;
using trygg::test::hasExifKeys;
using trygg::test::kLat;
using trygg::test::kLon;
using trygg::test::makeImage;

namespace {

const LayerCatalog& catalog() {
    return trygg::test::sourceCatalog();
}

/// A project with one observation and one measure; returns their ids.
struct Fixture {
    TempDir dir;
    std::filesystem::path path = dir / "p.gpkg";
    Project project;
    FeatureId observation{};
    FeatureId measure{};

    Fixture() {
        REQUIRE(createProject(path, Crs::fromEpsg(3006), catalog()));
        project = *openProject(path, catalog());
        Layer& obs = *project.layer("observationer");
        Feature f;
        f.geometry = Point{733107, 7096069};
        f.values.resize(obs.definition().fields.size());
        observation = obs.add(f);
        Layer& measures = *project.layer("atgarder");
        Feature m;
        m.geometry = Point{733120, 7096080};
        m.values.resize(measures.definition().fields.size());
        measure = measures.add(m);
        ChangeSet changes;
        changes.markWritten("observationer", observation);
        changes.markWritten("atgarder", measure);
        REQUIRE(saveChanges(path, project, changes));
    }

    /// Attaches `photo` to a feature in memory and returns its id.
    PhotoId attach(Photo photo, const char* layer, FeatureId feature) {
        photo.id = nextPhotoId(project.photos);
        photo.layer = layer;
        photo.feature = feature;
        project.photos.push_back(std::move(photo));
        return project.photos.back().id;
    }
};

Photo readOk(const std::filesystem::path& file) {
    auto photo = readPhotoFile(file);
    INFO((photo ? std::string() : photo.error().describe()));
    REQUIRE(photo);
    return *photo;
}

} // namespace

TEST_CASE("a geotagged JPEG gives its position, time and orientation") {
    TempDir dir;
    std::string bytes = makeImage("JPEG", geotag());
    REQUIRE(bytes.size() < 5000);
    auto file = dir.write("kvall.jpg", bytes);

    Photo photo = readOk(file);
    CHECK(photo.id == kNoPhotoId);
    CHECK(photo.fileName == "kvall.jpg");
    CHECK(photo.mimeType == "image/jpeg");
    CHECK(photo.byteSize == static_cast<std::int64_t>(bytes.size()));
    REQUIRE(photo.data);
    CHECK(*photo.data == bytes);
    REQUIRE(photo.position);
    CHECK(photo.position->x() == Approx(kLon).margin(1e-5));
    CHECK(photo.position->y() == Approx(kLat).margin(1e-5));
    REQUIRE(photo.takenAt);
    CHECK(*photo.takenAt == DateTime{Date{2024, 10, 5}, 21, 30, 15.0, 120});
    CHECK(photo.orientation == 6);
}

TEST_CASE("EXIF positions south and west are negative, void or missing ones are none") {
    TempDir dir;
    SECTION("south, west") {
        auto photo =
            readOk(dir.write("syd.jpg", makeImage("JPEG", {{"EXIF_GPSLatitude", "(33) (51) (36)"},
                                                           {"EXIF_GPSLatitudeRef", "S"},
                                                           {"EXIF_GPSLongitude", "(70) (30) (0)"},
                                                           {"EXIF_GPSLongitudeRef", "W"}})));
        REQUIRE(photo.position);
        CHECK(photo.position->x() == Approx(-70.5).margin(1e-7));
        CHECK(photo.position->y() == Approx(-33.86).margin(1e-7));
        CHECK_FALSE(photo.takenAt);
        CHECK(photo.orientation == 1);
    }
    SECTION("a void fix") {
        auto tags = geotag();
        tags["EXIF_GPSStatus"] = "V";
        CHECK_FALSE(readOk(dir.write("void.jpg", makeImage("JPEG", tags))).position);
    }
    SECTION("no EXIF at all") {
        auto photo = readOk(dir.write("ren.jpg", makeImage("JPEG", {})));
        CHECK_FALSE(photo.position);
        CHECK_FALSE(photo.takenAt);
        CHECK(photo.orientation == 1);
    }
    SECTION("a PNG") {
        auto photo = readOk(dir.write("skiss.png", makeImage("PNG", {})));
        CHECK(photo.mimeType == "image/png");
        CHECK_FALSE(photo.position);
    }
}

TEST_CASE("what is not a JPEG or PNG image is refused, naming the file") {
    TempDir dir;
    SECTION("a text file renamed .jpg") {
        auto file = dir.write("foto.jpg", "det här är ingen bild\n");
        auto photo = readPhotoFile(file);
        REQUIRE_FALSE(photo);
        CHECK(photo.error().code == ErrorCode::InvalidFormat);
        CHECK(photo.error().where == file.string());
        CHECK(photo.error().describe().find("foto.jpg") != std::string::npos);
        CHECK(photo.error().message == "not a photo: only JPEG and PNG images can be attached");
    }
    SECTION("JPEG magic with nothing behind it") {
        auto file = dir.write("trasig.jpg", std::string("\xFF\xD8\xFF\xE0", 4) + "skräp");
        auto photo = readPhotoFile(file);
        REQUIRE_FALSE(photo);
        CHECK(photo.error().code == ErrorCode::InvalidFormat);
        CHECK(photo.error().where == file.string());
        CHECK(photo.error().message.starts_with("damaged image"));
    }
    SECTION("a missing file") {
        auto photo = readPhotoFile(dir / "saknas.jpg");
        REQUIRE_FALSE(photo);
        CHECK(photo.error().code == ErrorCode::OpenFailed);
        CHECK(photo.error().where == (dir / "saknas.jpg").string());
    }
}

TEST_CASE("withoutExif leaves only pixels, turned upright") {
    std::string original = makeImage("JPEG", geotag(), true);
    Decoded before = decode(original);
    REQUIRE(before.items.at("EXIF_GPSLatitude") == "(63) (54) (48.6)");
    REQUIRE(before.items.at("EXIF_Make") == "Testkamera");
    REQUIRE(before.items.contains("COMMENT"));
    REQUIRE(before.hasXmp);

    auto stripped = withoutExif(original);
    REQUIRE(stripped);
    CHECK(stripped->find("Testkamera") == std::string::npos);
    CHECK(stripped->find("Anna Andersson") == std::string::npos);
    CHECK(stripped->find("xmpmeta") == std::string::npos);
    Decoded after = decode(*stripped);
    CHECK_FALSE(hasExifKeys(after.items));
    CHECK(after.items.empty());
    CHECK_FALSE(after.hasXmp);
    // Orientation 6 (turn 90° clockwise) is applied to the pixels: 32 × 16 becomes 16 × 32 and
    // the red top-left quarter of the stored image ends up top right.
    REQUIRE(after.width == 16);
    REQUIRE(after.height == 32);
    CHECK(after.isRed(12, 4));
    CHECK(after.isRed(12, 12));
    CHECK(after.isBlue(3, 4));
    CHECK(after.isBlue(12, 24));

    auto photo = photoFromBytes(*stripped, "export.jpg");
    REQUIRE(photo);
    CHECK(photo->orientation == 1);
    CHECK_FALSE(photo->position);
    CHECK_FALSE(photo->takenAt);

    SECTION("a PNG stays a PNG") {
        auto png = withoutExif(makeImage("PNG", {}));
        REQUIRE(png);
        CHECK(png->starts_with("\x89PNG"));
        CHECK(decode(*png).isRed(2, 2));
    }
    SECTION("not an image") {
        auto refused = withoutExif("inte en bild");
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::InvalidFormat);
    }
}

TEST_CASE("photos are stored in the project file and read back byte for byte") {
    Fixture fx;
    std::string bytes = makeImage("JPEG", geotag());
    PhotoId first =
        fx.attach(readOk(fx.dir.write("a.jpg", bytes)), "observationer", fx.observation);
    std::string pngBytes = makeImage("PNG", {});
    PhotoId second = fx.attach(readOk(fx.dir.write("b.png", pngBytes)), "atgarder", fx.measure);
    CHECK(first == PhotoId{1});
    CHECK(second == PhotoId{2});
    ChangeSet changes;
    changes.markPhotoWritten(first);
    changes.markPhotoWritten(second);
    CHECK_FALSE(changes.empty());
    REQUIRE(saveChanges(fx.path, fx.project, changes));

    auto reread = openProject(fx.path, catalog());
    REQUIRE(reread);
    REQUIRE(reread->photos.size() == 2);
    const Photo& a = reread->photos[0];
    CHECK(a.id == first);
    CHECK(a.layer == "observationer");
    CHECK(a.feature == fx.observation);
    CHECK(a.fileName == "a.jpg");
    CHECK(a.mimeType == "image/jpeg");
    CHECK(a.byteSize == static_cast<std::int64_t>(bytes.size()));
    CHECK(a.orientation == 6);
    CHECK(a.takenAt == DateTime{Date{2024, 10, 5}, 21, 30, 15.0, 120});
    REQUIRE(a.position);
    CHECK(a.position->x() == Approx(kLon).margin(1e-5));
    CHECK(a.position->y() == Approx(kLat).margin(1e-5));
    CHECK_FALSE(a.data); // not loaded by openProject
    CHECK(reread->photos[1].layer == "atgarder");
    CHECK_FALSE(reread->photos[1].position);
    CHECK(photosOf(reread->photos, "observationer", fx.observation) == std::vector{first});

    auto data = readPhotoData(fx.path, first);
    REQUIRE(data);
    CHECK(*data == bytes);
    CHECK(*readPhotoData(fx.path, second) == pngBytes);

    auto missing = readPhotoData(fx.path, PhotoId{99});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().where.find("p.gpkg") != std::string::npos);

    // QGIS lists trygg_foto as a table without geometry; `info` counts it apart.
    GDALDatasetUniquePtr ds(GDALDataset::Open(fx.path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* contents = ds->ExecuteSQL(
        "SELECT data_type FROM gpkg_contents WHERE table_name = 'trygg_foto'", nullptr, nullptr);
    REQUIRE(contents != nullptr);
    OGRFeatureUniquePtr row(contents->GetNextFeature());
    REQUIRE(row);
    CHECK(std::string(row->GetFieldAsString(0)) == "attributes");
    ds->ReleaseResultSet(contents);
    auto summary = summarizeProject(fx.path, catalog());
    REQUIRE(summary);
    CHECK(summary->photoCount == 2);
    CHECK(std::ranges::none_of(summary->layers,
                               [](const auto& l) { return l.name == "trygg_foto"; }));

    SECTION("a metadata change keeps the stored bytes") {
        reread->photos[0].orientation = 3;
        ChangeSet edit;
        edit.markPhotoWritten(first);
        REQUIRE(saveChanges(fx.path, *reread, edit));
        CHECK(openProject(fx.path, catalog())->photos[0].orientation == 3);
        CHECK(*readPhotoData(fx.path, first) == bytes);
    }
    SECTION("removing a photo deletes its row") {
        reread->photos.erase(reread->photos.begin());
        ChangeSet removal;
        removal.markPhotoRemoved(first);
        REQUIRE(saveChanges(fx.path, *reread, removal));
        auto after = openProject(fx.path, catalog());
        REQUIRE(after->photos.size() == 1);
        CHECK(after->photos[0].id == second);
        CHECK(readPhotoData(fx.path, first).error().code == ErrorCode::NotFound);
        CHECK(summarizeProject(fx.path, catalog())->photoCount == 1);
    }
    SECTION("removing a feature deletes its photos, listed or not") {
        reread->layer("observationer")->remove(fx.observation);
        ChangeSet removal;
        removal.markRemoved("observationer", fx.observation);
        REQUIRE(saveChanges(fx.path, *reread, removal));
        auto after = openProject(fx.path, catalog());
        REQUIRE(after->photos.size() == 1);
        CHECK(after->photos[0].layer == "atgarder");
        CHECK_FALSE(readPhotoData(fx.path, first));
    }
}

TEST_CASE("a photo of a feature that does not exist is refused and nothing is saved") {
    Fixture fx;
    PhotoId orphan = fx.attach(readOk(fx.dir.write("a.jpg", makeImage("JPEG", {}))),
                               "observationer", FeatureId{4711});
    Layer& obs = *fx.project.layer("observationer");
    Feature extra;
    extra.geometry = Point{733200, 7096200};
    extra.values.resize(obs.definition().fields.size());
    FeatureId added = obs.add(extra);
    ChangeSet changes;
    changes.markWritten("observationer", added);
    changes.markPhotoWritten(orphan);
    auto saved = saveChanges(fx.path, fx.project, changes);
    REQUIRE_FALSE(saved);
    CHECK(saved.error().code == ErrorCode::Usage);
    CHECK(saved.error().where.find("feature 4711") != std::string::npos);
    auto reread = openProject(fx.path, catalog());
    CHECK(reread->photos.empty());
    CHECK(reread->layer("observationer")->find(added) == nullptr); // same transaction

    auto copy = saveProjectAs(fx.dir / "kopia.gpkg", fx.project);
    REQUIRE_FALSE(copy);
    CHECK(copy.error().code == ErrorCode::Usage);
    CHECK_FALSE(std::filesystem::exists(fx.dir / "kopia.gpkg"));
}

TEST_CASE("photos survive saving the project as a new file") {
    Fixture fx;
    std::string bytes = makeImage("JPEG", geotag());
    PhotoId stored =
        fx.attach(readOk(fx.dir.write("a.jpg", bytes)), "observationer", fx.observation);
    ChangeSet changes;
    changes.markPhotoWritten(stored);
    REQUIRE(saveChanges(fx.path, fx.project, changes));

    auto opened = openProject(fx.path, catalog());
    REQUIRE(opened);
    // One photo only in the file (data null), one only in memory.
    std::string pngBytes = makeImage("PNG", {});
    Photo fresh = readOk(fx.dir.write("b.png", pngBytes));
    fresh.id = nextPhotoId(opened->photos);
    fresh.layer = "atgarder";
    fresh.feature = fx.measure;
    opened->photos.push_back(fresh);

    auto moved = fx.dir / "flyttad" / "kopia.gpkg";
    std::filesystem::create_directories(moved.parent_path());
    SECTION("with the original named") {
        REQUIRE(saveProjectAs(moved, *opened, Progress::none(), fx.path));
        std::filesystem::remove(fx.path); // nothing may still depend on the old file
        auto copy = openProject(moved, catalog());
        REQUIRE(copy);
        REQUIRE(copy->photos.size() == 2);
        CHECK(copy->photos[0].id == stored);
        CHECK(copy->photos[0].fileName == "a.jpg");
        CHECK(copy->photos[0].orientation == 6);
        CHECK(*readPhotoData(moved, stored) == bytes);
        CHECK(*readPhotoData(moved, fresh.id) == pngBytes);
    }
    SECTION("over the original itself") {
        REQUIRE(saveProjectAs(fx.path, *opened, Progress::none(), fx.path));
        CHECK(*readPhotoData(fx.path, stored) == bytes);
        CHECK(*readPhotoData(fx.path, fresh.id) == pngBytes);
    }
    SECTION("without the original, photos not in memory cannot be carried over") {
        auto saved = saveProjectAs(moved, *opened);
        REQUIRE_FALSE(saved);
        CHECK(saved.error().code == ErrorCode::Usage);
        CHECK_FALSE(std::filesystem::exists(moved));
    }
}

TEST_CASE("an older project without trygg_foto gets the table when saved") {
    Fixture fx;
    {
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(fx.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        for (int i = 0; i < ds->GetLayerCount(); ++i) {
            if (std::string(ds->GetLayer(i)->GetName()) == "trygg_foto") {
                REQUIRE(ds->DeleteLayer(i) == OGRERR_NONE);
            }
        }
    }
    auto opened = openProject(fx.path, catalog());
    REQUIRE(opened);
    CHECK(opened->photos.empty());
    CHECK(readPhotoData(fx.path, PhotoId{1}).error().code == ErrorCode::NotFound);

    std::string bytes = makeImage("JPEG", geotag());
    Photo photo = readOk(fx.dir.write("a.jpg", bytes));
    photo.id = PhotoId{1};
    photo.layer = "observationer";
    photo.feature = fx.observation;
    opened->photos.push_back(photo);
    ChangeSet changes;
    changes.markPhotoWritten(photo.id);
    REQUIRE(saveChanges(fx.path, *opened, changes));
    CHECK(*readPhotoData(fx.path, photo.id) == bytes);
}

TEST_CASE("photo values: ids, a feature's photos, the turn of each EXIF orientation") {
    std::vector<Photo> photos(3);
    photos[0].id = PhotoId{4};
    photos[0].layer = "observationer";
    photos[0].feature = FeatureId{7};
    photos[1].id = PhotoId{2};
    photos[1].layer = "observationer";
    photos[1].feature = FeatureId{7};
    photos[2].id = PhotoId{3};
    photos[2].layer = "atgarder";
    photos[2].feature = FeatureId{7};
    CHECK(nextPhotoId(photos) == PhotoId{5});
    CHECK(nextPhotoId({}) == PhotoId{1});
    CHECK(photosOf(photos, "observationer", FeatureId{7}) == std::vector{PhotoId{2}, PhotoId{4}});
    CHECK(findPhoto(photos, PhotoId{3})->layer == "atgarder");
    CHECK(findPhoto(photos, PhotoId{9}) == nullptr);

    CHECK(photoTurn(1) == PhotoTurn{0, false});
    CHECK(photoTurn(6) == PhotoTurn{90, false});
    CHECK(photoTurn(8) == PhotoTurn{270, false});
    CHECK(photoTurn(3) == PhotoTurn{180, false});
    CHECK(photoTurn(0) == PhotoTurn{0, false});
    // Corners of a 4 × 2 image: stored top-left and top-right, shown where each orientation
    // puts them.
    struct Case {
        int orientation;
        PixelPosition topLeft;
        PixelPosition topRight;
    };
    for (auto [orientation, topLeft, topRight] :
         {Case{1, {0, 0}, {3, 0}}, Case{2, {3, 0}, {0, 0}}, Case{3, {3, 1}, {0, 1}},
          Case{4, {0, 1}, {3, 1}}, Case{5, {0, 0}, {0, 3}}, Case{6, {1, 0}, {1, 3}},
          Case{7, {1, 3}, {1, 0}}, Case{8, {0, 3}, {0, 0}}}) {
        INFO("orientation " << orientation);
        CHECK(shownPixel(orientation, {0, 0}, 4, 2) == topLeft);
        CHECK(shownPixel(orientation, {3, 0}, 4, 2) == topRight);
    }

    ChangeSet changes;
    CHECK(changes.empty());
    changes.markPhotoWritten(PhotoId{1});
    changes.markPhotoRemoved(PhotoId{1});
    CHECK(changes.photos.written.empty());
    CHECK(changes.photos.removed == std::set{PhotoId{1}});
    CHECK_FALSE(changes.empty());
    changes.clear();
    CHECK(changes.empty());
}
