// A folder of geotagged photos becomes observations (photo_folder_import.h).

#include "io/photo_samples.h"
#include "test_support.h"
#include "tryggkarta/io/crs_transform.h"
#include "tryggkarta/io/photo_folder_import.h"
#include "tryggkarta/io/project_store.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace trygg;
using trygg::test::gpsTags;
using trygg::test::kCentreLat;
using trygg::test::kCentreLon;
using trygg::test::kNorthLat;
using trygg::test::sweref;
using trygg::test::makeImage;
using trygg::test::Metadata;
using trygg::test::TempDir;

namespace {

// The photos are taken at kCentreLat/kCentreLon, near the reference point of DOMAIN.md
// (SWEREF 99 TM about E 733 107, N 7 096 069), or 150 m north of it.

const LayerCatalog& catalog() {
    return trygg::test::sourceCatalog();
}

const LayerDef& observationDef() {
    return *catalog().find("observationer");
}

Metadata withOffset(Metadata tags) {
    tags["EXIF_OffsetTimeOriginal"] = "+02:00";
    return tags;
}

/// What a dark October evening walk leaves in a folder: two geotagged photos (named against
/// their time order), a screenshot without GPS, a note, a holiday photo from Barcelona.
struct PhotoFolder {
    TempDir dir;
    std::filesystem::path project = dir / "p.gpkg";
    std::filesystem::path folder = dir / "foton";

    PhotoFolder() {
        REQUIRE(createProject(project, Crs::fromEpsg(crs::kSweref99Tm), catalog()));
        std::filesystem::create_directories(folder / "del2");
        write("a_norr.jpg",
              makeImage("JPEG", withOffset(gpsTags(kNorthLat, kCentreLon, "2024:10:05 21:40:00"))));
        write("b_centrum.jpg", makeImage("JPEG", withOffset(gpsTags(kCentreLat, kCentreLon,
                                                                    "2024:10:05 21:30:15"))));
        write("skarmbild.png", makeImage("PNG", {}));
        write("anteckning.txt", "Lampan vid tunneln är trasig.");
        write("barcelona.jpg", makeImage("JPEG", gpsTags(41.3870, 2.1700, "2024:07:01 12:00:00")));
        write("del2/c_sen.jpg", makeImage("JPEG", withOffset(gpsTags(kCentreLat, kCentreLon,
                                                                     "2024:10:05 22:00:00"))));
    }

    /// Writes a file into the photo folder (TempDir::write writes beside the project).
    void write(const std::string& name, const std::string& bytes) const {
        std::ofstream(folder / name, std::ios::binary) << bytes;
    }
};

/// Where a WGS 84 position lands in SWEREF 99 TM, by the project's own transform.
const FolderPhoto& named(const std::vector<FolderPhoto>& photos, const std::string& name) {
    auto it = std::ranges::find(photos, name, &FolderPhoto::name);
    REQUIRE(it != photos.end());
    return *it;
}

std::string textAt(const LayerDef& def, const Feature& feature, const char* field) {
    return textOf(def, feature, field);
}

/// Cancels once `after` files have been reported done.
class CancelAfter final : public Progress {
public:
    explicit CancelAfter(std::uint64_t after) : m_after(after) {}
    void update(std::uint64_t done, std::uint64_t) override { m_done = done; }
    [[nodiscard]] bool isCancelled() const override { return m_done >= m_after; }

private:
    std::uint64_t m_after;
    std::uint64_t m_done = 0;
};

} // namespace

