// Recovery copies: unsaved edits written to a GeoPackage of their own in the background,
// deleted once saved, and recovered as a modified document of the original file.

#include "test_support.h"
#include "tryggkarta/document/recovery.h"
#include "tryggkarta/io/project_store.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>
#include <chrono>

using namespace trygg;
using namespace std::chrono_literals;

namespace {

namespace fs = std::filesystem;

constexpr int kWaitMs = 20000;

/// The event loop that the writer's timer and its finished signal need; one per test.
struct EventLoop {
    int argc = 1;
    char name[14] = "test_recovery";
    char* argv[2] = {name, nullptr};
    QCoreApplication app{argc, argv};
};

Project read(const fs::path& file) {
    auto project = openProject(file, test::sourceCatalog());
    REQUIRE(project);
    return std::move(*project);
}

std::size_t field(std::string_view name) {
    return *test::sourceCatalog().find("observationer")->fieldIndex(name);
}

Feature observation(double x, std::string category) {
    Feature feature;
    feature.geometry = Point(x, 7096000.0);
    feature.values.resize(test::sourceCatalog().find("observationer")->fields.size());
    feature.values[field("kategori")] = std::move(category);
    feature.values[field("polaritet")] = std::string("otrygg");
    feature.values[field("kalla")] = std::string("trygghetsvandring");
    return feature;
}

std::string category(const Project& project, FeatureId id) {
    const Feature* feature = project.layer("observationer")->find(id);
    REQUIRE(feature != nullptr);
    return std::get<std::string>(feature->values[field("kategori")]);
}

/// A saved project with one observation (id 1, "belysning"), open in a document whose
/// recovery copies go to a folder of the test.
struct RecoveryFixture {
    EventLoop loop;
    test::TempDir dir;
    fs::path path = dir / "vannas.gpkg";
    fs::path folder = dir / "recovery";
    MapDocument document{test::sourceCatalog()};
    RecoveryWriter writer{document};
    FeatureId saved;

    RecoveryFixture() {
        writer.setFolder(folder);
        writer.setPromptDelay(std::chrono::hours(1)); // these tests start every write
        REQUIRE(createProject(path, Crs::fromEpsg(crs::kSweref99Tm), test::sourceCatalog()));
        document.setProject(read(path), path);
        saved = *document.addFeature("observationer", observation(733100.0, "belysning"));
        REQUIRE(document.save());
        // As if saved a minute ago: copies taken now are newer by a margin.
        fs::last_write_time(path, fs::file_time_type::clock::now() - 1min);
    }

    /// Adds observation 2 ("passage") and changes observation 1 to "sikt".
    void edit() {
        REQUIRE(document.addFeature("observationer", observation(733150.0, "passage")));
        std::vector<std::optional<Value>> values(
            document.layer("observationer")->definition().fields.size());
        values[field("kategori")] = Value{std::string("sikt")};
        REQUIRE(document.setValues("observationer", {saved}, values));
    }

    [[nodiscard]] RecoveryFiles files() const { return recoveryFilesFor(folder, path); }
};

/// Starts a write now and waits for its end; fails the test when the write failed.
void writeAndWait(RecoveryWriter& writer) {
    QSignalSpy written(&writer, &RecoveryWriter::written);
    QSignalSpy failed(&writer, &RecoveryWriter::failed);
    REQUIRE(writer.writeNow());
    REQUIRE(QTest::qWaitFor([&] { return !written.isEmpty() || !failed.isEmpty(); }, kWaitMs));
    INFO((failed.isEmpty() ? QString() : failed.front().front().toString()).toStdString());
    REQUIRE(failed.isEmpty());
}

} // namespace

TEST_CASE("a recovery copy holds the unsaved edits, the project file does not", "[recovery]") {
    RecoveryFixture open;
    CHECK_FALSE(open.writer.writeNow()); // nothing unsaved
    open.edit();
    writeAndWait(open.writer);

    const RecoveryFiles files = open.files();
    CHECK(files.data.parent_path() == open.folder);
    CHECK(files.data.filename().string().starts_with("vannas-"));
    CHECK(files.data.extension() == ".gpkg");
    CHECK(files.sidecar.extension() == ".json");
    const Project copy = read(files.data);
    CHECK(copy.layer("observationer")->size() == 2);
    CHECK(category(copy, open.saved) == "sikt");
    CHECK(category(copy, FeatureId{2}) == "passage");
    const Project original = read(open.path);
    CHECK(original.layer("observationer")->size() == 1);
    CHECK(category(original, open.saved) == "belysning");

    auto found = findRecovery(open.folder, open.path);
    REQUIRE(found);
    CHECK(found->files.data == files.data);
    CHECK(found->info.original == fs::canonical(open.path));
    CHECK(found->info.undoSteps == 3);
    CHECK(found->info.written.secsTo(QDateTime::currentDateTime()) < 60);
    CHECK_FALSE(open.writer.writeNow()); // no change since the copy
    // Another folder, another project of the same name: no copy there.
    CHECK_FALSE(findRecovery(open.folder, open.dir / "annan" / "vannas.gpkg"));
}

