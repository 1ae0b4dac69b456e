// Opening a project with a recovery copy newer than the file asks what to do with it.

#include "main_window.h"
#include "test_support.h"
#include "tryggkarta/document/recovery.h"
#include "tryggkarta/io/project_store.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <catch2/catch.hpp>
#include <chrono>

using namespace trygg;
using namespace std::chrono_literals;

namespace {

namespace fs = std::filesystem;

const LayerCatalog& catalog() {
    return test::sourceCatalog();
}

Feature observation() {
    const LayerDef& def = *catalog().find("observationer");
    Feature feature;
    feature.geometry = Point(733107.0, 7096069.0);
    feature.values.resize(def.fields.size());
    feature.values[*def.fieldIndex("kategori")] = std::string("belysning");
    feature.values[*def.fieldIndex("polaritet")] = std::string("otrygg");
    feature.values[*def.fieldIndex("kalla")] = std::string("trygghetsvandring");
    return feature;
}

/// Clicks the button named `text` in the question that the next call opens.
void answer(const QString& text) {
    QTimer::singleShot(0, [text] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        REQUIRE(box != nullptr);
        CHECK(box->text().startsWith(QStringLiteral("Det finns osparade ändringar från ")));
        CHECK(box->text().endsWith(
            QStringLiteral(" i en återställningsfil. Vill du återställa dem?")));
        for (auto* button : box->buttons()) {
            if (button->text() == text) {
                button->click();
            }
        }
    });
}

/// An empty project saved a minute ago, a recovery copy of it with one observation, and a
/// main window that keeps its recovery copies where the test put this one.
struct ProjectWithCopy {
    test::TempDir dir;
    fs::path path = dir / "vannas.gpkg";
    fs::path folder = dir / "recovery";
    MainWindow window{catalog()};

    ProjectWithCopy() {
        REQUIRE(createProject(path, Crs::fromEpsg(crs::kSweref99Tm), catalog()));
        MapDocument edited{catalog()};
        edited.setProject(*openProject(path, catalog()), path);
        REQUIRE(edited.addFeature("observationer", observation()));
        REQUIRE(writeRecovery(recoveryFilesFor(folder, path), edited.snapshot(),
                              RecoveryInfo{recoveryKey(path), QDateTime::currentDateTime(), 1}));
        fs::last_write_time(path, fs::file_time_type::clock::now() - 1min);
        window.recovery().setFolder(folder);
    }

    /// Opens the project, answering the question with the button `text`.
    bool open(const QString& text) {
        answer(text);
        return window.openProjectFile(path);
    }
    [[nodiscard]] bool hasCopy() const { return fs::exists(recoveryFilesFor(folder, path).data); }
};

std::size_t observations(MainWindow& window) {
    return window.document().layer("observationer")->size();
}

} // namespace

TEST_CASE("Återställ opens the copy's data as the modified project of the original file",
          "[recovery]") {
    ProjectWithCopy files;
    MainWindow& window = files.window;
    REQUIRE(files.open(QStringLiteral("Återställ")));
    CHECK(window.document().path() == files.path);
    CHECK(observations(window) == 1);
    CHECK(window.document().isModified());
    CHECK(window.windowTitle().startsWith(QStringLiteral("vannas.gpkg*")));
    CHECK(files.hasCopy()); // until saved

    REQUIRE(window.document().save());
    CHECK_FALSE(files.hasCopy());
    CHECK(openProject(files.path, catalog())->layer("observationer")->size() == 1);
}

TEST_CASE("Kasta deletes the copy and opens the file, Avbryt opens nothing", "[recovery]") {
    ProjectWithCopy files;
    MainWindow& window = files.window;
    CHECK_FALSE(files.open(QStringLiteral("Avbryt")));
    CHECK_FALSE(window.document().hasProject());
    CHECK(files.hasCopy());

    REQUIRE(files.open(QStringLiteral("Kasta")));
    CHECK(observations(window) == 0);
    CHECK_FALSE(window.document().isModified());
    CHECK_FALSE(files.hasCopy());
}

TEST_CASE("the status bar says when a recovery copy was written", "[recovery]") {
    ProjectWithCopy files;
    MainWindow& window = files.window;
    REQUIRE(files.open(QStringLiteral("Återställ")));
    REQUIRE(window.document().removeFeatures("observationer", {FeatureId{1}}));
    const QString before = QTime::currentTime().toString(QStringLiteral("HH:mm"));
    REQUIRE(window.recovery().writeNow());
    const QString said = QStringLiteral("Återställningskopia sparad ");
    REQUIRE(QTest::qWaitFor([&] { return window.statusBar()->currentMessage().startsWith(said); },
                            20000));
    const QString after = QTime::currentTime().toString(QStringLiteral("HH:mm"));
    CHECK((window.statusBar()->currentMessage() == said + before ||
           window.statusBar()->currentMessage() == said + after));
    CHECK(openProject(recoveryFilesFor(files.folder, files.path).data, catalog())
              ->layer("observationer")
              ->size() == 0);
}