TEST_CASE("the photos of a folder are read in time order with their places in SWEREF 99 TM") {
    PhotoFolder fx;
    auto photos = readPhotoFolder(fx.folder, false, Crs::fromEpsg(crs::kSweref99Tm));
    REQUIRE(photos);
    REQUIRE(photos->size() == 5); // not del2/ without `recursive`

    // Photos by time of capture, not by name; then the skipped files by name.
    CHECK((*photos)[0].name == "b_centrum.jpg");
    CHECK((*photos)[1].name == "a_norr.jpg");
    CHECK((*photos)[2].name == "anteckning.txt");
    CHECK((*photos)[3].name == "barcelona.jpg");
    CHECK((*photos)[4].name == "skarmbild.png");
    CHECK(countPlanned(*photos, PhotoPlan::NewObservation) == 2);
    CHECK(countPlanned(*photos, PhotoPlan::Skip) == 3);

    const FolderPhoto& centre = (*photos)[0];
    REQUIRE(centre.position);
    const Point expected = sweref(kCentreLat, kCentreLon);
    CHECK(centre.position->x() == Approx(expected.x()).margin(0.01));
    CHECK(centre.position->y() == Approx(expected.y()).margin(0.01));
    // ... which is where DOMAIN.md puts Vännäs centrum, so it is the right CRS and axis order.
    CHECK(centre.position->x() == Approx(733107.0).margin(2.0));
    CHECK(centre.position->y() == Approx(7096069.0).margin(2.0));
    CHECK(centre.takenAt == DateTime{Date{2024, 10, 5}, 21, 30, 15.0, 120});
    CHECK(centre.photo.fileName == "b_centrum.jpg");
    REQUIRE(centre.photo.data);
    CHECK(*centre.photo.data == trygg::test::readAll(fx.folder / "b_centrum.jpg"));
    CHECK((*photos)[1].position->y() - centre.position->y() == Approx(150.0).margin(1.0));

    const FolderPhoto& note = named(*photos, "anteckning.txt");
    CHECK(note.plan == PhotoPlan::Skip);
    CHECK(note.skipReason == SkipReason::NotAPhoto);
    CHECK(note.detail.starts_with("anteckning.txt: not a photo"));
    const FolderPhoto& screenshot = named(*photos, "skarmbild.png");
    CHECK(screenshot.skipReason == SkipReason::NoPosition);
    CHECK(screenshot.detail == "skarmbild.png: the photo has no GPS position");
    const FolderPhoto& holiday = named(*photos, "barcelona.jpg");
    CHECK(holiday.skipReason == SkipReason::OutsideSweden);
    CHECK(holiday.detail == "barcelona.jpg: taken far outside Sweden (41.38700 N, 2.17000 E)");
    CHECK_FALSE(holiday.photo.data); // a skipped photo keeps no bytes

    SECTION("with sub-folders") {
        auto all = readPhotoFolder(fx.folder, true, Crs::fromEpsg(crs::kSweref99Tm));
        REQUIRE(all);
        REQUIRE(all->size() == 6);
        CHECK((*all)[2].name == "del2/c_sen.jpg");
        CHECK(countPlanned(*all, PhotoPlan::NewObservation) == 3);
    }
    SECTION("in the local zone SWEREF 99 20 15") {
        auto local = readPhotoFolder(fx.folder, false, Crs::fromEpsg(crs::kSweref992015));
        REQUIRE(local);
        CHECK((*local)[0].position->x() == Approx(125680.0).margin(2.0));
        CHECK((*local)[0].position->y() == Approx(7090306.0).margin(2.0));
    }
    SECTION("a folder that is not there") {
        auto missing = readPhotoFolder(fx.dir / "saknas", false, Crs::fromEpsg(crs::kSweref99Tm));
        REQUIRE_FALSE(missing);
        CHECK(missing.error().code == ErrorCode::OpenFailed);
        CHECK(missing.error().where.ends_with("saknas"));
    }
}

TEST_CASE("new observations from photos take time, place, category, polarity and source") {
    PhotoFolder fx;
    auto photos = readPhotoFolder(fx.folder, false, Crs::fromEpsg(crs::kSweref99Tm));
    REQUIRE(photos);
    const LayerDef& def = observationDef();

    SECTION("the caller's category and polarity, by code or label") {
        PhotoFolderOptions options;
        options.category = "Belysning";
        options.polarity = "trygg";
        auto features = newObservations(def, *photos, options);
        REQUIRE(features);
        REQUIRE(features->size() == 2);
        const Feature& first = (*features)[0];
        CHECK(first.id == kNoFeatureId);
        CHECK(std::get<Point>(*first.geometry).x() == (*photos)[0].position->x());
        CHECK(textAt(def, first, "kategori") == "belysning");
        CHECK(textAt(def, first, "polaritet") == "trygg");
        CHECK(textAt(def, first, "kalla") == "trygghetsvandring");
        CHECK(first.values[*def.fieldIndex("tidpunkt")] ==
              Value(DateTime{Date{2024, 10, 5}, 21, 30, 15.0, 120}));
        // 21:30 in October at Vännäs: dark, from the sun at that moment and place.
        CHECK(textAt(def, first, "ljusforh") == "morker");
        CHECK(isNull(first.values[*def.fieldIndex("beskrivn")]));
        CHECK(isNull(first.values[*def.fieldIndex("vandring")]));
    }
    SECTION("without a choice: other, unsafe") {
        auto features = newObservations(def, *photos, {});
        REQUIRE(features);
        CHECK(textAt(def, (*features)[1], "kategori") == "annat");
        CHECK(textAt(def, (*features)[1], "polaritet") == "otrygg");
    }
    SECTION("the file name as description only when asked") {
        PhotoFolderOptions options;
        options.fileNameInDescription = true;
        auto features = newObservations(def, *photos, options);
        REQUIRE(features);
        CHECK(textAt(def, (*features)[0], "beskrivn") == "b_centrum.jpg");
    }
    SECTION("a category that is not in the list") {
        PhotoFolderOptions options;
        options.category = "lampor";
        auto refused = newObservations(def, *photos, options);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::InvalidValue);
        CHECK(refused.error().where == "observationer, field 'kategori'");
        CHECK(refused.error().message.find("belysning") != std::string::npos);
    }
}

