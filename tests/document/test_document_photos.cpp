// MapDocument::addFeaturesWithPhotos: a folder of photos made into observations is one undo
// step, refuses to attach to a feature that is not there, and survives save and reopen.

#include "test_support.h"

#include "tryggkarta/document/map_document.h"
#include "tryggkarta/io/project_store.h"

#include <catch2/catch.hpp>

using namespace trygg;

namespace {

// Kept apart from test_map_document.cpp's fixture on purpose: that file is edited by others.
struct PhotoProject {
    test::TempDir dir;
    std::filesystem::path path = dir.path() / "foton.gpkg";
    MapDocument document{test::sourceCatalog()};

    PhotoProject() {
        REQUIRE(createProject(path, Crs::fromEpsg(crs::kSweref99Tm), test::sourceCatalog()));
        auto project = openProject(path, test::sourceCatalog());
        REQUIRE(project);
        document.setProject(std::move(*project), path);
    }
};

Feature lampObservation(double x, double y) {
    return test::lightingObservation(*test::sourceCatalog().find("observationer"), x, y);
}

Photo jpeg(std::string name, FeatureId feature = kNoFeatureId) {
    Photo photo;
    photo.fileName = std::move(name);
    photo.mimeType = "image/jpeg";
    photo.feature = feature;
    photo.data = std::make_shared<const std::string>("\xff\xd8 bytes of " + photo.fileName + "\xff\xd9");
    photo.byteSize = static_cast<std::int64_t>(photo.data->size());
    return photo;
}

/// (feature, file name) of every photo, for comparing states.
std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> photoRows(const MapDocument& doc) {
    std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> rows;
    for (const Photo& photo : doc.photos()) {
        rows.emplace_back(toInt(photo.id), toInt(photo.feature), photo.fileName);
    }
    std::ranges::sort(rows);
    return rows;
}

} // namespace

TEST_CASE("features with photos and an attached photo are one undo step", "[document][photos]") {
    PhotoProject open;
    MapDocument& doc = open.document;
    const FeatureId existing = *doc.addFeature("observationer", lampObservation(733100.0, 7096000.0));
    const int stepsBefore = doc.undoStack().count();

    std::vector<FeatureWithPhotos> added(2);
    added[0].feature = lampObservation(733200.0, 7096100.0);
    added[0].photos = {jpeg("a.jpg")};
    added[1].feature = lampObservation(733300.0, 7096200.0);
    added[1].photos = {jpeg("b.jpg"), jpeg("c.jpg")};
    REQUIRE(doc.addFeaturesWithPhotos("observationer", std::move(added), {jpeg("near.jpg", existing)},
                                      "Importera foton"));

    CHECK(doc.undoStack().count() == stepsBefore + 1);
    const Layer& layer = *doc.layer("observationer");
    REQUIRE(layer.size() == 3);
    REQUIRE(doc.photos().size() == 4);
    CHECK(photosOf(doc.photos(), "observationer", existing).size() == 1);
    CHECK(photosOf(doc.photos(), "observationer", FeatureId{2}).size() == 1);
    CHECK(photosOf(doc.photos(), "observationer", FeatureId{3}).size() == 2);
    REQUIRE(layer.find(FeatureId{3}) != nullptr);
    CHECK(std::get<Point>(*layer.find(FeatureId{3})->geometry).x() == Approx(733300.0));
    const auto after = photoRows(doc);

    doc.undoStack().undo();
    CHECK(doc.layer("observationer")->size() == 1);
    CHECK(doc.photos().empty());
    doc.undoStack().redo();
    CHECK(doc.layer("observationer")->size() == 3);
    CHECK(photoRows(doc) == after);
}

TEST_CASE("attaching a photo to a missing feature changes nothing", "[document][photos]") {
    PhotoProject open;
    MapDocument& doc = open.document;
    std::vector<FeatureWithPhotos> added(1);
    added[0].feature = lampObservation(733200.0, 7096100.0);
    added[0].photos = {jpeg("a.jpg")};
    auto result = doc.addFeaturesWithPhotos("observationer", std::move(added),
                                            {jpeg("lost.jpg", FeatureId{42})}, "Importera foton");
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::NotFound);
    CHECK(doc.layer("observationer")->size() == 0);
    CHECK(doc.photos().empty());
    CHECK(doc.undoStack().count() == 0);
    CHECK_FALSE(doc.isModified());
}

TEST_CASE("photos added with their features are saved with them", "[document][photos]") {
    PhotoProject open;
    MapDocument& doc = open.document;
    std::vector<FeatureWithPhotos> added(2);
    added[0].feature = lampObservation(733200.0, 7096100.0);
    added[0].photos = {jpeg("a.jpg")};
    added[1].feature = lampObservation(733300.0, 7096200.0);
    added[1].photos = {jpeg("b.jpg")};
    REQUIRE(doc.addFeaturesWithPhotos("observationer", std::move(added), {}, "Importera foton"));
    REQUIRE(doc.save());

    auto project = openProject(open.path, test::sourceCatalog());
    REQUIRE(project);
    MapDocument reopened{test::sourceCatalog()};
    reopened.setProject(std::move(*project), open.path);
    CHECK(reopened.layer("observationer")->size() == 2);
    CHECK(photoRows(reopened) == photoRows(doc));
    for (const Photo& photo : reopened.photos()) {
        auto bytes = reopened.photoData(photo.id);
        REQUIRE(bytes);
        CHECK(**bytes == "\xff\xd8 bytes of " + photo.fileName + "\xff\xd9");
    }
}
