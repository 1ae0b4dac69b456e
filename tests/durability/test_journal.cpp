// The recovery copy after walk observations: written within moments of each observation
// (a burst in one write), brought up to date from the project file and the edits since it
// was saved, and written from memory when the project file is gone.

#include "durability_support.h"
#include "tryggkarta/document/recovery.h"
#include "tryggkarta/io/project_store.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>

using namespace trygg;
using namespace std::chrono_literals;

namespace {

namespace fs = std::filesystem;

constexpr int kWaitMs = test::kCopyWaitMs;

/// A saved project with one observation, open in a document whose copies are written 100 ms
/// after an observation changes.
struct Walk {
    test::EventLoop loop;
    test::TempDir dir;
    fs::path path = dir / "vandring.gpkg";
    MapDocument document{test::sourceCatalog()};
    RecoveryWriter writer{document};
    QSignalSpy written{&writer, &RecoveryWriter::written};
    QSignalSpy failed{&writer, &RecoveryWriter::failed};

    Walk() {
        writer.setFolder(dir / "recovery");
        writer.setPromptDelay(100ms);
        REQUIRE(createProject(path, Crs::fromEpsg(crs::kSweref99Tm), test::sourceCatalog()));
        auto project = openProject(path, test::sourceCatalog());
        REQUIRE(project);
        document.setProject(std::move(*project), path);
        observe(733100.0);
        REQUIRE(document.save());
        written.clear();
    }

    FeatureId observe(double x) {
        const LayerDef& def = *test::sourceCatalog().find(std::string(kObservationLayer));
        auto id =
            document.addFeature(kObservationLayer, test::lightingObservation(def, x, 7096000.0));
        REQUIRE(id);
        return *id;
    }

    /// Waits for the next copy; fails the test when the write failed.
    void awaitCopy() {
        const auto before = written.size();
        REQUIRE(
            QTest::qWaitFor([&] { return written.size() > before || !failed.isEmpty(); }, kWaitMs));
        INFO((failed.isEmpty() ? QString() : failed.front().front().toString()).toStdString());
        REQUIRE(failed.isEmpty());
    }

    [[nodiscard]] fs::path copy() const { return recoveryFilesFor(writer.folder(), path).data; }
};

} // namespace

TEST_CASE("each walk observation reaches the recovery copy at once, a burst in one write",
          "[durability][journal]") {
    Walk walk;
    walk.observe(733110.0);
    walk.awaitCopy();
    CHECK(test::observationCount(walk.copy()) == 2);

    for (int i = 0; i < 5; ++i) {
        walk.observe(733120.0 + i);
    }
    walk.awaitCopy();
    QTest::qWait(300); // no second write for the same burst
    CHECK(walk.written.size() == 2);
    CHECK(test::observationCount(walk.copy()) == 7);
    CHECK(test::observationCount(walk.path) == 1); // the file is the saved state
}

TEST_CASE("the copy follows undo and removal, updated in place", "[durability][journal]") {
    Walk walk;
    const FeatureId added = walk.observe(733110.0);
    walk.observe(733120.0);
    walk.awaitCopy();
    CHECK(test::observationCount(walk.copy()) == 3);
    walk.document.undoStack().undo();
    REQUIRE(walk.writer.writeNow());
    walk.awaitCopy();
    CHECK(test::observationCount(walk.copy()) == 2);
    walk.document.undoStack().redo();
    walk.awaitCopy();
    REQUIRE(walk.document.removeFeatures(kObservationLayer, {FeatureId{1}}));
    walk.awaitCopy();
    auto copy = openProject(walk.copy(), test::sourceCatalog());
    REQUIRE(copy);
    CHECK(copy->layer(kObservationLayer)->size() == 2);
    CHECK(copy->layer(kObservationLayer)->find(added) != nullptr);
    CHECK(copy->layer(kObservationLayer)->find(FeatureId{1}) == nullptr);
}

TEST_CASE("with the project file gone the copy is written from memory", "[durability][journal]") {
    Walk walk;
    fs::remove(walk.path);
    walk.observe(733110.0);
    walk.awaitCopy();
    CHECK(test::observationCount(walk.copy()) == 2);
}