TEST_CASE("a photo folder imported into a project file") {
    PhotoFolder fx;
    PhotoFolderOptions options;
    options.category = "belysning";

    SECTION("each photo is an observation with its photo attached, numbered by time") {
        auto result = importPhotoFolder(fx.project, catalog(), fx.folder, options);
        REQUIRE(result);
        CHECK(named(*result, "b_centrum.jpg").observation == FeatureId{1});
        CHECK(named(*result, "a_norr.jpg").observation == FeatureId{2});
        CHECK_FALSE(named(*result, "b_centrum.jpg").photo.data); // bytes not kept

        auto project = openProject(fx.project, catalog());
        REQUIRE(project);
        const Layer& observations = *project->layer("observationer");
        REQUIRE(observations.size() == 2);
        const Feature* centre = observations.find(FeatureId{1});
        REQUIRE(centre);
        const Point expected = sweref(kCentreLat, kCentreLon);
        CHECK(std::get<Point>(*centre->geometry).x() == Approx(expected.x()).margin(0.01));
        CHECK(std::get<Point>(*centre->geometry).y() == Approx(expected.y()).margin(0.01));
        CHECK(textAt(observations.definition(), *centre, "kategori") == "belysning");
        CHECK(centre->values[*observations.definition().fieldIndex("tidpunkt")] ==
              Value(DateTime{Date{2024, 10, 5}, 21, 30, 15.0, 120}));

        REQUIRE(project->photos.size() == 2);
        CHECK(photosOf(project->photos, "observationer", FeatureId{1}) == std::vector{PhotoId{1}});
        CHECK(photosOf(project->photos, "observationer", FeatureId{2}) == std::vector{PhotoId{2}});
        CHECK(project->photos[0].fileName == "b_centrum.jpg");
        CHECK(*readPhotoData(fx.project, PhotoId{1}) ==
              trygg::test::readAll(fx.folder / "b_centrum.jpg"));
    }
    SECTION("a photo near an existing observation is attached to it") {
        auto project = openProject(fx.project, catalog());
        REQUIRE(project);
        Layer& observations = *project->layer("observationer");
        const Point centre = sweref(kCentreLat, kCentreLon);
        FeatureId existing = observations.add(trygg::test::lightingObservation(
            observations.definition(), centre.x() + 3.0, centre.y()));
        ChangeSet changes;
        changes.markWritten("observationer", existing);
        REQUIRE(saveChanges(fx.project, *project, changes));

        options.attachWithin = 5.0;
        auto result = importPhotoFolder(fx.project, catalog(), fx.folder, options);
        REQUIRE(result);
        const FolderPhoto& attached = named(*result, "b_centrum.jpg");
        CHECK(attached.plan == PhotoPlan::AttachToExisting);
        CHECK(attached.observation == existing);
        CHECK(attached.distance == Approx(3.0).margin(0.01));
        CHECK(named(*result, "a_norr.jpg").plan == PhotoPlan::NewObservation);
        CHECK(named(*result, "a_norr.jpg").observation == FeatureId{2});

        auto reread = openProject(fx.project, catalog());
        REQUIRE(reread);
        CHECK(reread->layer("observationer")->size() == 2);
        CHECK(photosOf(reread->photos, "observationer", existing) == std::vector{PhotoId{1}});
    }
    SECTION("cancelled: the project on disk is unchanged") {
        const std::string before = trygg::test::readAll(fx.project);
        CancelAfter cancel(1);
        auto result = importPhotoFolder(fx.project, catalog(), fx.folder, options, cancel);
        REQUIRE_FALSE(result);
        CHECK(result.error().code == ErrorCode::Cancelled);
        CHECK(trygg::test::readAll(fx.project) == before);
        CHECK(openProject(fx.project, catalog())->layer("observationer")->size() == 0);
    }
    SECTION("an unknown polarity: nothing is read or written") {
        const std::string before = trygg::test::readAll(fx.project);
        options.polarity = "farlig";
        auto result = importPhotoFolder(fx.project, catalog(), fx.folder, options);
        REQUIRE_FALSE(result);
        CHECK(result.error().where == "observationer, field 'polaritet'");
        CHECK(trygg::test::readAll(fx.project) == before);
    }
}