TEST_CASE("a copy older than the project file is not offered", "[recovery]") {
    RecoveryFixture open;
    open.edit();
    writeAndWait(open.writer);
    fs::last_write_time(open.path, fs::file_time_type::clock::now() + 1min);
    CHECK_FALSE(findRecovery(open.folder, open.path));
}

TEST_CASE("the timer writes a copy when there are new edits, one write at a time", "[recovery]") {
    RecoveryFixture open;
    QSignalSpy written(&open.writer, &RecoveryWriter::written);
    open.writer.setInterval(50ms);
    QTest::qWait(200);
    CHECK(written.isEmpty()); // saved: nothing to keep
    open.edit();
    REQUIRE(QTest::qWaitFor([&] { return !written.isEmpty(); }, kWaitMs));
    CHECK(read(open.files().data).layer("observationer")->size() == 2);

    open.writer.setInterval(RecoveryWriter::kDefaultInterval);
    REQUIRE(open.document.addFeature("observationer", observation(733200.0, "sikt")));
    REQUIRE(open.writer.writeNow());
    REQUIRE(open.document.addFeature("observationer", observation(733250.0, "sikt")));
    CHECK_FALSE(open.writer.writeNow()); // the first is still running
    open.writer.waitForIdle();
    QCoreApplication::processEvents();
    CHECK(read(open.files().data).layer("observationer")->size() == 3);
    writeAndWait(open.writer); // the later edit is still to be kept
    CHECK(read(open.files().data).layer("observationer")->size() == 4);
}

TEST_CASE("saving, undoing to the saved state and replacing the project delete the copy",
          "[recovery]") {
    RecoveryFixture open;
    open.edit();
    writeAndWait(open.writer);
    REQUIRE(fs::exists(open.files().data));
    REQUIRE(open.document.save());
    CHECK_FALSE(fs::exists(open.files().data));
    CHECK_FALSE(fs::exists(open.files().sidecar));

    open.document.undoStack().undo();
    writeAndWait(open.writer);
    REQUIRE(fs::exists(open.files().sidecar));
    open.document.undoStack().redo(); // back to the saved state
    CHECK_FALSE(fs::exists(open.files().sidecar));

    open.document.undoStack().undo();
    writeAndWait(open.writer);
    const fs::path other = open.dir / "annan.gpkg";
    REQUIRE(createProject(other, Crs::fromEpsg(crs::kSweref99Tm), test::sourceCatalog()));
    open.document.setProject(read(other), other);
    CHECK_FALSE(fs::exists(open.files().data));

    open.edit();
    writeAndWait(open.writer);
    REQUIRE(fs::exists(recoveryFilesFor(open.folder, other).data));
    open.writer.discard(); // closed without saving
    CHECK_FALSE(fs::exists(recoveryFilesFor(open.folder, other).data));
}

TEST_CASE("a recovered project is modified until saved, and the save writes all of it",
          "[recovery]") {
    RecoveryFixture open;
    open.edit();
    Photo photo;
    photo.fileName = "tunneln.jpg";
    photo.mimeType = "image/jpeg";
    photo.data = std::make_shared<const std::string>("\xff\xd8 bytes only in memory \xff\xd9");
    photo.byteSize = static_cast<std::int64_t>(photo.data->size());
    auto photos = open.document.addPhotos("observationer", FeatureId{2}, {photo});
    REQUIRE(photos);
    writeAndWait(open.writer);

    // The program ended without saving; the next one finds the copy.
    auto found = findRecovery(open.folder, open.path);
    REQUIRE(found);
    MapDocument recovered{test::sourceCatalog()};
    RecoveryWriter writer{recovered};
    writer.setFolder(open.folder);
    QSignalSpy modified(&recovered, &MapDocument::modifiedChanged);
    recovered.setRecoveredProject(read(found->files.data), open.path, found->files.data);
    CHECK(recovered.path() == open.path);
    CHECK(recovered.isModified());
    CHECK(recovered.needsFullSave());
    CHECK(recovered.undoStack().count() == 0);
    CHECK(modified.back().front().toBool());
    CHECK(fs::exists(found->files.data)); // kept until saved
    CHECK(**recovered.photoData(photos->front()) == *photo.data);

    REQUIRE(recovered.save());
    CHECK_FALSE(recovered.isModified());
    CHECK_FALSE(recovered.needsFullSave());
    CHECK_FALSE(modified.back().front().toBool());
    CHECK_FALSE(fs::exists(found->files.data));
    const Project saved = read(open.path);
    CHECK(saved.layer("observationer")->size() == 2);
    CHECK(category(saved, open.saved) == "sikt");
    CHECK(category(saved, FeatureId{2}) == "passage");
    auto bytes = readPhotoData(open.path, photos->front());
    REQUIRE(bytes);
    CHECK(*bytes == *photo.data);
}
